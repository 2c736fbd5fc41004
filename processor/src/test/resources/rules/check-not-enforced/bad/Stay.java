package fixtures;

import dev.schemac.annotations.*;
import java.util.List;
import java.util.UUID;

@Table
public record Stay(
    @Id UUID id,
    int arrival,
    @Check("departure >= arrival") int departure) {} // fires
