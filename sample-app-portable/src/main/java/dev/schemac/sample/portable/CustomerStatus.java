package dev.schemac.sample.portable;

/** Whether a customer may place orders. */
public enum CustomerStatus {
  ACTIVE,
  SUSPENDED
}
