package com.example.blog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;

/** Someone who writes posts. */
@Entity
public class Author {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 40)
  private String userName;

  @Column(name = "displayName", nullable = false, length = 120)
  private String displayName;

  @Column(nullable = false)
  private OffsetDateTime joinedAt;

  private LocalDate birthDate;

  private boolean active;

  @OneToMany(mappedBy = "author")
  private Set<BlogPost> posts = new HashSet<>();

  protected Author() {}
}
