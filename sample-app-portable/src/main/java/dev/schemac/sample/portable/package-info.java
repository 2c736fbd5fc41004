/**
 * A small shop that runs on PostgreSQL, MariaDB, MySQL and SQLite from the same records:
 * customers (soft-deleted), products, orders and their lines.
 */
@Schema(version = 3, description = "refunds_longer_titles_optional_phone")
package dev.schemac.sample.portable;

import dev.schemac.annotations.Schema;
