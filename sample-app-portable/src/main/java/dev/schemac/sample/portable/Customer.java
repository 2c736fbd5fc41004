package dev.schemac.sample.portable;

import dev.schemac.annotations.Column;
import dev.schemac.annotations.CreatedAt;
import dev.schemac.annotations.Default;
import dev.schemac.annotations.Id;
import dev.schemac.annotations.SchemacRules;
import dev.schemac.annotations.SoftDelete;
import dev.schemac.annotations.Table;
import dev.schemac.annotations.Unique;
import dev.schemac.annotations.UpdatedAt;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * People who buy in the shop.
 *
 * @param email login and contact address, unique among open accounts
 * @param displayName the name on invoices
 * @param phone for the courier, when the customer gave one
 * @param status whether the customer may place orders
 * @param deletedAt set when the account is closed; the row stays for its orders
 */
@Table
@SoftDelete
public record Customer(
    @Id UUID id,
    @Column(length = 320) @Unique String email,
    @Column(length = 100) String displayName,
    // Made nullable in version 3: MariaDB and MySQL rebuild the table with writes blocked (the
    // live_row column of the soft-delete UNIQUE is an indexed virtual column); customers is small.
    @SuppressWarnings(SchemacRules.TABLE_COPY) @Column(length = 30) @Nullable String phone,
    @Default("'ACTIVE'") CustomerStatus status,
    @CreatedAt Instant createdAt,
    @UpdatedAt Instant updatedAt,
    @Nullable Instant deletedAt) {}
