package fixtures;

import dev.schemac.annotations.*;
import java.util.List;
import java.util.UUID;

@Table
public record Pet(
    @Id UUID id,
    String name,
    List<String> tags) {} // fires
