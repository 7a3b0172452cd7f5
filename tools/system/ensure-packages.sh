#!/usr/bin/env bash
# Installs the Debian packages the stack and the tests use, only when missing:
#   chromium (/usr/bin/chromium, browser tests through playwright-core)   kcat (independent Kafka client)
# `apt-get update` runs only when something has to be installed.
set -euo pipefail
CL_COMPONENT=packages
source "$(dirname "${BASH_SOURCE[0]}")/../stack/lib/common.sh"

missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
have kcat || missing+=(kcat)

if ((${#missing[@]})); then
  apt_install "${missing[@]}"
fi
[[ -x /usr/bin/chromium ]] || die "/usr/bin/chromium is still missing after installing chromium"
have kcat || die "kcat is still missing after installing kcat"
log "chromium: $(/usr/bin/chromium --version 2>/dev/null | head -1 || echo '?'); kcat: $(kcat -V 2>/dev/null | head -1 | sed 's/ Copyright.*//')"
