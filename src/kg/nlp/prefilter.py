"""Prefilter: a compiled pattern's matches, tried only where its first character may stand.

Owns: ``first_chars`` (the characters any match of a regular expression may start with, read off
its parse tree) and ``Prefiltered`` (``finditer`` that jumps from one such character to the
next with a character class, and tries the pattern only there).
Why: Python's ``re`` skips ahead to a literal prefix or a set of first characters only when the
pattern opens on one; a pattern whose branches open on a look-behind
(``(?<!技术|准化)委员会|(?<![布格…])局…``) is tried with every branch at every position of the
text. For the entity patterns that scan was most of ``EntityRules.candidates``' own time.
Must not: change a match. A match can start only at a character of ``first_chars`` (a superset
is fine), look-behinds still see the text before the position tried (``match(text, pos)`` does
not cut the text), and a pattern that may match the empty string is not prefiltered.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

try:  # Python 3.11+
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

#: a prefilter only pays where its characters are few (the class is scanned in C, then one
#: Python step per candidate position)
MAX_FIRST_CHARS = 400


@lru_cache(maxsize=1)
def _whitespace() -> frozenset[str]:
    """The characters ``\\s`` matches in a str pattern (``re`` tests them with the same
    predicate as ``str.isspace``): about 25 of them."""
    return frozenset(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace())


def _class_chars(av: Any, space: set[str] | frozenset[str]) -> set[str] | None:
    """The characters of a parsed character class, ``space`` standing for ``\\s``; None where they
    cannot be listed (NEGATE, another category such as \\d or \\w, a range too wide)."""
    chars: set[str] = set()
    for iop, iav in av:
        if iop is _c.LITERAL:
            chars.add(chr(iav))
        elif iop is _c.RANGE and iav[1] - iav[0] <= MAX_FIRST_CHARS:
            chars.update(chr(c) for c in range(iav[0], iav[1] + 1))
        elif iop is _c.CATEGORY and iav is _c.CATEGORY_SPACE:
            chars |= space
        else:
            return None
    return chars


def _first_of_seq(items: Any) -> tuple[set[str] | None, bool]:
    """(first characters, can the sequence match empty) of a parsed sequence; None: any character."""
    out: set[str] = set()
    for op, av in items:
        first, nullable = _first_of_item(op, av)
        if first is None:
            return None, False
        out |= first
        if not nullable:
            return out, False
    return out, True


def _first_of_item(op: Any, av: Any) -> tuple[set[str] | None, bool]:
    if op is _c.LITERAL:
        return {chr(av)}, False
    if op is _c.IN:
        return _class_chars(av, _whitespace()), False  # \s: what str.isspace holds for, as re reads it
    if op is _c.SUBPATTERN:
        return _first_of_seq(av[-1])
    if op is _c.BRANCH:
        out: set[str] = set()
        nullable = False
        for branch in av[1]:
            first, empty = _first_of_seq(branch)
            if first is None:
                return None, False
            out |= first
            nullable = nullable or empty
        return out, nullable
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        lo, _, item = av
        first, empty = _first_of_seq(item)
        return first, (empty or lo == 0) if first is not None else False
    if op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
        # zero width: a look-behind, a look-ahead, ^ $ \b; the next item gives the first character
        # (a look-ahead only narrows it, so skipping it keeps a superset)
        return set(), True
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _first_of_seq(av)
    return None, False  # ANY (.), a category, a back-reference, a conditional: any character


def first_chars(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The characters a non-empty match of ``pattern`` may start with, or None where they cannot
    be listed (a wildcard or a category first, a case-insensitive pattern, a pattern that may
    match the empty string)."""
    if pattern.flags & (re.IGNORECASE | re.VERBOSE) or not isinstance(pattern.pattern, str):
        return None
    parsed = _p.parse(pattern.pattern, pattern.flags)
    first, nullable = _first_of_seq(parsed)
    if first is None or nullable or not first:
        return None
    return frozenset(first)


def _chars_of_seq(items: Any, out: set[str]) -> bool:
    for op, av in items:
        if not _chars_of_item(op, av, out):
            return False
    return True


def _chars_of_item(op: Any, av: Any, out: set[str]) -> bool:
    if op is _c.LITERAL:
        out.add(chr(av))
        return True
    if op is _c.IN:
        chars = _class_chars(av, {SPACE})
        if chars is None:
            return False
        out |= chars
        return True
    if op is _c.SUBPATTERN:
        return _chars_of_seq(av[-1], out)
    if op is _c.BRANCH:
        return all(_chars_of_seq(branch, out) for branch in av[1])
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        return _chars_of_seq(av[2], out)
    if op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
        return True  # zero width: consumes nothing
    return False


#: stands for ``\s`` (any character ``str.isspace`` holds for, as ``re`` reads ``\s``) in ``chars_of``
SPACE = r"\s"


def chars_of(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Every character a match of ``pattern`` may consume (``SPACE`` for ``\\s``), or None where
    they cannot be listed (a wildcard, a negated class, another category, a wide range, a flag)."""
    if pattern.flags & (re.IGNORECASE | re.VERBOSE) or not isinstance(pattern.pattern, str):
        return None
    out: set[str] = set()
    return frozenset(out) if _chars_of_seq(_p.parse(pattern.pattern, pattern.flags), out) else None


class Prefiltered:
    """``finditer`` of ``pattern`` by trying it only where one of its first characters stands:
    the same matches (``re`` tries each position from left to right and, after a match, goes on
    at its end; a position whose character opens no match yields nothing there)."""

    def __init__(self, pattern: re.Pattern[str], chars: frozenset[str]) -> None:
        self.pattern = pattern
        self._scan = re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        match, scan = self.pattern.match, self._scan.search
        pos = 0
        while True:
            hit = scan(text, pos)
            if hit is None:
                return
            at = hit.start()
            m = match(text, at)
            if m is None:
                pos = at + 1
            else:
                yield m
                pos = m.end()  # not empty: first_chars refuses a pattern that can match empty


def re_skips_ahead(pattern: re.Pattern[str]) -> bool:
    """Does ``re`` itself skip to where a match may start? It does (``_compiler._get_charset_prefix``
    and ``_get_literal_prefix``) when the pattern, inside its groups, opens on a literal, a
    character class, or alternatives that each open on a literal; a prefilter is then slower
    than ``re`` (measured on the dev reports: ``award.title_suffix.v1`` 0.004 s against 0.011 s)."""
    data = _p.parse(pattern.pattern, pattern.flags).data
    while data and data[0][0] is _c.SUBPATTERN:
        data = data[0][1][-1].data
    if not data:
        return False
    op, av = data[0]
    if op in (_c.LITERAL, _c.IN):
        return True
    if op is _c.BRANCH:
        return all(branch.data and branch.data[0][0] is _c.LITERAL for branch in av[1])
    return False


def prefiltered(pattern: re.Pattern[str]) -> Prefiltered | None:
    """A ``Prefiltered`` for ``pattern`` where ``re`` cannot skip ahead by itself, else None
    (see ``first_chars`` and ``re_skips_ahead``)."""
    if not isinstance(pattern, re.Pattern) or re_skips_ahead(pattern):
        return None
    chars = first_chars(pattern)
    if chars is None or len(chars) > MAX_FIRST_CHARS:
        return None
    return Prefiltered(pattern, chars)


# -- an anchor further in: a character every match holds a bounded distance from its start ----

#: how far from a match's start its anchor may stand (a candidate start is tried for each
#: position in that reach before an anchor)
MAX_ANCHOR_REACH = 16


def _anchor_of_seq(items: Any, state: Any) -> tuple[set[str], int, int] | None:
    """(characters, lo, hi) of the first required item of a parsed sequence that is one of a
    few characters: every match of the sequence holds one of them ``lo`` to ``hi`` characters
    after its start (the widths of the items before it). None where there is none within
    ``MAX_ANCHOR_REACH``."""
    lo = hi = 0
    for op, av in items:
        found = _anchor_of_item(op, av, state)
        if found is not None:
            chars, a, b = found
            return (chars, lo + a, hi + b) if hi + b <= MAX_ANCHOR_REACH else None
        width = _p.SubPattern(state, [(op, av)]).getwidth()
        lo, hi = lo + width[0], hi + width[1]
        if hi > MAX_ANCHOR_REACH:
            return None
    return None


def _anchor_of_item(op: Any, av: Any, state: Any) -> tuple[set[str], int, int] | None:
    if op is _c.LITERAL:
        return {chr(av)}, 0, 0
    if op is _c.IN:
        chars = _class_chars(av, _whitespace())
        return (chars, 0, 0) if chars is not None and len(chars) <= MAX_FIRST_CHARS else None
    if op is _c.SUBPATTERN:
        return _anchor_of_seq(av[-1].data, state)
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _anchor_of_seq(av.data, state)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)) and av[0] >= 1:
        return _anchor_of_seq(av[2].data, state)  # its first repetition is required
    if op is _c.BRANCH:
        chars: set[str] = set()
        lo, hi = MAX_ANCHOR_REACH + 1, 0
        for branch in av[1]:
            found = _anchor_of_seq(branch.data, state)
            if found is None:
                return None  # a branch without one: no character every match holds
            chars |= found[0]
            lo, hi = min(lo, found[1]), max(hi, found[2])
        return chars, lo, hi
    return None  # zero width (look-arounds, ^, \b), a wildcard, a category, a back-reference


def anchor(pattern: re.Pattern[str]) -> tuple[frozenset[str], int, int] | None:
    """``(characters, lo, hi)``: every match of ``pattern`` holds one of ``characters`` at
    ``lo`` to ``hi`` characters from its start, or None where no such character is found
    (a case-insensitive or verbose pattern, a wildcard or wide class before any narrow one).

    >>> chars, lo, hi = anchor(re.compile(r"(?<=[，。])[\u4e00-\u9fff]{2,3}[（(]"))
    >>> sorted(chars), lo, hi
    (['(', '（'], 2, 3)
    """
    if pattern.flags & (re.IGNORECASE | re.VERBOSE) or not isinstance(pattern.pattern, str):
        return None
    parsed = _p.parse(pattern.pattern, pattern.flags)
    found = _anchor_of_seq(parsed.data, parsed.state)
    if found is None or not found[0]:
        return None
    return frozenset(found[0]), found[1], found[2]


class Anchored:
    """``pattern``'s ``finditer`` and ``search``, trying the pattern only ``lo`` to ``hi``
    characters before an anchor (``anchor``): a position with no anchor that far after it
    starts no match. The same matches as ``re`` (left to right, each search going on at the
    last match's end; ``pos`` and ``endpos`` as ``re`` reads them: look-behinds still see
    the text before ``pos``, nothing past ``endpos`` is seen). Everything else (``match``,
    ``fullmatch``, ``sub``, ``pattern``, ...) is the pattern's own, so an ``Anchored`` can
    stand where the compiled pattern stood.

    Why: ``re`` skips ahead only to a pattern's first characters; a pattern opening on a run of
    Han characters ([\u4e00-\u9fff]{2,8}、…) was tried at every Han character of the text."""

    def __init__(self, pattern: re.Pattern[str], chars: frozenset[str], lo: int, hi: int) -> None:
        self._pattern = pattern
        self._anchors = re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")
        self._lo, self._hi = lo, hi

    def __getattr__(self, name: str) -> Any:
        return getattr(self._pattern, name)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        n = len(text)
        end = n if endpos is None else max(0, min(endpos, n))
        match, find = self._pattern.match, self._anchors.search
        lo, hi = self._lo, self._hi
        p = max(0, pos)
        while p < end:
            hit = find(text, p + lo, end)  # the first anchor a match from p on could hold
            if hit is None:
                return
            q = hit.start()
            for start in range(max(p, q - hi), q - lo + 1):
                m = match(text, start, end)
                if m is not None:
                    yield m
                    p = m.end()  # never empty: the anchor is part of every match
                    break
            else:
                p = q - lo + 1

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        return next(self.finditer(text, pos, endpos), None)


def anchored(pattern: re.Pattern[str]) -> Anchored | re.Pattern[str]:
    """An ``Anchored`` for ``pattern`` where ``anchor`` finds one, else the pattern itself."""
    found = anchor(pattern)
    return pattern if found is None else Anchored(pattern, *found)
