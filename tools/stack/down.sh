#!/usr/bin/env bash
# Stops what the project started: the test SMTP server and Kafka. The machine's PostgreSQL keeps
# running; data, messages and logs under $CLOSEDLOOP_STATE are kept (delete that folder to reset).
# Idempotent.
set -euo pipefail
CL_COMPONENT=stack
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

if [[ ! -d $CL_STATE ]]; then
  log "nothing to stop (no $CL_STATE)"
  exit 0
fi
exec 9>"$CL_STATE/.stack.lock"
flock -w 600 9 || die "another tools/stack/up.sh or down.sh is running ($CL_STATE/.stack.lock)"

rc=0
bash "$CL_ROOT/tools/smtp/stop.sh" || rc=1
bash "$CL_ROOT/tools/kafka/stop.sh" || rc=1
log "PostgreSQL is left running (it is the machine's)"
exit $rc
