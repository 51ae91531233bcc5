#!/usr/bin/env bash
# npm start: the embedded stack, once the fonts its issued PDFs are set in are on the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/system-packages.sh
install_missing fonts
exec node --openssl-legacy-provider --import tsx infra/local/main.ts "$@"
