package fixtures;

public enum Priority {
  LOW,
  NORMAL,
  HIGH
}
