package dev.schemac.sample;

/** Where an account is in its life. Stored as text with a CHECK listing the constants. */
public enum UserStatus {
  PENDING,
  ACTIVE,
  SUSPENDED
}
