#!/usr/bin/env python3
"""Reads every export of one graph with its real consumer and compares it to graph.json.

    check_graph.py DIR

DIR holds graph.json (the reference) and what `newsgraph build` wrote beside it:
graph.graphml, graph.gexf, graph.nodelink.json, nodes.csv, edges.csv and graph.dot.
networkx reads the GraphML, the GEXF and the node-link JSON; the csv module reads the
tables; Graphviz (`dot -Tjson0`) reads the DOT. Every node and edge count and every
attribute value must equal graph.json's. Any Python warning is an error (run with -W error).

networkx cannot hold a graph that mixes directed and undirected edges: for such a graph
the check asserts that networkx refuses the GraphML and GEXF with its own message
(the documented limitation), and compares those files through ElementTree instead.
Exit 0 when everything matches; otherwise the differences are printed and exit 1.
"""

import csv
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import networkx as nx

COLORS = {
    "person": (66, 133, 244),
    "militia": (219, 68, 55),
    "government": (15, 157, 88),
    "place": (244, 180, 0),
    "organization": (171, 71, 188),
    "media": (120, 144, 156),
    "event": (255, 112, 67),
}

NODE_COLUMNS = ["Id", "Label", "type", "mentions", "documents", "first_seen", "last_seen", "color", "size"]
EDGE_COLUMNS = ["Id", "Source", "Target", "Type", "Label", "Weight", "relation", "evidence", "first_date", "last_date"]

failures = []


def check(what, got, want):
    if got != want:
        failures.append(f"{what}: got {got!r}, want {want!r}")


def rgb(node):
    c = node.get("attrs", {}).get("color", "")
    if re.fullmatch(r"#[0-9a-fA-F]{6}", c):
        return tuple(int(c[i : i + 2], 16) for i in (1, 3, 5))
    return COLORS[node["type"]]


def dates(edge):
    ds = sorted(e["date"] for e in edge["evidence"] if e.get("date"))
    return (ds[0], ds[-1]) if ds else (None, None)


def load_reference(d):
    with open(os.path.join(d, "graph.json"), encoding="utf-8") as f:
        g = json.load(f)
    nodes = {n["id"]: n for n in g["nodes"]}
    edges = {}
    for e in g["edges"]:
        edges[(e["source"], e["target"], e["relation"])] = e
    return nodes, edges


def edge_key(source, target, relation, edges):
    """The reference key of an edge read back (undirected edges may come back reversed)."""
    if (source, target, relation) in edges:
        return (source, target, relation)
    return (target, source, relation)


def extra(data, name):
    """An extra attribute read back: exporters clean names (white space and other
    characters to '_') and prefix 'attr_' to names a format uses itself."""
    clean = re.sub(r"[^\w.-]", "_", name)
    if not re.match(r"[^\W\d]", clean):
        clean = "_" + clean
    for k in (name, clean, "attr_" + clean):
        if k in data:
            return data[k]
    return None


def expect_node(where, n, data, colour_of):
    check(f"{where} node {n['id']} label", data.get("label"), n["label"])
    check(f"{where} node {n['id']} type", data.get("type"), n["type"])
    check(f"{where} node {n['id']} mentions", int(data.get("mentions", -1)), n["mentions"])
    check(f"{where} node {n['id']} documents", int(data.get("documents", -1)), len(n["documents"]))
    check(f"{where} node {n['id']} first_seen", data.get("first_seen"), n.get("first_seen"))
    check(f"{where} node {n['id']} last_seen", data.get("last_seen"), n.get("last_seen"))
    check(f"{where} node {n['id']} colour", colour_of(data), rgb(n))
    for k, v in n.get("attrs", {}).items():
        if k == "color" and where == "node-link":
            continue
        check(f"{where} node {n['id']} attr {k}", extra(data, k), v)


def expect_edge(where, e, data):
    key = (e["source"], e["target"], e["relation"])
    first, last = dates(e)
    check(f"{where} edge {key} relation", data.get("relation"), e["relation"])
    check(f"{where} edge {key} label", data.get("label"), e["relation"])
    check(f"{where} edge {key} weight", float(data.get("weight", -1)), float(e["weight"]))
    check(f"{where} edge {key} evidence", int(data.get("evidence", -1)), len(e["evidence"]))
    check(f"{where} edge {key} first_date", data.get("first_date"), first)
    check(f"{where} edge {key} last_date", data.get("last_date"), last)
    for k, v in e.get("attrs", {}).items():
        check(f"{where} edge {key} attr {k}", extra(data, k), v)


def compare_nx(where, g, nodes, edges, colour_of):
    check(f"{where} node count", g.number_of_nodes(), len(nodes))
    check(f"{where} edge count", g.number_of_edges(), len(edges))
    for nid, data in g.nodes(data=True):
        if nid not in nodes:
            failures.append(f"{where}: unknown node {nid!r}")
            continue
        expect_node(where, nodes[nid], data, colour_of)
    seen = set()
    for s, t, data in g.edges(data=True):
        key = edge_key(s, t, data.get("relation"), edges)
        if key not in edges:
            failures.append(f"{where}: unknown edge {key!r}")
            continue
        seen.add(key)
        expect_edge(where, edges[key], data)
    check(f"{where} edges read", len(seen), len(edges))


def graphml_colour(d):
    return (d.get("r"), d.get("g"), d.get("b"))


def gexf_colour(d):
    c = d.get("viz", {}).get("color", {})
    return (c.get("r"), c.get("g"), c.get("b"))


def mixed(edges):
    kinds = {e["directed"] for e in edges.values()}
    return len(kinds) == 2


def check_graphml(d, nodes, edges):
    path = os.path.join(d, "graph.graphml")
    if mixed(edges):
        try:
            nx.read_graphml(path)
            failures.append("graphml: networkx read a mixed graph (update the documented limitation)")
        except nx.NetworkXError as err:
            check("graphml mixed-graph refusal", str(err), "directed=false edge found in directed graph.")
        # Compare through ElementTree.
        ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
        root = ET.parse(path).getroot()
        keys = {k.get("id"): (k.get("attr.name"), k.get("attr.type")) for k in root.findall("g:key", ns)}
        conv = {"int": int, "double": float, "string": str}
        g = nx.MultiDiGraph()
        for n in root.iter("{http://graphml.graphdrawing.org/xmlns}node"):
            g.add_node(n.get("id"), **{keys[x.get("key")][0]: conv[keys[x.get("key")][1]](x.text or "") for x in n.findall("g:data", ns)})
        for e in root.iter("{http://graphml.graphdrawing.org/xmlns}edge"):
            data = {keys[x.get("key")][0]: conv[keys[x.get("key")][1]](x.text or "") for x in e.findall("g:data", ns)}
            ref = edges.get(edge_key(e.get("source"), e.get("target"), data.get("relation"), edges))
            if ref is not None:
                check(f"graphml edge {e.get('id')} directed", e.get("directed", "true") != "false", ref["directed"])
            g.add_edge(e.get("source"), e.get("target"), **data)
        compare_nx("graphml", g, nodes, edges, graphml_colour)
    else:
        compare_nx("graphml", nx.read_graphml(path), nodes, edges, graphml_colour)


def check_gexf(d, nodes, edges):
    path = os.path.join(d, "graph.gexf")
    if mixed(edges):
        try:
            nx.read_gexf(path)
            failures.append("gexf: networkx read a mixed graph (update the documented limitation)")
        except nx.NetworkXError as err:
            check("gexf mixed-graph refusal", str(err), "Undirected edge found in directed graph.")
        return
    g = nx.read_gexf(path)
    compare_nx("gexf", g, nodes, edges, gexf_colour)
    # The timeline: spells are the first and last dates.
    for nid, data in g.nodes(data=True):
        n = nodes.get(nid, {})
        check(f"gexf node {nid} start", data.get("start"), n.get("first_seen"))
        check(f"gexf node {nid} end", data.get("end"), n.get("last_seen"))
    for s, t, data in g.edges(data=True):
        key = edge_key(s, t, data.get("relation"), edges)
        if key in edges:
            first, last = dates(edges[key])
            check(f"gexf edge {key} start", data.get("start"), first)
            check(f"gexf edge {key} end", data.get("end"), last)


def check_nodelink(d, nodes, edges):
    with open(os.path.join(d, "graph.nodelink.json"), encoding="utf-8") as f:
        data = json.load(f)
    g = nx.node_link_graph(data, edges="edges")
    def colour(x):
        c = x.get("color", "#000000")
        return tuple(int(c[i : i + 2], 16) for i in (1, 3, 5))
    compare_nx("node-link", g, nodes, edges, colour)
    for s, t, key, x in g.edges(keys=True, data=True):
        k = edge_key(s, t, x.get("relation"), edges)
        check(f"node-link edge {k} key", key, x.get("relation"))
        if k in edges:
            check(f"node-link edge {k} directed", x.get("directed"), edges[k]["directed"])


def check_csv(d, nodes, edges):
    with open(os.path.join(d, "nodes.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
        check("csv nodes header", list(rows[0].keys())[: len(NODE_COLUMNS)] if rows else NODE_COLUMNS, NODE_COLUMNS)
    check("csv node count", len(rows), len(nodes))
    for r in rows:
        n = nodes.get(r["Id"])
        if n is None:
            failures.append(f"csv: unknown node {r['Id']!r}")
            continue
        data = {"label": r["Label"], "type": r["type"], "mentions": r["mentions"], "documents": r["documents"],
                "first_seen": r["first_seen"] or None, "last_seen": r["last_seen"] or None}
        data.update({k: v for k, v in r.items() if k not in NODE_COLUMNS and v != ""})
        expect_node("csv", n, data, lambda _: tuple(int(r["color"][i : i + 2], 16) for i in (1, 3, 5)))
    with open(os.path.join(d, "edges.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
        check("csv edges header", list(rows[0].keys())[: len(EDGE_COLUMNS)] if rows else EDGE_COLUMNS, EDGE_COLUMNS)
    check("csv edge count", len(rows), len(edges))
    for r in rows:
        key = edge_key(r["Source"], r["Target"], r["relation"], edges)
        e = edges.get(key)
        if e is None:
            failures.append(f"csv: unknown edge {key!r}")
            continue
        check(f"csv edge {key} Type", r["Type"], "Directed" if e["directed"] else "Undirected")
        data = {"relation": r["relation"], "label": r["Label"], "weight": r["Weight"], "evidence": r["evidence"],
                "first_date": r["first_date"] or None, "last_date": r["last_date"] or None}
        data.update({k: v for k, v in r.items() if k not in EDGE_COLUMNS and v != ""})
        expect_edge("csv", e, data)


def unescape_dot(s):
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), s)


def check_dot(d, nodes, edges):
    out = subprocess.run(["dot", "-Tjson0", os.path.join(d, "graph.dot")], capture_output=True, text=True)
    check("dot -Tjson0 exit code", out.returncode, 0)
    check("dot -Tjson0 stderr", out.stderr, "")
    if out.returncode != 0:
        return
    g = json.loads(out.stdout)
    objs = g.get("objects", [])
    check("dot node count", len(objs), len(nodes))
    check("dot edge count", len(g.get("edges", [])), len(edges))
    for o in objs:
        n = nodes.get(unescape_dot(o["name"]))
        if n is None:
            failures.append(f"dot: unknown node {o['name']!r}")
            continue
        check(f"dot node {n['id']} label", unescape_dot(o.get("label", "")), n["label"])
        check(f"dot node {n['id']} mentions", o.get("mentions"), str(n["mentions"]))
    for e in g.get("edges", []):
        s, t = objs[e["tail"]]["name"], objs[e["head"]]["name"]
        key = edge_key(unescape_dot(s), unescape_dot(t), e.get("relation"), edges)
        ref = edges.get(key)
        if ref is None:
            failures.append(f"dot: unknown edge {key!r}")
            continue
        check(f"dot edge {key} weight", e.get("weight"), str(ref["weight"]))
        check(f"dot edge {key} dir", e.get("dir"), None if ref["directed"] else "none")


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: check_graph.py DIR")
    d = sys.argv[1]
    nodes, edges = load_reference(d)
    for step in (check_graphml, check_gexf, check_nodelink, check_csv, check_dot):
        step(d, nodes, edges)
    if failures:
        print(f"{d}: {len(failures)} differences from graph.json:")
        for f in failures[:50]:
            print("  " + f)
        sys.exit(1)
    print(f"{d}: {len(nodes)} nodes, {len(edges)} edges: GraphML, GEXF, node-link, CSV and DOT match graph.json")


if __name__ == "__main__":
    main()
