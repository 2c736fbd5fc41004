package dev.schemac.processor.targets.postgresql;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.rules.CustomTypes;
import dev.schemac.processor.rules.Finding;
import dev.schemac.processor.rules.Fixes;
import dev.schemac.processor.rules.Level;
import dev.schemac.processor.rules.RuleContext;
import dev.schemac.processor.rules.SchemaRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column declared {@code char(n)}, {@code character(n)} or {@code bpchar} (blank-padded), not
 * {@code character varying}.
 */
public final class FixedCharType extends SchemaRule {
  /** The spellings of blank-padded character, without size; {@code character varying} is not one. */
  private static final Set<String> FIXED =
      Set.of("char", "character", "bpchar", "nchar", "national char", "national character");
  private static final Pattern LENGTH = Pattern.compile("\\(\\s*(\\d+)\\s*\\)");
  /** The Java types of one character, which char(1) stores exactly. */
  private static final Set<String> ONE_CHARACTER = Set.of("char", "java.lang.Character");

  public FixedCharType() {
    super("fixed-char-type", Level.WARNING, "char(n), which pads with spaces.", java.util.Set.of(PostgresTarget.ID));
  }

  @Override
  public List<Finding> check(Schema schema, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Table table : schema.tables()) {
      for (Column column : table.columns()) {
        boolean hibernate = column.type().kind() == LogicalType.Kind.FIXED_STRING;
        if (!hibernate && !FIXED.contains(CustomTypes.baseName(column.type()))) {
          continue;
        }
        Matcher m = hibernate ? null : LENGTH.matcher(column.type().rawSql());
        String n = hibernate ? String.valueOf(column.type().length()) : m.find() ? m.group(1) : "n";
        if (n.equals("1") && (column.javaType() == null || ONE_CHARACTER.contains(column.javaType()))) {
          continue; // a Java char, or a one-letter code schemac writes itself: one character is never padded
        }
        String message = table.name() + "." + column.name() + " is " + context.typeName(column.type()) + ", which pads"
            + " every value with spaces to its full length: the padding is ignored when comparing with =, but not by"
            + " LIKE or regular expressions, and the application reads every value back padded ('ab' stored in a"
            + " char(4) comes back as 'ab  '); and in PostgreSQL char(n) is no faster than varchar(n).";
        String fix = "@Column(length = " + n + ") String " + (column.javaName() == null ? column.name() : column.javaName())
            + " (varchar(" + n + ")), with @Check(\"char_length(" + column.name() + ") = " + n
            + "\") if the length is fixed";
        findings.add(on(table, column, message, fix));
      }
    }
    return findings;
  }
}
