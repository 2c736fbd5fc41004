package shop;

import dev.schemac.annotations.Check;
import dev.schemac.annotations.Column;
import dev.schemac.annotations.Id;
import dev.schemac.annotations.Index;
import dev.schemac.annotations.SoftDelete;
import dev.schemac.annotations.Table;
import dev.schemac.annotations.Unique;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A customer of the shop.
 *
 * @param email where the shop writes to
 * @param address where parcels go
 */
@Table
@SoftDelete
@Index(columns = "name")
public record Customer(
    @Id UUID id,
    @Unique @Column(length = 200) @Check("email LIKE '%@%'") String email,
    @Column(length = 100) String name,
    Address address,
    @Check("cardinality(phones) <= 5") List<String> phones,
    @Check("age BETWEEN 18 AND 150") @Nullable Integer age,
    @Nullable Instant deletedAt,
    @Nullable @Column(length = 40) String nickname) {}
