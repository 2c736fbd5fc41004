package dev.schemac.processor;

import dev.schemac.processor.migrate.Snapshot;
import dev.schemac.processor.migrate.SnapshotJson;
import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Table;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * An IDE or an incremental build may recompile only some records. The tables of the latest
 * snapshot whose records still exist, but are not in this compilation, are read back from their
 * class files. A class file has lost what javac keeps only in source: doc comments,
 * {@code @SuppressWarnings} and (on JDK 17) TYPE_USE annotations such as JSpecify's
 * {@code @Nullable}. Those come from the snapshot, which the last full read of that record
 * wrote, and no findings are reported on such a table: it was checked when it was compiled.
 */
final class IncrementalBuild {
  private static final Pattern SNAPSHOT = Pattern.compile("v(\\d+)\\.json");
  /** A schemac record, or a JPA entity (its annotations are kept in the class file too). */
  private static final Set<String> READ_FROM = Set.of("dev.schemac.annotations.Table", "jakarta.persistence.Entity",
      "javax.persistence.Entity");

  private final Latest latest;
  private final List<TypeElement> classFileTypes;

  private IncrementalBuild(Latest latest, List<TypeElement> classFileTypes) {
    this.latest = latest;
    this.classFileTypes = List.copyOf(classFileTypes);
  }

  /**
   * The latest snapshot under {@code schemac.dir}: the source type of each of its tables, which
   * every build needs to tell whether it is incremental, read without building the model; the
   * model only when some of those types come from class files.
   */
  static final class Latest {
    private final Path file;
    private final List<String> sources;
    private Snapshot snapshot;

    private Latest(Path file, List<String> sources) {
      this.file = file;
      this.sources = List.copyOf(sources);
    }

    /** The whole snapshot, parsed on first use; null when it cannot be read. */
    Snapshot snapshot() {
      if (snapshot == null) {
        try {
          snapshot = SnapshotJson.read(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
          return null; // the versioned build reports an unreadable snapshot itself
        }
      }
      return snapshot;
    }
  }

  /** {@code latest}: the latest snapshot under {@code schemac.dir} ({@link #latest(Path)}), or null. */
  static IncrementalBuild find(Elements elements, Latest latest, Set<String> compiled) {
    List<TypeElement> found = new ArrayList<>();
    if (latest != null) {
      for (String source : latest.sources) {
        if (compiled.contains(source)) {
          continue;
        }
        TypeElement type = elements.getTypeElement(source);
        if (type != null && type.getAnnotationMirrors().stream()
            .map(m -> ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().toString())
            .anyMatch(READ_FROM::contains) && !found.contains(type)) {
          found.add(type); // once: an entity's join and collection tables name it too
        }
      }
    }
    return new IncrementalBuild(latest, found);
  }

  List<TypeElement> classFileTypes() {
    return classFileTypes;
  }

  /**
   * The qualified names of the tables read from class files, in {@code schema}, and of the
   * sequences those types declare: findings on them are not reported again.
   */
  Set<String> classFileTables(Schema schema) {
    Set<String> sources = new TreeSet<>();
    classFileTypes.forEach(t -> sources.add(t.getQualifiedName().toString()));
    Set<String> tables = new TreeSet<>();
    schema.tables().stream().filter(t -> sources.contains(t.sourceType())).forEach(t -> tables.add(t.qualifiedName()));
    schema.sequences().stream().filter(s -> s.sourceType() != null && sources.contains(s.sourceType()))
        .forEach(s -> tables.add(s.qualifiedName()));
    return tables;
  }

  /**
   * The nullable columns of the class-file tables, by source type, from the snapshot: what the
   * reader needs on JDK 17 to see JSpecify's {@code @Nullable} on a record read from its class file.
   */
  Map<String, Set<String>> classFileNullability() {
    Snapshot snapshot = classFileTypes.isEmpty() ? null : latest.snapshot();
    if (snapshot == null) {
      return Map.of();
    }
    Set<String> sources = new TreeSet<>();
    classFileTypes.forEach(t -> sources.add(t.getQualifiedName().toString()));
    Map<String, Set<String>> nullable = new TreeMap<>();
    for (Table t : snapshot.schema().tables()) {
      if (t.sourceType() != null && sources.contains(t.sourceType())) {
        t.columns().stream().filter(Column::nullable)
            .forEach(c -> nullable.computeIfAbsent(t.sourceType(), k -> new TreeSet<>()).add(c.name()));
      }
    }
    return nullable;
  }

  /** The schema with comments and nullability of class-file tables taken from the snapshot. */
  Schema restore(Schema schema) {
    Snapshot snapshot = classFileTypes.isEmpty() ? null : latest.snapshot();
    if (snapshot == null) {
      return schema;
    }
    Set<String> fromClassFiles = classFileTables(schema);
    List<Table> tables = new ArrayList<>();
    for (Table t : schema.tables()) {
      Table known = fromClassFiles.contains(t.qualifiedName())
          ? snapshot.schema().table(t.qualifiedName()).orElse(null) : null;
      if (known == null) {
        tables.add(t);
        continue;
      }
      List<Column> columns = new ArrayList<>();
      for (Column c : t.columns()) {
        Column k = known.column(c.name()).orElse(null);
        columns.add(k == null ? c : new Column(c.name(), c.javaName(), c.javaType(), c.type(), k.nullable(),
            c.defaultValue(), c.identity(), c.markers(), k.comment(), c.renamedFrom(), c.suppressions(), c.origin(),
            c.generated()));
      }
      tables.add(t.withColumns(columns).withComment(known.comment()));
    }
    return new Schema(tables, schema.enumTypes(), schema.sequences(), schema.sourceTypes());
  }

  /** The snapshot of the highest version under {@code dir/snapshots}, or null (none, no folder, unreadable). */
  static Latest latest(Path dir) {
    if (dir == null || !Files.isDirectory(dir.resolve("snapshots"))) {
      return null;
    }
    Path best = null;
    int bestVersion = -1;
    try (Stream<Path> files = Files.list(dir.resolve("snapshots"))) {
      for (Path f : files.toList()) {
        Matcher m = SNAPSHOT.matcher(f.getFileName().toString());
        if (m.matches() && Integer.parseInt(m.group(1)) > bestVersion) {
          bestVersion = Integer.parseInt(m.group(1));
          best = f;
        }
      }
      return best == null ? null : new Latest(best, SnapshotJson.readSources(Files.readString(best, StandardCharsets.UTF_8)));
    } catch (IOException | IllegalArgumentException e) {
      return null; // the versioned build reports an unreadable snapshot itself
    }
  }
}
