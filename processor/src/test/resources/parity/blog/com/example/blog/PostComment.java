package com.example.blog;

import dev.schemac.annotations.Indexed;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A reader's comment on a post, possibly a reply to another comment. */
@Entity
@Table(name = "PostComment", indexes = @Index(columnList = "replyToId"))
public class PostComment {
  @Id
  @GeneratedValue(strategy = GenerationType.UUID)
  private UUID id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "post_id", nullable = false)
  @Indexed
  private BlogPost post;

  @ManyToOne
  @JoinColumn(name = "replyToId")
  private PostComment replyTo;

  @Column(nullable = false, length = 4000)
  private String text;

  @Column(nullable = false, length = 80)
  private String authorName;

  @Column(nullable = false)
  private Instant createdAt;

  private boolean approved;

  protected PostComment() {}
}
