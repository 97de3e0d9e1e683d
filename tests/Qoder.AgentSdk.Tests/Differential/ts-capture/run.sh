#!/usr/bin/env bash
# Runs the official TS SDK capture: ./run.sh [cases.json]  > result.json
# The SDK is installed once, pinned and without install scripts (its postinstall downloads a
# binary from a host we cannot reach), into a cache folder outside the repository.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cases="${1:-$here/../cases.json}"
sdk_dir="${QODER_TEST_CACHE:-$HOME/.cache/qoder-tests}/ts-sdk-1.0.39"

if [ ! -f "$sdk_dir/node_modules/@qoder-ai/qoder-agent-sdk/package.json" ]; then
  # Install into a private folder and move it into place, so concurrent runs never see half an install.
  staging="$sdk_dir.staging.$$"
  trap 'rm -rf "$staging"' EXIT
  mkdir -p "$staging"
  cp "$here/package.json" "$here/package-lock.json" "$staging/"
  # The lock pins the transitive dependencies too. npm output goes to stderr so that stdout
  # stays a single JSON document.
  (cd "$staging" && npm ci --ignore-scripts --no-audit --no-fund 1>&2)
  rm -rf "$sdk_dir"
  mv "$staging" "$sdk_dir" || true
fi

QODER_TS_SDK_DIR="$sdk_dir" exec node "$here/capture.mjs" "$cases"
