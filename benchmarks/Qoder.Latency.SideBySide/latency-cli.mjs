#!/usr/bin/env node
// The fake qodercli of the latency benchmark, driven by both SDKs: answers every control request with success
// (initialize with a system/init first) and, on a user message, writes QODER_BENCH_MESSAGES stream_event deltas (200)
// paced QODER_BENCH_INTERVAL_MS apart (1), then a result. Each delta's text is the CLOCK_MONOTONIC time of its write in
// nanoseconds (process.hrtime.bigint()), the clock .NET's Stopwatch reads on Linux, so a consumer in either SDK computes
// receive time − write time. QODER_BENCH_START_CPU_MS (0) spins a core that long before reading stdin, standing for the
// CPU a real CLI start takes. Ends when stdin ends.
import readline from 'node:readline';

const messages = Number(process.env.QODER_BENCH_MESSAGES ?? 200);
const interval = Number(process.env.QODER_BENCH_INTERVAL_MS ?? 1);
const startCpu = Number(process.env.QODER_BENCH_START_CPU_MS ?? 0);
const session = '5f0c1c4e-2d7a-4b7e-9a51-3c9e2f6d8a10';
const out = (o) => process.stdout.write(JSON.stringify(o) + '\n');

for (const until = Date.now() + startCpu; Date.now() < until;) { /* a start's CPU cost */ }

let turn = 0;
function stream() {
  turn++;
  let sent = 0;
  const next = () => {
    if (sent === messages) {
      out({ type: 'result', subtype: 'success', is_error: false, duration_ms: 1, duration_api_ms: 1, num_turns: turn,
        result: 'done', session_id: session, uuid: `00000000-0000-4000-8000-${String(turn).padStart(12, '0')}`,
        total_cost_usd: 0, usage: { input_tokens: 1, output_tokens: 1 }, permission_denials: [] });
      return;
    }
    sent++;
    out({ type: 'stream_event', uuid: `00000000-0000-4000-9000-${String(sent).padStart(12, '0')}`, session_id: session,
      parent_tool_use_id: null,
      event: { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: process.hrtime.bigint().toString() } } });
    setTimeout(next, interval);
  };
  next();
}

const input = readline.createInterface({ input: process.stdin });
input.on('line', (line) => {
  let o;
  try { o = JSON.parse(line); } catch { return; }
  if (o.type === 'control_request') {
    if (o.request?.subtype === 'initialize') {
      out({ type: 'system', subtype: 'init', protocol_version: '1.4.0', qodercli_version: '1.1.52', session_id: session,
        uuid: '00000000-0000-4000-8000-000000000001', model: 'auto', permissionMode: 'default', tools: [], mcp_servers: [],
        cwd: process.cwd() });
    }
    out({ type: 'control_response', response: { subtype: 'success', request_id: o.request_id, response: {} } });
  } else if (o.type === 'user') {
    stream();
  }
});
input.on('close', () => process.exit(0));
