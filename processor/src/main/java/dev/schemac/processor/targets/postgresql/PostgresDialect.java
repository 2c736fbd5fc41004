package dev.schemac.processor.targets.postgresql;

import dev.schemac.processor.model.CheckConstraint;
import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.ColumnDefault;
import dev.schemac.processor.model.Condition;
import dev.schemac.processor.model.EnumType;
import dev.schemac.processor.model.ForeignKey;
import dev.schemac.processor.model.Identifiers;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Sequence;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.Trigger;
import dev.schemac.processor.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** PostgreSQL: type names, quoting and one statement at a time. */
public final class PostgresDialect {
  /** NAMEDATALEN - 1: PostgreSQL silently truncates a longer identifier. */
  public static final int MAX_IDENTIFIER_BYTES = 63;

  /** The function every @UpdatedAt trigger calls; the column name is its argument. */
  public static final String SET_UPDATED_AT_FUNCTION = "schemac_set_updated_at";

  /**
   * PostgreSQL's reserved key words (Appendix C, "reserved" and "reserved (can be function or
   * type)"): as a column or table name they must be quoted.
   */
  public static final Set<String> RESERVED_WORDS =
      Set.of(
          "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric",
          "authorization", "binary", "both", "case", "cast", "check", "collate", "collation",
          "column", "concurrently", "constraint", "create", "cross", "current_catalog",
          "current_date", "current_role", "current_schema", "current_time", "current_timestamp",
          "current_user", "default", "deferrable", "desc", "distinct", "do", "else", "end",
          "except", "false", "fetch", "for", "foreign", "freeze", "from", "full", "grant", "group",
          "having", "ilike", "in", "initially", "inner", "intersect", "into", "is", "isnull",
          "join", "lateral", "leading", "left", "like", "limit", "localtime", "localtimestamp",
          "natural", "not", "notnull", "null", "offset", "on", "only", "or", "order", "outer",
          "overlaps", "placing", "primary", "references", "returning", "right", "select",
          "session_user", "similar", "some", "symmetric", "system_user", "table", "tablesample",
          "then", "to", "trailing", "true", "union", "unique", "user", "using", "variadic",
          "verbose", "when", "where", "window", "with");

  /** Contrib extensions a user-written column type needs. */
  private static final Map<String, String> TYPE_EXTENSIONS =
      Map.of("citext", "citext", "hstore", "hstore", "ltree", "ltree", "cube", "cube");

  /** Operator classes that live in an extension. */
  private static final Map<String, String> OPCLASS_EXTENSIONS =
      Map.of("gin_trgm_ops", "pg_trgm", "gist_trgm_ops", "pg_trgm");

  private static final Pattern UUID_OSSP = Pattern.compile("\\buuid_generate_v[1345]");

  /** An identifier as PostgreSQL must see it: quoted only when it is a reserved word. */
  public String quote(String identifier) {
    return RESERVED_WORDS.contains(identifier) ? '"' + identifier + '"' : identifier;
  }

  /**
   * A qualified name ({@code billing.invoices}, or a bare name in the default schema) as
   * PostgreSQL must see it: each part quoted when it is a reserved word. Identifiers never
   * contain a dot, so the split is exact.
   */
  public String relation(String qualifiedName) {
    String schema = Identifiers.schemaOf(qualifiedName);
    String name = quote(Identifiers.nameOf(qualifiedName));
    return schema == null ? name : quote(schema) + "." + name;
  }

  /** The table's qualified name, as {@link #relation} writes it. */
  public String relation(Table table) {
    return relation(table.qualifiedName());
  }

  /** PostgreSQL's type for a logical type: {@code INSTANT} is timestamptz, an enum without a named type is text (varchar(n) with a length). */
  public String typeName(LogicalType type) {
    String base =
        switch (type.kind()) {
          case STRING -> type.length() > 0 ? "varchar(" + type.length() + ")" : "text";
          case INT16 -> "smallint";
          case INT32 -> "integer";
          case INT64 -> "bigint";
          case BOOLEAN -> "boolean";
          case FLOAT32 -> "real";
          case FLOAT64 -> "double precision";
          case DECIMAL -> type.precision() == 0 ? "numeric"
              : "numeric(" + type.precision() + "," + type.scale() + ")";
          case UUID -> "uuid";
          case INSTANT -> "timestamptz";
          case LOCAL_DATE_TIME -> "timestamp";
          case DATE -> "date";
          case TIME -> "time";
          case DURATION -> "interval";
          case BINARY -> "bytea";
          case FIXED_STRING -> "char(" + type.length() + ")";
          // as Hibernate on PostgreSQL: the number of a large object (docs/jpa.md)
          case CLOB, BLOB -> "oid";
          case INET -> "inet";
          case XML -> "xml";
          case OFFSET_TIME -> "time with time zone";
          case JSON -> "jsonb";
          case ENUM -> type.enumTypeName() != null ? quote(type.enumTypeName())
              : type.length() > 0 ? "varchar(" + type.length() + ")" : "text";
          case RAW -> type.rawSql();
          // never reached: UnsupportedFeatures reports an embedded document on an SQL target first
          case DOCUMENT -> throw new IllegalArgumentException("an embedded document is no column type");
        };
    return type.array() && !base.endsWith("[]") ? base + "[]" : base;
  }

  /** A column default as PostgreSQL writes it. */
  public String defaultExpression(ColumnDefault value) {
    if (value instanceof ColumnDefault.Now) {
      return "now()";
    }
    if (value instanceof ColumnDefault.RandomUuid) {
      return "gen_random_uuid()";
    }
    if (value instanceof ColumnDefault.Literal literal) {
      return literal.kind() == ColumnDefault.LiteralKind.STRING ? literal(literal.text()) : literal.text();
    }
    return defaultExpression(((ColumnDefault.Raw) value).sql().sql());
  }

  /** The access method of an index intent ({@code null}: the default, B-tree). */
  static String accessMethod(Index.Method method) {
    return switch (method) {
      case ORDERED -> null;
      case HASH -> "hash";
      case INVERTED -> "gin";
      case SPATIAL -> "gist";
      case BLOCK_RANGE -> "brin";
    };
  }

  /**
   * A string literal that every client reads alike. A text with a backslash is written as an
   * escape string ({@code E'a\\b'}): a standard literal {@code 'a\b'} would end one character
   * early on a server or client with standard_conforming_strings off, and whatever followed would
   * be read as SQL. A text with a control character (NUL above all: psql stops reading the line
   * there, inside the literal) is refused: {@link dev.schemac.processor.model.UnsafeText} reports
   * it on its element before anything is written, so reaching here is a bug.
   */
  public String literal(String text) {
    String unsafe = dev.schemac.processor.model.UnsafeText.firstUnsafe(text, false);
    if (unsafe != null) {
      throw new IllegalArgumentException("no SQL literal can carry " + unsafe + ": " + text);
    }
    if (text.indexOf('\\') >= 0) {
      return "E'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
    }
    return "'" + text.replace("'", "''") + "'";
  }

  /** The extensions the schema needs, sorted: operator classes, index methods on scalars, types, defaults. */
  public List<String> extensions(Schema schema) {
    Set<String> needed = new TreeSet<>();
    for (Table table : schema.tables()) {
      for (Column column : table.columns()) {
        if (column.type().kind() == Kind.RAW) {
          String word = column.type().rawSql().split("[ (\\[]", 2)[0];
          if (TYPE_EXTENSIONS.containsKey(word)) {
            needed.add(TYPE_EXTENSIONS.get(word));
          }
        }
        if (column.defaultValue() instanceof ColumnDefault.Raw raw && UUID_OSSP.matcher(raw.sql().sql()).find()) {
          needed.add("uuid-ossp");
        }
      }
      for (Index index : table.indexes()) {
        for (Index.Element e : index.elements()) {
          if (e.opclass() != null && OPCLASS_EXTENSIONS.containsKey(e.opclass().sql())) {
            needed.add(OPCLASS_EXTENSIONS.get(e.opclass().sql()));
          } else if (e.opclass() == null && e.column() != null) {
            LogicalType type = table.column(e.column()).map(Column::type).orElse(null);
            if (type != null && isPlainScalar(type)) {
              if (index.method() == Index.Method.INVERTED) {
                needed.add("btree_gin");
              } else if (index.method() == Index.Method.SPATIAL) {
                needed.add("btree_gist");
              }
            }
          }
        }
      }
    }
    return List.copyOf(needed);
  }

  /** Scalars that GIN and GiST index only through btree_gin / btree_gist. */
  private static boolean isPlainScalar(LogicalType type) {
    return !type.array() && type.kind() != Kind.JSON && !hibernateOnly(type.kind());
  }

  /**
   * A type schemac writes only because Hibernate does (char(n), oid, inet, xml, time with time
   * zone), or the user's own: its defaults and index extensions are the user's business, as they
   * were when these were written as the user's SQL.
   */
  static boolean hibernateOnly(Kind kind) {
    return switch (kind) {
      case RAW, FIXED_STRING, CLOB, BLOB, INET, XML, OFFSET_TIME -> true;
      default -> false;
    };
  }

  public String createExtension(String name) {
    String quoted = name.matches("[a-z_][a-z0-9_]*") ? name : '"' + name + '"';
    return "CREATE EXTENSION IF NOT EXISTS " + quoted + ";";
  }

  public String createEnumType(EnumType type) {
    return "CREATE TYPE " + quote(type.name()) + " AS ENUM ("
        + type.labels().stream().map(this::literal).collect(Collectors.joining(", ")) + ");";
  }

  /**
   * The schemas a schema's DDL creates, sorted: those its tables and sequences name, except
   * {@value PostgresNamespaces#PUBLIC}, which every database has and which holds objects that are not
   * schemac's (Flyway's history table, for one): schemac neither creates nor drops it.
   */
  public List<String> schemasToCreate(Schema schema) {
    return schema.schemaNames().stream().filter(s -> !s.equals(PostgresNamespaces.PUBLIC)).toList();
  }

  /** IF NOT EXISTS: a schema a DBA created beforehand (with its grants) is kept as it is. */
  public String createSchema(String name) {
    return "CREATE SCHEMA IF NOT EXISTS " + quote(name) + ";";
  }

  /** Without CASCADE: when objects that are not schemac's live in it, this fails rather than drop them. */
  public String dropSchema(String name) {
    return "DROP SCHEMA " + quote(name) + ";";
  }

  public String createSequence(Sequence sequence) {
    return "CREATE SEQUENCE " + relation(sequence.qualifiedName()) + " START WITH " + sequence.start()
        + " INCREMENT BY " + sequence.increment() + ";";
  }

  public String dropSequence(String qualifiedName) {
    return "DROP SEQUENCE " + relation(qualifiedName) + ";";
  }

  /**
   * ALTER SEQUENCE with the parts that change (null: unchanged). START WITH only changes the
   * value a later RESTART goes back to: the sequence's position is not moved.
   */
  public String alterSequence(String qualifiedName, Long start, Long increment) {
    return "ALTER SEQUENCE " + relation(qualifiedName) + (start == null ? "" : " START WITH " + start)
        + (increment == null ? "" : " INCREMENT BY " + increment) + ";";
  }

  /** Moves a sequence, keeping its position; {@code schema} null is the default schema. */
  public String setSequenceSchema(String qualifiedName, String schema) {
    return setSchema("SEQUENCE", qualifiedName, schema);
  }

  /**
   * Moves a table with its columns' data, indexes, constraints, triggers and identity sequences;
   * foreign keys of other tables follow it. {@code schema} null is the default schema.
   */
  public String setTableSchema(String qualifiedName, String schema) {
    return setSchema("TABLE", qualifiedName, schema);
  }

  /**
   * The default schema has no name in the model: it is whatever {@code current_schema()} is
   * when the script runs, where an unqualified CREATE would have put the object.
   */
  private String setSchema(String kind, String qualifiedName, String schema) {
    String alter = "ALTER " + kind + " " + relation(qualifiedName) + " SET SCHEMA ";
    if (schema != null) {
      return alter + quote(schema) + ";";
    }
    return "DO $$\nBEGIN\n    EXECUTE format(" + literal(alter + "%I") + ", current_schema());\nEND\n$$;";
  }

  /**
   * The shared trigger function: sets the column named by the trigger's argument to now(). One
   * function serves every table, whatever its column is called.
   */
  public String createSetUpdatedAtFunction() {
    return "CREATE OR REPLACE FUNCTION " + SET_UPDATED_AT_FUNCTION + "() RETURNS trigger\n"
        + "    LANGUAGE plpgsql AS $$\n"
        + "BEGIN\n"
        + "    NEW := jsonb_populate_record(NEW, jsonb_build_object(TG_ARGV[0], now()));\n"
        + "    RETURN NEW;\n"
        + "END;\n"
        + "$$;";
  }

  public String createTrigger(Table table, Trigger trigger) {
    return "CREATE TRIGGER " + quote(trigger.name()) + " BEFORE UPDATE ON " + relation(table) + "\n"
        + "    FOR EACH ROW EXECUTE FUNCTION " + SET_UPDATED_AT_FUNCTION + "(" + literal(trigger.column()) + ");";
  }

  /**
   * CREATE TABLE with columns aligned one per line, then the primary key, UNIQUE constraints
   * (unless the table soft-deletes), CHECKs and the foreign keys in {@code inlineForeignKeys}.
   */
  public String createTable(Table table, List<ForeignKey> inlineForeignKeys) {
    int nameWidth = table.columns().stream().mapToInt(c -> quote(c.name()).length()).max().orElse(0);
    int typeWidth = table.columns().stream().mapToInt(c -> typeName(c.type()).length()).max().orElse(0);
    List<String> lines = new ArrayList<>();
    for (Column column : table.columns()) {
      String head = pad(quote(column.name()), nameWidth) + " " + typeName(column.type());
      String rest = columnConstraints(column);
      lines.add(rest.isEmpty() ? head : pad(head, nameWidth + 1 + typeWidth) + " " + rest);
    }
    if (table.primaryKey() != null) {
      lines.add("CONSTRAINT " + quote(table.primaryKey().name()) + " PRIMARY KEY (" + columnList(table.primaryKey().columns()) + ")");
    }
    if (table.softDeleteColumn() == null) {
      for (UniqueConstraint unique : table.uniques()) {
        lines.add("CONSTRAINT " + quote(unique.name()) + " UNIQUE (" + columnList(unique.columns()) + ")");
      }
    }
    for (CheckConstraint check : table.checks()) {
      lines.add(checkConstraint(check));
    }
    for (ForeignKey fk : inlineForeignKeys) {
      lines.add(foreignKeyConstraint(fk));
    }
    return "CREATE TABLE " + relation(table) + " (\n    " + String.join(",\n    ", lines) + "\n);";
  }

  private String columnConstraints(Column column) {
    List<String> parts = new ArrayList<>();
    if (column.isGenerated()) {
      parts.add("GENERATED ALWAYS AS (" + PostgresLexer.withPortableStrings(column.generated().sql()) + ") STORED");
    }
    if (!column.nullable()) {
      parts.add("NOT NULL");
    }
    switch (column.identity()) {
      case BY_DEFAULT -> parts.add("GENERATED BY DEFAULT AS IDENTITY");
      case ALWAYS -> parts.add("GENERATED ALWAYS AS IDENTITY");
      case NONE -> { }
    }
    if (column.defaultValue() != null) {
      parts.add("DEFAULT " + defaultExpression(column.defaultValue()));
    }
    return String.join(" ", parts);
  }

  public String foreignKeyConstraint(ForeignKey fk) {
    StringBuilder sql = new StringBuilder("CONSTRAINT ").append(quote(fk.name()))
        .append(" FOREIGN KEY (").append(columnList(fk.columns())).append(") REFERENCES ")
        .append(relation(fk.targetTable())).append(" (").append(columnList(fk.targetColumns())).append(")");
    if (fk.onDelete() != ForeignKey.Action.NO_ACTION) {
      sql.append(" ON DELETE ").append(fk.onDelete().sql());
    }
    if (fk.onUpdate() != ForeignKey.Action.NO_ACTION) {
      sql.append(" ON UPDATE ").append(fk.onUpdate().sql());
    }
    return sql.toString();
  }

  public String addForeignKey(Table table, ForeignKey fk) {
    return "ALTER TABLE " + relation(table) + "\n    ADD " + foreignKeyConstraint(fk) + ";";
  }

  /** On a soft-delete table a UNIQUE constraint is a unique index over the live rows. */
  public String createSoftDeleteUnique(Table table, UniqueConstraint unique) {
    return "CREATE UNIQUE INDEX " + quote(unique.name()) + " ON " + relation(table)
        + " (" + columnList(unique.columns()) + ") WHERE " + quote(table.softDeleteColumn()) + " IS NULL;";
  }

  public String createIndex(Table table, Index index) {
    StringBuilder sql = new StringBuilder("CREATE ");
    if (index.unique()) {
      sql.append("UNIQUE ");
    }
    sql.append("INDEX ").append(quote(index.name())).append(" ON ").append(relation(table));
    if (accessMethod(index.method()) != null) {
      sql.append(" USING ").append(accessMethod(index.method()));
    }
    sql.append(" (").append(index.elements().stream().map(this::indexElement).collect(Collectors.joining(", "))).append(")");
    if (!index.include().isEmpty()) {
      sql.append(" INCLUDE (").append(columnList(index.include())).append(")");
    }
    if (index.where() != null) {
      sql.append(" WHERE ").append(PostgresLexer.withPortableStrings(index.where().sql()));
    }
    return sql.append(";").toString();
  }

  private String indexElement(Index.Element e) {
    StringBuilder sql = new StringBuilder();
    if (e.column() != null) {
      sql.append(quote(e.column()));
    } else {
      String expression = PostgresLexer.withPortableStrings(e.expression().sql());
      sql.append(isFunctionCall(e.expression().sql()) ? expression : "(" + expression + ")");
    }
    if (e.opclass() != null) {
      sql.append(' ').append(e.opclass().sql());
    }
    if (e.descending()) {
      sql.append(" DESC");
    }
    if (e.nulls() != Index.Nulls.DEFAULT) {
      sql.append(" NULLS ").append(e.nulls().name());
    }
    return sql.toString();
  }

  /**
   * Whether the whole expression is one function call, {@code lower(email)} rather than {@code
   * lower(a) || b}: the one form an index element takes without parentheses.
   */
  private static boolean isFunctionCall(String expression) {
    PostgresExpressions.Parse parse = PostgresExpressions.parse(expression);
    if (!parse.valid()) {
      return false;
    }
    PostgresExpressions.Node root = parse.root();
    return root.type() == PostgresExpressions.Type.CALL || root.type() == PostgresExpressions.Type.SPECIAL_CALL
        || root.type() == PostgresExpressions.Type.CAST && !"::".equals(root.op());
  }

  public List<String> comments(Table table) {
    List<String> out = new ArrayList<>();
    if (table.comment() != null) {
      out.add("COMMENT ON TABLE " + relation(table) + " IS " + literal(table.comment()) + ";");
    }
    for (Column column : table.columns()) {
      if (column.comment() != null) {
        out.add("COMMENT ON COLUMN " + relation(table) + "." + quote(column.name()) + " IS "
            + literal(column.comment()) + ";");
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ migrations

  /** One column as in CREATE TABLE or ADD COLUMN, unaligned. */
  public String columnDefinition(Column column) {
    String rest = columnConstraints(column);
    return quote(column.name()) + " " + typeName(column.type()) + (rest.isEmpty() ? "" : " " + rest);
  }

  public String dropTable(String table) {
    return "DROP TABLE " + relation(table) + ";";
  }

  /** Both names qualified, in one schema: RENAME TO takes the bare new name. */
  public String renameTable(String from, String to) {
    return "ALTER TABLE " + relation(from) + " RENAME TO " + quote(Identifiers.nameOf(to)) + ";";
  }

  public String addColumn(String table, Column column) {
    return "ALTER TABLE " + relation(table) + " ADD COLUMN " + columnDefinition(column) + ";";
  }

  public String dropColumn(String table, String column) {
    return "ALTER TABLE " + relation(table) + " DROP COLUMN " + quote(column) + ";";
  }

  public String renameColumn(String table, String from, String to) {
    return "ALTER TABLE " + relation(table) + " RENAME COLUMN " + quote(from) + " TO " + quote(to) + ";";
  }

  public String alterColumnType(String table, Column column) {
    String type = typeName(column.type());
    return "ALTER TABLE " + relation(table) + " ALTER COLUMN " + quote(column.name()) + " TYPE " + type
        + " USING " + quote(column.name()) + "::" + type + ";";
  }

  public String setNotNull(String table, String column) {
    return "ALTER TABLE " + relation(table) + " ALTER COLUMN " + quote(column) + " SET NOT NULL;";
  }

  public String dropNotNull(String table, String column) {
    return "ALTER TABLE " + relation(table) + " ALTER COLUMN " + quote(column) + " DROP NOT NULL;";
  }

  public String setDefault(String table, String column, ColumnDefault value) {
    return "ALTER TABLE " + relation(table) + " ALTER COLUMN " + quote(column) + " SET DEFAULT "
        + defaultExpression(value) + ";";
  }

  /**
   * The user's DEFAULT as the grammar takes it there: a {@code b_expr}, so an expression with AND, OR, NOT,
   * IS NULL, LIKE, IN, BETWEEN, COLLATE or AT TIME ZONE outside parentheses (or one the grammar
   * here cannot decide) is written in parentheses; strings with a backslash as escape strings.
   */
  public String defaultExpression(String defaultSql) {
    String sql = PostgresLexer.withPortableStrings(defaultSql);
    PostgresExpressions.Parse parse = PostgresExpressions.parse(defaultSql);
    return parse.valid() && PostgresExpressions.isBExpr(parse.root()) ? sql : "(" + sql + ")";
  }

  public String dropDefault(String table, String column) {
    return "ALTER TABLE " + relation(table) + " ALTER COLUMN " + quote(column) + " DROP DEFAULT;";
  }

  public String primaryKeyConstraint(dev.schemac.processor.model.PrimaryKey pk) {
    return "CONSTRAINT " + quote(pk.name()) + " PRIMARY KEY (" + columnList(pk.columns()) + ")";
  }

  public String uniqueConstraint(UniqueConstraint unique) {
    return "CONSTRAINT " + quote(unique.name()) + " UNIQUE (" + columnList(unique.columns()) + ")";
  }

  public String checkConstraint(CheckConstraint check) {
    return "CONSTRAINT " + quote(check.name()) + " CHECK (" + checkExpression(check) + ")";
  }

  /**
   * The CHECK's expression: the user's SQL as written, or the condition schemac derived, its
   * column quoted when it is a reserved word (or {@code user IN (...)} would test the current role).
   */
  public String checkExpression(CheckConstraint check) {
    Condition condition = check.condition();
    if (condition instanceof Condition.OneOf oneOf) {
      String values = oneOf.values().stream().map(this::literal).collect(Collectors.joining(", "));
      return oneOf.elements()
          ? quote(oneOf.column()) + " <@ ARRAY[" + values + "]::text[]" // every element one of the values
          : quote(oneOf.column()) + " IN (" + values + ")";
    }
    if (condition instanceof Condition.Range range) {
      return range.max() == null ? quote(range.column()) + " >= " + range.min()
          : quote(range.column()) + " BETWEEN " + range.min() + " AND " + range.max();
    }
    return PostgresLexer.withPortableStrings(((Condition.Raw) condition).sql().sql());
  }

  /** ADD CONSTRAINT; {@code notValid} skips checking existing rows (VALIDATE later, without blocking writes). */
  public String addConstraint(String table, String constraint, boolean notValid) {
    return "ALTER TABLE " + relation(table) + " ADD " + constraint + (notValid ? " NOT VALID" : "") + ";";
  }

  public String addUniqueUsingIndex(String table, String name) {
    return "ALTER TABLE " + relation(table) + " ADD CONSTRAINT " + quote(name) + " UNIQUE USING INDEX " + quote(name) + ";";
  }

  /**
   * VALIDATE CONSTRAINT when the constraint still exists: a re-run of a step that had got past
   * dropping a helper constraint must not fail on it.
   */
  public String validateConstraintIfExists(String table, String name) {
    return "DO $$\nBEGIN\n    IF EXISTS (SELECT FROM pg_constraint WHERE conrelid = " + literal(relation(table))
        + "::regclass AND conname = " + literal(name) + ") THEN\n        " + validateConstraint(table, name)
        + "\n    END IF;\nEND\n$$;";
  }

  /**
   * Drops an index left INVALID by a failed CREATE INDEX CONCURRENTLY; a valid one (which a
   * constraint may already own) is kept.
   */
  public String dropInvalidIndex(String name) {
    String schema = Identifiers.schemaOf(name);
    return "DO $$\nBEGIN\n    IF EXISTS (SELECT FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid\n"
        + "               WHERE c.relname = " + literal(Identifiers.nameOf(name))
        + (schema == null ? "" : " AND c.relnamespace = " + literal(quote(schema)) + "::regnamespace")
        + " AND NOT i.indisvalid) THEN\n"
        + "        DROP INDEX " + relation(name) + ";\n    END IF;\nEND\n$$;";
  }

  /** ADD CONSTRAINT ... UNIQUE USING INDEX when the constraint does not exist yet. */
  public String addUniqueUsingIndexIfMissing(String table, String name) {
    return "DO $$\nBEGIN\n    IF NOT EXISTS (SELECT FROM pg_constraint WHERE conrelid = " + literal(relation(table))
        + "::regclass AND conname = " + literal(name) + ") THEN\n        " + addUniqueUsingIndex(table, name)
        + "\n    END IF;\nEND\n$$;";
  }

  public String validateConstraint(String table, String name) {
    return "ALTER TABLE " + relation(table) + " VALIDATE CONSTRAINT " + quote(name) + ";";
  }

  public String dropConstraint(String table, String name, boolean ifExists) {
    return "ALTER TABLE " + relation(table) + " DROP CONSTRAINT " + (ifExists ? "IF EXISTS " : "") + quote(name) + ";";
  }

  /** CREATE INDEX, or CREATE INDEX CONCURRENTLY for a table that already has rows (outside a transaction). */
  /**
   * CREATE INDEX, or, for a table that already has rows, CREATE INDEX CONCURRENTLY IF NOT EXISTS
   * (outside a transaction; always written after a DROP INDEX CONCURRENTLY IF EXISTS that removes
   * what a failed build leaves INVALID, so IF NOT EXISTS never keeps a broken index).
   */
  public String createIndex(Table table, Index index, boolean concurrently) {
    String sql = createIndex(table, index);
    return concurrently ? sql.replaceFirst("INDEX ", "INDEX CONCURRENTLY IF NOT EXISTS ") : sql;
  }

  public String createSoftDeleteUnique(Table table, UniqueConstraint unique, boolean concurrently) {
    String sql = createSoftDeleteUnique(table, unique);
    return concurrently ? sql.replaceFirst("INDEX ", "INDEX CONCURRENTLY IF NOT EXISTS ") : sql;
  }

  public String createUniqueIndexFor(Table table, UniqueConstraint unique, boolean concurrently) {
    return "CREATE UNIQUE INDEX " + (concurrently ? "CONCURRENTLY IF NOT EXISTS " : "") + quote(unique.name()) + " ON "
        + relation(table) + " (" + columnList(unique.columns()) + ");";
  }

  public String renameConstraint(String table, String from, String to) {
    return "ALTER TABLE " + relation(table) + " RENAME CONSTRAINT " + quote(from) + " TO " + quote(to) + ";";
  }

  /** {@code from} qualified with its schema; {@code to} bare. */
  public String renameSequence(String from, String to) {
    return "ALTER SEQUENCE " + relation(from) + " RENAME TO " + quote(to) + ";";
  }

  /** {@code from} qualified with the table's schema ({@link Table#qualifiedIndexName}); {@code to} bare. */
  public String renameIndex(String from, String to) {
    return "ALTER INDEX " + relation(from) + " RENAME TO " + quote(to) + ";";
  }

  public String renameTrigger(String table, String from, String to) {
    return "ALTER TRIGGER " + quote(from) + " ON " + relation(table) + " RENAME TO " + quote(to) + ";";
  }

  /** {@code name} qualified with the table's schema ({@link Table#qualifiedIndexName}). */
  public String dropIndex(String name, boolean concurrently) {
    return "DROP INDEX " + (concurrently ? "CONCURRENTLY " : "") + "IF EXISTS " + relation(name) + ";";
  }

  public String dropTrigger(String table, Trigger trigger) {
    return "DROP TRIGGER IF EXISTS " + quote(trigger.name()) + " ON " + relation(table) + ";";
  }

  public String dropSetUpdatedAtFunction() {
    return "DROP FUNCTION IF EXISTS " + SET_UPDATED_AT_FUNCTION + "();";
  }

  public String dropType(String name) {
    return "DROP TYPE " + quote(name) + ";";
  }

  public String addEnumValue(String type, String label) {
    return "ALTER TYPE " + quote(type) + " ADD VALUE IF NOT EXISTS " + literal(label) + ";";
  }

  /** {@code label} placed {@code BEFORE} or {@code AFTER} {@code neighbor}, so that the type sorts as declared. */
  public String addEnumValue(String type, String label, boolean before, String neighbor) {
    return "ALTER TYPE " + quote(type) + " ADD VALUE IF NOT EXISTS " + literal(label) + (before ? " BEFORE " : " AFTER ")
        + literal(neighbor) + ";";
  }

  public String commentOnTable(String table, String comment) {
    return "COMMENT ON TABLE " + relation(table) + " IS " + (comment == null ? "NULL" : literal(comment)) + ";";
  }

  public String commentOnColumn(String table, String column, String comment) {
    return "COMMENT ON COLUMN " + relation(table) + "." + quote(column) + " IS "
        + (comment == null ? "NULL" : literal(comment)) + ";";
  }

  /** Timeouts first in every up file, so a migration waiting on a lock fails fast instead of stalling traffic. */
  public List<String> sessionTimeouts(String lockTimeout, String statementTimeout) {
    return List.of("SET lock_timeout = " + literal(lockTimeout) + ";",
        "SET statement_timeout = " + literal(statementTimeout) + ";");
  }

  public String columnList(List<String> columns) {
    return columns.stream().map(this::quote).collect(Collectors.joining(", "));
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
