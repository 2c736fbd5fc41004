#!/usr/bin/env bash
# Lints the sample app's committed migrations with Squawk (npm package squawk-cli).
# Run by the sample app's `ci` profile (active when the CI environment variable is set), or by hand.
#
# Deliberately excluded rules, with the reason (docs/migrations.md#squawk):
#   prefer-text-field       varchar(n) is schemac's mapping for @Column(length = n), as in Hibernate
#   prefer-bigint-over-int  a Java int column cannot hold more than 32 bits anyway
#   renaming-column, ban-drop-column
#                           schemac writes a RENAME or a DROP COLUMN only when the source says so,
#                           in review: @RenamedFrom("old") on the component, @Schema(drops = @Drop(...))
#                           for a drop; anything else is a compile error (ambiguous-rename,
#                           destructive-change). Squawk's warning asks for exactly that acknowledgment,
#                           and a generated file cannot carry a squawk-ignore comment.
#   prefer-robust-stmts     (V{N}.1 files only) every statement there is already re-runnable:
#                           VALIDATE CONSTRAINT is idempotent, and each CREATE INDEX CONCURRENTLY
#                           follows a DROP INDEX CONCURRENTLY IF EXISTS that removes the INVALID index a
#                           failed build leaves (schemac now also writes IF NOT EXISTS; V2.1 was released
#                           before that and, frozen, is never rewritten). They run outside a
#                           transaction on purpose.
set -euo pipefail
cd "$(dirname "$0")/src/main/resources/db"
squawk=(npx --yes squawk-cli@2.66.0 --pg-version=17)
excluded=prefer-text-field,prefer-bigint-over-int,renaming-column,ban-drop-column
# Transactional files run inside Flyway's transaction; V{N}.1 files run outside one.
"${squawk[@]}" --exclude="$excluded" --assume-in-transaction --exclude-path='*.1__*' 'migration/*.sql'
if compgen -G 'migration/*.1__*.sql' > /dev/null; then
  "${squawk[@]}" --exclude="$excluded,prefer-robust-stmts" 'migration/*.1__*.sql'
fi
