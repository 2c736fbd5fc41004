package fixtures;

import dev.schemac.annotations.Id;
import dev.schemac.annotations.Table;
import java.time.Instant;
import java.time.OffsetDateTime;

@Table
public record Shipment(
    @Id(generated = Id.Generated.IDENTITY) long id,
    Instant departedAt,
    OffsetDateTime arrivedAt,
    Instant createdAt) {}
