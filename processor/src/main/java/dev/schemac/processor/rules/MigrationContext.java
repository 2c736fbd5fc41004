package dev.schemac.processor.rules;

import dev.schemac.processor.model.DropAcknowledgment;
import dev.schemac.processor.model.LogicalType;
import dev.schemac.processor.model.Origin;
import dev.schemac.processor.model.TargetFacts;
import dev.schemac.processor.model.change.SchemaChanges;
import java.util.List;

/**
 * What a migration rule judges: the changes between the previous version and this one, the drops
 * this version's {@code @Schema} acknowledges, whether it asks for one transaction ({@code
 * singleTransaction}), where a finding about something no longer in the sources is reported, and
 * whether the version has a hand-written data step ({@code data/V{N}__d.sql}), which runs after
 * what the version adds and before what it removes or tightens.
 */
public record MigrationContext(SchemaChanges changes, List<DropAcknowledgment> drops, boolean singleTransaction,
    Origin versionOrigin, List<TargetFacts> targets, boolean dataStep) {
  public MigrationContext {
    drops = List.copyOf(drops);
    targets = List.copyOf(targets);
  }

  /** A version without a hand-written data step. */
  public MigrationContext(SchemaChanges changes, List<DropAcknowledgment> drops, boolean singleTransaction,
      Origin versionOrigin, List<TargetFacts> targets) {
    this(changes, drops, singleTransaction, versionOrigin, targets, false);
  }

  /** The type as the first target writes it: the language of a migration rule every target shares. */
  public String typeName(LogicalType type) {
    return targets.get(0).typeName(type);
  }

  /** Whether {@code @Schema(drops)} acknowledges dropping the table (or sequence) of that qualified name. */
  public boolean acknowledged(String table) {
    return drops.stream().anyMatch(d -> d.table().equals(table) && d.column() == null);
  }

  /** Whether {@code @Schema(drops)} acknowledges dropping, or destructively changing, that column. */
  public boolean acknowledged(String table, String column) {
    return drops.stream().anyMatch(d -> d.table().equals(table) && column.equals(d.column()));
  }
}
