package dev.schemac.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A stored generated column: the database computes the value from the other columns of its row,
 * on every insert and update, and the application never writes it. The SQL expression is written
 * for the first target of the build, as {@link Check} and {@link Default} are; each SQL target
 * writes it in its own clause ({@code GENERATED ALWAYS AS (expression) STORED} on PostgreSQL and
 * SQLite, {@code AS (expression) STORED} on MariaDB and MySQL). MongoDB has no generated fields:
 * with target {@code mongodb} a generated column is a compile error.
 *
 * <pre>{@code
 * @Table
 * public record OrderLine(
 *     @Id long id,
 *     int quantity,
 *     @Column(precision = 12, scale = 2) BigDecimal unitPrice,
 *     @GeneratedColumn("quantity * unit_price") @Column(precision = 14, scale = 2) BigDecimal total) {}
 * }</pre>
 *
 * <p>The expression names columns (snake_case), not components. A generated column cannot have a
 * {@link Default}, be an {@link Id} or be written by {@link CreatedAt}/{@link UpdatedAt}. On a JPA
 * entity, Hibernate's {@code @org.hibernate.annotations.GeneratedColumn} says the same and is read
 * too; schemac's is for records, whose authors have no Hibernate on the class path.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD})
public @interface GeneratedColumn {
  /** The SQL expression the column is computed from, over columns of the same row. */
  String value();
}
