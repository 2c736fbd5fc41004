package dev.schemac.processor.model;

import java.util.List;

/**
 * A sequence ({@code CREATE SEQUENCE}), as JPA's {@code @SequenceGenerator} declares one for
 * keys the application draws from it: Hibernate's pooled optimizer calls {@code nextval} itself
 * and hands out {@code increment} ids per call, so no column has a DEFAULT that uses it.
 * {@code schema} is null for the default schema (the first of the {@code search_path}); both
 * names are valid identifiers ({@link Identifiers#isValid}), or construction fails: a reader
 * reports a bad name on its element first. {@code sourceType} is the type that declares it (null
 * when unknown), {@code suppressions} the {@code schemac} ids silenced where it is declared.
 * {@code writtenName} is the name with the capitals its source writes, as {@link
 * Table#writtenName()} (MariaDB keeps a sequence's name as a table's).
 */
public record Sequence(
    String schema,
    String name,
    long start,
    long increment,
    String sourceType,
    List<String> suppressions,
    Origin origin,
    String writtenName) {

  public Sequence {
    Identifiers.requireValid(schema == null ? "" : schema, schema != null, "schema name");
    Identifiers.requireValid(name, true, "sequence name");
    writtenName = Identifiers.requireSpelling(writtenName, name, "sequence name");
    suppressions = List.copyOf(suppressions);
  }

  /** A sequence whose name is written as the model names it. */
  public Sequence(String schema, String name, long start, long increment, String sourceType, List<String> suppressions,
      Origin origin) {
    this(schema, name, start, increment, sourceType, suppressions, origin, name);
  }

  /** This sequence with its name written {@code spelling} (see {@link Table#writtenName()}); null: as named. */
  public Sequence withWrittenName(String spelling) {
    return new Sequence(schema, name, start, increment, sourceType, suppressions, origin, spelling);
  }

  public Sequence(String schema, String name, long start, long increment, Origin origin) {
    this(schema, name, start, increment, null, List.of(), origin);
  }

  /** {@code schema.name}, or {@code name} in the default schema: how the model identifies it. */
  public String qualifiedName() {
    return Identifiers.qualified(schema, name);
  }
}
