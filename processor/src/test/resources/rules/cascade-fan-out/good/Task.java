package fixtures;

import dev.schemac.annotations.Id;
import dev.schemac.annotations.Indexed;
import dev.schemac.annotations.References;
import dev.schemac.annotations.ReferentialAction;
import dev.schemac.annotations.Table;
import java.util.UUID;

@Table
public record Task(
    @Id UUID id,
    @References(value = Project.class, onDelete = ReferentialAction.CASCADE) @Indexed UUID projectId,
    String title) {}
