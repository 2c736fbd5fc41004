package dev.schemac.processor.rules;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A text column whose name says it holds a list ({@code tag_ids}, {@code roles}, {@code
 * recipient_emails}): the values end up packed as "a,b,c". Only an explicit list of plural
 * nouns of discrete things counts, as the last word of the name; free text that happens to be
 * plural ({@code notes}, {@code comments}, {@code settings}) and singular words ending in s
 * ({@code status}, {@code address}) do not. The tables of JPA collections hold one value a row
 * under the collection's (plural) name, and are left alone.
 */
public final class CommaSeparatedValues extends SchemaRule {
  /** Last words that name keys of other rows. */
  private static final Set<String> KEY_LISTS = Set.of("ids", "uuids", "guids", "keys", "slugs", "skus");

  /** Last words that name several discrete things. */
  private static final Set<String> LIST_WORDS = Set.of(
      "list", "csv", "tsv", "allowlist", "blocklist", "denylist", "whitelist", "blacklist",
      "tags", "hashtags", "labels", "keywords", "categories", "topics", "genres",
      "roles", "permissions", "scopes", "privileges", "groups",
      "emails", "recipients", "addresses", "phones", "numbers", "urls", "links", "domains", "hosts",
      "hostnames", "ips", "members", "participants", "assignees", "attendees", "watchers", "followers",
      "skills", "interests", "languages", "locales", "countries", "regions", "currencies",
      "codes", "values", "choices", "sizes", "colors", "colours", "allergens", "attachments", "images",
      "photos", "extensions", "platforms", "channels");

  /** "X list" compounds that name one thing, not a list of Xs held in the column. */
  private static final Set<String> SINGLE_THING_LISTS = Set.of("mailing", "price", "waiting", "wait", "play");

  /** A user-written SQL type that is plain text, not an array. */

  public CommaSeparatedValues() {
    super("comma-separated-values", Level.WARNING, "A list packed into one text column.");
  }

  @Override
  public List<Finding> check(Schema schema, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Table table : schema.tables()) {
      if (table.collection()) {
        continue; // a join or collection table holds one value a row: its column is named after the collection
      }
      for (Column column : table.columns()) {
        if (!isPlainText(column.type(), context) || column.has(Column.Marker.JSON) || column.has(Column.Marker.HASHED)
            || column.has(Column.Marker.ENCRYPTED)) {
          continue;
        }
        List<String> words = Words.of(column.name());
        String last = Words.last(words);
        boolean keys = KEY_LISTS.contains(last);
        if (!keys && !LIST_WORDS.contains(last)) {
          continue;
        }
        if (last.equals("list") && words.size() >= 2 && SINGLE_THING_LISTS.contains(words.get(words.size() - 2))) {
          continue;
        }
        String component = column.javaName() == null ? column.name() : column.javaName();
        String message = table.name() + "." + column.name() + " is " + context.typeName(column.type())
            + " but its name says it holds a list: packed into one string (\"a,b,c\"), no index finds the rows"
            + " holding one value, so each such query scans the table with LIKE '%x%' (which also matches 'xy')"
            + " or splits every string; a value containing the separator corrupts the list, nothing checks the"
            + " values, and adding or removing one rewrites the whole string, racing with concurrent writers.";
        String fix = keys
            ? "these are keys of another table: a junction table with two foreign keys, one row per pair (e.g. @Id"
                + " @References(...) on each of its two components); or, if no foreign key is wanted, declare it"
                + " `List<UUID> " + component + "` (uuid[]) or `List<Long> " + component + "` (bigint[]) with a GIN index"
            : "declare it `List<String> " + component + "` (text[], searchable with a GIN index)"
                + " — or, if the values are keys of another table, a junction table with two foreign keys";
        findings.add(on(table, column, message, fix));
      }
    }
    return findings;
  }

  private static boolean isPlainText(LogicalType declared, RuleContext context) {
    if (declared.array() || declared.isEnum()) {
      return false;
    }
    LogicalType type = context.stored(declared);
    return type.kind() == LogicalType.Kind.STRING && !type.array();
  }
}
