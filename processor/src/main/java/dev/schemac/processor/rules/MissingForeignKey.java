package dev.schemac.processor.rules;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.ForeignKey;
import dev.schemac.processor.model.Index;
import dev.schemac.processor.model.Identifiers;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.Table;
import dev.schemac.processor.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A column named {@code <x>_id}, where {@code <x>} (its last words: {@code order_item_id},
 * {@code parent_comment_id}) names a table of the schema, with no foreign key. The column must
 * have the type of that table's single-column key (a text {@code stripe_customer_id} is not a
 * {@code customers} key) and no word saying it identifies something outside the database
 * ({@code external_order_id}, {@code github_user_id}).
 */
public final class MissingForeignKey extends SchemaRule {
  /** Words before {@code <x>_id} that say the id belongs to another system. */
  private static final Set<String> EXTERNAL = Set.of(
      "external", "ext", "remote", "foreign", "legacy", "upstream", "downstream", "vendor", "provider", "partner",
      "supplier", "third", "crm", "erp", "oauth", "sso", "idp", "saml", "oidc", "stripe", "paypal", "braintree",
      "adyen", "shopify", "woocommerce", "magento", "amazon", "aws", "azure", "gcp", "google", "apple",
      "facebook", "twitter", "github", "gitlab", "bitbucket", "slack", "discord", "microsoft", "okta", "auth0",
      "firebase", "salesforce", "hubspot", "zendesk", "intercom", "mailchimp", "sendgrid", "twilio", "mixpanel",
      "jira", "netsuite", "quickbooks", "xero");

  /** Irregular plurals of the names Java records are usually given. */
  private static final Map<String, String> IRREGULAR = Map.of(
      "person", "people", "child", "children", "man", "men", "woman", "women", "criterion", "criteria",
      "medium", "media", "datum", "data", "index", "indexes");

  public MissingForeignKey() {
    super("missing-foreign-key", Level.WARNING,
        "A column named like a reference to a table, without a foreign key.");
  }

  @Override
  public List<Finding> check(Schema schema, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Table table : schema.tables()) {
      for (Column column : table.columns()) {
        List<String> words = Words.of(column.name());
        if (words.size() < 2 || !Words.last(words).equals("id") || column.type().array()
            || inForeignKey(table, column) || isOwnKey(table, column)) {
          continue;
        }
        Table target = referencedTable(schema, table.schema(), words.subList(0, words.size() - 1)).orElse(null);
        if (target == null || !compatible(column.type(), target)) {
          continue;
        }
        String targetKey = target.primaryKey().columns().get(0);
        String record = simpleName(target.sourceType());
        String component = column.javaName() == null ? column.name() : column.javaName();
        String message = table.name() + "." + column.name() + " is named like a reference to " + target.name()
            + "." + targetKey + " but has no foreign key: nothing stops it from holding an id that never existed"
            + " or whose " + target.name() + " row was deleted, so orphaned rows pile up silently, joins drop or"
            + " invent rows, and no cleanup happens on delete; the planner also loses the join estimates a"
            + " foreign key gives it.";
        String fix = Fixes.reference(table, column.name(), record, component, leadsAnIndex(table, column))
            + "; if it is an id from another system, name it so (e.g. external_" + column.name() + ")";
        findings.add(on(table, column, message, fix));
      }
    }
    return findings;
  }

  /**
   * The table named by the longest tail of {@code words} that names one (in schema {@code
   * inSchema}, else in the default schema), unless a word before
   * that tail says the id is another system's.
   */
  private static Optional<Table> referencedTable(Schema schema, String inSchema, List<String> words) {
    for (int start = 0; start < words.size(); start++) {
      List<String> tail = words.subList(start, words.size());
      for (String candidate : tableNames(String.join("_", tail))) {
        // a table of the column's own schema first, then one of the default schema
        Optional<Table> table = schema.table(Identifiers.qualified(inSchema, candidate))
            .or(() -> schema.table(candidate));
        if (table.isPresent()) {
          boolean external = words.subList(0, start).stream().anyMatch(EXTERNAL::contains);
          return external ? Optional.empty() : table;
        }
      }
    }
    return Optional.empty();
  }

  /** The names a table holding {@code singular} rows may have: plurals of its last word, or itself. */
  static Set<String> tableNames(String singular) {
    int cut = singular.lastIndexOf('_') + 1;
    String head = singular.substring(0, cut);
    String word = singular.substring(cut);
    Set<String> names = new LinkedHashSet<>();
    String irregular = IRREGULAR.get(word);
    if (irregular != null) {
      names.add(head + irregular);
    }
    if (word.endsWith("y") && word.length() > 1 && "aeiou".indexOf(word.charAt(word.length() - 2)) < 0) {
      names.add(head + word.substring(0, word.length() - 1) + "ies"); // category -> categories
    }
    if (word.endsWith("is")) {
      names.add(head + word.substring(0, word.length() - 2) + "es"); // analysis -> analyses
    }
    if (word.endsWith("s") || word.endsWith("x") || word.endsWith("z") || word.endsWith("ch") || word.endsWith("sh")) {
      names.add(head + word + "es"); // status -> statuses, box -> boxes, batch -> batches
    }
    names.add(head + word + "s");
    names.add(singular);
    return names;
  }

  private static boolean inForeignKey(Table table, Column column) {
    return table.foreignKeys().stream().map(ForeignKey::columns).anyMatch(cols -> cols.contains(column.name()));
  }

  private static boolean isOwnKey(Table table, Column column) {
    return table.primaryKey() != null && table.primaryKey().columns().equals(List.of(column.name()));
  }

  /** Whether the column could reference the target's key as it is declared. */
  private static boolean compatible(LogicalType mine, Table target) {
    if (target.primaryKey() == null || target.primaryKey().columns().size() != 1) {
      return false;
    }
    Column key = target.column(target.primaryKey().columns().get(0)).orElse(null);
    if (key == null) {
      return false;
    }
    LogicalType theirs = key.type();
    if (mine.kind().isIntegral() && theirs.kind().isIntegral()) {
      return true; // a narrower type is foreign-key-type-mismatch's finding, after the key is added
    }
    if (mine.storage().kind() == LogicalType.Kind.STRING && theirs.storage().kind() == LogicalType.Kind.STRING) {
      return true;
    }
    return mine.kind() == theirs.kind() && (mine.kind() != LogicalType.Kind.RAW || mine.rawSql().equals(theirs.rawSql()))
        && (mine.kind() != LogicalType.Kind.FIXED_STRING || mine.length() == theirs.length());
  }

  private static boolean leadsAnIndex(Table table, Column column) {
    String name = column.name();
    if (table.primaryKey() != null && table.primaryKey().columns().get(0).equals(name)) {
      return true;
    }
    if (table.uniques().stream().map(UniqueConstraint::columns).anyMatch(cols -> cols.get(0).equals(name))) {
      return true;
    }
    for (Index index : table.indexes()) {
      if (index.where() == null && !index.elements().isEmpty() && name.equals(index.elements().get(0).column())) {
        return true;
      }
    }
    return false;
  }

  private static String simpleName(String qualified) {
    return qualified.substring(qualified.lastIndexOf('.') + 1);
  }
}
