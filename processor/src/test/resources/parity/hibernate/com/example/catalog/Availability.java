package com.example.catalog;

public enum Availability { IN_STOCK, BACKORDER, DISCONTINUED }
