#!/usr/bin/env bash
# `npm start`: install what is missing, then run the whole system (see scripts/start.ts).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
exec node dist/scripts/start.js
