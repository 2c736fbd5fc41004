/**
 * A small shop: users, products, orders. The schema version is declared here; bump it to
 * release the current version's migrations and start the next one.
 */
@Schema(version = 1)
package dev.schemac.sample;

import dev.schemac.annotations.Schema;
