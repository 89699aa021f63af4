#!/usr/bin/env bash
# `npm start`: install what is missing, then run the whole system (see scripts/start.ts).
set -euo pipefail
cd "$(dirname "$0")/.."
# SKIP_BOOTSTRAP=1: the checkout is built already (the test suite, which must not rewrite dist/ and the Prisma
# client under suites running beside it).
[ "${SKIP_BOOTSTRAP:-}" = 1 ] || bash scripts/bootstrap.sh
# exec, here and in package.json: node replaces each shell, so the SIGINT/SIGTERM that npm forwards to its
# child reaches the supervisor in scripts/start.ts rather than a shell that would die and orphan the stack.
exec node dist/scripts/start.js
