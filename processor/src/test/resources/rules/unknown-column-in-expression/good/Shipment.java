package fixtures;

import dev.schemac.annotations.Check;
import dev.schemac.annotations.Id;
import dev.schemac.annotations.Index;
import dev.schemac.annotations.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Table
@Index(columns = "shipped_at", where = "delivered_at IS NULL")
public record Shipment(
    @Id UUID id,
    @Check("weight_grams > 0") int weightGrams,
    @Nullable Instant shippedAt,
    @Nullable Instant deliveredAt) {}
