#!/usr/bin/env node
// The TypeScript side of the first-message benchmark: one official query() against the real CLI in SDK mode and the
// local backend mock (route B), started cold as query() always does. Prints one JSON line: milliseconds from the call to
// the first assistant message and to the result.
// Usage: QODER_TS_SDK_DIR=<dir holding node_modules> node ts-first-message.mjs <qodercli.js> <home> <mock origin> <cwd> <prompt>
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [cli, home, origin, cwd, prompt] = process.argv.slice(2);
const sdk = await import(pathToFileURL(path.join(process.env.QODER_TS_SDK_DIR, 'node_modules/@qoder-ai/qoder-agent-sdk/dist/index.js')).href);
const env = { ...process.env, HOME: home, QODER_CENTER_ENDPOINT: origin };
delete env.QODER_PERSONAL_ACCESS_TOKEN;

const start = process.hrtime.bigint();
const since = () => Number(process.hrtime.bigint() - start) / 1e6;
let firstAssistantMs = null;
let resultMs = null;
const q = sdk.query({ prompt, options: { pathToQoderCLIExecutable: cli, auth: sdk.accessToken('pt-fake-benchmark'), env, cwd } });
for await (const message of q) {
  if (message.type === 'assistant' && firstAssistantMs === null) firstAssistantMs = since();
  if (message.type === 'result') { resultMs = since(); break; }
}
console.log(JSON.stringify({ firstAssistantMs, resultMs }));
