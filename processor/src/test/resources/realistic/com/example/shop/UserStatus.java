package com.example.shop;

/** Whether a user may sign in. */
public enum UserStatus {
  ACTIVE,
  INACTIVE,
  BANNED
}
