#!/usr/bin/env bash
# Reports each component of the local stack; exit 0 when all are up.
set -uo pipefail
CL_COMPONENT=stack
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

rc=0
node_bin=""
if have node && (($(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0) >= 24)); then
  node_bin=$(dirname "$(command -v node)")
elif [[ -x $CL_CACHE/node24/node_modules/node/bin/node ]]; then
  node_bin=$CL_CACHE/node24/node_modules/node/bin
fi
if [[ -n $node_bin ]]; then
  echo "node:     up        $("$node_bin/node" -v) at $node_bin"
else
  echo "node:     missing   no Node >= 24 (tools/node/ensure-node.sh installs it)"; rc=1
fi
bash "$CL_ROOT/tools/postgres/status.sh" || rc=1
bash "$CL_ROOT/tools/kafka/status.sh" || rc=1
bash "$CL_ROOT/tools/smtp/status.sh" || rc=1
bash "$CL_ROOT/tools/system/status.sh" || rc=1
if encoder_dir=$(bash "$CL_ROOT/tools/models/ensure-encoder.sh" --check); then
  echo "encoder:  up        bge-small-en-v1.5-q at $encoder_dir"
else
  echo "encoder:  missing   (npm run models:fetch, or npm run stack:up)"; rc=1
fi
if [[ -f $CL_STATE/stack.env ]]; then echo "env:      $CL_STATE/stack.env"; fi
exit $rc
