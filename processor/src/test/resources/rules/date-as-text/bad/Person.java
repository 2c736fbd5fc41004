package fixtures;

import dev.schemac.annotations.Column;
import dev.schemac.annotations.Id;
import dev.schemac.annotations.Table;
import java.util.UUID;

@Table
public record Person(
    @Id UUID id,
    String birthDate, // fires
    @Column(length = 32) String hiredOn, // fires
    String dateFormat) {}
