package dev.schemac.processor.read;

import java.util.Locale;

/**
 * How the logical names of a JPA entity (the entity name, a field name, a name written in
 * {@code @Table} or {@code @Column}) become the table and column names in PostgreSQL. Chosen with
 * {@code -Aschemac.naming}; documented in docs/jpa.md.
 */
public enum EntityNaming {
  /**
   * The Jakarta Persistence default: the name as it is. Hibernate writes it unquoted, so
   * PostgreSQL folds it to lowercase ({@code OrderLine} -> {@code orderline}); schemac writes the
   * folded name.
   */
  JPA,
  /**
   * Spring Boot's {@code CamelCaseToUnderscoresNamingStrategy}: an underscore between a lowercase
   * letter or digit and an uppercase letter followed by a lowercase letter or digit, dots become
   * underscores, then lowercase ({@code OrderLine} -> {@code order_line}). No pluralization.
   */
  SPRING;

  /** The processor option that selects the naming. */
  public static final String OPTION = "schemac.naming";

  /** {@code jpa} or {@code spring} (any case); null for anything else. */
  public static EntityNaming parse(String value) {
    if (value == null || value.isBlank()) {
      return JPA;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "jpa" -> JPA;
      case "spring" -> SPRING;
      default -> null;
    };
  }

  /**
   * The physical name of a logical one as Hibernate writes it, before any engine folds it: the
   * logical name itself under {@link #JPA} ({@code Account}, which PostgreSQL folds to {@code
   * account} and MariaDB on Linux keeps), {@link #physical} under {@link #SPRING} (already lower
   * case).
   */
  public String written(String logical) {
    return this == JPA ? logical : physical(logical);
  }

  /** The physical name of a logical one. */
  public String physical(String logical) {
    if (this == JPA) {
      return logical.toLowerCase(Locale.ROOT);
    }
    StringBuilder out = new StringBuilder(logical.replace('.', '_'));
    for (int i = 1; i < out.length() - 1; i++) {
      char before = out.charAt(i - 1);
      char current = out.charAt(i);
      char after = out.charAt(i + 1);
      if ((Character.isLowerCase(before) || Character.isDigit(before)) && Character.isUpperCase(current)
          && (Character.isLowerCase(after) || Character.isDigit(after))) {
        out.insert(i++, '_');
      }
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }
}
