# Shared by the scripts: where things are, the pinned tool versions, and small helpers.
# Sourced, not run.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# Pinned versions. wasm-bindgen must equal the `wasm-bindgen = "=…"` pin in Cargo.toml.
TRUNK_VERSION="0.21.14"
WASM_BINDGEN_VERSION="0.2.130"
BINARYEN_VERSION="132.0.0"
ESBUILD_VERSION="0.28.2"
# The splitter of the public app's wasm (scripts/build-app): Leptos 0.8's `#[lazy]` writes the
# split points through wasm_split_helpers 0.2 (Cargo.lock), which this version reads.
WASM_SPLIT_VERSION="0.2.4"

TOOLS_DIR="$ROOT/.tools"
# In a prefix of its own: an `npm install --no-save` into .tools would prune binaryen.
ESBUILD="$TOOLS_DIR/esbuild/node_modules/.bin/esbuild"
WASM_OPT="$TOOLS_DIR/node_modules/.bin/wasm-opt"
WASM_SPLIT="$TOOLS_DIR/wasm-split/bin/wasm-split-cli"
export PATH="$TOOLS_DIR/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
# Lean test builds: debug info is most of the cost of a test build on two cores.
export CARGO_PROFILE_DEV_DEBUG="${CARGO_PROFILE_DEV_DEBUG:-0}"
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
die() { printf '\033[31merror:\033[0m %s\n' "$*" >&2; exit 1; }

# A free TCP port on the loopback interface.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# The end-to-end suite's ports: the backend, the fake NCALayer and the OCSP responder, each a
# free port of its own (playwright.config.js would otherwise take the two ports after the
# backend's, which a connection's local port, to PostgreSQL say, may hold).
export_e2e_ports() {
  E2E_PORT="$(free_port)"
  E2E_NCALAYER_PORT="$(free_port)"
  E2E_OCSP_PORT="$(free_port)"
  export E2E_PORT E2E_NCALAYER_PORT E2E_OCSP_PORT
}

# Waits until $1 answers, up to $2 seconds.
wait_for_url() {
  local url="$1" seconds="${2:-30}"
  for _ in $(seq "$((seconds * 10))"); do
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  die "$url did not answer within ${seconds}s"
}

# The contract's Python tools (schemathesis, requests) in .tools/venv, at the pins of
# tests/conformance/requirements.txt; installed again only when that file changes.
python_tools() {
  local venv="$TOOLS_DIR/venv" requirements="$ROOT/tests/conformance/requirements.txt"
  if [ ! -f "$venv/.requirements" ] || ! cmp -s "$requirements" "$venv/.requirements"; then
    python3 -m venv "$venv" || die "python3 -m venv failed (Debian: apt-get install python3-venv)"
    "$venv/bin/pip" install -q -r "$requirements" || die "could not install $requirements"
    cp "$requirements" "$venv/.requirements"
  fi
}

# PostgreSQL for the server's second engine: Debian's, at this major version.
POSTGRES_MAJOR=15
POSTGRES_BIN="/usr/lib/postgresql/$POSTGRES_MAJOR/bin"

# Installs Debian's postgresql-$POSTGRES_MAJOR when its binaries are missing (idempotent).
postgres_install() {
  [ -x "$POSTGRES_BIN/initdb" ] && return 0
  if [ "$(id -u)" -eq 0 ]; then apt_get() { apt-get "$@"; }; else apt_get() { sudo apt-get "$@"; }; fi
  apt_get update -qq || die "apt-get update failed"
  # Only the binaries are used: the tests start their own throwaway cluster, never the service.
  DEBIAN_FRONTEND=noninteractive apt_get install -y -qq "postgresql-$POSTGRES_MAJOR" >/dev/null ||
    die "could not install postgresql-$POSTGRES_MAJOR with apt-get"
}

# Starts a throwaway cluster (initdb + pg_ctl in a temporary folder, loopback only, trust
# authentication for its one local user) and exports PG_DIR, PG_PORT and
# OTINISH_TEST_DATABASE_URL (its `postgres` database). Stop it with postgres_stop.
# `postgres_start durable` keeps PostgreSQL's own durability (for figures); by default a
# test cluster does not fsync, as nothing in it outlives the run.
postgres_start() {
  local settings="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  [ "${1:-}" = durable ] && settings=""
  postgres_install
  PG_DIR="$(mktemp -d)"
  PG_PORT="$(free_port)"
  local as=()
  # PostgreSQL refuses to run as root: the cluster then belongs to Debian's postgres user.
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$PG_DIR"
    as=(runuser -u postgres --)
  fi
  "${as[@]}" "$POSTGRES_BIN/initdb" -D "$PG_DIR/data" -U otinish --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null ||
    die "initdb failed"
  "${as[@]}" "$POSTGRES_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w -t 60 start \
    -o "-h 127.0.0.1 -p $PG_PORT -k $PG_DIR -c max_connections=300 $settings" >/dev/null ||
    die "PostgreSQL did not start (log: $PG_DIR/log)"
  export PG_DIR PG_PORT
  export OTINISH_TEST_DATABASE_URL="postgres://otinish@127.0.0.1:$PG_PORT/postgres"
}

postgres_stop() {
  [ -n "${PG_DIR:-}" ] || return 0
  local as=()
  [ "$(id -u)" -eq 0 ] && as=(runuser -u postgres --)
  "${as[@]}" "$POSTGRES_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  unset PG_DIR PG_PORT OTINISH_TEST_DATABASE_URL
}

# An S3-compatible server for the object-store runs: s3s-fs from crates.io, pinned (0.14.1 is
# the last release that builds on our Rust 1.95; 0.15 on need 1.96), built once into
# .tools/s3s-fs (a few minutes on a cold machine; its build folder is removed afterwards).
S3S_FS_VERSION="0.14.1"
S3S_FS_BIN="$TOOLS_DIR/s3s-fs/bin/s3s-fs"

s3_install() {
  [ -x "$S3S_FS_BIN" ] && [ "$(cat "$TOOLS_DIR/s3s-fs/.version" 2>/dev/null)" = "$S3S_FS_VERSION" ] && return 0
  local build
  build="$(mktemp -d)"
  CARGO_TARGET_DIR="$build" CARGO_PROFILE_RELEASE_DEBUG=0 cargo install --quiet --locked --force \
    s3s-fs --version "$S3S_FS_VERSION" --features binary --root "$TOOLS_DIR/s3s-fs" ||
    { rm -rf "$build"; die "could not install s3s-fs $S3S_FS_VERSION with cargo"; }
  rm -rf "$build"
  echo "$S3S_FS_VERSION" >"$TOOLS_DIR/s3s-fs/.version"
}

# Starts s3s-fs on a loopback port over a temporary folder with one bucket, `otinish`, and
# exports S3_DIR, the AWS_* variables the server reads and OTINISH_TEST_OBJECT_STORE (the
# server suite's store). Stop it with s3_stop.
s3_start() {
  s3_install
  S3_DIR="$(mktemp -d)"
  S3_PORT="$(free_port)"
  mkdir "$S3_DIR/root" "$S3_DIR/root/otinish"
  "$S3S_FS_BIN" --host 127.0.0.1 --port "$S3_PORT" --access-key otinish-test \
    --secret-key otinish-test-secret "$S3_DIR/root" >"$S3_DIR/log" 2>&1 &
  S3_PID=$!
  # Any HTTP answer will do (an unsigned request is refused).
  for _ in $(seq 300); do
    curl -s -o /dev/null "http://127.0.0.1:$S3_PORT/" && break
    sleep 0.1
  done
  curl -s -o /dev/null "http://127.0.0.1:$S3_PORT/" || die "s3s-fs did not start (log: $S3_DIR/log)"
  export S3_DIR S3_PORT S3_PID
  export AWS_ENDPOINT_URL="http://127.0.0.1:$S3_PORT" AWS_ALLOW_HTTP=true AWS_REGION=us-east-1
  export AWS_ACCESS_KEY_ID=otinish-test AWS_SECRET_ACCESS_KEY=otinish-test-secret
  export OTINISH_TEST_OBJECT_STORE="s3://otinish"
}

# Multipart uploads s3s-fs holds unfinished (each leaves `.upload-<id>.json` in its folder):
# after a run every upload was completed or aborted, so this must be none.
s3_uploads_in_progress() {
  find "$S3_DIR/root" -maxdepth 1 -name '.upload*' | wc -l
}

s3_stop() {
  if [ -n "${S3_PID:-}" ]; then
    kill "$S3_PID" 2>/dev/null || true
    wait "$S3_PID" 2>/dev/null || true
  fi
  if [ -n "${S3_DIR:-}" ]; then rm -rf "$S3_DIR"; fi
  unset S3_DIR S3_PORT S3_PID AWS_ENDPOINT_URL AWS_ALLOW_HTTP AWS_REGION AWS_ACCESS_KEY_ID \
    AWS_SECRET_ACCESS_KEY OTINISH_TEST_OBJECT_STORE
  return 0
}
