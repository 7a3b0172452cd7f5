#!/usr/bin/env bash
# Stops the test SMTP server started by tools/smtp/start.sh (SIGTERM). Idempotent; messages are kept.
set -euo pipefail
CL_COMPONENT=smtp
source "$(dirname "${BASH_SOURCE[0]}")/../stack/lib/common.sh"
source "$CL_ROOT/tools/smtp/env.sh"
[[ -d $SMTP_STATE ]] || { log "not running (no $SMTP_STATE)"; exit 0; }
exec 8>"$SMTP_STATE/.lock"
flock -w 120 8 || die "another smtp start/stop is running ($SMTP_STATE/.lock)"
stop_pid "$SMTP_PIDFILE" "$SMTP_SCRIPT" "test SMTP server" 15
