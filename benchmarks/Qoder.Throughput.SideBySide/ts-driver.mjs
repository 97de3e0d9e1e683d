#!/usr/bin/env node
// The TypeScript side of the side-by-side benchmark: the official SDK's query() against the same fake CLI.
// Usage: QODER_TS_SDK_DIR=<dir holding node_modules> node ts-driver.mjs <fake-cli> <stream.jsonl> <queries>
// Prints one JSON line per query, like the C# driver (no allocation count: V8 does not expose one).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [cli, stream, queries = '1'] = process.argv.slice(2);
const sdkDir = process.env.QODER_TS_SDK_DIR;
const sdk = await import(pathToFileURL(path.join(sdkDir, 'node_modules/@qoder-ai/qoder-agent-sdk/dist/index.js')).href);
process.env.QODER_BENCH_STREAM = stream;
const bytes = fs.statSync(stream).size;

for (let query = 1; query <= Number(queries); query++) {
  const start = process.hrtime.bigint();
  let messages = 0;
  const q = sdk.query({ prompt: 'go', options: { pathToQoderCLIExecutable: cli, auth: sdk.accessToken('pt-benchmark-0000'),
    includePartialMessages: true, persistSession: false } });
  for await (const message of q) {
    messages++;
    if (message.type === 'result') break;
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(JSON.stringify({ sdk: 'typescript', query, messages, bytes, ms: Number(ms.toFixed(1)), allocatedBytes: null,
    peakWorkingSet: process.resourceUsage().maxRSS * 1024 }));
}
