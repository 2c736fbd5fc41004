package fixtures;

import dev.schemac.annotations.Column;
import dev.schemac.annotations.Id;
import dev.schemac.annotations.Index;
import dev.schemac.annotations.Indexed;
import dev.schemac.annotations.Table;
import dev.schemac.annotations.Unique;
import java.time.LocalDate;

@Table
@Index(columns = {"region", "issued_on"})
@Unique(columns = "number") // fires
public record Invoice(
    @Id(generated = Id.Generated.IDENTITY) @Indexed long id, // fires
    @Column(length = 20) @Unique @Indexed String number, // fires
    @Column(length = 40) @Indexed String region, // fires
    LocalDate issuedOn) {}
