# shellcheck shell=bash
# PostgreSQL settings shared by the postgres scripts. Source after tools/stack/lib/common.sh.
PG_HOST=127.0.0.1
PG_PORT="${PGPORT:-5432}"
PG_USER=postgres
PG_DATABASES=(closedloop closedloop_test)
DATABASE_URL_DEFAULT="postgres://$PG_USER@$PG_HOST:$PG_PORT/closedloop"
TEST_DATABASE_URL_DEFAULT="postgres://$PG_USER@$PG_HOST:$PG_PORT/closedloop_test"

pg_psql() { psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" "$@"; }
pg_ready() { pg_isready -q -h "$PG_HOST" -p "$PG_PORT" -t 3 >/dev/null 2>&1; }
