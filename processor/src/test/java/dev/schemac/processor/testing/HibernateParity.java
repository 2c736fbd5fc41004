package dev.schemac.processor.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.schemac.processor.SchemaProcessor;
import dev.schemac.processor.testing.EmbeddedPostgresServer.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataBuilder;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.ImplicitJoinTableNameSource;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.tool.schema.spi.SchemaManagementException;

/**
 * The Hibernate parity harness: one JPA model compiled by real javac with the schemac processor,
 * Hibernate ORM's schema export of the same classes, each DDL applied to a fresh database of the
 * shared embedded PostgreSQL, and the two catalogs compared.
 *
 * <p>A model is a folder of entity sources under {@code parity/<model>/} (the models schemac reads
 * today) or {@code parity-pending/<model>/} (models waiting for mappings schemac does not read
 * yet) in the test resources, with a {@code README.md} that states the naming on a line {@code
 * naming: jpa} or {@code naming: spring}, and, for a pending model, {@code waits for: ...}.
 * Promoting a model is moving its folder from {@code parity-pending/} to {@code parity/}.
 *
 * <p>What is compared (see {@link #compare}): tables, columns, column types as {@code format_type}
 * spells them, nullability, identity, primary keys (column lists in key order), foreign keys
 * (columns to referenced table and columns), unique constraints as column sets (a UNIQUE
 * constraint and a unique index are the same thing here), the plain indexes Hibernate creates,
 * and sequences (name and increment). Not compared: names of constraints and indexes (Hibernate's
 * are hashes), column order, defaults, comments, CHECK constraints, triggers. The plain indexes
 * only schemac creates are notes, not differences. Then Hibernate validates schemac's database
 * as an application would at start-up ({@link #hibernateValidation}); a rejection is one more
 * difference.
 *
 * <p>Namings: {@code jpa} is Hibernate's default (the JPA-compliant implicit naming, names as they
 * are); {@code spring} is what Spring Boot configures: Hibernate's {@link
 * CamelCaseToUnderscoresNamingStrategy} and Spring's implicit naming, whose one change to the JPA
 * default is the name of a join table ({@link SpringBootImplicitNaming}).
 */
public final class HibernateParity {

  /** The resource folder of the models schemac reads today. */
  public static final String PARITY = "parity";
  /** The resource folder of the models that wait for mappings schemac does not read yet. */
  public static final String PENDING = "parity-pending";

  private HibernateParity() {}

  /** The naming both sides use. */
  public enum Naming {
    JPA,
    SPRING;

    /** The value of {@code -Aschemac.naming}. */
    String option() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** What is compared beyond the structure, when a model's README asks for it ({@code compare: checks, comments, defaults}). */
  public enum Aspect {
    CHECKS,
    COMMENTS,
    DEFAULTS
  }

  /**
   * One model: its name (the folder), its sources, the naming, the mappings it waits for (its
   * README's {@code waits for:} line, null when there is none; read for pending models only), the
   * Hibernate settings its application would configure (lines {@code hibernate: key=value}), and
   * what it compares beyond the structure (a line {@code compare: checks, comments, defaults}).
   */
  public record Model(String name, Path folder, Naming naming, String waitsFor, Map<String, String> hibernateSettings,
      java.util.Set<Aspect> compared) {
    public Model {
      hibernateSettings = Map.copyOf(hibernateSettings);
      compared = java.util.Set.copyOf(compared);
    }

    @Override
    public String toString() {
      return name + " (" + naming.option() + ")";
    }
  }

  /** The models in a resource folder ({@link #PARITY} or {@link #PENDING}), by name; none when it does not exist. */
  public static List<Model> models(String resourceFolder) {
    Path root = resourceFolder(resourceFolder);
    if (root == null) {
      return List.of();
    }
    try (Stream<Path> folders = Files.list(root)) {
      return folders.filter(Files::isDirectory).sorted().map(HibernateParity::model).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Model model(Path folder) {
    Path readme = folder.resolve("README.md");
    if (!Files.isRegularFile(readme)) {
      throw new AssertionError("model " + folder.getFileName() + " has no README.md (with a line 'naming: jpa' or"
          + " 'naming: spring')");
    }
    String naming = null;
    String waitsFor = null;
    Map<String, String> settings = new TreeMap<>();
    java.util.Set<Aspect> compared = java.util.EnumSet.noneOf(Aspect.class);
    try {
      for (String line : Files.readAllLines(readme, UTF_8)) {
        String trimmed = line.strip();
        if (trimmed.startsWith("naming:")) {
          naming = trimmed.substring("naming:".length()).strip();
        } else if (trimmed.startsWith("waits for:")) {
          waitsFor = trimmed.substring("waits for:".length()).strip();
        } else if (trimmed.startsWith("hibernate:")) {
          String[] setting = trimmed.substring("hibernate:".length()).strip().split("=", 2);
          settings.put(setting[0].strip(), setting[1].strip());
        } else if (trimmed.startsWith("compare:")) {
          for (String aspect : trimmed.substring("compare:".length()).split(",")) {
            compared.add(Aspect.valueOf(aspect.strip().toUpperCase(Locale.ROOT)));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (naming == null || !(naming.equals("jpa") || naming.equals("spring"))) {
      throw new AssertionError(readme + ": needs a line 'naming: jpa' or 'naming: spring', not " + naming);
    }
    return new Model(folder.getFileName().toString(), folder, Naming.valueOf(naming.toUpperCase(Locale.ROOT)),
        waitsFor, settings, compared);
  }

  private static Path resourceFolder(String folder) {
    URL url = HibernateParity.class.getClassLoader().getResource(folder);
    if (url == null) {
      return null;
    }
    try {
      return Paths.get(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(folder + " is not a folder on the file system: " + url, e);
    }
  }

  // ------------------------------------------------------------------ javac

  /**
   * One javac run over a model: whether it succeeded, its diagnostics ({@code KIND file:line:
   * message}), the class output and the {@code -Aschemac.dir} folder.
   */
  public record Compiled(boolean success, List<String> diagnostics, Path classes, Path schemacDir) {

    /** The {@code schema.sql} schemac wrote; fails when there is none. */
    public String schemaSql() {
      Path schema = schemacDir.resolve("schema.sql");
      if (!Files.isRegularFile(schema)) {
        throw new AssertionError("schemac wrote no schema.sql; diagnostics:\n" + String.join("\n", diagnostics));
      }
      try {
        return Files.readString(schema, UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The diagnostics of one kind. */
    public List<String> diagnostics(Diagnostic.Kind kind) {
      return diagnostics.stream().filter(d -> d.startsWith(kind.name() + " ")).toList();
    }
  }

  /**
   * Compiles the model's sources with the system javac into {@code work/<label>}: with the schemac
   * processor (its naming option; classes, {@code schema.sql} under {@code db/}), or without any
   * processor (classes only, what Hibernate needs).
   */
  public static Compiled compile(Model model, Path work, boolean withSchemac) {
    return compile(model, work, withSchemac, List.of());
  }

  /** {@link #compile(Model, Path, boolean)} with more processor options ({@code -Aschemac.targets=mariadb}). */
  public static Compiled compile(Model model, Path work, boolean withSchemac, List<String> schemacOptions) {
    try {
      Path root = Files.createDirectories(work.resolve(withSchemac ? "schemac" : "javac"));
      Path classes = Files.createDirectories(root.resolve("classes"));
      Path generated = Files.createDirectories(root.resolve("generated"));
      Path schemacDir = root.resolve("db");
      List<Path> sources;
      try (Stream<Path> files = Files.walk(model.folder())) {
        sources = files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
      }
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
      try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, UTF_8)) {
        files.setLocation(StandardLocation.CLASS_OUTPUT, List.of(classes.toFile()));
        files.setLocation(StandardLocation.SOURCE_OUTPUT, List.of(generated.toFile()));
        files.setLocation(StandardLocation.CLASS_PATH, userClasspath());
        List<String> options = new ArrayList<>(List.of("--release", "17", "-encoding", "UTF-8"));
        if (withSchemac) {
          options.add("-Aschemac.dir=" + schemacDir.toAbsolutePath());
          options.add("-Aschemac.naming=" + model.naming().option());
          options.addAll(schemacOptions);
        } else {
          options.add("-proc:none");
        }
        JavaCompiler.CompilationTask task =
            javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources));
        if (withSchemac) {
          task.setProcessors(List.of(new SchemaProcessor()));
        }
        boolean success = task.call();
        List<String> messages = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
          String where = d.getSource() == null ? ""
              : Path.of(d.getSource().toUri()).getFileName() + ":" + d.getLineNumber() + ": ";
          messages.add(d.getKind() + " " + where + d.getMessage(Locale.ROOT));
        }
        return new Compiled(success, List.copyOf(messages), classes, schemacDir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What an application with JPA entities compiles against: JPA, Hibernate's own annotations
   * (hibernate-core), Bean Validation and Hibernate Validator's constraints, schemac's annotations, JSpecify. The processor itself runs
   * without Hibernate: it reads Hibernate's annotations by name.
   */
  private static List<File> userClasspath() {
    return List.of(
        locationOf(jakarta.persistence.Entity.class),
        locationOf(org.hibernate.annotations.Comment.class),
        locationOf(jakarta.validation.constraints.Size.class),
        locationOf(org.hibernate.validator.constraints.Length.class),
        locationOf(dev.schemac.annotations.Table.class),
        locationOf(org.jspecify.annotations.Nullable.class));
  }

  private static File locationOf(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the jar of " + type.getName(), e);
    }
  }

  // ------------------------------------------------------------------ Hibernate

  /**
   * Spring Boot's implicit naming ({@code SpringImplicitNamingStrategy}, which Spring Boot
   * configures by default) as far as it differs from the JPA-compliant one: a join table is named
   * after the owning table and the attribute ({@code book_authors}), not after both entities
   * ({@code Book_Author}). Spring Boot is not a dependency of this project, so the one rule is
   * written here.
   */
  public static final class SpringBootImplicitNaming extends ImplicitNamingStrategyJpaCompliantImpl {
    @Override
    public Identifier determineJoinTableName(ImplicitJoinTableNameSource source) {
      return toIdentifier(source.getOwningPhysicalTableName() + "_"
          + source.getAssociationOwningAttributePath().getProperty(), source.getBuildingContext());
    }
  }

  /**
   * Hibernate's schema export for PostgreSQL 17 of the persistent classes found in {@code classes}
   * (every class annotated {@code @Entity}, {@code @MappedSuperclass}, {@code @Embeddable} or
   * {@code @Converter}, as a classpath scan would find them), as the script of its "create" action
   * ({@code ;} after each statement). No database is contacted: the dialect is chosen from the
   * product name and version, as when Hibernate starts without JDBC metadata.
   */
  public static String hibernateScript(Model model, Path classes, Path work) {
    Path script = work.resolve("hibernate-create.sql");
    Map<String, Object> settings = new HashMap<>();
    settings.put("jakarta.persistence.database-product-name", "PostgreSQL");
    settings.put("jakarta.persistence.database-major-version", "17");
    settings.put("jakarta.persistence.database-minor-version", "0");
    settings.put("hibernate.boot.allow_jdbc_metadata_access", "false");
    settings.put("jakarta.persistence.schema-generation.database.action", "none");
    settings.put("jakarta.persistence.schema-generation.scripts.action", "create");
    settings.put("jakarta.persistence.schema-generation.scripts.create-target", script.toString());
    settings.put("jakarta.persistence.create-database-schemas", "true");
    settings.put("hibernate.hbm2ddl.delimiter", ";");
    schemaManagement(model, classes, settings);
    try {
      return Files.readString(script, UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Hibernate's schema validation ({@code hibernate.hbm2ddl.auto=validate}, Spring Boot's {@code
   * spring.jpa.hibernate.ddl-auto=validate}, which applications whose schema Flyway manages run at
   * start-up) of the model against a database: null when Hibernate accepts it, else its message
   * (Hibernate stops at the first mismatch).
   */
  public static String hibernateValidation(Model model, Path classes, String jdbcUrl) {
    return hibernateValidation(model, classes, jdbcUrl, "postgres");
  }

  /** {@link #hibernateValidation(Model, Path, String)} as {@code user}, on whichever engine the URL names. */
  public static String hibernateValidation(Model model, Path classes, String jdbcUrl, String user) {
    Map<String, Object> settings = connection(jdbcUrl, user, "validate");
    try {
      schemaManagement(model, classes, settings);
      return null;
    } catch (SchemaManagementException e) {
      return e.getMessage();
    }
  }

  /**
   * Hibernate's own schema of the model created in a database ({@code hibernate.hbm2ddl.auto=create},
   * its dialect chosen from the connection), as {@code user}: what Hibernate itself makes on that
   * engine, to compare schemac's with.
   */
  public static void hibernateCreate(Model model, Path classes, String jdbcUrl, String user) {
    Map<String, Object> settings = connection(jdbcUrl, user, "create");
    settings.put("hibernate.hbm2ddl.halt_on_error", "true");
    schemaManagement(model, classes, settings);
  }

  /** The settings of a connection to {@code jdbcUrl} as {@code user} (no password) and Hibernate's schema action. */
  private static Map<String, Object> connection(String jdbcUrl, String user, String hbm2ddl) {
    Map<String, Object> settings = new HashMap<>();
    settings.put("jakarta.persistence.jdbc.url", jdbcUrl);
    settings.put("jakarta.persistence.jdbc.user", user);
    settings.put("jakarta.persistence.jdbc.password", "");
    settings.put("hibernate.hbm2ddl.auto", hbm2ddl);
    return settings;
  }

  /**
   * Boots Hibernate on the model's persistent classes against a database (its schema validated, as
   * at an application's start) and runs {@code work} in one transaction: what the application does
   * with schemac's schema. The classes are loaded by a loader of their own, passed to {@code work}.
   */
  public static void inTransaction(Model model, Path classes, String jdbcUrl,
      java.util.function.BiConsumer<org.hibernate.Session, ClassLoader> work) {
    Map<String, Object> settings = new HashMap<>();
    settings.put("jakarta.persistence.jdbc.url", jdbcUrl);
    settings.put("jakarta.persistence.jdbc.user", "postgres");
    settings.put("jakarta.persistence.jdbc.password", "");
    settings.put("hibernate.hbm2ddl.auto", "validate");
    withSessionFactory(model, classes, settings, (factory, loader) -> factory.inTransaction(s -> work.accept(s, loader)));
  }

  /** Boots Hibernate on the model's persistent classes with the settings and runs its schema management. */
  private static void schemaManagement(Model model, Path classes, Map<String, Object> settings) {
    withSessionFactory(model, classes, settings, (factory, loader) -> { });
  }

  private static void withSessionFactory(Model model, Path classes, Map<String, Object> settings,
      java.util.function.BiConsumer<org.hibernate.SessionFactory, ClassLoader> work) {
    // Hibernate 7 lays out a new table's columns by type size (its default column ordering strategy),
    // and with them the columns of a composite key; the legacy strategy keeps the mapping's order, which
    // is what the key of a table (not the layout of its rows) is compared on
    settings.put("hibernate.column_ordering_strategy", "legacy");
    settings.putAll(model.hibernateSettings());
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        HibernateParity.class.getClassLoader())) {
      List<Class<?>> persistent = persistentClasses(classes, loader);
      if (persistent.isEmpty()) {
        throw new AssertionError("model " + model.name() + " has no persistent class");
      }
      Thread.currentThread().setContextClassLoader(loader);
      BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder().applyClassLoader(loader).build();
      StandardServiceRegistry registry = new StandardServiceRegistryBuilder(bootstrap).applySettings(settings).build();
      try {
        MetadataSources sources = new MetadataSources(registry);
        persistent.forEach(sources::addAnnotatedClass);
        MetadataBuilder builder = sources.getMetadataBuilder();
        if (model.naming() == Naming.SPRING) {
          builder.applyPhysicalNamingStrategy(new CamelCaseToUnderscoresNamingStrategy());
          builder.applyImplicitNamingStrategy(new SpringBootImplicitNaming());
        }
        Metadata metadata = builder.build();
        // a SessionFactory, as an application boots: its integrators run before the schema management,
        // Bean Validation's among them, which applies @Size, @Min, @Max, @Digits and @NotNull to the DDL
        try (org.hibernate.SessionFactory factory = metadata.buildSessionFactory()) {
          work.accept(factory, loader);
        }
      } finally {
        StandardServiceRegistryBuilder.destroy(registry);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
  }

  private static List<Class<?>> persistentClasses(Path classes, ClassLoader loader) throws IOException {
    List<String> names;
    try (Stream<Path> files = Files.walk(classes)) {
      names = files.filter(f -> f.toString().endsWith(".class"))
          .map(f -> classes.relativize(f).toString())
          .map(f -> f.substring(0, f.length() - ".class".length()).replace(File.separatorChar, '.'))
          .filter(n -> !n.endsWith("package-info"))
          .sorted()
          .toList();
    }
    List<Class<?>> persistent = new ArrayList<>();
    for (String name : names) {
      Class<?> type;
      try {
        type = Class.forName(name, false, loader);
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
      if (type.isAnnotationPresent(jakarta.persistence.Entity.class)
          || type.isAnnotationPresent(jakarta.persistence.MappedSuperclass.class)
          || type.isAnnotationPresent(jakarta.persistence.Embeddable.class)
          || type.isAnnotationPresent(jakarta.persistence.Converter.class)) {
        persistent.add(type);
      }
    }
    return persistent;
  }

  // ------------------------------------------------------------------ the catalog

  /**
   * A column as compared: its type, whether it is NOT NULL, its identity kind ("" for none), and
   * (compared when the model asks) its default as PostgreSQL prints it and its comment, null for none.
   */
  public record ColumnShape(String type, boolean notNull, String identity, String defaultValue, String comment) {}

  /**
   * A table as compared: columns by name, the primary key in key order (empty for none), foreign
   * keys as {@code (a, b) -> table (x, y)}, unique column sets as {@code (a, b)} with the columns
   * sorted, plain indexes as {@code (a, b DESC)} in key order.
   */
  public record TableShape(SortedMap<String, ColumnShape> columns, List<String> primaryKey,
      SortedSet<String> foreignKeys, SortedSet<String> uniques, SortedSet<String> indexes, SortedSet<String> checks,
      String comment) {}

  /** A whole catalog as compared: tables (schema-qualified unless in {@code public}) and sequences with their increment. */
  public record Shape(SortedMap<String, TableShape> tables, SortedMap<String, Long> sequences) {}

  private static final String USER_SCHEMA = "n.nspname NOT IN ('pg_catalog', 'information_schema')"
      + " AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'";

  /** Reads the tables and sequences of every user schema of a database. */
  public static Shape read(Connection connection) throws SQLException {
    Map<Long, String> tableNames = new LinkedHashMap<>();
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT c.oid, n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE c.relkind IN ('r', 'p') AND " + USER_SCHEMA);
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        tableNames.put(rows.getLong(1), qualified(rows.getString(2), rows.getString(3)));
      }
    }
    SortedMap<String, TableShape> tables = new TreeMap<>();
    for (Map.Entry<Long, String> table : tableNames.entrySet()) {
      tables.put(table.getValue(), table(connection, table.getKey(), tableNames));
    }
    SortedMap<String, Long> sequences = new TreeMap<>();
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT n.nspname, c.relname, s.seqincrement FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + USER_SCHEMA
            + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass"
            + "   AND d.objid = c.oid AND d.deptype = 'i')"); // an identity column's own sequence
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        sequences.put(qualified(rows.getString(1), rows.getString(2)), rows.getLong(3));
      }
    }
    return new Shape(tables, sequences);
  }

  private static String qualified(String schema, String name) {
    return schema.equals("public") ? name : schema + "." + name;
  }

  private static TableShape table(Connection connection, long oid, Map<Long, String> tableNames) throws SQLException {
    SortedMap<String, ColumnShape> columns = new TreeMap<>();
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, a.attidentity,"
            + " pg_get_expr(d.adbin, d.adrelid), col_description(a.attrelid, a.attnum), a.attgenerated"
            + " FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
            + " WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped")) {
      query.setLong(1, oid);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          String identity = switch (rows.getString(4)) {
            case "d" -> "generated by default as identity";
            case "a" -> "generated always as identity";
            default -> "";
          };
          String expression = rows.getString(5);
          String defaultValue = expression == null ? null
              : rows.getString(7).equals("s") ? "generated always as (" + expression + ") stored" : expression;
          columns.put(rows.getString(1), new ColumnShape(normalizedType(rows.getString(2)), rows.getBoolean(3), identity,
              defaultValue, rows.getString(6)));
        }
      }
    }
    List<String> primaryKey = List.of();
    SortedSet<String> foreignKeys = new TreeSet<>();
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT con.contype, " + keyColumns("con.conrelid", "con.conkey") + ", con.confrelid, "
            + keyColumns("con.confrelid", "con.confkey")
            + " FROM pg_constraint con WHERE con.conrelid = ? AND con.contype IN ('p', 'f')")) {
      query.setLong(1, oid);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          List<String> keys = strings(rows.getArray(2));
          if (rows.getString(1).equals("p")) {
            primaryKey = keys;
          } else {
            foreignKeys.add(foreignKey(keys, tableNames.getOrDefault(rows.getLong(3), "?"), strings(rows.getArray(4))));
          }
        }
      }
    }
    SortedSet<String> uniques = new TreeSet<>();
    SortedSet<String> indexes = new TreeSet<>();
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT i.indisunique, i.indisprimary, pg_get_expr(i.indpred, i.indrelid),"
            + " ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true) FROM generate_series(1, i.indnkeyatts) k ORDER BY k),"
            + " ARRAY(SELECT CASE WHEN i.indoption[k - 1] & 1 = 1 THEN ' DESC' ELSE '' END"
            + "       FROM generate_series(1, i.indnkeyatts) k ORDER BY k),"
            + " am.amname"
            + " FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam"
            + " WHERE i.indrelid = ?")) {
      query.setLong(1, oid);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          if (rows.getBoolean(2)) {
            continue; // the primary key's index
          }
          List<String> keys = strings(rows.getArray(4));
          String predicate = rows.getString(3);
          if (rows.getBoolean(1) && predicate == null) {
            uniques.add(list(keys.stream().sorted().toList()));
            continue;
          }
          List<String> ordered = new ArrayList<>();
          List<String> directions = strings(rows.getArray(5));
          for (int k = 0; k < keys.size(); k++) {
            ordered.add(keys.get(k) + directions.get(k));
          }
          indexes.add((rows.getBoolean(1) ? "unique " : "") + list(ordered)
              + (rows.getString(6).equals("btree") ? "" : " using " + rows.getString(6))
              + (predicate == null ? "" : " where " + predicate));
        }
      }
    }
    SortedSet<String> checks = new TreeSet<>();
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT pg_get_constraintdef(con.oid, true) FROM pg_constraint con WHERE con.conrelid = ? AND con.contype = 'c'")) {
      query.setLong(1, oid);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          checks.add(conjunctsSorted(arraysSorted(rows.getString(1))));
        }
      }
    }
    String comment;
    try (PreparedStatement query = connection.prepareStatement("SELECT obj_description(?, 'pg_class')")) {
      query.setLong(1, oid);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        comment = rows.getString(1);
      }
    }
    return new TableShape(columns, primaryKey, foreignKeys, uniques, indexes, checks, comment);
  }

  /**
   * A foreign key as compared: {@code (a, b) -> table (x, y)}, the column pairs sorted by the
   * referencing column. The order of a composite foreign key's pairs changes nothing (PostgreSQL
   * matches the referenced columns to a key as a set), and Hibernate orders them by a rule of its
   * own.
   */
  static String foreignKey(List<String> columns, String table, List<String> referenced) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparing(columns::get));
    return list(order.stream().map(columns::get).toList()) + " -> " + table + " "
        + list(order.stream().map(i -> i < referenced.size() ? referenced.get(i) : "?").toList());
  }

  /**
   * A CHECK's definition with the elements of each {@code ARRAY[...]} in sorted order: {@code x IN
   * (...)} is {@code x = ANY (ARRAY[...])} in the catalog, and the order of the values changes
   * nothing.
   */
  public static String arraysSorted(String definition) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("ARRAY\\[([^\\]]*)]").matcher(definition);
    return m.replaceAll(r -> java.util.regex.Matcher.quoteReplacement("ARRAY[" + String.join(", ",
        Arrays.stream(r.group(1).split(", ")).sorted().toList()) + "]"));
  }

  /**
   * A CHECK's definition with the conditions it joins with AND (at the top level) in sorted order:
   * the same constraint, whichever order it was written in (Hibernate writes Bean Validation's
   * bounds in the order it finds them, which is not stable).
   */
  public static String conjunctsSorted(String definition) {
    if (!definition.startsWith("CHECK (") || !definition.endsWith(")")) {
      return definition;
    }
    String inner = definition.substring("CHECK (".length(), definition.length() - 1);
    if (splitTopLevel(inner, " OR ").size() > 1) {
      return definition; // AND binds tighter than OR: the conjuncts of one disjunct are not the whole's
    }
    List<String> parts = new ArrayList<>(splitTopLevel(inner, " AND "));
    if (parts.size() == 1) {
      return definition;
    }
    parts.sort(Comparator.naturalOrder());
    return "CHECK (" + String.join(" AND ", parts) + ")";
  }

  /** {@code expression} split at each {@code separator} outside parentheses and quotes. */
  private static List<String> splitTopLevel(String expression, String separator) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < expression.length(); i++) {
      char c = expression.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        depth++;
      } else if (!quoted && c == ')') {
        depth--;
      } else if (!quoted && depth == 0 && expression.startsWith(separator, i)) {
        parts.add(expression.substring(start, i));
        start = i + separator.length();
      }
    }
    parts.add(expression.substring(start));
    return parts;
  }

  /**
   * {@code format_type}, except that an explicit precision of 6 on {@code timestamp} and {@code
   * time} is dropped: PostgreSQL's default precision is 6 (microseconds), so {@code timestamp(6)}
   * and {@code timestamp} are the same type; Hibernate writes the one, schemac the other.
   */
  static String normalizedType(String type) {
    return type.replace("timestamp(6)", "timestamp").replace("time(6)", "time");
  }

  private static String keyColumns(String relid, String keys) {
    return "ARRAY(SELECT a.attname::text FROM unnest(" + keys + ") WITH ORDINALITY k(attnum, position)"
        + " JOIN pg_attribute a ON a.attrelid = " + relid + " AND a.attnum = k.attnum ORDER BY k.position)";
  }

  private static List<String> strings(java.sql.Array array) throws SQLException {
    return array == null ? List.of() : List.copyOf(Arrays.asList((String[]) array.getArray()));
  }

  private static String list(List<String> items) {
    return "(" + String.join(", ", items) + ")";
  }

  // ------------------------------------------------------------------ the comparison

  /**
   * The outcome of a comparison: the differences, one line each, sorted (what docs/jpa.md lists),
   * and the notes: plain indexes only schemac creates, which are deliberate (the foreign-key
   * indexes Hibernate leaves out) and not differences.
   */
  public record Comparison(List<String> differences, List<String> notes) {}

  /** Compares Hibernate's catalog with schemac's: the structure only. */
  public static Comparison compare(Shape hibernate, Shape schemac) {
    return compare(hibernate, schemac, java.util.Set.of());
  }

  /** Compares Hibernate's catalog with schemac's: the structure, and the aspects given. */
  public static Comparison compare(Shape hibernate, Shape schemac, java.util.Set<Aspect> aspects) {
    List<String> differences = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (String table : union(hibernate.tables().keySet(), schemac.tables().keySet())) {
      TableShape h = hibernate.tables().get(table);
      TableShape s = schemac.tables().get(table);
      if (h == null || s == null) {
        differences.add(table + ": table only in " + (h == null ? "schemac" : "Hibernate"));
        continue;
      }
      compareColumns(table, h, s, aspects, differences);
      if (aspects.contains(Aspect.CHECKS)) {
        onlyIn(table + ": check ", h.checks(), s.checks(), differences);
      }
      if (aspects.contains(Aspect.COMMENTS) && !java.util.Objects.equals(h.comment(), s.comment())) {
        differences.add(table + ": comment " + quoted(h.comment()) + " (Hibernate) vs " + quoted(s.comment())
            + " (schemac)");
      }
      if (!h.primaryKey().equals(s.primaryKey())) {
        differences.add(table + ": primary key " + key(h.primaryKey()) + " (Hibernate) vs " + key(s.primaryKey())
            + " (schemac)");
      }
      onlyIn(table + ": foreign key ", h.foreignKeys(), s.foreignKeys(), differences);
      onlyIn(table + ": unique ", h.uniques(), s.uniques(), differences);
      for (String index : h.indexes()) {
        if (!s.indexes().contains(index)) {
          differences.add(table + ": index " + index + " only in Hibernate");
        }
      }
      for (String index : s.indexes()) {
        if (!h.indexes().contains(index)) {
          notes.add(table + ": index " + index + " only in schemac");
        }
      }
    }
    for (String sequence : union(hibernate.sequences().keySet(), schemac.sequences().keySet())) {
      Long h = hibernate.sequences().get(sequence);
      Long s = schemac.sequences().get(sequence);
      if (h == null || s == null) {
        differences.add("sequence " + sequence + ": only in " + (h == null ? "schemac" : "Hibernate")
            + " (increment " + (h == null ? s : h) + ")");
      } else if (!h.equals(s)) {
        differences.add("sequence " + sequence + ": increment " + h + " (Hibernate) vs " + s + " (schemac)");
      }
    }
    differences.sort(Comparator.naturalOrder());
    notes.sort(Comparator.naturalOrder());
    return new Comparison(List.copyOf(differences), List.copyOf(notes));
  }

  private static void compareColumns(String table, TableShape h, TableShape s, java.util.Set<Aspect> aspects,
      List<String> differences) {
    for (String column : union(h.columns().keySet(), s.columns().keySet())) {
      ColumnShape hc = h.columns().get(column);
      ColumnShape sc = s.columns().get(column);
      String at = table + "." + column + ": ";
      if (hc == null || sc == null) {
        ColumnShape only = hc == null ? sc : hc;
        differences.add(at + "column only in " + (hc == null ? "schemac" : "Hibernate") + " (" + only.type()
            + (only.notNull() ? " NOT NULL" : "") + ")");
        continue;
      }
      if (!hc.type().equals(sc.type())) {
        differences.add(at + "type " + hc.type() + " (Hibernate) vs " + sc.type() + " (schemac)");
      }
      if (hc.notNull() != sc.notNull()) {
        differences.add(at + nullability(hc) + " (Hibernate) vs " + nullability(sc) + " (schemac)");
      }
      if (!hc.identity().equals(sc.identity())) {
        differences.add(at + identity(hc) + " (Hibernate) vs " + identity(sc) + " (schemac)");
      }
      if (aspects.contains(Aspect.DEFAULTS) && !java.util.Objects.equals(hc.defaultValue(), sc.defaultValue())) {
        differences.add(at + "default " + (hc.defaultValue() == null ? "none" : hc.defaultValue()) + " (Hibernate) vs "
            + (sc.defaultValue() == null ? "none" : sc.defaultValue()) + " (schemac)");
      }
      if (aspects.contains(Aspect.COMMENTS) && !java.util.Objects.equals(hc.comment(), sc.comment())) {
        differences.add(at + "comment " + quoted(hc.comment()) + " (Hibernate) vs " + quoted(sc.comment()) + " (schemac)");
      }
    }
  }

  private static String quoted(String comment) {
    return comment == null ? "none" : "'" + comment + "'";
  }

  private static String nullability(ColumnShape c) {
    return c.notNull() ? "NOT NULL" : "nullable";
  }

  private static String identity(ColumnShape c) {
    return c.identity().isEmpty() ? "no identity" : c.identity();
  }

  private static String key(List<String> columns) {
    return columns.isEmpty() ? "none" : list(columns);
  }

  private static void onlyIn(String prefix, SortedSet<String> hibernate, SortedSet<String> schemac, List<String> out) {
    for (String item : hibernate) {
      if (!schemac.contains(item)) {
        out.add(prefix + item + " only in Hibernate");
      }
    }
    for (String item : schemac) {
      if (!hibernate.contains(item)) {
        out.add(prefix + item + " only in schemac");
      }
    }
  }

  private static SortedSet<String> union(java.util.Set<String> a, java.util.Set<String> b) {
    SortedSet<String> all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }

  // ------------------------------------------------------------------ one model, end to end

  /**
   * A model run end to end: schemac's compile, Hibernate's script and the catalog it made, and,
   * when schemac compiled the model, its {@code schema.sql} and the comparison (both empty when
   * schemac reported an error).
   */
  public record Run(Model model, Compiled schemac, String hibernateSql, Shape hibernate, Optional<String> schemacSql,
      Optional<Comparison> comparison) {}

  /**
   * Runs a model: compiles it with schemac (and, when schemac fails, once more without it, for
   * Hibernate's classes), exports Hibernate's DDL, applies each DDL to a fresh database, compares
   * the catalogs, and has Hibernate validate schemac's database: a validation failure is one more
   * difference, {@code Hibernate's schema validation: <its message>}. Throws {@link
   * AssertionError} when javac fails on the model itself or a DDL does not apply, with the script
   * in the message.
   */
  public static Run run(Model model, Path work) throws SQLException {
    Compiled schemac = compile(model, work, true);
    Path classes = schemac.classes();
    if (!schemac.success()) {
      Compiled plain = compile(model, work, false);
      if (!plain.success()) {
        throw new AssertionError("model " + model + " does not compile with javac alone:\n"
            + String.join("\n", plain.diagnostics()));
      }
      classes = plain.classes();
    }
    String hibernateSql = hibernateScript(model, classes, work);
    Shape hibernate;
    try (TestDatabase db = EmbeddedPostgresServer.freshDatabase()) {
      apply(db, "Hibernate's DDL", hibernateSql);
      hibernate = read(db.connection());
    }
    if (!schemac.success()) {
      return new Run(model, schemac, hibernateSql, hibernate, Optional.empty(), Optional.empty());
    }
    String schemacSql = schemac.schemaSql();
    try (TestDatabase db = EmbeddedPostgresServer.freshDatabase()) {
      apply(db, "schemac's schema.sql", schemacSql);
      Comparison comparison = compare(hibernate, read(db.connection()), model.compared());
      String validation = hibernateValidation(model, classes, db.jdbcUrl());
      if (validation != null) {
        List<String> differences = new ArrayList<>(comparison.differences());
        differences.add(VALIDATION + validation.replaceFirst("^Schema validation: ", ""));
        differences.sort(Comparator.naturalOrder());
        comparison = new Comparison(List.copyOf(differences), comparison.notes());
      }
      return new Run(model, schemac, hibernateSql, hibernate, Optional.of(schemacSql), Optional.of(comparison));
    }
  }

  /** How a difference line reporting Hibernate's rejection of schemac's schema starts. */
  public static final String VALIDATION = "Hibernate's schema validation: ";

  private static void apply(TestDatabase db, String what, String script) {
    try {
      db.executeScript(script);
    } catch (SQLException e) {
      throw new AssertionError(what + " does not apply to PostgreSQL: " + e.getMessage() + "\n" + script, e);
    }
  }
}
