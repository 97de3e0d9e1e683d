#!/usr/bin/env bash
# Side-by-side throughput: this SDK and the official TS SDK (@qoder-ai/qoder-agent-sdk@1.0.39) read the same generated
# stream from the same fake CLI, in fresh processes, alternating (the order flips every round), and the table of
# docs/performance.md is printed at the end.
# Usage: benchmarks/Qoder.Throughput.SideBySide/run.sh [rounds=3] [queries-per-process=3] [megabytes=100]
# QODER_BENCH_START_DELAY=3 makes the fake CLI take 3 s to answer initialize, as a real CLI's start does; the times
# reported have it taken off.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
rounds="${1:-3}"
queries="${2:-3}"
megabytes="${3:-100}"
work="${QODER_BENCH_DIR:-${TMPDIR:-/tmp}/qoder-bench}"
stream="$work/stream-${megabytes}mb.jsonl"
sdk_dir="${QODER_TEST_CACHE:-$HOME/.cache/qoder-tests}/ts-sdk-1.0.39"
mkdir -p "$work"

[ -f "$stream" ] || node "$here/generate-stream.mjs" "$stream" "$megabytes"

# The TS SDK is installed exactly as the differential test installs it (same pinned lock, same cache folder).
if [ ! -f "$sdk_dir/node_modules/@qoder-ai/qoder-agent-sdk/package.json" ]; then
  capture="$repo/tests/Qoder.AgentSdk.Tests/Differential/ts-capture"
  staging="$sdk_dir.staging.$$"
  mkdir -p "$staging"
  cp "$capture/package.json" "$capture/package-lock.json" "$staging/"
  (cd "$staging" && npm ci --ignore-scripts --no-audit --no-fund 1>&2)
  rm -rf "$sdk_dir"
  mv "$staging" "$sdk_dir"
fi

dotnet build -c Release "$here/Qoder.Throughput.SideBySide.csproj" 1>&2
results="$work/results-$(date +%s).jsonl"
csharp() { dotnet "$here/bin/Release/net10.0/Qoder.Throughput.SideBySide.dll" throughput "$here/fake-cli.sh" "$stream" "$queries"; }
typescript() { QODER_TS_SDK_DIR="$sdk_dir" node "$here/ts-driver.mjs" "$here/fake-cli.sh" "$stream" "$queries"; }
for round in $(seq 1 "$rounds"); do
  if [ $((round % 2)) -eq 1 ]; then csharp >>"$results"; typescript >>"$results"; else typescript >>"$results"; csharp >>"$results"; fi
  echo "round $round of $rounds done" 1>&2
done

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, $(uname -sr), .NET $(dotnet --list-runtimes | awk '/NETCore.App/{print $2}' | tail -1), node $(node --version), load $(cut -d' ' -f1-3 /proc/loadavg), start delay ${QODER_BENCH_START_DELAY:-0} s"
node "$here/summarize.mjs" "$results"
