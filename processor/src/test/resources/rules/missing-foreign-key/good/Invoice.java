package fixtures;

import dev.schemac.annotations.Id;
import dev.schemac.annotations.Indexed;
import dev.schemac.annotations.References;
import dev.schemac.annotations.Table;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Table
public record Invoice(
    @Id UUID id,
    @References(Customer.class) @Indexed UUID customerId,
    @References(Customer.class) @Indexed @Nullable UUID billingCustomerId,
    long totalCents) {}
