package dev.schemac.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Writes one synthetic, realistic model twice: as schemac records and as the equivalent JPA
 * entities.
 *
 * <p>Usage: {@code ModelGenerator <tables> <out folder> [postgresql|portable]}. Writes
 * {@code <out>/records/bench/model/*.java} (with a {@code package-info.java} that declares
 * {@code @Schema(version = 1)}) and {@code <out>/jpa/bench/jpa/*.java}, plus
 * {@code <out>/jpa-classes.txt}, the entity class names in declaration order.
 *
 * <p>Every table has 21 columns: a primary key (every third one a UUID, the others a bigint
 * identity), up to two foreign keys to earlier tables (one NOT NULL, one nullable, both indexed),
 * a unique business code, text, a per-table status enum and a shared enum (CHECK constraints), a
 * money amount with a CHECK, integers, a double, a boolean with a default, a date range with a
 * table CHECK, jsonb, text[], timestamps with the {@code updated_at} trigger; one composite DESC
 * index; every tenth table an expression index, every seventh soft delete. Deterministic: the same
 * arguments give the same bytes.
 *
 * <p>Two models: {@code postgresql} (the default) stores {@code tags} as a {@code text[]} array;
 * {@code portable} stores it as a JSON array ({@code @Json List<String>}: {@code jsonb} on
 * PostgreSQL, {@code json} on MariaDB and MySQL, JSON text on SQLite), because MariaDB and MySQL
 * have no array type and refuse the array with a located error. Nothing else differs: the portable
 * model compiles with no error and no warning for {@code postgresql,mariadb,mysql,sqlite}.
 */
public final class ModelGenerator {
  private static final String[] PREFIXES = {
    "Billing", "Customer", "Warehouse", "Shipping", "Catalog", "Pricing", "Payment", "Supplier", "Inventory",
    "Marketing", "Campaign", "Support", "Ticket", "Contract", "Vendor", "Partner", "Loyalty", "Store", "Regional",
    "Product", "Service", "Delivery", "Return", "Refund", "Discount", "Coupon", "Review", "Survey", "Employee",
    "Payroll", "Training", "Project", "Budget", "Expense", "Asset", "License", "Device", "Network", "Security",
    "Audit", "Compliance", "Tax", "Ledger", "Journal", "Treasury", "Forecast", "Quality", "Factory", "Fleet",
    "Route"
  };
  private static final String[] NOUNS = {
    "Account", "Address", "Agreement", "Allocation", "Approval", "Assignment", "Batch", "Booking", "Branch",
    "Bundle", "Category", "Channel", "Charge", "Claim", "Contact", "Credit", "Document", "Entry", "Event",
    "Feature", "Group", "Invoice", "Item", "Label", "Lead", "Location", "Message", "Note", "Offer", "Period",
    "Plan", "Policy", "Position", "Profile", "Quote", "Rate", "Receipt", "Record", "Request", "Rule", "Schedule",
    "Segment", "Slot", "Task", "Template"
  };
  /** The shared enums, each used by many tables. */
  private static final String[] SHARED_ENUMS = {
    "Region", "Channel", "Tier", "Visibility", "Origin", "Frequency", "Severity", "Stage", "Source", "Scope"
  };

  private final int tables;
  private final Path out;
  private final boolean portable;
  private final List<String> names = new ArrayList<>();

  private ModelGenerator(int tables, Path out, boolean portable) {
    this.tables = tables;
    this.out = out;
    this.portable = portable;
    if (tables > PREFIXES.length * NOUNS.length) {
      throw new IllegalArgumentException("at most " + PREFIXES.length * NOUNS.length + " tables");
    }
    for (int i = 0; i < tables; i++) {
      // walk the grid diagonally so that small models mix prefixes and nouns too
      String prefix = PREFIXES[i % PREFIXES.length];
      String noun = NOUNS[(i / PREFIXES.length + i % PREFIXES.length) % NOUNS.length];
      names.add(prefix + noun);
    }
    if (new LinkedHashSet<>(names).size() != names.size()) {
      throw new IllegalStateException("duplicate record names");
    }
  }

  public static void main(String[] args) throws IOException {
    String model = args.length == 3 ? args[2] : "postgresql";
    if (args.length < 2 || args.length > 3 || !List.of("postgresql", "portable").contains(model)) {
      System.err.println("usage: ModelGenerator <tables> <out folder> [postgresql|portable]");
      System.exit(2);
    }
    new ModelGenerator(Integer.parseInt(args[0]), Path.of(args[1]), model.equals("portable")).generate();
  }

  private void generate() throws IOException {
    Path records = out.resolve("records/bench/model");
    Path jpa = out.resolve("jpa/bench/jpa");
    Files.createDirectories(records);
    Files.createDirectories(jpa);
    write(records.resolve("package-info.java"), """
        /** The synthetic benchmark model. */
        @Schema(version = 1, description = "initial schema")
        package bench.model;

        import dev.schemac.annotations.Schema;
        """);
    write(records.resolve("Nullable.java"), """
        package bench.model;

        import java.lang.annotation.ElementType;
        import java.lang.annotation.Retention;
        import java.lang.annotation.RetentionPolicy;
        import java.lang.annotation.Target;

        /** Any annotation named Nullable makes a column NULL-able. */
        @Retention(RetentionPolicy.CLASS)
        @Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
        public @interface Nullable {}
        """);
    for (int e = 0; e < SHARED_ENUMS.length; e++) {
      String body = enumSource(SHARED_ENUMS[e], sharedConstants(e));
      write(records.resolve(SHARED_ENUMS[e] + ".java"), "package bench.model;\n\n" + body);
      write(jpa.resolve(SHARED_ENUMS[e] + ".java"), "package bench.jpa;\n\n" + body);
    }
    StringBuilder classes = new StringBuilder();
    for (int i = 0; i < tables; i++) {
      Table t = table(i);
      String status = enumSource(t.name + "Status", t.statuses);
      write(records.resolve(t.name + "Status.java"), "package bench.model;\n\n" + status);
      write(jpa.resolve(t.name + "Status.java"), "package bench.jpa;\n\n" + status);
      write(records.resolve(t.name + ".java"), recordSource(t));
      write(jpa.resolve(t.name + ".java"), entitySource(t));
      classes.append("bench.jpa.").append(t.name).append('\n');
    }
    write(out.resolve("jpa-classes.txt"), classes.toString());
  }

  /** One table of the model: what both renderings share. */
  private record Table(int index, String name, String table, boolean uuid, List<Integer> refs, String sharedEnum,
      List<String> statuses, boolean expressionIndex, boolean softDelete) {}

  private Table table(int i) {
    Random random = new Random(i * 7919L + 17);
    List<Integer> refs = new ArrayList<>();
    if (i > 0) {
      refs.add(i - 1 - random.nextInt(Math.min(i, 50))); // a near neighbour, like a module's own tables
    }
    if (i > 1) {
      int other = random.nextInt(i); // anywhere earlier: shared reference tables
      if (!refs.contains(other)) {
        refs.add(other);
      }
    }
    List<String> statuses = new ArrayList<>(List.of("DRAFT", "ACTIVE", "SUSPENDED", "CLOSED", "ARCHIVED", "DELETED")
        .subList(0, 3 + random.nextInt(4)));
    return new Table(i, names.get(i), table(names.get(i)), i % 3 == 0, refs,
        SHARED_ENUMS[random.nextInt(SHARED_ENUMS.length)], statuses, i % 10 == 4, i % 7 == 3);
  }

  private static List<String> sharedConstants(int e) {
    List<String> all = List.of("ALPHA", "BRAVO", "CHARLIE", "DELTA", "ECHO", "FOXTROT", "GOLF", "HOTEL");
    return all.subList(0, 3 + e % 6);
  }

  private static String enumSource(String name, List<String> constants) {
    return "/** Values of " + name + ". */\npublic enum " + name + " {\n  " + String.join(",\n  ", constants)
        + "\n}\n";
  }

  // ---------------------------------------------------------------- schemac records

  private String recordSource(Table t) {
    Set<String> imports = new java.util.TreeSet<>(List.of(
        "dev.schemac.annotations.Check", "dev.schemac.annotations.Column", "dev.schemac.annotations.CreatedAt",
        "dev.schemac.annotations.Default", "dev.schemac.annotations.Id", "dev.schemac.annotations.Index",
        "dev.schemac.annotations.Json", "dev.schemac.annotations.Table", "dev.schemac.annotations.Unique",
        "dev.schemac.annotations.UpdatedAt", "java.math.BigDecimal", "java.time.Instant", "java.time.LocalDate",
        "java.util.List", "java.util.Map"));
    if (!t.refs.isEmpty()) {
      imports.add("dev.schemac.annotations.Indexed");
      imports.add("dev.schemac.annotations.References");
      imports.add("dev.schemac.annotations.ReferentialAction");
    }
    if (t.uuid || t.refs.stream().anyMatch(r -> table(r).uuid)) {
      imports.add("java.util.UUID");
    }
    if (t.softDelete) {
      imports.add("dev.schemac.annotations.SoftDelete");
    }
    StringBuilder s = new StringBuilder("package bench.model;\n\n");
    imports.forEach(i -> s.append("import ").append(i).append(";\n"));
    s.append("\n/**\n * ").append(words(t.name)).append(" of the synthetic model.\n *\n")
        .append(" * @param code the business key printed on documents\n")
        .append(" * @param amount the amount, in the row's currency\n")
        .append(" * @param validFrom first day the row applies\n */\n");
    s.append("@Table\n");
    if (t.softDelete) {
      s.append("@SoftDelete\n");
    }
    s.append("@Index(columns = {\"status\", \"created_at DESC\"})\n");
    if (t.expressionIndex) {
      s.append("@Index(expression = \"lower(name)\")\n");
    }
    s.append("@Check(\"valid_to IS NULL OR valid_to >= valid_from\")\n");
    s.append("public record ").append(t.name).append("(\n");
    List<String> c = new ArrayList<>();
    c.add(t.uuid ? "@Id UUID id" : "@Id(generated = Id.Generated.IDENTITY) long id");
    for (int k = 0; k < t.refs.size(); k++) {
      Table r = table(t.refs.get(k));
      String field = lowerFirst(r.name) + "Id";
      if (k == 0) {
        c.add("@References(value = " + r.name + ".class, onDelete = ReferentialAction.RESTRICT) @Indexed "
            + (r.uuid ? "UUID " : "long ") + field);
      } else {
        c.add("@References(value = " + r.name + ".class, onDelete = ReferentialAction.SET_NULL) @Indexed @Nullable "
            + (r.uuid ? "UUID " : "Long ") + field);
      }
    }
    c.add("@Column(length = 64) @Unique String code");
    c.add("@Column(length = 200) String name");
    c.add("@Nullable String description");
    c.add(t.name + "Status status");
    c.add(t.sharedEnum + " " + lowerFirst(t.sharedEnum));
    c.add("@Column(precision = 12, scale = 2) @Check(\"amount >= 0\") BigDecimal amount");
    c.add("@Column(length = 3) String currency");
    c.add("@Check(\"quantity >= 0\") int quantity");
    c.add("short priority");
    c.add("double score");
    c.add("@Default(\"true\") boolean active");
    c.add("LocalDate validFrom");
    c.add("@Nullable LocalDate validTo");
    c.add("@Json Map<String, Object> attributes");
    c.add(portable ? "@Json List<String> tags" : "List<String> tags");
    c.add("@Nullable Instant archivedAt");
    c.add("@CreatedAt Instant createdAt");
    c.add("@UpdatedAt Instant updatedAt");
    s.append("    ").append(String.join(",\n    ", c)).append(") {}\n");
    return s.toString();
  }

  // ---------------------------------------------------------------- JPA entities

  private String entitySource(Table t) {
    StringBuilder s = new StringBuilder("package bench.jpa;\n\n");
    for (String i : List.of("jakarta.persistence.CheckConstraint", "jakarta.persistence.Column",
        "jakarta.persistence.Entity", "jakarta.persistence.EnumType", "jakarta.persistence.Enumerated",
        "jakarta.persistence.FetchType", "jakarta.persistence.GeneratedValue", "jakarta.persistence.GenerationType",
        "jakarta.persistence.Id", "jakarta.persistence.Index", "jakarta.persistence.JoinColumn",
        "jakarta.persistence.ManyToOne", "jakarta.persistence.Table", "java.math.BigDecimal", "java.time.Instant",
        "java.time.LocalDate", "java.util.List", "java.util.Map", "java.util.UUID",
        "org.hibernate.annotations.JdbcTypeCode", "org.hibernate.type.SqlTypes")) {
      s.append("import ").append(i).append(";\n");
    }
    s.append("\n/** ").append(words(t.name)).append(" of the synthetic model. */\n@Entity\n");
    List<String> indexes = new ArrayList<>();
    for (int k = 0; k < t.refs.size(); k++) {
      String col = snake(table(t.refs.get(k)).name) + "_id";
      indexes.add("@Index(name = \"idx_" + t.table + "_" + col + "\", columnList = \"" + col + "\")");
    }
    indexes.add("@Index(name = \"idx_" + t.table + "_status_created_at\", columnList = \"status, created_at DESC\")");
    s.append("@Table(name = \"").append(t.table).append("\",\n    indexes = {\n        ")
        .append(String.join(",\n        ", indexes)).append("},\n")
        .append("    check = @CheckConstraint(name = \"").append(t.table)
        .append("_check\", constraint = \"valid_to IS NULL OR valid_to >= valid_from\"))\n");
    s.append("public class ").append(t.name).append(" {\n");
    if (t.uuid) {
      s.append("  @Id @GeneratedValue(strategy = GenerationType.UUID) @Column(name = \"id\") private UUID id;\n");
    } else {
      s.append("  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) @Column(name = \"id\") private Long id;\n");
    }
    for (int k = 0; k < t.refs.size(); k++) {
      Table r = table(t.refs.get(k));
      String col = snake(r.name) + "_id";
      boolean required = k == 0;
      s.append("  @ManyToOne(fetch = FetchType.LAZY, optional = ").append(!required).append(")\n")
          .append("  @JoinColumn(name = \"").append(col).append("\", nullable = ").append(!required).append(")\n")
          .append("  private ").append(r.name).append(' ').append(lowerFirst(r.name)).append(";\n");
    }
    s.append("""
          @Column(name = "code", length = 64, nullable = false, unique = true) private String code;
          @Column(name = "name", length = 200, nullable = false) private String name;
          @Column(name = "description", length = 4000) private String description;
          @Enumerated(EnumType.STRING) @Column(name = "status", length = 32, nullable = false) private %1$sStatus status;
          @Enumerated(EnumType.STRING) @Column(name = "%2$s", length = 32, nullable = false) private %3$s %4$s;
          @Column(name = "amount", precision = 12, scale = 2, nullable = false,
              check = @CheckConstraint(name = "%5$s_amount_check", constraint = "amount >= 0"))
          private BigDecimal amount;
          @Column(name = "currency", length = 3, nullable = false) private String currency;
          @Column(name = "quantity", nullable = false,
              check = @CheckConstraint(name = "%5$s_quantity_check", constraint = "quantity >= 0"))
          private int quantity;
          @Column(name = "priority", nullable = false) private short priority;
          @Column(name = "score", nullable = false) private double score;
          @Column(name = "active", nullable = false) private boolean active = true;
          @Column(name = "valid_from", nullable = false) private LocalDate validFrom;
          @Column(name = "valid_to") private LocalDate validTo;
          @JdbcTypeCode(SqlTypes.JSON) @Column(name = "attributes", nullable = false) private Map<String, Object> attributes;
          %6$s@Column(name = "tags", nullable = false) private List<String> tags;
          @Column(name = "archived_at") private Instant archivedAt;
          @Column(name = "created_at", nullable = false, updatable = false) private Instant createdAt;
          @Column(name = "updated_at", nullable = false) private Instant updatedAt;
        """.formatted(t.name, snake(t.sharedEnum), t.sharedEnum, lowerFirst(t.sharedEnum), t.table,
            portable ? "@JdbcTypeCode(SqlTypes.JSON) " : ""));
    if (t.softDelete) {
      s.append("  @Column(name = \"deleted_at\") private Instant deletedAt;\n");
    }
    s.append("}\n");
    return s.toString();
  }

  // ---------------------------------------------------------------- names

  /** schemac's default table name: snake_case, last word plural (every noun above is regular). */
  private static String table(String name) {
    String snake = snake(name);
    int cut = snake.lastIndexOf('_') + 1;
    String last = snake.substring(cut);
    String plural;
    if (last.endsWith("y") && !last.matches(".*[aeiou]y")) {
      plural = last.substring(0, last.length() - 1) + "ies";
    } else if (last.endsWith("s") || last.endsWith("x") || last.endsWith("ch") || last.endsWith("sh")) {
      plural = last + "es";
    } else {
      plural = last + "s";
    }
    return snake.substring(0, cut) + plural;
  }

  private static String snake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }

  private static String words(String camel) {
    String w = camel.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    return Character.toUpperCase(w.charAt(0)) + w.substring(1) + " rows";
  }

  private static String lowerFirst(String s) {
    return Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
