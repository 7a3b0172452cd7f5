# shellcheck shell=bash
# Test SMTP server settings shared by the smtp scripts. Source after tools/stack/lib/common.sh.
SMTP_HOST=127.0.0.1
SMTP_PORT="${SMTP_PORT:-2525}"
SMTP_HTTP_PORT="${SMTP_HTTP_PORT:-8025}"
SMTP_API_URL="http://$SMTP_HOST:$SMTP_HTTP_PORT"
SMTP_STATE="$CL_STATE/smtp"
SMTP_PIDFILE="$SMTP_STATE/server.pid"
SMTP_LOG="$SMTP_STATE/server.log"
SMTP_SCRIPT="$CL_ROOT/tools/smtp/test-smtp-server.mjs"
SMTP_START_TIMEOUT="${SMTP_START_TIMEOUT:-30}"

# smtp_answers : our test SMTP server (from any checkout) answers on both ports. /health counts the
# loaded store; /api/messages is not asked, since it parses every stored message on first call.
smtp_answers() {
  port_open "$SMTP_PORT" && http_ok "$SMTP_API_URL/health"
}
