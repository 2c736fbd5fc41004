package dev.schemac.sample;

import dev.schemac.annotations.Check;
import dev.schemac.annotations.CreatedAt;
import dev.schemac.annotations.Id;
import dev.schemac.annotations.Index;
import dev.schemac.annotations.Indexed;
import dev.schemac.annotations.References;
import dev.schemac.annotations.ReferentialAction;
import dev.schemac.annotations.SoftDelete;
import dev.schemac.annotations.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A reader's comment on a post, or a reply to another comment.
 *
 * @param postId the post; its comments go with it. The index (post_id, created_at) serves the
 *     foreign key and lists a post's comments in order
 * @param parentId the comment this one replies to; null for a top-level comment
 * @param body plain text, at most 10 000 characters
 */
@Table
@SoftDelete
@Index(columns = {"post_id", "created_at"})
public record Comment(
    @Id(generated = Id.Generated.IDENTITY) long id,
    @References(value = Post.class, onDelete = ReferentialAction.CASCADE) UUID postId,
    @References(value = User.class, onDelete = ReferentialAction.RESTRICT) @Indexed UUID authorId,
    @References(value = Comment.class, onDelete = ReferentialAction.CASCADE) @Indexed @Nullable
        Long parentId,
    @Check("char_length(body) BETWEEN 1 AND 10000") String body,
    @CreatedAt Instant createdAt,
    @Nullable Instant deletedAt) {}
