package com.example.shop;

import dev.schemac.annotations.*;

/** A label on purchases. */
@Table
public record Tag(@Id(generated = Id.Generated.IDENTITY) long id, @Column(length = 50) @Unique String label) {}
