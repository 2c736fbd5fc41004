package dev.schemac.sample;

import dev.schemac.annotations.SchemacRules;
import dev.schemac.annotations.Check;
import dev.schemac.annotations.Column;
import dev.schemac.annotations.CreatedAt;
import dev.schemac.annotations.Default;
import dev.schemac.annotations.Id;
import dev.schemac.annotations.Index;
import dev.schemac.annotations.IndexMethod;
import dev.schemac.annotations.Indexed;
import dev.schemac.annotations.Json;
import dev.schemac.annotations.References;
import dev.schemac.annotations.RenamedFrom;
import dev.schemac.annotations.Table;
import dev.schemac.annotations.Unique;
import dev.schemac.annotations.UpdatedAt;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Things the shop sells.
 *
 * @param sku stock keeping unit, printed on the label
 * @param name searched with {@code ILIKE '%...%'}, served by the trigram index
 * @param price the current price in the shop's currency, exact to the cent
 * @param compareAtPrice the struck-through "was" price of a sale; added in version 2
 * @param stockQuantity units in the warehouse; called {@code stock} until version 3
 * @param attributes free-form facts (colour, size...) searched with jsonb containment
 * @param imageUrls the product's pictures, first one on the listing page
 */
@Table
@Index(columns = "name", method = IndexMethod.GIN, opclass = "gin_trgm_ops")
// on MongoDB: no substring index (the search service indexes names), the service checks the sale price,
// and a product has a handful of pictures
@SuppressWarnings({SchemacRules.INDEX_NOT_BUILT, SchemacRules.CHECK_NOT_ENFORCED, SchemacRules.UNBOUNDED_ARRAY})
@Index(columns = "attributes", method = IndexMethod.GIN)
public record Product(
    @Id UUID id,
    @Column(length = 64) @Unique String sku,
    @Column(length = 200) String name,
    @References(Category.class) @Indexed long categoryId,
    @Column(precision = 12, scale = 2) @Check("price >= 0") BigDecimal price,
    @Column(precision = 12, scale = 2) @Nullable @Check("compare_at_price > price")
        BigDecimal compareAtPrice,
    @RenamedFrom("stock") @Default("0") @Check("stock_quantity >= 0") int stockQuantity,
    @Json Map<String, Object> attributes,
    List<String> imageUrls,
    @CreatedAt Instant createdAt,
    @UpdatedAt Instant updatedAt) {}
