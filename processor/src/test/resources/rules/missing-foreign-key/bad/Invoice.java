package fixtures;

import dev.schemac.annotations.Id;
import dev.schemac.annotations.Indexed;
import dev.schemac.annotations.Table;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Table
public record Invoice(
    @Id UUID id,
    @Indexed UUID customerId, // fires
    @Nullable UUID billingCustomerId, // fires
    long totalCents) {}
