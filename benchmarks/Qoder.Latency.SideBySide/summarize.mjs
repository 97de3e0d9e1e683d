#!/usr/bin/env node
// Turns the drivers' JSON lines into the tables of docs/performance.md: per SDK and mode, the latencies of all runs
// pooled (p50, p99, max), the medians of the per-run wall time and time to the first message, and C# ÷ TS.
import fs from 'node:fs';

const rows = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const pct = (s, q) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
const fmt = (us) => (us >= 10000 ? `${(us / 1000).toLocaleString('en-US', { maximumFractionDigits: 0 })} ms` : `${Math.round(us).toLocaleString('en-US')} µs`);
const groups = new Map();
for (const r of rows) {
  const later = (r.query ?? r.burst) > 1;
  const key = `${r.mode.startsWith('burst') ? 'burst' : 'single'}|${later ? 'later' : 'first'}`;
  const side = r.sdk === 'typescript' ? 'TS' : r.mode === 'burst-cold' ? 'C#, pool not warmed (MinIdle 0)' : r.mode === 'burst-warm' ? 'C#, warm pool (MinIdle = MaxSize)' : 'C#';
  if (!groups.has(key)) groups.set(key, new Map());
  const g = groups.get(key);
  if (!g.has(side)) g.set(side, []);
  g.get(side).push(r);
}
for (const [key, g] of groups) {
  const [kind, which] = key.split('|');
  const label = kind === 'single' ? `One session, ${which === 'first' ? 'first query of a fresh process' : 'later queries (2nd, 3rd)'}`
    : `Burst of ${[...g.values()][0][0].sessions} concurrent sessions, ${which === 'first' ? 'first burst of a fresh process' : 'second burst'}`;
  console.log(`\n${label}\n`);
  console.log('| SDK | Runs | Messages | p50 | p99 | Max | Wall time (median) | First message (median / max) | Starts pending (max) |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  const stats = new Map();
  for (const [side, rs] of g) {
    const s = rs.flatMap((r) => r.latenciesUs).sort((a, b) => a - b);
    stats.set(side, { p50: pct(s, 0.5), p99: pct(s, 0.99) });
    const wall = rs[0].wallMs === undefined ? '' : `${Math.round(median(rs.map((r) => r.wallMs)))} ms`;
    const first = rs[0].firstMessageMsMedian === undefined ? '' : `${Math.round(median(rs.map((r) => r.firstMessageMsMedian)))} / ${Math.round(median(rs.map((r) => r.firstMessageMsMax)))} ms`;
    const starts = rs[0].maxStartsPending === undefined ? '' : Math.max(...rs.map((r) => r.maxStartsPending));
    console.log(`| ${side} | ${rs.length} | ${s.length} | ${fmt(pct(s, 0.5))} | ${fmt(pct(s, 0.99))} | ${fmt(s.at(-1))} | ${wall} | ${first} | ${starts} |`);
  }
  const ts = stats.get('TS');
  for (const [side, s] of stats) {
    if (side !== 'TS' && ts) console.log(`| **${side} ÷ TS** | | | **${(s.p50 / ts.p50).toFixed(2)}×** | **${(s.p99 / ts.p99).toFixed(2)}×** | | | | |`);
  }
}
