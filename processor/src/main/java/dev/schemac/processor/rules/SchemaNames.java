package dev.schemac.processor.rules;

import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Sequence;
import dev.schemac.processor.model.Table;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where each schema name of a model is first written, for rules about schema names: a finding
 * about one is reported once, on the first table of that schema (by qualified name), or on its
 * first sequence when it has no table, and is suppressed like a finding on that table or sequence.
 */
final class SchemaNames {
  private SchemaNames() {}

  /** The table or sequence a schema-name finding is about: its qualified name, bare name and origin. */
  record Declaration(String qualifiedName, String relation, Origin origin) {
    Finding finding(String ruleId, String message, String fix) {
      return new Finding(ruleId, qualifiedName, null, message, fix, origin);
    }
  }

  /** Schema name -> its first declaration, sorted by schema name. */
  static Map<String, Declaration> firstDeclarations(Schema schema) {
    Map<String, Declaration> first = new TreeMap<>();
    schema.tables().stream().filter(t -> t.schema() != null)
        .sorted(java.util.Comparator.comparing(Table::qualifiedName))
        .forEach(t -> first.putIfAbsent(t.schema(), new Declaration(t.qualifiedName(), t.name(), t.origin())));
    for (Sequence s : schema.sequences()) {
      if (s.schema() != null) {
        first.putIfAbsent(s.schema(), new Declaration(s.qualifiedName(), s.name(), s.origin()));
      }
    }
    return first;
  }
}
