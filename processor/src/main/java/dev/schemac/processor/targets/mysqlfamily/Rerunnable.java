package dev.schemac.processor.targets.mysqlfamily;

/**
 * Statements that a rerun of a file skips when an earlier run already made them: DDL commits
 * statement by statement on these engines, so a file that failed part-way is finished by running it
 * again. MariaDB says so in the statement ({@code IF [NOT] EXISTS}, written by {@link
 * MySqlFamilyDialect}); MySQL has no such clause on columns, indexes and constraints, so the
 * statement is prepared from a look-up in {@code information_schema}: its own text when the
 * condition holds, {@code DO 0} when not. MariaDB runs the same form for the few statements it has
 * no {@code IF [NOT] EXISTS} for (ADD and DROP PRIMARY KEY).
 */
public final class Rerunnable {
  private final MySqlFamilyDialect dialect;

  /** Look-ups that name tables as {@code dialect} writes them: {@code information_schema} holds them so. */
  public Rerunnable(MySqlFamilyDialect dialect) {
    this.dialect = dialect;
  }

  /** {@code statement} (terminated) run only while {@code condition} holds. */
  public static String when(String condition, String statement) {
    String body = statement.endsWith(";") ? statement.substring(0, statement.length() - 1) : statement;
    // one line: a line break is layout here (no name, comment or literal of schemac's can hold one), and a
    // string literal carries no control character
    body = body.replaceAll("\\s*\n\\s*", " ");
    return "SET @schemac_ddl = IF(" + condition + ",\n    " + MySqlFamilyDialect.literal(body) + ", 'DO 0');\n"
        + "PREPARE schemac_ddl FROM @schemac_ddl;\nEXECUTE schemac_ddl;\nDEALLOCATE PREPARE schemac_ddl;";
  }

  private String count(String view, String table, String where) {
    return "(SELECT COUNT(*) FROM information_schema." + view + " WHERE table_schema = DATABASE() AND table_name = "
        + MySqlFamilyDialect.literal(dialect.written(table)) + where + ")";
  }

  public String tableExists(String table) {
    return count("tables", table, "") + " > 0";
  }

  public String tableMissing(String table) {
    return count("tables", table, "") + " = 0";
  }

  public String columnExists(String table, String column) {
    return count("columns", table, " AND column_name = " + MySqlFamilyDialect.literal(column)) + " > 0";
  }

  public String columnMissing(String table, String column) {
    return count("columns", table, " AND column_name = " + MySqlFamilyDialect.literal(column)) + " = 0";
  }

  public String indexExists(String table, String index) {
    return count("statistics", table, " AND index_name = " + MySqlFamilyDialect.literal(index)) + " > 0";
  }

  public String indexMissing(String table, String index) {
    return count("statistics", table, " AND index_name = " + MySqlFamilyDialect.literal(index)) + " = 0";
  }

  public String constraintExists(String table, String name) {
    return count("table_constraints", table, " AND constraint_name = " + MySqlFamilyDialect.literal(name)) + " > 0";
  }

  public String constraintMissing(String table, String name) {
    return count("table_constraints", table, " AND constraint_name = " + MySqlFamilyDialect.literal(name)) + " = 0";
  }

  /** The primary key has exactly these columns, in order. */
  public String primaryKeyIs(String table, java.util.List<String> columns) {
    return "(SELECT GROUP_CONCAT(column_name ORDER BY seq_in_index) FROM information_schema.statistics"
        + " WHERE table_schema = DATABASE() AND table_name = " + MySqlFamilyDialect.literal(dialect.written(table))
        + " AND index_name = 'PRIMARY') <=> " + MySqlFamilyDialect.literal(String.join(",", columns));
  }
}
