package dev.schemac.sample;

import dev.schemac.annotations.Column;
import dev.schemac.annotations.CreatedAt;
import dev.schemac.annotations.Id;
import dev.schemac.annotations.IndexMethod;
import dev.schemac.annotations.Indexed;
import dev.schemac.annotations.Json;
import dev.schemac.annotations.References;
import dev.schemac.annotations.ReferentialAction;
import dev.schemac.annotations.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who did what, when: appended to, never updated. Added in version 2.
 *
 * @param actorId the user who acted; null for the system, or once the account is gone
 * @param action what happened, such as {@code order.paid} or {@code user.login}
 * @param entityType the kind of thing acted on, such as {@code orders}
 * @param entityId the key of the thing acted on, as text (keys of several tables)
 * @param payload the details, as the code that wrote the event saw them
 * @param ipAddress where the request came from
 * @param occurredAt rows arrive in time order, so a BRIN index of a few pages serves time ranges
 */
@Table
public record AuditEvent(
    @Id(generated = Id.Generated.IDENTITY) long id,
    @References(value = User.class, onDelete = ReferentialAction.SET_NULL) @Indexed @Nullable
        UUID actorId,
    @Column(length = 100) String action,
    @Column(length = 50) String entityType,
    @Column(length = 100) String entityId,
    @Json Map<String, Object> payload,
    @Column(type = "inet") @Nullable String ipAddress,
    @CreatedAt @Indexed(method = IndexMethod.BRIN) Instant occurredAt) {}
