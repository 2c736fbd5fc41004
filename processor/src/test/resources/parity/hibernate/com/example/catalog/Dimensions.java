package com.example.catalog;

/** A product's size, stored as JSON. */
public record Dimensions(int width, int height, int depth) {}
