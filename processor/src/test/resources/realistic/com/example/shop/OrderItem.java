package com.example.shop;

import dev.schemac.annotations.Check;
import dev.schemac.annotations.Column;
import dev.schemac.annotations.Id;
import dev.schemac.annotations.Indexed;
import dev.schemac.annotations.References;
import dev.schemac.annotations.ReferentialAction;
import dev.schemac.annotations.Table;
import dev.schemac.annotations.Unique;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * One line of an order.
 *
 * @param quantity how many units were ordered
 * @param unitPrice the price of one unit when the order was placed
 */
@Table
@Unique(columns = {"order_id", "product_id"})
public record OrderItem(
    @Id(generated = Id.Generated.IDENTITY) long id,
    @References(value = Order.class, onDelete = ReferentialAction.CASCADE) UUID orderId,
    @References(value = Product.class, onDelete = ReferentialAction.RESTRICT) @Indexed long productId,
    short lineNumber,
    @Check("quantity > 0") int quantity,
    @Column(precision = 12, scale = 2) BigDecimal unitPrice) {}
