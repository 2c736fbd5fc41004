package dev.schemac.sample.portable;

import dev.schemac.annotations.Check;
import dev.schemac.annotations.Column;
import dev.schemac.annotations.CreatedAt;
import dev.schemac.annotations.Default;
import dev.schemac.annotations.Id;
import dev.schemac.annotations.Index;
import dev.schemac.annotations.References;
import dev.schemac.annotations.ReferentialAction;
import dev.schemac.annotations.Table;
import dev.schemac.annotations.UpdatedAt;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A customer's order.
 *
 * @param customerId who ordered; a customer with orders cannot be deleted
 * @param total the sum of the lines when the order was placed
 * @param currency ISO 4217 code of the total
 * @param shippedAt when the parcel left the warehouse
 */
@Table
@Index(columns = {"customer_id", "created_at DESC"})
public record Order(
    @Id(generated = Id.Generated.IDENTITY) long id,
    @References(value = Customer.class, onDelete = ReferentialAction.RESTRICT) UUID customerId,
    @Default("'PLACED'") OrderStatus status,
    @Column(precision = 12, scale = 2) @Check("total >= 0") BigDecimal total,
    @Column(length = 3) @Default("'EUR'") String currency,
    @CreatedAt Instant createdAt,
    @UpdatedAt Instant updatedAt,
    @Nullable Instant shippedAt) {}
