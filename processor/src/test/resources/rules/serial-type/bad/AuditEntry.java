package fixtures;

import dev.schemac.annotations.Column;
import dev.schemac.annotations.Id;
import dev.schemac.annotations.Table;
import java.time.Instant;

@Table
public record AuditEntry(
    @Id @Column(type = "bigserial") long id, // fires
    String action,
    Instant occurredAt) {}
