package dev.schemac.processor.targets.mysqlfamily;

import dev.schemac.processor.model.CheckConstraint;
import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.ColumnDefault;
import dev.schemac.processor.model.ErrorId;
import dev.schemac.processor.model.ForeignKey;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.Problem;
import dev.schemac.processor.model.RawSql;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What MariaDB and MySQL cannot express, beyond what {@link
 * dev.schemac.processor.targets.Capabilities} rules out: located errors that name the target and
 * say how to fix it. Each one is something the engine would refuse, or would store with another
 * meaning than the model's (docs/targets/mariadb.md, "What is refused").
 */
final class MySqlFamilyUnsupported {
  /** The longest comments the engines keep (strict mode refuses longer ones). */
  static final int MAX_COLUMN_COMMENT = 1024;
  static final int MAX_TABLE_COMMENT = 2048;
  /** The most bytes the columns of one row may declare, TEXT and BLOB counting 12. */
  static final int MAX_ROW_BYTES = 65535;

  /** A character set or collation of 3-byte utf8: {@code utf8}, {@code utf8mb3}, {@code utf8_general_ci}. */
  private static final java.util.regex.Pattern UTF8MB3 =
      java.util.regex.Pattern.compile("(?i)\\butf8(mb3)?(_[a-z0-9_]+)?\\b");

  private final MySqlFamilyDialect dialect;
  private final Engine engine;
  private final List<Problem> problems = new ArrayList<>();

  private MySqlFamilyUnsupported(MySqlFamilyDialect dialect) {
    this.dialect = dialect;
    this.engine = dialect.engine();
  }

  static List<Problem> check(Schema schema, MySqlFamilyDialect dialect) {
    MySqlFamilyUnsupported check = new MySqlFamilyUnsupported(dialect);
    Map<String, Table> foreignKeyNames = new HashMap<>();
    Map<String, Table> checkNames = new HashMap<>();
    for (Table table : schema.tables()) {
      check.table(table);
      for (ForeignKey fk : table.foreignKeys()) {
        Table other = foreignKeyNames.putIfAbsent(fk.name(), table);
        if (other != null && other != table) {
          check.error(ErrorId.DUPLICATE_NAME, "foreign key " + fk.name() + " of " + table.name()
              + " has the name of a foreign key of " + other.name() + ", and " + check.engine.displayName()
              + " names foreign keys once per database",
              "another name on one of them", at(fk.origin(), table));
        }
      }
      if (!dialect.engine().ifExists()) { // MySQL: CHECK names are unique per database too
        for (CheckConstraint c : table.checks()) {
          Table other = checkNames.putIfAbsent(c.name(), table);
          if (other != null && other != table) {
            check.error(ErrorId.DUPLICATE_NAME, "CHECK " + c.name() + " of " + table.name()
                + " has the name of a CHECK of " + other.name() + ", and MySQL names CHECK constraints once per database",
                "another name on one of them", at(c.origin(), table));
          }
        }
      }
    }
    return check.problems;
  }

  private void error(String what, String fix, Origin origin) {
    error(ErrorId.UNSUPPORTED_BY_TARGET, what, fix, origin);
  }

  private void error(ErrorId id, String what, String fix, Origin origin) {
    problems.add(Problem.error(id, what + " (target " + engine.id() + "). Fix: " + fix + ", or leave " + engine.id()
        + " out of -Aschemac.targets.", origin));
  }

  /**
   * SQL written for this target itself, which schemac copies as it is: an error where the engine
   * would refuse it when the file runs ({@link CastTypes}).
   */
  private void ownSql(String what, RawSql sql, Origin origin) {
    CastTypes.Refusal refusal = ownSqlRefusal(sql);
    if (refusal != null) {
      error(ErrorId.INVALID_SQL, what + " (" + sql.sql() + ") is not valid " + engine.displayName() + ": "
          + refusal.why(), refusal.fix(), origin);
    }
  }

  private CastTypes.Refusal ownSqlRefusal(RawSql sql) {
    return sql.target().equals(engine.id()) ? CastTypes.problem(sql.sql(), engine) : null;
  }

  private static Origin at(Origin origin, Table table) {
    return origin == null || origin == Origin.NONE ? table.origin() : origin;
  }

  private void table(Table table) {
    String name = engine.displayName();
    int rowBytes = 0;
    for (Column column : table.columns()) {
      LogicalType type = column.type();
      String component = column.javaName() == null ? column.name() : column.javaName();
      String where = "column " + table.name() + "." + column.name();
      // an entity's BigDecimal without precision and its String longer than a VARCHAR get Hibernate's types
      // (DECIMAL(38,2); TEXT, MEDIUMTEXT, LONGTEXT: MySqlFamilyDialect#typeName); a record's are refused
      if (type.kind() == Kind.DECIMAL && type.precision() == 0 && !table.entity()) {
        error(where + " is a BigDecimal without precision: " + name + " has no unbounded DECIMAL (a bare DECIMAL is"
            + " DECIMAL(10,0), which rounds away every fraction)", "@Column(precision = 38, scale = 2) on " + component
            + ", or the precision and scale its values need", column.origin());
      } else if (type.kind() == Kind.DECIMAL && (type.precision() > 65 || type.scale() > 30)) {
        error(where + " is DECIMAL(" + type.precision() + "," + type.scale() + "): " + name + " keeps at most 65 digits,"
            + " 30 of them after the point", "a precision of at most 65 and a scale of at most 30 on " + component,
            column.origin());
      }
      if (type.kind() == Kind.STRING && type.length() > MySqlFamilyDialect.MAX_VARCHAR && !table.entity()) {
        error(where + " is a string of at most " + type.length() + " characters: " + name + "'s VARCHAR holds at most "
            + MySqlFamilyDialect.MAX_VARCHAR + " utf8mb4 characters", "@Column(length = " + MySqlFamilyDialect.MAX_VARCHAR
            + ") or less on " + component + ", or no length (LONGTEXT)", column.origin());
      }
      if (type.kind() == Kind.RAW && !type.raw().target().equals(engine.id())) {
        error(where + " has the type '" + type.rawSql() + "', written for target " + type.raw().target() + ", which "
            + name + " may read differently", "a Java type schemac maps on every target instead of @Column(type) on "
            + component + ", or put " + engine.id() + " first in -Aschemac.targets and write the type for it",
            column.origin());
      }
      if (type.kind() == Kind.RAW && UTF8MB3.matcher(type.rawSql()).find()) {
        error(where + " has the type '" + type.rawSql() + "': utf8 (utf8mb3) holds at most 3 bytes a character, so"
            + " emoji and other characters beyond the Basic Multilingual Plane are refused or cut, and its values"
            + " compare differently from the table's utf8mb4 (" + engine.collation() + ")", "drop the CHARACTER SET"
            + " and COLLATE from @Column(type) on " + component + ": every table is utf8mb4", column.origin());
      }
      if (column.identity() == Column.Identity.ALWAYS) {
        error(where + " is GENERATED ALWAYS AS IDENTITY: " + name + "'s AUTO_INCREMENT always takes a value the"
            + " application gives", "@GeneratedValue(strategy = IDENTITY) (BY DEFAULT) on " + component,
            column.origin());
      } else if (column.identity() != Column.Identity.NONE && (table.primaryKey() == null
          || !table.primaryKey().columns().get(0).equals(column.name()))) {
        error(where + " is an identity column that does not lead the primary key: " + name + "'s AUTO_INCREMENT"
            + " needs a key that starts with it", "make it the (first column of the) primary key", column.origin());
      }
      if (column.isGenerated()) {
        String why = PortableSql.problem(column.generated(), engine);
        if (why != null) {
          error("the expression of generated column " + where + " (" + column.generated().sql() + ") is written for"
              + " target " + column.generated().target() + ", and " + name + " reads it differently: " + why,
              "an expression that means the same on every engine in @GeneratedColumn on " + component, column.origin());
        }
        ownSql("the expression of generated column " + where, column.generated(), column.origin());
      }
      if (column.defaultValue() instanceof ColumnDefault.Raw raw) {
        String why = PortableSql.problem(raw.sql(), engine);
        if (why != null) {
          error("the DEFAULT of " + where + " (" + raw.sql().sql() + ") is written for target " + raw.sql().target()
              + ", and " + name + " reads it differently: " + why, "a default that means the same on every engine"
              + " on " + component, column.origin());
        }
        ownSql("the DEFAULT of " + where, raw.sql(), column.origin());
      }
      if (column.comment() != null && column.comment().length() > MAX_COLUMN_COMMENT) {
        error("the comment of " + where + " is " + column.comment().length() + " characters long; " + name
            + " keeps at most " + MAX_COLUMN_COMMENT, "a shorter @param text", column.origin());
      }
      if (column.name().equals(PhysicalTable.LIVE_ROW)
          && PhysicalTable.of(table, dialect).generated().stream().anyMatch(g -> g.index() == null)) {
        error(where + " has the name of the generated column schemac adds to soft-delete tables with UNIQUE keys",
            "another name on " + component, column.origin());
      }
      rowBytes += rowBytes(type);
    }
    if (table.comment() != null && table.comment().length() > MAX_TABLE_COMMENT) {
      error("the comment of table " + table.name() + " is " + table.comment().length() + " characters long; " + name
          + " keeps at most " + MAX_TABLE_COMMENT, "a shorter doc comment", table.origin());
    }
    if (rowBytes > MAX_ROW_BYTES) {
      error("the columns of table " + table.name() + " declare " + rowBytes + " bytes per row (4 per character of"
          + " a VARCHAR), more than the " + MAX_ROW_BYTES + " a row of " + name + " may declare", "shorter lengths,"
          + " or no @Column(length) (LONGTEXT, stored apart) on its longest strings", table.origin());
    }
    for (CheckConstraint check : table.checks()) {
      if (check.raw() != null) {
        String why = PortableSql.problem(check.raw(), engine);
        if (why != null) {
          error("CHECK " + check.name() + " on " + table.name() + " (" + check.raw().sql() + ") is written for target "
              + check.raw().target() + ", and " + name + " reads it differently: " + why, "a condition that means the"
              + " same on every engine", at(check.origin(), table));
        }
        ownSql("CHECK " + check.name() + " on " + table.name(), check.raw(), at(check.origin(), table));
      }
    }
    for (ForeignKey fk : table.foreignKeys()) {
      if (fk.onDelete() == ForeignKey.Action.SET_DEFAULT || fk.onUpdate() == ForeignKey.Action.SET_DEFAULT) {
        error("foreign key " + fk.name() + " on " + table.name() + " says SET DEFAULT, which InnoDB does not"
            + " support", "another referential action (RESTRICT, CASCADE, SET NULL)", at(fk.origin(), table));
      }
    }
    if (table.primaryKey() != null) {
      keyLength(table, "the primary key", table.primaryKey().columns(), at(table.primaryKey().origin(), table));
    }
    for (UniqueConstraint unique : table.uniques()) {
      keyLength(table, "UNIQUE " + unique.name(), unique.columns(), at(unique.origin(), table));
    }
    PhysicalTable physical = PhysicalTable.of(table, dialect);
    for (Index index : table.indexes()) {
      index(table, index, physical);
    }
    keyParts(table, physical);
    for (PhysicalTable.Generated generated : physical.generated()) {
      if (generated.index() != null && table.column(generated.name()).isPresent()) {
        error("index " + generated.index() + " on " + table.name() + " is an expression, which " + name + " indexes"
            + " through a generated column named after the index, and the table has a column of that name",
            "another name on the index", table.origin());
      }
    }
  }

  /** Keys of more columns than the engine's limit (a soft-delete table's UNIQUE keys end with one more). */
  private void keyParts(Table table, PhysicalTable physical) {
    int max = engine.maxKeyParts();
    if (table.primaryKey() != null && table.primaryKey().columns().size() > max) {
      error("the primary key of " + table.name() + " has " + table.primaryKey().columns().size() + " columns, and "
          + engine.displayName() + " takes at most " + max + " in one key", "a key of at most " + max + " columns"
          + " (a surrogate @Id, with a UNIQUE over fewer of these columns)", at(table.primaryKey().origin(), table));
    }
    for (PhysicalTable.Key key : physical.keys()) {
      if (key.parts().size() <= max) {
        continue;
      }
      Origin origin = table.uniques().stream().filter(u -> u.name().equals(key.name())).map(UniqueConstraint::origin)
          .findFirst().orElse(table.indexes().stream().filter(i -> i.name().equals(key.name())).map(Index::origin)
              .findFirst().orElse(table.foreignKeys().stream().filter(f -> f.name().equals(key.name()))
                  .map(ForeignKey::origin).findFirst().orElse(Origin.NONE)));
      error((key.unique() ? "unique key " : "index ") + key.name() + " on " + table.name() + " has " + key.parts().size()
          + " key parts" + (key.parts().contains(PhysicalTable.LIVE_ROW) ? " (the last one the live_row column of a"
              + " soft-delete table)" : "") + ", and " + engine.displayName() + " takes at most " + max,
          "at most " + max + " columns in it: an index serves its leading columns, so the last ones rarely help",
          at(origin, table));
    }
  }

  private void keyLength(Table table, String key, List<String> columns, Origin origin) {
    int bytes = 0;
    for (String c : columns) {
      LogicalType type = table.column(c).map(Column::type).orElse(LogicalType.of(Kind.INT64));
      int b = MySqlFamilyDialect.keyBytes(type);
      if (b < 0) {
        error(key + " of " + table.name() + " has column " + c + ", whose type ("
            + dialect.typeName(type) + ") " + engine.displayName() + " indexes only by a prefix, and a key over a prefix"
            + " would hold on the prefix only", "@Column(length = 255) (or the longest value you accept) on " + c,
            origin);
        return;
      }
      bytes += b;
    }
    if (bytes > MySqlFamilyDialect.MAX_KEY_BYTES) {
      error(key + " of " + table.name() + " takes up to " + bytes + " bytes (4 per character), more than the "
          + MySqlFamilyDialect.MAX_KEY_BYTES + " of an InnoDB key", "shorter @Column(length) on its strings (768"
          + " characters in all)", origin);
    }
  }

  private void index(Table table, Index index, PhysicalTable physical) {
    String name = engine.displayName();
    String what = "index " + index.name() + " on " + table.name();
    Origin origin = at(index.origin(), table);
    if (index.method() == Index.Method.INVERTED || index.method() == Index.Method.SPATIAL
        || index.method() == Index.Method.BLOCK_RANGE) {
      error(what + " is an index of method " + index.method().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
          + ", which " + name + "'s InnoDB B-trees do not serve", "an ordinary index (no method)", origin);
    }
    if (!index.include().isEmpty()) {
      error(what + " has INCLUDE columns, which " + name + " has not", "add them as the last key columns", origin);
    }
    if (index.unique()) {
      keyLength(table, "unique index " + index.name(), index.columns(), origin);
    }
    for (Index.Element e : index.elements()) {
      if (e.opclass() != null) {
        error(what + " names the operator class " + e.opclass().sql() + ", which " + name + " has not",
            "remove opclass", origin);
      }
      if (e.nulls() != Index.Nulls.DEFAULT) {
        error(what + " says NULLS " + e.nulls().name() + ": " + name + " sorts NULLs first in ascending order and"
            + " last in descending order, and cannot be told otherwise", "remove NULLS " + e.nulls().name(), origin);
      }
      if (e.expression() != null) {
        String why = PortableSql.problem(e.expression(), engine);
        CastTypes.Refusal cast = ownSqlRefusal(e.expression());
        if (why != null) {
          error(what + " has the expression " + e.expression().sql() + ", written for target " + e.expression().target()
              + ", and " + name + " reads it differently: " + why, "an expression that means the same on every"
              + " engine", origin);
        } else if (cast != null) {
          ownSql(what + ", its expression", e.expression(), origin);
        } else if (!engine.functionalIndexes() && PhysicalTable.expressionType(table, e.expression().sql(), dialect) == null) {
          error(what + " has the expression " + e.expression().sql() + ": " + name + " indexes an expression through"
              + " a generated column, whose type schemac knows only for lower, upper, trim, ltrim, rtrim or reverse"
              + " of a VARCHAR column, md5 of a column and date of a timestamp", "one of those expressions, or index a"
              + " column that holds the value", origin);
        } else if (engine.functionalIndexes() && lobArgument(table, e.expression().sql())) {
          error(what + " has the expression " + e.expression().sql() + " of a TEXT column: MySQL cannot index an"
              + " expression that returns TEXT", "@Column(length = 255) (or the longest value you accept) on its column",
              origin);
        }
      }
    }
  }

  private static boolean lobArgument(Table table, String expression) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\(\\s*\"?([a-z_][a-z0-9_]*)\"?\\s*\\)")
        .matcher(expression);
    while (m.find()) {
      if (table.column(m.group(1)).map(c -> c.type().kind() == Kind.STRING && MySqlFamilyDialect.isLob(c.type()))
          .orElse(false)) {
        return true;
      }
    }
    return false;
  }

  /** The bytes a column declares towards the row limit. */
  private static int rowBytes(LogicalType type) {
    if (type.kind() == Kind.STRING && !MySqlFamilyDialect.isLob(type)) {
      return 4 * type.length() + (4 * type.length() > 255 ? 2 : 1);
    }
    if (MySqlFamilyDialect.isLob(type)) {
      return 12;
    }
    int key = MySqlFamilyDialect.keyBytes(type);
    return key <= 0 ? 8 : key;
  }
}
