package fixtures;

import dev.schemac.annotations.Id;
import dev.schemac.annotations.Table;
import java.util.UUID;

@Table
public record Customer(@Id UUID id, String name) {}
