package dev.schemac.processor.migrate;

import dev.schemac.processor.read.Naming;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Random models for the randomized suite, from one seed, always the same for that seed: records
 * with every supported column type, key shapes (UUID, identity, composite), foreign keys
 * (to another table, to itself, composite), indexes of each kind, checks, defaults, soft delete,
 * doc comments with quotes and other scripts; an evolution of a model into a next version (add,
 * drop with acknowledgment, rename columns and tables, indexes, nullability, widening, enum
 * values, tables); rows that satisfy a model; and the Java sources of a model.
 */
final class RandomSchemas {
  static final String PACKAGE = "com.example.rnd";

  /** The kinds of column, with what their Java declaration is. */
  enum Kind {
    UUID_("UUID", "UUID"), LONG("long", "Long"), INT("int", "Integer"), SHORT("short", "Short"),
    BOOL("boolean", "Boolean"), TEXT("String", "String"), VARCHAR("String", "String"),
    DECIMAL("BigDecimal", "BigDecimal"), INSTANT("Instant", "Instant"), DATE("LocalDate", "LocalDate"),
    BYTES("byte[]", "byte[]"), ENUM("?", "?"), NATIVE_ENUM("?", "?"), TEXT_ARRAY("List<String>", "List<String>"),
    JSON("Map<String, Object>", "Map<String, Object>");

    final String primitive;
    final String boxed;

    Kind(String primitive, String boxed) {
      this.primitive = primitive;
      this.boxed = boxed;
    }
  }

  /** One column: its Java name, kind, and what is declared on it. */
  static final class Col {
    String java;
    Kind kind;
    boolean nullable;
    int length;        // VARCHAR
    int precision;     // DECIMAL
    int scale;
    List<String> constants = List.of(); // ENUM, NATIVE_ENUM
    String enumName;   // the Java enum's simple name
    String nativeName; // NATIVE_ENUM's SQL type name
    boolean unique;
    boolean indexed;
    String check;      // a @Check on the component, SQL
    String defaultSql; // a @Default, SQL
    String doc;        // @param text
    Tab references;    // a single-column foreign key
    String renamedFrom;
    boolean key;
    boolean identity;

    String sql() {
      return Naming.snakeCase(java);
    }

    Col copy() {
      Col c = new Col();
      c.java = java;
      c.kind = kind;
      c.nullable = nullable;
      c.length = length;
      c.precision = precision;
      c.scale = scale;
      c.constants = List.copyOf(constants);
      c.enumName = enumName;
      c.nativeName = nativeName;
      c.unique = unique;
      c.indexed = indexed;
      c.check = check;
      c.defaultSql = defaultSql;
      c.doc = doc;
      c.references = references;
      c.key = key;
      c.identity = identity;
      return c;
    }
  }

  /** One table: its record name, explicit table name, columns and record-level declarations. */
  static final class Tab {
    String record;
    String table;
    final List<Col> cols = new ArrayList<>();
    final List<String> indexes = new ArrayList<>(); // @Index(...) arguments
    String doc;
    boolean softDelete;
    String renamedFrom;
    /** A composite foreign key to a table with a two-column key: its columns here. */
    Tab compositeTarget;
    List<String> compositeColumns = List.of();

    List<Col> keys() {
      return cols.stream().filter(c -> c.key).toList();
    }

    Col col(String sql) {
      return cols.stream().filter(c -> c.sql().equals(sql)).findFirst().orElse(null);
    }
  }

  /** A version of a model: its tables in dependency order, and the acknowledgments of its @Schema. */
  static final class Model {
    final List<Tab> tabs = new ArrayList<>();
    final List<String> drops = new ArrayList<>(); // @Drop(...) arguments
    final List<String> changes = new ArrayList<>(); // what the evolution did, for reports

    Tab tab(String table) {
      return tabs.stream().filter(t -> t.table.equals(table)).findFirst().orElse(null);
    }
  }

  private static final String[] WORDS = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta",
      "iota", "kappa", "lambda", "omicron", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega"};
  private static final String[] NOUNS = {"Widget", "Gadget", "Parcel", "Voucher", "Ledger", "Harbor", "Meadow",
      "Quarry", "Lantern", "Orchard", "Beacon", "Canyon", "Falcon", "Glacier", "Kettle", "Marble"};
  private static final String[] DOCS = {"Things we keep.", "It's what the shop \"sells\".", "Caf\u00e9 cr\u00e8me, na\u00efve r\u00e9sum\u00e9.",
      "\u65e5\u672c\u8a9e\u306e\u8aac\u660e.", "Quotes: ' '' \" and a backslash \\\\ too.", "Emoji \ud83d\ude00 and \u05e2\u05d1\u05e8\u05d9\u05ea.",
      "A <b>bold</b> claim &amp; a {@code snippet}.", "Semicolons; -- dashes /* stars */ $$ dollars."};

  private final SplittableRandom random;
  private int names;

  RandomSchemas(long seed) {
    this.random = new SplittableRandom(seed);
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }

  private boolean chance(int percent) {
    return random.nextInt(100) < percent;
  }

  private String newWord() {
    return WORDS[names % WORDS.length] + (names++ / WORDS.length == 0 ? "" : String.valueOf(names / WORDS.length));
  }

  /** {@code snake_case} as a Java component name: {@code snakeCase}. */
  static String camel(String snakeOrWord) {
    StringBuilder out = new StringBuilder();
    boolean up = false;
    for (char c : snakeOrWord.toCharArray()) {
      if (c == '_') {
        up = true;
      } else {
        out.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return out.toString();
  }

  // ------------------------------------------------------------------ models

  Model model() {
    Model m = new Model();
    int tables = 1 + random.nextInt(4);
    for (int i = 0; i < tables; i++) {
      m.tabs.add(table(m, i));
    }
    return m;
  }

  private Tab table(Model m, int index) {
    Tab t = new Tab();
    t.record = NOUNS[(index + random.nextInt(NOUNS.length)) % NOUNS.length] + index;
    t.table = "t" + index + "_" + t.record.toLowerCase(Locale.ROOT);
    if (m.tabs.stream().anyMatch(o -> o.record.equals(t.record))) {
      t.record = t.record + "X";
      t.table = t.table + "x";
    }
    t.doc = chance(50) ? pick(DOCS) : null;
    switch (random.nextInt(3)) {
      case 0 -> {
        Col id = column("id", Kind.UUID_);
        id.key = true;
        t.cols.add(id);
      }
      case 1 -> {
        Col id = column("id", Kind.LONG);
        id.key = true;
        id.identity = true;
        t.cols.add(id);
      }
      default -> {
        Col a = column("code", Kind.VARCHAR);
        a.length = 20;
        a.key = true;
        Col b = column("part", Kind.INT);
        b.key = true;
        t.cols.add(a);
        t.cols.add(b);
      }
    }
    int columns = 1 + random.nextInt(6);
    for (int i = 0; i < columns; i++) {
      t.cols.add(randomColumn(t));
    }
    // foreign keys: to an earlier table, or to itself
    if (!m.tabs.isEmpty() && chance(70)) {
      Tab target = m.tabs.get(random.nextInt(m.tabs.size()));
      reference(t, target);
    }
    if (chance(15)) {
      reference(t, t);
    }
    if (chance(30)) {
      t.softDelete = true;
    }
    if (chance(50)) {
      t.indexes.add(randomIndex(t));
    }
    return t;
  }

  private void reference(Tab from, Tab target) {
    List<Col> keys = target.keys();
    if (keys.size() == 1) {
      Col fk = column(camel(target.table.replaceFirst("^t\\d+_", "")) + "Ref", keys.get(0).kind);
      if (fk.kind == Kind.VARCHAR) {
        fk.length = keys.get(0).length;
      }
      fk.references = target;
      fk.indexed = true;
      fk.nullable = from == target || chance(40);
      from.cols.add(fk);
    } else if (from != target && from.compositeTarget == null) {
      Col a = column("refCode", Kind.VARCHAR);
      a.length = 20;
      Col b = column("refPart", Kind.INT);
      from.cols.add(a);
      from.cols.add(b);
      from.compositeTarget = target;
      from.compositeColumns = List.of(a.sql(), b.sql());
      from.indexes.add("columns = {\"" + a.sql() + "\", \"" + b.sql() + "\"}");
    }
  }

  private Col column(String java, Kind kind) {
    Col c = new Col();
    c.java = java;
    c.kind = kind;
    return c;
  }

  private Col randomColumn(Tab t) {
    Kind[] kinds = Kind.values();
    Kind kind = kinds[random.nextInt(kinds.length)];
    Col c = column(newWord(), kind);
    switch (kind) {
      case VARCHAR -> c.length = 10 + random.nextInt(200);
      case DECIMAL -> {
        c.precision = 6 + random.nextInt(10);
        c.scale = random.nextInt(4);
      }
      case ENUM, NATIVE_ENUM -> {
        c.enumName = camel("e_" + c.java);
        c.enumName = Character.toUpperCase(c.enumName.charAt(0)) + c.enumName.substring(1);
        c.constants = new ArrayList<>(List.of("RED", "GREEN", "BLUE").subList(0, 2 + random.nextInt(2)));
        if (kind == Kind.NATIVE_ENUM) {
          c.nativeName = t.table + "_" + c.sql() + "_type";
        }
      }
      default -> { }
    }
    c.nullable = chance(35);
    c.doc = chance(30) ? pick(DOCS) : null;
    if (chance(20) && (kind == Kind.VARCHAR || kind == Kind.INT || kind == Kind.LONG)) {
      c.unique = true;
    }
    if (chance(20) && kind != Kind.BYTES && kind != Kind.JSON && kind != Kind.TEXT_ARRAY && kind != Kind.TEXT) {
      c.indexed = true;
    }
    c.check = switch (kind) {
      case INT, LONG, SHORT, DECIMAL -> chance(30) ? c.sql() + " >= 0" : null;
      case TEXT, VARCHAR -> chance(30) ? "char_length(" + c.sql() + ") <= 100" : null;
      default -> null;
    };
    if (!c.nullable && chance(25)) {
      c.defaultSql = defaultFor(c);
    }
    return c;
  }

  /** A DEFAULT of the column's type, or null when the kind has none here. */
  String defaultFor(Col c) {
    return switch (c.kind) {
      case INT, LONG, SHORT -> String.valueOf(random.nextInt(50));
      case DECIMAL -> "1.5";
      case BOOL -> random.nextBoolean() ? "true" : "false";
      case TEXT, VARCHAR -> "'n/a'";
      case ENUM, NATIVE_ENUM -> "'" + c.constants.get(0) + "'";
      case INSTANT -> "now()";
      case DATE -> "CURRENT_DATE";
      case JSON -> "'{}'";
      case TEXT_ARRAY -> "'{}'";
      case UUID_ -> "gen_random_uuid()";
      case BYTES -> "'\\x00'";
    };
  }

  private String randomIndex(Tab t) {
    List<Col> plain = t.cols.stream().filter(c -> !c.key && c.references == null && (c.kind == Kind.INT
        || c.kind == Kind.LONG || c.kind == Kind.VARCHAR || c.kind == Kind.DATE || c.kind == Kind.INSTANT
        || c.kind == Kind.BOOL || c.kind == Kind.TEXT)).toList();
    Col array = t.cols.stream().filter(c -> c.kind == Kind.TEXT_ARRAY || c.kind == Kind.JSON).findFirst().orElse(null);
    Col text = t.cols.stream().filter(c -> c.kind == Kind.TEXT || c.kind == Kind.VARCHAR).findFirst().orElse(null);
    Col time = t.cols.stream().filter(c -> c.kind == Kind.INSTANT).findFirst().orElse(null);
    int choice = random.nextInt(6);
    if (choice == 0 && array != null) {
      return "columns = \"" + array.sql() + "\", method = IndexMethod.GIN";
    }
    if (choice == 1 && text != null) {
      return "expression = \"lower(" + text.sql() + ")\"";
    }
    if (choice == 2 && time != null) {
      return "columns = \"" + time.sql() + "\", method = IndexMethod.BRIN";
    }
    if (plain.isEmpty()) {
      return "columns = \"" + t.keys().get(0).sql() + " DESC\"";
    }
    Col c = plain.get(random.nextInt(plain.size()));
    if (choice == 3) {
      return "columns = \"" + c.sql() + "\", where = \"" + c.sql() + " IS NOT NULL\"";
    }
    if (choice == 4 && plain.size() > 1) {
      Col d = plain.get((plain.indexOf(c) + 1) % plain.size());
      return "columns = {\"" + c.sql() + "\", \"" + d.sql() + " DESC NULLS LAST\"}";
    }
    return "columns = \"" + c.sql() + "\"";
  }

  // ------------------------------------------------------------------ evolution

  /** The next version of {@code m}: one to three changes, each acknowledged where it destroys. */
  Model evolve(Model m) {
    Model next = copy(m);
    int changes = 1 + random.nextInt(3);
    for (int i = 0; i < changes; i++) {
      change(next);
    }
    return next;
  }

  private void change(Model m) {
    Tab t = m.tabs.get(random.nextInt(m.tabs.size()));
    List<Col> plain = t.cols.stream().filter(c -> !c.key && c.references == null
        && !t.compositeColumns.contains(c.sql())).toList();
    switch (random.nextInt(10)) {
      case 0 -> { // add a column: nullable, or NOT NULL with a default
        Col c = randomColumn(t);
        c.unique = false;
        if (!c.nullable && c.defaultSql == null) {
          c.defaultSql = defaultFor(c);
        }
        t.cols.add(c);
        m.changes.add("add column " + t.table + "." + c.sql());
      }
      case 1 -> { // drop a column, acknowledged
        if (!plain.isEmpty()) {
          Col c = plain.get(random.nextInt(plain.size()));
          t.cols.remove(c);
          t.indexes.removeIf(i -> i.contains("\"" + c.sql()) || i.contains("(" + c.sql() + ")"));
          // acknowledged on the table's name in the new version and the column's in the old one
          String column = c.renamedFrom != null ? c.renamedFrom : c.sql();
          m.drops.add("@Drop(table = \"" + t.table + "\", column = \"" + column + "\")");
          m.changes.add("drop column " + t.table + "." + column);
        }
      }
      case 2 -> { // rename a column
        if (!plain.isEmpty()) {
          Col c = plain.get(random.nextInt(plain.size()));
          String old = c.sql();
          c.java = newWord();
          if (c.renamedFrom == null) { // renamed twice in one version: still renamed from its name in the old one
            c.renamedFrom = old;
          }
          // whole words only: renaming eta must leave beta alone (found with seed 5: "btheta IS NOT NULL")
          String word = "\\b" + java.util.regex.Pattern.quote(old) + "\\b";
          if (c.check != null) {
            c.check = c.check.replaceAll(word, c.sql());
          }
          t.indexes.replaceAll(i -> i.replaceAll(word, c.sql()));
          m.changes.add("rename column " + t.table + "." + old + " to " + c.sql());
        }
      }
      case 3 -> { // rename the table
        String old = t.table;
        t.table = old + "_r";
        if (t.renamedFrom == null) {
          t.renamedFrom = old;
        }
        m.drops.replaceAll(d -> d.replace("@Drop(table = \"" + old + "\", ", "@Drop(table = \"" + t.table + "\", "));
        m.changes.add("rename table " + old + " to " + t.table);
      }
      case 4 -> { // an index more, or one less
        if (!t.indexes.isEmpty() && random.nextBoolean()) {
          m.changes.add("drop index " + t.indexes.remove(random.nextInt(t.indexes.size())));
        } else {
          String index = randomIndex(t);
          if (!t.indexes.contains(index)) {
            t.indexes.add(index);
            m.changes.add("add index " + index);
          }
        }
      }
      case 5 -> { // nullability: NOT NULL to nullable, or back (the rows here always hold a value)
        if (!plain.isEmpty()) {
          Col c = plain.get(random.nextInt(plain.size()));
          c.nullable = !c.nullable;
          if (!c.nullable && c.defaultSql == null) {
            c.defaultSql = defaultFor(c);
          }
          m.changes.add((c.nullable ? "drop not null " : "set not null ") + t.table + "." + c.sql());
        }
      }
      case 6 -> { // widen a varchar
        plain.stream().filter(c -> c.kind == Kind.VARCHAR).findFirst().ifPresent(c -> {
          c.length += 50;
          m.changes.add("widen " + t.table + "." + c.sql() + " to varchar(" + c.length + ")");
        });
      }
      case 7 -> { // an enum value more
        plain.stream().filter(c -> c.kind == Kind.ENUM || c.kind == Kind.NATIVE_ENUM).findFirst().ifPresent(c -> {
          List<String> values = new ArrayList<>(c.constants);
          values.add("EXTRA" + values.size());
          c.constants = values;
          if (random.nextBoolean()) {
            c.defaultSql = "'" + values.get(values.size() - 1) + "'"; // the new value used in the same version
          }
          m.changes.add("add enum value to " + t.table + "." + c.sql());
        });
      }
      case 8 -> { // a table more
        Tab added = table(m, m.tabs.size() + 50); // never the name of a table this evolution dropped
        m.tabs.add(added);
        m.changes.add("add table " + added.table);
      }
      default -> { // drop a table, acknowledged; the keys that referenced it go, their columns stay
        Tab last = m.tabs.get(m.tabs.size() - 1);
        if (m.tabs.size() > 1) {
          for (Tab o : m.tabs) {
            if (o != last) {
              o.cols.stream().filter(c -> c.references == last).forEach(c -> c.references = null);
              if (o.compositeTarget == last) {
                o.compositeTarget = null;
                o.compositeColumns = List.of();
              }
            }
          }
          m.tabs.remove(last);
          String dropped = last.renamedFrom != null ? last.renamedFrom : last.table; // its name in the old version
          m.drops.removeIf(d -> d.startsWith("@Drop(table = \"" + last.table + "\", ")); // its columns go with it
          m.drops.add("@Drop(table = \"" + dropped + "\")");
          m.changes.add("drop table " + dropped);
        }
      }
    }
  }

  /** A deep copy, references kept pointing into the copy; renames and drops of the copy cleared. */
  static Model copy(Model m) {
    Model out = new Model();
    Map<Tab, Tab> copies = new LinkedHashMap<>();
    for (Tab t : m.tabs) {
      Tab c = new Tab();
      c.record = t.record;
      c.table = t.table;
      c.doc = t.doc;
      c.softDelete = t.softDelete;
      c.indexes.addAll(t.indexes);
      c.compositeColumns = t.compositeColumns;
      copies.put(t, c);
      out.tabs.add(c);
    }
    for (Tab t : m.tabs) {
      Tab c = copies.get(t);
      c.compositeTarget = t.compositeTarget == null ? null : copies.get(t.compositeTarget);
      for (Col col : t.cols) {
        Col k = col.copy();
        k.references = col.references == null ? null : copies.get(col.references);
        c.cols.add(k);
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ sources

  /** The Java sources of {@code m} as version {@code version}: a package-info and one record per table. */
  static Map<String, String> sources(Model m, int version) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("package-info", "@Schema(version = " + version + (m.drops.isEmpty() ? "" : ", drops = {"
        + String.join(", ", m.drops) + "}") + ")\npackage " + PACKAGE + ";\n\nimport dev.schemac.annotations.*;\n");
    for (Tab t : m.tabs) {
      out.put(t.record, record(t));
    }
    return out;
  }

  static String record(Tab t) {
    StringBuilder s = new StringBuilder();
    List<String> params = new ArrayList<>();
    for (Col c : t.cols) {
      if (c.doc != null) {
        params.add(" * @param " + c.java + " " + doc(c.doc));
      }
    }
    if (t.doc != null || !params.isEmpty()) {
      s.append("/**\n * ").append(t.doc == null ? "" : doc(t.doc)).append("\n");
      params.forEach(p -> s.append(p).append("\n"));
      s.append(" */\n");
    }
    s.append("@Table(name = \"").append(javaString(t.table)).append("\")\n");
    if (t.renamedFrom != null) {
      s.append("@RenamedFrom(\"").append(t.renamedFrom).append("\")\n");
    }
    if (t.softDelete) {
      s.append("@SoftDelete\n");
    }
    for (String index : t.indexes) {
      s.append("@Index(").append(index).append(")\n");
    }
    if (t.compositeTarget != null) {
      s.append("@References(value = ").append(t.compositeTarget.record).append(".class, columns = {\"")
          .append(String.join("\", \"", t.compositeColumns)).append("\"})\n");
    }
    s.append("public record ").append(t.record).append("(\n");
    List<String> components = new ArrayList<>();
    for (Col c : t.cols) {
      components.add("    " + component(c));
    }
    s.append(String.join(",\n", components)).append(") {\n");
    for (Col c : t.cols) {
      if (c.kind == Kind.ENUM || c.kind == Kind.NATIVE_ENUM) {
        s.append("  public enum ").append(c.enumName).append(" { ").append(String.join(", ", c.constants)).append(" }\n");
      }
    }
    return s.append("}\n").toString();
  }

  private static String component(Col c) {
    List<String> a = new ArrayList<>();
    if (c.key) {
      a.add(c.identity ? "@Id(generated = Id.Generated.IDENTITY)" : "@Id");
    }
    if (c.references != null) {
      a.add("@References(" + c.references.record + ".class)");
    }
    if (c.indexed) {
      a.add("@Indexed");
    }
    if (c.unique) {
      a.add("@Unique");
    }
    if (c.kind == Kind.VARCHAR) {
      a.add("@Column(length = " + c.length + ")");
    }
    if (c.kind == Kind.DECIMAL) {
      a.add("@Column(precision = " + c.precision + ", scale = " + c.scale + ")");
    }
    if (c.kind == Kind.JSON) {
      a.add("@Json");
    }
    if (c.kind == Kind.NATIVE_ENUM) {
      a.add("@NativeEnum(name = \"" + c.nativeName + "\")");
    }
    if (c.check != null) {
      a.add("@Check(\"" + javaString(c.check) + "\")");
    }
    if (c.defaultSql != null) {
      a.add("@Default(\"" + javaString(c.defaultSql) + "\")");
    }
    if (c.renamedFrom != null) {
      a.add("@RenamedFrom(\"" + c.renamedFrom + "\")");
    }
    String type = c.kind == Kind.ENUM || c.kind == Kind.NATIVE_ENUM ? c.enumName
        : c.nullable ? c.kind.boxed : c.kind.primitive;
    if (c.nullable) {
      type = type.equals("byte[]") ? "byte @Nullable []" : "@Nullable " + type;
    }
    return (a.isEmpty() ? "" : String.join(" ", a) + " ") + type + " " + c.java;
  }

  /** {@code text} as the inside of a Java string literal (control characters as octal escapes). */
  static String javaString(String text) {
    StringBuilder out = new StringBuilder();
    for (char ch : text.toCharArray()) {
      switch (ch) {
        case '\\' -> out.append("\\\\");
        case '"' -> out.append("\\\"");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> {
          if (ch < 0x20 || ch == 0x7f) {
            out.append(String.format(Locale.ROOT, "\\%03o", (int) ch));
          } else {
            out.append(ch);
          }
        }
      }
    }
    return out.toString();
  }

  /** {@code text} in a doc comment: {@code *}{@code /} would end it; control characters as unicode escapes. */
  static String doc(String text) {
    StringBuilder out = new StringBuilder();
    for (char ch : text.replace("*/", "* /").toCharArray()) {
      out.append(ch < 0x20 || ch == 0x7f ? String.format(Locale.ROOT, "\\u%04x", (int) ch) : String.valueOf(ch));
    }
    return out.toString();
  }

  // ------------------------------------------------------------------ rows

  /** INSERT statements of {@code rows} rows per table, in dependency order, satisfying every constraint. */
  List<String> rows(Model m, int rows, int salt) {
    List<String> out = new ArrayList<>();
    Map<Tab, List<List<String>>> keys = new LinkedHashMap<>();
    for (Tab t : order(m)) {
      List<List<String>> tableKeys = new ArrayList<>();
      for (int r = 0; r < rows; r++) {
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        List<String> key = new ArrayList<>();
        for (Col c : t.cols) {
          String value;
          if (c.references != null) {
            List<List<String>> target = c.references == t ? null : keys.get(c.references);
            // a self reference is always nullable here
            value = target == null || target.isEmpty() ? "NULL" : target.get(r % target.size()).get(0);
          } else if (t.compositeColumns.contains(c.sql())) {
            List<List<String>> target = keys.get(t.compositeTarget);
            value = target == null || target.isEmpty() ? "NULL"
                : target.get(r % target.size()).get(t.compositeColumns.indexOf(c.sql()));
          } else {
            value = value(c, r, salt);
          }
          names.add("\"" + c.sql() + "\"");
          values.add(value);
          if (c.key) {
            key.add(value);
          }
        }
        out.add("INSERT INTO " + t.table + " (" + String.join(", ", names) + ") VALUES (" + String.join(", ", values)
            + ")");
        tableKeys.add(key);
      }
      keys.put(t, tableKeys);
    }
    return out;
  }

  /** Tables before the tables that reference them. */
  static List<Tab> order(Model m) {
    List<Tab> out = new ArrayList<>();
    while (out.size() < m.tabs.size()) {
      for (Tab t : m.tabs) {
        if (!out.contains(t) && t.cols.stream().allMatch(c -> c.references == null || c.references == t
            || out.contains(c.references) || !m.tabs.contains(c.references))
            && (t.compositeTarget == null || out.contains(t.compositeTarget))) {
          out.add(t);
        }
      }
    }
    return out;
  }

  private String value(Col c, int row, int salt) {
    int n = row + 7 * salt;
    return switch (c.kind) {
      case UUID_ -> "'" + new UUID(random.nextLong(), random.nextLong()) + "'";
      case LONG, INT, SHORT -> String.valueOf(c.key ? 1000 * salt + row + 1 : n + 1);
      case BOOL -> row % 2 == 0 ? "true" : "false";
      case TEXT -> "'text " + n + " it''s'";
      case VARCHAR -> "'v" + n + "'";
      case DECIMAL -> "1." + (n % 10);
      case INSTANT -> "'2024-01-0" + (1 + n % 9) + "T10:00:00Z'";
      case DATE -> "'2024-02-0" + (1 + n % 9) + "'";
      case BYTES -> "'\\x0102'";
      case ENUM, NATIVE_ENUM -> "'" + c.constants.get(n % c.constants.size()) + "'";
      case TEXT_ARRAY -> "'{a,b}'";
      case JSON -> "'{\"k\": " + n + "}'";
    };
  }
}
