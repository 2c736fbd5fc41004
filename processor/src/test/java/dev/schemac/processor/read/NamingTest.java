package dev.schemac.processor.read;

import static com.google.common.truth.Truth.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Java names -> SQL names: snake_case columns, snake_case plural tables (docs/naming.md). */
class NamingTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "passwordHash, password_hash",
    "HTTPRequest, http_request",
    "userID, user_id",
    "sha256Hash, sha256_hash",
    "already_snake, already_snake",
    "id, id",
    "URL, url",
    "parseXMLDocument, parse_xml_document",
    "OrderItem, order_item",
    "address2Line, address2_line",
  })
  void snakeCase_javaName_becomesLowercaseWordsJoinedByUnderscore(String javaName, String expected) {
    assertThat(Naming.snakeCase(javaName)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "OrderItem, order_items",
    "Category, categories",
    "Address, addresses",
    "Status, statuses",
    "Person, people",
    "Box, boxes",
    "Day, days",
    "Analysis, analyses",
    "UserSettings, user_settings",
    "AuditLog, audit_logs",
    "User, users",
    "Church, churches",
    "Wish, wishes",
    "Child, children",
  })
  void tableName_recordName_isSnakeCasePluralOfLastWord(String recordName, String expected) {
    assertThat(Naming.tableName(recordName)).isEqualTo(expected);
  }

  /**
   * In a Turkish locale "I".toLowerCase() is the dotless "ı": names must not depend on the
   * machine that compiles (surefire runs with -Duser.language=tr; this test also forces it).
   */
  @Test
  void snakeCaseAndTableName_turkishDefaultLocale_giveSameNamesAsEverywhere() {
    Locale original = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      assertThat("I".toLowerCase()).isEqualTo("\u0131"); // the trap is really armed

      assertThat(Naming.snakeCase("userID")).isEqualTo("user_id");
      assertThat(Naming.snakeCase("InvoiceItem")).isEqualTo("invoice_item");
      assertThat(Naming.tableName("Invoice")).isEqualTo("invoices");
      assertThat(Naming.tableName("AuditLogEntry")).isEqualTo("audit_log_entries");
      assertThat(Naming.tableName("IDCard")).isEqualTo("id_cards");
    } finally {
      Locale.setDefault(original);
    }
  }
}
