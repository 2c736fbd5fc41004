package com.example.library;

import dev.schemac.annotations.Indexed;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A title in the catalogue. */
@Entity
public class Book {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 13)
  private String isbn;

  @Column(nullable = false, length = 300)
  private String title;

  @ManyToMany
  @JoinTable(name = "book_writers",
      joinColumns = @JoinColumn(name = "book_id"),
      inverseJoinColumns = @JoinColumn(name = "writer_id"),
      indexes = @Index(name = "idx_book_writers_writer", columnList = "writer_id"))
  private Set<Writer> writers = new HashSet<>();

  /** schemac's @Indexed on a many-to-many indexes the join table's other side (genres_id). */
  @ManyToMany
  @Indexed
  private Set<Genre> genres = new HashSet<>();

  /** schemac's @Indexed on a one-to-many join column indexes that column in copy. */
  @OneToMany
  @JoinColumn(name = "book_id", nullable = false)
  @Indexed
  private List<Copy> copies = new ArrayList<>();
}
