#!/usr/bin/env bash
# The project's one test command: starts Azurite, builds, checks formatting, runs every test project,
# stops Azurite, and ends with one line "N passed, N failed".
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
configuration="${CONFIGURATION:-Release}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Throwaway data: each test makes its own names; the restart tests start their own Azurite on disk.
scripts/azurite.sh start --in-memory || { echo "0 passed, 1 failed"; exit 1; }
trap 'scripts/azurite.sh stop >/dev/null' EXIT
export TEST_STORAGE_CONNECTION_STRING="$(scripts/azurite.sh connection-string)"

passed=0
failed=0
status=0

# The simulator's conformance check runs a pinned third-party client (npm whatsapp-api-js) under Node.
if ! (cd tests/conformance && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error); then
  echo "npm ci in tests/conformance failed"
  failed=$((failed + 1)); status=1
fi

if ! dotnet format whitespace --folder --verify-no-changes --exclude scripts/azurite/node_modules tests/conformance/node_modules; then
  echo "Formatting differs: run 'dotnet format whitespace --folder'"
  failed=$((failed + 1)); status=1
fi

if ! dotnet build Functions.sln -c "$configuration" -nologo -clp:NoSummary; then
  echo "Build failed"
  echo "$passed passed, $((failed + 1)) failed"
  exit 1
fi

# Tests of the in-process Durable host need many work-item slots (it runs ProcessorCount at a time).
declare -A extra_env=( [WhatsAppCampaigns.IntegrationTests]="DOTNET_PROCESSOR_COUNT=64" )

# A test that hangs is killed (with a dump of what it was doing) instead of eating CI's time: every wait in a test has
# its own deadline, and this is the backstop for one that does not.
hang_timeout="${TEST_HANG_TIMEOUT:-15m}"
timings=()

for project in tests/*/*.Tests.csproj tests/*/*.IntegrationTests.csproj; do
  [ -f "$project" ] || continue
  name="$(basename "$project" .csproj)"
  log="$(mktemp)"
  started=$SECONDS
  env ${extra_env[$name]:-} dotnet test "$project" -c "$configuration" --no-build --nologo \
    --blame-hang-timeout "$hang_timeout" --blame-hang-dump-type none 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  timings+=("$name $((SECONDS - started)) s")
  line="$(grep -E '^(Passed|Failed)!' "$log" | tail -1)"
  if [ -n "$line" ]; then
    p="$(sed -E 's/.*Passed: *([0-9]+).*/\1/' <<<"$line")"
    f="$(sed -E 's/.*Failed: *([0-9]+),.*/\1/' <<<"$line")"
    passed=$((passed + p)); failed=$((failed + f))
  else
    echo "$name produced no test summary (crashed?)"
    failed=$((failed + 1))
  fi
  [ "$rc" -eq 0 ] || status=1
  rm -f "$log"
done

echo "Time per test project:"
printf '  %s\n' "${timings[@]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
