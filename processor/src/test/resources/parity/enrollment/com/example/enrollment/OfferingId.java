package com.example.enrollment;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;

/** The key of an offering: the course and the term, such as 2026S. */
@Embeddable
public class OfferingId implements Serializable {
  @Column(length = 12)
  private String courseCode;

  @Column(length = 5)
  private String term;

  @Override
  public boolean equals(Object other) {
    return other instanceof OfferingId o && courseCode.equals(o.courseCode) && term.equals(o.term);
  }

  @Override
  public int hashCode() {
    return courseCode.hashCode() * 31 + term.hashCode();
  }
}
