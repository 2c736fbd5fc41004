package com.example.pantry;

/** Where an order is. */
public enum Status { OPEN, PAID, SHIPPED }
