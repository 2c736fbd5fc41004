package dev.schemac.sample;

import dev.schemac.annotations.Column;
import dev.schemac.annotations.Id;
import dev.schemac.annotations.Table;
import dev.schemac.annotations.Unique;

/**
 * A label for blog posts.
 *
 * @param name shown on the post, lower case
 */
@Table
public record Tag(
    @Id(generated = Id.Generated.IDENTITY) long id,
    @Column(length = 50) @Unique String name) {}
