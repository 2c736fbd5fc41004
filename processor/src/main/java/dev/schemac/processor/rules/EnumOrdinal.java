package dev.schemac.processor.rules;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An enum stored by its ordinal number: the reader marks an enum component given an integer
 * SQL type ({@code @Column(type = "smallint")}), and a JPA {@code @Enumerated(ORDINAL)}.
 */
public final class EnumOrdinal extends SchemaRule {
  private static final Pattern PACKAGE_PREFIX = Pattern.compile("\\b[a-z][a-z0-9_]*\\.");
  public EnumOrdinal() {
    super("enum-ordinal", Level.ERROR, "An enum stored by its ordinal.");
  }

  @Override
  public List<Finding> check(Schema schema, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Table table : schema.tables()) {
      for (Column column : table.columns()) {
        if (!column.has(Column.Marker.ENUM_ORDINAL)) {
          continue;
        }
        String enumName = column.javaType() == null ? "enum" : "enum " + simple(column.javaType());
        String message = table.name() + "." + column.name() + " stores the " + enumName + " by its ordinal ("
            + context.typeName(column.type()) + "): adding a constant anywhere but at the end, reordering or removing one"
            + " silently remaps every row already stored to another constant, and the database can neither check"
            + " the values nor show them: queries, reports and dumps see 0, 1, 2.";
        String fix = column.type().kind() == LogicalType.Kind.RAW
            ? "remove " + Fixes.columnType(table, column.type().rawSql()) + " so the enum is stored by name (text + CHECK),"
                + " or use @NativeEnum"
            : "store the enum by name: @Enumerated(EnumType.STRING) (text + CHECK)";
        findings.add(on(table, column, message, fix));
      }
    }
    return findings;
  }

  private static String simple(String javaType) {
    return PACKAGE_PREFIX.matcher(javaType).replaceAll("");
  }
}
