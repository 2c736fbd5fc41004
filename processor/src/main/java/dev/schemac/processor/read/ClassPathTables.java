package dev.schemac.processor.read;

import static dev.schemac.processor.read.Annotations.TABLE;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;

/**
 * {@code @Table} records that a {@code @References} of this compilation names but that it does
 * not compile: another module's, on the class path (multi-module builds). Each is read from its
 * class file ({@code @Table} and schemac's other annotations have CLASS retention) into a draft
 * that only gives the foreign key its target: the table's name and primary key. Its table stays
 * out of this compilation's schema (the module that compiles the record owns the table, its DDL
 * and its migrations), and reading it reports nothing here: its module checked it when it compiled.
 */
final class ClassPathTables {
  private final RecordReader records;
  private final Map<String, Draft> read = new HashMap<>();

  ClassPathTables(Mirrors mirrors, UserSql userSql) {
    Diagnostics own = new Diagnostics(); // never reported: the record was checked by its own compilation
    ConstraintNames names = new ConstraintNames(own);
    this.records = new RecordReader(mirrors, own, names, new SchemacColumns(mirrors, own, names, userSql), userSql);
  }

  /** The table of {@code type} when it is a {@code @Table} record, else null. */
  Draft table(TypeElement type) {
    if (type.getKind() != ElementKind.RECORD || Mirrors.find(type, TABLE).isEmpty()) {
      return null;
    }
    return read.computeIfAbsent(type.getQualifiedName().toString(), name -> {
      String table = records.tableName(type);
      if (table == null) {
        return null;
      }
      Draft draft = new Draft(type, table);
      draft.doc = DocComment.parse(null); // a class file has no doc comments
      records.readComponents(draft, new TreeMap<>(), new HashMap<>());
      return draft;
    });
  }
}
