#!/usr/bin/env bash
# Headless Chromium for the tests that open the comparison page and the Allure report: Debian's
# package, never a browser download. Installed with apt when missing; nothing when present.
#
#   scripts/ensure-chromium.sh                 fail (exit 1) when it cannot be installed (.ci/run)
#   scripts/ensure-chromium.sh --best-effort   warn and go on (npm test: the browser tests then fail
#                                              with the same instruction, and every other test runs)
set -uo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$CHROMIUM" ] && exit 0

as_root() {
  # sudo -n: never wait for a password inside npm test.
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi
}

echo "[chromium] $CHROMIUM is missing: apt-get install chromium" >&2
if as_root apt-get update -qq >/dev/null 2>&1 &&
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium >/dev/null 2>&1 &&
  [ -x "$CHROMIUM" ]; then
  exit 0
fi
echo "[chromium] could not install it; run: sudo apt-get install -y chromium (or set CHROMIUM_PATH)" >&2
[ "${1:-}" = "--best-effort" ] && exit 0
exit 1
