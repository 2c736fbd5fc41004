package com.example.adopt;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import java.util.List;

@Entity
public class Dept {
  @Id Long id;
  @OneToMany(mappedBy = "dept") @OrderColumn(name = "pos") List<Emp> emps;
}
