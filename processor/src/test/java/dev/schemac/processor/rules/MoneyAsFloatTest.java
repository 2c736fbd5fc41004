package dev.schemac.processor.rules;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.schemac.processor.model.Column;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.LogicalType.Kind;
import dev.schemac.processor.testing.Models;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyAsFloatTest {
  private static List<Finding> check(Column column) {
    return new MoneyAsFloat().check(
        Models.schema(Models.table("orders", Models.of("id", Kind.INT64), column)), Models.context());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "price", "unit_price", "list_price", "sale_price", "msrp", "amount", "total_amount", "amount_paid",
      "order_total", "grand_total", "subtotal", "running_total", "cost", "shipping_cost", "unit_cost", "balance",
      "account_balance", "balance_due", "fee", "service_fee", "late_fees", "tax", "tax_amount", "vat", "salary",
      "annual_salary", "hourly_wage", "revenue", "monthly_revenue", "payment", "payment_amount", "refund_amount",
      "discount", "discount_amount", "credit_limit", "credit", "debit", "charge", "total_charges", "budget",
      "monthly_budget", "income", "ad_spend", "payout", "amount_cents", "price_cents", "money", "earnings",
      "commission", "tip", "deposit", "rent", "price_per_kg", "cost_per_click", "price_per_unit",
      "per_unit_price", "price_usd", "amount_eur", "total_dollars"})
  void moneyNamesOnDouble_fire(String name) {
    assertWithMessage(name).that(check(Models.of(name, Kind.FLOAT64))).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"price", "total_amount", "shipping_fee", "balance"})
  void moneyNamesOnRealAndCustomFloats_fire(String name) {
    List<LogicalType> types = List.of(LogicalType.of(Kind.FLOAT32), LogicalType.of(Kind.FLOAT64).asArray(), Models.raw("real"),
        Models.raw("double precision"), Models.raw("float4"), Models.raw("float8"),
        Models.raw("float"), Models.raw("float(53)"), Models.raw("double precision[]"));
    for (LogicalType type : types) {
      assertWithMessage(name + " " + type).that(check(Models.column(name, type))).hasSize(1);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // measurements
      "weight", "total_weight", "total_distance", "total_score", "latitude", "longitude", "lat", "lng", "score",
      "rating", "average_rating", "ratio", "percentage", "temperature", "altitude", "elevation", "humidity",
      "accuracy", "confidence", "probability", "speed", "height", "duration_seconds", "total_time",
      "total_points", "total_steps", "total_reps",
      // ratios of money are not money
      "tax_rate", "interest_rate", "exchange_rate", "discount_percent", "discount_rate", "discount_ratio",
      "fee_percentage", "tax_pct", "commission_rate", "revenue_share", "conversion_rate", "price_index",
      "price_elasticity", "price_volatility", "budget_utilization", "payment_probability", "credit_score",
      "battery_charge", "charge_level", "points_per_dollar", "miles_per_dollar", "price_weight",
      // whole words only
      "feedback_score", "costume_size", "tipping_point", "balanced_accuracy", "discounted_gain", "taxi_speed",
      "prices_seen_count", "spinner_speed", "pinned_ratio", "shipping_weight", "token_count",
      // not money at all
      "load_factor", "learning_rate", "loss", "x", "y", "z"})
  void otherNamesOnDouble_doNotFire(String name) {
    assertWithMessage(name).that(check(Models.of(name, Kind.FLOAT64))).isEmpty();
  }

  @Test
  void moneyNamesOnExactTypes_doNotFire() {
    List<Column> columns = List.of(
        Models.column("price", LogicalType.decimal(12, 2)),
        Models.column("total_amount", LogicalType.decimal(0, 0)),
        Models.of("price_cents", Kind.INT64),
        Models.of("amount_cents", Kind.INT32),
        Models.of("balance", Kind.STRING),
        Models.column("fee", Models.raw("numeric(10,2)")),
        Models.column("salary", Models.raw("money")),
        Models.column("cost", Models.raw("decimal(12, 4)")),
        Models.of("paid", Kind.BOOLEAN),
        Models.of("paid_at", Kind.INSTANT));
    for (Column column : columns) {
      assertWithMessage(column.name() + " " + column.type()).that(check(column)).isEmpty();
    }
  }

  @Test
  void finding_namesTableAndColumn_andSuggestsBigDecimal() {
    Finding finding = check(Models.of("total_amount", Kind.FLOAT64)).get(0);
    assertThat(finding.ruleId()).isEqualTo("money-as-float");
    assertThat(finding.table()).isEqualTo("orders");
    assertThat(finding.column()).isEqualTo("total_amount");
    assertThat(finding.message()).contains("orders.total_amount holds money in double precision");
    assertThat(finding.fix()).isEqualTo(
        "declare it `@Column(precision = 12, scale = 2) BigDecimal total_amount` (numeric), or a `long` amount in cents");
  }

  @Test
  void centsInAFloat_suggestsALong() {
    Finding finding = check(Models.of("price_cents", Kind.FLOAT32)).get(0);
    assertThat(finding.message()).contains("in real");
    assertThat(finding.fix()).startsWith("declare it `long price_cents` (bigint)");
  }
}
