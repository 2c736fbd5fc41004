package com.example.shop;

import dev.schemac.annotations.Check;
import dev.schemac.annotations.Column;
import dev.schemac.annotations.CreatedAt;
import dev.schemac.annotations.Default;
import dev.schemac.annotations.Id;
import dev.schemac.annotations.Index;
import dev.schemac.annotations.IndexMethod;
import dev.schemac.annotations.Table;
import dev.schemac.annotations.Unique;
import dev.schemac.annotations.UpdatedAt;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Things the shop sells.
 *
 * @param sku the stock-keeping unit printed on the label
 * @param priceCents the list price in cents
 * @param keywords search keywords
 * @param warranty how long the manufacturer's warranty lasts
 */
@Table
@Index(columns = "name", method = IndexMethod.GIN, opclass = "gin_trgm_ops")
public record Product(
    @Id(generated = Id.Generated.IDENTITY) long id,
    @Column(length = 64) @Unique String sku,
    String name,
    @Nullable String description,
    @Check("price_cents >= 0") long priceCents,
    @Column(precision = 8, scale = 3) @Nullable BigDecimal weightKg,
    List<String> keywords,
    @Nullable Duration warranty,
    @Default("true") boolean active,
    @CreatedAt Instant createdAt,
    @UpdatedAt Instant updatedAt) {}
