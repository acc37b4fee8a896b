#!/usr/bin/env python3
"""Medians of tests/bench/peers.sh's runs as a markdown report.

  python3 tests/bench/peers_table.py RESULTS.tsv --runs N --cores N [--commit C] [--work DIR]

RESULTS.tsv has one line a run, tab-separated: engine, corpus MB (empty for the gazetteer
load runs), run, corpus bytes, wall s, user s, sys s, peak RSS KiB, and a JSON object with
what the run reported (peers.py's RESULT line, newsgraph's mention count or output size)
or "-". MB = 10^6 bytes; MiB = 2^20 bytes.
"""
import argparse
import json
import statistics
import sys

LABELS = {
    "extract": "`newsgraph extract` (mentions + relations)",
    "build": "`newsgraph build -o graph.json`",
    "pyahocorasick": "pyahocorasick + word boundaries (mentions only)",
    "flashtext": "FlashText",
    "spacy-phrasematcher": "spaCy PhraseMatcher",
    "spacy-entityruler": "spaCy EntityRuler",
}
BASELINE = "pyahocorasick"


def read(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) != 9:
                sys.exit(f"{path}:{n}: expected 9 tab-separated columns, found {len(cols)}")
            engine, mb, run, nbytes, wall, user, sys_s, rss, extra = cols
            rows.append({
                "engine": engine, "mb": mb, "run": int(run), "bytes": int(nbytes),
                "wall": float(wall), "cpu": float(user) + float(sys_s),
                "rss_mib": int(rss) / 1024, "extra": {} if extra == "-" else json.loads(extra),
            })
    return rows


def med(values):
    return statistics.median(values)


def fmt(x, digits):
    return f"{x:,.{digits}f}"


def engine_stats(rows):
    return {
        "mbps": med([r["bytes"] / 1e6 / max(r["wall"], 0.01) for r in rows]),
        "cores": med([r["cpu"] / max(r["wall"], 0.01) for r in rows]),
        "rss": med([r["rss_mib"] for r in rows]),
        "wall": med([r["wall"] for r in rows]),
        "n": len(rows),
    }


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("results")
    ap.add_argument("--runs", type=int, required=True)
    ap.add_argument("--cores", type=int, required=True)
    ap.add_argument("--commit", default="unknown")
    ap.add_argument("--work", default="")
    args = ap.parse_args(argv)
    rows = read(args.results)
    if not rows:
        sys.exit(f"{args.results}: no runs recorded")

    engines = list(dict.fromkeys(r["engine"] for r in rows if r["mb"]))
    mbs = list(dict.fromkeys(r["mb"] for r in rows if r["mb"]))
    stats = {}  # (engine, mb) -> stats
    for e in engines:
        for mb in mbs:
            sel = [r for r in rows if r["engine"] == e and r["mb"] == mb]
            if sel:
                stats[e, mb] = engine_stats(sel)

    out = []
    out.append(f"newsgraph {args.commit}; {args.cores} cores (nproc); medians of {args.runs} "
               f"run(s) each, engines alternating run by run; inputs {args.work}")
    out.append("")
    for mb in mbs:
        some = next(r for r in rows if r["mb"] == mb)
        docs = next((r["extra"]["docs"] for r in rows
                     if r["mb"] == mb and "docs" in r["extra"]), None)
        docs_txt = f"{docs:,} files, " if docs is not None else ""
        out.append(f"### corpus_{mb}mb: {docs_txt}{some['bytes']:,} bytes "
                   f"({some['bytes'] / 1e6:.1f} MB), 100,000-entity gazetteer")
        out.append("")
        out.append("| engine | MB/s (wall, load included) | CPU cores | peak RSS MiB "
                   "| ratio to pyahocorasick (MB/s) |")
        out.append("|---|---|---|---|---|")
        base = stats.get((BASELINE, mb))
        for e in engines:
            s = stats.get((e, mb))
            if s is None:
                continue
            ratio = f"{s['mbps'] / base['mbps']:.2f}×" if base else "– (not run)"
            out.append(f"| {LABELS.get(e, e)} | {fmt(s['mbps'], 2)} | {fmt(s['cores'], 2)} "
                       f"| {fmt(s['rss'], 0)} | {ratio} |")
        out.append("")
        notes = []
        for e in engines:
            sel = [r for r in rows if r["engine"] == e and r["mb"] == mb]
            mentions = [r["extra"]["mentions"] for r in sel if "mentions" in r["extra"]]
            candidates = [r["extra"]["candidates"] for r in sel if "candidates" in r["extra"]]
            if mentions and candidates:
                notes.append(f"{e} {med(mentions):,.0f} mentions and {med(candidates):,.0f} "
                             "ambiguous names (`candidates` lines: homonyms in the gazetteer)")
            elif mentions:
                notes.append(f"{e} {med(mentions):,.0f} mentions")
            sizes = [r["extra"]["output_bytes"] for r in sel if "output_bytes" in r["extra"]]
            if sizes:
                size = med(sizes)
                notes.append(f"build's graph.json {size / 1e6:,.1f} MB "
                             f"({size / some['bytes']:.2f}× the corpus)")
        if notes:
            out.append("Output: " + "; ".join(notes) + ".")
            out.append("")

    out.append("Gazetteer load (median wall seconds):")
    out.append("")
    for key, what in (("load-large", "the 100,000-entity gazetteer (`-g`, imported .gaz)"),
                      ("load-builtin", "the built-in gazetteer")):
        sel = [r for r in rows if r["engine"] == key]
        if sel:
            out.append(f"- newsgraph, {what}: {med([r['wall'] for r in sel]):.2f} s, "
                       f"{med([r['rss_mib'] for r in sel]):,.0f} MiB peak "
                       f"(`extract` of a one-line document on stdin, whole process)")
    for e in engines:
        sel = [r["extra"] for r in rows if r["engine"] == e and "load_s" in r["extra"]]
        if sel:
            load, build = med([x["load_s"] for x in sel]), med([x["build_s"] for x in sel])
            total = med([x["gazetteer_s"] for x in sel])
            out.append(f"- {e}: {total:.2f} s (load {load:.2f} + build {build:.2f}, "
                       f"peers.py's own timers)")
    out.append("")

    if "10" in mbs and "100" in mbs:
        parts = []
        for e in engines:
            small, large = stats.get((e, "10")), stats.get((e, "100"))
            if small and large:
                parts.append(f"{e} {large['rss'] / small['rss']:.2f}×")
        out.append("Peak RSS, 100 MB corpus / 10 MB corpus: " + ", ".join(parts) + ".")
        out.append("")
    sys.stdout.write("\n".join(out))


if __name__ == "__main__":
    main()
