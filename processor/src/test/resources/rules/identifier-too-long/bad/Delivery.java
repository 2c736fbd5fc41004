package fixtures;

import dev.schemac.annotations.Column;
import dev.schemac.annotations.Id;
import dev.schemac.annotations.Index;
import dev.schemac.annotations.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

@Table
@Index(columns = "reference", name = "idx_deliveries_reference_for_the_nightly_reconciliation_report_job") // fires
public record Delivery(
    @Id(generated = Id.Generated.IDENTITY) long id,
    @Column(length = 40) String reference,
    @Nullable Instant estimatedArrivalTimeReportedByTheCarrierBeforeTheParcelLeftTheDepot) {} // fires
