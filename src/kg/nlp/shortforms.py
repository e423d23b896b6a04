"""Short forms: contractions of a full name that a report uses without declaring them.

Owns finding mentions such as 中车株洲所 after 中车株洲研究所有限公司 has been named in the same
report (the contract: "a later use of an evident contraction"). The test of "evident" is the one
entity resolution uses to link a short form to its full name (``kg.resolution`` ``_contraction``:
the short form spells the full name in order, from its first two characters, skipping whole words
and dropping no head word), so a form found here is always linked back by ``to_contract``.

Also owns renames the report states (X（原名Y）, Y更名为X, 这家企业原名Y): the old name becomes an
alias of the new one (the contract: one entity, the old name as an alias), by marking the old
name's mention ``alias_of`` the new name.

Hands new ``Mention``s to the entity-rules component, which then lets ``propagate_names`` find
their repeats. Must not: type names (a short form takes its full name's type) or read lexicons.
"""

from __future__ import annotations

import bisect
import re

from ..resolution import _contraction, report_context
from ..text import occurrences
from .rules import Mention, jieba_tags, place_table

#: short forms that a report declares for itself but that name no firm (以下简称"公司"): no alias
BARE_SHORT_FORMS = frozenset({"公司", "本公司", "该公司", "集团", "本集团", "发行人", "企业", "本企业", "上市公司", "标的公司"})
#: a declared short form: (以下简称"Y"); group 1 is Y
DECLARED_RE = re.compile(r"[(（]\s*(?:以下简称|以下称|下简称|下称|简称)\s*[“\"「『]?([^”\"」』)）,，]{2,16})[”\"」』]?\s*[)）]")
#: types whose names are contracted in running text
SHORT_FORM_TYPES = ("Company", "Institution")
#: characters of a short form: CJK and Latin letters (中车株洲所, IGBT中心)
_NAME_CHAR_RE = re.compile(r"[\u4e00-\u9fffA-Za-z]")


def find_short_forms(text: str, sh: str, mentions: list[Mention], tok_starts: list[int], tok_ends: list[int]) -> list[Mention]:
    """Mentions of undeclared contractions of the report's full names, outside other mentions
    (places aside: the caller drops a place that a short form covers).

    A candidate starts where a full name's first two characters recur, ends on a word boundary
    of the segmenter, is 3 to 6 characters long and is accepted by resolution's contraction test;
    the longest candidate at a position wins.
    """
    fulls = [m for m in mentions if m.label in SHORT_FORM_TYPES and len(m.text) >= 6]
    if not fulls:
        return []
    context = report_context(
        {"type": "Place", "name": m.attrs["place"]["name"], "mentions": [[m.start, m.end]]}
        for m in mentions
        if m.label == "Place" and "place" in m.attrs
    )
    taken = bytearray(len(sh) + 1)
    for m in mentions:
        if m.label == "Place":
            continue  # a place inside a short form (中车|株洲|所) gives way to it
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    ends = set(tok_ends)
    by_prefix: dict[str, list[Mention]] = {}
    places = place_table()
    # the two characters after a full name's leading place, when jieba's dictionary does not know
    # them: a brand that may stand alone (北垦 of 黑龙江北垦智能农机股份有限公司)
    brands: dict[str, list[Mention]] = {}
    tags = jieba_tags()
    for m in fulls:
        by_prefix.setdefault(sh[m.start:m.start + 2], []).append(m)
        # also after a leading place: 蜀光电子 of 四川蜀光电子科技有限公司
        for n in (4, 3, 2):
            if sh[m.start:m.start + n] in places and m.end - m.start - n >= 4:
                by_prefix.setdefault(sh[m.start + n:m.start + n + 2], []).append(m)
                core = sh[m.start + n:m.start + n + 2]
                if _NAME_CHAR_RE.match(core[0]) and core not in tags and core not in places:
                    brands.setdefault(core, []).append(m)
                break
    # a short form the report declares (以下简称"Y") is the declaration's: its owner is stated
    # (only where the declaration follows a full name, as kg.nlp.propagate_names links it)
    declared = {m.group(1) for m in DECLARED_RE.finditer(sh) if any(0 <= m.start() - f.end <= 2 for f in fulls)}
    out: list[Mention] = []
    # the contraction test of a (short, full) pair, once per report: a firm named again and again
    # offers the same candidates at each repeat (a third of the tests over the dev reports)
    tested: dict[tuple[str, str, str], tuple[int, int, int] | None] = {}
    for prefix, owners in by_prefix.items():
        if not all(_NAME_CHAR_RE.match(c) for c in prefix):
            continue
        for s, _ in occurrences(sh, prefix):
            if taken[s]:
                continue
            i = bisect.bisect_left(tok_starts, s)
            if i >= len(tok_starts) or tok_starts[i] != s:
                continue  # a short form starts on a word boundary
            for n in range(6, 1, -1):
                e = s + n
                if e > len(sh) or e not in ends or any(taken[s:e]) or not all(_NAME_CHAR_RE.match(c) for c in sh[s:e]):
                    continue
                short = sh[s:e]
                if n == 2:
                    # a bare brand stands for the first full name that carries it, named before it
                    # (the group a feature is about; its members' names repeat the brand)
                    named = [o for o in brands.get(short, []) if o.end <= s]
                    if named:
                        owner = min(named, key=lambda o: o.start)
                        out.append(Mention(s, e, owner.label, "alias.contraction.v1", text[s:e], {"alias_of": owner.text}))
                        taken[s:e] = b"\x01" * n
                    break
                if short in declared:
                    break
                body_tag = tags.get(short[:-2]) or "" if short.endswith("公司") else ""
                if body_tag.startswith(("n", "v")) and not body_tag.startswith(("nr", "ns", "nt", "nz")):
                    continue  # 1000间|科技公司: a trade word and 公司 is a kind of firm, no firm's short name
                # the full name it contracts best (中车株机: 电力机车 over 电机); a tie links nothing
                scored = {}
                for o in owners:
                    key = sh[o.start:o.end]
                    pair = (o.label, short, key)
                    found = tested[pair] if pair in tested else tested.setdefault(pair, _contraction(o.label, short, key, context))
                    if found is not None:
                        if key not in scored or found > scored[key][0]:
                            scored[key] = (found, o)
                top = max((v[0] for v in scored.values()), default=None)
                best = [v[1] for v in scored.values() if v[0] == top]
                owner = best[0] if len(best) == 1 else None
                if owner is not None:
                    out.append(Mention(s, e, owner.label, "alias.contraction.v1", text[s:e], {"alias_of": owner.text}))
                    taken[s:e] = b"\x01" * n
                    break
    return out


#: X（原名Y）: Y is X's old name
_OLD_IN_BRACKETS_RE = re.compile(r"\s*[(（]\s*(?:原名|原称|原为|前称|曾用名|旧称)\s*[:：]?\s*$")
#: Y更名为X
_RENAMED_TO_RE = re.compile(r"^\s*(?:已|正式|将|拟|于[0-9]{4}年)?(?:更名为|改名为|改称|更名)\s*[“\"「]?$")
#: 这家企业原名Y / 该公司原名Y / ，原名Y: Y is the old name of the firm the text is about
_FORMERLY_RE = re.compile(r"(?:原名|原称|前称|曾用名)\s*[:：]?\s*$")


def link_renames(sh: str, mentions: list[Mention]) -> None:
    """Mark the old names of renamed organisations ``alias_of`` their new names, in place."""
    orgs = [m for m in mentions if m.label in ("Company", "Institution", "GovernmentAgency", "Park")]
    for k, old in enumerate(orgs):
        new = None
        before = sh[max(0, old.start - 8):old.start]
        if _OLD_IN_BRACKETS_RE.search(before):
            new = next((m for m in reversed(orgs[:k]) if _OLD_IN_BRACKETS_RE.fullmatch(sh, m.end, old.start)), None)
        elif _FORMERLY_RE.search(before):
            # the firm named last before, within the sentence or the one before it
            new = next((m for m in reversed(orgs[:k]) if m.label == old.label and old.start - m.end <= 80), None)
        if new is None and k + 1 < len(orgs):
            nxt = orgs[k + 1]
            if nxt.label == old.label and _RENAMED_TO_RE.match(sh[old.end:nxt.start]):
                new = nxt
        if new is not None and new is not old and "alias_of" not in old.attrs and sh[new.start:new.end] != sh[old.start:old.end]:
            old.attrs["alias_of"] = new.attrs.get("alias_of") or new.text
    # the old name elsewhere in the report is the same renamed body (ANNOTATION.md: one entity)
    renamed = {(m.label, sh[m.start:m.end]): m.attrs["alias_of"] for m in orgs if "alias_of" in m.attrs}
    for m in orgs:
        target = renamed.get((m.label, sh[m.start:m.end]))
        if target is not None and "alias_of" not in m.attrs and m.text != target:
            m.attrs["alias_of"] = target
