#!/usr/bin/env bash
# Every test Ironlog has: the format check, the unused-code check, unit + integration on embedded PGlite, the same again on PostgreSQL (when
# one is reachable; required in CI), a short pass through PgBouncer in transaction mode (when TEST_PGBOUNCER_URL is set;
# required in CI), a production build, the Playwright end-to-end suite (its two-instance checks again through PgBouncer), and a short soak on two
# instances with one killed half-way (npm run bench:soak).
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

PG_REACHABLE=
if node -e "const s=require('postgres')(process.argv[1],{max:1,connect_timeout:3});s\`select 1\`.then(()=>s.end()).then(()=>process.exit(0),()=>process.exit(1))" "$PG_URL" 2>/dev/null; then
  PG_REACHABLE=1
  echo "== Integration tests again on PostgreSQL ($PG_URL)"
  # The real-export conformance test reads files, not a database: the first pass has run it.
  DATABASE_URL="$PG_URL" npx vitest run --exclude 'test/export-conformance/**'
elif [ -n "${CI:-}" ]; then
  echo "PostgreSQL is not reachable at $PG_URL, and CI requires it." >&2
  exit 1
else
  echo "== Skipping the PostgreSQL pass: nothing answers at $PG_URL (set TEST_DATABASE_URL to point at one)."
fi

# A short pass through a transaction-mode pooler (PgBouncer at TEST_PGBOUNCER_URL, started by .ci/run): what
# leans on one connection across statements (the run lock, cancel, the mail queue's claims, the pool's size).
# Scratch databases are created on the server directly; the tests reach them through the pooler.
POOLER_TESTS=(db/client-pooler.test.ts server/migrations/engine.test.ts server/migrations/cancel.test.ts
  server/migrations/pool-size.test.ts server/mail/queue.test.ts)
if [ -n "${TEST_PGBOUNCER_URL:-}" ]; then
  echo "== The run lock, cancel and the mail queue again, through PgBouncer in transaction mode ($TEST_PGBOUNCER_URL)"
  DATABASE_URL="$PG_URL" DATABASE_POOLER=transaction npx vitest run "${POOLER_TESTS[@]}"
elif [ -n "${CI:-}" ]; then
  echo "TEST_PGBOUNCER_URL is not set, and CI requires the pass through PgBouncer (.ci/run starts it)." >&2
  exit 1
else
  echo "== Skipping the pass through PgBouncer: TEST_PGBOUNCER_URL is not set."
fi

echo "== Production build"
npx next build

echo "== End-to-end tests (Playwright, Chromium)"
npx playwright test

# The soak's short pass (npm run bench:soak runs it for ten minutes): two `npm start` instances on one
# PostgreSQL database, one killed half-way and started again; correctness only (no latency target). Its
# end waits for the webhook lease the killed instance held, so it takes about two minutes.
if [ -n "$PG_REACHABLE" ]; then
  echo "== Soak, short: 20 athletes for 60 s on two instances, one killed half-way"
  DATABASE_URL="$PG_URL" npm run --silent bench:soak -- --athletes 20 --seconds 60 --pace 2 --sets 8 --webhook-every 1 \
    --port $((${E2E_PORT:-3100} + 111))
else
  echo "== Skipping the soak: it needs PostgreSQL (nothing answers at $PG_URL)."
fi

if [ -n "${TEST_PGBOUNCER_URL:-}" ]; then
  # The athlete's walk-through through the pooler (e2e/pooler.spec.ts) ran above; the two-instance checks again,
  # with their own results folder and report, so a failure of the pass above keeps its screenshots and trace.
  echo "== The two-instance checks again, through PgBouncer in transaction mode"
  DATABASE_POOLER=transaction PLAYWRIGHT_HTML_OUTPUT_DIR=playwright-report/through-pooler \
    npx playwright test e2e/multi-instance.spec.ts --output test-results/through-pooler
fi
