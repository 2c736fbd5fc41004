package fixtures;

import dev.schemac.annotations.Column;
import dev.schemac.annotations.Id;
import dev.schemac.annotations.Table;
import java.util.UUID;

@Table
public record Invoice(
    @Id UUID id,
    @Column(length = 3) String currency,
    double totalAmount, // fires
    float taxRate,
    @Column(type = "double precision") Double shippingCost) {} // fires
