"""Reading: find report files, tell what they are, decode them, hand on ``Report(id, path, text)``.

Owns: expanding paths into input files; recognising what a file is from its bytes (PDF, images,
archives, legacy Office files and other binaries are refused with a one-line reason); decoding
text (UTF-8 with or without BOM, UTF-16/UTF-32 with BOM, GB18030/GBK, Big5/Big5-HKSCS, detected
with charset-normalizer and named); reducing HTML to its main text (trafilatura) and reading
``.docx`` (python-docx); and the one-line errors for bad input.

The text handed on is the one every offset points into. It is the decoded text with exactly two
same-length repairs, each counted in ``Report.notes`` (so never silent): control characters other
than tab, newline, carriage return, vertical tab and form feed become a space, and lone surrogates
(and bytes that cannot be decoded in an otherwise valid UTF-8 or UTF-16 file) become U+FFFD. For
HTML and ``.docx`` the text is the extracted text, which the build keeps beside the store
(``texts/<id>.txt``). Must not: strip, normalise or otherwise change the text beyond that.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import ReportError

#: Plain-text report suffixes (a folder given to ``kg extract`` contributes these and the rest below).
TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
DOCX_SUFFIXES = (".docx",)
REPORT_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + DOCX_SUFFIXES
#: A larger file is refused before it is read, so that memory stays bounded.
MAX_REPORT_BYTES = 256 * 1024 * 1024
#: More than this share of control characters (after decoding) makes a file binary, not text.
MAX_CONTROL_SHARE = 0.05
#: Up to this share of undecodable bytes a UTF-8 file is read as UTF-8 with U+FFFD for each.
MAX_BAD_UTF8_SHARE = 0.001

_HINT = "kg reads text reports (.txt/.md), HTML pages and .docx files."


@dataclass(frozen=True)
class Report:
    """One report: ``id`` is the file name without extension; ``text`` is the text offsets point into.

    ``encoding`` names how the bytes were decoded, ``format`` is ``text``, ``html`` or ``docx``,
    ``notes`` lists the same-length repairs made (see the module), ``sha256`` and ``size`` are
    those of the file's bytes (empty and 0 for a report made in memory).
    """

    id: str
    text: str
    path: str | None = None
    encoding: str = "utf-8"
    format: str = "text"
    notes: tuple[str, ...] = ()
    sha256: str = ""
    size: int = 0


# -- what a file is ------------------------------------------------------------------------------

# (magic bytes at offset 0, one-line reason); checked before anything is decoded
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF file; convert it to text first (e.g. pdftotext)"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image, not a text report"),
    (b"\xff\xd8\xff", "a JPEG image, not a text report"),
    (b"GIF87a", "a GIF image, not a text report"),
    (b"GIF89a", "a GIF image, not a text report"),
    (b"II*\x00", "a TIFF image, not a text report"),
    (b"MM\x00*", "a TIFF image, not a text report"),
    (b"\x1f\x8b", "a gzip archive; unpack it first"),
    (b"BZh91AY&SY", "a bzip2 archive; unpack it first"),
    (b"\xfd7zXZ\x00", "an xz archive; unpack it first"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive; unpack it first"),
    (b"Rar!\x1a\x07", "a RAR archive; unpack it first"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Office file (.doc/.xls/.ppt); save it as .docx or text"),
    (b"\x7fELF", "an executable, not a text report"),
    (b"MZ", "a Windows executable, not a text report"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (  # UTF-32 first: its LE BOM starts like UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)


def refusal(data: bytes) -> str | None:
    """Why ``data`` is no report we read (one line), or ``None`` if it may be one.

    >>> refusal(b"%PDF-1.7 ...")
    'a PDF file; convert it to text first (e.g. pdftotext)'
    >>> refusal("株洲".encode("utf-8")) is None
    True
    """
    if not data.strip():
        return "file is empty"
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return "a WebP image, not a text report"
    if len(data) > 262 and data[257:262] == b"ustar":
        return "a tar archive; unpack it first"
    for magic, reason in _MAGIC:
        if data.startswith(magic):
            return reason
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return "a zip archive (or an Office file other than .docx); unpack it or save it as text"
    if not any(data.startswith(bom) for bom, _ in _BOMS) and b"\x00" in data[:65536]:
        return "file looks binary (NUL bytes)"
    return None


def is_html(data: bytes) -> bool:
    """Whether ``data`` starts like an HTML page (``<!DOCTYPE html`` or ``<html``)."""
    head = data[:4096]
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            head = head[len(bom):].decode(encoding.replace("-sig", ""), errors="ignore").encode("utf-8")
            break
    return bool(_HTML_START.match(head))


# -- decoding --------------------------------------------------------------------------------------

def decode_bytes(data: bytes, *, name: str = "<bytes>") -> tuple[str, str]:
    """Decode report bytes; return ``(text, encoding)``, the encoding named as Python names it.

    >>> decode_bytes("株洲".encode("gb18030"))
    ('株洲', 'gbk')
    >>> decode_bytes(codecs.BOM_UTF16_LE + "株洲".encode("utf-16-le"))
    ('株洲', 'utf-16-le')
    """
    text, encoding, _ = _decode(data, name=name)
    return text, encoding


def _decode(data: bytes, *, name: str) -> tuple[str, str, list[str]]:
    """``(text, encoding, notes)``; raises ``ReportError`` for what cannot be decoded."""
    reason = refusal(data)
    if reason:
        raise ReportError(f"{name}: {reason}. {_HINT}")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            codec = encoding.replace("-sig", "")
            try:
                text = body.decode(codec, "surrogatepass")  # surrogates: see clean_text
                if encoding == "utf-32-le" and any(0x40000 <= ord(c) < 0xE0000 for c in text):
                    continue  # FF FE 00 00 is also UTF-16's BOM and a NUL; planes 4-13 hold no characters
                return text, encoding, []
            except UnicodeDecodeError:
                if encoding == "utf-32-le":
                    continue  # FF FE 00 00 is also UTF-16's BOM before a NUL character
                text = body.decode(codec, errors="replace")
                bad = text.count("\ufffd") - body.decode(codec, errors="ignore").count("\ufffd")
                return text, encoding, [f"{bad} undecodable code unit(s) replaced by U+FFFD"]
    try:
        # surrogatepass: UTF-8 written by a program that let lone surrogates through (WTF-8);
        # clean_text then turns each into one U+FFFD, as in the text that was written
        return data.decode("utf-8", "surrogatepass"), "utf-8", []
    except UnicodeDecodeError:
        pass
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    if bad <= max(1, len(data) * MAX_BAD_UTF8_SHARE):
        return replaced, "utf-8", [f"{bad} undecodable byte sequence(s) replaced by U+FFFD"]
    encoding = _detect(data)
    if encoding is None:
        raise ReportError(
            f"{name}: cannot detect the text encoding (tried UTF-8, GB18030/GBK, Big5/Big5-HKSCS). {_HINT}"
        )
    return data.decode(encoding), encoding, []


def _strictly(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _detect(data: bytes) -> str | None:
    """The encoding of non-UTF-8 ``data``: charset-normalizer's pick, named within its family.

    GB18030 decodes almost any byte string, Big5 bytes included, so it is never tried first: a
    Big5 report read as GB18030 gives fluent-looking nonsense. charset-normalizer judges the
    decoded text; its answer is then named precisely (``gbk`` when the bytes are valid GBK, else
    ``gb18030``; ``big5`` when valid Big5, else ``big5hkscs``).
    """
    from charset_normalizer import from_bytes

    gb, big5 = _strictly(data, "gb18030"), _strictly(data, "big5hkscs")
    if gb and big5 and len(data) < SHORT_BYTES:
        # too few bytes for charset-normalizer to judge: pick the reading made of common characters
        gb_score = _common_share(data.decode("gb18030"))
        big5_score = _common_share(data.decode("big5hkscs"))
        if abs(gb_score - big5_score) > 0.1:
            return _gb_name(data) if gb_score > big5_score else _big5_name(data)
    best = from_bytes(data).best()
    found = codecs.lookup(best.encoding).name if best is not None and best.encoding else None
    if found in {"gb2312", "gbk", "gb18030", "hz"}:
        return _gb_name(data)
    if found in {"big5", "big5hkscs", "cp950"}:
        return _big5_name(data)
    if gb and big5:  # reports are Chinese: a Chinese reading before any other
        return _gb_name(data) if _common_share(data.decode("gb18030")) >= _common_share(data.decode("big5hkscs")) else _big5_name(data)
    if gb or big5:
        return _gb_name(data) if gb else _big5_name(data)
    return found if found and _strictly(data, found) else None


#: Below this many bytes, text that is valid GB18030 and valid Big5 is judged by common characters.
SHORT_BYTES = 1024


def _gb_name(data: bytes) -> str:
    return "gbk" if _strictly(data, "gbk") else "gb18030"


def _big5_name(data: bytes) -> str | None:
    for encoding in ("big5", "cp950", "big5hkscs"):
        if _strictly(data, encoding):
            return encoding
    return None


@lru_cache(maxsize=1)
def _common_chars() -> frozenset[str]:
    """The 3,000 most frequent characters of jieba's dictionary (Simplified)."""
    import jieba

    freq: Counter[str] = Counter()
    with jieba.get_dict_file() as handle:
        for line in handle:
            parts = line.decode("utf-8").split()
            if len(parts) >= 2 and parts[1].isdigit():
                for ch in parts[0]:
                    freq[ch] += int(parts[1])
    return frozenset(ch for ch, _ in freq.most_common(3000))


def _common_share(text: str) -> float:
    """The share of the CJK characters of ``text`` that are common (Traditional ones simplified)."""
    from .text import shadow

    cjk = [ch for ch in shadow(text) if "\u4e00" <= ch <= "\u9fff"]
    common = _common_chars()
    return sum(ch in common for ch in cjk) / len(cjk) if cjk else 0.0


_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_SURROGATES = re.compile(r"[\ud800-\udfff]")


def clean_text(text: str) -> tuple[str, list[str]]:
    """Same-length repairs: control characters (not tab, newlines, VT, FF) -> space, lone
    surrogates -> U+FFFD. Returns the text and a note per kind of repair made.

    >>> clean_text("a\\x07b\\ud800c")
    ('a b\\ufffdc', ['1 control character(s) replaced by spaces', '1 lone surrogate(s) replaced by U+FFFD'])
    """
    notes = []
    text, controls = _CONTROLS.subn(" ", text)
    if controls:
        notes.append(f"{controls} control character(s) replaced by spaces")
    text, surrogates = _SURROGATES.subn("\ufffd", text)
    if surrogates:
        notes.append(f"{surrogates} lone surrogate(s) replaced by U+FFFD")
    return text, notes


# -- HTML and .docx ----------------------------------------------------------------------------------

def html_to_text(html: str) -> str:
    """The main text of an HTML page (trafilatura: drops navigation, scripts, boilerplate; keeps
    paragraphs and tables), one block per line; ``""`` when the page holds no main text.

    trafilatura rather than plain lxml/selectolax text: a news or notice page carries menus,
    footers and link lists around the report, and those would become mentions of agencies and
    places the report never speaks about.
    """
    import logging

    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    text = trafilatura.extract(
        html, output_format="txt", include_tables=True, include_comments=False,
        include_images=False, include_links=False, favor_recall=True, deduplicate=False,
    )
    return text or ""


def _html_encoding(data: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` tag, if the bytes decode with it."""
    match = _META_CHARSET.search(data[:8192])
    if not match:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    if name in {"gb2312", "gbk"}:
        name = "gbk" if _strictly(data, "gbk") else "gb18030"
    return name if _strictly(data, name) else None


def docx_to_text(data: bytes, *, name: str = "<bytes>") -> str:
    """The text of a ``.docx`` document (python-docx): paragraphs and table rows in document
    order, one per line, a row's cells separated by tabs (as the table reader expects)."""
    import io
    import zipfile

    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError as exc:  # pragma: no cover - python-docx is a dependency
        raise ReportError(f"{name}: .docx needs python-docx (pip install python-docx).") from exc
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ReportError(f"{name}: not a readable .docx document ({type(exc).__name__}). {_HINT}") from exc
    except Exception as exc:  # noqa: BLE001 - python-docx raises assorted errors on damaged files
        raise ReportError(f"{name}: not a readable .docx document ({type(exc).__name__}). {_HINT}") from exc
    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, document).text)
        elif tag == "tbl":
            for row in Table(child, document).rows:
                cells: list[str] = []
                for cell in row.cells:
                    value = " ".join(cell.text.split("\n"))
                    if not cells or cells[-1] != value:  # a merged cell repeats; keep it once
                        cells.append(value)
                lines.append("\t".join(cells))
    return "\n".join(lines)


# -- reading files ---------------------------------------------------------------------------------

def read_bytes(data: bytes, *, report_id: str, path: str | None = None, suffix: str = "") -> Report:
    """Turn a file's bytes into a ``Report``; raises ``ReportError`` with a one-line reason."""
    name = path or report_id
    suffix = suffix.lower()
    digest = hashlib.sha256(data).hexdigest()
    if suffix in DOCX_SUFFIXES:
        if not data.startswith(b"PK\x03\x04"):
            raise ReportError(f"{name}: a .docx file that is not a zip package. {_HINT}")
        text, encoding, notes, fmt = docx_to_text(data, name=name), "docx", [], "docx"
        if not text.strip():
            raise ReportError(f"{name}: the .docx document holds no text.")
    elif suffix in HTML_SUFFIXES or (suffix in TEXT_SUFFIXES and is_html(data)):
        reason = refusal(data)
        if reason:
            raise ReportError(f"{name}: {reason}. {_HINT}")
        declared = _html_encoding(data)
        if declared:
            page, encoding, notes = data.decode(declared), declared, []
        else:
            page, encoding, notes = _decode(data, name=name)
        page, page_notes = clean_text(page)  # lxml refuses control characters and surrogates
        text, fmt = html_to_text(page), "html"
        if not text.strip():
            raise ReportError(f"{name}: the HTML page holds no main text.")
        notes = [*notes, *page_notes, f"HTML reduced to its main text ({len(text)} of {len(page)} characters)"]
    else:
        if suffix and suffix not in TEXT_SUFFIXES:
            raise ReportError(f"{name}: not a report file type ({suffix}). {_HINT}")
        text, encoding, notes = _decode(data, name=name)
        fmt = "text"
    controls = len(_CONTROLS.findall(text))
    if controls > MAX_CONTROL_SHARE * len(text) and controls > 8:
        raise ReportError(f"{name}: file looks binary ({controls} control characters). {_HINT}")
    text, repairs = clean_text(text)
    if not text.strip():
        raise ReportError(f"{name}: file is empty (only white space and control characters).")
    return Report(id=report_id, text=text, path=path, encoding=encoding, format=fmt,
                  notes=tuple(notes + repairs), sha256=digest, size=len(data))


def text_report(report_id: str, text: str, *, path: str | None = None) -> Report:
    """A report from text already in memory, with the same same-length repairs as a file's text
    (the extractor must not see lone surrogates: spaCy cannot hash them)."""
    cleaned, notes = clean_text(text)
    data = cleaned.encode("utf-8")
    return Report(id=report_id, text=cleaned, path=path, encoding="utf-8", notes=tuple(notes),
                  sha256=hashlib.sha256(data).hexdigest(), size=len(data))


def read_report(path: str | Path) -> Report:
    """Read one report file."""
    path = Path(path)
    if not path.exists():
        raise ReportError(f"{path}: no such file.")
    if not path.is_file():
        raise ReportError(f"{path}: not a file.")
    try:
        size = path.stat().st_size
        if size > MAX_REPORT_BYTES:
            raise ReportError(f"{path}: file too large ({size} bytes; the limit is {MAX_REPORT_BYTES}). Split it first.")
        data = path.read_bytes()
    except OSError as exc:
        raise ReportError(f"{path}: cannot read ({exc.strerror}).") from exc
    return read_bytes(data, report_id=path.stem, path=str(path), suffix=path.suffix)


def input_files(paths: Iterable[str | Path], *, every_file: bool = False) -> list[Path]:
    """Expand files and folders into a sorted, de-duplicated list of files.

    A folder contributes its report files (``REPORT_SUFFIXES``, recursively; with ``every_file``
    every file that is not hidden, so that a build can account for what it refuses). A missing
    path, or a folder with nothing to read, is an error naming it. Ids are not checked here.
    """
    found: dict[str, Path] = {}
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise ReportError(f"{path}: no such file or folder.")
        if path.is_dir():
            files = sorted(
                p for p in path.rglob("*")
                if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
                and (every_file or p.suffix.lower() in REPORT_SUFFIXES)
            )
            if not any(p.suffix.lower() in REPORT_SUFFIXES for p in files):
                raise ReportError(f"{path}: folder holds no reports (.txt, .md, .html, .docx).")
            for p in files:
                found.setdefault(str(p.resolve()), p)
        else:
            found.setdefault(str(path.resolve()), path)
    return sorted(found.values(), key=lambda p: (p.stem, str(p)))


def report_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Expand files and folders into a sorted, de-duplicated list of report files; two files
    with the same id (file name without extension) are an error."""
    files = input_files(paths)
    ids: dict[str, Path] = {}
    for p in files:
        if p.stem in ids:
            raise ReportError(f"{p}: report id {p.stem!r} is also used by {ids[p.stem]}; ids must be unique.")
        ids[p.stem] = p
    return files


def iter_reports(paths: Iterable[str | Path]) -> Iterator[Report]:
    """Yield each report under ``paths`` in a stable order."""
    for path in report_paths(paths):
        yield read_report(path)
