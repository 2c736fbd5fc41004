package dev.schemac.sample;

import dev.schemac.annotations.Check;
import dev.schemac.annotations.Id;
import dev.schemac.annotations.Indexed;
import dev.schemac.annotations.References;
import dev.schemac.annotations.ReferentialAction;
import dev.schemac.annotations.Table;
import java.util.UUID;

/**
 * One line of an order.
 *
 * @param unitPriceCents the price when the order was placed, not today's
 */
@Table
public record OrderItem(
    @Id @References(value = Order.class, onDelete = ReferentialAction.CASCADE) long orderId,
    @Id @Check("line_no > 0") int lineNo,
    @References(Product.class) @Indexed UUID productId,
    @Check("quantity > 0") int quantity,
    @Check("unit_price_cents >= 0") long unitPriceCents) {}
