package dev.schemac.sample;

import dev.schemac.annotations.Check;
import dev.schemac.annotations.Column;
import dev.schemac.annotations.CreatedAt;
import dev.schemac.annotations.Default;
import dev.schemac.annotations.Id;
import dev.schemac.annotations.Index;
import dev.schemac.annotations.IndexMethod;
import dev.schemac.annotations.Json;
import dev.schemac.annotations.Table;
import dev.schemac.annotations.Unique;
import dev.schemac.annotations.UpdatedAt;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Things the shop sells.
 *
 * @param sku stock keeping unit, printed on the label
 * @param priceCents price in cents, to keep money exact
 * @param attributes free-form facts (colour, size...) searched with jsonb containment
 */
@Table
@Index(columns = "name", method = IndexMethod.GIN, opclass = "gin_trgm_ops")
@Index(columns = "attributes", method = IndexMethod.GIN)
public record Product(
    @Id UUID id,
    @Column(length = 64) @Unique String sku,
    @Column(length = 200) String name,
    @Check("price_cents >= 0") long priceCents,
    @Default("0") @Check("stock >= 0") int stock,
    @Json Map<String, Object> attributes,
    List<String> tags,
    @CreatedAt Instant createdAt,
    @UpdatedAt Instant updatedAt) {}
