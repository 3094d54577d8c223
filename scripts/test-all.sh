#!/usr/bin/env bash
# The whole test suite, as `npm test` runs it: the build of the API and the console, unit specs of
# both, the client contract against schema.gql, reference data and theme-detection quality checks,
# every e2e spec on SQLite and on PostgreSQL, then the browser tests in Chromium against the built service.
# PostgreSQL (E2E_PG_URL, default postgres://postgres@127.0.0.1:5432/postgres) and Redis
# (TEST_REDIS_URL, default redis://127.0.0.1:6379) must be running: `.ci/run` starts them if needed.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n=== %s\n' "$*"; }

# Every jest and vitest run leaves its counts here; the last line of the suite adds them up, also when
# a step failed (the script then exits 1).
results=$(mktemp -d)
summary() {
  local status=$?
  if compgen -G "$results/*.json" >/dev/null; then
    node -e '
      const runs = process.argv.slice(1).map((file) => require(file));
      const sum = (key) => runs.reduce((total, run) => total + run[key], 0);
      console.log(`\ntests: ${sum("numPassedTests")} passed, ${sum("numFailedTests")} failed`);
    ' "$results"/*.json || true
  fi
  rm -rf "$results"
  exit "$status"
}
trap summary EXIT

# A failing test step does not hide the steps after it: each test step runs, and the suite fails at the
# end if any of them failed. Checks that later steps depend on (types, lint, build) still stop it at once.
failed=()
tests() {
  local name=$1
  shift
  "$@" || failed+=("$name")
}

step "type check"
npx tsc -p tsconfig.scripts.json --noEmit

step "lint (the console's operation types are generated first: the rules read them)"
npm run --silent lint

step "module boundaries: imports follow the layers of .dependency-cruiser.cjs"
npm run --silent lint:deps

step "build the API and the console"
npm run build

step "console unit tests"
tests "console unit tests" npx vitest run --config web/vitest.config.ts --reporter=default --reporter=json --outputFile="$results/web-unit.json"

step "unit tests"
tests "unit tests" npx jest --config jest.config.js --json --outputFile="$results/unit.json"

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
tests "e2e on SQLite" env E2E_DATABASE=sqlite npx jest --config test/jest-e2e.config.js --runInBand --json --outputFile="$results/e2e-sqlite.json"

step "e2e on PostgreSQL"
tests "e2e on PostgreSQL" env E2E_DATABASE=postgres npx jest --config test/jest-e2e.config.js --runInBand --json --outputFile="$results/e2e-postgres.json"

step "browser tests in Chromium"
tests "browser tests" npx jest --config test/browser/jest-browser.config.js --runInBand --json --outputFile="$results/browser.json"
# Printed also when a test failed: the screenshots show what the reader saw.
echo "screenshots of each page, in English and Arabic: $PWD/test-results/screenshots"

if [ ${#failed[@]} -gt 0 ]; then
  printf '\nfailed steps:'
  printf ' [%s]' "${failed[@]}"
  echo
  exit 1
fi
