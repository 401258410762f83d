#!/usr/bin/env bash
# Fetches the retrieval evaluation's documents (Debian documentation packages) into DIR/<package>/...
# The documents are not committed; the questions are (benchmarks/src/main/resources/eval/questions.jsonl, and
# the second, unseen set questions-unseen.jsonl on octave-doc and gnuplot-doc, with the package version each was
# written against). Needs apt-get (run `apt-get update` once first).
set -euo pipefail
dir=${1:-/tmp/eval-corpus}
mkdir -p "$dir/debs"
cd "$dir/debs"
for pkg in bash-doc glpk-doc camlidl-doc sqlite3-doc octave-doc gnuplot-doc; do
  apt-get download "$pkg"
  deb=$(ls -t "${pkg}"_*.deb | head -1)
  mkdir -p "$dir/$pkg"
  dpkg-deb -x "$deb" "$dir/$pkg"
  echo "$pkg $(dpkg-deb -f "$deb" Version) -> $dir/$pkg"
done
