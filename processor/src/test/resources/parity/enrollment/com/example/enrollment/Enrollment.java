package com.example.enrollment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A student enrolled in a course. */
@Entity
@IdClass(EnrollmentId.class)
@Table(indexes = @Index(columnList = "course_code"))
public class Enrollment {
  @Id
  @ManyToOne
  private Student student;

  @Id
  @ManyToOne
  private Course course;

  @Column(nullable = false)
  private LocalDate enrolledOn;

  @Column(length = 2)
  private String grade;
}
