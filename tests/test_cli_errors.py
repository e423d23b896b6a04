"""Bad input: one line naming the file, a non-zero exit, never a traceback."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from kg.cli import main


def _invoke(*args):
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize("command", ["extract", "build"])
def test_error_missing_path(command, tmp_path):
    missing = tmp_path / "nope.txt"
    result = _invoke(command, str(missing), *(["--store", str(tmp_path / "s"), "--out", str(tmp_path / "o")] if command == "build" else []))
    assert result.exit_code == 2
    assert result.output.strip() == f"Error: {missing}: no such file or folder."
    assert "Traceback" not in result.output


def test_error_folder_without_reports(tmp_path):
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    result = _invoke("extract", str(tmp_path))
    assert result.exit_code == 2
    assert result.output.strip() == f"Error: {tmp_path}: folder holds no reports (.txt, .md, .html, .docx)."


def test_error_empty_file(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n")
    result = _invoke("extract", str(empty))
    assert result.exit_code == 2
    assert result.output.strip() == f"Error: {empty}: file is empty. kg reads text reports (.txt/.md), HTML pages and .docx files."


def test_error_binary_file(tmp_path):
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    result = _invoke("extract", str(binary))
    assert result.exit_code == 2
    assert result.output.strip() == f"Error: {binary}: a PNG image, not a text report. kg reads text reports (.txt/.md), HTML pages and .docx files."


def test_error_binary_file_without_magic(tmp_path):
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    result = _invoke("extract", str(binary))
    assert result.exit_code == 2
    assert result.output.strip() == f"Error: {binary}: file looks binary (NUL bytes). kg reads text reports (.txt/.md), HTML pages and .docx files."


def test_error_query_without_store(tmp_path):
    result = _invoke("query", "awards", "--store", str(tmp_path / "none"))
    assert result.exit_code == 1
    assert "no store here" in result.output and "kg build" in result.output


def test_error_unknown_query(built):
    result = _invoke("query", "nosuchquery", "--store", str(built["store"]))
    assert result.exit_code == 1
    assert result.output.startswith("Error: unknown query 'nosuchquery'")


def test_error_bad_sparql(built):
    result = _invoke("query", "-e", "SELECT WHERE {", "--store", str(built["store"]))
    assert result.exit_code == 1
    assert result.output.startswith("Error: ")
    assert "Traceback" not in result.output


def test_error_bad_param(built):
    result = _invoke("query", "awards", "--param", "novalue", "--store", str(built["store"]))
    assert result.exit_code == 1
    assert "KEY=VALUE" in result.output
