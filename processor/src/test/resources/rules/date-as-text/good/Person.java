package fixtures;

import dev.schemac.annotations.Id;
import dev.schemac.annotations.Table;
import java.time.LocalDate;
import java.util.UUID;

@Table
public record Person(
    @Id UUID id,
    LocalDate birthDate,
    LocalDate hiredOn,
    String dateFormat) {}
