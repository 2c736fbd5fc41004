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
import dev.schemac.annotations.References;
import dev.schemac.annotations.ReferentialAction;
import dev.schemac.annotations.SoftDelete;
import dev.schemac.annotations.Table;
import dev.schemac.annotations.Unique;
import dev.schemac.annotations.UpdatedAt;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A blog post.
 *
 * @param authorId who wrote it; an author with posts cannot be deleted
 * @param slug the post's part of the URL, unique among live posts
 * @param body Markdown
 * @param publishedAt when it went public; null while it is a draft
 * @param viewCount how often it was read; added in version 2
 */
@Table
@SoftDelete
@Index(columns = "published_at DESC", where = "status = 'PUBLISHED'")
@Index(columns = "title", method = IndexMethod.GIN, opclass = "gin_trgm_ops")
// on MongoDB: no substring index; the search service indexes titles
@SuppressWarnings(SchemacRules.INDEX_NOT_BUILT)
public record Post(
    @Id UUID id,
    @References(value = User.class, onDelete = ReferentialAction.RESTRICT) @Indexed UUID authorId,
    @Column(length = 200) String title,
    @Column(length = 200) @Unique String slug,
    String body,
    @Default("'DRAFT'") PostStatus status,
    @Nullable Instant publishedAt,
    @Default("0") @Check("view_count >= 0") long viewCount,
    @CreatedAt Instant createdAt,
    @UpdatedAt Instant updatedAt,
    @Nullable Instant deletedAt) {}
