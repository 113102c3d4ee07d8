#!/usr/bin/env bash
# parvis's search against Pagefind on the same 10,000-entry parvis output
# (the search goals in the README): index build time, index size, and the bytes a
# browser downloads for a first query (excerpts included), plus parvis's time to
# results and to their excerpts.
#
#   bench/search.sh                     # corpus in /tmp/parvis-bench
#   CORPUS=DIR PF_RUNS=3 bench/search.sh
#
# Environment:
#   CORPUS       folder made by bench/corpus.sh (made with N=$PAGES if missing)
#   PAGES        entries when the corpus is made here (10000)
#   WORK         tmpfs folder for the outputs (/dev/shm/parvis-bench-search)
#   PF_RUNS      measured Pagefind runs, after one warm-up run (3)
#   PARVIS_BIN   parvis binary (default: `cargo build --release`, then target/release/parvis)
#   PAGEFIND_BIN Pagefind binary (default: `npm install --prefix $CORPUS/tools pagefind`,
#                binary of @pagefind/linux-x64)
#   TIME_BIN     GNU time (/usr/bin/time)
#   REPEATS      browser runs per query for the bytes (3)
#
# Index build time: Pagefind's whole run (GNU time) against what the index
# adds to a parvis build, taken from bench/build.sh's results
# ($CORPUS/build-results.json: parvis minus parvis with [search] enabled =
# false, output on tmpfs); run bench/build.sh first to have it.
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
CORPUS="${CORPUS:-/tmp/parvis-bench}"
PAGES="${PAGES:-10000}"
WORK="${WORK:-/dev/shm/parvis-bench-search}"
PF_RUNS="${PF_RUNS:-3}"
REPEATS="${REPEATS:-3}"
TIME="${TIME_BIN:-/usr/bin/time}"

# shellcheck source=bench/lib.sh
. "$REPO/bench/lib.sh"
require_tools
if [ ! -f "$CORPUS/parvis/site.toml" ]; then
  PARVIS_BIN="$PARVIS_BIN" "$REPO/bench/corpus.sh" "$CORPUS" "$PAGES"
fi
CORPUS="$(cd "$CORPUS" && pwd)"
if [ -z "${PAGEFIND_BIN:-}" ]; then
  PF_DIR="$CORPUS/tools"
  if ! ls "$PF_DIR"/node_modules/@pagefind/linux-x64/bin/pagefind* >/dev/null 2>&1; then
    npm install --silent --no-audit --no-fund --prefix "$PF_DIR" pagefind >/dev/null
  fi
  PAGEFIND_BIN="$(ls "$PF_DIR"/node_modules/@pagefind/linux-x64/bin/pagefind* | grep -v '\.sha256$' | head -1)"
fi
[ -d "$REPO/node_modules/playwright-core" ] || (cd "$REPO" && npm ci --silent --no-audit --no-fund)

mkdir -p "$WORK"
[ "$(stat -f -c %T "$WORK")" = tmpfs ] || echo "note: WORK ($WORK) is not on tmpfs" >&2
SITE="$WORK/parvis"
PFSITE="$WORK/pagefind-site"
RAW="$(mktemp -d)"
trap 'rm -rf "$RAW"' EXIT

echo "parvis:   $PARVIS_BIN"
echo "pagefind: $PAGEFIND_BIN ($("$PAGEFIND_BIN" --version))"
echo "corpus:   $CORPUS/parvis ($(find "$CORPUS/parvis/content" -name '*.md' | wc -l) entries); outputs in $WORK"

# 1. The parvis output (search on), once.
rm -rf "$SITE"
"$PARVIS_BIN" build --quiet --root "$CORPUS/parvis" --out "$SITE"

# 2. Pagefind on a copy of it: 1 warm-up + PF_RUNS runs, whole-process figures.
rm -rf "$PFSITE"
cp -r "$SITE" "$PFSITE"
for i in $(seq 0 "$PF_RUNS"); do
  rm -rf "$PFSITE/pagefind"; sync
  waited="$(wait_quiet)"
  : >"$RAW/last"
  timed_run "$RAW/last" "$PAGEFIND_BIN" --site "$PFSITE" --quiet
  [ "$i" = 0 ] || cat "$RAW/last" >>"$RAW/pagefind-runs"
  echo "Pagefind run $i done$([ "$i" = 0 ] && echo ' (warm-up, dropped)'): $(cat "$RAW/last") (wall user sys KiB other-cores; waited ${waited}s for idle CPUs)"
done

# 3. Index sizes. parvis's search/ also holds the search page (index.html):
#    counted apart.
{
  echo "parvis_search_dir_bytes $(du -sb "$SITE/search" | cut -f1)"
  echo "parvis_search_dir_files $(find "$SITE/search" -type f | wc -l)"
  echo "parvis_page_bytes $(stat -c %s "$SITE/search/index.html" 2>/dev/null || echo 0)"
  echo "parvis_script_bytes $(cat "$SITE"/js/search.*.js | wc -c)"
  echo "pagefind_dir_bytes $(du -sb "$PFSITE/pagefind" | cut -f1)"
  echo "pagefind_dir_files $(find "$PFSITE/pagefind" -type f | wc -l)"
  echo "pagefind_ui_bytes $(cat "$PFSITE"/pagefind/pagefind-*ui.* "$PFSITE"/pagefind/pagefind-highlight.js 2>/dev/null | wc -c)"
  echo "html_pages $(find "$SITE" -name '*.html' | wc -l)"
  echo "parvis_documents $(grep -o '"n":[0-9]*' "$SITE/search/meta.js" | head -1 | cut -d: -f2)"
} >"$RAW/sizes"

# 4. Bytes of a first query and time to results, in headless Chromium, one
#    server for both (the Pagefind copy holds the parvis pages and pagefind/).
node "$REPO/bench/search_bytes.mjs" "$PFSITE" --repeats "$REPEATS" --json "$WORK/search-bytes.json"

python3 - "$RAW/pagefind-runs" "$RAW/sizes" "$WORK/search-bytes.json" "$CORPUS/build-results.json" "$WORK/search-results.json" <<'EOF'
import json, os, statistics as st, sys
runs_path, sizes_path, bytes_path, build_path, out_path = sys.argv[1:6]
med = st.median
pf = [list(map(float, l.split())) for l in open(runs_path) if l.strip()]
pf_wall = [r[0] for r in pf]; pf_cpu = [r[1] + r[2] for r in pf]; pf_rss = [r[3] / 1024 for r in pf]
pf_other = [r[4] for r in pf]
sizes = {k: int(v) for k, v in (l.split() for l in open(sizes_path))}
browser = json.load(open(bytes_path))
res = {"pagefind_runs": pf, "sizes": sizes, "browser": browser}
rng = lambda xs, f: f"{med(xs):{f}} [{min(xs):{f}}-{max(xs):{f}}]"

print("\nIndex build (whole-process figures):")
print(f"  Pagefind run on the parvis output   wall {rng(pf_wall, '.2f')} s, CPU {rng(pf_cpu, '.2f')} s, peak {rng(pf_rss, '.0f')} MiB (n={len(pf)}; other load {rng(pf_other, '.2f')} cores)")
if os.path.exists(build_path):
    b = json.load(open(build_path))
    for w in ("tmpfs", "disk"):
        on, off = b.get(f"parvis {w}"), b.get(f"parvis-nosearch {w}")
        if not on or not off:
            continue
        d = {m: on[m]["median"] - off[m]["median"] for m in ("wall", "cpu", "rss_mib")}
        res[f"parvis_search_overhead_{w}"] = d
        print(f"  parvis search index, output on {w:5}  {d['wall']:+.2f} s wall, {d['cpu']:+.2f} s CPU, {d['rss_mib']:+.0f} MiB peak"
              f" (build {on['wall']['median']:.2f} s vs {off['wall']['median']:.2f} s without the index;"
              f" {(on['wall']['median'] / off['wall']['median'] - 1) * 100:+.0f} % wall,"
              f" {(on['cpu']['median'] / off['cpu']['median'] - 1) * 100:+.0f} % CPU,"
              f" {(on['rss_mib']['median'] / off['rss_mib']['median'] - 1) * 100:+.0f} % memory)")
else:
    print(f"  (no {build_path}: run bench/build.sh for parvis's search overhead)")

idx = sizes["parvis_search_dir_bytes"] - sizes["parvis_page_bytes"]
print("\nIndex size:")
print(f"  parvis    {idx:>12,} bytes in {sizes['parvis_search_dir_files'] - 1:>6,} files (search/ without the search page;"
      f" du -sb search = {sizes['parvis_search_dir_bytes']:,}), {sizes['parvis_documents']:,} documents; script {sizes['parvis_script_bytes']:,} bytes")
print(f"  Pagefind  {sizes['pagefind_dir_bytes']:>12,} bytes in {sizes['pagefind_dir_files']:>6,} files (pagefind/, of which"
      f" {sizes['pagefind_ui_bytes']:,} bytes of UI bundles), {sizes['html_pages']:,} HTML pages indexed")

print("\nFirst query in headless Chromium (bytes received, headers included; medians of"
      f" {len(browser['bytes'][0]['parvis']['runs']) if browser['bytes'] else 0} cold runs):")
print(f"  {'query':28} {'parvis':>22} {'Pagefind':>22} {'parvis/Pagefind':>16}")
for row in browser["bytes"]:
    p, f = row["parvis"], row["pagefind"]
    cell = lambda s: f"{s['wire_bytes']['median']:>9,.0f} B / {s['requests']['median']:>3.0f} req"
    script = row["parvis"]["runs"][0]["script"]["wire_bytes"]
    print(f"  {row['query']:28} {cell(p):>22} {cell(f) if f else '-':>22} {row.get('ratio', float('nan')):>16.3f}"
          f"  {'met' if row.get('ratio', 9) <= 0.25 else 'NOT MET'} (goal <= 0.25; parvis includes its script, {script:,} B)")
lat = browser.get("latency")
if lat:
    f = lambda s: f"median {s['median']:.1f} ms [{s['min']:.1f}-{s['max']:.1f}]"
    print("\nparvis time to results, last keystroke -> results of the whole query rendered (60 ms debounce included),"
          f" {len(lat['queries'])} queries:")
    print(f"  cold cache: {f(lat['cold_ms'])}   warm cache: {f(lat['warm_ms'])}   goal < 100 ms")
    if "cold_excerpts_ms" in lat:
        print("parvis time to excerpts, last keystroke -> excerpts of the results in place (loaded once typing pauses 250 ms):")
        print(f"  cold cache: {f(lat['cold_excerpts_ms'])}   warm cache: {f(lat['warm_excerpts_ms'])}")
json.dump(res, open(out_path, "w"), indent=1)
print(f"\n(results in {out_path}; browser details in {bytes_path})")
EOF
