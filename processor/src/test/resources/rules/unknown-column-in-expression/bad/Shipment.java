package fixtures;

import dev.schemac.annotations.Check;
import dev.schemac.annotations.Id;
import dev.schemac.annotations.Index;
import dev.schemac.annotations.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Table
@Index(columns = "shipped_at", where = "delivred_at IS NULL") // fires
public record Shipment(
    @Id UUID id,
    @Check("weight_gram > 0") int weightGrams, // fires
    @Nullable Instant shippedAt,
    @Nullable Instant deliveredAt) {}
