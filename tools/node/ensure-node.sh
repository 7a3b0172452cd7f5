#!/usr/bin/env bash
# Prints (on stdout, and only that) the bin directory of a Node >= 24.
# Uses the `node` on PATH when it is new enough; otherwise installs node@24 from the npm
# registry into $CLOSEDLOOP_CACHE/node24 (once) and prints its bin dir. Logs go to stderr.
set -euo pipefail
CL_COMPONENT=node
# shellcheck source=../stack/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../stack/lib/common.sh"

REQUIRED_MAJOR=24
node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if have node; then
  sys_node=$(command -v node)
  if (($(node_major "$sys_node") >= REQUIRED_MAJOR)); then
    dirname "$sys_node"
    exit 0
  fi
fi

prefix="$CL_CACHE/node24"
bin="$prefix/node_modules/node/bin"
if [[ -x $bin/node ]] && (($(node_major "$bin/node") >= REQUIRED_MAJOR)); then
  echo "$bin"
  exit 0
fi

have npm || die "no npm on PATH to install node@$REQUIRED_MAJOR with (and node on PATH is missing or older than $REQUIRED_MAJOR)"
mkdir -p "$prefix"
exec 9>"$prefix/.install.lock"
flock -w 600 9 || die "timed out waiting for another node install ($prefix/.install.lock)"
# Another process may have finished the install while we waited for the lock.
if ! { [[ -x $bin/node ]] && (($(node_major "$bin/node") >= REQUIRED_MAJOR)); }; then
  if [[ -n ${sys_node:-} ]]; then found="$("$sys_node" -v 2>/dev/null) at $sys_node"; else found="missing"; fi
  log "node on PATH is $found; installing node@$REQUIRED_MAJOR into $prefix"
  npm install --prefix "$prefix" --no-fund --no-audit --loglevel=error "node@$REQUIRED_MAJOR" >&2 \
    || die "npm install node@$REQUIRED_MAJOR failed"
  [[ -x $bin/node ]] || die "node@$REQUIRED_MAJOR installed but $bin/node is missing"
  (($(node_major "$bin/node") >= REQUIRED_MAJOR)) || die "$bin/node is $("$bin/node" -v 2>&1), not >= $REQUIRED_MAJOR"
  log "installed $("$bin/node" -v)"
fi
echo "$bin"
