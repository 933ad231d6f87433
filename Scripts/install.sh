#!/usr/bin/env bash
# Installs frusread under PREFIX (default /usr/local; ~/.local works without root):
#   PREFIX/bin/frusread                              the release binary
#   PREFIX/share/frusread/{Corpus,Themes}/           the bundled sample and the themes
#   PREFIX/share/man/man1/frusread.1                 the manual (`man frusread`)
#   PREFIX/share/bash-completion/completions/frusread
#   PREFIX/share/zsh/site-functions/_frusread
#   PREFIX/share/fish/vendor_completions.d/frusread.fish
# The installed binary finds its share/frusread/ from its own place, so PREFIX can be
# anywhere. Environment: FRUSREAD_BUILD_PATH, the build folder (default .build).
set -euo pipefail
prefix="${1:-/usr/local}"
case "$prefix" in /*) ;; *) prefix="$PWD/$prefix" ;; esac
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
scratch="${FRUSREAD_BUILD_PATH:-$root/.build}"

echo "building frusread (release; the first build takes several minutes)…"
swift build -c release --scratch-path "$scratch" --product frusread
bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path)"

share="$prefix/share/frusread"
mkdir -p "$prefix/bin" "$share" "$prefix/share/man/man1" "$prefix/share/bash-completion/completions" \
  "$prefix/share/zsh/site-functions" "$prefix/share/fish/vendor_completions.d"
# Copy, then rename over the old binary: a running frusread keeps its file.
cp "$bin/frusread" "$prefix/bin/.frusread.new"
chmod 755 "$prefix/bin/.frusread.new"
mv -f "$prefix/bin/.frusread.new" "$prefix/bin/frusread"
rm -rf "$share/Corpus" "$share/Themes"
cp -R Corpus Themes "$share/"

# The manual: the --help of the command and of each subcommand (swift-argument-parser's own
# text), then the reader's keys and the files from the README. (The parser's generate-manual
# tool is a target, not a product, of its package: this package cannot build it alone, and its
# plugin builds every product again, the benchmarks included.)
man="$prefix/share/man/man1/frusread.1"
{
  echo '.TH FRUSREAD 1'
  echo '.SH NAME'
  echo 'frusread \- read Foreign Relations of the United States volumes in the terminal'
  echo '.SH DESCRIPTION'
  echo '.nf'
  "$bin/frusread" --help | sed 's/\\/\\e/g; s/^\./\\\&./'
  for sub in $("$bin/frusread" --help | awk '/^SUBCOMMANDS:/ { on = 1; next } on && /^  [a-z]/ { print $1 }'); do
    echo
    "$bin/frusread" help "$sub" | sed 's/\\/\\e/g; s/^\./\\\&./'
  done
  echo '.fi'
} > "$man.tmp"
# The reader's keys: the README's table of keys (the one the reader's help follows), as roff.
{
  cat "$man.tmp"
  echo '.SH KEYS IN THE READER'
  echo 'The reader (\fBfrusread\fR or \fBfrusread PATH\fR) is driven by these keys; \fB?\fR shows them too.'
  awk '/^\| keys \| action \|/ { on = 1; next } on && /^\| ---/ { next } on && !/^\|/ { exit }
       on {
         line = $0; sub(/^\| /, "", line); sub(/ \|$/, "", line)
         split(line, cell, / \| /)
         keys = cell[1]; gsub(/`/, "", keys); action = cell[2]; gsub(/`/, "", action)
         gsub(/\\/, "\\e", keys); gsub(/\\/, "\\e", action)
         print ".TP"; print "\\fB" keys "\\fR"; print "\\&" action
       }' "$root/README.md"
  echo '.SH FILES'
  echo '.TP'
  echo '\fI$XDG_DATA_HOME/frusread/volumes/\fR'
  echo 'Volumes downloaded by \fBfrusread get\fR (default \fI~/.local/share/frusread/volumes/\fR).'
  echo '.TP'
  echo '\fI$XDG_CACHE_HOME/frusread/\fR'
  echo 'The search index (default \fI~/.cache/frusread/\fR).'
  echo '.TP'
  echo '\fIPREFIX/share/frusread/\fR'
  echo 'The bundled sample corpus and the themes.'
} > "$man"
rm -f "$man.tmp"

"$bin/frusread" --generate-completion-script bash > "$prefix/share/bash-completion/completions/frusread"
"$bin/frusread" --generate-completion-script zsh > "$prefix/share/zsh/site-functions/_frusread"
"$bin/frusread" --generate-completion-script fish > "$prefix/share/fish/vendor_completions.d/frusread.fish"

echo "installed: $prefix/bin/frusread"
echo "  data:    $share/"
echo "  manual:  $man"
case ":$PATH:" in *":$prefix/bin:"*) ;; *) echo "  add $prefix/bin to your PATH to run it as frusread" ;; esac
