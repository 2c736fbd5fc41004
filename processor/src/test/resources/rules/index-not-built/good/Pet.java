package fixtures;

import dev.schemac.annotations.*;
import java.util.List;
import java.util.UUID;

@Table
@Index(expression = "lower(name)")
public record Pet(@Id UUID id, String name) {}
