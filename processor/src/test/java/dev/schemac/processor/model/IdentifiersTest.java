package dev.schemac.processor.model;

import static com.google.common.truth.Truth.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Identifier validity, and how generated names are fitted into PostgreSQL's 63 bytes. */
class IdentifiersTest {

  private static final String LONG =
      "idx_customer_subscription_invoices_billing_address_postal_code_and_country";

  @Test
  void fit_nameOf63Bytes_isUnchanged() {
    String name = "a".repeat(63);

    assertThat(Identifiers.fit(name)).isSameInstanceAs(name);
    assertThat(Identifiers.fit("users_email_key")).isEqualTo("users_email_key");
  }

  @Test
  void fit_nameOf64Bytes_isShortenedToPrefixUnderscoreAndEightHexOfSha256() throws Exception {
    String name = "b".repeat(64);

    String fitted = Identifiers.fit(name);

    assertThat(fitted).isEqualTo("b".repeat(54) + "_" + sha256(name).substring(0, 8));
    assertThat(fitted.length()).isEqualTo(63);
  }

  @Test
  void fit_longGeneratedName_keepsReadablePrefixAndFitsExactly() throws Exception {
    String fitted = Identifiers.fit(LONG);

    assertThat(fitted).matches("[a-z0-9_]+_[0-9a-f]{8}");
    assertThat(fitted).hasLength(63);
    assertThat(fitted).startsWith(LONG.substring(0, 54));
    assertThat(fitted).endsWith("_" + sha256(LONG).substring(0, 8));
  }

  @Test
  void fit_prefixEndingInUnderscore_doesNotDoubleTheUnderscore() {
    // the 54th character is '_': the prefix loses it rather than giving "__<hash>"
    String name = "c".repeat(53) + "_" + "d".repeat(20);

    String fitted = Identifiers.fit(name);

    assertThat(fitted).doesNotContain("__");
    assertThat(fitted).matches("c{53}_[0-9a-f]{8}");
  }

  @Test
  void fit_sameInput_givesSameNameEveryTime() {
    assertThat(Identifiers.fit(LONG)).isEqualTo(Identifiers.fit(new String(LONG.toCharArray())));
  }

  @Test
  void fit_twoLongNamesWithSamePrefix_differ() {
    String a = LONG + "_a";
    String b = LONG + "_b";

    assertThat(Identifiers.fit(a)).isNotEqualTo(Identifiers.fit(b));
    assertThat(Identifiers.fit(a).substring(0, 54)).isEqualTo(Identifiers.fit(b).substring(0, 54));
  }

  /** The limit is in bytes: PostgreSQL truncates at 63 bytes of UTF-8, not 63 characters. */
  @ParameterizedTest
  @ValueSource(strings = {
    "idx_café_crème_brûlée_déjà_vu_naïve_façade_piñata_jalapeño_smörgåsbord_ünïcödé",
    "ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé",
  })
  void fit_multiByteName_fitsIn63Bytes(String name) {
    assertThat(Identifiers.byteLength(name)).isGreaterThan(63);

    String fitted = Identifiers.fit(name);

    assertThat(Identifiers.byteLength(fitted)).isAtMost(63);
    assertThat(fitted).matches(".+_[0-9a-f]{8}");
  }

  @Test
  void fit_multiByteNameOf63Bytes_isUnchanged() {
    String name = "é".repeat(31) + "x"; // 62 + 1 bytes

    assertThat(Identifiers.fit(name)).isEqualTo(name);
  }

  @Test
  void generated_partsAreJoinedWithUnderscoreThenFitted() {
    assertThat(Identifiers.generated(List.of("orders", "user_id", "fkey"))).isEqualTo("orders_user_id_fkey");
    assertThat(Identifiers.generated(List.of(LONG, "x"))).isEqualTo(Identifiers.fit(LONG + "_x"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"users", "_private", "a1", "order_items_2"})
  void isValid_lowercaseIdentifier_isTrue(String name) {
    assertThat(Identifiers.isValid(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bad Name", "x;drop table y", "1abc", "Users", "", "a-b", "\"users\"", "ünï"})
  void isValid_anythingElse_isFalse(String name) {
    assertThat(Identifiers.isValid(name)).isFalse();
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
