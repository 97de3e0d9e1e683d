#!/usr/bin/env node
// A recording stand-in used only by the differential test: it writes what it was launched with (argv, the QODER_* and
// NODE_OPTIONS variables, the auth payload and its modes, a --settings file) and every stdin frame up to the first user
// message to the file named by DIFF_RECORD_PATH, answering just enough of the protocol for the client to send them.
import fs from 'node:fs';
import readline from 'node:readline';

const record = { argv: process.argv.slice(2), env: {}, payload: null, payloadDirMode: null, payloadFileMode: null, settingsFile: null, stdin: [] };
for (const [k, v] of Object.entries(process.env)) {
  if (k.startsWith('QODER') || k === 'NODE_OPTIONS') record.env[k] = v;
}
const payloadPath = process.env.QODER_SDK_AUTH_PAYLOAD_FILE;
if (payloadPath) {
  record.payload = JSON.parse(fs.readFileSync(payloadPath, 'utf8'));
  record.payloadFileMode = (fs.statSync(payloadPath).mode & 0o777).toString(8);
  record.payloadDirMode = (fs.statSync(payloadPath.slice(0, payloadPath.lastIndexOf('/'))).mode & 0o777).toString(8);
  fs.unlinkSync(payloadPath);
}
const settingsIndex = record.argv.indexOf('--settings');
if (settingsIndex >= 0 && !record.argv[settingsIndex + 1].trimStart().startsWith('{')) {
  record.settingsFile = JSON.parse(fs.readFileSync(record.argv[settingsIndex + 1], 'utf8'));
}

const save = () => fs.writeFileSync(process.env.DIFF_RECORD_PATH, JSON.stringify(record));
const send = (o) => process.stdout.write(JSON.stringify(o) + '\n');
const session = { uuid: '00000000-0000-4000-8000-000000000001', session_id: '00000000-0000-4000-8000-000000000002' };

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  if (!line.trim()) return;
  const frame = JSON.parse(line);
  record.stdin.push(frame);
  if (frame.type === 'control_request' && frame.request.subtype === 'initialize') {
    send({ type: 'system', subtype: 'init', protocol_version: '1.4.0', qodercli_version: 'fake', tools: [], ...session });
    const capabilities = JSON.parse(process.env.DIFF_CAPABILITIES ?? '[]');
    send({ type: 'control_response', response: { subtype: 'success', request_id: frame.request_id, response: { commands: [], capabilities } } });
  } else if (frame.type === 'control_request') {
    send({ type: 'control_response', response: { subtype: 'success', request_id: frame.request_id, response: {} } });
  } else if (frame.type === 'user') {
    save();
    send({ type: 'result', subtype: 'success', is_error: false, num_turns: 1, result: '', duration_ms: 0, duration_api_ms: 0, total_cost_usd: 0, usage: {}, permission_denials: [], ...session });
    setTimeout(() => process.exit(0), 10);
  }
});
