package dev.schemac.processor.targets.mysqlfamily;

import dev.schemac.processor.model.TargetFacts;
import dev.schemac.processor.rules.AbstractMigrationRule;
import dev.schemac.processor.rules.Finding;
import dev.schemac.processor.rules.Level;
import dev.schemac.processor.rules.MigrationContext;
import dev.schemac.processor.targets.mariadb.MariaDbTarget;
import dev.schemac.processor.targets.mysql.MySqlTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A statement of a MariaDB or MySQL migration that copies a table with rows ({@code
 * ALGORITHM=COPY, LOCK=SHARED}), or rebuilds it in place where InnoDB cannot do so online ({@code
 * ALGORITHM=INPLACE, LOCK=SHARED}): writes wait until it is done. The migration renderer
 * decides which statements copy ({@link MySqlFamilyMigrationRenderer#copies}); this rule reports
 * each one on the element it is for, once per element when both targets copy.
 */
public final class TableCopy extends AbstractMigrationRule {
  public static final String ID = "table-copy";

  /** The one instance both targets register (the catalog keeps each rule once). */
  public static final TableCopy INSTANCE = new TableCopy();

  private TableCopy() {
    super(ID, Level.WARNING, "A MariaDB or MySQL migration statement that copies a table with rows, blocking writes"
        + " while it runs.", Set.of(MariaDbTarget.ID, MySqlTarget.ID));
  }

  @Override
  public List<Finding> check(MigrationContext context) {
    Map<String, List<String>> engines = new LinkedHashMap<>();
    Map<String, MySqlFamilyMigrationRenderer.Copy> first = new LinkedHashMap<>();
    for (TargetFacts target : context.targets()) {
      if (!(target instanceof MySqlFamilyTarget family)) {
        continue;
      }
      String name = family.displayName();
      for (MySqlFamilyMigrationRenderer.Copy copy : MySqlFamilyMigrationRenderer.copies(family.dialect(),
          context.changes(), context.dataStep())) {
        String key = copy.table() + "\n" + copy.column() + "\n" + copy.what().replace(name, "<engine>");
        first.putIfAbsent(key, copy);
        engines.computeIfAbsent(key, k -> new ArrayList<>()).add(name);
      }
    }
    List<Finding> findings = new ArrayList<>();
    first.forEach((key, copy) -> {
      String what = copy.what();
      List<String> names = engines.get(key);
      if (names.size() > 1) {
        what = what.replace(names.get(0), String.join(" and ", names));
      }
      findings.add(finding("table " + copy.table() + ": " + what + ". The statement says "
              + String.join(", ", copy.online().clauses()) + ": every write to " + copy.table() + " waits until the"
              + " table is " + (copy.online() == OnlineDdl.COPY ? "copied" : "rebuilt") + ", which on a large table is"
              + " minutes or hours.", "on a large table, run this version in a maintenance window or through an online"
              + " schema-change tool (gh-ost, pt-online-schema-change); on a small one, or once decided, suppress with"
              + " @SuppressWarnings(\"schemac:" + ID + "\")", copy.origin(), copy.table(), copy.column()));
    });
    return findings;
  }
}
