#!/usr/bin/env bash
# Side-by-side per-message latency (CLI write → consumer): this SDK and the official TS SDK (@qoder-ai/qoder-agent-sdk@1.0.39)
# drive the same fake CLI (latency-cli.mjs), in fresh processes, alternating (the order flips every round):
#   one session: 3 queries per process, QoderQuery.RunAsync vs query();
#   burst: <sessions> concurrent sessions, 2 bursts per process, IQoderAgent.StreamAsync through AddQoderAgent's pool
#   (warm: MinIdle = MaxSize = sessions; cold: MinIdle 0) vs <sessions> concurrent query().
# Usage: benchmarks/Qoder.Latency.SideBySide/run.sh [rounds=3] [sessions=64]
# Environment: QODER_BENCH_SINGLE="200 1" (messages, interval ms per query), QODER_BENCH_BURST="100 10" (per session),
#              QODER_BENCH_START_CPU_MS=0 (CPU a fake CLI start spins, standing for a real CLI's start).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
rounds="${1:-3}"
sessions="${2:-64}"
read -r single_n single_ms <<<"${QODER_BENCH_SINGLE:-200 1}"
read -r burst_n burst_ms <<<"${QODER_BENCH_BURST:-100 10}"
work="${QODER_BENCH_DIR:-${TMPDIR:-/tmp}/qoder-bench}"
sdk_dir="${QODER_TEST_CACHE:-$HOME/.cache/qoder-tests}/ts-sdk-1.0.39"
mkdir -p "$work"
[ -f "$sdk_dir/node_modules/@qoder-ai/qoder-agent-sdk/package.json" ] || { echo "run benchmarks/Qoder.Throughput.SideBySide/run.sh once first (installs the TS SDK)" >&2; exit 1; }
dotnet build -c Release "$here/Qoder.Latency.SideBySide.csproj" 1>&2
results="$work/latency-$(date +%s).jsonl"
cli="$here/latency-cli.mjs"
dll="$here/bin/Release/net10.0/Qoder.Latency.SideBySide.dll"

run() {
  case "$1" in
    cs-single) QODER_BENCH_MESSAGES=$single_n QODER_BENCH_INTERVAL_MS=$single_ms dotnet "$dll" single "$cli" 3 ;;
    ts-single) QODER_BENCH_MESSAGES=$single_n QODER_BENCH_INTERVAL_MS=$single_ms QODER_TS_SDK_DIR="$sdk_dir" node "$here/ts-driver.mjs" single "$cli" 3 ;;
    cs-warm) QODER_BENCH_MESSAGES=$burst_n QODER_BENCH_INTERVAL_MS=$burst_ms dotnet "$dll" burst "$cli" "$sessions" 2 warm ;;
    cs-cold) QODER_BENCH_MESSAGES=$burst_n QODER_BENCH_INTERVAL_MS=$burst_ms dotnet "$dll" burst "$cli" "$sessions" 2 cold ;;
    ts-burst) QODER_BENCH_MESSAGES=$burst_n QODER_BENCH_INTERVAL_MS=$burst_ms QODER_TS_SDK_DIR="$sdk_dir" node "$here/ts-driver.mjs" burst "$cli" "$sessions" 2 ;;
  esac
}
loads=()
for round in $(seq 1 "$rounds"); do
  if [ $((round % 2)) -eq 1 ]; then order=(cs-single ts-single cs-warm ts-burst cs-cold); else order=(ts-single cs-single ts-burst cs-warm cs-cold); fi
  for side in "${order[@]}"; do run "$side" >>"$results"; done
  loads+=("$(cut -d' ' -f1 /proc/loadavg)")
  echo "round $round of $rounds done (load ${loads[-1]})" 1>&2
done

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, $(uname -sr), .NET $(dotnet --list-runtimes | awk '/NETCore.App/{print $2}' | tail -1), node $(node --version), 1-min load after each round: ${loads[*]}"
echo "one session: $single_n messages ${single_ms} ms apart; burst: $sessions sessions × $burst_n messages ${burst_ms} ms apart; fake CLI start CPU ${QODER_BENCH_START_CPU_MS:-0} ms; results: $results"
node "$here/summarize.mjs" "$results"
