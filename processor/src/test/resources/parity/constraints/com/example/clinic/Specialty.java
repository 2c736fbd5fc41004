package com.example.clinic;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Comment;

@Entity
@Table(name = "specialties", comment = "The comment of JPA, which the one of Hibernate replaces.")
@Comment("What a vet treats.")
public class Specialty {
  @Id Long id;
  @Column(nullable = false, length = 40, comment = "Replaced too.") @Comment("Its name.") String name;
}
