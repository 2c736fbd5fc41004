package dev.schemac.sample;

import dev.schemac.annotations.CreatedAt;
import dev.schemac.annotations.Id;
import dev.schemac.annotations.Indexed;
import dev.schemac.annotations.References;
import dev.schemac.annotations.ReferentialAction;
import dev.schemac.annotations.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * Which tags a post carries: the primary key (post_id, tag_id) serves "tags of a post", the
 * index on tag_id "posts with a tag".
 */
@Table
public record PostTag(
    @Id @References(value = Post.class, onDelete = ReferentialAction.CASCADE) UUID postId,
    @Id @References(value = Tag.class, onDelete = ReferentialAction.CASCADE) @Indexed long tagId,
    @CreatedAt Instant createdAt) {}
