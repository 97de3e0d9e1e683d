#!/usr/bin/env node
// Turns the drivers' JSON lines into the tables of docs/performance.md: medians per SDK for the first query of a fresh
// process, the second, and the third and later (the runtime's JIT is still promoting code during the second), and the
// C# ÷ TS ratio of the medians. QODER_BENCH_START_DELAY (seconds, the fake CLI's simulated start) is taken off each time.
import fs from 'node:fs';

const delayMs = Number(process.env.QODER_BENCH_START_DELAY ?? 0) * 1000;
const rows = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l))
  .map((x) => ({ ...x, ms: x.ms - delayMs }));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const fmt = (x, d = 0) => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const stats = (sdk, [from, to]) => {
  const r = rows.filter((x) => x.sdk === sdk && x.query >= from && x.query <= to);
  if (r.length === 0) return null;
  return {
    n: r.length,
    msgs: median(r.map((x) => x.messages / (x.ms / 1000))),
    mbs: median(r.map((x) => x.bytes / 1048576 / (x.ms / 1000))),
    ms: median(r.map((x) => x.ms)),
    alloc: r[0].allocatedBytes === null ? null : median(r.map((x) => x.allocatedBytes / x.messages)),
    peak: Math.max(...r.map((x) => x.peakWorkingSet)) / 1048576,
  };
};
console.log('| Query | SDK | Runs | Median time (ms) | msgs/s | MB/s | Allocated per message | Peak working set (MB) |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|');
const groups = [['first of a fresh process', [1, 1]], ['second', [2, 2]], ['third and later', [3, Infinity]]];
for (const [label, range] of groups) {
  const c = stats('csharp', range);
  const t = stats('typescript', range);
  for (const [name, s] of [['C#', c], ['TS', t]]) {
    if (!s) continue;
    console.log(`| ${label} | ${name} | ${s.n} | ${fmt(s.ms)} | ${fmt(s.msgs)} | ${fmt(s.mbs, 1)} | ${s.alloc === null ? 'n/a' : fmt(s.alloc) + ' B'} | ${fmt(s.peak)} |`);
  }
  if (c && t) console.log(`| ${label} | **C# ÷ TS** | | | **${(c.msgs / t.msgs).toFixed(2)}×** | ${(c.mbs / t.mbs).toFixed(2)}× | | ${(c.peak / t.peak).toFixed(2)}× |`);
}
