#!/usr/bin/env bash
# Issue 13, defect 6: every command stays linear on huge values. Generates TEI volumes of one
# document holding one huge value each — a <pb n="…"> of 9 MB of spaces, an 11 MB paragraph
# of CJK text, of "e + combining acute" letters, and one 11 MB grapheme (a letter and 3.7
# million combining marks) — and times each command on each file beside `xmllint --noout --huge`
# (best of RUNS runs, user + system CPU time: the machine is shared, and CPU time is what
# grows with the input), printing the ratio (target: ≤ 2×). `--huge` lifts xmllint's 10 MB
# limit on one text node (the attribute of 9 MB needs no lift; frusread streams text).
#
#   Benchmarks/huge-values-vs-xmllint.sh [RUNS]      (default 3)
# Needs: a release build (swift build -c release), xmllint (libxml2-utils), GNU time, python3.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
bin=${FRUSREAD_BIN:-.build/release/frusread}
work=$(mktemp -d /tmp/frusread-huge.XXXXXX)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME="$work/cache" XDG_STATE_HOME="$work/state" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"

python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
def volume(name, body):
    head = ('<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>'
            '<titleStmt><title type="complete">Huge</title></titleStmt><publicationStmt>'
            '<idno type="frus">frus1999-00v01</idno></publicationStmt></fileDesc></teiHeader><text><body>\n'
            '<div type="document" n="1" xml:id="d1"><head>1. Memorandum</head>\n')
    with open(f"{work}/{name}.xml", "w", encoding="utf-8") as f:
        f.write(head + body + '\n</div></body></text></TEI>\n')
volume("pb-spaces", '<p>Before <pb n="' + ' ' * 9_000_000 + '5"/> after.</p>')
# libxml2 refuses a text node over 10 MB (so does frusread): the 11 MB paragraphs are cut
# into 1 MB pieces by an inline element, which keeps them one paragraph (and one grapheme).
def paragraph(unit, total):
    piece = unit * (1_000_000 // len(unit.encode()))
    count = total // len(piece.encode())
    return '<p>' + '<hi rend="italic"></hi>'.join([piece] * count) + '</p>'
volume("cjk-paragraph", paragraph('漢字仮名交じり文', 11_000_000))
volume("combining-letters", paragraph('e\u0301', 11_000_000))
volume("one-grapheme", '<p>a' + paragraph('\u0301', 11_000_000)[3:])
PY

best() {  # least CPU time (user + system, ms) of RUNS runs of the command
  local b=""
  for _ in $(seq "$runs"); do
    local ms
    /usr/bin/time -o "$work/time" -f "%U %S" "$@" >/dev/null 2>&1 || true
    ms=$(tail -1 "$work/time" | awk '{printf "%d", ($1 + $2) * 1000}')
    if [ -z "$b" ] || [ "$ms" -lt "$b" ]; then b=$ms; fi
  done
  echo "$b"
}

printf '%-18s %-22s %9s %9s %7s\n' file command frusread xmllint ratio
for f in pb-spaces cjk-paragraph combining-letters one-grapheme; do
  vol="$work/$f.xml"
  x=$(best xmllint --noout --huge "$vol")
  for cmd in "list" "volumes" "show 1" "show 1 --json" "links 1" "check"; do
    # shellcheck disable=SC2086
    t=$(best "$bin" $cmd --corpus "$vol")
    printf '%-18s %-22s %7s ms %6s ms %6s×\n' "$f" "$cmd" "$t" "$x" "$(awk "BEGIN{printf \"%.2f\", $t/($x>0?$x:1)}")"
  done
done
