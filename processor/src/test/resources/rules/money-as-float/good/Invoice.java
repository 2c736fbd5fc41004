package fixtures;

import dev.schemac.annotations.Column;
import dev.schemac.annotations.Id;
import dev.schemac.annotations.Table;
import java.math.BigDecimal;
import java.util.UUID;

@Table
public record Invoice(
    @Id UUID id,
    @Column(length = 3) String currency,
    @Column(precision = 12, scale = 2) BigDecimal totalAmount,
    float taxRate,
    long shippingCostCents) {}
