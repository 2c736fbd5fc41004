package dev.schemac.processor.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/** SQL identifier facts shared by every step: what is valid, and how long names are shortened. */
public final class Identifiers {
  /** PostgreSQL's NAMEDATALEN - 1: longer identifiers are silently truncated by the server. */
  public static final int MAX_BYTES = 63;

  private static final Pattern VALID = Pattern.compile("[a-z_][a-z0-9_]*");

  private Identifiers() {}

  /**
   * Whether {@code name} is an identifier schemac writes unquoted: lowercase letters, digits and
   * underscores, not starting with a digit. Anything else could change meaning or carry SQL.
   */
  public static boolean isValid(String name) {
    return name != null && VALID.matcher(name).matches();
  }

  /**
   * Fails with {@link IllegalArgumentException} when {@code check} holds and {@code name} is not
   * valid: the model refuses a name that could carry SQL, whatever built it.
   */
  static void requireValid(String name, boolean check, String what) {
    if (check && !isValid(name)) {
      throw new IllegalArgumentException(what + " '" + name + "' is not a lowercase SQL identifier");
    }
  }

  private static final Pattern SPELLING = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /**
   * The spelling of {@code name} as its source writes it: {@code name} itself when {@code spelling}
   * is null, else {@code spelling}, which must be {@code name} but for the case of ASCII letters
   * (checked byte by byte: {@code toLowerCase} alone would let a Kelvin sign fold to {@code k});
   * fails with {@link IllegalArgumentException} otherwise.
   */
  public static String requireSpelling(String spelling, String name, String what) {
    if (spelling == null || spelling.equals(name)) {
      return name;
    }
    if (!isSpelling(spelling, name)) {
      throw new IllegalArgumentException(what + " '" + spelling + "' is not '" + name + "' with capitals");
    }
    return spelling;
  }

  /** Whether {@code spelling} is {@code name} but for the case of ASCII letters. */
  public static boolean isSpelling(String spelling, String name) {
    return spelling != null && SPELLING.matcher(spelling).matches()
        && spelling.toLowerCase(java.util.Locale.ROOT).equals(name);
  }

  /**
   * {@code schema.name}, or {@code name} when {@code schema} is null (the default schema). No
   * valid identifier contains a dot, so the result splits back unambiguously.
   */
  public static String qualified(String schema, String name) {
    return schema == null ? name : schema + "." + name;
  }

  /** The schema part of a {@link #qualified} name, or null for the default schema. */
  public static String schemaOf(String qualifiedName) {
    int dot = qualifiedName.indexOf('.');
    return dot < 0 ? null : qualifiedName.substring(0, dot);
  }

  /** The name part of a {@link #qualified} name. */
  public static String nameOf(String qualifiedName) {
    return qualifiedName.substring(qualifiedName.indexOf('.') + 1);
  }

  public static int byteLength(String name) {
    return name.getBytes(StandardCharsets.UTF_8).length;
  }

  /**
   * A generated name that fits in 63 bytes: unchanged when it fits, otherwise a prefix plus
   * {@code _} and the first 8 hex digits of the full name's SHA-256, so two long names that
   * share a prefix stay distinct and the result is the same on every build.
   */
  public static String fit(String name) {
    if (byteLength(name) <= MAX_BYTES) {
      return name;
    }
    String hash = sha256Hex(name).substring(0, 8);
    int budget = MAX_BYTES - hash.length() - 1;
    int end = 0;
    int bytes = 0;
    while (end < name.length()) {
      int cp = name.codePointAt(end);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + size > budget) {
        break; // never split a character: cut at a code point boundary within the byte budget
      }
      bytes += size;
      end += Character.charCount(cp);
    }
    String prefix = name.substring(0, end);
    while (prefix.endsWith("_")) {
      prefix = prefix.substring(0, prefix.length() - 1);
    }
    return prefix + "_" + hash;
  }

  /**
   * A name a fix can suggest in place of {@code name}: one that every explicit-name check accepts
   * ({@link #isValid}: lowercase ASCII letters, digits and {@code _}, so {@code é} becomes {@code
   * e} and anything else an {@code _}), at most {@link #MAX_BYTES} bytes (cut after a whole word
   * where it can be), not starting with {@code pg_} (names PostgreSQL keeps for its catalog), and
   * {@code fallback} when less than three letters or digits of {@code name} are left.
   */
  public static String suggestion(String name, String fallback) {
    String s = java.text.Normalizer.normalize(name == null ? "" : name, java.text.Normalizer.Form.NFKD)
        .replaceAll("\\p{M}+", "").toLowerCase(java.util.Locale.ROOT)
        .replaceAll("[^a-z0-9_]+", "_").replaceAll("_+", "_").replaceAll("^_+|_+$", "");
    while (s.startsWith("pg_")) {
      s = s.substring(3);
    }
    if (s.equals("pg")) {
      s = "";
    }
    if (s.replace("_", "").length() < 3) {
      s = fallback; // a name of other scripts keeps little in ASCII: a plain word reads better than a letter
    }
    if (Character.isDigit(s.charAt(0))) {
      s = "_" + s;
    }
    if (s.length() > MAX_BYTES) {
      int cut = s.lastIndexOf('_', MAX_BYTES);
      s = cut > 0 ? s.substring(0, cut) : s.substring(0, MAX_BYTES);
      s = s.replaceAll("_+$", "");
    }
    return s;
  }

  /** {@code fit(String.join("_", parts))}. */
  public static String generated(List<String> parts) {
    return fit(String.join("_", parts));
  }

  public static String sha256Hex(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
