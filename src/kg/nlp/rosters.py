"""Rosters: lines that each name one person and what the person is (组成人员 of a 领导小组, the
members of a committee, the officers of a city government).

Owns: reading a report's roster lines, as pasted one member a line:
``组 长:孙某 区委常委、副区长`` (a member label, the name, then bodies and posts), ``许 某 区发改局副局长``
(a name whose two characters a space sets apart, then body and post), ``吴某 某研究院副院长``, a name
alone on its line with its posts on the lines below, and ``龚某市长`` (a person and a post). Hands on
``RosterLine`` records (the name's span, the label the member is listed under, the post pieces of
the line and of its continuation lines) and the mentions the entity rules missed: the member (a
name set apart by spaces) and a local body before a post (区财政局|副局长). Vocabulary: ``kg/data/relations/roster.json`` and ``lexicons/roles.tsv``.
Must not: make relations (that is ``kg.nlp.relations.roster``).

Hand-written rather than a spaCy Matcher: a roster is a run of lines and the unit is the line.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..resources import read_text
from .rules import ORG_LABELS, Mention, _people_tables

HAN = r"[\u4e00-\u9fff]"
#: a line that goes on with a post the member holds as well: 兼市公安局局长,负责…
CONCURRENT_RE = re.compile(r"\s*(?:兼任|兼)")


@dataclass
class RosterLine:
    name: tuple[int, int]  # the person's name as written (spaces inside kept)
    label: str | None  # the member label the line is listed under (组长, 成员), spaces removed
    posts: list[tuple[int, int]] = field(default_factory=list)  # spans of 'body + post' pieces (、-separated)
    line: tuple[int, int] = (0, 0)
    alone: bool = False  # a person and a post, a line of their own (龚某市长)


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    data = json.loads(read_text("relations", "roster.json"))
    spaced = lambda w: r"\s*".join(w)  # noqa: E731  (组 长: a label spread to the width of 副组长)
    labels = sorted(data["labels"], key=len, reverse=True)
    return {
        "label": re.compile(r"\s*(?P<label>" + "|".join(spaced(w) for w in labels) + r")\s*[:：]\s*"),
        "bodies": tuple(data["member_bodies"]),
        "prefixes": tuple(data["post_prefixes"]),
        "max_name": data["max_name_chars"],
        "max_role": data["max_role_chars"],
        "body_levels": tuple(data["body_levels"]),
        "body_words": tuple(data["body_words"]),
    }


def _is_post(piece: str) -> bool:
    """A piece that ends on a post title (副局长, 党风政风监督室主任, 原总工程师)."""
    role_re = _people_tables()[0]
    v = vocabulary()
    piece = piece.strip()
    if not piece or len(piece) > 40:
        return False
    for k in range(len(piece)):
        tail = piece[k:]
        if role_re.fullmatch(tail):
            return True
    return piece.startswith(v["prefixes"]) and role_re.fullmatch(piece.lstrip("".join(v["prefixes"])))


def _name_at(sh: str, s: int, e: int, surnames: frozenset[str]) -> int | None:
    """End of a personal name opening the stretch ``sh[s:e]`` and set apart by white space after it
    (孙某某 …, 许 某 …), else None."""
    m = re.match(HAN + r"(?:[ \u3000]?" + HAN + "){1,3}", sh[s:e])
    if not m:
        return None
    for n in range(m.end(), 1, -1):  # the longest that is followed by a space or the line's end
        chars = re.sub(r"\s", "", sh[s:s + n])
        if not (2 <= len(chars) <= vocabulary()["max_name"]) or sh[s + n - 1].isspace():
            continue
        if s + n < e and not sh[s + n].isspace():
            continue
        if chars[0] in surnames or chars[:2] in surnames:
            return s + n
    return None


def roster_lines(sh: str, mentions: list[Mention]) -> list[RosterLine]:
    """The roster lines of a report: runs of two or more member lines (a member label line counts
    alone), each with the posts its line and its continuation lines give."""
    _, surnames, _, _ = _people_tables()
    role_re = _people_tables()[0]
    v = vocabulary()
    out: list[RosterLine] = []
    run: list[RosterLine] = []
    label: str | None = None
    pos = 0

    def close() -> None:
        nonlocal label
        if len(run) >= 2 or any(r.label or r.alone for r in run):
            out.extend(run)
        run.clear()
        label = None

    person_at = {m.start: m for m in mentions if m.label == "Person"}
    org_spans = sorted((m.start, m.end) for m in mentions if m.label in ORG_LABELS)
    org_starts = [a for a, _ in org_spans]

    def inside_org(k: int) -> bool:
        j = bisect.bisect_right(org_starts, k) - 1
        return any(org_spans[i][0] <= k < org_spans[i][1] for i in range(max(0, j - 3), j + 1))

    for line in sh.split("\n"):
        s, e = pos, pos + len(line.rstrip())
        pos += len(line) + 1
        s += len(line) - len(line.lstrip())
        if s >= e:
            continue
        lm = v["label"].match(sh, s, e)
        body = lm.end() if lm else s
        if lm:
            label = re.sub(r"\s", "", lm.group("label"))
            if body >= e:
                continue  # 副主任委员: the label of the members on the lines below
        person = person_at.get(body)
        person = person if person is not None and person.end <= e else None
        name_end = person.end if person else _name_at(sh, body, e, surnames)
        if name_end is not None and not inside_org(body):
            rest = sh[name_end:e].strip(" \u3000")
            if person and not rest and not lm and not run:
                name_end = None  # a name alone on a line opens a roster only after a label or a member
            elif rest and not _is_post(rest.split("、")[0].split(",")[0]) and not (person and role_re.fullmatch(rest)):
                name_end = None  # the rest of the line is no post: prose, not a member
        if name_end is not None:
            if lm is None and not run and person is None and not any(_is_post(p) for p in re.split(r"[、,]", sh[name_end:e])):
                close()
                continue  # 许 某 alone opens nothing
            r = RosterLine((body, name_end), label, [], (s, e))
            r.posts = _pieces(sh, name_end, e)
            if person is not None and lm is None and not run and role_re.fullmatch(sh[name_end:e].strip()):
                close()
                r.alone = True  # 龚某市长: a person and a post make a line of their own
            run.append(r)
            continue
        if run and lm is None and _is_post(sh[s:e].split("、")[0]) and e - s <= 40:
            run[-1].posts.extend(_pieces(sh, s, e))  # a post on its own line under its member
            continue
        also = CONCURRENT_RE.match(sh, s, e)
        if run and lm is None and also:
            clause_end = min([k for k in (sh.find(c, also.end(), e) for c in ",，。；;") if k >= 0] or [e])
            if _is_post(sh[also.end():clause_end]):
                run[-1].posts.extend(_pieces(sh, also.end(), clause_end))  # 兼某局局长,负责…: a post held as well
                continue
        close()
    close()
    return out


def _pieces(sh: str, s: int, e: int) -> list[tuple[int, int]]:
    """The 、-separated 'body + post' pieces of ``sh[s:e]``, white space trimmed."""
    out, a = [], s
    for k in range(s, e + 1):
        if k == e or sh[k] in "、,，;；":
            x, y = a, k
            while x < y and sh[x] in " \u3000":
                x += 1
            while y > x and sh[y - 1] in " \u3000。":
                y -= 1
            if y > x:
                out.append((x, y))
            a = k + 1
    return out


def roster_mentions(text: str, sh: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions for what a roster line names and no rule found: the member (许 某: a name set
    apart by a space) and a local government body before a post (区财政局|副局长: a body that opens
    on its level, 区/市/县, and ends on a body word, 局/中心/委员会)."""
    v = vocabulary()
    role_re = _people_tables()[0]
    have = {(m.start, m.end) for m in mentions if m.label == "Person"}
    out = []
    for r in roster_lines(sh, mentions):
        s, e = r.name
        if (s, e) not in have and not any(m.start < e and s < m.end for m in mentions):
            out.append(Mention(s, e, "Person", "person.roster_line.v1", text[s:e]))
        for a, b in r.posts:
            if any(m.start < b and a < m.end for m in mentions):
                continue
            cut = next((k for k in range(a + 3, b - 1) if role_re.fullmatch(sh, k, b)), None)
            if cut is not None and sh.startswith(v["body_levels"], a) and sh[a:cut].endswith(v["body_words"]):
                out.append(Mention(a, cut, "GovernmentAgency", "agency.roster_line.v1", text[a:cut]))
    return out
