package dev.schemac.processor.read;

import static dev.schemac.processor.read.Annotations.TABLE;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Tables that a reference of this compilation names but that it does not compile: another
 * module's, on the class path (multi-module builds). A {@code @Table} record ({@code @References})
 * or a JPA {@code @Entity} ({@code @ManyToOne}, an owning {@code @OneToOne}, {@code
 * @References}) is read from its class file (schemac's annotations have CLASS retention, JPA's
 * RUNTIME) into a draft that only gives the foreign key its target: the table's name, schema and
 * key columns with their types. Its table stays out of this compilation's schema (the module that
 * compiles the type owns the table, its DDL and its migrations), and reading it reports nothing
 * here: its module checked it when it compiled. An entity is read with this compilation's naming
 * ({@code -Aschemac.naming}), as Hibernate maps every entity of one persistence unit with one.
 */
final class ClassPathTables {
  private final Elements elements;
  private final Types types;
  private final Mirrors mirrors;
  private final EntityNaming naming;
  private final UserSql userSql;
  private final RecordReader records;
  private final Map<String, Draft> read = new HashMap<>();
  /** The types this compilation reads itself: never taken from the class path. */
  private final Set<String> compiled = new HashSet<>();

  ClassPathTables(Elements elements, Types types, Mirrors mirrors, EntityNaming naming, UserSql userSql) {
    this.elements = elements;
    this.types = types;
    this.mirrors = mirrors;
    this.naming = naming;
    this.userSql = userSql;
    Diagnostics own = new Diagnostics(); // never reported: the record was checked by its own compilation
    ConstraintNames names = new ConstraintNames(own);
    this.records = new RecordReader(mirrors, own, names, new SchemacColumns(mirrors, own, names, userSql), userSql);
  }

  /** The types this compilation reads: a reference to one of them is never to another module's table. */
  void compiling(List<TypeElement> types) {
    types.forEach(t -> compiled.add(t.getQualifiedName().toString()));
  }

  /** Whether {@code type} is not one this compilation reads (so it was compiled before it). */
  boolean otherCompilations(TypeElement type) {
    return !compiled.contains(type.getQualifiedName().toString());
  }

  /**
   * The table of {@code type} when it is another compilation's {@code @Table} record or {@code
   * @Entity} that has one, else null.
   */
  Draft table(TypeElement type) {
    String name = type.getQualifiedName().toString();
    if (!otherCompilations(type)) {
      return null;
    }
    if (read.containsKey(name)) {
      return read.get(name);
    }
    Draft draft = null;
    if (JpaContext.isEntity(type)) {
      draft = entity(type);
    } else if (type.getKind() == ElementKind.RECORD && Mirrors.find(type, TABLE).isPresent()) {
      draft = record(type);
    }
    read.put(name, draft);
    return draft;
  }

  private Draft record(TypeElement type) {
    String table = records.tableName(type);
    if (table == null) {
      return null;
    }
    Draft draft = new Draft(type, table);
    draft.doc = DocComment.parse(null); // a class file has no doc comments
    records.readComponents(draft, new NativeEnumTypes()); // another module's: its own enum types
    return draft;
  }

  /**
   * The table of an entity and, for a joined subclass, of the entities above it (its key is theirs):
   * the entity's hierarchy is read as its own compilation reads it, by a JPA front end of its own
   * whose diagnostics are dropped. Null for an entity that has no table of its own to reference (an
   * abstract entity of a TABLE_PER_CLASS hierarchy): the caller says so.
   */
  private Draft entity(TypeElement type) {
    Diagnostics own = new Diagnostics(); // never reported: the entity was checked by its own compilation
    ConstraintNames names = new ConstraintNames(own);
    EntityReader reader = new EntityReader(new JpaContext(elements, types, mirrors, naming, own, names,
        new SchemacColumns(mirrors, own, names, userSql), new ColumnResolution(mirrors, own, naming), userSql, null));
    List<TypeElement> chain = new ArrayList<>();
    for (TypeElement t = type; t != null; t = EntityAttributes.superclassOf(t)) {
      if (JpaContext.isEntity(t)) {
        chain.add(0, t);
      }
    }
    reader.prepare(chain, List.of(), new NativeEnumTypes());
    Map<String, Draft> byType = new HashMap<>();
    Map<TypeElement, Draft> drafts = new LinkedHashMap<>();
    for (TypeElement member : chain) {
      TypeElement home = reader.home(member);
      if (home == null || reader.isView(home)) {
        continue;
      }
      Draft draft = drafts.get(home);
      if (draft == null) {
        String table = reader.tableName(home);
        EntityTables.SchemaName schema = reader.schemaName(home);
        if (table == null || schema == null) {
          return null;
        }
        draft = new Draft(home, table);
        draft.entity = true;
        draft.schema = schema.name();
        draft.doc = DocComment.parse(null); // a class file has no doc comments
        reader.readColumns(draft);
        drafts.put(home, draft);
      }
      byType.put(member.getQualifiedName().toString(), draft);
    }
    reader.readJoinColumns(List.copyOf(drafts.values()), byType);
    Draft table = byType.get(type.getQualifiedName().toString());
    return table == null || table.unreadable ? null : table;
  }
}
