"""Resources: load the package's data files (patterns, lexicons, triggers) by name.

Owns: finding files under ``kg/data`` through ``importlib.resources`` (never paths built from
the source tree), parsing TSV lexicons and JSONL rule files, and rejecting unknown keys with an
error that names file and line. Must not: interpret the rules (that is ``kg.nlp``'s job).
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from .errors import PatternError


def data_path(*parts: str):
    """A Traversable for ``kg/data/<parts>``."""
    node = resources.files("kg").joinpath("data")
    for part in parts:
        node = node.joinpath(part)
    return node


def read_text(*parts: str) -> str:
    node = data_path(*parts)
    try:
        return node.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise PatternError(f"kg/data/{'/'.join(parts)}: missing data file.") from exc


@lru_cache(maxsize=None)
def load_tsv(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of ``kg/data/lexicons/<name>``: ``#`` lines are comments, the first other line a header."""
    rows = []
    header_seen = False
    for line in read_text("lexicons", name).splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        rows.append(tuple(cell.strip() for cell in line.split("\t")))
    return tuple(rows)


def load_words(name: str) -> tuple[str, ...]:
    """All white-space separated words of a one-column lexicon (first cell of each row)."""
    words: list[str] = []
    for row in load_tsv(name):
        words.extend(row[0].split())
    return tuple(words)


@lru_cache(maxsize=None)
def load_jsonl(folder: str, name: str, allowed: frozenset[str], required: frozenset[str]) -> tuple[dict[str, Any], ...]:
    """Records of ``kg/data/<folder>/<name>``; unknown or missing keys are a PatternError."""
    records = []
    where = f"kg/data/{folder}/{name}"
    for lineno, line in enumerate(read_text(folder, name).splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise PatternError(f"{where}:{lineno}: invalid JSON ({exc.msg}).") from exc
        if not isinstance(record, dict):
            raise PatternError(f"{where}:{lineno}: expected an object.")
        unknown = set(record) - allowed
        if unknown:
            raise PatternError(f"{where}:{lineno}: unknown key(s) {sorted(unknown)}; allowed: {sorted(allowed)}.")
        missing = required - set(record)
        if missing:
            raise PatternError(f"{where}:{lineno}: missing key(s) {sorted(missing)}.")
        records.append(record)
    return tuple(records)
