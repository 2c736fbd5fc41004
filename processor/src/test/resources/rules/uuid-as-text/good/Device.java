package fixtures;

import dev.schemac.annotations.Id;
import dev.schemac.annotations.Table;
import java.util.UUID;

@Table
public record Device(
    @Id(generated = Id.Generated.IDENTITY) long id,
    UUID installUuid,
    UUID vendorGuid,
    String model) {}
