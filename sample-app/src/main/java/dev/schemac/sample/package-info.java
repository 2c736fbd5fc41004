/**
 * A shop and a blog: users and their profiles, a category tree, products, orders and their
 * lines, posts with tags and threaded comments. The schema version is declared here; bump it to
 * release the current version's migrations and start the next one.
 *
 * <p>History: version 1 created the shop and the blog; version 2 added the audit log, a few
 * columns and indexes; version 3 renamed {@code products.stock} to {@code stock_quantity},
 * dropped {@code posts.excerpt} (the front page now cuts the teaser from the body: the drop is
 * acknowledged below) and replaced the index on {@code comments.post_id} by one that also sorts
 * a post's comments by time.
 */
@Schema(version = 3, drops = @Drop(table = "posts", column = "excerpt"))
package dev.schemac.sample;

import dev.schemac.annotations.Drop;
import dev.schemac.annotations.Schema;
