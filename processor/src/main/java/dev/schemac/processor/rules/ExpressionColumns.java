package dev.schemac.processor.rules;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The column names an SQL expression the user wrote mentions, as the engine reads it: unquoted
 * names folded as the engine folds them, quoted ones as written. Empty when the expression cannot
 * be read exactly (the engine still checks it when the DDL runs; the engine check does at build
 * time). The reading belongs to the engine's target, found as a {@link Reader} service, so that
 * no rule parses SQL of its own (and none reads {@code U&'\0041'} as a column {@code u}).
 */
public final class ExpressionColumns {
  private ExpressionColumns() {}

  /** Reads the columns of an expression, exactly as its engine does, or not at all. */
  public interface Reader {
    /** The columns {@code sql} names, in order of first mention, each once; empty when it cannot be read exactly. */
    Optional<List<String>> columns(String sql);
  }

  private static final Reader READER = ServiceLoader.load(Reader.class, Reader.class.getClassLoader())
      .findFirst().orElse(sql -> Optional.empty());

  public static Optional<List<String>> of(String sql) {
    return READER.columns(sql);
  }
}
