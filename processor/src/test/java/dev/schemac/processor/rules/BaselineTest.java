package dev.schemac.processor.rules;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.schemac.processor.model.Origin;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BaselineTest {
  private static Finding finding(String rule, String table, String column, String message) {
    return new Finding(rule, table, column, message, "fix", Origin.NONE);
  }

  private static final Finding FK = finding("unindexed-foreign-key", "orders", "customer_id", "no index.");
  private static final Finding SECRET = finding("plaintext-secret", "users", "password", "readable\ttext\n.");
  private static final Finding TABLE = finding("missing-primary-key", "audit", null, "no key.");

  @Test
  void written_holdsEveryFinding_sortedOneALine_andAcceptsThemAll() {
    Baseline writing = Baseline.parse(null, true);
    writing.checked("unindexed-foreign-key");
    writing.checked("plaintext-secret");
    writing.checked("missing-primary-key");
    assertThat(writing.accepts(SECRET)).isTrue();
    assertThat(writing.accepts(FK)).isTrue();
    assertThat(writing.accepts(TABLE)).isTrue();
    String file = writing.render(Set.of());
    List<String> entries = file.lines().filter(l -> !l.startsWith("#")).toList();
    assertThat(entries).containsExactly(
        "missing-primary-key\taudit\t\tno key.",
        "plaintext-secret\tusers\tpassword\treadable text .",
        "unindexed-foreign-key\torders\tcustomer_id\tno index.").inOrder();
    assertThat(writing.foundCount()).isEqualTo(3);
  }

  @Test
  void read_acceptsListedFindingsOnly_eachEntryOnce_whateverTheMessageSays() {
    Baseline baseline = Baseline.parse("# comment\nunindexed-foreign-key\torders\tcustomer_id\tworded otherwise\n",
        false);
    baseline.checked("unindexed-foreign-key");
    assertThat(baseline.accepts(FK)).isTrue();
    assertThat(baseline.accepts(FK)).isFalse(); // a second finding on the same column is new
    assertThat(baseline.accepts(finding("unindexed-foreign-key", "orders", "shop_id", "no index."))).isFalse();
    assertThat(baseline.stale(Set.of())).isEmpty();
  }

  @Test
  void anEntryNoFindingMatches_isStale_unlessItsRuleDidNotRunOrItsTableWasNotChecked() {
    String text = "unindexed-foreign-key\torders\tcustomer_id\tm\n"
        + "plaintext-secret\tusers\tpassword\tm\n"
        + "enum-ordinal\titems\tstatus\tm\n"
        + "missing-primary-key\taudit\t\tm\n";
    Baseline baseline = Baseline.parse(text, false);
    baseline.checked("unindexed-foreign-key");
    baseline.checked("plaintext-secret");
    baseline.checked("missing-primary-key"); // enum-ordinal is off in this build
    baseline.accepts(SECRET);
    // audit was read back from its class file (an incremental build): its findings were not looked for
    assertThat(baseline.stale(Set.of("audit"))).containsExactly(
        new Baseline.Entry("unindexed-foreign-key", "orders", "customer_id", "m"));
  }

  @Test
  void rewritten_dropsFixedFindings_keepsWhatThisRunCouldNotJudge() {
    String text = "unindexed-foreign-key\torders\tcustomer_id\told\n"
        + "enum-ordinal\titems\tstatus\tkept: rule off\n"
        + "missing-primary-key\taudit\t\tkept: not checked\n";
    Baseline rewrite = Baseline.parse(text, true);
    rewrite.checked("unindexed-foreign-key");
    rewrite.checked("missing-primary-key");
    rewrite.checked("plaintext-secret");
    rewrite.accepts(SECRET); // the foreign key was fixed; the secret is new
    assertThat(rewrite.render(Set.of("audit")).lines().filter(l -> !l.startsWith("#")).toList()).containsExactly(
        "enum-ordinal\titems\tstatus\tkept: rule off",
        "missing-primary-key\taudit\t\tkept: not checked",
        "plaintext-secret\tusers\tpassword\treadable text .").inOrder();
  }

  @Test
  void aLineThatIsNotAnEntry_isRefusedWithItsNumber() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Baseline.parse("# header\nunindexed-foreign-key orders customer_id\n", false));
    assertThat(e).hasMessageThat().startsWith("line 2 is not");
  }
}
