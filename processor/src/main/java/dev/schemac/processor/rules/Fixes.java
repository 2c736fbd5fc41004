package dev.schemac.processor.rules;

import dev.schemac.processor.model.Table;
import java.util.List;

/**
 * How a fix is spelled for the table's source: a schemac record takes schemac's annotations, a
 * JPA entity the persistence annotations it is read from (docs/jpa.md), so that every fix a
 * rule prints can be pasted where the finding points.
 */
public final class Fixes {
  private Fixes() {}

  /** "the record" or "the entity". */
  public static String source(Table table) {
    return switch (table.source()) {
      case RECORD -> "the record";
      case ENTITY -> "the entity";
      case JOIN_TABLE, COLLECTION_TABLE -> "the collection attribute";
    };
  }

  /** The annotation element that spells an SQL type: {@code @Column(type = "...")} or JPA's columnDefinition. */
  public static String columnType(Table table, String sqlType) {
    return table.entity() ? "@Column(columnDefinition = \"" + sqlType + "\")" : "@Column(type = \"" + sqlType + "\")";
  }

  /** A table-level index over {@code columns}. */
  public static String index(Table table, List<String> columns) {
    if (table.collection()) {
      return (table.source() == Table.Source.JOIN_TABLE ? "@JoinTable" : "@CollectionTable") + "(indexes = @Index("
          + "columnList = \"" + String.join(", ", columns) + "\"))";
    }
    if (table.entity()) {
      return "@Table(indexes = @Index(columnList = \"" + String.join(", ", columns) + "\"))";
    }
    return columns.size() == 1 ? "@Index(columns = \"" + columns.get(0) + "\")"
        : "@Index(columns = {" + String.join(", ", columns.stream().map(c -> "\"" + c + "\"").toList()) + "})";
  }

  /** How to give a table a primary key. */
  public static String primaryKey(Table table) {
    return switch (table.source()) {
      case RECORD -> "mark the identifying component with @Id, e.g. `@Id UUID id`, or several components for a composite key";
      case ENTITY -> "mark the identifying attribute with @Id (or use @EmbeddedId)";
      case JOIN_TABLE, COLLECTION_TABLE -> "declare the collection a Set (a row per distinct element, the key over all"
          + " its columns, which must be NOT NULL: for an embeddable element, @Column(nullable = false) on each of"
          + " its attributes) or give it @OrderColumn (the key is owner and position); a List or Collection without"
          + " one is a bag, which has no key in JPA";
    };
  }

  /**
   * How to make a column of ids a foreign key to {@code record}'s table: schemac's
   * {@code @References} on a record; on an entity, the relationship JPA would map (schemac's
   * {@code @References} works there too); in a collection's table, a collection of entities
   * instead of their ids, or the owner's foreign key that {@code NO_CONSTRAINT} left out.
   */
  public static String reference(Table table, String column, String record, String attribute, boolean indexed) {
    String references = "`@References(" + record + ".class)` to " + attribute + (indexed ? "" : " (and @Indexed)");
    return switch (table.source()) {
      case RECORD -> "add " + references;
      case ENTITY -> "map the relationship, `@ManyToOne @JoinColumn(name = \"" + column + "\") " + record + " "
          + Character.toLowerCase(record.charAt(0)) + record.substring(1) + "` instead of the id, or keep the id"
          + " and add schemac's " + references;
      case JOIN_TABLE, COLLECTION_TABLE -> "map the collection's elements as " + record + " entities (`@ManyToMany`),"
          + " so that its join table references them; if it is the owner's column, remove"
          + " `foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT)`";
    };
  }

  /** How to make one column NOT NULL. */
  public static String notNull(Table table) {
    return table.entity() ? "@Column(nullable = false), or optional = false on a @ManyToOne/@OneToOne"
        : "remove @Nullable";
  }
}
