#!/usr/bin/env bash
# Starts the test SMTP server (tools/smtp/test-smtp-server.mjs) in the background:
# SMTP 127.0.0.1:${SMTP_PORT:-2525}, HTTP API http://127.0.0.1:${SMTP_HTTP_PORT:-8025},
# messages in $CLOSEDLOOP_STATE/smtp/messages, log $CLOSEDLOOP_STATE/smtp/server.log.
# Idempotent; needs `npm install` to have run (smtp-server, mailparser).
set -euo pipefail
CL_COMPONENT=smtp
source "$(dirname "${BASH_SOURCE[0]}")/../stack/lib/common.sh"
source "$CL_ROOT/tools/smtp/env.sh"

mkdir -p "$SMTP_STATE"
exec 8>"$SMTP_STATE/.lock"
flock -w 120 8 || die "another smtp start/stop is running ($SMTP_STATE/.lock)"

pid=$(read_pid "$SMTP_PIDFILE")
if pid_running "$pid" "$SMTP_SCRIPT"; then
  if smtp_answers; then
    log "already running (pid $pid): SMTP $SMTP_HOST:$SMTP_PORT, API $SMTP_API_URL"
    exit 0
  fi
  log "process $pid is running but its API does not answer yet; waiting"
else
  rm -f "$SMTP_PIDFILE"
  if smtp_answers; then
    # E.g. started from another checkout of the project: use it, but do not manage it.
    warn "a test SMTP server this checkout did not start already answers on $SMTP_HOST:$SMTP_PORT / $SMTP_API_URL ($(port_owner "$SMTP_PORT")); using it as is (tools/stack/down.sh will not stop it)"
    exit 0
  fi
  for pkg in smtp-server mailparser; do
    [[ -f $CL_ROOT/node_modules/$pkg/package.json ]] \
      || die "$CL_ROOT/node_modules/$pkg is missing: run \`npm install\` (tools/node/with-node.sh npm install) first"
  done
  for p in "$SMTP_PORT" "$SMTP_HTTP_PORT"; do
    if port_open "$p"; then
      die "port $p is already in use by a process this stack did not start ($(port_owner "$p")); stop it or set SMTP_PORT / SMTP_HTTP_PORT"
    fi
  done
  node_bin=$("$CL_ROOT/tools/node/ensure-node.sh")
  log "starting on SMTP $SMTP_HOST:$SMTP_PORT, API $SMTP_API_URL, log $SMTP_LOG"
  start_bg "$SMTP_PIDFILE" "$SMTP_LOG" env \
    CLOSEDLOOP_STATE="$CL_STATE" SMTP_BIND_HOST="$SMTP_HOST" SMTP_PORT="$SMTP_PORT" SMTP_HTTP_PORT="$SMTP_HTTP_PORT" \
    SMTP_LOG_FILE="$SMTP_LOG" "$node_bin/node" "$SMTP_SCRIPT"
  pid=$(read_pid "$SMTP_PIDFILE")
fi

start=$SECONDS
until smtp_answers; do
  if ! pid_running "$pid" "$SMTP_SCRIPT"; then
    show_log_tail "$SMTP_LOG" 30
    rm -f "$SMTP_PIDFILE"
    die "the test SMTP server exited during startup (see $SMTP_LOG)"
  fi
  if ((SECONDS - start >= SMTP_START_TIMEOUT)); then
    show_log_tail "$SMTP_LOG" 30
    die "the test SMTP server (pid $pid) did not answer within ${SMTP_START_TIMEOUT}s"
  fi
  sleep 0.2
done
log "up (pid $pid): SMTP $SMTP_HOST:$SMTP_PORT, API $SMTP_API_URL"
