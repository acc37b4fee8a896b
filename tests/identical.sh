#!/usr/bin/env bash
# Writes every output newsgraph produces into one folder, so that a refactoring can be
# shown to change no byte: capture before, capture after, compare.
#
#   git stash / checkout the old commit; bash tests/identical.sh /tmp/before
#   back to the new commit;              bash tests/identical.sh /tmp/after
#   diff -r /tmp/before /tmp/after && echo identical
#
# NEWSGRAPH_BIN=path/to/newsgraph uses that binary instead of building target/release
# (keep a copy of the old binary, named newsgraph since help texts show the name, to
# capture the baseline again with a newer version of this script).
#
# Covers, for the sample corpus data/ and for ../shared/corpus (when it exists): `build`
# in every format (graph.json, .graphml, .gexf, .dot, .nodelink.json, .csv, .svg), a
# filtered build, `extract` (JSON Lines), `neighbors` (table, JSON, DOT, GraphML, depth 2,
# with evidence), `show`, `path`, `stats` on graph.json and on GraphML, `diff` in every
# format (half the corpus against all of it), a few error messages and the help texts.
# Each command's stdout, stderr and exit code are kept (`NAME.out`, `.err`, `.code`).
set -uo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: bash tests/identical.sh OUTPUT_DIR}
if [ -n "${NEWSGRAPH_BIN:-}" ]; then
  bin=$(cd "$(dirname "$NEWSGRAPH_BIN")" && pwd)/$(basename "$NEWSGRAPH_BIN")
else
  cargo build --release --quiet || exit 2
  bin=$PWD/target/release/newsgraph
fi
rm -rf "$out"
mkdir -p "$out"
out=$(cd "$out" && pwd)
export NO_COLOR=1 COLUMNS=100
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# run NAME ARGS...: runs the binary in $work, keeps stdout, stderr and the exit code.
run() {
  local name=$1
  shift
  (cd "$work" && "$bin" "$@" >"$out/$name.out" 2>"$out/$name.err")
  echo $? >"$out/$name.code"
}

ln -s "$PWD/gazetteer" "$work/gazetteer"
cp -r data "$work/data"
if [ -d ../shared/corpus ]; then cp -r ../shared/corpus "$work/dev"; fi

for corpus in data dev; do
  [ -d "$work/$corpus" ] || continue
  g=$corpus-graph
  run "$corpus.build" build "$corpus" -o "$g/graph.json" -o "$g/graph.graphml" \
    -o "$g/graph.gexf" -o "$g/graph.dot" -o "$g/graph.gv" -o "$g/graph.nodelink.json" \
    -o "$g/graph.csv" -o "$g/graph.svg"
  run "$corpus.build-filtered" build "$corpus" -o "$g/filtered.json" -o "$g/filtered.graphml" \
    -o "$g/filtered.gexf" -o "$g/filtered.dot" -o "$g/filtered.nodelink.json" \
    --no-cooccurrence --min-weight 1 --type militia,person,government --top 30
  run "$corpus.extract" extract "$corpus"
  # Half the corpus, for diff.
  mkdir -p "$work/$corpus-half"
  ls "$work/$corpus" | sort | head -n "$(($(ls "$work/$corpus" | wc -l) / 2))" |
    while read -r f; do cp "$work/$corpus/$f" "$work/$corpus-half/"; done
  run "$corpus.build-half" build "$corpus-half" -o "$g/half.json" -o "$g/half.graphml"

  for q in "iran" "united states" "kataib hezbollah" "qais al-khazali" "isis"; do
    k=${q// /_}
    run "$corpus.neighbors.$k" neighbors "$g/graph.json" "$q"
    run "$corpus.neighbors.$k.depth2" neighbors "$g/graph.json" "$q" --depth 2 --evidence
    run "$corpus.neighbors.$k.typed" neighbors "$g/graph.json" "$q" --no-cooccurrence --top 3
    run "$corpus.neighbors.$k.json" neighbors "$g/graph.json" "$q" --format json --evidence
    run "$corpus.neighbors.$k.dot" neighbors "$g/graph.json" "$q" --format dot
    run "$corpus.neighbors.$k.graphml" neighbors "$g/graph.json" "$q" --format graphml
    run "$corpus.neighbors.$k.from-graphml" neighbors "$g/graph.graphml" "$q"
    run "$corpus.show.$k" show "$g/graph.json" "$q"
    run "$corpus.show.$k.from-graphml" show "$g/graph.graphml" "$q"
    run "$corpus.path.$k" path "$g/graph.json" "$q" "iraq"
    run "$corpus.path.$k.typed" path "$g/graph.json" "$q" "baghdad" --no-cooccurrence
  done
  run "$corpus.stats" stats "$g/graph.json"
  run "$corpus.stats.top3" stats "$g/graph.json" --top 3
  run "$corpus.stats.from-graphml" stats "$g/graph.graphml"
  for f in text json dot graphml gexf; do
    run "$corpus.diff.$f" diff "$g/half.json" "$g/graph.json" --format "$f"
    run "$corpus.diff.$f.reverse" diff "$g/graph.json" "$g/half.json" --format "$f"
  done
  run "$corpus.diff.graphml-input" diff "$g/half.graphml" "$g/graph.graphml"
  run "$corpus.diff.mixed-input" diff "$g/half.json" "$g/graph.graphml" --format json
  run "$corpus.diff.only-added" diff "$g/half.json" "$g/graph.json" --only added --min-change 2
  run "$corpus.diff.same" diff "$g/graph.json" "$g/graph.json"
  cp -r "$work/$g" "$out/$g"
done

# Error messages.
run err.unknown-format build data -o out/g.xlsx
run err.missing-corpus build no-such-dir
run err.missing-gazetteer build data -g no-such-gaz
run err.bad-date build data --since 2020-13-01
run err.bad-type build data --type nation
run err.unknown-entity show data-graph/graph.json "kataib hezbolah"
run err.nonsense-entity show data-graph/graph.json "zzzzzzqqqq"
run err.missing-graph show no-such.json iran
printf 'not json' >"$work/bad.json"
run err.bad-graph show bad.json iran
run err.bad-graph-diff diff bad.json data-graph/graph.json
run err.neighbors-format neighbors data-graph/graph.json iran --format xml

# Reading a graph by its content, whatever its name (GraphML as g.xml); graph formats
# on standard output.
cp "$work/data-graph/graph.graphml" "$work/g.xml"
run read.show-xml show g.xml "kataib hezbollah"
run read.diff-xml diff data-graph/graph.graphml g.xml
for f in gexf nodelink; do
  run "read.neighbors.$f" neighbors data-graph/graph.json "kataib hezbollah" --format "$f"
  run "read.diff.$f" diff data-graph/half.json data-graph/graph.json --format "$f"
done

# Help texts.
run help --help
for c in build extract diff neighbors show path stats; do
  run "help.$c" "$c" --help
done
echo "tests/identical.sh: $(find "$out" -type f | wc -l) files in $out"
