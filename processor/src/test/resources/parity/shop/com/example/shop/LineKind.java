package com.example.shop;

/** Stored by ordinal: new kinds go at the end. */
public enum LineKind {
  PRODUCT,
  SHIPPING,
  DISCOUNT
}
