#!/usr/bin/env bash
# The test command (npm test): type-check, then every test kind. Installs what the tests need
# from the machine's package manager when it is missing, so it also works on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -d node_modules ] || npm ci

tsc_start=$(date +%s)
npx tsc --noEmit
echo "typecheck: ok ($(( $(date +%s) - tsc_start ))s)"

# s3rver's truncated ListObjectsV2 pages need the legacy OpenSSL provider on Node 20 (TOOLCHAIN.md).
export NODE_OPTIONS="${NODE_OPTIONS:-} --openssl-legacy-provider"
npx vitest run "$@"
