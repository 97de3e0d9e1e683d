#!/bin/sh
# The fake qodercli both SDKs drive: answers every control request with success (initialize with a system/init first),
# and on a user message writes the file named by QODER_BENCH_STREAM to stdout with cat (no parsing, no pacing), so the
# time measured is the SDK's. Ends when stdin ends. QODER_BENCH_START_DELAY (seconds) delays the answer to initialize,
# as a real CLI's start does (5-9 s for qodercli 1.1.52), so that the first query can be measured after a start.
init='{"type":"system","subtype":"init","protocol_version":"1.4.0","qodercli_version":"1.1.52","session_id":"5f0c1c4e-2d7a-4b7e-9a51-3c9e2f6d8a10","uuid":"00000000-0000-4000-8000-000000000001","model":"auto","permissionMode":"default","tools":[],"mcp_servers":[],"cwd":"/tmp"}'
while IFS= read -r line; do
  case "$line" in
    *'"type":"control_request"'*)
      id=$(printf '%s' "$line" | sed -n 's/.*"request_id":"\([^"]*\)".*/\1/p')
      case "$line" in *'"subtype":"initialize"'*) sleep "${QODER_BENCH_START_DELAY:-0}"; printf '%s\n' "$init" ;; esac
      printf '{"type":"control_response","response":{"subtype":"success","request_id":"%s","response":{}}}\n' "$id"
      ;;
    *'"type":"user"'*)
      cat "$QODER_BENCH_STREAM"
      ;;
  esac
done
