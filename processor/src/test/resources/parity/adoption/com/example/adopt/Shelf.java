package com.example.adopt;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.MapKeyClass;
import jakarta.persistence.MapKeyColumn;
import java.util.List;
import java.util.Map;

@Entity
@SuppressWarnings({"rawtypes", "schemac:missing-primary-key"}) // tags is a bag, as in the code it comes from
public class Shelf {
  @Id Long id;
  @ManyToMany(targetEntity = Item.class) @MapKeyClass(String.class) @MapKeyColumn(name = "k")
  @JoinTable(indexes = @Index(columnList = "items_id"))
  Map items;
  @ElementCollection(targetClass = String.class) @CollectionTable(indexes = @Index(columnList = "Shelf_id"))
  List tags;
}
