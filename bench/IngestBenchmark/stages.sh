#!/bin/sh
# What each stage of ingest costs, measured with this benchmark against a throwaway build of HEAD (stages.patch,
# applied in a temporary worktree) whose server can answer a batch right after reading its JSON, or right after
# parsing and validating its messages, and can leave out the projections (the readers of the journal).
# Each line: the stage, events/s acknowledged, the server's CPU, the SQLite writer's writes/s and busy share.
# Usage: bench/IngestBenchmark/stages.sh [rounds]   (each round is eight runs of about a minute)
set -euf
root=$(git rev-parse --show-toplevel)
work=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$work/stages"; rm -rf "$work"' EXIT
git -C "$root" worktree add -q --detach "$work/stages" HEAD
git -C "$work/stages" apply "$root/bench/IngestBenchmark/stages.patch"
dotnet build -c Release "$work/stages/bench/IngestBenchmark" -nologo -v q > /dev/null

run() {
  label=$1
  shift
  # In the first two stages nothing reaches the journal, so the benchmark's final check reports a difference.
  out=$(dotnet run -c Release --no-build --project "$work/stages/bench/IngestBenchmark" -- \
    --duration 20 --warmup 10 --memory-shoppers 0 "$@" 2>&1 || true)
  events=$(printf '%s\n' "$out" | grep 'ingest:' | grep -oE '[0-9,]+ events/s' || echo 'failed')
  cpu=$(printf '%s\n' "$out" | grep 'CPU during' | grep -oE 'server [0-9.]+ cores' || true)
  writer=$(printf '%s\n' "$out" | grep 'writer during' | grep -oE '[0-9,]+ writes/s|busy [0-9]+ %' | paste -sd ' ' || true)
  echo "$label: $events, $cpu, writer $writer"
}

readers_off="--set SKIP_PROJECTIONS=* --set Analytics:Enabled=false --set Recommendations:CoOccurrence:Enabled=false"
for _ in $(seq 1 "${1:-1}"); do
  run "read the batch's JSON only" --set INGEST_STOP_AFTER=read
  run "read and parse every message" --set INGEST_STOP_AFTER=parse
  # shellcheck disable=SC2086
  run "shoppers only (no reader of the journal)" $readers_off
  run "everything but the analytics read model" --set Analytics:Enabled=false
  run "everything but co-occurrence" --set Recommendations:CoOccurrence:Enabled=false
  run "everything but the watch index" --set SKIP_PROJECTIONS=ProductWatchersProjection
  run "everything but the outbox, catalog and experiment projections" \
    --set SKIP_PROJECTIONS=TriggerOutboxProjection,CatalogChangesProjection,ProductChangeFanOutProjection,ExperimentAlertProjection
  run "everything"
done
