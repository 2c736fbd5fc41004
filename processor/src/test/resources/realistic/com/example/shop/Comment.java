package com.example.shop;

import dev.schemac.annotations.CreatedAt;
import dev.schemac.annotations.Id;
import dev.schemac.annotations.Index;
import dev.schemac.annotations.Indexed;
import dev.schemac.annotations.References;
import dev.schemac.annotations.ReferentialAction;
import dev.schemac.annotations.Table;
import dev.schemac.annotations.UpdatedAt;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Readers' replies to posts, threaded.
 *
 * @param authorId the writer; null once their account is erased
 * @param parentId the comment this one answers; null for a top-level comment
 */
@Table
@Index(columns = {"post_id", "created_at"})
public record Comment(
    @Id(generated = Id.Generated.IDENTITY) long id,
    @References(value = Post.class, onDelete = ReferentialAction.CASCADE) UUID postId,
    @References(value = User.class, onDelete = ReferentialAction.SET_NULL) @Indexed @Nullable UUID authorId,
    @References(value = Comment.class, onDelete = ReferentialAction.CASCADE) @Indexed @Nullable Long parentId,
    String body,
    @CreatedAt Instant createdAt,
    @UpdatedAt Instant updatedAt) {}
