package fixtures;

import dev.schemac.annotations.Id;
import dev.schemac.annotations.References;
import dev.schemac.annotations.Table;
import java.util.UUID;

@Table
public record Invoice(
    @Id UUID id,
    @References(Customer.class) UUID customerId, // fires
    long totalCents) {}
