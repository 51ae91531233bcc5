#!/usr/bin/env bash
# The test command (npm test): type-check and lint, then every test kind with jest. Installs what the tests need
# from the machine's package manager when it is missing, so it also works on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -d node_modules ] || npm ci

# Debian packages the tests need, installed when missing (scripts/system-packages.sh).
. scripts/system-packages.sh
install_missing fonts browser awscli pdf

# Type-check and lint side by side (each is mostly one core's work), then the tests.
checks_start=$(date +%s)
npx tsc --noEmit & tsc_pid=$!
npx eslint . & lint_pid=$!
wait $tsc_pid || { echo "typecheck: failed"; exit 1; }
wait $lint_pid || { echo "lint: failed"; exit 1; }
echo "typecheck and lint: ok ($(( $(date +%s) - checks_start ))s)"

# jest runs the tests as ES modules (middy 7 is ESM only), which needs Node's VM modules.
export CIRCULATE_TEST_SUMMARY
CIRCULATE_TEST_SUMMARY=$(mktemp)
trap 'rm -f "$CIRCULATE_TEST_SUMMARY"' EXIT
status=0
NODE_OPTIONS="${NODE_OPTIONS:-} --experimental-vm-modules" npx jest "$@" || status=$?
# jest's summary, then one plain line for CI (test/support/summary-reporter.js).
if [ -s "$CIRCULATE_TEST_SUMMARY" ]; then cat "$CIRCULATE_TEST_SUMMARY"; else echo "0 passed, 1 failed"; fi
exit $status
