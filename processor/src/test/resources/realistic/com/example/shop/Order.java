package com.example.shop;

import dev.schemac.annotations.Check;
import dev.schemac.annotations.Column;
import dev.schemac.annotations.CreatedAt;
import dev.schemac.annotations.Id;
import dev.schemac.annotations.Index;
import dev.schemac.annotations.References;
import dev.schemac.annotations.ReferentialAction;
import dev.schemac.annotations.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A customer's purchase.
 *
 * @param totalAmount the amount charged, in the order's currency
 * @param currency ISO 4217 currency code
 * @param shippedAt when the parcel left the warehouse
 */
@Table
@Check("shipped_at IS NULL OR shipped_at >= created_at")
@Check("currency = upper(currency)")
@Index(columns = {"user_id", "created_at DESC"}, include = {"status", "total_amount"})
public record Order(
    @Id UUID id,
    @References(value = User.class, onDelete = ReferentialAction.RESTRICT) UUID userId,
    OrderStatus status,
    @Column(precision = 12, scale = 2) @Check("total_amount >= 0") BigDecimal totalAmount,
    @Column(length = 3) String currency,
    @CreatedAt Instant createdAt,
    @Nullable Instant shippedAt) {}
