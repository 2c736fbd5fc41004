package fixtures;

import dev.schemac.annotations.Column;
import dev.schemac.annotations.Id;
import dev.schemac.annotations.Index;
import dev.schemac.annotations.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

@Table
@Index(columns = "reference", name = "idx_deliveries_reconciliation")
public record Delivery(
    @Id(generated = Id.Generated.IDENTITY) long id,
    @Column(length = 40) String reference,
    @Column(name = "carrier_estimated_arrival") @Nullable
        Instant estimatedArrivalTimeReportedByTheCarrierBeforeTheParcelLeftTheDepot) {}
