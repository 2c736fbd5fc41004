package fixtures;

import dev.schemac.annotations.Column;
import dev.schemac.annotations.Id;
import dev.schemac.annotations.Table;
import java.math.BigDecimal;
import java.util.UUID;

@Table
public record Product(
    @Id UUID id,
    String title,
    @Column(type = "money") BigDecimal price) {} // fires
