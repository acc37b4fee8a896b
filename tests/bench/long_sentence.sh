#!/usr/bin/env bash
# Makes the corpus of issue 13's blow-up case: one document of one line of about
# SIZE_MB megabytes (default 50) with no sentence end, naming entities throughout, then
# builds its graph and reports peak memory and output size.
#   bash tests/bench/long_sentence.sh [SIZE_MB]      (needs /usr/bin/time, release build)
# Bounds from the issue: peak RSS under 1 GB, graph.json under 200 MB.
set -euo pipefail
cd "$(dirname "$0")/../.."
size=${1:-50}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$size" "$work/long.txt" <<'PY'
import sys
size, path = int(sys.argv[1]) * 1_000_000, sys.argv[2]
names = ["Iran", "Iraq", "Baghdad", "Kataib Hezbollah", "the United States", "Mosul",
         "Qais al-Khazali", "Asaib Ahl al-Haq", "Hadi al-Amiri", "Badr Organization",
         "Mustafa al-Kadhimi", "Erbil", "Basra", "Turkey", "Syria"]
words = "officials said that the talks with and about the forces of".split()
out, n, i = [], 0, 0
while n < size:
    piece = f"{names[i % len(names)]} {words[i % len(words)]} {words[(i * 7) % len(words)]} "
    out.append(piece)
    n += len(piece)
    i += 1
open(path, "w").write("".join(out) + "\n")
PY
cargo build --release --quiet
ls -l "$work/long.txt"
/usr/bin/time -v target/release/newsgraph build "$work/long.txt" -o "$work/out/graph.json" \
  2>"$work/time.txt" || { cat "$work/time.txt"; exit 1; }
grep -E 'Elapsed|Maximum resident' "$work/time.txt"
ls -l "$work/out/graph.json"
