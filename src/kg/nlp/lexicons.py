"""Entity rules' lexicons: the word tables the rules read and the regexes built from them.

Owns: loading the lexicon files of ``kg/data/lexicons`` (boundary words, generic words, the
administrative divisions with their short forms, countries, typed name lists), jieba's own
dictionary tags, and compiling word lists into prefix-trie regexes. Hands on cached tables.
Must not: find mentions (that is ``kg.nlp.rules`` and its scan).
"""

from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..resources import load_tsv, load_words
# the place table lives with the resolution's lexicons: resolving (a build's parent process) reads
# it without importing kg.nlp, whose package imports spaCy (+68 MB of RSS)
from ..resolution.lexicons import place_table  # noqa: F401
from .mentions import LABELS


def _opens_on_place(sh: str, start: int) -> bool:
    """Does the text at ``start`` open on a place name or a bare level word (省委, 市政府)? A
    coordinated name (发展和改革委员会) never goes on past a conjunction before one."""
    return sh[start:start + 1] in ("省", "市", "县", "区", "州") or any(sh[start:start + n] in place_table() for n in (4, 3, 2))


def _is_place_word(tok: str) -> bool:
    """A place name, or the short form of a county or district (沾益 of 沾益区, which jieba tags as
    a verb)."""
    places = place_table()
    return tok in places or tok + "区" in places or tok + "县" in places or tok + "市" in places or tok + "旗" in places


def _trie_pattern(words: list[str]) -> str:
    """A regex for ``words`` factored by common prefixes (longest alternative first).

    Python's ``re`` tries the alternatives of a flat ``a|b|c`` one by one at every position; a
    prefix trie lets it reject most positions after one character, which matters for the few
    thousand names of the administrative-division lexicon.
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        end = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return build(trie)


def _compile_alternation(words: list[str]) -> re.Pattern[str]:
    """Match the longest of ``words`` at each position (greedy optional tails of a trie)."""
    words = sorted(set(w for w in words if w))
    return re.compile(_trie_pattern(words))


class _Hit:
    """The part of ``re.Match`` that readers of a :class:`LongestWords` use."""

    __slots__ = ("_start", "_end", "_text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self._text, self._start, self._end = text, start, end

    def start(self, group: int = 0) -> int:
        return self._start

    def end(self, group: int = 0) -> int:
        return self._end

    def span(self, group: int = 0) -> tuple[int, int]:
        return self._start, self._end

    def group(self, group: int = 0) -> str:
        return self._text[self._start:self._end]


class LongestWords:
    """What ``_compile_alternation(words).finditer`` finds (from left to right, at each place
    the longest word that starts there, then on after it), found with dictionary look-ups.

    Python's ``re`` tries the branches of the trie's first level one by one at every position
    where one may start: for the ~7,000 names of the administrative divisions that scan was 7%
    of the extraction's time; here a position costs one look-up of its first two characters.
    """

    groupindex: dict[str, int] = {}

    def __init__(self, words: Iterable[str]) -> None:
        self.words = frozenset(w for w in words if w)
        heads: dict[str, set[int]] = {}
        for w in self.words:
            heads.setdefault(w[:2], set()).add(len(w))
        #: the lengths of the words of two or more characters, longest first, by their first two
        self._heads = {h: tuple(sorted((n for n in ns if n >= 2), reverse=True)) for h, ns in heads.items()}
        self._single = frozenset(w for w in self.words if len(w) == 1)
        self.pattern = f"<{len(self.words)} words>"
        # the characters a word starts with, as a class ``re`` scans for in C: a third of a
        # report's characters start a place name; the others were a Python step each
        firsts = sorted({w[0] for w in self.words})
        self._starts = re.compile("[" + "".join(re.escape(c) for c in firsts) + "]") if firsts else None

    def _longest_at(self, text: str, i: int) -> int:
        left = len(text) - i
        for n in self._heads.get(text[i:i + 2], ()):
            if n <= left and text[i:i + n] in self.words:  # a slice stops short at the end
                return n
        return 1 if text[i] in self._single else 0

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[_Hit]:
        if endpos is not None and endpos < len(text):
            text = text[:endpos]  # as re: nothing past endpos is seen
        heads, single = self._heads, self._single
        if self._starts is None:
            return
        start = self._starts.search
        i, n = pos, len(text)
        while i < n:
            hit = start(text, i)
            if hit is None:
                return
            i = hit.start()
            lengths = heads.get(text[i:i + 2])
            if lengths is None and text[i] not in single:
                i += 1
                continue
            k = self._longest_at(text, i)
            if k:
                yield _Hit(text, i, i + k)
                i += k
            else:
                i += 1

    def match(self, text: str, pos: int = 0) -> _Hit | None:
        k = self._longest_at(text, pos) if pos < len(text) else 0
        return _Hit(text, pos, pos + k) if k else None


@lru_cache(maxsize=1)
def boundary_words() -> frozenset[str]:
    return frozenset(load_words("boundaries.tsv"))


@lru_cache(maxsize=1)
def _jieba_dictionary() -> tuple[dict[str, str], dict[str, int]]:
    """jieba's own dictionary (``word freq tag`` lines), read once: tags and counts by word."""
    import jieba

    path = Path(jieba.__file__).with_name("dict.txt")
    tags: dict[str, str] = {}
    freq: dict[str, int] = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) == 3:
                tags[parts[0]] = parts[2]
                freq[parts[0]] = int(parts[1])
    return tags, freq


def jieba_tags() -> dict[str, str]:
    """Part-of-speech tags of jieba's own dictionary, general knowledge of Chinese that tells a
    verb (推进, 发挥) or a pronoun from a word that can sit in a name."""
    return _jieba_dictionary()[0]


def jieba_freq() -> dict[str, int]:
    """How often jieba's own dictionary counts each word: a common word (推动, 支持) is no brand."""
    return _jieba_dictionary()[1]


# tags that end a name when scanning leftwards: verbs, adverbs, prepositions, conjunctions,
# pronouns, particles, numerals, measure words, time words
# jieba's time-word tag "t" is not among them: it also marks place words inside names (襄阳|隆中|客车);
# the time words that do end names (今年, 目前, 届时) are in boundaries.tsv
STOP_TAGS = frozenset({"v", "d", "ad", "p", "c", "r", "u", "ud", "uj", "ul", "uv", "uz", "ug", "q", "y", "e", "o", "tg", "zg", "vd", "vg"})


# county names that are also ordinary nouns (山西's 城区, 郊区): never a place on their own
GENERIC_PLACE_NAMES = frozenset({"城区", "郊区", "矿区", "新区", "市辖区", "市中区", "县", "区"})


@lru_cache(maxsize=None)
def generic_words(name: str = "generic_words.tsv") -> frozenset[str]:
    return frozenset(load_words(name))


@lru_cache(maxsize=1)
def agency_names() -> frozenset[str]:
    """Every name and alias of the agencies' lexicon (国务院, 中共中央, 国办)."""
    return frozenset(surface for surface, _ in _lexicon_entries("agencies.tsv"))


def _lexicon_entries(name: str) -> list[tuple[str, str | None]]:
    """``(surface, label or None)`` pairs of a lexicon: name column, aliases column, optional type."""
    out: list[tuple[str, str | None]] = []
    for row in load_tsv(name):
        label = None
        if len(row) >= 3 and row[1] in LABELS:
            label, aliases = row[1], row[2]
        else:
            aliases = row[1] if len(row) > 1 else ""
        out.append((row[0], label))
        out.extend((a.strip(), label) for a in aliases.split(",") if a.strip())
    return out
