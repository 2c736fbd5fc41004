package com.example.pantry;

import dev.schemac.annotations.*;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the kitchen stocks.
 *
 * @param price per unit, exact to the cent
 * @param order the shelf position, a key word in SQL
 * @param shelfLife how long it keeps once opened
 */
@Table
@Index(columns = {"supplier_id", "name"}, include = "price")
@Check("CAST(price AS REAL) < 10000")
public record Ingredient(
    @Id(generated = Id.Generated.IDENTITY) long id,
    @References(value = Supplier.class, onDelete = ReferentialAction.RESTRICT) UUID supplierId,
    @Column(length = 100) String name,
    Unit unit,
    @Column(precision = 10, scale = 2) BigDecimal price,
    @Default("0") @Check("stock >= 0") int stock,
    @SuppressWarnings("schemac:reserved-word") int order,
    @Nullable Duration shelfLife,
    @Nullable LocalTime deliveredAt,
    @SuppressWarnings("schemac:timestamp-without-time-zone") @Nullable LocalDateTime countedAt,
    float weight,
    double density) {}
