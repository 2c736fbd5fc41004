package dev.schemac.sample;

/** Where an account is in its life. */
public enum UserStatus {
  PENDING,
  ACTIVE,
  SUSPENDED
}
