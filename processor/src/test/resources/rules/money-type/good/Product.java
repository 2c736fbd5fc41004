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
    @Column(precision = 19, scale = 4) BigDecimal price,
    @Column(length = 3) String currency) {}
