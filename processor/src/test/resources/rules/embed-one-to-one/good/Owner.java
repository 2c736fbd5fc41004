package fixtures;

import dev.schemac.annotations.*;
import java.util.List;
import java.util.UUID;

@Table
public record Owner(@Id UUID id, String name, Profile profile) {}
