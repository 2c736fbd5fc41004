package dev.schemac.processor.rules;

import static com.google.common.truth.Truth.assertThat;
import static dev.schemac.processor.testing.Models.column;
import static dev.schemac.processor.testing.Models.of;
import static dev.schemac.processor.testing.Models.schema;
import static dev.schemac.processor.testing.Models.table;
import static dev.schemac.processor.testing.Models.withMarkers;

import dev.schemac.processor.testing.Models;
import dev.schemac.processor.model.Column;
import dev.schemac.processor.testing.Models;
import dev.schemac.processor.model.LogicalType;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnumOrdinalTest {
  private static final EnumOrdinal RULE = new EnumOrdinal();

  private static List<Finding> check(Column column) {
    return RULE.check(schema(table("tickets", of("id", LogicalType.Kind.UUID), column)), Models.context());
  }

  @Test
  void enumStoredByOrdinal_fires() {
    List<Finding> findings = check(withMarkers(column("priority", Models.raw("smallint")), Column.Marker.ENUM_ORDINAL));
    assertThat(findings).hasSize(1);
    Finding f = findings.get(0);
    assertThat(f.table()).isEqualTo("tickets");
    assertThat(f.column()).isEqualTo("priority");
    assertThat(f.message()).contains("tickets.priority");
    assertThat(f.message()).contains("remaps");
    assertThat(f.fix()).contains("remove @Column(type = \"smallint\")");
    assertThat(f.fix()).contains("@NativeEnum");
  }

  @Test
  void ordinalWithoutCustomType_suggestsEnumeratedString() {
    List<Finding> findings = check(withMarkers(of("priority", LogicalType.Kind.INT32), Column.Marker.ENUM_ORDINAL));
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).fix()).contains("@Enumerated(EnumType.STRING)");
  }

  @Test
  void enumStoredByName_doesNotFire() {
    assertThat(check(column("priority", LogicalType.enumOf(List.of("LOW", "HIGH"))))).isEmpty();
    assertThat(check(column("priority", LogicalType.namedEnum("priority", List.of("LOW", "HIGH"))))).isEmpty();
  }

  @Test
  void plainIntegerColumn_doesNotFire() {
    assertThat(check(of("retry_count", LogicalType.Kind.INT16))).isEmpty();
    assertThat(check(column("retry_count", Models.raw("smallint")))).isEmpty();
  }

  @Test
  void otherMarkers_doNotFire() {
    assertThat(check(withMarkers(column("payload", LogicalType.of(LogicalType.Kind.JSON)), Column.Marker.JSON))).isEmpty();
  }
}
