"""Segmenting: cut a long report into bounded pieces and merge the pieces' results back.

Owns: :func:`pieces` (where a report is cut so that no rule or model reads more than
``PIECE_CHARS`` characters at once, whatever the punctuation) and :func:`merge_results` (the
contract objects of a report's pieces, offsets shifted back into the report, as one contract
object). Several steps of the extractor are document-wide: names found once are propagated to
every repeat, short forms are linked pairwise to full names, tables look back for their caption.
On one report of a million characters these grow with the square of its length; on pieces of
at most ``PIECE_CHARS`` characters the whole extraction is linear in the report's length, and
its memory is bounded by a piece.

A piece ends at the strongest boundary found in the second half of its window: a blank line
(paragraphs), a line break (list items, table rows), a sentence stop, a clause mark, a space,
a change of script (Han / Latin-digit / other), and only where none of these occurs, at the cap
itself. A name never holds a line break or a sentence stop, so only reports with neither in
``PIECE_CHARS / 2`` characters can have a name cut. Reports no longer than ``PIECE_CHARS`` are
read whole, exactly as before (every real report of the development corpus is).

What is lost across a cut: a short form declared in one piece and used in another is linked by
name only (the same written name is one entity across pieces, see :func:`merge_results`), and a
relation whose evidence would straddle the cut is not found.
Must not: change offsets (every span it hands on points into the report's text).
"""

from __future__ import annotations

import re
from typing import Any

from ..text import normalise_name

# The cap on a piece. Larger than any report of the real corpus (at most ~1,100 characters) and
# than every seed and development report (at most ~11,100), so those are read whole; small
# enough that the document-wide steps stay cheap (extraction time per character is flat from
# here down, see bench/scale.py).
PIECE_CHARS = 12_000

# strongest first: paragraph, line, sentence, clause, space
_BOUNDARIES = (
    re.compile(r"\n[ \t\u3000\r]*\n"),
    re.compile(r"\n"),
    re.compile(r"[。！？!?；;]+[”’」』）)]*"),
    re.compile(r"[，、,：:]"),
    re.compile(r"[ \t\u3000\r\f\v]+"),
)


def _script(ch: str) -> int:
    if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf":
        return 0
    if ch.isascii() and ch.isalnum():
        return 1
    return 2


def _cut(text: str, lo: int, hi: int) -> int:
    """The end of the piece: after the last strongest boundary in ``text[lo:hi]``; ``hi`` if none."""
    for pattern in _BOUNDARIES:
        last = None
        for last in pattern.finditer(text, lo, hi):
            pass
        if last is not None and last.end() > lo:
            return last.end()
    for k in range(hi - 1, lo, -1):
        if _script(text[k - 1]) != _script(text[k]):
            return k
    return hi


def pieces(text: str, cap: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` spans that cover ``text`` in order, without gaps, each at most ``cap``
    characters long (default ``PIECE_CHARS``). A text of at most ``cap`` characters is one piece.

    >>> pieces("甲乙丙。丁戊己。庚", cap=6)
    [(0, 4), (4, 9)]
    >>> pieces("abc", cap=10)
    [(0, 3)]
    """
    cap = PIECE_CHARS if cap is None else cap
    if cap < 2:
        raise ValueError("a piece holds at least 2 characters")
    spans: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while n - start > cap:
        end = _cut(text, start + cap // 2, start + cap)
        spans.append((start, end))
        start = end
    if start < n or not spans:
        spans.append((start, n))
    return spans


def merge_results(doc_id: str, parts: list[tuple[int, dict[str, Any]]]) -> dict[str, Any]:
    """One contract object from the contract objects of a report's pieces.

    ``parts`` are ``(offset, result)`` in text order, ``offset`` the start of the piece in the
    report. Mentions and evidence spans are shifted by it; entities of the same type that share
    a name or an alias (normalised) are one entity; its name is the longest of its names, the
    others are aliases; ids are ``e1``, ``e2``, … by first mention, as for a report read whole;
    repeated relations are dropped and compatible ones merged as ``to_contract`` does.
    """
    from ..resolution import combine_names
    from . import merge_compatible

    if len(parts) == 1 and parts[0][0] == 0:
        return dict(parts[0][1], doc=doc_id)
    from networkx.utils import UnionFind  # the well-kept union-find (as kg.resolution's groups use networkx)

    uf = UnionFind()
    records: list[dict[str, Any]] = []
    by_key: dict[tuple[str, str], int] = {}
    local: list[dict[str, int]] = []
    for offset, result in parts:
        ids: dict[str, int] = {}
        for ent in result["entities"]:
            i = len(records)
            uf[i]  # noqa: B018  (a UnionFind item is created on first lookup)
            records.append({
                "type": ent["type"],
                "names": [ent["name"], *ent.get("aliases", [])],
                "mentions": [[s + offset, e + offset] for s, e in ent["mentions"]],
            })
            ids[ent["id"]] = i
            for name in records[i]["names"]:
                key = (ent["type"], normalise_name(name))
                if key in by_key:
                    uf.union(i, by_key[key])
                else:
                    by_key[key] = i
        local.append(ids)
    groups: dict[int, list[int]] = {}
    for i in range(len(records)):
        groups.setdefault(uf[i], []).append(i)
    merged = []
    for root, members in groups.items():
        ents = [{"name": records[i]["names"][0], "aliases": records[i]["names"][1:], "mentions": records[i]["mentions"]} for i in members]
        merged.append((members[0], root, {"type": records[members[0]]["type"], **combine_names(ents)}))
    # ordered by first mention, then by first record (a group's root is any of its members)
    merged.sort(key=lambda item: (item[2]["mentions"][0] if item[2]["mentions"] else [0, 0], item[0]))
    new_id = {}
    entities = []
    for n, (_, root, ent) in enumerate(merged, start=1):
        new_id[root] = f"e{n}"
        entities.append({"id": f"e{n}", **ent})
    relations = []
    seen_rel: set[tuple[Any, ...]] = set()
    for (offset, result), ids in zip(parts, local):
        for rel in result["relations"]:
            rel = dict(rel)
            rel["subject"] = new_id[uf[ids[rel["subject"]]]]
            if rel["predicate"] != "standardsCount" and rel.get("object") in ids:
                rel["object"] = new_id[uf[ids[rel["object"]]]]
            if rel["subject"] == rel.get("object"):
                continue
            if rel.get("evidence_span") is not None:
                rel["evidence_span"] = [rel["evidence_span"][0] + offset, rel["evidence_span"][1] + offset]
            key = tuple(rel.get(k) for k in ("subject", "predicate", "object", "year", "edition", "grade", "count", "role"))
            if key in seen_rel:
                continue
            seen_rel.add(key)
            relations.append(rel)
    return {"doc": doc_id, "entities": entities, "relations": merge_compatible(relations)}
