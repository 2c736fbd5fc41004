package dev.schemac.processor.rules;

import static com.google.common.truth.Truth.assertThat;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.testing.Models;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** plaintext-secret on the model: whole-word names, only on text and bytea, never when hashed or encrypted. */
class PlaintextSecretTest {
  private static final PlaintextSecret RULE = new PlaintextSecret();

  private static List<Finding> check(Column column) {
    return RULE.check(Models.schema(Models.table("accounts", Models.of("id", Kind.UUID), column)),
        Models.context());
  }

  private static boolean fires(Column column) {
    return !check(column).isEmpty();
  }

  private static List<String> silentOnText(String... names) {
    return Stream.of(names).filter(n -> !fires(Models.text(n))).toList();
  }

  private static List<String> firingOnText(String... names) {
    return Stream.of(names).filter(n -> fires(Models.text(n))).toList();
  }

  @Test
  void plaintextSecret_secretNamesOnText_fire() {
    assertThat(silentOnText(
        "password", "passwd", "pwd", "db_password", "smtp_password", "wifi_password", "passphrase", "passcode",
        "api_key", "apikey", "stripe_api_key", "access_key", "aws_secret_access_key", "private_key",
        "ssh_private_key", "secret", "client_secret", "webhook_secret", "secret_key", "signing_key",
        "encryption_key", "token", "access_token", "refresh_token", "session_token", "auth_token",
        "password_reset_token", "invite_token", "id_token", "jwt", "ssn", "social_security_number",
        "credit_card_number", "card_number", "cc_number", "credit_card", "cvv", "card_cvc", "pin", "pin_code",
        "atm_pin", "otp_seed", "totp_secret", "otp", "otp_code", "mfa_seed", "backup_codes", "security_answer",
        "secret_answer", "seed_phrase", "db_credentials", "oauth_client_secret", "github_token", "email_password", "wifi_network_password"))
        .isEmpty();
  }

  @Test
  void plaintextSecret_harmlessNamesOnText_doNotFire() {
    assertThat(firingOnText(
        // hashes, ciphertext and harmless parts
        "password_hash", "password_digest", "bcrypt_password", "encrypted_password", "password_hint",
        "password_salt", "token_hash", "token_prefix", "api_key_hash", "card_last4", "card_last_four",
        "ssh_key_fingerprint", "masked_card_number",
        // metadata about a secret
        "password_policy", "password_algorithm", "token_type", "secret_name", "secret_arn", "secret_version",
        "secret_question", "card_brand", "card_holder_name", "otp_channel", "mfa_method",
        // identifiers and public halves
        "api_key_id", "aws_access_key_id", "token_id", "public_key", "ssh_public_key", "credential_id",
        // keys and tokens that are not credentials
        "sort_key", "cache_key", "idempotency_key", "object_key", "partition_key", "push_token", "device_token",
        "fcm_token", "next_page_token", "page_token", "credit_card_token", "search_tokens", "tokenizer",
        // points in time (date-as-text's business), and whole-word traps
        "password_reset_at", "token_expires_at", "pin_updated_at", "spinner", "pinned", "shipping", "pinyin",
        "passenger_name", "compass_heading", "bypass_reason", "secretary", "keynote", "session_id",
        "username", "display_name", "email", "description", "pinterest_url"))
        .isEmpty();
  }

  @Test
  void plaintextSecret_varcharAndTextArrays_fire() {
    assertThat(fires(Models.column("password", LogicalType.string(255)))).isTrue();
    assertThat(fires(Models.column("recovery_codes", LogicalType.of(Kind.STRING).asArray()))).isTrue();
    assertThat(fires(Models.column("api_token", Models.raw("citext")))).isTrue();
  }

  @Test
  void plaintextSecret_bytea_firesUnlessEncrypted() {
    assertThat(fires(Models.of("private_key", Kind.BINARY))).isTrue();
    assertThat(fires(Models.of("secret", Kind.BINARY))).isTrue();
    assertThat(fires(Models.withMarkers(Models.of("api_token", Kind.BINARY), Column.Marker.ENCRYPTED))).isFalse();
    assertThat(fires(Models.withMarkers(Models.of("private_key", Kind.BINARY), Column.Marker.ENCRYPTED))).isFalse();
  }

  @Test
  void plaintextSecret_hashed_doesNotFire() {
    assertThat(fires(Models.withMarkers(Models.text("password"), Column.Marker.HASHED))).isFalse();
    assertThat(fires(Models.withMarkers(Models.text("api_key"), Column.Marker.HASHED))).isFalse();
  }

  @Test
  void plaintextSecret_otherTypes_doNotFire() {
    assertThat(fires(Models.of("token_count", Kind.INT32))).isFalse();
    assertThat(fires(Models.of("pin", Kind.INT32))).isFalse();
    assertThat(fires(Models.of("password_changed_at", Kind.INSTANT))).isFalse();
    assertThat(fires(Models.of("password_set", Kind.BOOLEAN))).isFalse();
    assertThat(fires(Models.of("credentials", Kind.JSON))).isFalse();
    assertThat(fires(Models.of("session_token", Kind.UUID))).isFalse();
    assertThat(fires(Models.column("token_type", LogicalType.enumOf(List.of("BEARER", "MAC"))))).isFalse();
    assertThat(fires(Models.column("password", Models.raw("inet")))).isFalse();
  }

  @Test
  void plaintextSecret_message_namesTableColumnAndFix() {
    Finding f = check(Models.text("password")).get(0);
    assertThat(f.ruleId()).isEqualTo("plaintext-secret");
    assertThat(f.table()).isEqualTo("accounts");
    assertThat(f.column()).isEqualTo("password");
    assertThat(f.message()).contains("accounts.password");
    assertThat(f.fix()).contains("`@Hashed String password`");
    assertThat(check(Models.text("api_token")).get(0).fix()).contains("`@Encrypted byte[] api_token`");
    assertThat(check(Models.text("cvv")).get(0).fix()).contains("do not store it");
  }
}
