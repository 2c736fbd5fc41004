package com.example.newsroom;

import dev.schemac.annotations.Indexed;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderColumn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A news article. */
@Entity
public class Article {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 250)
  private String headline;

  @Column(nullable = false)
  private Instant publishedAt;

  @ElementCollection
  @CollectionTable(name = "ArticleTags", joinColumns = @JoinColumn(name = "articleId"))
  @Column(name = "tag", nullable = false, length = 40)
  private Set<String> tags = new HashSet<>();

  @ElementCollection
  @OrderColumn(name = "position")
  private List<Link> relatedLinks = new ArrayList<>();

  @ManyToMany
  @Indexed
  private Set<Topic> topics = new HashSet<>();
}
