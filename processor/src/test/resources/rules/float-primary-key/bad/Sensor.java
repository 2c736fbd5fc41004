package fixtures;

import dev.schemac.annotations.Id;
import dev.schemac.annotations.Table;

@Table
public record Sensor(
    @Id double id, // fires
    String label) {}
