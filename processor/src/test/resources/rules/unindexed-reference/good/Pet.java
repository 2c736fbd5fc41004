package fixtures;

import dev.schemac.annotations.*;
import java.util.List;
import java.util.UUID;

@Table
public record Pet(
    @Id UUID id,
    @References(Owner.class) @Indexed UUID ownerId,
    String name) {}
