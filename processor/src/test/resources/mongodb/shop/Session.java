package shop;

import dev.schemac.annotations.Id;
import dev.schemac.annotations.Indexed;
import dev.schemac.annotations.References;
import dev.schemac.annotations.Table;
import java.time.Instant;
import java.util.UUID;

/** A signed-in session: the store deletes it a day after it was created. */
@Table
public record Session(
    @Id UUID id,
    @References(Customer.class) @Indexed UUID customerId,
    @Indexed(expireAfterSeconds = 86_400) Instant createdAt) {}
