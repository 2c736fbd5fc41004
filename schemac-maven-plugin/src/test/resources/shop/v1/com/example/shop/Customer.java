package com.example.shop;

import dev.schemac.annotations.*;
import java.time.Instant;

/** A person who buys. @param email where receipts go */
@Table
public record Customer(@Id(generated = Id.Generated.IDENTITY) long id, @Column(length = 200) @Unique String email,
    @Column(length = 40) String name, @CreatedAt Instant createdAt) {}
