package dev.schemac.processor.targets.postgresql;

import dev.schemac.processor.rules.Finding;

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

class JsonNotJsonbTest {
  private static final JsonNotJsonb RULE = new JsonNotJsonb();

  private static List<Finding> check(Column column) {
    return RULE.check(schema(table("webhooks", of("id", LogicalType.Kind.UUID), column)), Models.context());
  }

  @Test
  void jsonType_fires() {
    for (String type : List.of("json", "JSON", "json[]", " json ")) {
      List<Finding> findings = check(column("payload", Models.raw(type)));
      assertThat(findings).hasSize(1);
      assertThat(findings.get(0).column()).isEqualTo("payload");
      assertThat(findings.get(0).message()).contains("webhooks.payload");
      assertThat(findings.get(0).fix()).contains("@Json");
    }
  }

  @Test
  void jsonb_andLookAlikes_doNotFire() {
    assertThat(check(withMarkers(of("payload", LogicalType.Kind.JSON), Column.Marker.JSON))).isEmpty();
    for (String type : List.of("jsonb", "jsonb[]", "jsonpath", "text", "citext")) {
      assertThat(check(column("payload", Models.raw(type)))).isEmpty();
    }
    assertThat(check(of("json", LogicalType.Kind.STRING))).isEmpty(); // a text column merely named json
  }
}
