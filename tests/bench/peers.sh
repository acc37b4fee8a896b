#!/usr/bin/env bash
# newsgraph beside the peer gazetteer taggers of ../shared/bench (issue 12's benchmark).
#
#   bash tests/bench/peers.sh [--runs N] [--mb 10|100|10,100] [--work DIR] [--scratch DIR]
#                             [--engines LIST] [--out FILE]
#
# Runs `newsgraph extract`, `newsgraph build` and the peers (peers.py: pyahocorasick,
# flashtext, spaCy's PhraseMatcher) on the same corpus folder WORK/corpus_<MB>mb/docs with
# the same 100,000-entity gazetteer (WORK/gazetteer_large.jsonl, imported for newsgraph
# with `newsgraph gazetteer import`), round-robin: run 1 of every engine, then run 2 of
# every engine, and so on. Every run is one process timed by /usr/bin/time (wall, user,
# sys, peak RSS); it prints the medians as a markdown table with the ratio of each
# engine's throughput to pyahocorasick's, the gazetteer load times, the machine's core
# count and, when both corpora are run, the 100 MB / 10 MB peak-RSS ratio.
#
#   --runs N        runs of every engine (default 3)
#   --mb LIST       corpus sizes, 10 and/or 100, comma-separated (default 100)
#   --work DIR      inputs: .venv/, gazetteer_large.jsonl, corpus_<MB>mb/ (default
#                   $NEWSGRAPH_BENCH_WORK, else ../bench-work beside the repository); made
#                   with `bash ../shared/bench/setup.sh DIR` when missing
#   --scratch DIR   where the imported gazetteer and the engines' outputs go (default
#                   WORK/tmp-peers); outputs are deleted after each run
#   --engines LIST  comma-separated subset of: extract, build, pyahocorasick, flashtext,
#                   spacy-phrasematcher, spacy-entityruler (default: all but
#                   spacy-entityruler; spaCy is slow)
#   --out FILE      also write the report to FILE
#
# MB = 10^6 bytes of corpus files (the sum of the *.txt file sizes); MB/s is per wall
# second of the whole process, gazetteer load included. Nothing is written in the
# repository but target/ (cargo build --release) and --out.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
shared=$repo/../shared/bench
all_engines="extract build pyahocorasick flashtext spacy-phrasematcher spacy-entityruler"

usage() {
  awk 'NR > 1 && !/^#/ {exit} NR > 1 {sub(/^# ?/, ""); print}' "$0"
}
die() {
  echo "peers.sh: $*" >&2
  exit 2
}

runs=3
mbs=100
work=${NEWSGRAPH_BENCH_WORK:-$repo/../bench-work}
scratch=
engines=extract,build,pyahocorasick,flashtext,spacy-phrasematcher
out=
while [ $# -gt 0 ]; do
  case $1 in
    --runs | --mb | --work | --scratch | --engines | --out)
      [ $# -ge 2 ] || die "$1 needs a value (see --help)"
      case $1 in
        --runs) runs=$2 ;;
        --mb) mbs=$2 ;;
        --work) work=$2 ;;
        --scratch) scratch=$2 ;;
        --engines) engines=$2 ;;
        --out) out=$2 ;;
      esac
      shift 2
      ;;
    -h | --help)
      usage
      exit 0
      ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done

[[ $runs =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive whole number, not '$runs'"
IFS=, read -r -a mb_list <<<"$mbs"
[ ${#mb_list[@]} -gt 0 ] || die "--mb needs 10, 100 or 10,100"
for mb in "${mb_list[@]}"; do
  [ "$mb" = 10 ] || [ "$mb" = 100 ] || die "--mb takes 10, 100 or 10,100, not '$mbs'"
done
IFS=, read -r -a engine_list <<<"$engines"
[ ${#engine_list[@]} -gt 0 ] || die "--engines needs at least one of: $all_engines"
for e in "${engine_list[@]}"; do
  [[ " $all_engines " == *" $e "* ]] || die "unknown engine '$e' in --engines (known: $all_engines)"
done
if [ -n "$out" ]; then
  out_dir=$(dirname "$out")
  [ -d "$out_dir" ] || die "--out $out: folder $out_dir does not exist"
  out=$(cd "$out_dir" && pwd)/$(basename "$out")
fi

# ------------------------------------------------------------------------ inputs and tools
mkdir -p "$work" || die "cannot create the work folder $work (give another with --work)"
work=$(cd "$work" && pwd)
scratch=${scratch:-$work/tmp-peers}
mkdir -p "$scratch" || die "cannot create the scratch folder $scratch (give another with --scratch)"
scratch=$(cd "$scratch" && pwd)
case $scratch/ in
  "$repo"/*) die "--scratch $scratch is inside the repository; give a folder outside it" ;;
esac

missing=
[ -x "$work/.venv/bin/python" ] || missing="$missing $work/.venv/bin/python"
[ -f "$work/gazetteer_large.jsonl" ] || missing="$missing $work/gazetteer_large.jsonl"
for mb in "${mb_list[@]}"; do
  [ -d "$work/corpus_${mb}mb/docs" ] || missing="$missing $work/corpus_${mb}mb/docs"
done
if [ -n "$missing" ]; then
  [ -f "$shared/setup.sh" ] ||
    die "missing:$missing; and $shared/setup.sh, which makes them, is not there (../shared beside the repository)"
  echo "peers.sh: missing:$missing; making them with $shared/setup.sh $work" >&2
  bash "$shared/setup.sh" "$work"
fi
[ -f "$shared/peers.py" ] || die "$shared/peers.py not found (../shared beside the repository)"

if [ ! -x /usr/bin/time ]; then
  echo "peers.sh: /usr/bin/time is missing; installing the Debian package 'time'" >&2
  sudo=
  [ "$(id -u)" = 0 ] || sudo=sudo
  { $sudo apt-get update -qq && $sudo apt-get install -y -qq time >&2; } ||
    die "could not install /usr/bin/time (apt-get install time)"
fi

echo "peers.sh: cargo build --release" >&2
(cd "$repo" && cargo build --release --quiet)
bin=${CARGO_TARGET_DIR:-$repo/target}/release/newsgraph
[ -x "$bin" ] || die "no binary at $bin after cargo build --release"

gaz=$scratch/gaz
rm -rf "$gaz" "$scratch/out"
mkdir -p "$gaz" "$scratch/out"
"$bin" gazetteer import --quiet "$work/gazetteer_large.jsonl" -o "$gaz/large.gaz" ||
  die "newsgraph gazetteer import $work/gazetteer_large.jsonl failed (see above)"

results=$scratch/results.tsv
: >"$results"
tiny=$scratch/tiny.txt
echo "Officials in Baghdad said on Monday that the talks would resume." >"$tiny"

declare -A corpus_bytes
for mb in "${mb_list[@]}"; do
  corpus_bytes[$mb]=$(find "$work/corpus_${mb}mb/docs" -type f -name '*.txt' -printf '%s\n' |
    awk '{s += $1} END {printf "%d", s}')
  [ "${corpus_bytes[$mb]}" -gt 0 ] || die "no *.txt files under $work/corpus_${mb}mb/docs"
done

# measure ENGINE MB RUN BYTES STDIN EXTRA_CMD -- COMMAND...
# Runs COMMAND under /usr/bin/time with STDIN, appends one line to results.tsv; EXTRA_CMD
# (a function name, or -) prints the JSON of the extra column from the run's stdout.
measure() {
  local engine=$1 mb=$2 run=$3 bytes=$4 stdin=$5 extra_cmd=$6
  shift 7
  local t=$scratch/time.txt so=$scratch/stdout.txt se=$scratch/stderr.txt
  if ! /usr/bin/time -o "$t" -f '%e %U %S %M' "$@" <"$stdin" >"$so" 2>"$se"; then
    echo "peers.sh: $engine (run $run) failed: $*" >&2
    tail -n 20 "$se" >&2
    tail -n 2 "$t" >&2
    exit 1
  fi
  local wall user sys rss extra=-
  read -r wall user sys rss < <(tail -n 1 "$t")
  [ "$extra_cmd" = - ] || extra=$("$extra_cmd")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
    "$engine" "$mb" "$run" "$bytes" "$wall" "$user" "$sys" "$rss" "$extra" >>"$results"
  echo "peers.sh: run $run/$runs ${mb:+$mb MB }$engine: ${wall} s wall, $((rss / 1024)) MiB" >&2
}
extra_extract() {
  awk '/"kind":"mention"/ {m++} /"kind":"candidates"/ {c++}
    END {printf "{\"mentions\": %d, \"candidates\": %d}", m, c}' "$scratch/out/extract.jsonl"
}
extra_build() {
  printf '{"output_bytes": %d}' "$(stat -c %s "$scratch/out/build/graph.json")"
}
extra_peer() {
  sed -n 's/^RESULT //p' "$scratch/stdout.txt"
}

for run in $(seq 1 "$runs"); do
  measure load-large "" "$run" 0 "$tiny" - -- "$bin" extract --quiet -g "$gaz" - -o -
  measure load-builtin "" "$run" 0 "$tiny" - -- "$bin" extract --quiet - -o -
  for mb in "${mb_list[@]}"; do
    corpus=$work/corpus_${mb}mb/docs
    bytes=${corpus_bytes[$mb]}
    for e in "${engine_list[@]}"; do
      case $e in
        extract)
          measure "$e" "$mb" "$run" "$bytes" /dev/null extra_extract -- \
            "$bin" extract --quiet -g "$gaz" "$corpus" -o "$scratch/out/extract.jsonl"
          ;;
        build)
          measure "$e" "$mb" "$run" "$bytes" /dev/null extra_build -- \
            "$bin" build --quiet -g "$gaz" "$corpus" -o "$scratch/out/build/graph.json"
          ;;
        *)
          measure "$e" "$mb" "$run" "$bytes" /dev/null extra_peer -- \
            "$work/.venv/bin/python" "$shared/peers.py" --engine "$e" --json \
            --gazetteer "$work/gazetteer_large.jsonl" --corpus "$corpus" \
            --out "$scratch/out/$e.jsonl"
          ;;
      esac
      rm -rf "${scratch:?}/out" && mkdir -p "$scratch/out"
    done
  done
done

commit=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)
[ -z "$(git -C "$repo" status --porcelain --untracked-files=no 2>/dev/null)" ] || commit="$commit (uncommitted changes)"
report=$scratch/report.md
python3 "$repo/tests/bench/peers_table.py" "$results" --runs "$runs" --cores "$(nproc)" \
  --commit "$commit" --work "$work" >"$report"
cat "$report"
[ -z "$out" ] || cp "$report" "$out"
