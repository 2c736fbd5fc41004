#!/usr/bin/env bash
# Lints the sample app's committed migrations with Squawk (npm package squawk-cli).
# Run by the sample app's `ci` profile (active when the CI environment variable is set), or by hand.
#
# Deliberately excluded rules, with the reason (docs/migrations.md#squawk):
#   prefer-text-field       varchar(n) is schemac's mapping for @Column(length = n), as in Hibernate
#   prefer-bigint-over-int  a Java int column cannot hold more than 32 bits anyway
set -euo pipefail
cd "$(dirname "$0")/src/main/resources/db"
squawk=(npx --yes squawk-cli@2.66.0 --pg-version=17 --exclude=prefer-text-field,prefer-bigint-over-int)
# Transactional files run inside Flyway's transaction; V{N}.1 files run outside one.
"${squawk[@]}" --assume-in-transaction --exclude-path='*.1__*' 'migration/*.sql'
if compgen -G 'migration/*.1__*.sql' > /dev/null; then
  "${squawk[@]}" 'migration/*.1__*.sql'
fi
