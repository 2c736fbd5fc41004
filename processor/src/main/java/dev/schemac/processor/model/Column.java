package dev.schemac.processor.model;

import java.util.List;

/**
 * One column. {@code defaultValue}, {@code comment} and {@code renamedFrom} may be null; {@code
 * javaName} is the component (or field) name it came from and {@code javaType} its type as
 * written ({@code java.util.UUID}, {@code com.example.Status}), both null for a column schemac
 * added. {@code suppressions} are the {@code schemac} ids silenced on the component. {@code
 * generated}, when not null, is the expression a stored generated column is computed from ({@code
 * GENERATED ALWAYS AS (expression) STORED}): the user's SQL, for the target it is written for; the
 * application never writes such a column, and it has no default and no identity.
 */
public record Column(
    String name,
    String javaName,
    String javaType,
    LogicalType type,
    boolean nullable,
    ColumnDefault defaultValue,
    Identity identity,
    List<Marker> markers,
    String comment,
    String renamedFrom,
    List<String> suppressions,
    Origin origin,
    RawSql generated) {

  public Column {
    markers = List.copyOf(markers);
    suppressions = List.copyOf(suppressions);
  }

  /** A column the application writes (not generated). */
  public Column(String name, String javaName, String javaType, LogicalType type, boolean nullable,
      ColumnDefault defaultValue, Identity identity, List<Marker> markers, String comment, String renamedFrom,
      List<String> suppressions, Origin origin) {
    this(name, javaName, javaType, type, nullable, defaultValue, identity, markers, comment, renamedFrom, suppressions,
        origin, null);
  }

  /** The same column with another type. */
  public Column withType(LogicalType newType) {
    return new Column(name, javaName, javaType, newType, nullable, defaultValue, identity, markers, comment, renamedFrom,
        suppressions, origin, generated);
  }

  /** A stored generated column: computed from its row by {@link #generated()}. */
  public boolean isGenerated() {
    return generated != null;
  }

  public boolean has(Marker marker) {
    return markers.contains(marker);
  }

  /** Identity generation of a numeric key. */
  public enum Identity {
    NONE,
    BY_DEFAULT,
    ALWAYS
  }

  /** What the user declared about a column beyond its type: facts rules and renderers use. */
  public enum Marker {
    CREATED_AT,
    UPDATED_AT,
    SOFT_DELETE,
    HASHED,
    ENCRYPTED,
    JSON,
    /** An enum stored as its ordinal number. */
    ENUM_ORDINAL
  }
}
