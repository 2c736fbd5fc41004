package com.example.pantry;

import dev.schemac.annotations.*;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Farms and wholesalers we buy from.
 *
 * @param email where orders go; unique among suppliers we still work with
 * @param rating from 0 to 5; null until the first delivery
 * @param terms payment terms as agreed, read as a whole
 * @param regions where it delivers, first one preferred
 */
@Table
@SoftDelete
@Index(expression = "lower(email)", unique = true)
public record Supplier(
    @Id UUID id,
    @Column(length = 120) @Unique String email,
    @Column(length = 200) String name,
    @Nullable Short rating,
    boolean organic,
    LocalDate since,
    @Json Map<String, Object> terms,
    List<String> regions,
    @CreatedAt Instant createdAt,
    @UpdatedAt Instant updatedAt,
    @Nullable Instant deletedAt) {}
