#!/usr/bin/env bash
# Headless Chromium for the tests that open the comparison page and the Allure report: Debian's
# package, never a browser download. Installed with apt when missing; nothing when present.
#
#   scripts/ensure-chromium.sh                 fail (exit 1) when it cannot be installed (.ci/run)
#   scripts/ensure-chromium.sh --best-effort   warn and go on (npm test: the browser tests then fail
#                                              with the same instruction, and every other test runs)
#
# Another apt run (unattended upgrades, a parallel job) may hold the apt/dpkg locks: apt waits for
# them up to APT_LOCK_WAIT seconds (default 300) instead of giving up at once, and a failed
# `apt-get update` is retried within the same bound.
set -uo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
LOCK_WAIT="${APT_LOCK_WAIT:-300}"
[ -x "$CHROMIUM" ] && exit 0

as_root() {
  # sudo -n: never wait for a password inside npm test.
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi
}

apt_get() {
  DEBIAN_FRONTEND=noninteractive as_root apt-get -o "DPkg::Lock::Timeout=$LOCK_WAIT" "$@"
}

update() {
  local started=$SECONDS
  until apt_get update -qq >/dev/null 2>&1; do
    if [ $((SECONDS - started)) -ge "$LOCK_WAIT" ]; then return 1; fi
    echo "[chromium] apt-get update failed (is another apt run holding its lock?); retrying" >&2
    sleep "${APT_RETRY_SECONDS:-5}"
  done
}

echo "[chromium] $CHROMIUM is missing: apt-get install chromium" >&2
if update && apt_get install -y -qq chromium >/dev/null 2>&1 && [ -x "$CHROMIUM" ]; then
  exit 0
fi
echo "[chromium] could not install it; run: sudo apt-get install -y chromium (or set CHROMIUM_PATH)" >&2
[ "${1:-}" = "--best-effort" ] && exit 0
exit 1
