package fixtures;

import dev.schemac.annotations.*;
import java.util.List;
import java.util.UUID;

@Table
public record Profile(
    @Id @References(Owner.class) UUID ownerId, // fires
    String bio) {}
