package com.example.documents;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import java.time.Instant;
import java.util.UUID;

/** A document: its extracted text, the original file and a small preview image. */
@Entity
public class StoredDocument {
  @Id
  @GeneratedValue(strategy = GenerationType.UUID)
  private UUID id;

  @Column(nullable = false, length = 255)
  private String fileName;

  @Lob
  private String extractedText;

  @Lob
  @Column(nullable = false)
  private byte[] content;

  private byte[] preview;

  @Column(nullable = false)
  private Instant uploadedAt;
}
