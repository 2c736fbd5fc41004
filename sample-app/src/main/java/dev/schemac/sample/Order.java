package dev.schemac.sample;

import dev.schemac.annotations.CreatedAt;
import dev.schemac.annotations.Default;
import dev.schemac.annotations.Id;
import dev.schemac.annotations.Index;
import dev.schemac.annotations.References;
import dev.schemac.annotations.ReferentialAction;
import dev.schemac.annotations.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A customer's order.
 *
 * @param userId the customer; an account with orders cannot be deleted
 * @param shippedAt when the parcel left the warehouse
 */
@Table
@Index(columns = {"user_id", "created_at DESC"}, include = "status")
@Index(columns = "status", where = "status IN ('NEW', 'PAID')")
public record Order(
    @Id(generated = Id.Generated.IDENTITY) long id,
    @References(value = User.class, onDelete = ReferentialAction.RESTRICT) UUID userId,
    @Default("'NEW'") OrderStatus status,
    @CreatedAt Instant createdAt,
    @Nullable Instant shippedAt) {}
