package com.example.collections;

import java.io.Serializable;
import java.util.UUID;

/** The id class of Role. */
public class RoleKey implements Serializable {
  private String code;
  private UUID tenant;
}
