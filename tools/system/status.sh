#!/usr/bin/env bash
# Reports chromium and kcat; exit 0 when both are installed.
set -euo pipefail
CL_COMPONENT=packages
source "$(dirname "${BASH_SOURCE[0]}")/../stack/lib/common.sh"
rc=0
if [[ -x /usr/bin/chromium ]]; then
  echo "chromium: up        $(/usr/bin/chromium --version 2>/dev/null | head -1 || echo '?') at /usr/bin/chromium"
else
  echo "chromium: missing   (apt-get install -y chromium)"; rc=1
fi
if have kcat; then
  echo "kcat:     up        $(kcat -V 2>/dev/null | head -1 | sed 's/ Copyright.*//') at $(command -v kcat)"
else
  echo "kcat:     missing   (apt-get install -y kcat)"; rc=1
fi
exit $rc
