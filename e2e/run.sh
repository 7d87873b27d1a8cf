#!/usr/bin/env bash
# Browser tests of the web UI. Builds dossier, serves an empty store on a
# free loopback port, and drives Debian's chromium with playwright-core:
# ingest the example corpus through the form, open a story, follow a
# citation to its sentence, search; screenshots go to e2e/artifacts/.
# Skips (exit 0, with a message) when node or chromium is missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
if ! command -v node >/dev/null 2>&1; then echo "e2e: SKIP: node is not installed"; exit 0; fi
if [ ! -x "$CHROMIUM" ]; then echo "e2e: SKIP: no chromium at $CHROMIUM (apt-get install -y chromium)"; exit 0; fi
cd "$here"
if [ ! -d node_modules/playwright-core ]; then
  npm install --no-save --no-audit --no-fund >/dev/null
fi
work="$(mktemp -d)"
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
# DOSSIER_BIN: a binary built elsewhere (CI builds once); else build one.
bin="${DOSSIER_BIN:-}"
if [ -z "$bin" ]; then
  bin="$work/dossier"
  (cd "$root" && CGO_ENABLED=0 go build -o "$bin" ./cmd/dossier)
fi
port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
"$bin" serve --db "$work/e2e.db" --addr "127.0.0.1:$port" --host-delay 100ms 2>"$work/server.log" &
pid=$!
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done
mkdir -p artifacts
status=0
BASE="http://127.0.0.1:$port" CHROMIUM="$CHROMIUM" CORPUS="$root/internal/demo/corpus" node ui.test.mjs || status=$?
cp "$work/server.log" artifacts/server.log
exit $status
