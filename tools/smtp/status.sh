#!/usr/bin/env bash
# Reports the test SMTP server; exit 0 when it runs and its API answers.
set -euo pipefail
CL_COMPONENT=smtp
source "$(dirname "${BASH_SOURCE[0]}")/../stack/lib/common.sh"
source "$CL_ROOT/tools/smtp/env.sh"
pid=$(read_pid "$SMTP_PIDFILE")
if pid_running "$pid" "$SMTP_SCRIPT"; then
  if smtp_answers; then
    count=$(find "$SMTP_STATE/messages" -maxdepth 1 -name '*.json' 2>/dev/null | wc -l)
    echo "smtp:     up        pid $pid, SMTP $SMTP_HOST:$SMTP_PORT, API $SMTP_API_URL, $count message(s), log $SMTP_LOG"
    exit 0
  fi
  echo "smtp:     starting  pid $pid running but $SMTP_API_URL/health does not answer"
  exit 1
fi
if smtp_answers; then
  echo "smtp:     up        (not started by this checkout) SMTP $SMTP_HOST:$SMTP_PORT, API $SMTP_API_URL ($(port_owner "$SMTP_PORT"))"
  exit 0
elif port_open "$SMTP_PORT" || port_open "$SMTP_HTTP_PORT"; then
  echo "smtp:     foreign   port $SMTP_PORT or $SMTP_HTTP_PORT is used by something that is not the test SMTP server"
else
  echo "smtp:     down"
fi
exit 1
