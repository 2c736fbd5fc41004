package com.example.enrollment;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;

/** A course as given in one term. */
@Entity
public class CourseOffering {
  @EmbeddedId
  private OfferingId id;

  @MapsId("courseCode")
  @ManyToOne
  private Course course;

  private int capacity;
}
