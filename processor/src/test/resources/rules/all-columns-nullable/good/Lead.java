package fixtures;

import dev.schemac.annotations.Id;
import dev.schemac.annotations.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Table
public record Lead(
    @Id UUID id,
    String fullName,
    String email,
    @Nullable Instant contactedAt) {}
