package dev.schemac.processor.targets.sqlite;

import dev.schemac.processor.model.CheckConstraint;
import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.ForeignKey;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.Trigger;
import dev.schemac.processor.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The statements of a script schemac wrote for SQLite, split as the sqlite3 shell splits it (on
 * the semicolons outside string literals, quoted names and comments; inside CREATE TRIGGER only
 * the one after its END), and the model element each statement was written for: what the engine
 * check needs to report SQLite's error on the annotation it came from. SQLite's errors point at
 * no character, so the element is the index, trigger or table the statement creates or changes.
 */
final class SqliteStatements {
  private SqliteStatements() {}

  /** A word (lowercase, unquoted) or a punctuation character, with where it starts in the text. */
  private record Token(String text, boolean word, int start, int end) {
    boolean is(String w) {
      return word && text.equals(w);
    }
  }

  /** The tokens of {@code sql}: comments and literals skipped, quoted names as words without their quotes. */
  private static List<Token> tokens(String sql) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int eol = sql.indexOf('\n', i);
        i = eol < 0 ? n : eol + 1;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int close = sql.indexOf("*/", i + 2);
        i = close < 0 ? n : close + 2;
      } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
        char close = c == '[' ? ']' : c;
        int j = i + 1;
        while (j < n) {
          if (sql.charAt(j) == close) {
            if (close != ']' && j + 1 < n && sql.charAt(j + 1) == close) {
              j += 2; // a doubled quote is one character of the literal
              continue;
            }
            break;
          }
          j++;
        }
        int end = Math.min(n, j + 1);
        if (c != '\'') {
          out.add(new Token(sql.substring(i + 1, Math.max(i + 1, end - 1)).replace(String.valueOf(close) + close,
              String.valueOf(close)).toLowerCase(Locale.ROOT), true, i, end));
        } else {
          out.add(new Token("'", false, i, end));
        }
        i = end;
      } else if (Character.isLetterOrDigit(c) || c == '_' || c >= 0x80) {
        int j = i;
        while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_' || sql.charAt(j) == '$'
            || sql.charAt(j) >= 0x80)) {
          j++;
        }
        out.add(new Token(sql.substring(i, j).toLowerCase(Locale.ROOT), true, i, j));
        i = j;
      } else {
        out.add(new Token(String.valueOf(c), false, i, i + 1));
        i++;
      }
    }
    return out;
  }

  /** What a migration file's own transaction (SAVEPOINT ... RELEASE, foreign keys off around it) cannot hold. */
  private static final java.util.Set<String> TRANSACTION_CONTROL =
      java.util.Set.of("begin", "commit", "end", "rollback", "savepoint", "release", "vacuum");

  /**
   * The first statement of {@code script} that would break the transaction a migration file runs
   * it in: one that begins, ends or names a transaction, VACUUM (refused inside one), or {@code
   * PRAGMA foreign_keys} (a no-op inside one); null when there is none.
   */
  static String transactionControl(String script) {
    for (String statement : split(script)) {
      List<Token> words = tokens(statement);
      if (!words.isEmpty() && (TRANSACTION_CONTROL.contains(words.get(0).text())
          || words.get(0).is("pragma") && words.size() > 1 && words.get(1).is("foreign_keys"))) {
        return statement.strip();
      }
    }
    return null;
  }

  static List<String> split(String script) {
    List<String> statements = new ArrayList<>();
    List<Token> tokens = tokens(script);
    int start = -1;
    boolean trigger = false;
    Token previous = null;
    List<Token> head = new ArrayList<>();
    for (Token t : tokens) {
      if (start < 0) {
        start = t.start();
        head.clear();
        trigger = false;
      }
      if (head.size() < 3) {
        head.add(t);
        trigger = head.stream().anyMatch(h -> h.is("trigger")) && head.get(0).is("create");
      }
      if (t.text().equals(";") && !t.word() && (!trigger || previous != null && previous.is("end"))) {
        statements.add(script.substring(start, t.end()));
        start = -1;
      }
      previous = t;
    }
    if (start >= 0) {
      statements.add(script.substring(start).strip());
    }
    return statements;
  }

  /**
   * The origin of what {@code statement} writes at {@code position} (1-based; 0: the statement as
   * a whole): in CREATE TABLE, which has one column or constraint per line, the named constraint
   * the position is in, else the column of its line; otherwise the element the statement creates
   * or changes; {@link Origin#NONE} when none.
   */
  static Origin originOf(Schema schema, String statement, int position) {
    Origin whole = originOf(schema, statement);
    List<Token> tokens = tokens(statement);
    if (position <= 0 || position > statement.length() || whole == Origin.NONE || tokens.size() < 3
        || !tokens.get(0).is("create") || !tokens.get(1).is("table")) {
      return whole;
    }
    String name = tokens.get(2).text();
    Table table = schema.table(name.startsWith(SqliteMigrationRenderer.REBUILD_PREFIX)
        ? name.substring(SqliteMigrationRenderer.REBUILD_PREFIX.length()) : name).orElse(null);
    if (table == null) {
      return whole;
    }
    int lineStart = statement.lastIndexOf('\n', position - 1) + 1;
    int lineEnd = statement.indexOf('\n', lineStart);
    List<Token> line = tokens(statement.substring(lineStart, lineEnd < 0 ? statement.length() : lineEnd));
    int at = position - 1 - lineStart;
    Token constraint = null;
    for (int i = 0; i + 1 < line.size() && line.get(i).start() <= at; i++) {
      if (line.get(i).is("constraint")) {
        constraint = line.get(i + 1);
      }
    }
    if (constraint != null) {
      Origin o = objectOrigin(table, constraint.text());
      if (o != null) {
        return o;
      }
      if (table.primaryKey() != null && table.primaryKey().name().equals(constraint.text())) {
        return origin(table.primaryKey().origin(), table);
      }
    }
    if (!line.isEmpty()) {
      Optional<Column> column = table.column(line.get(0).text());
      if (column.isPresent()) {
        return origin(column.get().origin(), table);
      }
    }
    return whole;
  }

  /** The origin of the element {@code statement} creates or changes, or {@link Origin#NONE}. */
  private static Origin originOf(Schema schema, String statement) {
    List<Token> tokens = tokens(statement);
    Table table = null;
    for (int i = 0; i + 1 < tokens.size() && table == null; i++) {
      Token t = tokens.get(i);
      if (t.is("table") || t.is("on") || t.is("into")) {
        String name = tokens.get(i + 1).text();
        if (name.startsWith(SqliteMigrationRenderer.REBUILD_PREFIX)) {
          name = name.substring(SqliteMigrationRenderer.REBUILD_PREFIX.length());
        }
        table = schema.table(name).orElse(null);
      }
    }
    if (table == null) {
      return Origin.NONE;
    }
    for (int i = 0; i + 1 < tokens.size(); i++) {
      if (tokens.get(i).is("index") || tokens.get(i).is("trigger")) {
        Origin o = objectOrigin(table, tokens.get(i + 1).text());
        if (o != null) {
          return o;
        }
      }
      if (tokens.get(i).is("column")) { // ALTER TABLE ... ADD COLUMN c / DROP COLUMN c
        Optional<Column> c = table.column(tokens.get(i + 1).text());
        if (c.isPresent()) {
          return origin(c.get().origin(), table);
        }
      }
    }
    return table.origin();
  }

  private static Origin objectOrigin(Table table, String name) {
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
    for (Trigger trigger : table.triggers()) {
      if (trigger.name().equals(name)) {
        return table.column(trigger.column()).map(c -> origin(c.origin(), table)).orElse(table.origin());
      }
    }
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
    return null;
  }

  private static Origin origin(Origin origin, Table table) {
    return origin == null || origin == Origin.NONE ? table.origin() : origin;
  }
}
