package com.example.blog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Temporal;
import jakarta.persistence.TemporalType;
import java.util.Date;
import java.util.UUID;

/** What an author tells about themself; one per author. */
@Entity
@Table(name = "AuthorProfiles")
public class AuthorProfile {
  @Id
  @GeneratedValue(strategy = GenerationType.UUID)
  private UUID id;

  @OneToOne(optional = false)
  @JoinColumn(name = "authorId")
  private Author author;

  @Column(length = 10000)
  private String biography;

  private byte[] avatar;

  @Column(length = 2000)
  private String websiteUrl;

  @Temporal(TemporalType.DATE)
  private Date memberSince;

  protected AuthorProfile() {}
}
