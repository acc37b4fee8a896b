"""The gold builder of the evaluation sets written as spec scripts (tests/frozen/docs_*.py,
tests/dev2/docs.py): offsets are found from surface strings (longest first, whole words),
and every span, evidence string, optional entry and must_not is checked (no relation twice,
`met` either way; no optional repeating a gold relation; no must_not clashing with either).

Each set's goldlib.py binds `build` to its own corpus/ and gold/ folders with `builder(DIR)`.
"""
import json, os, re, sys
GP = ["government", "place"]

def isword(c):
    return c.isalnum() or c == "_"

def find_all(text, s):
    out, i = [], 0
    while True:
        j = text.find(s, i)
        if j < 0:
            return out
        a = j == 0 or not isword(text[j - 1])
        b = j + len(s) == len(text) or not isword(text[j + len(s)])
        if a and b:
            out.append(j)
        i = j + 1

def builder(root):
    """`build` for the set in folder `root` (reading root/corpus, writing root/gold)."""
    corpus, gold = os.path.join(root, "corpus"), os.path.join(root, "gold")
    return lambda *args, **kwargs: build(corpus, gold, *args, **kwargs)


def build(CORPUS, GOLD, doc, entities, surfaces, ignore, relations, must_not, context=(), optional=()):
    """surfaces: (text, key, types); context: (phrase, text, key, types) claimed first;
    optional: (type, source, target, evidence) like relations (debatable readings)."""
    text = open(os.path.join(CORPUS, doc), encoding="utf-8").read()
    taken = []  # (cs, ce, kind, key, types)
    def free(s, e):
        return all(e <= a or s >= b for a, b, *_ in taken)
    for phrase, sub, key, types in context:
        hits = find_all(text, phrase)
        assert hits, (doc, phrase)
        for h in hits:
            k = phrase.index(sub)
            s, e = h + k, h + k + len(sub)
            assert free(s, e), (doc, phrase)
            taken.append((s, e, "m", key, types))
    items = [(t, "m", k, ty) for t, k, ty in surfaces] + [(t, "i", None, None) for t in ignore]
    items.sort(key=lambda x: -len(x[0]))
    for t, kind, key, types in items:
        hits = find_all(text, t)
        assert hits, (doc, t)
        for h in hits:
            if free(h, h + len(t)):
                taken.append((h, h + len(t), kind, key, types))
    taken.sort()
    b = text.encode("utf-8")
    def boff(ci):
        return len(text[:ci].encode("utf-8"))
    mentions, ign = [], []
    for s, e, kind, key, types in taken:
        bs, be = boff(s), boff(e)
        assert b[bs:be].decode() == text[s:e]
        if kind == "m":
            assert key in entities, (doc, key)
            mentions.append({"start": bs, "end": be, "text": text[s:e], "key": key, "types": types})
        else:
            ign.append({"start": bs, "end": be, "text": text[s:e]})
    keys_mentioned = {m["key"] for m in mentions}
    for k in entities:
        assert k in keys_mentioned, (doc, "entity without mention", k)
    rels = []
    for ty, src, tgt, ev in relations:
        assert src in entities and tgt in entities, (doc, ty, src, tgt)
        assert ev in text, (doc, ev)
        rels.append({"type": ty, "source": src, "target": tgt, "evidence": ev})
    def ident(ty, s, t):
        return (ty,) + (tuple(sorted((s, t))) if ty == "met" else (s, t))
    seen = set()
    for r in rels:
        i = ident(r["type"], r["source"], r["target"])
        assert i not in seen, (doc, "duplicate relation", i)
        seen.add(i)
    opt = []
    for ty, src, tgt, ev in optional:
        assert src in entities and tgt in entities, (doc, "optional", ty, src, tgt)
        assert ev in text, (doc, "optional", ev)
        i = ident(ty, src, tgt)
        assert i not in seen, (doc, "optional repeats a gold relation or another optional", i)
        seen.add(i)
        opt.append({"type": ty, "source": src, "target": tgt, "evidence": ev})
    mn = []
    for ty, src, tgt, ev in must_not:
        assert ev in text, (doc, ev)
        for x in (src, tgt):
            assert x == "*" or x in entities, (doc, x)
        for r in rels + opt:
            for s2, t2 in ((r["source"], r["target"]), (r["target"], r["source"])) if ty == "met" else ((r["source"], r["target"]),):
                assert not (r["type"] == ty and src in ("*", s2) and tgt in ("*", t2)), (doc, "must_not clashes", ty, src, tgt)
        mn.append({"type": ty, "source": src, "target": tgt, "evidence": ev})
    ents = {}
    for k, v in entities.items():
        name, typ = v[0], v[1]
        d = {"name": name, "type": typ}
        if len(v) > 2:
            d["alt"] = v[2]
        ents[k] = d
    out = {"doc": doc, "entities": ents, "mentions": mentions, "ignore": ign, "relations": rels, "optional": opt, "must_not": mn}
    with open(os.path.join(GOLD, doc + ".json"), "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(doc, len(ents), len(mentions), len(ign), len(rels), len(opt), len(mn))
    return out
