package dev.schemac.maven;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Flyway's history table, read and edited as Flyway would: by its configured name and schema,
 * under Flyway's own lock where the engine has one.
 *
 * <ul>
 *   <li>PostgreSQL: Flyway takes an advisory lock keyed by 77431708279161 plus the Java hash of
 *       the table's quoted name ({@code "public"."flyway_schema_history"}); holding the same key
 *       keeps a {@code flyway migrate} elsewhere out while versions are undone.
 *   <li>MariaDB and MySQL (flyway-mysql): a named lock, {@code GET_LOCK('Flyway-' + hash)}, the
 *       hash of the quoted name {@code `shop`.`flyway_schema_history`}; the schema is a database,
 *       by default the connection's ({@code DATABASE()}).
 *   <li>SQLite: Flyway takes no lock (SQLite has none but the database's write lock, which a
 *       transaction holds); the schema is {@code main}.
 * </ul>
 */
final class FlywayHistory {
  /** Flyway's constant in PostgreSQLAdvisoryLockTemplate (flyway-database-postgresql 10 and 11). */
  static final long LOCK_BASE = 77431708279161L;

  /** One row: {@code version} is null for repeatable migrations. */
  record Row(int rank, String version, String description, String type, String script, Integer checksum,
      boolean success) {
    /**
     * The schemac version the row belongs to: {@code 3} for {@code 3} and {@code 3.1}, and for
     * {@code 2.9}, the step schemac orders before V3 (docs/migrations.md); -1 without a version.
     */
    int major() {
      return version == null ? -1 : CommittedFiles.owner(version);
    }
  }

  private final Connection connection;
  private final Engine engine;
  private final String schema;
  private final String table;

  /** On PostgreSQL. */
  FlywayHistory(Connection connection, String schema, String table) throws SQLException {
    this(Engine.POSTGRESQL, connection, schema, table);
  }

  /** {@code schema} null: the connection's current schema, as Flyway takes it. */
  FlywayHistory(Engine engine, Connection connection, String schema, String table) throws SQLException {
    this.connection = connection;
    this.engine = engine;
    this.table = table;
    if (schema == null) {
      if (engine == Engine.SQLITE) {
        schema = "main";
      } else {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
            engine == Engine.POSTGRESQL ? "SELECT current_schema()" : "SELECT DATABASE()")) {
          rs.next();
          schema = rs.getString(1);
        }
      }
    }
    this.schema = schema;
  }

  Engine engine() {
    return engine;
  }

  String schema() {
    return schema;
  }

  String table() {
    return table;
  }

  /**
   * Puts the history's schema first on {@code session}'s search path (MariaDB, MySQL: makes it the
   * session's database), as Flyway does with its default schema while it migrates: unqualified
   * names in the scripts then mean what they meant when Flyway ran them. {@code create}: create the
   * schema first (a scratch PostgreSQL database).
   */
  void useSchemaOn(Connection session, boolean create) throws SQLException {
    if (engine == Engine.SQLITE) {
      return; // main
    }
    if (engine.mysqlFamily()) {
      try (Statement s = session.createStatement()) {
        s.execute("USE " + quote(schema)); // as Flyway does when its defaultSchema is not the URL's database
      }
      return;
    }
    try (Statement s = session.createStatement()) {
      if (create) {
        s.execute("CREATE SCHEMA IF NOT EXISTS " + quote(schema));
      }
      try (PreparedStatement p = session.prepareStatement(
          "SELECT set_config('search_path', ? || ', ' || current_setting('search_path'), false)")) {
        p.setString(1, quote(schema));
        p.execute();
      }
    }
  }

  /** {@code "public"."flyway_schema_history"} ({@code `shop`.`flyway_schema_history`}): as Flyway quotes it, and as SQL names it. */
  String qualifiedName() {
    return quote(schema) + "." + quote(table);
  }

  long lockKey() {
    return LOCK_BASE + qualifiedName().hashCode();
  }

  boolean exists() throws SQLException {
    String query = switch (engine) {
      case POSTGRESQL -> "SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = ? AND tablename = ?";
      case MARIADB, MYSQL -> "SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND table_name = ?";
      case SQLITE -> "SELECT 1 FROM " + quote(schema) + ".sqlite_master WHERE type = 'table' AND name = ?";
    };
    try (PreparedStatement s = connection.prepareStatement(query)) {
      if (engine == Engine.SQLITE) {
        s.setString(1, table);
      } else {
        s.setString(1, schema);
        s.setString(2, table);
      }
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    }
  }

  List<Row> rows() throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT installed_rank, version, description, type, script, checksum, success FROM " + qualifiedName()
            + " ORDER BY installed_rank")) {
      while (rs.next()) {
        int checksum = rs.getInt(6);
        rows.add(new Row(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.wasNull() ? null : checksum, rs.getBoolean(7)));
      }
    }
    return rows;
  }

  /**
   * Takes Flyway's lock for this session, waiting up to {@code wait} for a migration that holds
   * it; false when it is still held then.
   */
  boolean lock(Duration wait) throws SQLException, InterruptedException {
    if (engine == Engine.SQLITE) {
      return true; // Flyway takes none: see the class comment
    }
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      try (PreparedStatement s = connection.prepareStatement(engine == Engine.POSTGRESQL
          ? "SELECT pg_try_advisory_lock(?)" : "SELECT GET_LOCK(?, 0)")) {
        if (engine == Engine.POSTGRESQL) {
          s.setLong(1, lockKey());
        } else {
          s.setString(1, namedLock());
        }
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          if (rs.getBoolean(1)) {
            return true;
          }
        }
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(200);
    }
  }

  void unlock() throws SQLException {
    if (engine == Engine.SQLITE) {
      return;
    }
    try (PreparedStatement s = connection.prepareStatement(engine == Engine.POSTGRESQL
        ? "SELECT pg_advisory_unlock(?)" : "SELECT RELEASE_LOCK(?)")) {
      if (engine == Engine.POSTGRESQL) {
        s.setLong(1, lockKey());
      } else {
        s.setString(1, namedLock());
      }
      s.execute();
    }
  }

  /** flyway-mysql's MySQLNamedLockTemplate: {@code "Flyway-" + table.toString().hashCode()}. */
  String namedLock() {
    return "Flyway-" + qualifiedName().hashCode();
  }

  /** Removes every row of {@code version}, failed ones included, in the connection's current transaction. */
  int delete(String version) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement("DELETE FROM " + qualifiedName() + " WHERE version = ?")) {
      s.setString(1, version);
      return s.executeUpdate();
    }
  }

  private String quote(String identifier) {
    return engine.mysqlFamily() ? "`" + identifier.replace("`", "``") + "`"
        : "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
