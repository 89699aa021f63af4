#!/usr/bin/env bash
# `npm test`: every test against real servers (Temporal dev + time-skipping servers, a private PostgreSQL),
# which the suite starts and stops itself. Extra arguments go to jest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
npx --no-install tsc --noEmit -p tsconfig.json
npx --no-install eslint .
npx --no-install jest --ci "$@"
