package shop;

import java.math.BigDecimal;

/** One line of an order: what, how many, at which price. */
public record Line(String sku, int quantity, BigDecimal price) {}
