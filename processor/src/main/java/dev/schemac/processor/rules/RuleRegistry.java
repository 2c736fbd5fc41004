package dev.schemac.processor.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * The schema rules every target shares, in the order of docs/rules.md: an explicit list, nothing
 * discovered. A target adds its own ({@code SqlTarget.rules()}).
 */
public final class RuleRegistry {
  private RuleRegistry() {}

  public static List<Rule> all() {
    List<Rule> rules = new ArrayList<>();
    rules.add(new UnindexedForeignKey());
    rules.add(new MissingPrimaryKey());
    rules.add(new PlaintextSecret());
    rules.add(new UuidAsText());
    rules.add(new TimestampAsNumber());
    rules.add(new DateAsText());
    rules.add(new CommaSeparatedValues());
    rules.add(new MoneyAsFloat());
    rules.add(new MissingForeignKey());
    rules.add(new EntityAttributeValue());
    rules.add(new ForeignKeyTypeMismatch());
    rules.add(new UnknownColumnInExpression());
    rules.add(new TimestampWithoutTimeZone());
    rules.add(new RedundantIndex());
    rules.add(new TooManyIndexes());
    rules.add(new ReservedWord());
    rules.add(new IdentifierTooLong());
    rules.add(new UnboundedTextKey());
    rules.add(new NullableKeyColumn());
    rules.add(new EnumOrdinal());
    rules.add(new CascadeFanOut());
    rules.add(new AllColumnsNullable());
    rules.add(new FloatPrimaryKey());
    return List.copyOf(rules);
  }
}
