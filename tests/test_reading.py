"""Reading awkward inputs: encodings detected and named, HTML and .docx reduced to text, everything
else refused with a one-line reason, same-length repairs, long reports by segments.

Inputs are made at run time from the project's own seed reports (re-encoded, wrapped, cut),
or are small synthetic byte strings; no report text is stored in the repository.
"""

from __future__ import annotations

import codecs
import gzip
import io
import tarfile
import zipfile
from pathlib import Path

import pytest
import zhconv

from kg.errors import ReportError
from kg.reading import clean_text, decode_bytes, read_bytes, read_report, refusal
from kg.segments import cut_points, extract_report, merge

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "003_bcbdc7e4ef3b0b1e.txt"


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def traditional(seed_text) -> str:
    """The seed in Traditional characters, keeping only what Big5 can encode."""
    tw = zhconv.convert(seed_text, "zh-tw")
    return "".join(c for c in tw if c.encode("big5", errors="ignore") or c == "\n")


@pytest.mark.parametrize("encoding, expected", [
    ("utf-8", "utf-8"),
    ("utf-8-sig", "utf-8-sig"),
    ("utf-16", "utf-16-le"),  # Python writes a BOM, little-endian on this machine
    ("utf-16-be-bom", "utf-16-be"),
    ("utf-32", "utf-32-le"),
    ("gbk", "gbk"),
])
def test_simplified_encodings_detected_and_named(seed_text, encoding, expected):
    data = codecs.BOM_UTF16_BE + seed_text.encode("utf-16-be") if encoding == "utf-16-be-bom" else seed_text.encode(encoding)
    text, named = decode_bytes(data)
    assert text == seed_text
    assert named == expected


def test_gb18030_beyond_gbk_is_named_gb18030(seed_text):
    text = seed_text + "€𠀀"  # outside GBK: four-byte GB18030 sequences
    assert decode_bytes(text.encode("gb18030")) == (text, "gb18030")


def test_big5_is_not_read_as_gb18030(traditional):
    data = traditional.encode("big5")
    data.decode("gb18030")  # the trap: Big5 bytes are valid GB18030 too
    assert decode_bytes(data) == (traditional, "big5")


def test_big5_hkscs_named(traditional):
    text = traditional[:2000] + "佢哋嘅" + traditional[2000:]  # HKSCS characters, not in Big5
    assert decode_bytes(text.encode("big5hkscs")) == (text, "big5hkscs")


def test_report_records_hash_size_encoding(tmp_path, traditional):
    path = tmp_path / "tw.txt"
    path.write_bytes(traditional.encode("big5"))
    report = read_report(path)
    assert (report.id, report.encoding, report.format, report.size) == ("tw", "big5", "text", path.stat().st_size)
    assert len(report.sha256) == 64 and report.text == traditional


@pytest.mark.parametrize("data, reason", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "a PDF file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
    (b"GIF89a\x01\x00\x01\x00", "a GIF image"),
    (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "a WebP image"),
    (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c\x00\x04", "a 7-Zip archive"),
    (b"Rar!\x1a\x07\x01\x00", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 8, "a legacy Office file"),
    (b"\x7fELF\x02\x01\x01\x00", "an executable"),
    (b"", "file is empty"),
    (b" \n\t\r\n", "file is empty"),
    (b"abc\x00def", "file looks binary (NUL bytes)"),
])
def test_refusals_have_one_line_reasons(data, reason):
    found = refusal(data)
    assert found and found.startswith(reason) and "\n" not in found
    with pytest.raises(ReportError) as info:
        read_bytes(data, report_id="x", path="x.txt", suffix=".txt")
    assert str(info.value).startswith(f"x.txt: {reason}") and "\n" not in str(info.value)


def test_real_archives_refused(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("a.txt", "株洲")
    tar = io.BytesIO()
    with tarfile.open(fileobj=tar, mode="w") as t:
        info = tarfile.TarInfo("a.txt")
        info.size = 6
        t.addfile(info, io.BytesIO("株洲".encode()))
    assert refusal(buf.getvalue()).startswith("a zip archive")
    assert refusal(tar.getvalue()).startswith("a tar archive")
    assert refusal(gzip.compress("株洲".encode())).startswith("a gzip archive")


def test_control_characters_and_surrogates_keep_offsets():
    text = "株洲\x07市\x1b[0m场\ud800监管\x85局"
    cleaned, notes = clean_text(text)
    assert len(cleaned) == len(text)
    assert cleaned == "株洲 市 [0m场\ufffd监管 局"
    assert notes == ["3 control character(s) replaced by spaces", "1 lone surrogate(s) replaced by U+FFFD"]


def test_repairs_are_noted_in_the_report():
    report = read_bytes("株洲\x01市场监督管理局".encode("utf-8"), report_id="r")
    assert report.text == "株洲 市场监督管理局"
    assert report.notes == ("1 control character(s) replaced by spaces",)


def test_mostly_control_characters_is_binary():
    with pytest.raises(ReportError, match="looks binary"):
        read_bytes(bytes(range(1, 32)) * 20 + "株洲".encode(), report_id="r")


def test_a_few_bad_utf8_bytes_become_replacement_characters(seed_text):
    data = seed_text[:1000].encode("utf-8") + b"\xff" + seed_text[1000:].encode("utf-8")
    report = read_bytes(data, report_id="r")
    assert report.encoding == "utf-8" and report.text.count("\ufffd") == 1
    assert report.notes == ("1 undecodable byte sequence(s) replaced by U+FFFD",)


def test_utf16_with_a_lone_surrogate_is_read_and_noted(seed_text):
    body = seed_text[:100].encode("utf-16-le") + b"\x00\xd8" + seed_text[100:200].encode("utf-16-le")
    report = read_bytes(codecs.BOM_UTF16_LE + body, report_id="r")
    assert report.encoding == "utf-16-le"
    assert report.text == seed_text[:100] + "\ufffd" + seed_text[100:200]
    assert "replaced by U+FFFD" in report.notes[0]


def _page(paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return ("<!DOCTYPE html><html><head><meta charset=\"gbk\"><title>t</title>"
            "<script>var secret = 'SCRIPT_TEXT';</script><style>p{color:red}</style></head>"
            f"<body><article><h1>{paragraphs[0][:20]}</h1>\n{body}</article></body></html>")


def test_html_reduced_to_main_text(seed_text):
    paragraphs = [p for p in seed_text.splitlines() if len(p) > 30][:6]
    data = _page(paragraphs).encode("gbk", errors="ignore")
    for suffix in (".html", ".txt"):  # an HTML page saved as .txt is still HTML
        report = read_bytes(data, report_id="page", path=f"page{suffix}", suffix=suffix)
        assert report.format == "html" and report.encoding == "gbk"
        assert "SCRIPT_TEXT" not in report.text and "<p>" not in report.text and "color:red" not in report.text
        for p in paragraphs:
            assert p in report.text
        assert report.notes[-1].startswith("HTML reduced to its main text")


def test_html_without_text_refused():
    with pytest.raises(ReportError, match="holds no main text"):
        read_bytes(b"<!DOCTYPE html><html><body><script>x()</script></body></html>", report_id="p", suffix=".html")


def test_docx_read_in_document_order(tmp_path, seed_text):
    import docx

    paragraphs = [p for p in seed_text.splitlines() if len(p) > 20][:3]
    document = docx.Document()
    document.add_paragraph(paragraphs[0])
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "序号", "单位"
    table.cell(1, 0).text, table.cell(1, 1).text = "1", paragraphs[1][:10]
    document.add_paragraph(paragraphs[2])
    path = tmp_path / "notice.docx"
    document.save(path)
    report = read_report(path)
    assert report.format == "docx"
    assert report.text.split("\n") == [paragraphs[0], "序号\t单位", f"1\t{paragraphs[1][:10]}", paragraphs[2]]


def test_broken_docx_refused(tmp_path):
    path = tmp_path / "broken.docx"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("nothing.xml", "<a/>")
    path.write_bytes(buf.getvalue())
    with pytest.raises(ReportError, match="not a readable .docx document"):
        read_report(path)
    path.write_bytes(b"plain text pretending")
    with pytest.raises(ReportError, match="not a zip package"):
        read_report(path)


def test_cut_points_cover_the_text_and_respect_the_limit(seed_text):
    text = seed_text * 3
    points = cut_points(text, 2000)
    assert points[0][0] == 0 and points[-1][1] == len(text)
    assert all(a < b and b - a <= 2000 for a, b in points)
    assert all(points[i][1] == points[i + 1][0] for i in range(len(points) - 1))
    one_line = seed_text.replace("\n", "") * 2  # no line breaks: cut after a sentence end
    assert all(one_line[b - 1] in "。！？；!?;" for _, b in cut_points(one_line, 2000)[:-1])


def test_segmented_extraction_offsets_point_into_the_whole_text(seed_text):
    from kg.nlp import extract_many
    from kg.reading import Report
    from kg.text import normalise_name

    text = seed_text + "\n" + seed_text
    result = extract_report(Report(id="long", text=text), extract_many, limit=len(seed_text) + 1)
    whole = next(extract_many([Report(id="one", text=seed_text)]))
    assert result["doc"] == "long"
    assert len(result["entities"]) == len(whole["entities"])
    for entity in result["entities"]:
        names = {normalise_name(n) for n in [entity["name"], *entity["aliases"]]}
        for a, b in entity["mentions"]:
            assert 0 <= a < b <= len(text)
            assert normalise_name(text[a:b]) in names
    ids = {e["id"] for e in result["entities"]}
    for relation in result["relations"]:
        assert relation["subject"] in ids
        assert relation["object"] in ids or relation["predicate"] == "standardsCount"  # its object is a level
        a, b = relation["evidence_span"]
        assert 0 <= a < b <= len(text)
    assert sum(len(e["mentions"]) for e in result["entities"]) == 2 * sum(len(e["mentions"]) for e in whole["entities"])


def test_merge_joins_entities_sharing_a_name():
    one = {"entities": [{"id": "e1", "type": "Company", "name": "甲公司", "aliases": [], "mentions": [[0, 3]]}], "relations": []}
    two = {"entities": [{"id": "e1", "type": "Company", "name": "甲有限公司", "aliases": ["甲公司"], "mentions": [[1, 6]]}], "relations": []}
    merged = merge("d", [(0, one), (10, two)])
    assert merged["entities"] == [{"id": "e1", "type": "Company", "name": "甲有限公司", "aliases": ["甲公司"], "mentions": [[0, 3], [11, 16]]}]
