package fixtures;

import dev.schemac.annotations.Column;
import dev.schemac.annotations.Id;
import dev.schemac.annotations.Table;

@Table
public record Device(
    @Id(generated = Id.Generated.IDENTITY) long id,
    @Column(length = 36) String installUuid, // fires
    String vendorGuid, // fires
    String model) {}
