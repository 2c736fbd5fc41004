package com.example.enrollment;

import java.io.Serializable;
import java.util.Objects;

/** The key of an enrollment: the student's and the course's. */
public class EnrollmentId implements Serializable {
  private Long student;
  private String course;

  @Override
  public boolean equals(Object other) {
    return other instanceof EnrollmentId o && Objects.equals(student, o.student) && Objects.equals(course, o.course);
  }

  @Override
  public int hashCode() {
    return Objects.hash(student, course);
  }
}
