package com.example.adopt;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
@Access(AccessType.PROPERTY)
public class Link {
  private Long id;
  private String description;
  private String sURL;

  @Id public Long getId() { return id; }
  public void setId(Long id) { this.id = id; }
  public String getdescription() { return description; }
  public void setdescription(String description) { this.description = description; }
  public String getsURL() { return sURL; }
  public void setsURL(String url) { this.sURL = url; }
}
