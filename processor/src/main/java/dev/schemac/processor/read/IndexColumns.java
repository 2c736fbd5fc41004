package dev.schemac.processor.read;

import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.RawSql;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of an index's column list, as schemac's {@code @Index(columns)} and JPA's {@code
 * @Index(columnList)} write it: a column name, optionally ASC or DESC, optionally NULLS FIRST or
 * NULLS LAST.
 */
final class IndexColumns {
  private static final Pattern INDEX_COLUMN =
      Pattern.compile("(?i)\\s*([A-Za-z_][A-Za-z0-9_]*)(\\s+(ASC|DESC))?(\\s+NULLS\\s+(FIRST|LAST))?\\s*");

  /** An entry read: the column as written (to resolve in its table), its direction and its NULLs' place. */
  record Key(String written, boolean desc, Index.Nulls nulls) {
    Index.Element element(String column, RawSql opclass) {
      return new Index.Element(column, null, opclass, desc, nulls);
    }
  }

  private IndexColumns() {}

  /** The entry read, or null when it is not a column with optional ordering. */
  static Key parse(String entry) {
    Matcher m = INDEX_COLUMN.matcher(entry);
    if (!m.matches()) {
      return null;
    }
    boolean desc = m.group(3) != null && m.group(3).equalsIgnoreCase("DESC");
    Index.Nulls nulls = m.group(5) == null ? Index.Nulls.DEFAULT
        : Index.Nulls.valueOf(m.group(5).toUpperCase(Locale.ROOT));
    return new Key(m.group(1), desc, nulls);
  }
}
