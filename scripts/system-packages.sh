#!/usr/bin/env bash
# Installs, from Debian's packages, those of the named needs that this machine is missing:
#   fonts    the Noto fonts the issued PDFs are set in (Typeset), for `npm start` and the tests
#   browser  chromium, for the browser tests
#   awscli   the AWS CLI, the second client of the embedded stack in the tests
#   pdf      poppler-utils (pdftotext, pdftoppm), which the tests read the issued PDFs with
# Sourced by scripts/start.sh and scripts/test.sh: `install_missing fonts browser`.
install_missing() {
  local missing=() need
  for need in "$@"; do
    case "$need" in
      fonts)
        [ -f /usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf ] || missing+=(fonts-noto-core)
        [ -f /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc ] || missing+=(fonts-noto-cjk) ;;
      browser) [ -x /usr/bin/chromium ] || missing+=(chromium) ;;
      awscli) [ -x /usr/bin/aws ] || missing+=(awscli) ;;
      pdf) [ -x /usr/bin/pdftotext ] || missing+=(poppler-utils) ;;
      *) echo "install_missing: unknown need $need" >&2; return 1 ;;
    esac
  done
  [ ${#missing[@]} -gt 0 ] || return 0
  echo "installing ${missing[*]} (Debian packages)"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}
