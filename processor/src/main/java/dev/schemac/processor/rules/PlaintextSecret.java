package dev.schemac.processor.rules;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A text or bytea column whose name says it holds a secret (a password, a token, an API or
 * private key, a card number...) that is neither {@code @Hashed} nor {@code @Encrypted} nor named
 * like a hash, a ciphertext or a harmless part of the secret (password_hint, card_last4).
 */
public final class PlaintextSecret extends SchemaRule {
  private static final Set<String> PASSWORD = Set.of("password", "passwords", "passwd", "pwd", "passphrase", "passcode");
  private static final Set<String> CVV = Set.of("cvv", "cvv2", "cvc", "cvc2");
  private static final Set<String> SECRET = Set.of("secret", "secrets", "credential", "credentials");
  private static final Set<String> TOKEN = Set.of("token", "jwt"); // "tokens" is as often words a text was split into
  private static final Set<String> OTP = Set.of("otp", "totp", "hotp", "mfa", "2fa", "twofa");
  private static final Set<String> KEY = Set.of("key", "keys");
  /** Kinds of key that are secrets: api_key, private_key... (public_key, sort_key, cache_key are not). */
  private static final Set<String> SECRET_KEY_KINDS = Set.of("api", "access", "private", "priv", "secret", "signing",
      "encryption", "master");

  /** Tokens that stand for something else and are meant to be stored: push_token, next_page_token. */
  private static final Set<String> NOT_SECRET_TOKENS = Set.of("push", "device", "fcm", "apns", "gcm", "notification",
      "page", "pagination", "next", "cursor", "continuation", "sync", "idempotency", "card", "payment", "stripe",
      "braintree", "trace", "lexer", "parser", "search", "word");

  /**
   * Words that make the column about the secret without being it: its hash or ciphertext, a
   * harmless part, metadata about it, or what it belongs to.
   */
  private static final Set<String> NOT_THE_SECRET = Set.of(
      // hashes and ciphertext
      "hash", "hashed", "hashes", "digest", "bcrypt", "argon2", "argon2id", "scrypt", "pbkdf2", "sha1", "sha256",
      "sha512", "md5", "hmac", "encrypted", "enc", "cipher", "ciphertext", "crypt", "crypted", "fingerprint",
      "thumbprint", "salt", "nonce", "iv",
      // a harmless part or a stand-in
      "last4", "prefix", "suffix", "hint", "masked", "mask", "redacted", "obfuscated", "placeholder", "bin", "iin",
      "tokenized",
      // metadata about the secret
      "policy", "rules", "strength", "algorithm", "algo", "type", "kind", "format", "scheme", "pattern", "template",
      "name", "label", "description", "ref", "reference", "arn", "path", "url", "uri", "endpoint", "version",
      "scope", "scopes", "status", "state", "provider", "issuer", "audience", "expiry", "expires", "expiration",
      "exp", "rotation", "length", "len", "count", "size", "public", "brand", "holder", "owner", "field",
      "column", "validation", "color", "colour", "icon", "webauthn", "passkey",
      // crypto-currency tokens
      "symbol", "address", "decimals", "contract");

  /** The last word that makes the column an identifier of the secret: api_key_id, token_uuid. */
  private static final Set<String> IDENTIFIERS = Set.of("id", "ids", "uuid", "guid", "kid");

  public PlaintextSecret() {
    super("plaintext-secret", Level.ERROR,
        "A password, token, key or card number stored as readable text: anyone who reads the table can use it.");
  }

  @Override
  public List<Finding> check(Schema schema, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Table table : schema.tables()) {
      for (Column column : table.columns()) {
        if (column.has(Column.Marker.HASHED) || column.has(Column.Marker.ENCRYPTED)) {
          continue;
        }
        if (!ColumnTypes.isText(column, true, context) && !(column.type().kind() == Kind.BINARY && !column.type().array())) {
          continue;
        }
        Secret secret = secretIn(ColumnTypes.words(column));
        if (secret != null) {
          findings.add(on(table, column, message(table, column, secret, context), fix(column, secret)));
        }
      }
    }
    return findings;
  }

  /** What the secret is and how it should be kept. */
  private enum Secret {
    PASSWORD("a password", true),
    PIN("a PIN", true),
    ANSWER("the answer to a security question", true),
    RECOVERY_CODE("recovery codes", true),
    CARD_NUMBER("a payment card number", false),
    CARD_CODE("a card verification code (CVV/CVC)", false),
    SSN("a social security number", false),
    PRIVATE_KEY("a private key", false),
    KEY("a secret key", false),
    OTP_SEED("a one-time-password seed", false),
    TOKEN("a token", false),
    SECRET("a secret", false);

    final String what;
    /** Only ever compared with what a user types: a one-way hash is enough. */
    final boolean verifyOnly;

    Secret(String what, boolean verifyOnly) {
      this.what = what;
      this.verifyOnly = verifyOnly;
    }
  }

  /** The secret the name says the column holds, or null. Package-private for the unit test. */
  static Secret secretIn(List<String> words) {
    if (words.isEmpty() || TemporalNames.pointInTime(words).isPresent()) {
      return null; // password_reset_at, token_expires_at: a point in time, whatever its type
    }
    boolean answer = words.contains("answer") || words.contains("answers");
    if (Words.containsAny(words, NOT_THE_SECRET)
        || IDENTIFIERS.contains(Words.last(words))
        || Words.hasPair(words, "last", "four") || Words.hasPair(words, "last", "4")
        || words.contains("question") && !answer) {
      return null;
    }
    if (Words.containsAny(words, PASSWORD)) {
      return Secret.PASSWORD;
    }
    if (Words.containsAny(words, CVV)) {
      return Secret.CARD_CODE;
    }
    boolean token = Words.containsAny(words, TOKEN);
    if (Words.hasPair(words, "credit", "card") || Words.hasPair(words, "debit", "card")
        || Words.hasPair(words, "card", "number") || Words.hasPair(words, "cc", "number")
        || Words.hasPair(words, "card", "no") || Words.hasPair(words, "card", "num") || words.contains("ccnum")
        || words.contains("pan") && words.contains("card")) {
      return token ? null : Secret.CARD_NUMBER; // credit_card_token: the processor's stand-in for the number
    }
    if (words.contains("ssn") || Words.hasPair(words, "social", "security")) {
      return Secret.SSN;
    }
    if (Words.hasPair(words, "private", "key") || Words.hasPair(words, "priv", "key") || words.contains("privkey")) {
      return Secret.PRIVATE_KEY;
    }
    if (words.contains("apikey") || secretKey(words)) {
      return Secret.KEY;
    }
    if (answer && (words.contains("security") || words.contains("secret"))) {
      return Secret.ANSWER;
    }
    if (Words.containsAny(words, SECRET)) {
      return Secret.SECRET;
    }
    if ((words.contains("recovery") || words.contains("backup"))
        && (words.contains("code") || words.contains("codes"))) {
      return Secret.RECOVERY_CODE;
    }
    // otp_channel or mfa_method say how, not what: only the seed, the code or the bare word is secret
    if (words.contains("seed") && (Words.containsAny(words, OTP) || words.contains("phrase"))
        || Words.containsAny(words, OTP) && (words.contains("code") || words.contains("key"))
        || words.size() == 1 && Set.of("otp", "totp", "hotp").contains(words.get(0))) {
      return Secret.OTP_SEED;
    }
    if (words.contains("pin")) {
      return Secret.PIN;
    }
    if (token && !Words.containsAny(words, NOT_SECRET_TOKENS)) {
      return Secret.TOKEN;
    }
    return null;
  }

  private static boolean secretKey(List<String> words) {
    for (int i = 1; i < words.size(); i++) {
      if (KEY.contains(words.get(i)) && SECRET_KEY_KINDS.contains(words.get(i - 1))) {
        return true;
      }
    }
    return false;
  }

  private static String message(Table table, Column column, Secret secret, RuleContext context) {
    String where = table.name() + "." + column.name() + " holds " + secret.what + " as "
        + (column.type().kind() == Kind.BINARY ? "plain bytes" : "readable text") + " (" + context.typeName(column.type()) + "): ";
    String anyone = "anyone who can read the table — a read replica, a backup or dump, a slow-query log, a support"
        + " console, one SQL injection — ";
    return where + switch (secret) {
      case PASSWORD, PIN, ANSWER -> anyone + "gets every user's " + secret.what.substring(secret.what.indexOf(' ') + 1)
          + " and can sign in as them, here and wherever they reused it.";
      case RECOVERY_CODE -> anyone + "can bypass every user's second factor.";
      case CARD_NUMBER -> anyone + "can charge the cards, and PCI DSS forbids storing a card number readable;"
          + " a breach of it means fines and losing the right to take cards.";
      case CARD_CODE -> "PCI DSS forbids storing the card verification code after authorization at all, even"
          + " encrypted; " + anyone + "can pay with the cards.";
      case SSN -> anyone + "can steal the identities of everyone in it; a breach must be disclosed.";
      case PRIVATE_KEY, KEY, TOKEN, SECRET, OTP_SEED -> anyone + "can use it at once to act as its owner, until"
          + " every one of them is rotated.";
    };
  }

  private static String fix(Column column, Secret secret) {
    String name = ColumnTypes.javaName(column);
    String javaType = column.type().kind() == Kind.BINARY ? "byte[]" : "String";
    String hashed = "`@Hashed " + javaType + " " + name + "`";
    String encrypted = "`@Encrypted byte[] " + name + "`";
    return switch (secret) {
      case PASSWORD, PIN, ANSWER, RECOVERY_CODE -> "declare it " + hashed
          + " and store only bcrypt or argon2 output: you only ever verify it";
      case CARD_CODE -> "do not store it: remove the column (the payment processor checks it once, when the payment"
          + " is authorized)";
      case CARD_NUMBER -> "keep only the payment processor's token and the last four digits (`String cardLast4`),"
          + " or, if you must read the number back, declare it " + encrypted + " (ciphertext under a key from a KMS)";
      case SSN -> "declare it " + encrypted + " (ciphertext under a key from a KMS), and keep the last four digits"
          + " apart if you display them";
      case PRIVATE_KEY, KEY, TOKEN, SECRET, OTP_SEED -> hashed + " if you only verify it (store bcrypt/argon2"
          + " output, or SHA-256 of a long random token), " + encrypted + " if you must read it back";
    };
  }
}
