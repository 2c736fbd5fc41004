package fixtures;

import dev.schemac.annotations.Id;
import dev.schemac.annotations.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Table
public record Lead( // fires
    @Id UUID id,
    @Nullable String fullName,
    @Nullable String email,
    @Nullable Instant contactedAt) {}
