package fixtures;

import dev.schemac.annotations.*;
import java.util.List;
import java.util.UUID;

@Table
public record Stay(
    @Id UUID id,
    @Check("arrival >= 0") int arrival,
    @Check("departure >= 0") int departure) {}
