#!/usr/bin/env bash
# The speed guard CI runs: the instructions a fixed build executes, counted
# by valgrind's callgrind (a count, not a time: the same on a busy or an
# idle machine), compared with the baseline in bench/guard-baseline. A
# change that makes the build slower by more than the tolerance fails; one
# that makes it faster says so, and the baseline is then lowered on
# purpose, in the same commit as the change (`bench/guard.sh --update`).
#
#   bench/guard.sh            # compare (needs valgrind: apt-get install valgrind)
#   bench/guard.sh --update   # write the new count into bench/guard-baseline
#
# The build: the portal with each start-up and news item copied COPIES
# times (default 8, about 800 pages), one rendering thread so the count does
# not depend on how work is split, output on tmpfs. Counts differ between
# processors of different families (the C library picks its string
# routines by processor), so the baseline is that of the machine CI runs on.
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
BASELINE="$REPO/bench/guard-baseline"
TOLERANCE="${GUARD_TOLERANCE:-5}" # percent
COPIES="${COPIES:-8}"
command -v valgrind >/dev/null || { echo "valgrind not found (apt-get install valgrind)" >&2; exit 2; }
# shellcheck source=bench/lib.sh
. "$REPO/bench/lib.sh"
parvis_bin

SITE="$(mktemp -d)"
OUT="$(mktemp -d -p /dev/shm 2>/dev/null || mktemp -d)"
trap 'rm -rf "$SITE" "$OUT"' EXIT
cp -r "$REPO/content" "$REPO/themes" "$REPO/assets" "$REPO/site.toml" "$SITE/"
# Copies with their own file names (their own addresses): no `slug:` and no
# aliases, which would make two copies claim the same address.
python3 - "$SITE/content" "$COPIES" <<'PY'
import pathlib, re, sys
content, copies = pathlib.Path(sys.argv[1]), int(sys.argv[2])
for folder in ("startups", "news"):
    for path in sorted((content / folder).glob("*.md")):
        if path.name.startswith("_"):
            continue
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"^(?:aliases|slug):.*\n(?:  - .*\n)*", "", text, flags=re.M)
        stem, rest = path.name.split(".", 1)
        for n in range(1, copies + 1):
            (path.parent / f"{stem}-copie-{n}.{rest}").write_text(text, encoding="utf-8")
PY
rmdir "$OUT"
LOG="$(mktemp)"
RAYON_NUM_THREADS=1 valgrind --tool=callgrind --callgrind-out-file=/dev/null \
  "$PARVIS_BIN" build --quiet --root "$SITE" --out "$OUT" 2>"$LOG" || { cat "$LOG" >&2; exit 1; }
count="$(sed -n 's/^==[0-9]*== Collected : \([0-9]*\)$/\1/p' "$LOG")"
rm -f "$LOG"
[ -n "$count" ] || { echo "no instruction count from callgrind" >&2; exit 1; }
pages="$(find "$OUT" -name index.html | wc -l)"

if [ "${1:-}" = --update ]; then
  echo "$count" >"$BASELINE"
  echo "baseline: $count instructions ($pages pages)"
  exit 0
fi
base="$(cat "$BASELINE")"
change="$(awk -v c="$count" -v b="$base" 'BEGIN { printf "%+.2f", (c - b) * 100 / b }')"
echo "build of $pages pages: $count instructions; baseline $base ($change %, tolerance ±$TOLERANCE %)"
if awk -v c="$change" -v t="$TOLERANCE" 'BEGIN { exit !(c > t) }'; then
  echo "the build got slower than the baseline allows: find why, or raise the baseline on purpose (bench/guard.sh --update) in the commit that explains it" >&2
  exit 1
fi
if awk -v c="$change" -v t="$TOLERANCE" 'BEGIN { exit !(c < -t) }'; then
  echo "faster than the baseline: lower it with bench/guard.sh --update in this change"
fi
