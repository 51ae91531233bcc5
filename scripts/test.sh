#!/usr/bin/env bash
# The test command (npm test): type-check, then every test kind. Installs what the tests need
# from the machine's package manager when it is missing, so it also works on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -d node_modules ] || npm ci

# Browser tests drive Debian's chromium; the AWS CLI is the second client of the embedded stack.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/aws ] || missing+=(awscli)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]} (Debian packages) for the browser and AWS CLI tests"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

tsc_start=$(date +%s)
npx tsc --noEmit
echo "typecheck: ok ($(( $(date +%s) - tsc_start ))s)"

# s3rver's truncated ListObjectsV2 pages need the legacy OpenSSL provider on Node 20 (TOOLCHAIN.md).
export NODE_OPTIONS="${NODE_OPTIONS:-} --openssl-legacy-provider"
npx vitest run "$@"
