package com.example.clinic;

import jakarta.persistence.CheckConstraint;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import org.hibernate.validator.constraints.Length;
import org.hibernate.validator.constraints.Range;

/** A vet of the clinic; see {@link Visit Vet's visits}. */
@Entity
@Table(name = "vets", comment = "The vets of the clinic.",
    check = @CheckConstraint(name = "vets_dates", constraint = "hiredon <= coalesce(lefton, hiredon)"))
public class Vet {
  @Id Long id;
  @Size(max = 40) @NotBlank String firstName;
  @Size(min = 2, max = 50) @Column(length = 100) @NotEmpty String lastName;
  @Length(max = 30) String nickname;
  @Column(comment = "A licence number.", check = @CheckConstraint(constraint = "licence > 0")) @NotNull Long licence;
  @Column(check = @CheckConstraint(name = "vets_rating_range", constraint = "rating BETWEEN 1 AND 5")) Integer rating;
  @Min(0) @Max(60) Integer yearsOfPractice;
  @Min(1) Integer rooms;
  @Range(min = 0, max = 100) Integer workload;
  @Digits(integer = 6, fraction = 2) BigDecimal hourlyRate;
  @jakarta.validation.constraints.Positive Integer shifts;
  @jakarta.validation.constraints.Email String email;
  @jakarta.validation.constraints.DecimalMin("0.5") @Column(precision = 5, scale = 2) BigDecimal bonus;
  @Column(nullable = false) LocalDate hiredOn;
  LocalDate leftOn;
  @ManyToMany
  @JoinTable(name = "vet_specialties", comment = "Which vet treats what.",
      joinColumns = @JoinColumn(name = "vet_id", comment = "The vet."),
      inverseJoinColumns = @JoinColumn(name = "specialty_id", check = @CheckConstraint(constraint = "specialty_id > 0")),
      check = @CheckConstraint(name = "vet_specialties_distinct", constraint = "vet_id <> specialty_id"),
      indexes = @Index(columnList = "specialty_id"))
  Set<Specialty> specialties;
}
