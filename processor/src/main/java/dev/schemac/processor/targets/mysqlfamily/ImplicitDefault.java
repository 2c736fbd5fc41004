package dev.schemac.processor.targets.mysqlfamily;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.TargetFacts;
import dev.schemac.processor.model.change.Change;
import dev.schemac.processor.rules.AbstractMigrationRule;
import dev.schemac.processor.rules.Finding;
import dev.schemac.processor.rules.Level;
import dev.schemac.processor.rules.MigrationContext;
import dev.schemac.processor.targets.mariadb.MariaDbTarget;
import dev.schemac.processor.targets.mysql.MySqlTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A NOT NULL column without a DEFAULT added to an existing table, as one {@code ADD COLUMN}: where
 * PostgreSQL fails on the first row (what {@code not-null-without-default} guards), MariaDB and
 * MySQL give every existing row the type's implicit default ({@code 0}, {@code ''}, the first ENUM
 * value, a zero UUID), strict mode or not, and the migration succeeds with values nobody wrote.
 * Measured on MariaDB 11.4.5 and 10.11.5 ({@code ImplicitDefaultTest}); a date or
 * timestamp column is the exception (its implicit zero date is refused in strict mode, so the ADD
 * fails on rows as on PostgreSQL) and is not reported. A version with a data step adds the column
 * nullable and tightens it after the step, so nothing is filled implicitly there.
 */
public final class ImplicitDefault extends AbstractMigrationRule {
  public static final String ID = "implicit-default";

  /** The one instance both targets register (the catalog keeps each rule once). */
  public static final ImplicitDefault INSTANCE = new ImplicitDefault();

  private ImplicitDefault() {
    super(ID, Level.WARNING, "A NOT NULL column without a default added to a MariaDB or MySQL table with rows, which"
        + " the engine fills with its type's implicit default instead of failing.", Set.of(MariaDbTarget.ID,
            MySqlTarget.ID));
  }

  @Override
  public List<Finding> check(MigrationContext context) {
    List<Finding> findings = new ArrayList<>();
    List<String> engines = context.targets().stream().filter(t -> t instanceof MySqlFamilyTarget)
        .map(TargetFacts::displayName).toList();
    if (engines.isEmpty() || context.dataStep()) {
      return findings;
    }
    for (Change.AddColumn added : context.changes().of(Change.AddColumn.class)) {
      Column c = added.column();
      String value = implicitValue(c.type());
      if (c.nullable() || c.defaultValue() != null || c.identity() != Column.Identity.NONE || c.isGenerated()
          || value == null) {
        continue;
      }
      String t = added.table().qualifiedName();
      findings.add(finding("column " + t + "." + c.name() + " is added NOT NULL without a default to a table that"
              + " may have rows: " + String.join(" and ", engines) + (engines.size() > 1 ? " do not fail there as"
              + " PostgreSQL does, they give" : " does not fail there as PostgreSQL does, it gives") + " every existing row " + value + " (the type's implicit default, in strict mode too), and the"
              + " migration succeeds with values nobody wrote.", "give it @Default(\"...\") with the value existing"
              + " rows should have, or fill it with a data step in this version (data/V{N}__d.sql;"
              + " docs/migrations.md#data-steps); if the table is empty in every environment, suppress with"
              + " @SuppressWarnings(\"schemac:" + ID + "\")", c.origin(), t, c.name()));
    }
    return findings;
  }

  /**
   * What an existing row gets, as MariaDB 11.4 and 10.11 fill it; null for the types whose implicit
   * default strict mode refuses (dates and timestamps: the ADD fails on a table with rows).
   */
  static String implicitValue(LogicalType type) {
    return switch (type.kind()) {
      case INT16, INT32, INT64, FLOAT32, FLOAT64, DECIMAL, DURATION -> "0";
      case BOOLEAN -> "false (0)";
      case STRING, CLOB, FIXED_STRING -> "the empty string ''";
      case JSON -> "an empty text (on MariaDB, where it is not even valid JSON)";
      case BINARY, BLOB -> "no bytes";
      case UUID -> "the zero UUID (00000000-0000-0000-0000-000000000000; on MySQL 16 zero bytes)";
      case TIME -> "the time 00:00:00";
      case ENUM -> type.enumValues().isEmpty() ? null : "its first value '" + type.enumValues().get(0) + "'";
      default -> null; // dates and timestamps (refused in strict mode), raw types (the engine decides)
    };
  }
}
