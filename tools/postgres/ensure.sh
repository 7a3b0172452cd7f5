#!/usr/bin/env bash
# Makes sure PostgreSQL answers on 127.0.0.1:${PGPORT:-5432} (user postgres, trust auth) and that the
# databases closedloop and closedloop_test exist.
#  - installed but stopped: starts the Debian cluster (pg_ctlcluster; it keeps running after `down`)
#  - not installed: apt-get install postgresql, trust auth for 127.0.0.1/::1, start
# The machine's PostgreSQL is never stopped by this project.
set -euo pipefail
CL_COMPONENT=postgres
source "$(dirname "${BASH_SOURCE[0]}")/../stack/lib/common.sh"
source "$CL_ROOT/tools/postgres/env.sh"

# The Debian cluster (version/name) serving $PG_PORT, if any: "15 main".
cluster_for_port() {
  have pg_lsclusters || return 0
  pg_lsclusters --no-header 2>/dev/null | awk -v port="$PG_PORT" '$3 == port { print $1, $2; exit }'
}

start_cluster() {
  local ver=$1 name=$2
  log "starting PostgreSQL cluster $ver/$name"
  as_root pg_ctlcluster --skip-systemctl-redirect "$ver" "$name" start >&2 \
    || { show_log_tail "/var/log/postgresql/postgresql-$ver-$name.log" 30; die "could not start PostgreSQL cluster $ver/$name"; }
}

# Trust for TCP from localhost, inserted before the existing rules (fresh installs only).
configure_trust() {
  local ver=$1 name=$2
  local hba="/etc/postgresql/$ver/$name/pg_hba.conf"
  [[ -f $hba ]] || die "$hba not found"
  if ! grep -q 'closedloop: trust localhost' "$hba"; then
    log "configuring trust auth for 127.0.0.1 and ::1 in $hba"
    local tmp
    tmp=$(mktemp)
    {
      echo '# closedloop: trust localhost (added by tools/postgres/ensure.sh for local development)'
      echo 'host    all    all    127.0.0.1/32    trust'
      echo 'host    all    all    ::1/128         trust'
      cat "$hba"
    } >"$tmp"
    as_root cp "$tmp" "$hba"
    rm -f "$tmp"
  fi
  local conf="/etc/postgresql/$ver/$name/postgresql.conf"
  if [[ -f $conf ]] && ! grep -qE "^port *= *$PG_PORT\b" "$conf"; then
    die "the new cluster $ver/$name does not use port $PG_PORT (see $conf)"
  fi
}

if ! pg_ready; then
  pg_ver="" pg_name=""
  if ! have pg_ctlcluster && ! have psql; then
    log "PostgreSQL is not installed; installing it from Debian"
    apt_install postgresql postgresql-client
    read -r pg_ver pg_name <<<"$(cluster_for_port)" || true
    if [[ -z $pg_name ]]; then
      pg_ver=$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' | sort -V | tail -1)
      log "creating cluster $pg_ver/main on port $PG_PORT"
      as_root pg_createcluster --port "$PG_PORT" "$pg_ver" main >&2 || die "pg_createcluster failed"
      pg_name=main
    fi
    configure_trust "$pg_ver" "$pg_name"
    as_root pg_ctlcluster --skip-systemctl-redirect "$pg_ver" "$pg_name" stop >/dev/null 2>&1 || true
    start_cluster "$pg_ver" "$pg_name"
  else
    read -r pg_ver pg_name <<<"$(cluster_for_port)" || true
    [[ -n $pg_name ]] || die "PostgreSQL does not answer on $PG_HOST:$PG_PORT and no Debian cluster uses that port (pg_lsclusters)"
    start_cluster "$pg_ver" "$pg_name"
  fi
  for _ in $(seq 1 60); do pg_ready && break; sleep 0.5; done
  pg_ready || die "PostgreSQL does not answer on $PG_HOST:$PG_PORT after starting it"
fi

have psql || apt_install postgresql-client
out=$(pg_psql -d postgres -Atc 'select 1' 2>&1) \
  || die "cannot connect as $PG_USER to $PG_HOST:$PG_PORT without a password: $out (the project expects trust auth for 127.0.0.1)"

created=()
for db in "${PG_DATABASES[@]}"; do
  if [[ -z $(pg_psql -d postgres -Atc "select 1 from pg_database where datname = '$db'") ]]; then
    # Tolerate a concurrent creator.
    pg_psql -d postgres -c "create database \"$db\"" 2>/dev/null \
      || [[ -n $(pg_psql -d postgres -Atc "select 1 from pg_database where datname = '$db'") ]] \
      || die "could not create database $db"
    created+=("$db")
  fi
done
version=$(pg_psql -d postgres -Atc 'show server_version' | cut -d' ' -f1)
if ((${#created[@]})); then
  log "PostgreSQL $version on $PG_HOST:$PG_PORT; created database(s): ${created[*]}"
else
  log "PostgreSQL $version on $PG_HOST:$PG_PORT already up; databases ${PG_DATABASES[*]} exist"
fi
