#!/usr/bin/env bash
# Runs every test of the repository: builds the solution, starts what the tests need, runs all test
# projects, and ends with one line of totals: "N passed, N failed[, N skipped]".
set -uo pipefail
cd "$(dirname "$0")"

# Tools the tests call: curl runs the README's examples.
if ! command -v curl >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq curl >/dev/null
fi

# Servers the tests use, started fresh and stopped at the end.
. scripts/start-postgres.sh
. scripts/start-rabbitmq.sh
trap 'stop_test_postgres' EXIT

results="$(pwd)/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

dotnet test Orleans.Personalization.sln \
  --configuration Release \
  --logger "trx" \
  --results-directory "$results" \
  -- RunConfiguration.TestSessionTimeout=1500000
status=$?

passed=0; failed=0; skipped=0; total=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  t=$(value total); e=$(value executed); p=$(value passed); f=$(value failed); er=$(value error)
  total=$((total + ${t:-0}))
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${er:-0}))
  skipped=$((skipped + ${t:-0} - ${e:-0}))
done

# A test host that crashed leaves no counters behind: count the run as failed rather than report green.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi

if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
exit "$status"
