"""Write the fuzz corpus ``tests/data/bad/``: nasty input files of every kind ``kg build`` must
take without stopping, and ``tests/data/bad_expected.json`` with what each should become.

Every file is made here from a few synthetic sentences (no report text is copied from anywhere).
Run it again after changing it; ``tests/test_bad_corpus.py`` builds the folder and checks the
manifest against the expectations.

    python tests/data/make_bad.py
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import shutil
import tarfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "bad"
EXPECTED = HERE / "bad_expected.json"

SIMPLIFIED = "示例市质量协会发布通知。\n示例科技有限公司获得2019年示例省质量奖。\n"
TRADITIONAL = "示例市品質協會發布通知。\n示例科技有限公司獲得2019年示例省品質獎。\n"


def files() -> dict[str, tuple[bytes, str, str]]:
    """name -> (bytes, expected status, expected encoding or the start of the refusal reason)."""
    docx_bytes = _docx()
    out: dict[str, tuple[bytes, str, str]] = {
        "utf8.txt": (SIMPLIFIED.encode("utf-8"), "processed", "utf-8"),
        "utf8_bom.txt": (codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"), "processed", "utf-8-sig"),
        "utf16le_bom.txt": (SIMPLIFIED.encode("utf-16"), "processed", "utf-16-le"),
        "utf16be_bom.txt": (codecs.BOM_UTF16_BE + SIMPLIFIED.encode("utf-16-be"), "processed", "utf-16-be"),
        "utf32_bom.txt": (SIMPLIFIED.encode("utf-32"), "processed", "utf-32-le"),
        "gbk.txt": ((SIMPLIFIED * 8).encode("gbk"), "processed", "gbk"),
        "gb18030_four_byte.txt": ((SIMPLIFIED * 8 + "𠀀€").encode("gb18030"), "processed", "gb18030"),
        "big5.txt": ((TRADITIONAL * 8).encode("big5"), "processed", "big5"),
        "big5hkscs.txt": ((TRADITIONAL * 8 + "佢哋嘅\n").encode("big5hkscs"), "processed", "big5hkscs"),
        "crlf.md": (SIMPLIFIED.replace("\n", "\r\n").encode("utf-8"), "processed", "utf-8"),
        "control_chars.txt": (("示例\x07市\x1b质量\x7f协会\x00" + SIMPLIFIED).encode("utf-8").replace(b"\x00", b""), "processed", "utf-8"),
        "bad_utf8_byte.txt": (SIMPLIFIED.encode("utf-8") * 20 + b"\xff" + SIMPLIFIED.encode("utf-8"), "processed", "utf-8"),
        "lone_surrogate_wtf8.txt": (SIMPLIFIED.encode("utf-8") + "\ud800".encode("utf-8", "surrogatepass") + SIMPLIFIED.encode("utf-8"), "processed", "utf-8"),
        "zero_width_and_marks.txt": (("\u200b\u200e\ufeff" + SIMPLIFIED + "\u2028\u202e").encode("utf-8"), "processed", "utf-8"),
        "one_long_line.txt": ((SIMPLIFIED.replace("\n", "") * 400).encode("utf-8"), "processed", "utf-8"),
        "page.html": (_html("utf-8").encode("utf-8"), "processed", "utf-8"),
        "page_gbk.htm": (_html("gbk").encode("gbk"), "processed", "gbk"),
        "html_saved_as.txt": (_html("utf-8").encode("utf-8"), "processed", "utf-8"),
        "notice.docx": (docx_bytes, "processed", "docx"),
        # refused
        "empty.txt": (b"", "refused", "file is empty"),
        "only_spaces.txt": (b" \r\n\t \n", "refused", "file is empty"),
        "only_controls.txt": (b"\x01\x02\x03\x04", "refused", "file is empty"),
        "scan.pdf": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "refused", "not a report file type (.pdf)"),
        "pdf_named_txt.txt": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "refused", "a PDF file"),
        "image.png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01", "refused", "not a report file type (.png)"),
        "jpeg_named_md.md": (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01", "refused", "a JPEG image"),
        "gif_named_txt.txt": (b"GIF89a\x01\x00\x01\x00\x80\x00\x00", "refused", "a GIF image"),
        "archive.zip": (_zip(), "refused", "not a report file type (.zip)"),
        "zip_named_txt.txt": (_zip(), "refused", "a zip archive"),
        "tar_named_txt.txt": (_tar(), "refused", "a tar archive"),
        "gzip_named_txt.txt": (gzip.compress(SIMPLIFIED.encode("utf-8"), mtime=0), "refused", "a gzip archive"),
        "legacy_office.txt": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64), "refused", "a legacy Office file"),
        "binary_with_nul.txt": (bytes(range(256)) * 4, "refused", "file looks binary (NUL bytes)"),
        "mostly_controls.txt": (bytes(range(1, 32)) * 10 + SIMPLIFIED.encode("utf-8"), "refused", "file looks binary"),
        "broken.docx": (_zip(), "refused", "not a readable .docx document"),
        "not_a_zip.docx": (SIMPLIFIED.encode("utf-8"), "refused", "a .docx file that is not a zip package"),
        "script_only.html": (b"<!DOCTYPE html><html><head><script>alert(1)</script></head><body></body></html>", "refused", "the HTML page holds no main text"),
        "same_id.md": (SIMPLIFIED.encode("utf-8"), "processed", "utf-8"),
        "same_id.txt": (SIMPLIFIED.encode("utf-8"), "refused", "report id 'same_id' is also used by"),
    }
    return out


def _html(charset: str) -> str:
    body = "".join(f"<p>{line}</p>" for line in SIMPLIFIED.splitlines())
    return (f"<!DOCTYPE html><html><head><meta charset=\"{charset}\"><title>通知</title>"
            "<script>document.write('<b>SCRIPT</b>')</script></head>"
            f"<body><nav>首页</nav><article><h1>通知</h1>{body}</article><footer>版权</footer></body></html>")


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        info = zipfile.ZipInfo("a.txt", date_time=(2020, 1, 1, 0, 0, 0))
        archive.writestr(info, SIMPLIFIED)
    return buf.getvalue()


def _tar() -> bytes:
    buf = io.BytesIO()
    data = SIMPLIFIED.encode("utf-8")
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.USTAR_FORMAT) as archive:
        info = tarfile.TarInfo("a.txt")
        info.size, info.mtime = len(data), 0
        archive.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def _docx() -> bytes:
    import docx

    document = docx.Document()
    import datetime

    document.core_properties.created = document.core_properties.modified = datetime.datetime(2020, 1, 1)
    for line in SIMPLIFIED.splitlines():
        document.add_paragraph(line)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "序号", "单位"
    table.cell(1, 0).text, table.cell(1, 1).text = "1", "示例科技有限公司"
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def main() -> None:
    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir(parents=True)
    expected = {}
    for name, (data, status, detail) in sorted(files().items()):
        (OUT / name).write_bytes(data)
        expected[name] = {"status": status, ("encoding" if status == "processed" else "reason"): detail}
    EXPECTED.write_text(json.dumps(expected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {len(expected)} files to {OUT}")


if __name__ == "__main__":
    main()
