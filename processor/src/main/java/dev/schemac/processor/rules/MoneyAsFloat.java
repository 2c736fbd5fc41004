package dev.schemac.processor.rules;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A floating-point column ({@code real}, {@code double precision}) whose name says it holds an
 * amount of money. "total" is money only as the last word ({@code order_total}, not {@code
 * total_steps}). A name that also says it measures something else ({@code total_weight},
 * {@code tax_rate}, {@code discount_percent}, {@code credit_score}) is not money; a unit after
 * "per" ({@code price_per_kg}) does not make it a measurement.
 */
public final class MoneyAsFloat extends SchemaRule {
  private static final Set<String> MONEY = Set.of(
      "price", "prices", "msrp", "amount", "amounts", "cost", "costs",
      "balance", "balances", "fee", "fees", "tax", "taxes", "vat", "salary", "salaries", "wage", "wages",
      "revenue", "revenues", "payment", "payments", "refund", "refunds", "discount", "credit", "debit",
      "charge", "charges", "budget", "income", "spend", "spending", "payout", "payouts", "cent", "cents",
      "money", "earnings", "profit", "commission", "tip", "tips", "deposit", "rent", "paid", "owed",
      "payable", "receivable", "usd", "eur", "gbp", "dollar", "dollars", "euro", "euros");

  /** Money only as the last word: an order_total is money, total_steps is not. */
  private static final Set<String> MONEY_WHEN_LAST = Set.of("total", "totals", "subtotal", "subtotals");

  /** Words that say the column measures something other than money, or is a ratio of money. */
  private static final Set<String> MEASUREMENT = Set.of(
      "weight", "weights", "distance", "score", "scores", "rating", "ratings", "count", "duration", "volume",
      "height", "width", "length", "depth", "mass", "area", "percent", "percentage", "pct", "ratio", "rate",
      "rates", "probability", "fraction", "share", "factor", "multiplier", "coefficient", "temperature",
      "latitude", "longitude", "lat", "lng", "lon", "speed", "size", "quantity", "qty", "time", "seconds",
      "minutes", "hours", "days", "ms", "kg", "km", "miles", "meters", "grams", "calories", "points",
      "level", "battery", "index", "elasticity", "volatility", "growth", "variance", "deviation", "utilization");

  /** A user-written SQL type that is floating point. */

  public MoneyAsFloat() {
    super("money-as-float", Level.ERROR, "Money in a floating-point column.");
  }

  @Override
  public List<Finding> check(Schema schema, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Table table : schema.tables()) {
      for (Column column : table.columns()) {
        if (!isFloatingPoint(context.stored(column.type()))) {
          continue;
        }
        List<String> words = Words.of(column.name());
        // price_per_kg: what follows "per" is a unit of the price, not what the column measures
        int per = words.indexOf("per");
        List<String> measured = per <= 0 ? words : words.subList(0, per);
        boolean money = Words.containsAny(measured, MONEY) || MONEY_WHEN_LAST.contains(Words.last(measured));
        if (!money || Words.containsAny(measured, MEASUREMENT)) {
          continue;
        }
        String component = column.javaName() == null ? column.name() : column.javaName();
        String message = table.name() + "." + column.name() + " holds money in " + context.typeName(column.type())
            + ", a binary floating-point type that cannot represent 0.10 exactly: sums drift by fractions of a cent"
            + " (0.1 + 0.2 = 0.30000000000000004), totals stop matching invoices, ledgers and the payment"
            + " provider, rounding differs between the database and the application, and equality checks on"
            + " amounts fail.";
        boolean cents = words.contains("cents") || words.contains("cent");
        String fix = cents
            ? "declare it `long " + component + "` (bigint): an amount in cents is a whole number"
            : "declare it `@Column(precision = 12, scale = 2) BigDecimal " + component + "` (numeric), or a `long`"
                + " amount in cents";
        findings.add(on(table, column, message, fix));
      }
    }
    return findings;
  }

  private static boolean isFloatingPoint(LogicalType type) {
    return type.kind() == LogicalType.Kind.FLOAT32 || type.kind() == LogicalType.Kind.FLOAT64;
  }
}
