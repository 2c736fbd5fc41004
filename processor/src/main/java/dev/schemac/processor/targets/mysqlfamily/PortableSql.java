package dev.schemac.processor.targets.mysqlfamily;

import dev.schemac.processor.model.RawSql;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * SQL a user wrote for another target (a {@code @Check}, a {@code @Default}, an index
 * expression, written in PostgreSQL's SQL when PostgreSQL is the first target), read as MariaDB
 * and MySQL would read it. Text in the small subset that means the same on every engine —
 * columns, numbers, strings, comparisons, AND/OR/NOT, IS NULL, IN, BETWEEN, LIKE, CASE, and
 * functions of the same name and meaning — is written here with the engine's quoting; anything
 * else (a {@code ::} cast, {@code ||}, which is OR on these engines, {@code length()}, which counts
 * bytes here and characters there, {@code /}, which divides integers there and not here, an
 * unknown function) is refused with the reason, so that a schema never means something else
 * silently. SQL written for the target itself is copied as it is.
 */
public final class PortableSql {
  /** Functions that take the same arguments and return the same value on PostgreSQL, MariaDB and MySQL. */
  private static final Set<String> FUNCTIONS = Set.of("lower", "upper", "char_length", "character_length", "trim",
      "ltrim", "rtrim", "abs", "ceil", "ceiling", "floor", "round", "mod", "coalesce", "nullif", "replace", "left",
      "right", "lpad", "rpad", "reverse", "md5", "sign", "sqrt", "power", "exp", "ln", "substr", "substring",
      "position");

  private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "is", "null", "true", "false", "in",
      "between", "like", "case", "when", "then", "else", "end");

  private static final Set<String> OPERATORS = Set.of("=", "<>", "!=", "<", ">", "<=", ">=", "+", "-", "*", "%");

  private static final Set<String> TWO_CHARACTER_OPERATORS =
      Set.of("<>", "!=", "<=", ">=", "::", "||", "->", "@>", "<@", "~*", "!~", "&&", "<<", ">>", "?|", "?&");

  private static final Set<String> EXPLAINED = Set.of("length", "octet_length", "concat", "greatest", "least", "now",
      "current_timestamp", "strpos");

  private PortableSql() {}

  /** Why MariaDB and MySQL would read {@code raw} differently from the target it is written for, or null when they would not. */
  public static String problem(RawSql raw, Engine engine) {
    if (raw.target().equals(engine.id())) {
      return null;
    }
    try {
      rewrite(raw.sql(), null);
      return null;
    } catch (NotPortable e) {
      return e.getMessage();
    }
  }

  /** The text as {@code dialect}'s engine writes it: verbatim for that engine's own SQL. */
  public static String render(RawSql raw, MySqlFamilyDialect dialect) {
    return raw.target().equals(dialect.engine().id()) ? raw.sql() : rewrite(raw.sql(), dialect);
  }

  /**
   * {@code sql} with its strings and names written for these engines; {@code dialect} null: only
   * check. Throws {@link NotPortable} with the reason.
   */
  static String rewrite(String sql, MySqlFamilyDialect dialect) {
    List<String> tokens = tokens(sql);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      char c = t.charAt(0);
      if (Character.isWhitespace(c)) {
        out.append(t);
      } else if (c == '\'') {
        String text = t.substring(1, t.length() - 1).replace("''", "'");
        out.append(MySqlFamilyDialect.literal(text));
      } else if (c == '"') {
        String name = t.substring(1, t.length() - 1);
        if (!name.matches("[a-z_][a-z0-9_]*")) {
          throw new NotPortable("the quoted name " + t + " is not a lowercase name schemac can write for this engine");
        }
        out.append(dialect == null ? name : dialect.quote(name));
      } else if (Character.isDigit(c) || c == '.' && t.length() > 1) {
        out.append(t);
      } else if (Character.isLetter(c) || c == '_') {
        String word = t.toLowerCase(Locale.ROOT);
        String next = nextSignificant(tokens, i);
        if ("(".equals(next)) {
          if (!FUNCTIONS.contains(word)) {
            throw new NotPortable(EXPLAINED.contains(word) ? explain(word)
                : "function " + word + "() is not one schemac knows to mean the same on every engine");
          }
          out.append(word);
        } else if (KEYWORDS.contains(word)) {
          out.append(t.toUpperCase(Locale.ROOT));
        } else if (word.matches("[a-z_][a-z0-9_]*") && word.equals(t)) {
          out.append(dialect == null ? t : dialect.quote(t));
        } else {
          throw new NotPortable("'" + t + "' is a key word or name this engine may read differently");
        }
      } else if (t.equals("(") || t.equals(")") || t.equals(",")) {
        out.append(t);
      } else if (OPERATORS.contains(t)) {
        out.append(t);
      } else {
        throw new NotPortable(switch (t) {
          case "::" -> "'::' casts are PostgreSQL's";
          case "||" -> "'||' joins strings on PostgreSQL and means OR on MariaDB and MySQL";
          case "/" -> "'/' divides integers to an integer on PostgreSQL and to a decimal on MariaDB and MySQL";
          case "^" -> "'^' is a power on PostgreSQL and an exclusive or on MariaDB and MySQL";
          default -> "the operator '" + t + "' is not one schemac knows to mean the same on every engine";
        });
      }
    }
    return out.toString();
  }

  private static String explain(String function) {
    return switch (function) {
      case "length", "octet_length" -> function + "() counts bytes on MariaDB and MySQL, characters on PostgreSQL:"
          + " char_length() counts characters on every engine";
      case "concat" -> "concat() skips NULLs on PostgreSQL and returns NULL on MariaDB and MySQL";
      case "greatest", "least" -> function + "() skips NULLs on PostgreSQL and returns NULL on MariaDB and MySQL";
      default -> function + "() differs between engines (time zones, precision or arguments)";
    };
  }

  private static String nextSignificant(List<String> tokens, int i) {
    for (int j = i + 1; j < tokens.size(); j++) {
      if (!Character.isWhitespace(tokens.get(j).charAt(0))) {
        return tokens.get(j);
      }
    }
    return null;
  }

  /** Whitespace, strings, quoted names, numbers, words, punctuation and runs of operator characters. */
  private static List<String> tokens(String sql) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      int start = i;
      if (Character.isWhitespace(c)) {
        while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
          i++;
        }
      } else if (c == '\'' || c == '"') {
        i++;
        while (true) {
          if (i >= sql.length()) {
            throw new NotPortable("an unterminated " + (c == '\'' ? "string" : "quoted name"));
          }
          if (sql.charAt(i) == c) {
            if (i + 1 < sql.length() && sql.charAt(i + 1) == c) {
              i += 2;
              continue;
            }
            i++;
            break;
          }
          i++;
        }
      } else if (Character.isDigit(c) || c == '.' && i + 1 < sql.length() && Character.isDigit(sql.charAt(i + 1))) {
        while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
          i++;
        }
        if (sql.substring(start, i).matches(".*[a-zA-Z].*")) {
          throw new NotPortable("the number " + sql.substring(start, i) + " is written in a form engines read differently");
        }
      } else if (Character.isLetter(c) || c == '_') {
        while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
          i++;
        }
        if (i < sql.length() && (sql.charAt(i) == '\'' || sql.charAt(i) == '$')) {
          throw new NotPortable("'" + sql.substring(start, i + 1) + "...' is a PostgreSQL string or name form");
        }
      } else if (c == '(' || c == ')' || c == ',') {
        i++;
      } else if (c == '$' || c == '`' || c == ';' || c == '[' || c == ']' || c == '{' || c == '}') {
        throw new NotPortable("'" + c + "' is not read the same way by every engine");
      } else if ("+-*/<>=~!@#%^&|?:".indexOf(c) >= 0) {
        String two = i + 1 < sql.length() ? sql.substring(i, i + 2) : "";
        i += TWO_CHARACTER_OPERATORS.contains(two) ? 2 : 1;
      } else {
        throw new NotPortable("'" + c + "' is not read the same way by every engine");
      }
      out.add(sql.substring(start, i));
    }
    return out;
  }

  /** The reason an expression is not portable. */
  static final class NotPortable extends RuntimeException {
    NotPortable(String message) {
      super(message, null, false, false);
    }
  }
}
