// Differential capture: drives the official TS SDK's query() against an in-memory fake qodercli
// and records what the SDK launches (argv, env, auth payload, settings file, stdin frames).
// Usage: QODER_TS_SDK_DIR=<dir holding node_modules> node capture.mjs <cases.json>  > result.json
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';

const sdkDir = process.env.QODER_TS_SDK_DIR;
const sdk = await import(sdkDir
  ? pathToFileURL(join(sdkDir, 'node_modules/@qoder-ai/qoder-agent-sdk/dist/index.js')).href
  : '@qoder-ai/qoder-agent-sdk');

const FAKE_CLI = '/nonexistent/qoder-differential/qodercli.js';
const TOKEN = 'pt-differential-0000';
const CASE_TIMEOUT_MS = 10_000;
const TMP_ENTRY = new RegExp(`${tmpdir().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/[^/"]+`, 'g');

// The host env must not leak into the comparison: drop every QODER* variable and NODE_OPTIONS.
// A case re-adds what it needs through "hostEnv".
for (const key of Object.keys(process.env)) {
  if (key.startsWith('QODER') || key === 'NODE_OPTIONS') delete process.env[key];
}

const line = (obj) => JSON.stringify(obj) + '\n';

// A process-like object that plays a well-behaved CLI just long enough for the SDK to write
// initialize and the first user message.
function fakeCli(spawnOpts, record, capabilities) {
  const proc = new EventEmitter();
  const stdout = new PassThrough();
  let buffer = '';
  let done = false;
  proc.exitCode = null;
  proc.signalCode = null;
  proc.killed = false;
  proc.stdout = stdout;
  proc.stderr = new PassThrough();
  const exit = (code, signal) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    proc.exitCode = code;
    proc.signalCode = signal;
    stdout.end();
    proc.stderr.end();
    setImmediate(() => { proc.emit('exit', code, signal); proc.emit('close', code, signal); });
  };
  proc.kill = (signal = 'SIGTERM') => { proc.killed = true; exit(null, signal); return true; };
  const onFrame = (frame) => {
    if (!done) record.stdin.push(frame);
    if (frame.type === 'control_request') {
      const body = frame.request?.subtype === 'initialize' ? { commands: [], capabilities } : {};
      stdout.write(line({ type: 'control_response', response: { subtype: 'success', request_id: frame.request_id, response: body } }));
      if (frame.request?.subtype === 'initialize') {
        stdout.write(line({ type: 'system', subtype: 'init', protocol_version: '1.4.0', qodercli_version: '1.1.52',
          session_id: 'fake-session', uuid: 'fake-init', model: 'auto', permissionMode: 'default', tools: [] }));
      }
    } else if (frame.type === 'user' && !done) {
      done = true;
      stdout.write(line({ type: 'result', subtype: 'success', is_error: false, result: 'ok', num_turns: 1,
        duration_ms: 1, duration_api_ms: 0, total_cost_usd: 0, session_id: 'fake-session', uuid: 'fake-result' }));
    }
  };
  proc.stdin = new Writable({
    write(chunk, _enc, cb) {
      buffer += chunk.toString('utf8');
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const text = buffer.slice(0, nl).trim();
        buffer = buffer.slice(nl + 1);
        if (text) onFrame(JSON.parse(text));
      }
      cb();
    },
  });
  // The SDK ends stdin after the first result; that is our cue to exit cleanly.
  proc.stdin.on('finish', () => exit(0, null));
  return proc;
}

// Snapshot everything observable at spawn time (the payload and generated settings are deleted later).
function snapshotSpawn(opts, record) {
  record.command = opts.command;
  record.args = [...opts.args];
  record.env = {};
  for (const key of Object.keys(opts.env).sort()) {
    if (key.startsWith('QODER_') || key === 'NODE_OPTIONS') record.env[key] = opts.env[key];
  }
  const payloadFile = opts.env.QODER_SDK_AUTH_PAYLOAD_FILE;
  if (payloadFile) {
    record.env.QODER_SDK_AUTH_PAYLOAD_FILE = '<payload-file>';
    record.payload = JSON.parse(readFileSync(payloadFile, 'utf8'));
    record.payloadDirMode = (statSync(dirname(payloadFile)).mode & 0o777).toString(8);
    record.payloadFileMode = (statSync(payloadFile).mode & 0o777).toString(8);
  }
  const i = opts.args.indexOf('--settings');
  const value = i >= 0 ? opts.args[i + 1] : undefined;
  if (value && !value.trimStart().startsWith('{') && existsSync(value)) {
    record.settingsFile = JSON.parse(readFileSync(value, 'utf8'));
  }
}

function buildAuth(kind) {
  switch (kind ?? 'accessToken') {
    case 'accessToken': return sdk.accessToken(TOKEN);
    case 'accessTokenFromEnv': return sdk.accessTokenFromEnv();
    case 'qodercli': return sdk.qodercliAuth();
    default: throw new Error(`unknown auth kind ${kind}`);
  }
}

function markCallbacks(node) {
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (value === true && (key === 'shouldGenerate' || key === 'shouldReview')) node[key] = async () => ({ run: true });
    else if (value === true && key === 'onResult') node[key] = () => {};
    else markCallbacks(value);
  }
}

async function runCase(c) {
  const record = { command: null, args: null, env: null, payload: null, payloadDirMode: null,
    payloadFileMode: null, settingsFile: null, stdin: [], error: null };
  const scratch = mkdtempSync(join(tmpdir(), 'qoder-diff-'));
  const savedHostEnv = {};
  for (const [k, v] of Object.entries(c.hostEnv ?? {})) { savedHostEnv[k] = process.env[k]; process.env[k] = v; }
  const options = { pathToQoderCLIExecutable: FAKE_CLI, ...structuredClone(c.options ?? {}) };
  // JSON cannot hold a callback: "canUseTool": true stands for "a callback is present".
  if (options.canUseTool === true) options.canUseTool = async (_tool, input) => ({ behavior: 'allow', updatedInput: input });
  // Likewise for resolveSessionArtifacts and the memory / skill evolution gates and result callbacks.
  if (options.resolveSessionArtifacts === true) options.resolveSessionArtifacts = async () => ({ artifacts: [] });
  markCallbacks(options.memory);
  markCallbacks(options.evolution);
  if (c.settingsFileContent !== undefined) {
    options.settings = join(scratch, 'input-settings.json');
    writeFileSync(options.settings, typeof c.settingsFileContent === 'string'
      ? c.settingsFileContent : JSON.stringify(c.settingsFileContent));
  }
  options.auth = buildAuth(c.auth);
  // "sdkMcpServers" (name → tool policies) stands for in-process servers, which JSON cannot hold.
  for (const [name, tools] of Object.entries(c.sdkMcpServers ?? {})) {
    options.mcpServers = { ...(options.mcpServers ?? {}), [name]: { ...sdk.createSdkMcpServer({ name, tools: [] }), tools } };
  }
  options.spawnQoderCLIProcess = (opts) => { snapshotSpawn(opts, record); return fakeCli(opts, record, c.cliCapabilities ?? []); };
  let q;
  let timer;
  try {
    q = sdk.query({ prompt: c.prompt ?? 'hello', options });
    const drain = (async () => { for await (const _ of q) { /* only the side effects matter */ } })();
    const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('capture timeout')), CASE_TIMEOUT_MS); });
    await Promise.race([drain, timeout]);
  } catch (err) {
    record.error = err?.message ?? String(err);
  } finally {
    clearTimeout(timer);
    try { q?.close?.(); } catch { /* already closed */ }
    for (const [k, v] of Object.entries(savedHostEnv)) { if (v === undefined) delete process.env[k]; else process.env[k] = v; }
    rmSync(scratch, { recursive: true, force: true });
  }
  return normalise(record);
}

// Replace run-specific values so captures compare across runs and with the C# side.
function normalise(record) {
  const fixString = (s) => s.split(FAKE_CLI).join('<cli>').replace(TMP_ENTRY, '<tmp>');
  const walk = (v) => Array.isArray(v) ? v.map(walk)
    : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]))
    : typeof v === 'string' ? fixString(v) : v;
  for (const frame of record.stdin) {
    if (typeof frame.request_id === 'string') frame.request_id = '<request-id>';
    if (typeof frame.uuid === 'string') frame.uuid = '<uuid>';
  }
  return walk(record);
}

const cases = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const names = new Set();
const result = {};
for (const c of cases) {
  if (names.has(c.name)) throw new Error(`duplicate case name ${c.name}`);
  names.add(c.name);
  result[c.name] = await runCase(c);
}
process.stdout.write(JSON.stringify(result, null, 2) + '\n');
