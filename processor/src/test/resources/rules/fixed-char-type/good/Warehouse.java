package fixtures;

import dev.schemac.annotations.Check;
import dev.schemac.annotations.Column;
import dev.schemac.annotations.Id;
import dev.schemac.annotations.Table;
import java.util.UUID;

@Table
public record Warehouse(
    @Id UUID id,
    String city,
    @Column(length = 2) @Check("char_length(country_code) = 2") String countryCode) {}
