package com.example.shop;

import dev.schemac.annotations.*;
import java.time.Instant;

/** A person who buys. @param email where receipts go */
@Table
public record Customer(@Id(generated = Id.Generated.IDENTITY) long id, @Column(length = 200) @Unique String email,
    @Column(length = 80) String name, @Column(length = 30) @Nullable String phone, @CreatedAt Instant createdAt) {}
