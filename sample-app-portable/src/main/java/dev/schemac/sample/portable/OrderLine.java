package dev.schemac.sample.portable;

import dev.schemac.annotations.Check;
import dev.schemac.annotations.Column;
import dev.schemac.annotations.Id;
import dev.schemac.annotations.Indexed;
import dev.schemac.annotations.References;
import dev.schemac.annotations.ReferentialAction;
import dev.schemac.annotations.Table;
import java.math.BigDecimal;

/**
 * One line of an order.
 *
 * @param lineNo the line's position on the order, from 1
 * @param productId what was bought; a product that was ever sold cannot be deleted
 * @param unitPrice the price when the order was placed, not today's
 */
@Table
public record OrderLine(
    @Id @References(value = Order.class, onDelete = ReferentialAction.CASCADE) long orderId,
    @Id @Check("line_no > 0") int lineNo,
    @References(Product.class) @Indexed long productId,
    @Check("quantity > 0") int quantity,
    @Column(precision = 10, scale = 2) @Check("unit_price >= 0") BigDecimal unitPrice) {}
