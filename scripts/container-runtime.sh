#!/usr/bin/env bash
# A container runtime for the container: targets, started and stopped by the caller (.ci/run), never
# a system service: podman from Debian, driven by its Docker-compatible API on a unix socket in
# .tmp/containers/. Images come only from local root filesystem tarballs (no registry is reachable).
#
#   scripts/container-runtime.sh install   podman and runc from apt (quiet; nothing when present)
#   scripts/container-runtime.sh start     write containers.conf, start the API service on the socket
#   scripts/container-runtime.sh build     build the mock and legacy images (root filesystem -> podman import)
#   scripts/container-runtime.sh env       print the exports testcontainers needs: eval "$(... env)"
#   scripts/container-runtime.sh stop      remove this checkout's containers, stop the service
#
# Why each setting (shared/reference/stack-spike.md section 6): crun cannot run here (cgroup v1
# hybrid, setrlimit refused), runc can with explicit ulimits below the hard limit; testcontainers'
# reaper image is in no local store; and this VM has /.dockerenv, so without the host override
# testcontainers would talk to the podman bridge gateway, a private-range address.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
DIR="$ROOT/.tmp/containers"
SOCK="$DIR/podman.sock"
CONF="$DIR/containers.conf"
PIDFILE="$DIR/service.pid"
LOG="$DIR/service.log"
# Every container the harness starts carries this label with the checkout's path (harness/containers/engine.ts).
LABEL="rovo-mcp-conformance.checkout=$ROOT"

export CONTAINERS_CONF="$CONF"

fail() {
  echo "container-runtime: $*" >&2
  exit 1
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install() {
  if command -v podman >/dev/null && command -v runc >/dev/null; then return 0; fi
  { as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq podman runc; } \
    >"$DIR/apt.log" 2>&1 || fail "apt-get install podman runc failed: $(tail -n 3 "$DIR/apt.log" | tr '\n' ' ')"
}

write_conf() {
  local hard
  hard="$(ulimit -Hn)"
  [ "$hard" = unlimited ] && hard=65536
  cat >"$CONF" <<CONF
# Written by scripts/container-runtime.sh. runc, because crun fails on this kernel's cgroup v1 hybrid
# layout; explicit ulimits, because podman's defaults exceed the hard limit a CI user may set.
[containers]
default_ulimits = ["nofile=$hard:$hard", "nproc=4096:4096"]

[engine]
runtime = "runc"
CONF
}

answers() {
  [ -S "$SOCK" ] && podman --url "unix://$SOCK" version >/dev/null 2>&1
}

start() {
  command -v podman >/dev/null || fail "podman is not installed; run: $0 install"
  write_conf
  if answers; then return 0; fi
  rm -f "$SOCK"
  nohup podman system service --time=0 "unix://$SOCK" >"$LOG" 2>&1 &
  echo $! >"$PIDFILE"
  for _ in $(seq 1 50); do
    if answers; then return 0; fi
    kill -0 "$(cat "$PIDFILE")" 2>/dev/null || break
    sleep 0.2
  done
  fail "the podman service did not answer on $SOCK: $(tail -n 3 "$LOG" | tr '\n' ' ')"
}

stop() {
  if command -v podman >/dev/null; then
    local ids
    ids="$(podman ps --all --quiet --filter "label=$LABEL" 2>/dev/null || true)"
    # shellcheck disable=SC2086
    [ -z "$ids" ] || podman rm --force --time 2 $ids >/dev/null 2>&1 || true
  fi
  if [ -f "$PIDFILE" ]; then
    local pid
    pid="$(cat "$PIDFILE")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 25); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    rm -f "$PIDFILE"
  fi
  rm -f "$SOCK"
}

build() {
  answers || fail "the podman service is not running; run: $0 start"
  npx --no-install tsx harness/containers/build.ts images "$DIR"
}

env_exports() {
  echo "export CONTAINERS_CONF='$CONF'"
  echo "export DOCKER_HOST='unix://$SOCK'"
  echo "export TESTCONTAINERS_RYUK_DISABLED=true"
  echo "export TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1"
}

mkdir -p "$DIR"
case "${1:-}" in
  install) install ;;
  start) start ;;
  build) build ;;
  env) env_exports ;;
  stop) stop ;;
  *) fail "usage: $0 install|start|build|env|stop" ;;
esac
