#!/usr/bin/env bash
# Issue 4's benchmark: `frusread show N` on a generated full-size TEI volume (≥ 8 MB, made from
# ../shared/frus/frus1981-88v05-partial.xml by `frusread-bench tei-import --output`), timed side
# by side with `xmllint --noout` in one hyperfine run; peak RSS of both; and `list` of one volume
# in a folder of 50 such volumes against the same with one volume present.
# Needs: a release build (swift build -c release), hyperfine, xmllint (libxml2-utils), GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-15}
bin=.build/release/frusread
bench=.build/release/frusread-bench
work=$(mktemp -d /tmp/frusread-tei-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME="$work/cache"

"$bench" tei-import --output "$work/one/frus1981-88v05.xml" --runs 1 >/dev/null
vol="$work/one/frus1981-88v05.xml"
size=$(stat -c %s "$vol")
echo "volume: $vol, $(awk "BEGIN{printf \"%.2f\", $size/1e6}") MB"
doc=$("$bin" list --corpus "$vol" | awk -F'\t' 'NR==200{print $2}')

hyperfine -N --warmup 2 --runs "$runs" --export-markdown "$work/show.md" \
  "$bin show $doc --corpus $vol" "xmllint --noout $vol" >/dev/null
cat "$work/show.md"

rss() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
show_kb=$(rss "$bin" show "$doc" --corpus "$vol")
xml_kb=$(rss xmllint --noout "$vol")
echo "peak RSS: frusread show $show_kb KB ($(awk "BEGIN{printf \"%.2f\", $show_kb*1024/$size}")× the file), xmllint $xml_kb KB ($(awk "BEGIN{printf \"%.2f\", $xml_kb*1024/$size}")×)"

"$bench" tei-import --folder 50 --output "$work/fifty" >/dev/null
first=$(ls "$work/fifty" | head -1)
id=${first%.xml}
mkdir -p "$work/single" && cp "$work/fifty/$first" "$work/single/"
hyperfine -N --warmup 2 --runs "$runs" --export-markdown "$work/list.md" \
  "$bin list --volume $id --corpus $work/single" "$bin list --volume $id --corpus $work/fifty" >/dev/null
cat "$work/list.md"
