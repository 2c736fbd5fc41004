package shop;

import dev.schemac.annotations.Check;
import dev.schemac.annotations.Id;
import dev.schemac.annotations.Index;
import dev.schemac.annotations.References;
import dev.schemac.annotations.RenamedFrom;
import dev.schemac.annotations.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An order: its lines are embedded, read together with it. */
@Table(name = "orders")
@Index(columns = {"customer_id", "created_at"}, name = "orders_customer_recent")
@Index(columns = "created_at", where = "status = 'NEW'", name = "orders_new")
public record Order(
    @Id long id,
    @References(Customer.class) UUID customerId,
    OrderStatus status,
    @Check("cardinality(lines) BETWEEN 1 AND 100") List<Line> lines,
    @Check("total >= 0") BigDecimal total,
    @Nullable @RenamedFrom("note") String comment,
    Instant createdAt) {}
