"""Reading: find report files, decode them, hand on ``Report(id, path, text)``.

Owns: expanding paths into report files (``.txt``/``.md``), decoding (UTF-8 with or without BOM,
GB18030/GBK, then charset-normalizer as a last resort), and the one-line errors for bad input.
The text is kept exactly as decoded (a UTF-8 BOM is not part of the text) so that every offset
the extractor emits points into it. Must not: strip, normalise or otherwise change the text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import ReportError

REPORT_SUFFIXES = (".txt", ".md")


@dataclass(frozen=True)
class Report:
    """One report: ``id`` is the file name without extension; ``text`` is the decoded text."""

    id: str
    text: str
    path: str | None = None
    encoding: str = "utf-8"


def decode_bytes(data: bytes, *, name: str = "<bytes>") -> tuple[str, str]:
    """Decode report bytes; return ``(text, encoding)``.

    >>> decode_bytes("株洲".encode("gb18030"))
    ('株洲', 'gb18030')
    """
    if not data.strip():
        raise ReportError(f"{name}: file is empty. Pass a UTF-8 or GB18030 report.")
    if b"\x00" in data[:8192]:
        raise ReportError(f"{name}: file looks binary (NUL bytes). Pass a UTF-8 or GB18030 report.")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text, ("utf-8" if encoding == "utf-8-sig" else encoding)
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise ReportError(f"{name}: cannot decode the file. Pass a UTF-8 or GB18030 report.")
    return str(best), best.encoding


def read_report(path: str | Path) -> Report:
    """Read one report file."""
    path = Path(path)
    if not path.exists():
        raise ReportError(f"{path}: no such file.")
    if not path.is_file():
        raise ReportError(f"{path}: not a file.")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReportError(f"{path}: cannot read ({exc.strerror}).") from exc
    text, encoding = decode_bytes(data, name=str(path))
    return Report(id=path.stem, text=text, path=str(path), encoding=encoding)


def report_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Expand files and folders into a sorted, de-duplicated list of report files.

    A folder contributes its ``.txt`` and ``.md`` files (recursively). A missing path or a
    folder with no reports is an error naming it.
    """
    found: dict[str, Path] = {}
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise ReportError(f"{path}: no such file or folder.")
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in REPORT_SUFFIXES)
            if not files:
                raise ReportError(f"{path}: folder holds no .txt or .md reports.")
            for p in files:
                found.setdefault(str(p.resolve()), p)
        else:
            found.setdefault(str(path.resolve()), path)
    ids: dict[str, Path] = {}
    for p in found.values():
        if p.stem in ids:
            raise ReportError(f"{p}: report id {p.stem!r} is also used by {ids[p.stem]}; ids must be unique.")
        ids[p.stem] = p
    return sorted(found.values(), key=lambda p: (p.stem, str(p)))


def iter_reports(paths: Iterable[str | Path]) -> Iterator[Report]:
    """Yield each report under ``paths`` in a stable order."""
    for path in report_paths(paths):
        yield read_report(path)
