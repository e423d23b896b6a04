"""A learned relation scorer: candidate pairs the rules did not relate, scored by a small logistic
regression trained on the real dev gold; the rules keep precision, the scorer adds recall.

Owns: candidate pairs of compatible types within one sentence (receivedAward: holder -> Award;
locatedIn: organisation or park -> place or park; worksFor: person -> organisation), which of
them are open to the scorer (the rules neither related the pair nor read either side in that
sentence), their features (types, order, distance, what stands between: other mentions, list
separators, the family's trigger words and where they stand, post words, nominee words, the
line's layout; nothing on whether a rule related them: the model is trained on every candidate,
so it learns what an ordinary relation looks like), the selection of what to add, and applying
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

import bisect
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
#: words that make a candidate a nominee, an applicant or a reference rather than a winner
PENDING_WORDS = ("入围", "申报", "初选", "推荐", "候选", "参评", "申请", "提名", "拟", "公示", "创建", "培育", "办法", "享受")
LOCATED_WORDS = ("位于", "地处", "坐落", "落户", "入驻", "园区内", "区内", "境内", "辖区", "所在地", "设在", "总部", "扎根", "所属")


#: the subjects' labels each predicate of ``signatures`` takes (it gives a predicate only for
#: these): ``candidates`` skips the mentions that can be the subject of none it is asked for
SUBJECTS = {"receivedAward": HOLDERS, "locatedIn": SITED, "worksFor": frozenset({"Person"})}
_SENTENCE_END_RE = re.compile("[" + re.escape(SENTENCE_END) + "]")


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
        "pending": re.compile("|".join(PENDING_WORDS)),
        "role": _people_tables()[0],
        "role_any": re.compile("|".join(sorted((r for r in _people_tables()[2] if len(r) >= 2), key=len, reverse=True))),
    }


def candidates(sh: str, mentions: list[Mention], preds: frozenset[str] | None = None) -> Iterator[tuple[int, int, str, tuple[int, int]]]:
    """(subject, object, predicate, sentence span) for every compatible pair in one sentence;
    with ``preds``, those of these predicates only (the same, in the same order, as filtering
    all of them afterwards: a subject no predicate of ``preds`` takes is skipped, see ``SUBJECTS``)."""
    subjects = frozenset().union(*(SUBJECTS[p] for p in preds)) if preds is not None else None
    start = 0
    idx = 0
    n = len(mentions)
    while start < len(sh):
        # the next sentence end, found in C (a walk of the text character by character before)
        stop = _SENTENCE_END_RE.search(sh, start)
        end = stop.start() if stop else len(sh)
        inside = []
        while idx < n and mentions[idx].start < end:
            if mentions[idx].start >= start:
                inside.append(idx)
            idx += 1
        # only the objects near enough can pass the gap test: by start, from MAX_GAP + the longest
        # mention of the sentence before the subject's start (an object starting earlier ends
        # more than MAX_GAP before it) to MAX_GAP after its end (one starting later starts more
        # than MAX_GAP after it); in index order, as the loop over all of them (quadratic in a
        # sentence's mentions: a text with no sentence stop is one sentence per piece)
        starts = [mentions[i].start for i in inside]
        longest = max((mentions[i].end - mentions[i].start for i in inside), default=0)
        for a in inside:
            if subjects is not None and mentions[a].label not in subjects:
                continue
            sa = mentions[a]
            near = inside[bisect.bisect_left(starts, sa.start - MAX_GAP - longest):bisect.bisect_right(starts, sa.end + MAX_GAP)]
            for b in near:
                if a == b:
                    continue
                sb = mentions[b]
                if max(sa.start, sb.start) - min(sa.end, sb.end) > MAX_GAP:
                    continue
                if normalise_name(sa.text) == normalise_name(sb.text):
                    continue
                for pred in signatures(sa, sb):
                    if preds is None or pred in preds:
                        yield a, b, pred, (start, end)
        start = end + 1


HEADING_RE = re.compile(r"\s*(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十0-9]+[)）]|[0-9]+[、.．]|第[一二三四五六七八九十]+[章节部分条]|附件)")


def _trigger_place(rx: re.Pattern[str], sh: str, span: tuple[int, int], lo: int, hi: int) -> str:
    """Where words of ``rx`` stand relative to the pair in its sentence: between the two, before
    the first, after the second (joined by +), or none."""
    out = [name for name, a, b in (("between", lo, hi), ("before", span[0], min(lo, hi)), ("after", max(lo, hi), span[1]))
           if a < b and rx.search(sh, a, b)]
    return "+".join(out) or "none"


def features(sh: str, mentions: list[Mention], s: int, o: int, pred: str, span: tuple[int, int]) -> dict[str, float]:
    """The features of one candidate pair: its types, order, distance and what stands between
    and around it (separators, other mentions, the family's trigger words, the line's layout).
    Nothing here says whether a rule related the pair: the model learns what a relation looks
    like, rules or not."""
    v = _vocab()
    ms, mo = mentions[s], mentions[o]
    first, second = (ms, mo) if ms.start < mo.start else (mo, ms)
    lo, hi = first.end, second.start
    between = sh[lo:hi] if hi > lo else ""
    inner = [m for m in mentions if lo <= m.start and m.end <= hi]
    p = pred
    trigger = {"receivedAward": v["award"], "locatedIn": v["located"], "worksFor": v["role_any"]}[p]
    line_start = sh.rfind("\n", 0, span[0] + 1) + 1
    f: dict[str, float] = {
        f"{p}": 1.0,
        f"{p}|types={ms.label}>{mo.label}": 1.0,
        f"{p}|order={'so' if ms.start < mo.start else 'os'}": 1.0,
        f"{p}|gap={_bucket(len(between), (0, 2, 6, 15, 30, 60))}": 1.0,
        f"{p}|inner={_bucket(len(inner), (0, 1, 3, 6))}": 1.0,
        f"{p}|inner_same_type={_bucket(sum(m.label == ms.label for m in inner), (0, 1, 3))}": 1.0,
        f"{p}|inner_obj_type={_bucket(sum(m.label == mo.label for m in inner), (0, 1))}": 1.0,
        f"{p}|comma_between={_bucket(len(re.findall('[,，:：]', between)), (0, 1, 3))}": 1.0,
        f"{p}|list_between={'y' if '、' in between else 'n'}": 1.0,
        f"{p}|award_word_between={'y' if v['award'].search(between) else 'n'}": 1.0,
        f"{p}|located_word_between={'y' if v['located'].search(between) else 'n'}": 1.0,
        f"{p}|role_between={'y' if v['role_any'].search(between) else 'n'}": 1.0,
        f"{p}|trigger_at={_trigger_place(trigger, sh, span, lo, hi)}": 1.0,
        f"{p}|role_after_subj={'y' if v['role'].match(sh, ms.end, ms.end + 6) or any(v['role'].fullmatch(sh, ms.end, ms.end + k) for k in range(2, 7)) else 'n'}": 1.0,
        f"{p}|role_before_subj={'y' if v['role_any'].search(sh, max(span[0], ms.start - 8), ms.start) else 'n'}": 1.0,
        f"{p}|bracket_between={'y' if re.search('[(（]', between) else 'n'}": 1.0,
        f"{p}|quote_before_obj={'y' if sh[max(0, mo.start - 1):mo.start] in QUOTES else 'n'}": 1.0,
        f"{p}|sent_len={_bucket(span[1] - span[0], (40, 100, 250))}": 1.0,
        f"{p}|line_item={'y' if span[1] - span[0] < 60 and sh[span[0]:span[0] + 1] not in ' ' else 'n'}": 1.0,
        f"{p}|heading_line={'y' if HEADING_RE.match(sh, line_start) else 'n'}": 1.0,
        f"{p}|pending_word_at={_trigger_place(v['pending'], sh, span, lo, hi)}": 1.0,
        f"{p}|pair_in_line={'y' if sh.find(chr(10), lo, hi) < 0 else 'n'}": 1.0,
    }
    if mo.label == "Place" and "place" in mo.attrs:
        f[f"{p}|obj_level={mo.attrs['place'].get('level', 'other')}"] = 1.0
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
    after_o = sh[mo.end:mo.end + 1]
    f[f"{p}|after_obj={after_o if after_o and after_o in '、，,的（(和及与等”' else 'other'}"] = 1.0
    # is the object the nearest of its type to the subject, and the subject the nearest of its kind to the object?
    same = [m for m in mentions if m.label == mo.label and span[0] <= m.start < span[1]]
    nearest = min(same, key=lambda m: abs(m.start - ms.start)) if same else None
    f[f"{p}|obj_nearest={'y' if nearest is mo else 'n'}"] = 1.0
    kin = [m for m in mentions if m.label == ms.label and span[0] <= m.start < span[1]]
    near_s = min(kin, key=lambda m: abs(m.start - mo.start)) if kin else None
    f[f"{p}|subj_nearest={'y' if near_s is ms else 'n'}"] = 1.0
    f[f"{p}|same_type_in_sentence={_bucket(len(kin), (1, 2, 5))}"] = 1.0
    f[f"{p}|mrule={ms.rule.split('.')[0]}>{mo.rule.split('.')[0]}"] = 1.0
    return {k: val for k, val in f.items() if val}


def entity_name(m: Mention) -> str:
    return normalise_name(m.attrs.get("alias_of") or (m.attrs["place"]["name"] if m.label == "Place" and "place" in m.attrs else m.text))


def pair_key(mentions: list[Mention], s: int, o: int, pred: str) -> tuple[str, str, str]:
    """The entity pair a candidate names: the unit the scorer adds once and the evaluation counts."""
    return (entity_name(mentions[s]), entity_name(mentions[o]), pred)


def candidate_pairs(inp: RelationInput, preds: frozenset[str] | None = None) -> Iterator[tuple[int, int, str, tuple[int, int], bool]]:
    """Every candidate pair of the report (all occurrences) and whether it is *open*: its entity
    pair is not related by the rules that ran before, and the rules did not read either side in
    that sentence (a sentence the rules read for an entity or an award is theirs: the scorer adds
    no second reading to it, so a subsidiary listed before its parent's award is no winner).
    Training learns from all of them; the scorer adds only open ones. ``preds``: as in ``candidates``."""
    ms = inp.mentions
    done = {pair_key(ms, r.subject, r.object, r.predicate) for r in inp.found if isinstance(r.object, int)}
    read: dict[int, list[tuple[int, int]]] = {}
    for r in inp.found:
        read.setdefault(r.subject, []).append(r.evidence)
        if isinstance(r.object, int):
            read.setdefault(r.object, []).append(r.evidence)

    def rules_read(i: int, span: tuple[int, int]) -> bool:
        # (the same read for one predicate only, or the subject only, was measured: more open
        # pairs, none of receivedAward's or locatedIn's curves reached half right either)
        return any(ev[0] < span[1] and span[0] < ev[1] for ev in read.get(i, ()))

    for s, o, pred, span in candidates(inp.sh, ms, preds):
        is_open = not (pair_key(ms, s, o, pred) in done or rules_read(s, span) or rules_read(o, span))
        yield s, o, pred, span, is_open


def select(scored: list[tuple[float, int, int, str, tuple[int, int]]], mentions: list[Mention]) -> dict[tuple[str, str, str], tuple[float, int, int, str, tuple[int, int]]]:
    """The pairs the scorer would add from open candidates ``(probability, s, o, predicate, span)``,
    before any threshold: for locatedIn and worksFor only the likeliest object of a subject in a
    sentence (one place, one employer), then one occurrence per entity pair (the likeliest).
    Training measures its thresholds on exactly this selection; a threshold keeps those at or above it."""
    best: dict[tuple[int, str, tuple[int, int]], tuple[float, int, int, str, tuple[int, int]]] = {}
    kept = []
    for item in scored:
        prob, s, o, pred, span = item
        if pred in ("locatedIn", "worksFor"):
            key = (s, pred, span)
            if key not in best or best[key][0] < prob:
                best[key] = item
        else:
            kept.append(item)
    out: dict[tuple[str, str, str], tuple[float, int, int, str, tuple[int, int]]] = {}
    for item in kept + sorted(best.values(), key=lambda x: (x[4], x[1])):
        k = pair_key(mentions, item[1], item[2], item[3])
        if k not in out or out[k][0] < item[0]:
            out[k] = item
    return out


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
    # only the predicates the scorer has on (a threshold above 1 keeps nothing): the pairs of the
    # others were enumerated, their names normalised and their openness decided, then dropped
    active = frozenset(p for p in RULES if (w := m["predicates"].get(p)) and w["threshold"] <= 1.0)
    if not active:
        return []
    scored = []
    for s, o, pred, span, is_open in candidate_pairs(inp, active):
        w = m["predicates"].get(pred)
        if not is_open or not w or w["threshold"] > 1.0:
            continue
        scored.append((probability(w["weights"], w["bias"], features(inp.sh, inp.mentions, s, o, pred, span)), s, o, pred, span))
    chosen = select(scored, inp.mentions)
    return [_relation(inp, s, o, pred, span) for prob, s, o, pred, span in chosen.values()
            if prob >= m["predicates"][pred]["threshold"]]


def _relation(inp: RelationInput, s: int, o: int, pred: str, span: tuple[int, int]) -> Relation:
    q: dict[str, Any] = {}
    if pred == "receivedAward":
        a = inp.mentions[o]
        ctx = _award_context(inp.mentions, o)
        q = {"year": a.attrs.get("year") or ctx.get("year"), "edition": a.attrs.get("edition") or ctx.get("edition"), "grade": a.attrs.get("grade")}
        q = {k: v for k, v in q.items() if v is not None}
    return Relation(s, pred, o, RULES[pred], span, q)
