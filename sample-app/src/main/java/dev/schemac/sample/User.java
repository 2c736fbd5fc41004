package dev.schemac.sample;

import dev.schemac.annotations.Column;
import dev.schemac.annotations.CreatedAt;
import dev.schemac.annotations.Default;
import dev.schemac.annotations.Encrypted;
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
 * People who shop and write on the site.
 *
 * @param email login and contact address, unique among open accounts
 * @param displayName the name shown next to comments and orders
 * @param passwordHash bcrypt hash of the password, never the password itself
 * @param mfaSecret TOTP seed, AES-GCM ciphertext under a key from the KMS; null until MFA is on
 * @param lastLoginAt the last successful sign-in; added in version 2
 * @param deletedAt set when the account is closed; the row stays for order history
 */
@Table
@SoftDelete
@Index(expression = "lower(email)", unique = true)
@Index(columns = {"status", "created_at DESC"}, where = "status <> 'SUSPENDED'")
public record User(
    @Id UUID id,
    @Column(length = 320) @Unique String email,
    @Column(length = 100) String displayName,
    @Hashed String passwordHash,
    @Encrypted byte @Nullable [] mfaSecret,
    @Default("'PENDING'") UserStatus status,
    @CreatedAt Instant createdAt,
    @UpdatedAt Instant updatedAt,
    @Nullable Instant lastLoginAt,
    @Nullable Instant deletedAt) {}
