# Shared by the bench scripts (sourced, not run).
#
# The benchmark machine may be shared: before each measured run, wait until
# the CPUs are idle, and record how busy the machine was during the run
# beyond the measured process, so that a disturbed run shows in the results.

# busy and total jiffies of all CPUs, from /proc/stat
cpu_jiffies() { awk '/^cpu /{ b = $2 + $3 + $4 + $7 + $8 + $9; print b, b + $5 + $6 }' /proc/stat; }

# Waits (at most QUIET_WAIT seconds, 120 by default) until less than
# QUIET_CORES (0.3) cores are busy over one second. Prints the seconds waited.
wait_quiet() {
  local waited=0 b0 t0 b1 t1
  while :; do
    read -r b0 t0 < <(cpu_jiffies); sleep 1; read -r b1 t1 < <(cpu_jiffies)
    if awk -v b=$((b1 - b0)) -v t=$((t1 - t0)) -v n="$(nproc)" -v q="${QUIET_CORES:-0.3}" \
      'BEGIN { exit !(t > 0 && b / t * n < q) }'; then break; fi
    waited=$((waited + 1))
    [ "$waited" -lt "${QUIET_WAIT:-120}" ] || break
  done
  echo "$waited"
}

# timed_run OUTFILE command...: runs the command under GNU time and appends
# "wall user sys maxrss_kib other_cores" to OUTFILE, where other_cores is the
# CPU time the rest of the machine used during the run divided by the wall
# time (kernel writeback of the run's own files counts there too).
timed_run() {
  local out="$1"; shift
  local b0 t0 b1 t1 tmp
  tmp="$(mktemp)"
  read -r b0 t0 < <(cpu_jiffies)
  if ! "$TIME" -f '%e %U %S %M' -o "$tmp" "$@" >"$tmp.log" 2>&1; then
    echo "failed: $*" >&2; cat "$tmp.log" >&2; rm -f "$tmp" "$tmp.log"; return 1
  fi
  read -r b1 t1 < <(cpu_jiffies)
  awk -v busy=$((b1 - b0)) -v hz="$(getconf CLK_TCK)" '
    NF == 4 { other = (busy / hz - $2 - $3) / ($1 > 0 ? $1 : 1); if (other < 0) other = 0
              printf "%s %s %s %s %.2f\n", $1, $2, $3, $4, other }' "$tmp" >>"$out"
  rm -f "$tmp" "$tmp.log"
}

# The parvis binary: built in release mode (where cargo puts it, under
# CARGO_TARGET_DIR if set) unless PARVIS_BIN names one. Sets PARVIS_BIN.
parvis_bin() {
  if [ -z "${PARVIS_BIN:-}" ]; then
    (cd "$REPO" && cargo build --release --quiet)
    PARVIS_BIN="${CARGO_TARGET_DIR:-$REPO/target}/release/parvis"
  fi
}

# The tools both scripts need: GNU time at $TIME, and the parvis binary.
require_tools() {
  [ -x "$TIME" ] || { echo "GNU time not found at $TIME (apt-get install time)" >&2; exit 2; }
  parvis_bin
}
