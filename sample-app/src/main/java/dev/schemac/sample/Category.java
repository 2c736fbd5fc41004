package dev.schemac.sample;

import dev.schemac.annotations.SchemacRules;
import dev.schemac.annotations.Check;
import dev.schemac.annotations.Column;
import dev.schemac.annotations.Id;
import dev.schemac.annotations.Indexed;
import dev.schemac.annotations.References;
import dev.schemac.annotations.ReferentialAction;
import dev.schemac.annotations.Table;
import dev.schemac.annotations.Unique;
import org.jspecify.annotations.Nullable;

/**
 * A tree of product categories (Clothing, then Shoes, then Running shoes).
 *
 * @param parentId the enclosing category; null for a top-level one. A category with children
 *     cannot be deleted
 * @param slug the category's part of the shop URL
 */
@Table
@Check("parent_id IS NULL OR parent_id <> id")
// MongoDB cannot compare two fields in a validator: the service checks this one there
@SuppressWarnings(SchemacRules.CHECK_NOT_ENFORCED)
public record Category(
    @Id(generated = Id.Generated.IDENTITY) long id,
    @References(value = Category.class, onDelete = ReferentialAction.RESTRICT) @Indexed @Nullable
        Long parentId,
    @Column(length = 100) String name,
    @Column(length = 100) @Unique String slug) {}
