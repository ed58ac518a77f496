#!/usr/bin/env bash
# Runs the product on this machine without Azure or Functions Core Tools:
# Azurite, the Cloud API simulator (posting signed webhooks back) and the local runner (the HTTP API on :7071).
# Ctrl+C stops all three. Data (contacts, consent, campaigns, running orchestrations) is kept in .azurite/data and
# is there again on the next run; `scripts/run-local.sh --clean` starts from empty storage instead.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
RUNNER_PORT="${RUNNER_PORT:-7071}"
SIMULATOR_PORT="${SIMULATOR_PORT:-5010}"
logs="$root/.azurite"

[ -f local.settings.json ] || cp local.settings.json.example local.settings.json
if [ "${1:-}" = "--clean" ]; then
  scripts/azurite.sh stop
  scripts/azurite.sh clean
fi
scripts/azurite.sh start

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  scripts/azurite.sh stop
}
trap cleanup EXIT INT TERM

wait_http() {
  for _ in $(seq 1 150); do
    if curl -fsS -o /dev/null "$1" 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  echo "$1 did not answer; see the logs in $logs" >&2
  return 1
}

dotnet build src/WhatsAppCampaigns.LocalRunner -c Release -nologo -v q -clp:NoSummary
dotnet build src/WhatsAppCampaigns.CloudApiSimulator -c Release -nologo -v q -clp:NoSummary

dotnet run --no-build -c Release --project src/WhatsAppCampaigns.CloudApiSimulator -- \
  --port "$SIMULATOR_PORT" --token local-simulator-token --app-secret local-app-secret \
  --webhook-url "http://127.0.0.1:$RUNNER_PORT/api/webhooks/whatsapp" --seed 42 \
  >"$logs/simulator.log" 2>&1 &
pids+=($!)
wait_http "http://127.0.0.1:$SIMULATOR_PORT/_sim/health"

dotnet run --no-build -c Release --project src/WhatsAppCampaigns.LocalRunner -- \
  --local-settings "$root/local.settings.json" --urls "http://127.0.0.1:$RUNNER_PORT" \
  >"$logs/runner.log" 2>&1 &
pids+=($!)
wait_http "http://127.0.0.1:$RUNNER_PORT/api/health"

cat <<MSG
Ready.
  API:        http://127.0.0.1:$RUNNER_PORT/api   (try: curl http://127.0.0.1:$RUNNER_PORT/api/health)
  Simulator:  http://127.0.0.1:$SIMULATOR_PORT   (what it accepted: curl http://127.0.0.1:$SIMULATOR_PORT/_sim/ledger)
  Logs:       $logs/runner.log, $logs/simulator.log
Ctrl+C stops everything.
MSG
wait -n "${pids[@]}"
