package dev.schemac.sample.portable;

import dev.schemac.annotations.Check;
import dev.schemac.annotations.Column;
import dev.schemac.annotations.CreatedAt;
import dev.schemac.annotations.Id;
import dev.schemac.annotations.Table;
import dev.schemac.annotations.Unique;
import dev.schemac.annotations.UpdatedAt;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * What the shop sells.
 *
 * @param sku the stock-keeping unit printed on the shelf label
 * @param title what the customer sees
 * @param price the current unit price, in euros
 * @param stock units in the warehouse
 */
@Table
public record Product(
    @Id(generated = Id.Generated.IDENTITY) long id,
    @Column(length = 40) @Unique String sku,
    @Column(length = 200) String title,
    @Column(precision = 10, scale = 2) @Check("price >= 0") BigDecimal price,
    @Check("stock >= 0") int stock,
    @CreatedAt Instant createdAt,
    @UpdatedAt Instant updatedAt) {}
