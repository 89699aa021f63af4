#!/usr/bin/env bash
# Brings a checkout to a runnable state; safe to run any number of times.
# npm packages (reinstalled only when package-lock.json changed), the maintained patches, the Prisma client and
# the compiled dist/. The Temporal binaries and PostgreSQL are installed on demand by the TypeScript dev stack.
set -euo pipefail
cd "$(dirname "$0")/.."

stamp=node_modules/.cme-lock-sha256
want=$(sha256sum package-lock.json patches/* | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  npm ci --no-audit --no-fund
  echo "$want" > "$stamp"
fi

# The Prisma CLI reads the schema's url at start-up even for `generate`, which never connects.
DATABASE_URL="${DATABASE_URL:-postgresql://placeholder@127.0.0.1:5432/placeholder}" npx --no-install prisma generate >/dev/null
npx --no-install tsc -p tsconfig.build.json
