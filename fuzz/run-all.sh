#!/usr/bin/env bash
# Runs every fuzz target one after the other, nice'd, each for its time
# (seconds), logging to fuzz/logs/<target>.log. Crashes are kept in
# fuzz/artifacts/<target>/ and fuzzing goes on (-fork=1 -ignore_crashes=1)
# so that each target gets its whole time.
set -u
cd "$(dirname "$0")"
export RUSTC_BOOTSTRAP=1
run() {
  local target=$1 seconds=$2; shift 2
  mkdir -p "corpus/$target" "artifacts/$target" logs
  echo "$(date -u +%FT%TZ) start $target ${seconds}s" >> logs/summary.log
  nice -n 10 cargo fuzz run "$target" "corpus/$target" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -fork=1 -ignore_crashes=1 -ignore_ooms=1 -ignore_timeouts=1 \
    -artifact_prefix="artifacts/$target/" "$@" > "logs/$target.log" 2>&1
  echo "$(date -u +%FT%TZ) end $target rc=$?" >> logs/summary.log
}
for spec in "$@"; do
  target=${spec%%:*}; seconds=${spec#*:}
  case $target in
    markdown|html_filter) run "$target" "$seconds" -dict=dictionaries/markdown.dict ;;
    *) run "$target" "$seconds" ;;
  esac
done
