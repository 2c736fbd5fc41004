package dev.schemac.processor.targets.postgresql;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.schemac.processor.testing.EmbeddedPostgresServer;
import dev.schemac.processor.testing.EmbeddedPostgresServer.TestDatabase;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The identity sequence names schemac predicts, against the names PostgreSQL gives them. */
class PostgresNamesTest {
  @Test
  void identitySequence_isTheNamePostgresGivesIt_shortenedOrNot() throws Exception {
    String[][] cases = {
        {"items", "id"}, // fits
        {"ledger_entries_for_the_quarterly_reconciliation_of_accounts_a", "id"}, // the table is cut
        {"t", "sequence_number_of_the_movement_in_the_ledger_of_the_warehouse_x"}, // the column is cut
        {"inventory_movements_between_warehouses", "sequence_number_of_the_movement"}, // both
        {"écritures_comptables_du_rapprochement_trimestriel_été", "numéro_de_cette_écriture_é"}, // cut inside é
        {"ééééééééééééééééééééééééééééééé", "a"}, // a table of two-byte characters only
    };
    try (TestDatabase db = EmbeddedPostgresServer.freshDatabase(); Statement st = db.connection().createStatement()) {
      for (String[] c : cases) {
        st.execute("CREATE TABLE \"" + c[0] + "\" (\"" + c[1] + "\" bigint GENERATED ALWAYS AS IDENTITY)");
        try (ResultSet rs = st.executeQuery("SELECT s.relname FROM pg_depend d JOIN pg_class s ON s.oid = d.objid"
            + " JOIN pg_class t ON t.oid = d.refobjid WHERE s.relkind = 'S' AND t.relname = '" + c[0] + "'")) {
          rs.next();
          assertWithMessage("%s.%s", c[0], c[1]).that(PostgresNames.identitySequence(c[0], c[1]))
              .isEqualTo(rs.getString(1));
        }
      }
    }
  }
}
