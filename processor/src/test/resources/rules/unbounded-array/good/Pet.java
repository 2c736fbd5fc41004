package fixtures;

import dev.schemac.annotations.*;
import java.util.List;
import java.util.UUID;

@Table
public record Pet(
    @Id UUID id,
    String name,
    @Check("cardinality(tags) <= 10") List<String> tags) {}
