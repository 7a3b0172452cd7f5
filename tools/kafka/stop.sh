#!/usr/bin/env bash
# Stops the Kafka started by tools/kafka/start.sh (controlled shutdown, SIGKILL after 60s). Idempotent.
set -euo pipefail
CL_COMPONENT=kafka
source "$(dirname "${BASH_SOURCE[0]}")/../stack/lib/common.sh"
source "$CL_ROOT/tools/kafka/env.sh"
[[ -d $KAFKA_STATE ]] || { log "not running (no $KAFKA_STATE)"; exit 0; }
exec 8>"$KAFKA_STATE/.lock"
flock -w 300 8 || die "another kafka start/stop is running ($KAFKA_STATE/.lock)"
stop_pid "$KAFKA_PIDFILE" "$KAFKA_MAIN_CLASS" "Kafka" 60
