"""Regenerates tests/heldout/gold/ from the per-document surface lists and relations below.

Run: python3 tests/heldout/mkgold.py (checks every span, evidence string and must_not).
"""
import json, os, re, sys
HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
GOLD = os.path.join(HERE, "gold")
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

def build(doc, entities, surfaces, ignore, relations, must_not, context=()):
    """surfaces: (text, key, types); context: (phrase, text, key, types) claimed first."""
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
    mn = []
    for ty, src, tgt, ev in must_not:
        assert ev in text, (doc, ev)
        for x in (src, tgt):
            assert x == "*" or x in entities, (doc, x)
        for r in rels:
            assert not (r["type"] == ty and src in ("*", r["source"]) and tgt in ("*", r["target"])), (doc, ty)
        mn.append({"type": ty, "source": src, "target": tgt, "evidence": ev})
    ents = {}
    for k, v in entities.items():
        name, typ = v[0], v[1]
        d = {"name": name, "type": typ}
        if len(v) > 2:
            d["alt"] = v[2]
        ents[k] = d
    out = {"doc": doc, "entities": ents, "mentions": mentions, "ignore": ign, "relations": rels, "must_not": mn}
    with open(os.path.join(GOLD, doc + ".json"), "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(doc, len(ents), len(mentions), len(ign), len(rels), len(mn))
    return out

# ---------------------------------------------------------------- Hashimi
build("2020-07-07-hashimi-shot-dead.txt",
 {"hisham_al_hashimi": ("Hisham al-Hashimi", "person"),
  "iraq": ("Iraq", "government"),
  "islamic_state": ("Islamic State", "militia"),
  "baghdad": ("Baghdad", "place"),
  "zayouna": ("Zayouna", "place"),
  "kataib_hezbollah": ("Kataib Hezbollah", "militia"),
  "iran": ("Iran", "government"),
  "mohammed_mohi": ("Mohammed Mohi", "person"),
  "mustafa_al_kadhimi": ("Mustafa al-Kadhimi", "person"),
  "iraqi_counter_terrorism_service": ("Iraqi Counter Terrorism Service", "government", ["iraq"]),
  "united_states": ("United States", "government"),
  "us_embassy": ("US Embassy", "government", ["united_states"]),
  "us_state_department": ("US State Department", "government", ["united_states"])},
 [("Hisham al-Hashimi", "hisham_al_hashimi", ["person"]), ("Hashimi", "hisham_al_hashimi", ["person"]),
  ("Iraq", "iraq", GP), ("Iraqi government", "iraq", ["government"]),
  ("Islamic State", "islamic_state", ["militia"]),
  ("Baghdad", "baghdad", ["place"]), ("BAGHDAD", "baghdad", ["place"]),
  ("Zayouna", "zayouna", ["place"]),
  ("Kataib Hezbollah", "kataib_hezbollah", ["militia"]),
  ("Iran", "iran", GP), ("Tehran", "iran", GP),
  ("Mohammed Mohi", "mohammed_mohi", ["person"]),
  ("Mustafa al-Kadhimi", "mustafa_al_kadhimi", ["person"]), ("Kadhimi", "mustafa_al_kadhimi", ["person"]),
  ("Counter Terrorism Service", "iraqi_counter_terrorism_service", ["government"]),
  ("Washington", "united_states", GP), ("United States", "united_states", GP),
  ("US embassy", "us_embassy", GP),
  ("State Department", "us_state_department", ["government"])],
 ["Iraqi", "Shi'ite", "British", "Arab", "Western"],
 [("threatened", "kataib_hezbollah", "hisham_al_hashimi", "he had received threats in recent months from Kataib Hezbollah"),
  ("backed_by", "kataib_hezbollah", "iran", "Kataib Hezbollah, an Iran-backed militia"),
  ("member_of", "mohammed_mohi", "kataib_hezbollah", "Kataib Hezbollah spokesman Mohammed Mohi"),
  ("leads", "mustafa_al_kadhimi", "iraq", "Prime Minister Mustafa al-Kadhimi"),
  ("attacked", "iraqi_counter_terrorism_service", "kataib_hezbollah", "the Counter Terrorism Service raided a Kataib Hezbollah base"),
  ("blamed", "united_states", "kataib_hezbollah", "Washington blames the group for a string of rocket attacks on the US embassy in Baghdad"),
  ("located_in", "zayouna", "baghdad", "the Zayouna district of eastern Baghdad"),
  ("located_in", "us_embassy", "baghdad", "the US embassy in Baghdad")],
 [("claimed_responsibility", "*", "*", "No group claimed responsibility for the killing"),
  ("attacked", "kataib_hezbollah", "hisham_al_hashimi", "the group had no role in the shooting")])

# ---------------------------------------------------------------- Kirkuk
build("2023-09-03-kirkuk-clashes.txt",
 {"kirkuk": ("Kirkuk", "place"),
  "iraq": ("Iraq", "government"),
  "mohammed_shia_al_sudani": ("Mohammed Shia al-Sudani", "person"),
  "kurdistan_region": ("Kurdistan Region", "place"),
  "joint_operations_command": ("Joint Operations Command", "government", ["iraq"]),
  "erbil": ("Erbil", "place"),
  "masoud_barzani": ("Masoud Barzani", "person"),
  "nechirvan_barzani": ("Nechirvan Barzani", "person"),
  "iraqi_federal_supreme_court": ("Iraqi Federal Supreme Court", "government", ["iraq"]),
  "rakan_saeed_al_jubouri": ("Rakan Saeed al-Jubouri", "person"),
  "iraqi_army": ("Iraqi Army", "government", ["iraq"]),
  "hashed_al_shaabi": ("Hashed al-Shaabi", "militia"),
  "iran": ("Iran", "government"),
  "peshmerga": ("Peshmerga", "government", ["kurdistan_regional_government"])},
 [("Kirkuk", "kirkuk", ["place"]), ("KIRKUK", "kirkuk", ["place"]),
  ("Iraq", "iraq", GP), ("Baghdad", "iraq", GP),
  ("Mohammed Shia al-Sudani", "mohammed_shia_al_sudani", ["person"]), ("Sudani", "mohammed_shia_al_sudani", ["person"]),
  ("Kurdistan Region", "kurdistan_region", ["place", "government"]),
  ("Joint Operations Command", "joint_operations_command", ["government"]),
  ("Erbil", "erbil", ["place", "government"]),
  ("Masoud Barzani", "masoud_barzani", ["person"]),
  ("Nechirvan Barzani", "nechirvan_barzani", ["person"]),
  ("Federal Supreme Court", "iraqi_federal_supreme_court", ["government"]),
  ("Rakan Saeed al-Jubouri", "rakan_saeed_al_jubouri", ["person"]),
  ("Iraqi army", "iraqi_army", ["government"]),
  ("Popular Mobilisation Forces", "hashed_al_shaabi", ["militia"]),
  ("Iran", "iran", GP),
  ("Peshmerga", "peshmerga", ["government"])],
 ["Kurdish", "Kurds", "Arab", "Arabs", "Turkmen"],
 [("leads", "mohammed_shia_al_sudani", "iraq", "Prime Minister Mohammed Shia al-Sudani"),
  ("located_in", "erbil", "kurdistan_region", "Erbil, the capital of the Kurdistan Region"),
  ("leads", "nechirvan_barzani", "kurdistan_region", "Kurdistan Region President Nechirvan Barzani"),
  ("met", "mohammed_shia_al_sudani", "nechirvan_barzani", "He discussed the situation in a phone call with Kurdistan Region President Nechirvan Barzani"),
  ("backed_by", "hashed_al_shaabi", "iran", "the Iran-backed Popular Mobilisation Forces"),
  ("attacked", "iraqi_army", "peshmerga", "the Iraqi army and the Iran-backed Popular Mobilisation Forces drove Peshmerga fighters out of the province"),
  ("attacked", "hashed_al_shaabi", "peshmerga", "the Iraqi army and the Iran-backed Popular Mobilisation Forces drove Peshmerga fighters out of the province")],
 [])

# ---------------------------------------------------------------- Fallujah
build("2016-06-26-fallujah-liberated.txt",
 {"fallujah": ("Fallujah", "place"),
  "iraq": ("Iraq", "government"),
  "islamic_state": ("Islamic State", "militia"),
  "abdul_wahab_al_saadi": ("Abdul Wahab al-Saadi", "person"),
  "iraqi_counter_terrorism_service": ("Iraqi Counter Terrorism Service", "government", ["iraq"]),
  "julan": ("Julan", "place"),
  "haider_al_abadi": ("Haider al-Abadi", "person"),
  "anbar_province": ("Anbar Province", "place"),
  "baghdad": ("Baghdad", "place"),
  "united_states": ("United States", "government"),
  "hashed_al_shaabi": ("Hashed al-Shaabi", "militia"),
  "iran": ("Iran", "government"),
  "hadi_al_amiri": ("Hadi al-Amiri", "person"),
  "badr_organization": ("Badr Organization", "militia"),
  "qasem_soleimani": ("Qasem Soleimani", "person"),
  "quds_force": ("Quds Force", "government", ["revolutionary_guards", "iran"]),
  "saudi_arabia": ("Saudi Arabia", "government"),
  "thamer_al_sabhan": ("Thamer al-Sabhan", "person"),
  "iraqi_ministry_of_foreign_affairs": ("Iraqi Ministry of Foreign Affairs", "government", ["iraq"]),
  "saqlawiyah": ("Saqlawiyah", "place"),
  "sohaib_al_rawi": ("Sohaib al-Rawi", "person"),
  "kataib_hezbollah": ("Kataib Hezbollah", "militia")},
 [("Fallujah", "fallujah", ["place"]), ("FALLUJAH", "fallujah", ["place"]),
  ("Iraq", "iraq", GP),
  ("Islamic State", "islamic_state", ["militia"]),
  ("Abdul Wahab al-Saadi", "abdul_wahab_al_saadi", ["person"]), ("Saadi", "abdul_wahab_al_saadi", ["person"]),
  ("Counter Terrorism Service", "iraqi_counter_terrorism_service", ["government"]),
  ("Julan", "julan", ["place"]),
  ("Haider al-Abadi", "haider_al_abadi", ["person"]), ("Abadi", "haider_al_abadi", ["person"]),
  ("Anbar province", "anbar_province", ["place"]), ("Anbar", "anbar_province", ["place"]),
  ("Baghdad", "baghdad", ["place"]),
  ("US", "united_states", GP),
  ("Popular Mobilisation Forces", "hashed_al_shaabi", ["militia"]), ("PMF", "hashed_al_shaabi", ["militia"]),
  ("Iran", "iran", GP),
  ("Hadi al-Amiri", "hadi_al_amiri", ["person"]),
  ("Badr Organisation", "badr_organization", ["militia"]),
  ("Qassem Soleimani", "qasem_soleimani", ["person"]),
  ("Quds Force", "quds_force", ["government"]),
  ("Saudi Arabia", "saudi_arabia", GP),
  ("Thamer al-Sabhan", "thamer_al_sabhan", ["person"]), ("Sabhan", "thamer_al_sabhan", ["person"]),
  ("foreign ministry", "iraqi_ministry_of_foreign_affairs", ["government"]),
  ("Saqlawiyah", "saqlawiyah", ["place"]),
  ("Sohaib al-Rawi", "sohaib_al_rawi", ["person"]),
  ("Kataib Hezbollah", "kataib_hezbollah", ["militia"])],
 ["Iraqi", "Shi'ite", "Sunni"],
 [("member_of", "abdul_wahab_al_saadi", "iraqi_counter_terrorism_service", "Lieutenant General Abdul Wahab al-Saadi of the Counter Terrorism Service"),
  ("located_in", "julan", "fallujah", "the Julan district in northwestern Fallujah"),
  ("leads", "haider_al_abadi", "iraq", "Prime Minister Haider al-Abadi"),
  ("located_in", "fallujah", "anbar_province", "Fallujah, in Anbar province"),
  ("backed_by", "hashed_al_shaabi", "iran", "Popular Mobilisation Forces, many of them armed and trained by Iran"),
  ("leads", "hadi_al_amiri", "badr_organization", "Hadi al-Amiri, the head of the Badr Organisation"),
  ("member_of", "badr_organization", "hashed_al_shaabi", "the Badr Organisation, the largest group in the PMF"),
  ("leads", "qasem_soleimani", "quds_force", "Qassem Soleimani, the commander of Iran's Quds Force"),
  ("member_of", "thamer_al_sabhan", "saudi_arabia", "Saudi Arabia's ambassador in Baghdad, Thamer al-Sabhan"),
  ("criticized", "thamer_al_sabhan", "iran", "Thamer al-Sabhan, criticized Iran over the general's presence"),
  ("blamed", "iraqi_ministry_of_foreign_affairs", "thamer_al_sabhan", "Iraq's foreign ministry accused Sabhan of meddling"),
  ("member_of", "kataib_hezbollah", "hashed_al_shaabi", "Kataib Hezbollah, a hardline PMF faction")],
 [("located_in", "saqlawiyah", "fallujah", "the Saqlawiyah area north of Fallujah"),
  ("located_in", "fallujah", "baghdad", "about 50 km (30 miles) west of Baghdad")])

# ---------------------------------------------------------------- coalition talks
build("2024-01-25-coalition-talks.txt",
 {"iraq": ("Iraq", "government"),
  "united_states": ("United States", "government"),
  "baghdad": ("Baghdad", "place"),
  "washington": ("Washington", "place"),
  "iraqi_ministry_of_foreign_affairs": ("Iraqi Ministry of Foreign Affairs", "government", ["iraq"]),
  "mohammed_shia_al_sudani": ("Mohammed Shia al-Sudani", "person"),
  "islamic_state": ("Islamic State", "militia"),
  "lloyd_austin": ("Lloyd Austin", "person"),
  "us_department_of_defense": ("US Department of Defense", "government", ["united_states"]),
  "abu_taqwa_al_saidi": ("Abu Taqwa al-Saidi", "person"),
  "harakat_hezbollah_al_nujaba": ("Harakat Hezbollah al-Nujaba", "militia"),
  "hashed_al_shaabi": ("Hashed al-Shaabi", "militia"),
  "iran": ("Iran", "government"),
  "islamic_resistance_in_iraq": ("Islamic Resistance in Iraq", "militia"),
  "syria": ("Syria", "government"),
  "israel": ("Israel", "government"),
  "gaza_strip": ("Gaza Strip", "place"),
  "kataib_hezbollah": ("Kataib Hezbollah", "militia")},
 [("Iraq", "iraq", GP), ("Iraqi government", "iraq", ["government"]),
  ("United States", "united_states", GP), ("US", "united_states", GP),
  ("Washington", "united_states", GP),
  ("BAGHDAD", "baghdad", ["place"]),
  ("foreign ministry", "iraqi_ministry_of_foreign_affairs", ["government"]),
  ("Mohammed Shia al-Sudani", "mohammed_shia_al_sudani", ["person"]), ("Sudani", "mohammed_shia_al_sudani", ["person"]),
  ("Islamic State", "islamic_state", ["militia"]),
  ("Lloyd Austin", "lloyd_austin", ["person"]),
  ("Pentagon", "us_department_of_defense", ["government"]),
  ("Mushtaq Taleb al-Saidi", "abu_taqwa_al_saidi", ["person"]), ("Abu Taqwa", "abu_taqwa_al_saidi", ["person"]),
  ("Harakat al-Nujaba", "harakat_hezbollah_al_nujaba", ["militia"]),
  ("Popular Mobilisation Forces", "hashed_al_shaabi", ["militia"]),
  ("Iran", "iran", GP),
  ("Islamic Resistance in Iraq", "islamic_resistance_in_iraq", ["militia"]),
  ("Syria", "syria", GP), ("Israel", "israel", GP), ("Gaza", "gaza_strip", ["place"]),
  ("Kataib Hezbollah", "kataib_hezbollah", ["militia"])],
 ["American"],
 [("leads", "mohammed_shia_al_sudani", "iraq", "Prime Minister Mohammed Shia al-Sudani"),
  ("leads", "lloyd_austin", "us_department_of_defense", "Defense Secretary Lloyd Austin said in a statement released by the Pentagon"),
  ("attacked", "united_states", "abu_taqwa_al_saidi", "a US drone strike in eastern Baghdad killed Mushtaq Taleb al-Saidi"),
  ("member_of", "abu_taqwa_al_saidi", "harakat_hezbollah_al_nujaba", "a commander of Harakat al-Nujaba"),
  ("member_of", "harakat_hezbollah_al_nujaba", "hashed_al_shaabi", "Harakat al-Nujaba, a faction of the Popular Mobilisation Forces"),
  ("criticized", "iraq", "united_states", "The Iraqi government condemned the strike and accused Washington of violating the country's sovereignty"),
  ("blamed", "iraq", "united_states", "The Iraqi government condemned the strike and accused Washington of violating the country's sovereignty"),
  ("backed_by", "islamic_resistance_in_iraq", "iran", "An umbrella of Iran-backed groups calling itself the Islamic Resistance in Iraq"),
  ("claimed_responsibility", "islamic_resistance_in_iraq", "united_states", "has claimed more than 150 attacks on US forces in Iraq and Syria"),
  ("backed_by", "israel", "united_states", "Washington's support for Israel"),
  ("threatened", "kataib_hezbollah", "united_states", "has threatened to keep up attacks on US troops until they leave Iraq")],
 [("blamed", "mohammed_shia_al_sudani", "*", "Sudani has not blamed any group by name for the attacks")],
 context=[("In Washington,", "Washington", "washington", ["place"]),
          ("in eastern Baghdad", "Baghdad", "baghdad", ["place"]),
          ("Baghdad says", "Baghdad", "iraq", GP)])
