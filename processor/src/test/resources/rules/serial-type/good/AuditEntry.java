package fixtures;

import dev.schemac.annotations.Id;
import dev.schemac.annotations.Table;
import java.time.Instant;

@Table
public record AuditEntry(
    @Id(generated = Id.Generated.IDENTITY) long id,
    String action,
    Instant occurredAt) {}
