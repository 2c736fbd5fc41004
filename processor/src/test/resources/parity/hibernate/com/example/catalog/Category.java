package com.example.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Checks;
import org.hibernate.annotations.Check;
import org.hibernate.annotations.SoftDelete;

@Entity
@Table(name = "categories")
@SoftDelete
@Checks({@Check(constraints = "char_length(name) > 0"), @Check(name = "categories_slug_lower", constraints = "slug = lower(slug)")})
public class Category {
  @Id Long id;
  @Column(nullable = false, length = 60) String name;
  @Column(nullable = false, length = 60) String slug;
}
