package com.example.clinic;

import dev.schemac.annotations.Indexed;
import jakarta.persistence.CheckConstraint;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A visit to a vet; see {@link Vet Vet's} schedule. */
@Entity
@Table(name = "visits")
public class Visit {
  @Id Long id;
  @ManyToOne(optional = false) @Indexed
  @JoinColumn(name = "vet_id", comment = "Who saw the patient.", check = @CheckConstraint(constraint = "vet_id > 0"))
  Vet vet;
  @Column(nullable = false) LocalDate day;
}
