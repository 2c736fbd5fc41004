package dev.schemac.processor.rules;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Column names found in PostgreSQL expressions through the PostgreSQL target's own grammar. */
class ExpressionColumnsTest {
  private static List<String> columns(String sql) {
    return ExpressionColumns.of(sql).orElseThrow(() -> new AssertionError("could not parse " + sql));
  }

  @Test
  void columnReferences_functionCall_namesOnlyTheArgumentColumn() {
    assertThat(columns("char_length(bio) <= 500")).containsExactly("bio");
  }

  @Test
  void columnReferences_inList_ignoresStringLiterals() {
    assertThat(columns("status IN ('A','B')")).containsExactly("status");
  }

  @Test
  void columnReferences_typedIntervalLiteral_ignoresTypeWordAndFunction() {
    assertThat(columns("created_at > now() - interval '1 day'"))
        .containsExactly("created_at");
  }

  @Test
  void columnReferences_castWithDoubleColon_ignoresTypeName() {
    assertThat(columns("x::text = 'a'")).containsExactly("x");
  }

  @Test
  void columnReferences_castAs_ignoresTypeName() {
    assertThat(columns("CAST(amount AS numeric) > 0")).containsExactly("amount");
  }

  @Test
  void columnReferences_quotedIdentifiers_keepCaseAndUnescapeDoubledQuotes() {
    assertThat(columns("\"Order\" > 0 AND \"a\"\"b\" IS NOT NULL"))
        .containsExactly("Order", "a\"b")
        .inOrder();
  }

  @Test
  void columnReferences_unquotedIdentifiers_areFoldedToLowercase() {
    assertThat(columns("Status = 'X' OR QUANTITY > 0"))
        .containsExactly("status", "quantity")
        .inOrder();
  }

  @Test
  void columnReferences_severalColumnsAndRepeats_listsEachOnceInOrder() {
    assertThat(columns("price * quantity > 0 AND price < 100"))
        .containsExactly("price", "quantity")
        .inOrder();
  }

  @Test
  void columnReferences_keywordsAndLiterals_areNotColumns() {
    assertThat(columns(
            "shipped_at IS NULL OR shipped_at >= created_at AND NOT archived AND true"))
        .containsExactly("shipped_at", "created_at", "archived")
        .inOrder();
  }

  @Test
  void postgresOperators_jsonbArrayRegexAndCase_areParsed() {
    assertThat(columns("settings ->> 'theme' = 'dark'")).containsExactly("settings");
    assertThat(columns("tags @> ARRAY['a']")).containsExactly("tags");
    assertThat(columns("email ~* '^.+@.+$'")).containsExactly("email");
    assertThat(columns("CASE WHEN a > 0 THEN b ELSE c END = 1")).containsExactly("a", "b", "c").inOrder();
    assertThat(columns("current_date > due_on")).containsExactly("due_on");
  }

  @Test
  void unparsable_isEmptyNotAGuess() {
    assertThat(ExpressionColumns.of("a = = b")).isEmpty();
  }
}
