#!/usr/bin/env node
// The TypeScript side of the latency benchmark: the official SDK's query() against latency-cli.mjs.
// Usage: QODER_TS_SDK_DIR=<dir holding node_modules> node ts-driver.mjs single <cli> <queries>
//        QODER_TS_SDK_DIR=<dir> node ts-driver.mjs burst <cli> <sessions> <bursts>
// Prints one JSON line per query (single) or per burst: the per-message latencies (CLI write → consumer) in µs.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [mode, cli, count = '1', repeats = '1'] = process.argv.slice(2);
const sdk = await import(pathToFileURL(path.join(process.env.QODER_TS_SDK_DIR,
  'node_modules/@qoder-ai/qoder-agent-sdk/dist/index.js')).href);

async function session(latencies) {
  const q = sdk.query({ prompt: 'go', options: { pathToQoderCLIExecutable: cli, auth: sdk.accessToken('pt-benchmark-0000'),
    includePartialMessages: true, persistSession: false } });
  let first = null;
  for await (const message of q) {
    if (message.type === 'stream_event') {
      const now = process.hrtime.bigint();
      latencies.push(Number(now - BigInt(message.event.delta.text)) / 1000);
      first ??= now;
    } else if (message.type === 'result') {
      break;
    }
  }
  return first;
}

if (mode === 'single') {
  for (let query = 1; query <= Number(count); query++) {
    const latencies = [];
    await session(latencies);
    console.log(JSON.stringify({ sdk: 'typescript', mode, query, latenciesUs: latencies.map((x) => Math.round(x)) }));
  }
} else {
  for (let burst = 1; burst <= Number(repeats); burst++) {
    const latencies = [];
    const start = process.hrtime.bigint();
    const firsts = await Promise.all(Array.from({ length: Number(count) }, () => session(latencies)));
    const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
    const firstMs = firsts.map((f) => Number(f - start) / 1e6).sort((a, b) => a - b);
    console.log(JSON.stringify({ sdk: 'typescript', mode, burst, sessions: Number(count), wallMs: Math.round(wallMs),
      firstMessageMsMedian: Math.round(firstMs[firstMs.length >> 1]), firstMessageMsMax: Math.round(firstMs.at(-1)),
      latenciesUs: latencies.map((x) => Math.round(x)) }));
  }
}
