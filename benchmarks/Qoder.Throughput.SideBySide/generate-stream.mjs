#!/usr/bin/env node
// Writes the benchmark's stdout stream: a realistic mix by message count (80 % stream_event deltas, 10 % assistant
// tool_use, 9 % tool results, 1 % lines of the recorded CLI transcripts under tests/), ending with one result.
// Deterministic (fixed seed), so every run and both SDKs read the same bytes.
// Usage: node generate-stream.mjs <out.jsonl> [megabytes=100]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const [out, megabytes = '100'] = process.argv.slice(2);
if (!out) { console.error('usage: generate-stream.mjs <out.jsonl> [megabytes]'); process.exit(2); }
const target = Number(megabytes) * 1024 * 1024;

let seed = 12345;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = (items) => items[Math.floor(random() * items.length)];
const words = ('the a file test build run function class method value error result return import module package ' +
  'config option request response stream message token buffer parse write read update create delete list check').split(' ');
const text = (n) => Array.from({ length: n }, () => pick(words)).join(' ');
const uuid = () => 'xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx'.replace(/x/g, () => Math.floor(random() * 16).toString(16));
const session = '5f0c1c4e-2d7a-4b7e-9a51-3c9e2f6d8a10';

// Real lines: the recorded transcripts of the test suite, minus control frames and results (a result ends the turn).
const here = path.dirname(fileURLToPath(import.meta.url));
const transcripts = path.join(here, '../../tests/Qoder.AgentSdk.Tests/Protocol/Transcripts');
const real = [];
for (const name of fs.readdirSync(transcripts).filter((f) => f.endsWith('.stream.jsonl') && !f.startsWith('huge'))) {
  for (const line of fs.readFileSync(path.join(transcripts, name), 'utf8').split('\n')) {
    let o;
    try { o = JSON.parse(line); } catch { continue; }
    if (o && ['assistant', 'user', 'system', 'stream_event'].includes(o.type) && o.subtype !== 'init') real.push(JSON.stringify(o));
  }
}
if (real.length === 0) throw new Error(`no transcript lines under ${transcripts}`);

let toolId = 0;
function delta() {
  const kind = random();
  const delta = kind < 0.85 ? { type: 'text_delta', text: text(3 + Math.floor(random() * 12)) }
    : kind < 0.95 ? { type: 'input_json_delta', partial_json: `{"path":"src/${pick(words)}.ts","con` }
    : { type: 'thinking_delta', thinking: text(8) };
  return { type: 'stream_event', uuid: uuid(), session_id: session, parent_tool_use_id: null,
    event: { type: 'content_block_delta', index: Math.floor(random() * 3), delta } };
}
function toolUse() {
  toolId++;
  return { type: 'assistant', uuid: uuid(), session_id: session, parent_tool_use_id: null,
    message: { id: `msg_${toolId}`, type: 'message', role: 'assistant', model: 'auto',
      content: [{ type: 'tool_use', id: `toolu_${toolId}`, name: pick(['Read', 'Write', 'Bash', 'Grep', 'Edit']),
        input: { file_path: `/work/project/src/${pick(words)}/${pick(words)}.ts`, command: text(6), limit: 200 } }],
      stop_reason: 'tool_use', stop_sequence: null,
      usage: { input_tokens: 1200 + Math.floor(random() * 900), output_tokens: 40 + Math.floor(random() * 80),
        cache_read_input_tokens: 30000, cache_creation_input_tokens: 0 } } };
}
function toolResult() {
  const body = Array.from({ length: 4 + Math.floor(random() * 16) }, (_, i) => `${i + 1}\t${text(8)}`).join('\n');
  return { type: 'user', uuid: uuid(), session_id: session, parent_tool_use_id: null, timestamp: '2026-11-30T10:00:00.000Z',
    message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: `toolu_${toolId}`, content: body, is_error: false }] },
    tool_use_result: { type: 'text', file: { filePath: `/work/project/src/${pick(words)}.ts`, numLines: 20, startLine: 1, totalLines: 200 } } };
}

const fd = fs.openSync(out, 'w');
let written = 0;
let count = 0;
const chunk = [];
const flush = () => { fs.writeSync(fd, chunk.join('')); chunk.length = 0; };
while (written < target) {
  const r = random();
  const line = (r < 0.80 ? JSON.stringify(delta()) : r < 0.90 ? JSON.stringify(toolUse()) : r < 0.99 ? JSON.stringify(toolResult()) : pick(real)) + '\n';
  chunk.push(line);
  written += Buffer.byteLength(line);
  count++;
  if (chunk.length >= 4096) flush();
}
chunk.push(JSON.stringify({ type: 'result', subtype: 'success', is_error: false, duration_ms: 1, duration_api_ms: 1, num_turns: 1,
  result: 'done', session_id: session, uuid: uuid(), total_cost_usd: 0, usage: { input_tokens: 1, output_tokens: 1 }, permission_denials: [] }) + '\n');
flush();
fs.closeSync(fd);
console.error(`${out}: ${count + 1} messages, ${(fs.statSync(out).size / 1048576).toFixed(1)} MB`);
