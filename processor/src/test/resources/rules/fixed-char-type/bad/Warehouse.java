package fixtures;

import dev.schemac.annotations.Column;
import dev.schemac.annotations.Id;
import dev.schemac.annotations.Table;
import java.util.UUID;

@Table
public record Warehouse(
    @Id UUID id,
    String city,
    @Column(type = "char(2)") String countryCode) {} // fires
