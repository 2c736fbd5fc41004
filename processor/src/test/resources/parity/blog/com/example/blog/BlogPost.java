package com.example.blog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A post, a draft until it is published. */
@Entity(name = "BlogPost")
@Table(indexes = {
    @Index(name = "idx_blog_post_author_published", columnList = "author_id, publishedAt DESC"),
    @Index(name = "idx_blog_post_state", columnList = "state")})
public class BlogPost {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 200)
  private String title;

  @Column(nullable = false, unique = true, length = 200)
  private String slug;

  @Column(columnDefinition = "varchar(500)")
  private String summary;

  @Column(nullable = false, columnDefinition = "text")
  private String body;

  @ManyToOne(optional = false)
  private Author author;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 12)
  private PostState state;

  private Instant publishedAt;

  private int viewCount;

  @Version
  private Instant lastModified;

  @OneToMany(mappedBy = "post")
  private List<PostComment> comments = new ArrayList<>();

  /** Rendered from the body on demand. */
  @Transient
  private String html;

  protected BlogPost() {}
}
