"""The fuzz corpus tests/data/bad/ (made by tests/data/make_bad.py): one build takes every file,
processes the good ones, refuses the bad ones with their reasons, and the numbers add up."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from kg.cli import main

DATA = Path(__file__).resolve().parent / "data"


def test_one_build_takes_the_whole_bad_corpus(tmp_path):
    expected = json.loads((DATA / "bad_expected.json").read_text(encoding="utf-8"))
    assert len(expected) >= 25
    result = CliRunner().invoke(main, ["build", str(DATA / "bad"), "--store", str(tmp_path / "s"), "--out", str(tmp_path / "o"), "--strict"])
    refused = sum(1 for e in expected.values() if e["status"] == "refused")
    assert result.exit_code == 2, result.output  # --strict: refusals exit 2, after the build completed
    assert f"Error: --strict: {refused} input(s) refused" in result.output
    manifest = json.loads((tmp_path / "o" / "manifest.json").read_text(encoding="utf-8"))
    counts = manifest["counts"]
    assert counts["inputs"] == len(expected) == counts["processed"] + counts["skipped"] + counts["refused"]
    assert counts["refused"] == refused
    got = {Path(e["path"]).name: e for e in manifest["entries"]}
    assert set(got) == set(expected)
    for name, want in expected.items():
        entry = got[name]
        assert entry["status"] == want["status"], (name, entry)
        if want["status"] == "processed":
            assert entry["encoding"] == want["encoding"], (name, entry)
            text = (tmp_path / "o" / entry["text"]).read_text(encoding="utf-8")
            assert text.strip() and "SCRIPT" not in text
        else:
            assert entry["reason"].startswith(want["reason"]), (name, entry["reason"])
            assert "\n" not in entry["reason"]
    assert "SHACL: the graph conforms" in result.output
