package dev.schemac.processor.rules;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.ForeignKey;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A scalar text column named uuid or guid (as a whole word: order_uuid, guid, uuid_v7). A text
 * foreign key to a uuid key is left to foreign-key-type-mismatch, which already reports it.
 */
public final class UuidAsText extends SchemaRule {
  private static final Set<String> UUID_WORDS = Set.of("uuid", "guid");

  /** Words that make the column about UUIDs without holding one: uuid_format, short_uuid. */
  private static final Set<String> NOT_A_UUID = Set.of("format", "version", "pattern", "regex", "prefix", "suffix",
      "type", "kind", "generator", "algorithm", "strategy", "column", "field", "name", "label", "hash", "short",
      "base62", "base58", "base64", "b64", "encoded", "slug", "description");

  public UuidAsText() {
    super("uuid-as-text", Level.ERROR, "A UUID stored as text: more than twice the size, no validation, case variants.");
  }

  @Override
  public List<Finding> check(Schema schema, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Table table : schema.tables()) {
      for (Column column : table.columns()) {
        if (!ColumnTypes.isText(column, false, context) || !namesAUuid(ColumnTypes.words(column))
            || referencesAUuidKey(schema, table, column)) {
          continue;
        }
        String message = table.name() + "." + column.name() + " stores a UUID as " + context.typeName(column.type())
            + ": 36 bytes or more per value instead of 16, in the table and again in every index; nothing checks"
            + " that a value is a UUID at all; and the same UUID written in upper case, with braces or without"
            + " dashes compares unequal, so lookups and joins silently miss rows. Text comparisons also make"
            + " its indexes larger and slower.";
        String fix = "declare it `UUID " + ColumnTypes.javaName(column) + "`" + ColumnTypes.withoutCustomType(table, column)
            + " (stored as uuid: 16 bytes, validated on input, indexed compactly)";
        findings.add(on(table, column, message, fix));
      }
    }
    return findings;
  }

  /** Package-private for the unit test. */
  static boolean namesAUuid(List<String> words) {
    return Words.containsAny(words, UUID_WORDS) && !Words.containsAny(words, NOT_A_UUID);
  }

  private static boolean referencesAUuidKey(Schema schema, Table table, Column column) {
    for (ForeignKey fk : table.foreignKeys()) {
      int i = fk.columns().indexOf(column.name());
      if (i < 0 || i >= fk.targetColumns().size()) {
        continue;
      }
      Column target = schema.table(fk.targetTable()).flatMap(t -> t.column(fk.targetColumns().get(i))).orElse(null);
      if (target != null && target.type().kind() == Kind.UUID) {
        return true;
      }
    }
    return false;
  }
}
