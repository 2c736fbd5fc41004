package dev.schemac.sample;

/** Where a blog post is in its life. Stored as text with a CHECK listing the constants. */
public enum PostStatus {
  DRAFT,
  PUBLISHED,
  ARCHIVED
}
