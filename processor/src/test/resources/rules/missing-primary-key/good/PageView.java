package fixtures;

import dev.schemac.annotations.Id;
import dev.schemac.annotations.Table;
import java.time.Instant;

@Table
public record PageView(
    @Id(generated = Id.Generated.IDENTITY) long id,
    String path,
    Instant viewedAt) {}
