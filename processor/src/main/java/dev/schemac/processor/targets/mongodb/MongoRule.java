package dev.schemac.processor.targets.mongodb;

import dev.schemac.processor.rules.Level;
import dev.schemac.processor.rules.SchemaRule;
import java.util.Set;

/** A rule about MongoDB only: it runs when the build targets MongoDB. */
abstract class MongoRule extends SchemaRule {
  MongoRule(String id, Level level, String summary) {
    super(id, level, summary, Set.of(MongoTarget.ID));
  }

  /** How a fix names the component a column comes from. */
  static String component(dev.schemac.processor.model.Column column) {
    return column.javaName() == null ? column.name() : column.javaName();
  }
}
