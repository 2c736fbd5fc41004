package com.example.collections;

/** How a customer can be notified. */
public enum Channel { EMAIL, SMS, PUSH }
