package fixtures;

import dev.schemac.annotations.Column;
import dev.schemac.annotations.Id;
import dev.schemac.annotations.Table;
import java.time.Instant;
import java.time.LocalDateTime;

@Table
public record Shipment(
    @Id(generated = Id.Generated.IDENTITY) long id,
    LocalDateTime departedAt, // fires
    @Column(type = "timestamp") Instant arrivedAt, // fires
    Instant createdAt) {}
