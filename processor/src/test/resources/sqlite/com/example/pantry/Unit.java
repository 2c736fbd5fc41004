package com.example.pantry;

/** How an ingredient is measured. */
public enum Unit { GRAM, LITRE, PIECE }
