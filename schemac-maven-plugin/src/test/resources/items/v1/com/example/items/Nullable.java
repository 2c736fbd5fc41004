package com.example.items;

import java.lang.annotation.ElementType;
import java.lang.annotation.Target;

/** Any annotation named Nullable makes a component nullable. */
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@interface Nullable {}
