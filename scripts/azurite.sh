#!/usr/bin/env bash
# Starts or stops the pinned Azurite on 127.0.0.1 with this project's own ports.
#   scripts/azurite.sh start              -> installs it if needed, starts it in the background, waits for its ports;
#                                            data is kept on disk under .azurite/data and survives a restart
#   scripts/azurite.sh start --in-memory  -> the same, keeping nothing (throwaway test runs)
#   scripts/azurite.sh stop               -> stops the Azurite this script started (by its PID)
#   scripts/azurite.sh clean              -> deletes the kept data (stop first): the next start is empty
# AZURITE_STATE moves the state folder (pid file, log, data), e.g. for a second instance beside the first.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
state="${AZURITE_STATE:-$root/.azurite}"
data="$state/data"
pidfile="$state/azurite.pid"
BLOB_PORT="${AZURITE_BLOB_PORT:-10100}"
QUEUE_PORT="${AZURITE_QUEUE_PORT:-10101}"
TABLE_PORT="${AZURITE_TABLE_PORT:-10102}"

wait_port() {
  local port=$1
  for _ in $(seq 1 150); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  echo "Azurite did not open port $port" >&2
  return 1
}

case "${1:-}" in
  start)
    if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      echo "Azurite already running (pid $(cat "$pidfile"))"
      exit 0
    fi
    if [ ! -x "$here/azurite/node_modules/.bin/azurite" ]; then
      (cd "$here/azurite" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)
    fi
    mkdir -p "$state"
    if [ "${2:-}" = "--in-memory" ]; then
      persistence=(--inMemoryPersistence)
    else
      mkdir -p "$data"
      persistence=(--location "$data")
    fi
    nohup node "$here/azurite/node_modules/azurite/dist/src/azurite.js" \
      --blobHost 127.0.0.1 --blobPort "$BLOB_PORT" \
      --queueHost 127.0.0.1 --queuePort "$QUEUE_PORT" \
      --tableHost 127.0.0.1 --tablePort "$TABLE_PORT" \
      "${persistence[@]}" --skipApiVersionCheck --loose --disableProductStyleUrl --disableTelemetry \
      >>"$state/azurite.log" 2>&1 &
    echo $! >"$pidfile"
    wait_port "$BLOB_PORT"; wait_port "$QUEUE_PORT"; wait_port "$TABLE_PORT"
    echo "Azurite started (pid $(cat "$pidfile")) on ports $BLOB_PORT/$QUEUE_PORT/$TABLE_PORT"
    ;;
  stop)
    if [ -f "$pidfile" ]; then
      pid="$(cat "$pidfile")"
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
      rm -f "$pidfile"
      echo "Azurite stopped"
    fi
    ;;
  clean)
    if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      echo "Azurite is running (pid $(cat "$pidfile")): stop it first" >&2
      exit 1
    fi
    rm -rf "$data"
    echo "Azurite data deleted ($data)"
    ;;
  connection-string)
    echo "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$BLOB_PORT/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$QUEUE_PORT/devstoreaccount1;TableEndpoint=http://127.0.0.1:$TABLE_PORT/devstoreaccount1;"
    ;;
  *)
    echo "usage: $0 start [--in-memory]|stop|clean|connection-string" >&2
    exit 2
    ;;
esac
