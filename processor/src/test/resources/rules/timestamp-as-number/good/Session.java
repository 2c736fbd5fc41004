package fixtures;

import dev.schemac.annotations.Id;
import dev.schemac.annotations.Table;
import java.time.Instant;
import java.util.UUID;

@Table
public record Session(
    @Id UUID id,
    Instant createdAt,
    Instant expiresAt,
    int idleTimeoutSeconds) {}
