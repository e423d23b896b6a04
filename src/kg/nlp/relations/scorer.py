"""A learned relation scorer: candidate pairs the rules did not relate, scored by a small logistic
regression trained on the real dev gold; the rules keep precision, the scorer adds recall.

Owns: candidate pairs of compatible types within one sentence (receivedAward: holder -> Award;
locatedIn: organisation or park -> place or park; worksFor: person -> organisation), their
features (types, order, distance, what stands between: other mentions, list separators, trigger
words of the family's vocabulary, post words; whether a rule related either side), and applying
the model shipped in ``kg/data/relations/scorer.json`` (feature weights, bias, threshold, the
figures it was measured at, how it was trained). Features are built from vocabularies and
layout only, never from report words, so the model file holds no report text.

The weights are applied here in plain Python (a dot product and a logistic) rather than through a
pickled scikit-learn estimator: the run time then needs no scikit-learn, the model file is
readable and diffable JSON, and the same weights give the same answers on every platform.
Training (``kg train relations``, ``train_scorer``) uses scikit-learn's LogisticRegression.
Must not: create entities.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from typing import Any, Iterator

from ...resources import read_text
from ...text import normalise_name
from ..rules import Mention
from .base import Relation, RelationInput, register
from .context import _award_context, triggers

RULES = {
    "receivedAward": "scorer.received_award.v1",
    "locatedIn": "scorer.located_in.v1",
    "worksFor": "scorer.works_for.v1",
}
register("scorer", {rid: (pred, "a candidate pair in one sentence the learned scorer rates above its threshold") for pred, rid in RULES.items()})
HOLDERS = frozenset({"Company", "Institution", "GovernmentAgency", "Park", "Person", "Place"})
SITED = frozenset({"Company", "Institution", "GovernmentAgency", "StandardsBody", "Park"})
EMPLOYERS = frozenset({"Company", "GovernmentAgency", "Institution", "StandardsBody"})
SENTENCE_END = "。！？!?\n；;"
MAX_GAP = 120
QUOTES = ("“", '"', "「", "《")
LIST_SHAPE_RE = re.compile(r"[E、,，和及与\s]*")
SHORT_SHAPE_RE = re.compile(r"[E、,，和及与的在 ]*")
LOCATED_WORDS = ("位于", "地处", "坐落", "落户", "入驻", "园区内", "区内", "境内", "辖区", "所在地", "设在", "总部", "扎根", "所属")


def signatures(s: Mention, o: Mention) -> list[str]:
    out = []
    if o.label == "Award" and s.label in HOLDERS:
        out.append("receivedAward")
    if s.label in SITED and o.label in ("Place", "Park") and not (s.label == "Park" and o.label == "Park"):
        out.append("locatedIn")
    if s.label == "Park" and o.label == "Place":
        pass  # covered above
    if s.label == "Person" and o.label in EMPLOYERS:
        out.append("worksFor")
    return out


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return f"<={e}"
    return f">{edges[-1]}"


@lru_cache(maxsize=1)
def _vocab() -> dict[str, Any]:
    from ..rules import _people_tables

    award_words = sorted(set(triggers()["award"]), key=len, reverse=True)
    return {
        "award": re.compile("|".join(map(re.escape, award_words))),
        "located": re.compile("|".join(LOCATED_WORDS)),
        "role": _people_tables()[0],
        "role_any": re.compile("|".join(sorted((r for r in _people_tables()[2] if len(r) >= 2), key=len, reverse=True))),
    }


def candidates(sh: str, mentions: list[Mention]) -> Iterator[tuple[int, int, str, tuple[int, int]]]:
    """(subject, object, predicate, sentence span) for every compatible pair in one sentence."""
    start = 0
    idx = 0
    n = len(mentions)
    while start < len(sh):
        end = start
        while end < len(sh) and sh[end] not in SENTENCE_END:
            end += 1
        inside = []
        while idx < n and mentions[idx].start < end:
            if mentions[idx].start >= start:
                inside.append(idx)
            idx += 1
        for a in inside:
            for b in inside:
                if a == b:
                    continue
                sa, sb = mentions[a], mentions[b]
                if max(sa.start, sb.start) - min(sa.end, sb.end) > MAX_GAP:
                    continue
                if normalise_name(sa.text) == normalise_name(sb.text):
                    continue
                for pred in signatures(sa, sb):
                    yield a, b, pred, (start, end)
        start = end + 1


def features(sh: str, mentions: list[Mention], s: int, o: int, pred: str, span: tuple[int, int],
             ruled: dict[str, set[int]], related: set[tuple[int, int, str]]) -> dict[str, float]:
    v = _vocab()
    ms, mo = mentions[s], mentions[o]
    lo, hi = (ms.end, mo.start) if ms.start < mo.start else (mo.end, ms.start)
    between = sh[lo:hi] if hi > lo else ""
    inner = [m for m in mentions if lo <= m.start and m.end <= hi]
    p = pred
    f: dict[str, float] = {
        f"{p}": 1.0,
        f"{p}|types={ms.label}>{mo.label}": 1.0,
        f"{p}|order={'so' if ms.start < mo.start else 'os'}": 1.0,
        f"{p}|gap={_bucket(len(between), (0, 2, 6, 15, 30, 60))}": 1.0,
        f"{p}|inner={_bucket(len(inner), (0, 1, 3, 6))}": 1.0,
        f"{p}|inner_same_type={_bucket(sum(m.label == ms.label for m in inner), (0, 1, 3))}": 1.0,
        f"{p}|inner_obj_type={_bucket(sum(m.label == mo.label for m in inner), (0, 1))}": 1.0,
        f"{p}|comma_between={'y' if re.search('[,，]', between) else 'n'}": 1.0,
        f"{p}|list_between={'y' if '、' in between else 'n'}": 1.0,
        f"{p}|award_word_between={'y' if v['award'].search(between) else 'n'}": 1.0,
        f"{p}|located_word_between={'y' if v['located'].search(between) else 'n'}": 1.0,
        f"{p}|role_between={'y' if v['role_any'].search(between) else 'n'}": 1.0,
        f"{p}|role_after_subj={'y' if v['role'].match(sh, ms.end, ms.end + 6) or any(v['role'].fullmatch(sh, ms.end, ms.end + k) for k in range(2, 7)) else 'n'}": 1.0,
        f"{p}|bracket_between={'y' if re.search('[(（]', between) else 'n'}": 1.0,
        f"{p}|quote_before_obj={'y' if sh[max(0, mo.start - 1):mo.start] in QUOTES else 'n'}": 1.0,
        f"{p}|subj_ruled={'y' if s in ruled.get(p, set()) else 'n'}": 1.0,
        f"{p}|obj_ruled={'y' if o in ruled.get(p + '/o', set()) else 'n'}": 1.0,
        f"{p}|sent_len={_bucket(span[1] - span[0], (40, 100, 250))}": 1.0,
        f"{p}|line_item={'y' if span[1] - span[0] < 60 and sh[span[0]:span[0] + 1] not in ' ' else 'n'}": 1.0,
    }
    # the shape of what stands between: separators and other mentions only (a list reaching the object)
    shape = between
    for m in sorted(inner, key=lambda m: -m.start):
        shape = shape[: m.start - lo] + "E" + shape[m.end - lo:]
    is_list = "y" if LIST_SHAPE_RE.fullmatch(shape) else "n"
    short = shape if len(shape) <= 3 and SHORT_SHAPE_RE.fullmatch(shape) else "other"
    f[f"{p}|between_is_list={is_list}"] = 1.0
    f[f"{p}|between_short_shape={short}"] = 1.0
    f[f"{p}|obj_in_book_title={'y' if sh.rfind('《', max(0, mo.start - 30), mo.start) > sh.rfind('》', max(0, mo.start - 30), mo.start) else 'n'}"] = 1.0
    f[f"{p}|subj_in_book_title={'y' if sh.rfind('《', max(0, ms.start - 30), ms.start) > sh.rfind('》', max(0, ms.start - 30), ms.start) else 'n'}"] = 1.0
    f[f"{p}|obj_name_in_subj={'y' if normalise_name(mo.text) in normalise_name(ms.text) else 'n'}"] = 1.0
    f[f"{p}|granter_like={'y' if ms.label == 'GovernmentAgency' and re.search('政府|委员会|办公厅|领导小组|局$|厅$|部$', ms.text) else 'n'}"] = 1.0
    after, before = sh[ms.end:ms.end + 1], sh[max(0, ms.start - 1):ms.start]
    f[f"{p}|after_subj={after if after and after in '、，,的（(和及与等' else 'other'}"] = 1.0
    f[f"{p}|before_subj={before if before and before in '、，,：:）)“在由' else 'other'}"] = 1.0
    # is the object the nearest of its type to the subject?
    same = [m for m in mentions if m.label == mo.label and span[0] <= m.start < span[1]]
    nearest = min(same, key=lambda m: abs(m.start - ms.start)) if same else None
    f[f"{p}|obj_nearest={'y' if nearest is mo else 'n'}"] = 1.0
    f[f"{p}|subj_rule={ms.rule.split('.')[0]}"] = 1.0
    f[f"{p}|obj_rule={mo.rule.split('.')[0]}"] = 1.0
    return {k: val for k, val in f.items() if val}


def _ruled(found: list[Relation]) -> tuple[dict[str, set[int]], set[tuple[int, int, str]]]:
    ruled: dict[str, set[int]] = {}
    related = set()
    for r in found:
        ruled.setdefault(r.predicate, set()).add(r.subject)
        if isinstance(r.object, int):
            ruled.setdefault(r.predicate + "/o", set()).add(r.object)
            related.add((r.subject, r.object, r.predicate))
    return ruled, related


def entity_name(m: Mention) -> str:
    return normalise_name(m.attrs.get("alias_of") or (m.attrs["place"]["name"] if m.label == "Place" and "place" in m.attrs else m.text))


def pair_features(inp: RelationInput) -> Iterator[tuple[int, int, str, tuple[int, int], dict[str, float]]]:
    """Every candidate whose two entities the rules did not relate, once per entity pair (its
    first occurrence), with its features (training and scoring)."""
    ruled, related = _ruled(inp.found)
    ms = inp.mentions
    done = {(entity_name(ms[s]), entity_name(ms[o]), p) for s, o, p in related}
    # a sentence the rules read for an entity or an award is theirs: the scorer does not add a
    # second reading to it (a subsidiary listed before its parent's award is no winner)
    read: dict[int, list[tuple[int, int]]] = {}
    for r in inp.found:
        read.setdefault(r.subject, []).append(r.evidence)
        if isinstance(r.object, int):
            read.setdefault(r.object, []).append(r.evidence)

    def rules_read(i: int, span: tuple[int, int]) -> bool:
        return any(ev[0] < span[1] and span[0] < ev[1] for ev in read.get(i, ()))

    for s, o, pred, span in candidates(inp.sh, ms):
        key = (entity_name(ms[s]), entity_name(ms[o]), pred)
        if key in done or rules_read(s, span) or rules_read(o, span):
            continue
        done.add(key)
        yield s, o, pred, span, features(inp.sh, inp.mentions, s, o, pred, span, ruled, related)


@lru_cache(maxsize=1)
def model() -> dict[str, Any] | None:
    try:
        return json.loads(read_text("relations", "scorer.json"))
    except FileNotFoundError:
        return None


def probability(weights: dict[str, float], bias: float, f: dict[str, float]) -> float:
    z = bias + sum(weights.get(k, 0.0) * val for k, val in f.items())
    return 1.0 / (1.0 + math.exp(-z))


def find(inp: RelationInput) -> list[Relation]:
    m = model()
    if not m:
        return []
    out: list[Relation] = []
    best: dict[tuple[int, str], tuple[float, int, tuple[int, int]]] = {}
    for s, o, pred, span, f in pair_features(inp):
        w = m["predicates"].get(pred)
        if not w:
            continue
        prob = probability(w["weights"], w["bias"], f)
        if prob < w["threshold"]:
            continue
        if pred in ("locatedIn", "worksFor"):
            # one place / one employer per subject and sentence: the likeliest
            key = (s, pred + str(span))
            if key in best and best[key][0] >= prob:
                continue
            best[key] = (prob, o, span)
            continue
        out.append(_relation(inp, s, o, pred, span))
    for (s, _), (prob, o, span) in best.items():
        pred = "locatedIn" if _.startswith("locatedIn") else "worksFor"
        out.append(_relation(inp, s, o, pred, span))
    return out


def _relation(inp: RelationInput, s: int, o: int, pred: str, span: tuple[int, int]) -> Relation:
    q: dict[str, Any] = {}
    if pred == "receivedAward":
        a = inp.mentions[o]
        ctx = _award_context(inp.mentions, o)
        q = {"year": a.attrs.get("year") or ctx.get("year"), "edition": a.attrs.get("edition") or ctx.get("edition"), "grade": a.attrs.get("grade")}
        q = {k: v for k, v in q.items() if v is not None}
    return Relation(s, pred, o, RULES[pred], span, q)
