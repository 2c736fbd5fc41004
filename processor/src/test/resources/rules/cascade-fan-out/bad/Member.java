package fixtures;

import dev.schemac.annotations.Id;
import dev.schemac.annotations.Indexed;
import dev.schemac.annotations.References;
import dev.schemac.annotations.ReferentialAction;
import dev.schemac.annotations.Table;
import java.util.UUID;

@Table
public record Member(
    @Id UUID id,
    @References(value = Organization.class, onDelete = ReferentialAction.CASCADE) @Indexed UUID organizationId,
    String email) {}
