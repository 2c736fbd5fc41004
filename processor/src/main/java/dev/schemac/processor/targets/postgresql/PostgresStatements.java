package dev.schemac.processor.targets.postgresql;

import dev.schemac.processor.model.CheckConstraint;
import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.ForeignKey;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Sequence;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.UniqueConstraint;
import dev.schemac.processor.targets.postgresql.PostgresLexer.Token;
import dev.schemac.processor.targets.postgresql.PostgresLexer.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The statements of a script schemac wrote for PostgreSQL, split as psql splits it (on the
 * semicolons its lexer sees outside literals, quoted names, dollar-quoted bodies and comments),
 * and the model element each statement, or the part of it an error points at, was written for:
 * what the engine check needs to report PostgreSQL's error on the annotation it came from.
 */
final class PostgresStatements {
  private PostgresStatements() {}

  static List<String> split(String script) {
    List<Token> tokens = PostgresLexer.tokens(script);
    if (tokens.get(tokens.size() - 1).kind() == Kind.ERROR) {
      throw new IllegalArgumentException("the script does not lex: " + tokens.get(tokens.size() - 1).value());
    }
    List<String> statements = new ArrayList<>();
    int start = -1;
    for (Token t : tokens) {
      if (t.kind() == Kind.END) {
        break;
      }
      if (start < 0) {
        start = t.start();
      }
      if (t.is(Kind.PUNCT, ";")) {
        statements.add(script.substring(start, t.end()));
        start = -1;
      }
    }
    if (start >= 0) {
      statements.add(script.substring(start).strip());
    }
    return statements;
  }

  /** The origin of what {@code statement} writes at {@code position} (1-based; 0: the statement as a whole). */
  static Origin originOf(Schema schema, String statement, int position) {
    List<Token> tokens = PostgresLexer.tokens(statement);
    if (tokens.isEmpty() || tokens.get(tokens.size() - 1).kind() == Kind.ERROR) {
      return Origin.NONE;
    }
    Table table = tableOf(schema, tokens);
    if (table == null) {
      return sequenceOf(schema, tokens);
    }
    // CREATE INDEX name / ALTER INDEX name: the index (or the unique constraint whose index it is)
    for (int i = 0; i + 1 < tokens.size(); i++) {
      if (tokens.get(i).isWord("index")) {
        for (int j = i + 1; j < tokens.size() && !tokens.get(j).isWord("on"); j++) {
          Origin index = indexOrigin(table, tokens.get(j).value());
          if (index != null) {
            return index;
          }
        }
      }
    }
    // the line the error points at, in CREATE TABLE: one column or one constraint per line
    if (position > 0 && tokens.get(0).isWord("create")) {
      int lineStart = statement.lastIndexOf('\n', Math.min(statement.length(), position) - 1) + 1;
      int lineEnd = statement.indexOf('\n', lineStart);
      Origin part = partOf(table, statement.substring(lineStart, lineEnd < 0 ? statement.length() : lineEnd));
      if (part != null) {
        return part;
      }
    }
    // ALTER TABLE ... CONSTRAINT name / COLUMN name; COMMENT ON COLUMN t.c
    for (int i = 0; i + 1 < tokens.size(); i++) {
      Token t = tokens.get(i);
      String next = tokens.get(i + 1).value();
      if (t.isWord("constraint")) {
        Origin constraint = constraintOrigin(table, next);
        if (constraint != null) {
          return constraint;
        }
      }
      if (t.isWord("column")) {
        String column = i + 3 < tokens.size() && tokens.get(i + 2).is(Kind.PUNCT, ".") ? tokens.get(i + 3).value() : next;
        Optional<Column> c = table.column(column);
        if (c.isPresent()) {
          return origin(c.get().origin(), table);
        }
      }
    }
    return table.origin();
  }

  /** A line of CREATE TABLE: {@code name type ...} or {@code CONSTRAINT name ...}. */
  private static Origin partOf(Table table, String line) {
    List<Token> tokens = PostgresLexer.tokens(line.strip());
    if (tokens.size() < 2) {
      return null;
    }
    if (tokens.get(0).isWord("constraint")) {
      return constraintOrigin(table, tokens.get(1).value());
    }
    return table.column(tokens.get(0).value()).map(c -> origin(c.origin(), table)).orElse(null);
  }

  private static Table tableOf(Schema schema, List<Token> tokens) {
    for (int i = 0; i + 1 < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.isWord("table") || t.isWord("on") || t.isWord("column") && i > 0 && tokens.get(i - 1).isWord("on")) {
        String name = tokens.get(i + 1).value();
        if (i + 3 < tokens.size() && tokens.get(i + 2).is(Kind.PUNCT, ".")) {
          Optional<Table> qualified = schema.table(name + "." + tokens.get(i + 3).value());
          if (qualified.isPresent()) {
            return qualified.get();
          }
        }
        Optional<Table> table = schema.table(name);
        if (table.isPresent()) {
          return table.get();
        }
      }
    }
    return null;
  }

  private static Origin sequenceOf(Schema schema, List<Token> tokens) {
    for (Token t : tokens) {
      for (Sequence s : schema.sequences()) {
        if (t.value() != null && t.value().equals(s.name())) {
          return s.origin();
        }
      }
      for (Table table : schema.tables()) {
        for (Column c : table.columns()) {
          if (t.value() != null && t.value().equals(c.type().enumTypeName())) {
            return origin(c.origin(), table); // CREATE TYPE, ALTER TYPE of a native enum: its first column
          }
        }
      }
    }
    return Origin.NONE;
  }

  private static Origin indexOrigin(Table table, String name) {
    for (Index index : table.indexes()) {
      if (index.name().equals(name)) {
        return origin(index.origin(), table);
      }
    }
    for (UniqueConstraint unique : table.uniques()) {
      if (unique.name().equals(name)) {
        return origin(unique.origin(), table);
      }
    }
    return null;
  }

  private static Origin constraintOrigin(Table table, String name) {
    for (CheckConstraint check : table.checks()) {
      if (check.name().equals(name)) {
        return origin(check.origin(), table);
      }
    }
    for (ForeignKey fk : table.foreignKeys()) {
      if (fk.name().equals(name)) {
        return origin(fk.origin(), table);
      }
    }
    Origin index = indexOrigin(table, name);
    if (index != null) {
      return index;
    }
    if (table.primaryKey() != null && table.primaryKey().name().equals(name)) {
      return origin(table.primaryKey().origin(), table);
    }
    return null;
  }

  private static Origin origin(Origin origin, Table table) {
    return origin == null || origin == Origin.NONE ? table.origin() : origin;
  }
}
