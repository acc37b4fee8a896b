#!/usr/bin/env bash
# The test command: installs what the consumer tests need, then runs cargo test.
#   bash tests/run.sh [cargo test arguments...]
# Needs: Graphviz (dot) and xmllint (libxml2-utils) from apt, networkx from pip.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
command -v dot >/dev/null 2>&1 || missing+=(graphviz)
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
if [ ${#missing[@]} -gt 0 ]; then
  echo "tests/run.sh: installing ${missing[*]}" >&2
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
fi
if ! python3 -c 'import networkx' >/dev/null 2>&1; then
  echo "tests/run.sh: installing networkx" >&2
  python3 -m pip install --quiet networkx || python3 -m pip install --quiet --break-system-packages networkx
fi

exec cargo test "$@"
