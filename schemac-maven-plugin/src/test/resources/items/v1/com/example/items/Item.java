package com.example.items;

import dev.schemac.annotations.*;

@Table
public record Item(@Id long id, @Column(length = 20) String name, @Nullable @Column(length = 20) String note) {}
