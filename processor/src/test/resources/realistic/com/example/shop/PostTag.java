package com.example.shop;

import dev.schemac.annotations.CreatedAt;
import dev.schemac.annotations.Id;
import dev.schemac.annotations.Indexed;
import dev.schemac.annotations.References;
import dev.schemac.annotations.ReferentialAction;
import dev.schemac.annotations.Table;
import java.time.Instant;
import java.util.UUID;

/** Which tags a post carries. */
@Table
public record PostTag(
    @Id @References(value = Post.class, onDelete = ReferentialAction.CASCADE) UUID postId,
    @Id
        @References(
            value = Tag.class,
            onDelete = ReferentialAction.CASCADE,
            onUpdate = ReferentialAction.CASCADE)
        @Indexed
        int tagId,
    @CreatedAt Instant createdAt) {}
