#!/usr/bin/env bash
# TypeORM's CLI on the project's data source (libs/persistence/src/lib/data-source.cli.ts).
#   npm run db:migrate                                  apply pending migrations to DATABASE_URL
#   npm run db:migrate:revert                           undo the last one
#   npm run db:migration:generate -- libs/persistence/src/lib/migrations/<Name>
# New migrations must be added to libs/persistence/src/lib/migrations/index.ts.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/closedloop}"
export TS_NODE_PROJECT=tsconfig.tools.json TS_NODE_TRANSPILE_ONLY=true
command="$1"
shift
exec node -r ts-node/register -r tsconfig-paths/register node_modules/typeorm/cli.js "$command" \
  -d libs/persistence/src/lib/data-source.cli.ts "$@"
