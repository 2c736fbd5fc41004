package dev.schemac.processor.read;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A record's Javadoc split into the main description (the table comment) and its {@code @param}
 * tags (the column comments): javac gives record components no doc comment of their own.
 */
record DocComment(String description, Map<String, String> params) {
  private static final Pattern INLINE_TAG = Pattern.compile("\\{@(code|link|linkplain|literal|value)\\s+([^}]*)}");
  /** A link's reference and its optional label: {@code Vet Vet's}, {@code com.example.Owner#pets(int) the pets}. */
  private static final Pattern LINK = Pattern.compile("(\\S+?(?:\\([^)]*\\))?)(?:\\s+(.*))?");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern HTML_TAG = Pattern.compile("</?[a-zA-Z][^>]*>");
  private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]+);");
  private static final Map<String, String> NAMED = Map.of("lt", "<", "gt", ">", "amp", "&", "quot", "\"", "apos", "'",
      "nbsp", " ", "mdash", "\u2014", "ndash", "\u2013", "hellip", "\u2026", "copy", "\u00a9");

  static DocComment parse(String raw) {
    if (raw == null || raw.isBlank()) {
      return new DocComment(null, Map.of());
    }
    StringBuilder description = new StringBuilder();
    Map<String, StringBuilder> params = new LinkedHashMap<>();
    StringBuilder current = description;
    boolean inBlockTags = false;
    for (String line : raw.split("\n", -1)) {
      String trimmed = line.strip();
      if (trimmed.startsWith("@")) {
        inBlockTags = true;
        current = null;
        if (trimmed.startsWith("@param ")) {
          String rest = trimmed.substring("@param ".length()).strip();
          int space = rest.indexOf(' ');
          String name = space < 0 ? rest : rest.substring(0, space);
          StringBuilder text = new StringBuilder(space < 0 ? "" : rest.substring(space + 1));
          params.put(name, text);
          current = text;
        }
        continue;
      }
      if (current != null && (!inBlockTags || current != description)) {
        current.append(' ').append(trimmed);
      }
    }
    Map<String, String> cleaned = new LinkedHashMap<>();
    params.forEach((name, text) -> {
      String t = clean(text.toString());
      if (t != null) {
        cleaned.put(name, t);
      }
    });
    return new DocComment(clean(description.toString()), cleaned);
  }

  /** Inline tags reduced to their text, HTML removed, white space folded; null when empty. */
  private static String clean(String text) {
    // Inline tags first become placeholders, so that HTML stripping cannot eat their text
    // ({@code Map<String, Integer>} is code, not markup).
    // The placeholder's mark is a character the text does not contain, so that a NUL the user
    // wrote survives to be refused (UnsafeText) instead of being taken for a placeholder.
    java.util.List<String> literals = new java.util.ArrayList<>();
    String mark = placeholderMark(text);
    Matcher m = INLINE_TAG.matcher(text);
    String plain = m.replaceAll(r -> {
      String body = r.group(2).strip();
      literals.add(r.group(1).startsWith("link") ? linkText(body) : body);
      return Matcher.quoteReplacement(mark + (literals.size() - 1) + mark);
    });
    plain = HTML_TAG.matcher(plain).replaceAll(" ");
    plain = ENTITY.matcher(plain).replaceAll(r -> Matcher.quoteReplacement(entity(r.group(1), r.group())));
    for (int i = 0; i < literals.size(); i++) {
      plain = plain.replace(mark + i + mark, literals.get(i));
    }
    plain = SPACES.matcher(plain).replaceAll(" ").strip();
    return plain.isEmpty() ? null : plain;
  }

  /**
   * What Javadoc shows for a {@code @link}: its label when it has one ({@code {@link Vet Vet's}}
   * shows "Vet's"), else the reference without package or parameters ({@code com.example.Owner#pets(int)}
   * shows "Owner.pets").
   */
  private static String linkText(String body) {
    Matcher link = LINK.matcher(body);
    if (!link.matches()) {
      return body;
    }
    if (link.group(2) != null && !link.group(2).isBlank()) {
      return link.group(2).strip();
    }
    String reference = link.group(1).replaceAll("\\(.*\\)$", "");
    int member = reference.indexOf('#');
    String type = member < 0 ? reference : reference.substring(0, member);
    type = type.substring(type.lastIndexOf('.') + 1);
    return member < 0 ? type : type.isEmpty() ? reference.substring(member + 1) : type + "." + reference.substring(member + 1);
  }

  /** A private-use character that {@code text} does not contain. */
  private static String placeholderMark(String text) {
    char c = '\uE000';
    while (text.indexOf(c) >= 0) {
      c++;
    }
    return String.valueOf(c);
  }

  /** The character an HTML character reference stands for; unknown names stay as written. */
  private static String entity(String name, String written) {
    if (name.startsWith("#")) {
      int code = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
          ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
      return Character.isValidCodePoint(code) && code != 0 ? Character.toString(code) : written;
    }
    return NAMED.getOrDefault(name, written);
  }
}
