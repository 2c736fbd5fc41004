package com.example.blog;

public enum PostState {
  DRAFT,
  PUBLISHED,
  ARCHIVED
}
