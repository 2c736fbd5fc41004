package dev.schemac.sample;

import dev.schemac.annotations.SchemacRules;
import dev.schemac.annotations.Check;
import dev.schemac.annotations.Column;
import dev.schemac.annotations.CreatedAt;
import dev.schemac.annotations.Default;
import dev.schemac.annotations.Id;
import dev.schemac.annotations.Index;
import dev.schemac.annotations.NativeEnum;
import dev.schemac.annotations.References;
import dev.schemac.annotations.ReferentialAction;
import dev.schemac.annotations.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A customer's order.
 *
 * @param userId the customer; an account with orders cannot be deleted
 * @param total the sum of the lines when the order was placed
 * @param currency ISO 4217 code
 * @param shippedAt when the parcel left the warehouse
 * @param note the customer's delivery instructions; added in version 2
 */
@Table
@Check("shipped_at IS NULL OR shipped_at >= created_at")
// MongoDB cannot compare two fields in a validator: the service checks this one there
@SuppressWarnings(SchemacRules.CHECK_NOT_ENFORCED)
@Index(columns = {"user_id", "created_at DESC"}, include = "status")
@Index(columns = "created_at", where = "status IN ('NEW', 'PAID')")
public record Order(
    @Id(generated = Id.Generated.IDENTITY) long id,
    @References(value = User.class, onDelete = ReferentialAction.RESTRICT) UUID userId,
    @NativeEnum @Default("'NEW'") OrderStatus status,
    @Column(precision = 12, scale = 2) @Check("total >= 0") BigDecimal total,
    @Column(length = 3) @Default("'EUR'") @Check("char_length(currency) = 3") String currency,
    @CreatedAt Instant createdAt,
    @Nullable Instant shippedAt,
    @Column(length = 500) @Nullable String note) {}
