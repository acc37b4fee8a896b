"""The reader matrix, Python side: loads every export listed for a reader in the README's
table "Which file for which tool" and compares node and edge counts and every edge's
direction with graph.json.

    python3 check_readers.py READER DIR

READER is `networkx` (the installed release), `networkx-3.3` (networkx 3.3 must be the one
imported: tests/run.sh installs it under tests/consumers/networkx-3.3, given on
PYTHONPATH) or `igraph`. DIR holds `mixed/`, `directed/` and `undirected/`, each written
by `newsgraph build --edges MODE -o graph.json -o graph.graphml -o graph.gexf -o
graph.nodelink.json`. Exit 0 when every file reads as meant, 1 otherwise (each problem on
stderr). Warnings are errors (python3 -W error).
"""

import json
import os
import sys


def reference(d):
    """(source, target, relation, directed) of every edge of mixed/graph.json."""
    with open(os.path.join(d, "mixed", "graph.json"), encoding="utf-8") as f:
        g = json.load(f)
    edges = [(e["source"], e["target"], e["relation"], e["directed"]) for e in g["edges"]]
    return len(g["nodes"]), edges


def expected(edges, mode):
    """The edges a file of `mode` must hold, normalised as `normal` does."""
    out = []
    for s, t, r, directed in edges:
        if mode == "mixed":
            out.append((s, t, r, "->") if directed else (min(s, t), max(s, t), r, "--"))
        elif mode == "directed":
            if directed:
                out.append((s, t, r, "-> false"))
            else:
                out.append((s, t, r, "-> true"))
                if s != t:
                    out.append((t, s, r, "-> true"))
        elif not directed:
            out.append((min(s, t), max(s, t), r, "--"))
    return sorted(out)


def normal(s, t, r, directed, reciprocal, mode):
    if not directed:
        return (min(s, t), max(s, t), r, "--")
    if mode == "directed":
        return (s, t, r, f"-> {str(reciprocal).lower()}")
    return (s, t, r, "->")


failures = []


def compare(what, mode, graph_directed, nodes, got, ref_nodes, ref_edges):
    want_directed = mode != "undirected"
    if graph_directed != want_directed:
        failures.append(f"{what}: graph directed={graph_directed}, expected {want_directed}")
    if nodes != ref_nodes:
        failures.append(f"{what}: {nodes} nodes, graph.json has {ref_nodes}")
    want = expected(ref_edges, mode)
    got = sorted(got)
    if got != want:
        extra = [e for e in got if e not in want][:3]
        missing = [e for e in want if e not in got][:3]
        failures.append(
            f"{what}: {len(got)} edges, expected {len(want)}; unexpected {extra}, missing {missing}"
        )
    else:
        print(f"ok {what}: {nodes} nodes, {len(got)} edges")


def networkx_files(version_33):
    import networkx as nx

    def nodelink(p):
        with open(p, encoding="utf-8") as f:
            data = json.load(f)
        # networkx 3.3 names the edge list with `link`, 3.4 and later with `edges`.
        return nx.node_link_graph(data, link="edges") if version_33 else nx.node_link_graph(data, edges="edges")

    files = [("graphml", nx.read_graphml), ("nodelink.json", nodelink)]
    if not version_33:
        # networkx 3.3 knows GEXF 1.1 and 1.2 only.
        files.append(("gexf", nx.read_gexf))
    return files


def check_networkx(d, reader):
    import networkx as nx

    version_33 = reader == "networkx-3.3"
    if version_33 and not nx.__version__.startswith("3.3"):
        sys.exit(f"networkx {nx.__version__} imported, 3.3 expected (PYTHONPATH=tests/consumers/networkx-3.3)")
    ref_nodes, ref_edges = reference(d)
    for mode in ["directed", "undirected"]:
        for ext, load in networkx_files(version_33):
            g = load(os.path.join(d, mode, f"graph.{ext}"))
            got = [
                normal(s, t, x.get("relation"), g.is_directed(), x.get("reciprocal"), mode)
                for s, t, x in g.edges(data=True)
            ]
            what = f"networkx {nx.__version__} {mode}/graph.{ext}"
            compare(what, mode, g.is_directed(), g.number_of_nodes(), got, ref_nodes, ref_edges)


def check_igraph(d):
    import igraph as ig

    ref_nodes, ref_edges = reference(d)
    for mode in ["directed", "undirected"]:
        g = ig.Graph.Read_GraphML(os.path.join(d, mode, "graph.graphml"))
        ids = g.vs["id"]
        recip = g.es["reciprocal"] if "reciprocal" in g.es.attributes() else [None] * g.ecount()
        got = [
            normal(ids[e.source], ids[e.target], e["relation"], g.is_directed(), recip[e.index], mode)
            for e in g.es
        ]
        what = f"igraph {ig.__version__} {mode}/graph.graphml"
        compare(what, mode, g.is_directed(), g.vcount(), got, ref_nodes, ref_edges)


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("networkx", "networkx-3.3", "igraph"):
        sys.exit("usage: check_readers.py networkx|networkx-3.3|igraph DIR")
    reader, d = sys.argv[1], sys.argv[2]
    if reader == "igraph":
        check_igraph(d)
    else:
        check_networkx(d, reader)
    for f in failures:
        print(f"FAIL {f}", file=sys.stderr)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
