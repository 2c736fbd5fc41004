package com.example.shop;

import dev.schemac.annotations.Column;
import dev.schemac.annotations.Id;
import dev.schemac.annotations.Table;
import dev.schemac.annotations.Unique;

/**
 * Labels that group posts by topic.
 *
 * @param name the label as shown
 */
@Table
public record Tag(
    @Id(generated = Id.Generated.IDENTITY) int id,
    @Column(length = 50) @Unique String name) {}
