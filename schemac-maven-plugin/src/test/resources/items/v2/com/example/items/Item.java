package com.example.items;

import dev.schemac.annotations.*;

// note goes; label, NOT NULL without a default, comes: the data step (db/mariadb/data) fills it from note
@Table
public record Item(@Id long id, @Column(length = 20) String name, @Column(length = 20) String label) {}
