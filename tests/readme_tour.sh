#!/usr/bin/env bash
# Regenerates the outputs of the README tour (the `$ ` lines of its ```sh blocks) with the
# release binary: bash tests/readme_tour.sh (tests/integration/readme.rs checks the build line).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin="$PWD/target/release/newsgraph"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# `old.json`: the graph of the first eight sample articles.
mkdir -p "$work/first8"
ls data/*.txt | head -8 | xargs -I{} cp {} "$work/first8/"
"$bin" build "$work/first8" -o "$work/old.json" >/dev/null 2>&1
cp "$work/old.json" old.json
python3 - "$bin" <<'PY'
import re, subprocess, sys
bin = sys.argv[1]
text = open("README.md", encoding="utf-8").read()
def run(cmd):
    if cmd.startswith("cargo run --release -- "):
        cmd = bin + " " + cmd[len("cargo run --release -- "):]
    cmd = re.sub(r"^newsgraph ", bin + " ", cmd).replace("~/newsgraph/data", "data")
    cmd = cmd.replace("| grep relation", "| grep relation")
    out = subprocess.run(cmd, shell=True, capture_output=True, text=True, env={"NO_COLOR": "1", "PATH": "/usr/bin:/bin"})
    return (out.stdout + out.stderr).rstrip("\n")
def block(m):
    lines = m.group(1).split("\n")
    cmd = lines[0][2:]
    return "```sh\n$ " + cmd + "\n" + run(cmd) + "\n```"
text = re.sub(r"```sh\n(\$ [^\n]*\n(?:(?!```)[^\n]*\n)*?)```", block, text)
open("README.md", "w", encoding="utf-8").write(text)
PY
rm -f old.json
