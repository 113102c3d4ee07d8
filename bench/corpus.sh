#!/usr/bin/env bash
# Makes the benchmark corpus (the README's speed goals) in two flavors of the same entries:
#
#   bench/corpus.sh DIR N        e.g. bench/corpus.sh /tmp/parvis-bench 10000
#
#   DIR/parvis  the parvis flavor + this repository's themes/ (real campus theme)
#   DIR/hugo    the Hugo flavor (Hugo's own config and minimal layouts)
#
# Both come from bench/gen_corpus.py (the team's deterministic corpus generator,
# kept here as it is). Same N and seed: identical bodies.
# The parvis flavor's site.toml is then fixed to pass parvis's strict schema,
# and the result is checked with a build of the release binary (on tmpfs).
set -euo pipefail
DIR="${1:?usage: bench/corpus.sh DIR N}"
N="${2:?usage: bench/corpus.sh DIR N}"
REPO="$(cd "$(dirname "$0")/.." && pwd)"
GEN="${GEN_CORPUS:-$REPO/bench/gen_corpus.py}"
PARVIS="${PARVIS_BIN:-${CARGO_TARGET_DIR:-$REPO/target}/release/parvis}"

mkdir -p "$DIR"
DIR="$(cd "$DIR" && pwd)"
python3 "$GEN" --pages "$N" --out "$DIR/parvis" --flavor parvis --force
python3 "$GEN" --pages "$N" --out "$DIR/hugo" --flavor hugo --force
cp -r "$REPO/themes" "$DIR/parvis/"

# The generator's site.toml declares no fields for `operators`, yet its
# operator entries carry `acronym`, `city` and `website`: parvis rejects
# undeclared fields (and every link to an operator then dies with it), so
# declare them here. The campus theme needs no `[extra]` key (footer links and
# list filters are optional), so none is added.
cat >> "$DIR/parvis/site.toml" <<'TOML'

# Added by bench/corpus.sh: the generator declares no fields for operators,
# whose entries carry acronym, city and website.
[collections.operators.fields]
acronym = { type = "string" }
city = { type = "string" }
website = { type = "url" }
TOML

# Check that the flavor builds (every output on: search, feeds, sitemap, data).
if [ -x "$PARVIS" ]; then
  check="$(mktemp -d /dev/shm/parvis-corpus-check.XXXXXX)"
  rmdir "$check"
  "$PARVIS" build --root "$DIR/parvis" --out "$check"
  rm -rf "$check"
else
  echo "note: $PARVIS not built; run cargo build --release to check the corpus" >&2
fi
