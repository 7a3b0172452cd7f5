#!/usr/bin/env bash
# npm start: ClosedLoop on embedded defaults, no servers to install.
# Builds the portal and the embedded app (Nx caches both), then runs one process with the API,
# the pipeline stages and the notifier over an in-process bus, PGlite and a mail folder.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
export NX_NO_CLOUD=true NX_DAEMON="${NX_DAEMON:-false}"

# The theme engine's sentence encoder, fetched once into the cache (THEME_ENCODER_DIR, when already
# set, is used as it is). Without it the product still starts: features that need it say so.
if [[ -z ${THEME_ENCODER_DIR:-} ]]; then
  if encoder_dir=$(bash tools/models/ensure-encoder.sh); then
    export THEME_ENCODER_DIR="$encoder_dir"
  else
    echo "WARNING: the theme engine's sentence encoder could not be fetched (see above); starting" \
      "without it. Run \`npm run models:fetch\` to try again." >&2
  fi
fi
npx nx run-many -t build -p portal embedded --outputStyle=static >&2
exec node dist/apps/embedded/main.js
