package com.example.newsroom;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A link an article points to. */
@Embeddable
public class Link {
  @Column(nullable = false, length = 2000)
  private String targetUrl;

  @Column(length = 200)
  private String label;
}
