"""Manifest: the account of a build, one record per input, written to ``<out>/manifest.json``.

Owns: the record of each input file (``Entry``: id, path, sha256, size, encoding, format, status,
reason, notes, time), the counts that must add up (inputs = processed + skipped + refused), the
list of reports the store holds after the build with the hash of the text each was built from
(``stored``: what an incremental rebuild compares against), the planning of a rebuild against
the previous manifest (:func:`plan`: new, changed, unchanged, deleted), and reading and writing
the file (atomically). Must not: read reports, extract, or touch the store.

Statuses: ``processed`` (new or changed since the last completed build, extracted), ``skipped``
(the same bytes as in the last completed build with the same extractor: not extracted again),
``refused`` (not read; ``reason`` says why in one line). Reports of earlier builds whose files are
gone are listed under ``removed``; their statements left the store.

The file is deterministic apart from the ``time`` of each entry, the build's ``started`` and
``finished`` and the store's stamp in ``outputs`` (a random token, :data:`kg.store.STAMP_NAME`):
the same inputs and store give the same manifest otherwise. A rebuild in which no input is new,
changed or gone, of a store no kg command wrote to since (the same stamp), with its output files
in place, reuses the store and the outputs as they are (``kg.build``).
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

STATUSES = ("processed", "skipped", "refused")
FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"


def now() -> str:
    """The current UTC time, ISO 8601 to the second."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Entry:
    """One input file and what the build did with it."""

    id: str
    path: str
    sha256: str = ""
    size: int = 0
    encoding: str | None = None
    format: str | None = None
    status: str = "processed"
    reason: str = ""
    notes: list[str] = field(default_factory=list)
    time: str = ""
    text: str | None = None  # the kept text offsets point into, relative to the manifest's folder

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"unknown status {self.status!r}; one of {', '.join(STATUSES)}")


@dataclass
class Stored:
    """A report the store holds: the bytes (``sha256``) and file it was built from."""

    id: str
    path: str
    sha256: str
    cache_key: str = ""  # key of its extraction result in the build's cache, if any


@dataclass
class Manifest:
    """The whole account; ``entries`` in input order, ``stored`` and ``removed`` sorted by id."""

    store: str = ""
    extractor: str = ""  # fingerprint of the extractor (code and data) the results came from
    started: str = ""
    finished: str = ""
    entries: list[Entry] = field(default_factory=list)
    stored: list[Stored] = field(default_factory=list)
    removed: list[Stored] = field(default_factory=list)
    strict: bool = False
    #: what the build wrote and found (``triples``, ``graph_counts``, ``validated``, ``conforms``,
    #: ``shacl_report``, ``files``) and the store's stamp after it (``stamp``, kg.store): a rebuild
    #: that changes nothing reuses them
    outputs: dict[str, Any] = field(default_factory=dict)

    # -- recording --------------------------------------------------------------------------

    def record(self, entry: Entry) -> Entry:
        """Add the record of one input (stamped with the time if it has none); return it."""
        if not entry.time:
            entry.time = now()
        self.entries.append(entry)
        return entry

    def refuse(self, report_id: str, path: str, reason: str, *, sha256: str = "", size: int = 0) -> Entry:
        """Record an input that was not read, with its one-line reason."""
        return self.record(Entry(id=report_id, path=path, sha256=sha256, size=size, status="refused", reason=reason))

    # -- reading back -----------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """``inputs``, one count per status, and ``removed``, ``stored``; inputs always equal the
        sum of the statuses (:meth:`check` asserts it)."""
        out = {"inputs": len(self.entries)}
        for status in STATUSES:
            out[status] = sum(1 for e in self.entries if e.status == status)
        out["removed"] = len(self.removed)
        out["stored"] = len(self.stored)
        return out

    def check(self) -> None:
        """Raise ``AssertionError`` unless the numbers add up and every refusal has a reason."""
        counts = self.counts()
        assert counts["inputs"] == sum(counts[s] for s in STATUSES), counts
        assert all(e.reason for e in self.entries if e.status == "refused"), "a refusal without a reason"

    def refused(self) -> list[Entry]:
        return [e for e in self.entries if e.status == "refused"]

    def stored_by_id(self) -> dict[str, Stored]:
        return {s.id: s for s in self.stored}

    def as_dict(self) -> dict[str, Any]:
        return {
            "version": FORMAT_VERSION,
            "store": self.store,
            "extractor": self.extractor,
            "strict": self.strict,
            "started": self.started,
            "finished": self.finished,
            "counts": self.counts(),
            "entries": [asdict(e) for e in self.entries],
            "stored": [asdict(s) for s in sorted(self.stored, key=lambda s: s.id)],
            "removed": [asdict(s) for s in sorted(self.removed, key=lambda s: s.id)],
            "outputs": self.outputs,
        }

    def to_json(self) -> bytes:
        return (json.dumps(self.as_dict(), ensure_ascii=False, indent=2) + "\n").encode("utf-8")

    def write(self, path: str | os.PathLike[str]) -> None:
        """Write the manifest atomically (a reader sees the old file or the new one)."""
        from .store import atomic_write

        self.check()
        atomic_write(path, self.to_json())

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Manifest":
        return cls(
            store=data.get("store", ""),
            extractor=data.get("extractor", ""),
            started=data.get("started", ""),
            finished=data.get("finished", ""),
            strict=bool(data.get("strict", False)),
            entries=[Entry(**e) for e in data.get("entries", [])],
            stored=[Stored(**s) for s in data.get("stored", [])],
            removed=[Stored(**s) for s in data.get("removed", [])],
            outputs=dict(data.get("outputs") or {}),
        )

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> "Manifest | None":
        """The manifest at ``path``, or ``None`` when there is none or it cannot be read (a
        rebuild then treats every report as new)."""
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            if data.get("version") != FORMAT_VERSION:
                return None
            return cls.from_dict(data)
        except (OSError, ValueError, TypeError, KeyError):
            return None


def plan(previous: Manifest | None, report_id: str, sha256: str, extractor: str) -> str:
    """``new``, ``changed`` or ``unchanged``: how input ``report_id`` with bytes ``sha256``
    compares with what the previous build stored (a different extractor changes everything)."""
    if previous is None:
        return "new"
    stored = previous.stored_by_id().get(report_id)
    if stored is None:
        return "new"
    if stored.sha256 != sha256 or previous.extractor != extractor:
        return "changed"
    return "unchanged"


def deleted(previous: Manifest | None, input_ids: set[str]) -> list[Stored]:
    """Reports the previous build stored whose files are gone (and that are no input now)."""
    if previous is None:
        return []
    return [s for s in previous.stored if s.id not in input_ids and not Path(s.path).exists()]
