#!/usr/bin/env bash
# Reports PostgreSQL and the project databases; exit 0 when it answers and both databases exist.
set -euo pipefail
CL_COMPONENT=postgres
source "$(dirname "${BASH_SOURCE[0]}")/../stack/lib/common.sh"
source "$CL_ROOT/tools/postgres/env.sh"
if ! have psql; then echo "postgres: missing   (not installed)"; exit 1; fi
if ! pg_ready; then echo "postgres: down      nothing answers on $PG_HOST:$PG_PORT"; exit 1; fi
if ! version=$(pg_psql -d postgres -Atc 'show server_version' 2>/dev/null); then
  echo "postgres: noauth    $PG_HOST:$PG_PORT answers but user $PG_USER cannot log in without a password"; exit 1
fi
missing=()
for db in "${PG_DATABASES[@]}"; do
  [[ -n $(pg_psql -d postgres -Atc "select 1 from pg_database where datname = '$db'") ]] || missing+=("$db")
done
if ((${#missing[@]})); then
  echo "postgres: partial   ${version%% *} on $PG_HOST:$PG_PORT, missing database(s): ${missing[*]}"; exit 1
fi
echo "postgres: up        ${version%% *} on $PG_HOST:$PG_PORT, databases ${PG_DATABASES[*]}"
