package fixtures;

import dev.schemac.annotations.*;
import java.util.List;
import java.util.UUID;

@Table
@Index(expression = "md5(name)") // fires
public record Pet(@Id UUID id, String name) {}
