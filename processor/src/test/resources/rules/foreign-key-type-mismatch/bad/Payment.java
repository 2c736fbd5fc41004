package fixtures;

import dev.schemac.annotations.Id;
import dev.schemac.annotations.Indexed;
import dev.schemac.annotations.References;
import dev.schemac.annotations.Table;

@Table
public record Payment(
    @Id(generated = Id.Generated.IDENTITY) long id,
    @References(Account.class) @Indexed int accountId, // fires
    long amountCents) {}
