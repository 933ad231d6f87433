#!/bin/sh
# Start-up to first frame of the reader on the bundled corpus (issue 3: target < 50 ms).
#
# The reader needs a terminal, so it runs in a private tmux server (fixed 120×40 pane,
# TERM=tmux-256color, LANG=C.UTF-8). Each run is `frusread --exit-after-first-frame`: the
# process starts, opens the corpus, lays out the first document, draws and flushes the first
# frame, restores the terminal and exits. bash's $EPOCHREALTIME around each run (no extra
# processes) gives the wall time from exec to exit: an upper bound on start-up to first frame;
# bash's `times` gives the CPU time of all runs, which a busy machine does not inflate.
#
# On a machine busy with other work, wall time mostly measures waiting for a CPU; with
# FRUSREAD_BENCH_REALTIME=1 (root, or CAP_SYS_NICE) the runs use SCHED_FIFO via chrt, which
# approximates a quiet machine.
#
# Usage: [FRUSREAD_BENCH_REALTIME=1] Benchmarks/startup-first-frame.sh [RUNS]
#        (default 30 runs; builds the release binary first)
set -eu
runs=${1:-30}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
swift build -c release --product frusread >/dev/null
bin="$root/.build/release/frusread"
work=$(mktemp -d)
trap 'tmux -S "$work/socket" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT

cat > "$work/runs.bash" <<SCRIPT
for i in \$(seq $runs); do
  s=\$EPOCHREALTIME
  "$bin" --exit-after-first-frame --corpus "$root/Corpus" || echo "run \$i failed: \$?" >> "$work/errors"
  e=\$EPOCHREALTIME
  echo "\$s \$e" >> "$work/times"
done
times > "$work/times.out"  # shell and children: user and system time, all runs together
tail -1 "$work/times.out" > "$work/cpu"
touch "$work/done"
SCRIPT

priority=""
[ "${FRUSREAD_BENCH_REALTIME:-}" = 1 ] && priority="chrt -f 20"
tmux -S "$work/socket" -f /dev/null new-session -d -x 120 -y 40 \
  "env -i PATH=/usr/bin:/bin HOME=$work LANG=C.UTF-8 TERM=tmux-256color $priority bash --norc --noprofile $work/runs.bash; sleep 60"
while [ ! -e "$work/done" ]; do sleep 0.1; done
[ -e "$work/errors" ] && cat "$work/errors" >&2

# Milliseconds per run, sorted: min, median, p90, max.
awk '{ printf "%.2f\n", ($2 - $1) * 1000 }' "$work/times" | sort -n > "$work/ms"
n=$(wc -l < "$work/ms")
pick() { sed -n "$1p" "$work/ms"; }
echo "start-up to first frame, $n runs, release build, bundled corpus, 120x40${priority:+, SCHED_FIFO}:"
echo "  wall: min $(pick 1) ms   median $(pick $(( (n + 1) / 2 ))) ms   p90 $(pick $(( (n * 9 + 9) / 10 ))) ms   max $(pick "$n") ms"
# CPU time is what the reader itself costs; wall time also counts waiting for a busy machine.
awk -v n="$n" '{ split($1, u, /[ms]/); split($2, s, /[ms]/)
  printf "  cpu (user+sys): %.2f ms per run on average\n", ((u[1] * 60 + u[2]) + (s[1] * 60 + s[2])) * 1000 / n }' "$work/cpu"
echo "  (load average while measuring: $(cut -d' ' -f1-3 /proc/loadavg))"
