package com.example.adopt;

public enum Status { ACTIVE, CLOSED }
