package dev.schemac.processor.rules;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.ForeignKey;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A table shaped like (entity, attribute, value): a column naming the thing described (a
 * foreign key or an {@code <x>_id}), a column naming an attribute (text: {@code attribute},
 * {@code meta_key}, {@code property_name}, {@code name}, {@code key}...; or a reference: {@code
 * attribute_id}) and a text column holding its value ({@code value}, {@code meta_value}...). A
 * value that is jsonb, or qualified ({@code default_value}, {@code old_value}: field definitions
 * and audit trails), does not count; nor does a key-value table with no entity (global settings).
 */
public final class EntityAttributeValue extends SchemaRule {
  /** Last words that name an attribute by themselves: {@code attribute}, {@code setting_attribute}. */
  private static final Set<String> ATTRIBUTE_WORDS = Set.of(
      "attribute", "attr", "property", "prop", "field", "parameter", "param", "characteristic", "trait");

  /** Words that, before {@code name} or {@code key}, make it an attribute's name: {@code meta_key}. */
  private static final Set<String> ATTRIBUTE_QUALIFIERS = Set.of(
      "attribute", "attr", "property", "prop", "field", "parameter", "param", "setting", "option", "meta",
      "config", "pref", "preference", "custom");

  /** The names of a value column. */
  private static final Set<String> VALUE_NAMES = Set.of(
      "value", "val", "attribute_value", "attr_value", "meta_value", "property_value", "prop_value",
      "setting_value", "option_value", "field_value", "param_value", "parameter_value", "pref_value",
      "preference_value", "config_value", "custom_value", "value_text", "text_value", "string_value",
      "value_string", "str_value");

  /** A user-written SQL type that is plain text, not an array. */

  public EntityAttributeValue() {
    super("entity-attribute-value", Level.WARNING, "A table shaped like (entity, attribute, value).");
  }

  @Override
  public List<Finding> check(Schema schema, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Table table : schema.tables()) {
      Column value = first(table, c -> VALUE_NAMES.contains(c.name()) && isText(c, context) && !c.type().isEnum());
      Column attribute = first(table, c -> isAttributeName(c.name()) && isText(c, context) || isAttributeReference(c));
      if (value == null || attribute == null) {
        continue;
      }
      Column entity = first(table, c -> c != value && c != attribute && isEntity(table, c));
      if (entity == null) {
        continue;
      }
      ForeignKey fk = table.foreignKeys().stream().filter(k -> k.columns().contains(entity.name())).findFirst().orElse(null);
      Optional<Table> owner = fk == null ? Optional.empty() : schema.table(fk.targetTable());
      String where = owner.map(t -> "on " + simpleName(t.sourceType())).orElse("on the entity's record");
      String message = "table " + table.name() + " stores one row per (" + entity.name() + ", " + attribute.name() + ", "
          + value.name() + "): every attribute's value is " + context.typeName(value.type()) + ", so the database cannot type,"
          + " constrain (NOT NULL, CHECK, foreign key) or default any of them and typos in "
          + attribute.name() + " create new attributes; reading one " + (owner.isPresent() ? owner.get().name() : "entity")
          + " row takes one row per attribute and a pivot (a self-join or crosstab per attribute), filtering on two"
          + " attributes is a self-join, and the table and its indexes grow by a row per attribute per entity.";
      String fix = "real columns for the attributes you know (`LocalDate birthDate`, `int heightCm`...), or one"
          + " `@Json Map<String, Object> attributes` (jsonb, with a GIN index) " + where;
      findings.add(on(table, table.origin(), message, fix));
    }
    return findings;
  }

  private static Column first(Table table, java.util.function.Predicate<Column> test) {
    return table.columns().stream().filter(test).findFirst().orElse(null);
  }

  private static boolean isAttributeName(String name) {
    if (name.equals("name") || name.equals("key")) {
      return true;
    }
    List<String> words = Words.of(name);
    String last = Words.last(words);
    if (ATTRIBUTE_WORDS.contains(last)) {
      return true;
    }
    return (last.equals("name") || last.equals("key")) && words.size() >= 2
        && ATTRIBUTE_QUALIFIERS.contains(words.get(words.size() - 2));
  }

  /** {@code attribute_id}: the attribute is a row of a table of attribute definitions. */
  private static boolean isAttributeReference(Column column) {
    List<String> words = Words.of(column.name());
    return words.size() >= 2 && Words.last(words).equals("id") && ATTRIBUTE_WORDS.contains(words.get(words.size() - 2))
        && !column.type().array();
  }

  /** The thing described: a foreign-key column, or an {@code <x>_id} that is not the row's own key. */
  private static boolean isEntity(Table table, Column column) {
    if (table.foreignKeys().stream().anyMatch(fk -> fk.columns().contains(column.name()))) {
      return true;
    }
    List<String> words = Words.of(column.name());
    boolean ownKey = table.primaryKey() != null && table.primaryKey().columns().equals(List.of(column.name()));
    return words.size() >= 2 && Words.last(words).equals("id") && !ownKey;
  }

  private static boolean isText(Column column, RuleContext context) {
    if (column.type().array() || column.has(Column.Marker.JSON)) {
      return false;
    }
    LogicalType type = context.stored(column.type());
    return type.storage().kind() == LogicalType.Kind.STRING && !type.array(); // an enum stored by name too
  }

  private static String simpleName(String qualified) {
    return qualified.substring(qualified.lastIndexOf('.') + 1);
  }
}
