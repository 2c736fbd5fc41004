package fixtures;

import dev.schemac.annotations.Id;
import dev.schemac.annotations.Table;
import java.util.UUID;

@Table
public record Session(
    @Id UUID id,
    long createdAt, // fires
    long expiresAtMillis, // fires
    int idleTimeoutSeconds) {}
