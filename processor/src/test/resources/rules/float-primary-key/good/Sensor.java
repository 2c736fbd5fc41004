package fixtures;

import dev.schemac.annotations.Id;
import dev.schemac.annotations.Table;

@Table
public record Sensor(
    @Id long id,
    String label) {}
