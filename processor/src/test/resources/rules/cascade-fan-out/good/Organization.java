package fixtures;

import dev.schemac.annotations.Id;
import dev.schemac.annotations.Table;
import java.util.UUID;

@Table
public record Organization(@Id UUID id, String title) {}
