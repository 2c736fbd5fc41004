package com.example.shop;

import dev.schemac.annotations.Column;
import dev.schemac.annotations.CreatedAt;
import dev.schemac.annotations.Hashed;
import dev.schemac.annotations.Id;
import dev.schemac.annotations.Index;
import dev.schemac.annotations.SoftDelete;
import dev.schemac.annotations.Table;
import dev.schemac.annotations.Unique;
import dev.schemac.annotations.UpdatedAt;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * People who can sign in to the shop.
 *
 * @param id the user's key
 * @param email the user's login and contact address
 * @param passwordHash BCrypt hash of the password, never the password itself
 * @param status whether the user may sign in
 * @param displayName the name shown next to posts and comments
 */
@Table
@SoftDelete
@Index(expression = "lower(email)", unique = true, where = "deleted_at IS NULL")
@Index(columns = {"status", "created_at DESC"}, where = "status <> 'INACTIVE'")
public record User(
    @Id UUID id,
    @Column(length = 255) @Unique String email,
    @Hashed String passwordHash,
    UserStatus status,
    @Nullable String displayName,
    @CreatedAt Instant createdAt,
    @UpdatedAt Instant updatedAt) {}
