package dev.schemac.processor.rules;

import dev.schemac.processor.model.CheckConstraint;
import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.ForeignKey;
import dev.schemac.processor.model.Identifiers;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Sequence;
import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.TargetFacts;
import dev.schemac.processor.model.UniqueConstraint;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A name longer than the identifier limit of the strictest of the build's targets ({@link
 * TargetFacts#maxIdentifierBytes}; PostgreSQL's is 63 bytes): a table or column name
 * (written or derived from a Java name), a constraint, index or enum type name, a sequence or
 * schema name. The names schemac
 * generates (keys, constraints, indexes, triggers) are shortened with a hash suffix ({@link
 * Identifiers#fit}), so only those the user wrote can fire; primary keys and triggers are always
 * generated and are not looked at.
 */
public final class IdentifierTooLong extends SchemaRule {
  /** Words a shortened name should not end with. */
  private static final Set<String> DANGLING =
      Set.of("a", "an", "the", "of", "for", "by", "to", "in", "on", "at", "and", "or", "with", "from", "before", "after");

  public IdentifierTooLong() {
    super("identifier-too-long", Level.ERROR, "A name longer than PostgreSQL's 63 bytes.");
  }

  @Override
  public List<Finding> check(Schema schema, RuleContext context) {
    Limit limit = Limit.of(context);
    List<Finding> findings = new ArrayList<>();
    // every name of the schema but columns and schemas: tables, indexes and sequences share a namespace, constraints
    // share one per table, and a suggestion must take none of them (nor another suggestion), so that applying every
    // fix compiles
    Set<String> taken = namesOf(schema);
    for (Table table : schema.tables()) {
      String record = table.sourceType().substring(table.sourceType().lastIndexOf('.') + 1);
      if (tooLong(table.name(), limit)) {
        findings.add(on(table, table.origin(), message(limit, "table name", table.name(), ""),
            "a shorter name on " + record + ", such as @Table(name = \"" + shorter(table.name(), taken) + "\")"));
      }
      Set<String> columnNames = new java.util.HashSet<>(table.columns().stream().map(Column::name).toList());
      for (Column column : table.columns()) {
        String component = column.javaName() == null ? column.name() : column.javaName();
        if (tooLong(column.name(), limit)) {
          findings.add(on(table, column, message(limit, "column name", column.name(), " (of table " + table.name() + ")"),
              "a shorter name on " + component + ", such as @Column(name = \"" + shorter(column.name(), columnNames)
                  + "\")"));
        }
        String enumType = column.type().enumTypeName();
        if (column.type().isNamedEnum() && tooLong(enumType, limit)) {
          findings.add(on(table, column,
              message(limit, "enum type name", enumType, " (of column " + table.name() + "." + column.name() + ")"),
              "a shorter name on " + component + ", such as @NativeEnum(name = \"" + shorter(enumType, taken) + "\")"));
        }
      }
      for (ForeignKey fk : table.foreignKeys()) {
        named(limit, table, "foreign key name", fk.name(), fk.columns().size() == 1 ? fk.columns().get(0) : null,
            fk.origin(), () -> "a shorter name, such as @References(..., name = \"" + shorter(fk.name(), taken) + "\")", findings);
      }
      for (UniqueConstraint unique : table.uniques()) {
        named(limit, table, "unique constraint name", unique.name(),
            unique.columns().size() == 1 ? unique.columns().get(0) : null, unique.origin(),
            () -> "a shorter name, such as @Unique(..., name = \"" + shorter(unique.name(), taken) + "\")", findings);
      }
      for (CheckConstraint check : table.checks()) {
        named(limit, table, "check constraint name", check.name(), check.column(), check.origin(),
            () -> "a shorter name, such as @Check(..., name = \"" + shorter(check.name(), taken) + "\")", findings);
      }
      for (Index index : table.indexes()) {
        String column = index.elements().size() == 1 ? index.elements().get(0).column() : null;
        named(limit, table, "index name", index.name(), column, index.origin(),
            () -> "a shorter name on its @Index or @Indexed, such as name = \"" + shorter(index.name(), taken) + "\"", findings);
      }
    }
    for (Sequence sequence : schema.sequences()) {
      if (tooLong(sequence.name(), limit)) {
        findings.add(on(sequence, message(limit, "sequence name", sequence.name(), sequence.schema() == null ? ""
                : " (in schema " + sequence.schema() + ")"),
            "a shorter name on its @SequenceGenerator, such as sequenceName = \"" + shorter(sequence.name(), taken) + "\""));
      }
    }
    SchemaNames.firstDeclarations(schema).forEach((name, declaration) -> {
      if (tooLong(name, limit)) {
        findings.add(declaration.finding(id(), message(limit, "schema name", name, ""),
            "a shorter schema on its @Table or @SequenceGenerator, such as schema = \"" + shorter(name) + "\""));
      }
    });
    return findings;
  }

  private static Set<String> namesOf(Schema schema) {
    Set<String> names = new java.util.HashSet<>();
    for (Table t : schema.tables()) {
      names.add(t.name());
      if (t.primaryKey() != null) {
        names.add(t.primaryKey().name());
      }
      t.foreignKeys().forEach(fk -> names.add(fk.name()));
      t.uniques().forEach(u -> names.add(u.name()));
      t.checks().forEach(c -> names.add(c.name()));
      t.indexes().forEach(i -> names.add(i.name()));
      t.triggers().forEach(tr -> names.add(tr.name()));
      t.columns().stream().filter(c -> c.type().isNamedEnum()).forEach(c -> names.add(c.type().enumTypeName()));
    }
    schema.sequences().forEach(q -> names.add(q.name()));
    schema.enumTypes().forEach(e -> names.add(e.name()));
    return names;
  }

  private void named(Limit limit, Table table, String what, String name, String column, Origin origin,
      java.util.function.Supplier<String> suggestedFix, List<Finding> findings) {
    if (tooLong(name, limit)) {
      String fix = suggestedFix.get();
      String message = message(limit, what, name, " (on table " + table.name() + ")");
      findings.add(new Finding(id(), table.qualifiedName(), column, message, fix, origin == null ? table.origin() : origin));
    }
  }

  private static boolean tooLong(String name, Limit limit) {
    return name != null && Identifiers.byteLength(name) > limit.bytes();
  }

  private static String message(Limit limit, String what, String name, String where) {
    return what + " " + name + where + " is "
        + Identifiers.byteLength(name) + " bytes long, more than " + limit.engine() + "'s " + limit.bytes()
        + ": the server silently truncates it to " + truncated(name, limit) + ", so the name in the catalog differs"
        + " from the one in code, queries and migrations, and two long names that share their first "
        + limit.bytes() + " bytes collide.";
  }

  /** The strictest limit of the targets, and the engine that has it. */
  private record Limit(int bytes, String engine) {
    static Limit of(RuleContext context) {
      TargetFacts strictest = context.targets().stream()
          .min(java.util.Comparator.comparingInt(TargetFacts::maxIdentifierBytes)).orElseThrow();
      return new Limit(strictest.maxIdentifierBytes(), strictest.displayName());
    }
  }

  private static String truncated(String name, Limit limit) {
    byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
    int end = limit.bytes();
    while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
      end--; // PostgreSQL cuts at a character boundary
    }
    return new String(bytes, 0, end, StandardCharsets.UTF_8);
  }

  /**
   * A ready-to-paste name for {@code name}: cut after its last whole word that fits in {@link
   * Identifiers#MAX_BYTES} bytes, spelled so that an explicit name is accepted ({@link
   * Identifiers#suggestion}: {@code é} becomes {@code e}), and not one of {@code taken} (then
   * {@code _2}, {@code _3}...), so that applying every suggested fix of a table compiles.
   */
  static String shorter(String name, Set<String> taken) {
    String base = Identifiers.suggestion(name, "renamed");
    List<String> kept = new ArrayList<>(Words.of(base));
    while (kept.size() > 1 && DANGLING.contains(Words.last(kept))) {
      kept.remove(kept.size() - 1); // "..._before_the" reads badly as a name
    }
    base = String.join("_", kept);
    String candidate = base;
    for (int n = 2; taken.contains(candidate); n++) {
      String suffix = "_" + n;
      candidate = base.substring(0, Math.min(base.length(), Identifiers.MAX_BYTES - suffix.length())) + suffix;
    }
    taken.add(candidate);
    return candidate;
  }

  /** {@link #shorter(String, Set)} with nothing taken. */
  static String shorter(String name) {
    return shorter(name, new java.util.HashSet<>());
  }
}
