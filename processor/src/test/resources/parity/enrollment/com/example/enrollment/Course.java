package com.example.enrollment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A course of the curriculum, by its code. */
@Entity
public class Course {
  @Id
  @Column(length = 12)
  private String code;

  @Column(nullable = false)
  private String title;

  private int credits;
}
