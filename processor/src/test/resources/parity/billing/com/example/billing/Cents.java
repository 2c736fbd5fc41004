package com.example.billing;

/** An amount of money in cents, a value type with no mapping of its own. */
public record Cents(long value) {}
