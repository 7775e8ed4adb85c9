#!/usr/bin/env bash
# Every test Ironlog has: the format check, the unused-code check, unit + integration on embedded PGlite, the same again on PostgreSQL (when
# one is reachable; required in CI), a production build, and the Playwright end-to-end suite.
set -euo pipefail
cd "$(dirname "$0")/.."

PG_URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}"

echo "== Format (Prettier)"
npx prettier --check . --log-level warn

echo "== Unused files, exports and dependencies (knip)"
npx knip

echo "== Types of the service worker (the build checks the rest)"
npx tsc --noEmit -p tsconfig.sw.json

# The legacy import's MariaDB tests read TEST_MYSQL_URL (mysql://user:pass@127.0.0.1:3306, a user that may
# create ironlog_legacy_* databases; .ci/run sets it) in both passes below: without it they skip, in CI they fail.
if [ -n "${TEST_MYSQL_URL:-}" ]; then
  export TEST_MYSQL_URL
  echo "== MariaDB for the legacy-import tests: ${TEST_MYSQL_URL%%:*}://…@${TEST_MYSQL_URL##*@}"
else
  echo "== TEST_MYSQL_URL is not set: the MariaDB legacy-import tests skip (CI requires it)"
fi

echo "== Unit and integration tests on embedded PGlite"
DATABASE_URL= npx vitest run

if node -e "const s=require('postgres')(process.argv[1],{max:1,connect_timeout:3});s\`select 1\`.then(()=>s.end()).then(()=>process.exit(0),()=>process.exit(1))" "$PG_URL" 2>/dev/null; then
  echo "== Integration tests again on PostgreSQL ($PG_URL)"
  # The real-export conformance test reads files, not a database: the first pass has run it.
  DATABASE_URL="$PG_URL" npx vitest run --exclude 'test/export-conformance/**'
elif [ -n "${CI:-}" ]; then
  echo "PostgreSQL is not reachable at $PG_URL, and CI requires it." >&2
  exit 1
else
  echo "== Skipping the PostgreSQL pass: nothing answers at $PG_URL (set TEST_DATABASE_URL to point at one)."
fi

echo "== Production build"
npx next build

echo "== End-to-end tests (Playwright, Chromium)"
npx playwright test
