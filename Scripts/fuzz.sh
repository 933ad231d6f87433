#!/usr/bin/env bash
# Coverage-guided fuzzing of one frusread target with libFuzzer (release build, AddressSanitizer).
#
#   Scripts/fuzz.sh TARGET SECONDS [libFuzzer options…]
#   Scripts/fuzz.sh all SECONDS        every target in turn (what .ci/run does)
#   Scripts/fuzz.sh list               the targets
#
# Targets: tei, plaintext, query, keys, theme, config, state, layout (see Fuzz/Package.swift; README, Fuzzing).
# Builds Fuzz/ (its own package, outside `swift build`/`swift test`), seeds a working corpus
# from the test seeds and ../shared (copied at run time, never committed), runs the target for
# SECONDS and prints its executions. Exits non-zero on a crash, a leak, a timeout or an
# out-of-memory, leaving the input that caused it in the folder it names
# (Fuzz/.work/TARGET/crashes by default; FUZZ_WORK changes Fuzz/.work). FUZZ_MAX_LEN,
# FUZZ_TIMEOUT and FUZZ_RSS_MB change libFuzzer's input size, time and memory limits.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
fuzz="$root/Fuzz"
work="${FUZZ_WORK:-$fuzz/.work}"
targets=(tei plaintext query keys theme config state layout)

module() {
  case "$1" in
    tei) echo FuzzTEI ;; plaintext) echo FuzzPlainText ;; query) echo FuzzQuery ;;
    keys) echo FuzzKeys ;; theme) echo FuzzTheme ;; config) echo FuzzConfig ;; state) echo FuzzState ;;
    layout) echo FuzzLayout ;;
    *) return 1 ;;
  esac
}

usage() { echo "usage: Scripts/fuzz.sh TARGET|all SECONDS [libFuzzer options…]; targets: ${targets[*]}" >&2; exit 2; }

[ "${1:-}" = list ] && { printf '%s\n' "${targets[@]}"; exit 0; }
[ $# -ge 2 ] || usage
target="$1"; seconds="$2"; shift 2
[[ "$seconds" =~ ^[0-9]+$ ]] || usage

build() {
  # One build for every target; its own folder, so it never disturbs the main package's .build.
  echo "fuzz: building (release, -sanitize=fuzzer,address)…" >&2
  (cd "$fuzz" && swift build -c release --build-path "$fuzz/.build" \
      -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -g >&2) || { echo "fuzz: build failed" >&2; exit 3; }
}

# The seeds of a target, copied into its working corpus: small synthetic files kept in
# Fuzz/Seeds/TARGET, plus for the importers the TEI and text of the tests and ../shared.
seed() {
  local t="$1" corpus="$2"
  mkdir -p "$corpus"
  [ -d "$fuzz/Seeds/$t" ] && cp -n "$fuzz/Seeds/$t"/* "$corpus"/ 2>/dev/null
  local shared="$root/../shared"
  case "$t" in
    tei)
      # Whole volumes are large: libFuzzer mutates the first -max_len bytes; the header and
      # partial volume give it real TEI to start from.
      for f in "$shared"/frus/*.xml "$shared"/frus/*.part "$shared"/frus/eras/*.xml "$root"/Tests/*/Fixtures/*.xml; do
        [ -f "$f" ] && head -c 65536 "$f" > "$corpus/shared-$(basename "$f").xml"
      done ;;
    plaintext)
      for f in "$shared"/seeds/*.txt "$root"/Tests/*/Fixtures/*.txt; do
        [ -f "$f" ] && cp "$f" "$corpus/shared-$(basename "$f")"
      done ;;
    theme)
      for f in "$root"/Themes/*.toml; do [ -f "$f" ] && cp "$f" "$corpus/"; done ;;
  esac
  return 0
}

run_one() {
  local t="$1" m; shift
  m="$(module "$t")" || { echo "fuzz: no target '$t' (targets: ${targets[*]})" >&2; return 2; }
  local bin="$fuzz/.build/release/$m"
  local dir="$work/$t"; local corpus="$dir/corpus" crashes="$dir/crashes"
  mkdir -p "$crashes"
  seed "$t" "$corpus"
  local dict=(); [ -f "$fuzz/Dictionaries/$t.dict" ] && dict=(-dict="$fuzz/Dictionaries/$t.dict")
  # TOMLKit (the theme reader's TOML parser) leaks on every parse — the key list of a table
  # and the error message of TOMLTable(string:), malloc'd in its C++ shim and never freed — so
  # the TOML targets run without leak checks, and in fork mode (a fresh child process now and
  # then, its out-of-memory from the leak's growth not counted: 3 GB after ~2 million inputs);
  # everything else is checked.
  local asan="${ASAN_OPTIONS:-}"
  case "$t" in
    theme|config) dict+=(-detect_leaks=0 -fork=1 -ignore_ooms=1); asan="detect_leaks=0${asan:+:$asan}" ;;
  esac
  local log="$dir/last-run.log"
  echo "fuzz: $t for ${seconds}s (corpus $corpus)" >&2
  LSAN_OPTIONS="suppressions=$fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}" \
  ASAN_OPTIONS="$asan" "$bin" "$corpus" "${dict[@]}" -max_total_time="$seconds" -artifact_prefix="$crashes/" \
      -max_len="${FUZZ_MAX_LEN:-65536}" -timeout="${FUZZ_TIMEOUT:-20}" -rss_limit_mb="${FUZZ_RSS_MB:-3072}" \
      -print_final_stats=1 "$@" > "$log" 2>&1
  local status=$?
  local execs rate
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  if [ -z "$execs" ]; then  # fork mode prints "#N: cov: … exec/s: R …" instead
    execs=$(grep -o '^#[0-9]*:' "$log" | tail -1 | tr -d '#:')
    [ -n "$execs" ] && rate=$(( execs / (seconds > 0 ? seconds : 1) ))
  fi
  echo "fuzz: $t: ${execs:-?} executions in ${seconds}s (${rate:-?}/s), exit $status; log $log"
  if [ "$status" -ne 0 ]; then
    echo "fuzz: $t FAILED — the input that caused it is in $crashes:" >&2
    ls -1 "$crashes" >&2
    grep -E 'ERROR|Fatal error|invariant broken|SUMMARY' "$log" | head -n 10 >&2
    return 1
  fi
  return 0
}

# FUZZ_NO_BUILD=1: use the binaries as built (several targets fuzzed at once from one build).
[ "${FUZZ_NO_BUILD:-0}" = 1 ] || build
if [ "$target" = all ]; then
  failed=0
  for t in "${targets[@]}"; do run_one "$t" "$@" || failed=1; done
  exit "$failed"
fi
run_one "$target" "$@"
