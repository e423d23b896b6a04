"""Unnamed members of an enumeration: the ``kg_list_members`` component.

Real reports list winners, members and firms as ``A、B、C``, and many of the items are names no
rule knows (a Taiwanese firm's short name 眾程科技, a brand 北冰洋, a firm with no legal form
奇華餅家). Where most items of one list are already organisations of one type, an item of name
shape that no rule or model named is read as an organisation of that type too. The evidence is
the list's layout (items of one kind joined by 、), not a lexicon of names.

Owns: finding 、-lists within a clause, typing their items by the mentions found before this
component, and adding ``Mention``s (rule ``list.member_like_neighbours.v1``) for the untyped
items whose words are all name-like (no verb, function word, counter or punctuation, judged
with the entity rules' own left-boundary test ``NameScan._is_stop_token``). The settings
(minimum typed items, share, item lengths, words that end the last item) are data:
``kg/data/patterns/list_members.json``.
Hands on: ``doc._.kg_mentions``, for the table reader and the relation rules.
People: a name-shaped item beside a person already found in a 、-list is a person too
(``kg.nlp.people.list_neighbours``, rule ``person.list_neighbour.v1``), read here because the
model's persons are known only after ``kg_ner``.
Must not: change or remove a mention found before it; type an item of a list of places or
anything other than organisations and people.
"""

from __future__ import annotations

import bisect
import json
import re
from collections import Counter
from functools import lru_cache
from typing import Any, Callable

from spacy.language import Language
from spacy.tokens import Doc

from ..resources import read_text, load_words
from .lexicons import boundary_words, jieba_tags
from .mentions import Mention
from .people import list_neighbours
from .scan import NameScan

RULE = "list.member_like_neighbours.v1"
#: the organisation labels a list may be of
LIST_LABELS = ("Company", "Institution")


@lru_cache(maxsize=1)
def settings() -> dict[str, Any]:
    return json.loads(read_text("patterns", "list_members.json"))


class _Words(NameScan):
    """The entity rules' test of a word that cannot be inside a name (verbs, function words,
    counters, punctuation), without the rest of the entity rules."""

    def __init__(self) -> None:
        self.boundaries = boundary_words()
        self.tags = jieba_tags()
        self.name_verbs = frozenset(load_words("name_verbs.tsv"))


@lru_cache(maxsize=1)
def _words() -> _Words:
    return _Words()


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    cfg = settings()
    clause = re.escape(cfg["clause_marks"])
    lists = re.compile(rf"(?:[^{clause}、]{{1,{cfg['max_item']}}}、)+[^{clause}、]{{1,{cfg['max_item'] + 12}}}")
    shape = re.compile(cfg["name_shape"])
    tail = re.compile("|".join(map(re.escape, sorted(cfg["last_item_ends"], key=len, reverse=True))))
    return lists, shape, tail


@lru_cache(maxsize=1)
def _lead_in() -> tuple[re.Pattern[str], re.Pattern[str]]:
    cfg = settings()
    opener = "|".join(map(re.escape, sorted(cfg["openers"], key=len, reverse=True)))
    holder = "|".join(map(re.escape, sorted(cfg["holders"], key=len, reverse=True)))
    # the last opener of the item (nothing of it after), and a holder word right before it
    return re.compile(rf"(?:{opener})(?!.*(?:{opener}))"), re.compile(rf"(?:{holder})$")


def _items(sh: str, start: int, end: int) -> list[tuple[int, int]]:
    out, pos = [], start
    for part in sh[start:end].split("、"):
        a, b = pos, pos + len(part)
        while a < b and sh[a].isspace():
            a += 1
        while b > a and sh[b - 1].isspace():
            b -= 1
        out.append((a, b))
        pos += len(part) + 1
    return out


def _name_like(sh: str, a: int, b: int, starts: list[int], ends: list[int]) -> bool:
    """Are all the words of ``sh[a:b]`` name-like? Words cut at ``a``/``b`` count as inside."""
    words = _words()
    i = bisect.bisect_right(starts, a) - 1
    i = max(i, 0)
    while i < len(starts) and starts[i] < b:
        s, e = max(starts[i], a), min(ends[i], b)
        if e > s and words._is_stop_token(sh[s:e]):
            return False
        i += 1
    return True


def find_members(text: str, sh: str, mentions: list[Mention], starts: list[int], ends: list[int],
                 org_type: Callable[[str, str], str] | None = None) -> list[Mention]:
    """New mentions for the untyped items of organisation lists (see the module's docstring);
    ``org_type(name, default)`` types an item by its own head word where it has one (…社团法人)."""
    cfg = settings()
    lists_re, shape_re, tail_re = _patterns()
    opener_re, holder_re = _lead_in()
    first_starts = [m.start for m in mentions]
    out: list[Mention] = []
    for lm in lists_re.finditer(sh):
        items = _items(sh, lm.start(), lm.end())
        if len(items) < 3:
            continue
        lo = bisect.bisect_left(first_starts, lm.start())
        inside = []
        for m in mentions[lo:]:
            if m.start >= lm.end():
                break
            inside.append(m)
        last = len(items) - 1
        cut = tail_re.search(sh, items[last][0] + cfg["min_len"], items[last][1])
        if cut:
            items[last] = (items[last][0], cut.start())
        typed: list[str | None] = []
        for k, (a, b) in enumerate(items):
            label = None
            for m in inside:
                if not (a <= m.start and m.end <= b):
                    continue
                if m.label not in LIST_LABELS and m.label != "Place":
                    if k:  # a person, an award, an agency as an item: not a list of firms
                        label = "other"
                        break
                    continue
                # the name is the item, but for the first one's lead-in (授予A) and a place
                # written before it (台湾|思玛科技)
                opens = m.start == a or k == 0 or any(p.label == "Place" and p.start == a and p.end == m.start for p in inside)
                if m.label in LIST_LABELS and opens and m.end == b:
                    label = m.label
            typed.append(label)
        counts = Counter(t for t in typed if t in LIST_LABELS)
        if not counts:
            continue
        label, n = counts.most_common(1)[0]
        if n < cfg["min_typed"] or n / len(items) < cfg["min_share"] or "other" in typed:
            continue
        for k, ((a, b), t) in enumerate(zip(items, typed)):
            if t is not None:
                continue
            if k == 0:
                # the first item holds the list's lead-in: only one that ends on an opener after
                # an award or a kind of holder gives a safe start (服务创新奖有A、B; 入围品牌包括A)
                lead = opener_re.search(sh, a, b)
                before = lead is not None and (
                    any(m.label == "Award" and m.end == lead.start() for m in inside)
                    or bool(holder_re.search(sh, a, lead.start())))
                if not before:
                    continue
                a = lead.end()
            if not (cfg["min_len"] <= b - a <= cfg["max_item"]) or not shape_re.fullmatch(sh, a, b):
                continue
            if any(a < m.end and m.start < b and not (m.label == "Place" and a <= m.start and m.end <= b) for m in inside):
                continue  # partly named by a rule: that rule's reading stands
            if any(m.label == "Place" and (m.start, m.end) == (a, b) for m in inside):
                continue  # a place on its own
            if not _name_like(sh, a, b, starts, ends):
                continue
            own = org_type(sh[a:b], label) if org_type else label
            out.append(Mention(a, b, own if own in LIST_LABELS else label, RULE, text[a:b], {}))
    return out


@Language.factory("kg_list_members", assigns=["doc._.kg_mentions"], requires=["doc._.kg_mentions"], default_config={"version": 1})
def make_list_members(nlp: Language, name: str, version: int) -> "ListMembersComponent":
    rules = nlp.get_pipe("kg_entity_rules").rules if "kg_entity_rules" in nlp.pipe_names else None
    return ListMembersComponent(rules.org_type if rules is not None else None)


class ListMembersComponent:
    """Adds the unnamed members of organisation lists to ``doc._.kg_mentions``."""

    def __init__(self, org_type: Callable[[str, str], str] | None = None) -> None:
        self.org_type = org_type

    def __call__(self, doc: Doc) -> Doc:
        mentions = doc._.kg_mentions
        starts, ends = doc._.kg_words
        new = find_members(doc._.kg_text, doc._.kg_shadow, mentions, starts, ends, self.org_type)
        new += list_neighbours(doc._.kg_text, doc._.kg_shadow, mentions + new, starts)
        if new:
            inside_new = [m for m in mentions if m.label == "Place" and any(n.start <= m.start and m.end <= n.end for n in new)]
            kept = [m for m in mentions if not any(m is x for x in inside_new)]
            doc._.kg_mentions = sorted(kept + new, key=lambda m: (m.start, m.end))
        return doc
