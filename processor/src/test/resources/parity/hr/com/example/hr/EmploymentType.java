package com.example.hr;

public enum EmploymentType {
  PERMANENT,
  FIXED_TERM,
  CONTRACTOR
}
