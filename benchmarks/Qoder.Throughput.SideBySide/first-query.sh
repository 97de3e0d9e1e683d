#!/usr/bin/env bash
# The first query of a fresh process under runtime settings a host can choose (DOTNET_* environment variables, the same
# as the runtimeconfig knobs), each beside the TS SDK in one run: every round starts one fresh process per setting and
# one node process, in an order that rotates every round, each running one query of the generated stream.
# Usage: benchmarks/Qoder.Throughput.SideBySide/first-query.sh [rounds=3] [megabytes=100]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
rounds="${1:-3}"
megabytes="${2:-100}"
work="${QODER_BENCH_DIR:-${TMPDIR:-/tmp}/qoder-bench}"
stream="$work/stream-${megabytes}mb.jsonl"
sdk_dir="${QODER_TEST_CACHE:-$HOME/.cache/qoder-tests}/ts-sdk-1.0.39"
mkdir -p "$work"
[ -f "$stream" ] || node "$here/generate-stream.mjs" "$stream" "$megabytes"
[ -f "$sdk_dir/node_modules/@qoder-ai/qoder-agent-sdk/package.json" ] || { echo "run run.sh once first (installs the TS SDK)" >&2; exit 1; }
dotnet build -c Release "$here/Qoder.Throughput.SideBySide.csproj" 1>&2
results="$work/first-query-$(date +%s).jsonl"

settings=("default" "DOTNET_TieredPGO=0" "DOTNET_TC_QuickJitForLoops=0" "DOTNET_TieredCompilation=0" "typescript")
run() {
  case "$1" in
    typescript) QODER_TS_SDK_DIR="$sdk_dir" node "$here/ts-driver.mjs" "$here/fake-cli.sh" "$stream" 1 ;;
    default) dotnet "$here/bin/Release/net10.0/Qoder.Throughput.SideBySide.dll" throughput "$here/fake-cli.sh" "$stream" 1 ;;
    *) env "$1" dotnet "$here/bin/Release/net10.0/Qoder.Throughput.SideBySide.dll" throughput "$here/fake-cli.sh" "$stream" 1 ;;
  esac | sed "s/^{/{\"setting\":\"$1\",/"
}
for round in $(seq 1 "$rounds"); do
  n=${#settings[@]}
  for i in $(seq 0 $((n - 1))); do run "${settings[$(((i + round) % n))]}" >>"$results"; done
  echo "round $round of $rounds done" 1>&2
done

echo "machine: $(nproc) cores, $(uname -sr), .NET $(dotnet --list-runtimes | awk '/NETCore.App/{print $2}' | tail -1), node $(node --version), load $(cut -d' ' -f1-3 /proc/loadavg)"
node - "$results" <<'JS'
const fs = require('node:fs');
const rows = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const rate = (setting) => median(rows.filter((r) => r.setting === setting).map((r) => r.messages / (r.ms / 1000)));
const ts = rate('typescript');
console.log('| First query of a fresh process | Runs | Median time (ms) | msgs/s | ÷ TS |');
console.log('|---|---:|---:|---:|---:|');
for (const s of [...new Set(rows.map((r) => r.setting))]) {
  const r = rows.filter((x) => x.setting === s);
  console.log(`| ${s === 'typescript' ? 'TS SDK' : 'C#, ' + s} | ${r.length} | ${Math.round(median(r.map((x) => x.ms))).toLocaleString('en-US')} | ${Math.round(rate(s)).toLocaleString('en-US')} | ${(rate(s) / ts).toFixed(2)}× |`);
}
JS
