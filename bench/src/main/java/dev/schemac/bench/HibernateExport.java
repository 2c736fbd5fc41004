package dev.schemac.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;

/**
 * Hibernate ORM's schema export of the JPA version of a model, as a DDL script, with no database.
 *
 * <p>Usage: {@code HibernateExport <class list file> <script out>}. The entity classes must be on
 * the class path. Prints {@code hibernate load <ms> export <ms> tables <n>}: "load" is loading the
 * entity classes (the JVM's work, before Hibernate starts), "export" is from the service registry
 * and {@code MetadataSources} to the written script ({@code SchemaManagementToolCoordinator}, the
 * JPA schema generation "create" action into a script; Hibernate 7 has no {@code SchemaExport}).
 */
public final class HibernateExport {
  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: HibernateExport <class list file> <script out>");
      System.exit(2);
    }
    List<String> names = Files.readAllLines(Path.of(args[0])).stream().filter(s -> !s.isBlank()).toList();
    Path script = Path.of(args[1]);
    Files.deleteIfExists(script);

    long t0 = System.nanoTime();
    ClassLoader loader = HibernateExport.class.getClassLoader();
    Class<?>[] classes = new Class<?>[names.size()];
    for (int i = 0; i < classes.length; i++) {
      classes[i] = Class.forName(names.get(i), false, loader);
    }
    long t1 = System.nanoTime();

    Map<String, Object> settings = new HashMap<>();
    // no connection: PostgreSQL 17 is named (Hibernate picks PostgreSQLDialect), JDBC metadata is never read
    settings.put("jakarta.persistence.database-product-name", "PostgreSQL");
    settings.put("jakarta.persistence.database-major-version", "17");
    settings.put("jakarta.persistence.database-minor-version", "0");
    settings.put("hibernate.boot.allow_jdbc_metadata_access", "false");
    // what the JPA schema generation would do for "create" into a script, with no database action
    settings.put("jakarta.persistence.schema-generation.database.action", "none");
    settings.put("jakarta.persistence.schema-generation.scripts.action", "create");
    settings.put("jakarta.persistence.schema-generation.scripts.create-target", script.toString());
    settings.put("hibernate.hbm2ddl.delimiter", ";");
    StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(settings).build();
    try {
      MetadataSources sources = new MetadataSources(registry);
      for (Class<?> c : classes) {
        sources.addAnnotatedClass(c);
      }
      Metadata metadata = sources.buildMetadata();
      SchemaManagementToolCoordinator.process(metadata, registry, settings, action -> { });
    } finally {
      StandardServiceRegistryBuilder.destroy(registry);
    }
    long t2 = System.nanoTime();
    if (!Files.exists(script) || Files.size(script) == 0) {
      System.err.println("hibernate wrote no script");
      System.exit(1);
    }
    long creates = Files.readAllLines(script).stream().filter(l -> l.startsWith("create table")).count();
    System.out.printf("hibernate load %d export %d tables %d%n", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
        creates);
  }
}
