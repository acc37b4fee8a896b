#!/usr/bin/env bash
# The test command: installs what the consumer tests need, then runs cargo test.
#   bash tests/run.sh [cargo test arguments...]
# Needs: Graphviz (dot) and xmllint (libxml2-utils) from apt, networkx, networkx 3.3 and
# python-igraph from pip, node with graphology and Cytoscape.js from npm (tests/consumers/js).
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
pip_install() {
  python3 -m pip install --quiet "$@" || python3 -m pip install --quiet --break-system-packages "$@"
}
if ! python3 -c 'import networkx' >/dev/null 2>&1; then
  echo "tests/run.sh: installing networkx" >&2
  pip_install networkx
fi
# The reader matrix (tests/integration/consumers.rs): python-igraph, networkx 3.3 beside
# the current release (in its own folder, put on PYTHONPATH by the test), graphology and
# Cytoscape.js.
if ! python3 -c 'import igraph' >/dev/null 2>&1; then
  echo "tests/run.sh: installing python-igraph" >&2
  pip_install igraph
fi
nx33=tests/consumers/networkx-3.3
if ! PYTHONPATH=$nx33 python3 -c 'import networkx; assert networkx.__version__ == "3.3"' >/dev/null 2>&1; then
  echo "tests/run.sh: installing networkx 3.3 into $nx33" >&2
  rm -rf "$nx33"
  python3 -m pip install --quiet --no-deps --target "$nx33" networkx==3.3
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "tests/run.sh: installing nodejs and npm" >&2
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y nodejs npm
fi
if [ ! -d tests/consumers/js/node_modules/cytoscape ]; then
  echo "tests/run.sh: installing graphology and Cytoscape.js (npm ci in tests/consumers/js)" >&2
  (cd tests/consumers/js && npm ci --silent --no-audit --no-fund)
fi

exec cargo test "$@"
