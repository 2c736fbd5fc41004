package fixtures;

import dev.schemac.annotations.Id;
import dev.schemac.annotations.Indexed;
import dev.schemac.annotations.References;
import dev.schemac.annotations.ReferentialAction;
import dev.schemac.annotations.Table;
import java.util.UUID;

@Table
public record TaskComment(
    @Id UUID id,
    @References(value = Task.class, onDelete = ReferentialAction.RESTRICT) @Indexed UUID taskId,
    String body) {}
