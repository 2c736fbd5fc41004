package fixtures;

import dev.schemac.annotations.Column;
import dev.schemac.annotations.Id;
import dev.schemac.annotations.Index;
import dev.schemac.annotations.Table;
import dev.schemac.annotations.Unique;
import java.time.LocalDate;

@Table
@Index(columns = {"region", "issued_on"})
public record Invoice(
    @Id(generated = Id.Generated.IDENTITY) long id,
    @Column(length = 20) @Unique String number,
    @Column(length = 40) String region,
    LocalDate issuedOn) {}
