#!/usr/bin/env bash
# The whole test suite, as `npm test` runs it: unit specs, the client contract against schema.gql,
# reference data and theme-detection quality checks, then every e2e spec on SQLite and on PostgreSQL.
# PostgreSQL (E2E_PG_URL, default postgres://postgres@127.0.0.1:5432/postgres) and Redis
# (TEST_REDIS_URL, default redis://127.0.0.1:6379) must be running: `.ci/run` starts them if needed.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n=== %s\n' "$*"; }

# Every jest run leaves its counts here; the last line of the suite adds them up.
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

step "type check"
npx tsc -p tsconfig.scripts.json --noEmit

step "unit tests"
npx jest --config jest.config.js --json --outputFile="$results/unit.json"

step "reference data is what the data packages give"
node scripts/build-reference-data.mjs --check

step "theme detection quality (threshold check: fails below the overall F1 set in scripts/eval-themes.ts)"
npm run --silent eval:themes

step "client contract validates against schema.gql"
contract="${CONTRACT_CHECK:-../shared/tools/check-contract.mjs}"
if [ -f "$contract" ]; then
  node "$contract" schema.gql
else
  echo "no contract checker at $contract (set CONTRACT_CHECK); skipped"
fi

step "e2e on SQLite"
E2E_DATABASE=sqlite npx jest --config test/jest-e2e.config.js --runInBand --json --outputFile="$results/e2e-sqlite.json"

step "e2e on PostgreSQL"
E2E_DATABASE=postgres npx jest --config test/jest-e2e.config.js --runInBand --json --outputFile="$results/e2e-postgres.json"

node -e '
  const runs = process.argv.slice(1).map((file) => require(file));
  const sum = (key) => runs.reduce((total, run) => total + run[key], 0);
  console.log(`\ntests: ${sum("numPassedTests")} passed, ${sum("numFailedTests")} failed`);
' "$results"/*.json
