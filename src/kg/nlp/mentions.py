"""Mentions: the ``Mention`` record the entity rules hand on, the labels, and span helpers.

Owns: ``Mention``, the nine contract labels and their precedence, choosing among overlapping
candidates (``resolve_overlaps``), and small helpers over the shadow text shared by the rule
modules (punctuation, clause starts, document titles, quotes, brackets).
Must not: compile patterns or read lexicons.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any


LABELS = (
    "Company",
    "GovernmentAgency",
    "Institution",
    "StandardsBody",
    "Park",
    "Place",
    "Award",
    "Standard",
    "Person",
)


ORG_LABELS = frozenset({"Company", "GovernmentAgency", "Institution", "StandardsBody"})


# Precedence when two candidates cover exactly the same characters.
PRIORITY = {
    "Standard": 9,
    "StandardsBody": 8,
    "Award": 7,
    "Company": 6,
    "Institution": 5,
    "GovernmentAgency": 4,
    "Park": 3,
    "Person": 2,
    "Place": 1,
}


#: (``not PUNCT.isdisjoint(s)`` is ``any(c in PUNCT for c in s)``, the loop in C)
PUNCT = set("+，,。．.！!？?；;：:、“”\"‘’'《》<>〈〉（）()【】[]{}—…-－~·／/\\|　 \t\r\n*#▲□■●◆★☆")


CJK_RE = re.compile(r"[\u4e00-\u9fff]")


DESCRIPTIVE_RE = re.compile(r"^第[0-9一二三四五六七八九十]+$|^(?:全资|控股)?子$|上市|[两各多三四五六七八九]级|最[大小强好优高新早]|唯一|之一|相关|有关|大型|首个|首家|级(?:及)?以上")


@dataclass
class Mention:
    """A span of the report that names an entity of ``label``."""

    start: int
    end: int
    label: str
    rule: str
    text: str
    attrs: dict[str, Any] = field(default_factory=dict)
    needs_context: bool = False


def _quoted_start(sh: str, s: int, e: int) -> int | None:
    """Where a name that ends right before a closing quote opens: ``“…suffix”`` within 30
    characters, with no punctuation inside; else None."""
    if sh[e:e + 1] not in ("”", "」", '"'):
        return None
    lo = max(0, s - 30)
    opening = max(sh.rfind("“", lo, s), sh.rfind("「", lo, s))
    if opening < 0 or not PUNCT.isdisjoint(sh[opening + 1:s]):
        return None
    return opening + 1


def _bracket_content(sh: str, close: int) -> str:
    """The text inside the bracket that closes at ``close`` (within 9 characters), or ''."""
    opening = max(sh.rfind("(", max(0, close - 9), close), sh.rfind("（", max(0, close - 9), close))
    return sh[opening + 1:close] if opening >= 0 else ""


def _trim_punct(sh: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` without punctuation or white space at either end."""
    while start < end and (sh[start] in PUNCT or sh[start].isspace()):
        start += 1
    while end > start and (sh[end - 1] in PUNCT or sh[end - 1].isspace()):
        end -= 1
    return start, end


def _segment_start(sh: str, pos: int, separators: str, window: int = 160) -> int:
    """Offset of the last separator before ``pos`` (within ``window`` characters), or -1."""
    lo = max(0, pos - window)
    found = max(sh.rfind(c, lo, pos) for c in separators)
    return found if found >= 0 else (lo - 1 if lo else -1)


def _inside_title(sh: str, pos: int) -> bool:
    """Is ``pos`` inside a 《document title》? Only bodies named there are entities."""
    left = sh.rfind("《", max(0, pos - 60), pos)
    return left >= 0 and sh.find("》", left, pos) < 0 and sh.find("》", pos, pos + 60) >= 0


def resolve_overlaps(cands: list[Mention], text: str) -> list[Mention]:
    """Keep the longest candidate, then the higher-priority label; drop what overlaps it."""
    cands.sort(key=lambda m: (-(m.end - m.start), -m.attrs.get("priority", PRIORITY[m.label]), m.start, m.rule))
    taken = bytearray(len(text) + 1)
    chosen: list[Mention] = []
    for m in cands:
        if any(taken[m.start:m.end]):
            continue
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
        chosen.append(m)
    chosen.sort(key=lambda m: (m.start, m.end))
    return chosen


def _word_spans(tok_starts: list[int], tok_ends: list[int], a: int, b: int) -> bool:
    """Does one word of the segmenter open at or before ``a`` and close at ``b``?"""
    i = bisect.bisect_right(tok_starts, a) - 1
    return i >= 0 and tok_ends[i] == b


def _in_order(short: str, full: str) -> bool:
    """Do the characters of ``short`` stand in ``full`` in order (台北市電腦公會 in 台北市電腦商業同業公會)?"""
    it = iter(full)
    return all(c in it for c in short)
