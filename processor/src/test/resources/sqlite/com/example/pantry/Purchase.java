package com.example.pantry;

import dev.schemac.annotations.*;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An order placed with a supplier, one line per ingredient.
 *
 * @param quantity in the ingredient's unit
 */
@Table
@Index(columns = {"placed_at DESC"}, where = "status = 'OPEN'")
public record Purchase(
    @Id @References(value = Ingredient.class, onDelete = ReferentialAction.CASCADE) long ingredientId,
    @Id int line,
    @NativeEnum @Default("'OPEN'") Status status,
    @Column(precision = 12, scale = 3) BigDecimal quantity,
    byte @Nullable [] invoice,
    @CreatedAt Instant placedAt,
    @Nullable Instant paidAt) {}
