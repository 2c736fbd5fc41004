package com.example.shop;

public enum CustomerTier {
  STANDARD,
  SILVER,
  GOLD
}
