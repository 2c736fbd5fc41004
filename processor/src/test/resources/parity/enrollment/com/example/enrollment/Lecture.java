package com.example.enrollment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinColumns;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** One lecture of an offering. */
@Entity
@Table(indexes = @Index(columnList = "offering_course, offering_term"))
public class Lecture {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumns({
      @JoinColumn(name = "offering_course", referencedColumnName = "course_code"),
      @JoinColumn(name = "offering_term", referencedColumnName = "term")})
  private CourseOffering offering;

  @Column(nullable = false)
  private LocalDateTime startsAt;

  @Column(length = 20)
  private String room;
}
