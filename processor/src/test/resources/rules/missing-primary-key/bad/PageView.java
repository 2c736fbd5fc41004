package fixtures;

import dev.schemac.annotations.Table;
import java.time.Instant;

@Table
public record PageView( // fires
    String path,
    Instant viewedAt) {}
