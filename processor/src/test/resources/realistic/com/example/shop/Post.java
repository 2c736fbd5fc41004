package com.example.shop;

import dev.schemac.annotations.Column;
import dev.schemac.annotations.CreatedAt;
import dev.schemac.annotations.Id;
import dev.schemac.annotations.Index;
import dev.schemac.annotations.Indexed;
import dev.schemac.annotations.References;
import dev.schemac.annotations.ReferentialAction;
import dev.schemac.annotations.Table;
import dev.schemac.annotations.Unique;
import dev.schemac.annotations.UpdatedAt;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Blog articles written by users.
 *
 * @param slug the URL path segment, unique across posts
 * @param readingTime the estimated time to read the body
 * @param publishedAt when the post went public; null while it is a draft
 */
@Table
@Index(columns = "published_at DESC", where = "published_at IS NOT NULL")
public record Post(
    @Id UUID id,
    @References(value = User.class, onDelete = ReferentialAction.CASCADE) @Indexed UUID authorId,
    @Column(length = 200) String title,
    @Column(length = 200) @Unique String slug,
    String body,
    Duration readingTime,
    @Nullable Instant publishedAt,
    @CreatedAt Instant createdAt,
    @UpdatedAt Instant updatedAt) {}
