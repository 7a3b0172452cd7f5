#!/usr/bin/env bash
# npm start: ClosedLoop on embedded defaults, no servers to install.
# Builds the portal and the embedded app (Nx caches both), then runs one process with the API,
# the pipeline stages and the notifier over an in-process bus, PGlite and a mail folder.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
export NX_NO_CLOUD=true NX_DAEMON="${NX_DAEMON:-false}"
npx nx run-many -t build -p portal embedded --outputStyle=static >&2
exec node dist/apps/embedded/main.js
