package com.example.adopt;

import jakarta.persistence.Embeddable;
import java.io.Serializable;

@Embeddable
public class OrderKey implements Serializable {
  Long region;
  Long number;
}
