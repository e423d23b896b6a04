"""Benchmark: does extraction read how a report is written, or the names the dev reports happen to hold?

A metamorphic probe of the development split (``tests/gold/real-dev.jsonl``; the held-out split is
never read). Each report of ``../shared/corpus`` is read at run time, changed in a way that should
not change what a reader extracts, and scored against its gold changed the same way:

* ``names``: every gold Person (two or three Han characters) and every gold Company with a legal
  form (有限公司, 股份有限公司, ...) whose mentions all read as its name is renamed to a generated
  name of the same shape: a common surname and given-name characters; the same leading place, a
  brand of two characters, a trade word and the same legal form. Offsets are shifted.
* ``places``: every gold Place that is an administrative division is replaced, everywhere in the
  text (inside bodies', awards' and parks' names too), by another division of the same level,
  length and last character, and its short form (长沙 for 长沙市) by the other's; lengths are kept.
* ``halfwidth``: full-width punctuation (，；：（）！？) written half-width.
* ``traditional``: the text in Traditional characters (zhconv ``zh-tw``), where that keeps its
  length (the others are left as they are).

A rule that memorised the dev reports' names, places or script shows as a drop against ``as is``;
a rule that reads structure does not. The generated names and texts exist only in memory.

    python bench/metamorphic.py [--seeds 0,1,2] [--variants names,places,halfwidth,traditional,wrapped,spaced]
                                [--json build/bench-metamorphic.json]
"""

from __future__ import annotations

import argparse
import bisect
import copy
import json
import random
import re
import sys
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "docs"
DEV_GOLD = ROOT / "tests" / "gold" / "real-dev.jsonl"
sys.path.insert(0, str(ROOT / "src"))

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏吕丁沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂华建国志红玉兰春梅海波宁辉斌鹏飞宇浩凯晨旭东林峰亮成鑫新雪琳晶莉欣"
BRAND = "华卓嘉恒泰瑞博鸿昌盛兴达源远正诚安康宏丰裕德铭锦翔凯腾"
TRADES = ("机械", "科技", "电子", "新材料", "食品", "制药", "电气", "实业", "化工", "纺织", "建材", "精密", "环保", "能源", "生物", "电器", "照明")
LEGAL = ("集团股份有限公司", "股份有限公司", "有限责任公司", "集团有限公司", "有限公司",
         "集團股份有限公司", "有限責任公司", "集團有限公司")
H2F = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "!": "！", "?": "？"}
F2H = {v: k for k, v in H2F.items()}


def admin_divisions() -> dict[str, str]:
    from kg.resources import read_text

    out = {}
    for line in read_text("lexicons", "admin_divisions.tsv").splitlines()[2:]:
        parts = line.split("\t")
        if len(parts) >= 3 and parts[1] not in ("市辖区", "县") and "直辖" not in parts[1]:
            out[parts[1]] = parts[2]
    return out


def rename(text: str, gold: dict[str, Any], rng: random.Random, divisions: dict[str, str]) -> tuple[str, dict[str, Any]]:
    """``names``: persons and legal-form companies renamed; offsets shifted."""
    gold = copy.deepcopy(gold)
    used = {e["name"] for e in gold["entities"]}
    edits: list[tuple[int, int, str]] = []
    for e in gold["entities"]:
        mentions = e.get("mentions") or []
        if e.get("aliases") or not mentions or any(text[a:b] != e["name"] for a, b in mentions):
            continue
        old = e["name"]
        if e["type"] == "Person" and re.fullmatch(r"[\u4e00-\u9fff]{2,3}", old):
            new = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(len(old) - 1))
        elif e["type"] == "Company" and old.endswith(LEGAL):
            legal = next(form for form in LEGAL if old.endswith(form))
            place = max((old[:k] for k in range(2, 8) if old[:k] in divisions), key=len, default="")
            new = place + "".join(rng.sample(BRAND, 2)) + rng.choice(TRADES) + legal
        else:
            continue
        if new in used or new in text:
            continue
        used.add(new)
        e["name"] = new
        edits += [(a, b, new) for a, b in mentions]
    edits.sort()
    kept, last = [], -1
    for a, b, new in edits:
        if a >= last:
            kept.append((a, b, new))
            last = b
    pieces, pos, shifts = [], 0, []
    for a, b, new in kept:
        pieces += [text[pos:a], new]
        shifts.append((a, b, len(new) - (b - a)))
        pos = b
    pieces.append(text[pos:])

    def moved(x: int) -> int:
        d = 0
        for a, b, s in shifts:
            if x >= b:
                d += s
            elif x > a:
                return x + d
        return x + d

    for e in gold["entities"]:
        e["mentions"] = [[moved(a), moved(b)] for a, b in e.get("mentions") or []]
    for r in gold["relations"]:
        if r.get("evidence"):
            r["evidence"] = [moved(r["evidence"][0]), moved(r["evidence"][1])]
    return "".join(pieces), gold


def replace_places(text: str, gold: dict[str, Any], rng: random.Random, divisions: dict[str, str]) -> tuple[str, dict[str, Any]]:
    """``places``: administrative divisions replaced by others of the same level and shape."""
    gold = copy.deepcopy(gold)
    by_shape: dict[tuple[str, int, str], list[str]] = {}
    for name, level in divisions.items():
        by_shape.setdefault((level, len(name), name[-1]), []).append(name)
    mapping: dict[str, str] = {}
    for e in gold["entities"]:
        name = e["name"]
        if e["type"] != "Place" or name not in divisions or name in mapping:
            continue
        options = [c for c in by_shape[(divisions[name], len(name), name[-1])] if c != name and c not in text and c[:-1] not in text]
        if not options:
            continue
        new = rng.choice(sorted(options))
        mapping[name] = new
        if len(name) >= 3 and name[-1] in "省市县区":
            mapping.setdefault(name[:-1], new[:-1])
    if not mapping:
        return text, gold
    rx = re.compile("|".join(map(re.escape, sorted(mapping, key=len, reverse=True))))

    def swap(s: str) -> str:
        return rx.sub(lambda m: mapping[m.group(0)], s)

    for e in gold["entities"]:
        e["name"] = swap(e["name"])
        e["aliases"] = [swap(a) for a in e.get("aliases") or []]
    return swap(text), gold


def halfwidth(text: str, gold: dict[str, Any], rng: random.Random, divisions: dict[str, str]) -> tuple[str, dict[str, Any]]:
    return "".join(F2H.get(c, c) for c in text), gold


def traditional(text: str, gold: dict[str, Any], rng: random.Random, divisions: dict[str, str]) -> tuple[str, dict[str, Any]]:
    import zhconv

    converted = zhconv.convert(text, "zh-tw")
    return (converted if len(converted) == len(text) else text), gold


def _insert(text: str, gold: dict[str, Any], cuts: list[int], piece: str) -> tuple[str, dict[str, Any]]:
    """``piece`` inserted before each position of ``cuts`` (ascending, none inside a mention), the
    gold's offsets shifted."""
    gold = copy.deepcopy(gold)
    pieces, pos = [], 0
    for c in cuts:
        pieces += [text[pos:c], piece]
        pos = c
    pieces.append(text[pos:])
    n = len(piece)

    def start(x: int) -> int:  # a piece inserted at x goes before the span
        return x + n * bisect.bisect_right(cuts, x)

    def end(x: int) -> int:  # and after a span ending at x
        return x + n * bisect.bisect_left(cuts, x)

    for e in gold["entities"]:
        e["mentions"] = [[start(a), end(b)] for a, b in e.get("mentions") or []]
    for r in gold["relations"]:
        if r.get("evidence"):
            r["evidence"] = [start(r["evidence"][0]), end(r["evidence"][1])]
    return "".join(pieces), gold


def _inside_mentions(text: str, gold: dict[str, Any]) -> bytearray:
    inside = bytearray(len(text) + 1)
    for e in gold["entities"]:
        for a, b in e.get("mentions") or []:
            for x in range(a + 1, min(b, len(text))):
                inside[x] = 1
    return inside


def wrapped(text: str, gold: dict[str, Any], rng: random.Random, divisions: dict[str, str]) -> tuple[str, dict[str, Any]]:
    """``wrapped``: a hard line break after every 30-40 characters (one width a report) inside
    paragraphs, as text copied out of a PDF or a fixed-width gazette reads, before punctuation
    too; never inside a gold mention (the line runs on to the mention's end); offsets shifted."""
    inside = _inside_mentions(text, gold)
    width = rng.randint(30, 40)
    cuts, run = [], 0
    for i, ch in enumerate(text):
        run = 0 if ch == "\n" else run + 1
        if run >= width and not inside[i + 1] and i + 1 < len(text) and text[i + 1] != "\n":
            # the line is full (or a mention it was not allowed to cut has just ended)
            cuts.append(i + 1)
            run = 0
    return _insert(text, gold, cuts, "\n")


def spaced(text: str, gold: dict[str, Any], rng: random.Random, divisions: dict[str, str]) -> tuple[str, dict[str, Any]]:
    """``spaced``: a space between an ideograph and a digit or a Latin letter next to it (2019 年,
    11 月3 日, 获 GB/T …), as web pages and PDF copies often write them; never inside a mention."""
    inside = _inside_mentions(text, gold)

    def kind(ch: str) -> int:
        return 1 if "\u4e00" <= ch <= "\u9fff" else (2 if ch.isascii() and ch.isalnum() else 0)

    cuts = [i for i in range(1, len(text)) if not inside[i] and {kind(text[i - 1]), kind(text[i])} == {1, 2}]
    return _insert(text, gold, cuts, " ")


VARIANTS: dict[str, tuple[Callable[..., tuple[str, dict[str, Any]]], bool]] = {
    # name: (transform, depends on the seed)
    "names": (rename, True),
    "places": (replace_places, True),
    "halfwidth": (halfwidth, False),
    "traditional": (traditional, False),
    "wrapped": (wrapped, True),
    "spaced": (spaced, False),
}
TYPES = ("Company", "Person", "Place", "GovernmentAgency", "Award")
#: predicates shown on their own (locatedIn reads places most: a swap of places must not drop it)
PREDICATES = ("locatedIn",)


def run(texts: dict[str, str], golds: dict[str, dict[str, Any]]) -> dict[str, float]:
    from kg.eval import score
    from kg.nlp import extract_many
    from kg.reading import Report

    preds = {r["doc"]: r for r in extract_many(Report(id=doc, text=text) for doc, text in texts.items())}
    s = score(golds, preds)
    out = {kind: round(s[kind]["f1"], 4) for kind in ("entity", "relation", "strict")}
    for label in TYPES:
        if label in s["by_type"]:
            out[label] = round(s["by_type"][label]["f1"], 4)
    for predicate in PREDICATES:
        if predicate in s["by_predicate"]:
            out[predicate] = round(s["by_predicate"][predicate]["f1"], 4)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seeds", default="0,1,2", help="seeds of the generated names and places (default 0,1,2)")
    ap.add_argument("--variants", default=",".join(VARIANTS), help="comma-separated: " + ", ".join(VARIANTS))
    ap.add_argument("--json", type=Path, help="write the figures to this file")
    args = ap.parse_args(argv)
    if not CORPUS.is_dir():
        sys.exit(f"no reports under {CORPUS}: this benchmark reads the shared corpus at run time")
    golds = {}
    texts = {}
    for line in DEV_GOLD.read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        golds[gold["doc"]] = gold
        texts[gold["doc"]] = (CORPUS / f"{gold['doc']}.txt").read_text(encoding="utf-8")
    divisions = admin_divisions()
    rows: list[tuple[str, dict[str, float]]] = [("as is", run(texts, golds))]
    seeds = [int(s) for s in args.seeds.split(",") if s.strip()]
    for name in [v.strip() for v in args.variants.split(",") if v.strip()]:
        if name not in VARIANTS:
            sys.exit(f"unknown variant {name!r}; choose from {', '.join(VARIANTS)}")
        transform, seeded = VARIANTS[name]
        for seed in seeds if seeded else [0]:
            rng = random.Random(seed)
            changed_texts, changed_golds = {}, {}
            for doc in texts:
                changed_texts[doc], changed_golds[doc] = transform(texts[doc], golds[doc], rng, divisions)
            rows.append((f"{name} (seed {seed})" if seeded else name, run(changed_texts, changed_golds)))
    columns = ["entity", "relation", "strict", *TYPES, *PREDICATES]
    print(f"{'variant':<20}" + "".join(f"{c[:10]:>11}" for c in columns))
    for label, figures in rows:
        print(f"{label:<20}" + "".join(f"{figures.get(c, float('nan')):>11.3f}" for c in columns))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps([{"variant": label, **figures} for label, figures in rows], indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
