package dev.schemac.processor.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The whole words of a snake_case name, for the name-based rules: {@code password_reset_at} is
 * the words password, reset, at — so a rule can tell it is a timestamp, not a secret.
 */
public final class Words {
  private Words() {}

  /** The words between underscores: {@code _user__id} -> {@code user}, {@code id}. */
  public static List<String> of(String snakeName) {
    List<String> words = new ArrayList<>(4);
    int start = 0;
    for (int i = 0; i <= snakeName.length(); i++) {
      if (i == snakeName.length() || snakeName.charAt(i) == '_') {
        if (i > start) {
          words.add(snakeName.substring(start, i));
        }
        start = i + 1;
      }
    }
    return List.copyOf(words);
  }

  /** The words of a camelCase Java name, lowercased: {@code passwordHash} -> {@code password}, {@code hash}. */
  public static List<String> ofCamel(String javaName) {
    List<String> words = new ArrayList<>(4);
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < javaName.length(); i++) {
      char c = javaName.charAt(i);
      if (c == '_' || c == '$' || Character.isUpperCase(c) && i > 0 && !Character.isUpperCase(javaName.charAt(i - 1))) {
        if (word.length() > 0) {
          words.add(word.toString());
          word.setLength(0);
        }
      }
      if (c != '_' && c != '$') {
        word.append(Character.toLowerCase(c));
      }
    }
    if (word.length() > 0) {
      words.add(word.toString());
    }
    return List.copyOf(words);
  }

  public static boolean containsAny(List<String> words, Set<String> any) {
    return words.stream().anyMatch(any::contains);
  }

  public static String last(List<String> words) {
    return words.isEmpty() ? "" : words.get(words.size() - 1);
  }

  /** Whether {@code first} is directly followed by {@code second} somewhere in the name. */
  public static boolean hasPair(List<String> words, String first, String second) {
    for (int i = 0; i + 1 < words.size(); i++) {
      if (words.get(i).equals(first) && words.get(i + 1).equals(second)) {
        return true;
      }
    }
    return false;
  }
}
