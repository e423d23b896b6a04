"""kg build accounts for every input (build/manifest.json), refuses bad files without stopping,
--strict, and rebuilds incrementally to exactly what a clean build gives.

The awkward inputs are made at run time from the seed reports (re-encoded, wrapped) or are small
synthetic byte strings.
"""

from __future__ import annotations

import codecs
import json
import shutil
from pathlib import Path

import pytest
import zhconv
from click.testing import CliRunner

from kg.cli import main
from kg.manifest import Entry, Manifest, plan
from kg.store import open_store

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SMALL = ["002_4cbe676130c98876", "004_ed2ff3182028a480"]  # the two shortest seeds, to keep builds quick


def _build(*args: str):
    return CliRunner().invoke(main, ["build", *args])


def _dump(store_dir: Path) -> bytes:
    store = open_store("oxigraph", store_dir)
    try:
        return store.dump(format="trig")
    finally:
        store.close()


def _awkward_folder(folder: Path) -> dict[str, str]:
    """Good reports in several encodings and formats, and bad files; returns id -> expected status."""
    folder.mkdir(parents=True)
    a = (SEEDS / f"{SMALL[0]}.txt").read_text(encoding="utf-8")
    b = (SEEDS / f"{SMALL[1]}.txt").read_text(encoding="utf-8")
    tw = "".join(c for c in zhconv.convert(b, "zh-tw") if c.encode("big5", errors="ignore") or c == "\n")
    (folder / "utf8_bom.txt").write_bytes(codecs.BOM_UTF8 + a.encode("utf-8"))
    (folder / "utf16.txt").write_bytes(a.encode("utf-16"))
    (folder / "gbk.md").write_bytes(b.encode("gbk"))
    (folder / "big5.txt").write_bytes(tw.encode("big5"))
    paragraphs = "".join(f"<p>{p}</p>" for p in a.splitlines() if p.strip())
    (folder / "page.html").write_text(f"<!DOCTYPE html><html><head><meta charset='utf-8'><script>alert(1)</script></head><body><article>{paragraphs}</article></body></html>", encoding="utf-8")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    (folder / "fake.txt").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blob.md").write_bytes(bytes(range(256)))
    (folder / "sub").mkdir()
    (folder / "sub" / "gbk.txt").write_bytes(b"duplicate id")
    return {"utf8_bom": "processed", "utf16": "processed", "gbk": "processed", "big5": "processed", "page": "processed",
            "scan": "refused", "fake": "refused", "photo": "refused", "empty": "refused", "blob": "refused"}


@pytest.fixture(scope="module")
def awkward(tmp_path_factory):
    base = tmp_path_factory.mktemp("awkward")
    expected = _awkward_folder(base / "in")
    result = _build(str(base / "in"), "--store", str(base / "store"), "--out", str(base / "out"))
    return {"base": base, "expected": expected, "result": result,
            "manifest": json.loads((base / "out" / "manifest.json").read_text(encoding="utf-8"))}


def test_every_input_accounted_for(awkward):
    result, manifest = awkward["result"], awkward["manifest"]
    assert result.exit_code == 0, result.output
    counts = manifest["counts"]
    assert counts["inputs"] == 11 == counts["processed"] + counts["skipped"] + counts["refused"]
    assert (counts["processed"], counts["skipped"], counts["refused"]) == (5, 0, 6)
    statuses = {e["id"]: e["status"] for e in manifest["entries"] if not e["path"].endswith("sub/gbk.txt")}
    assert statuses == awkward["expected"]
    assert "Inputs: 11 file(s): 5 processed, 0 skipped (unchanged), 6 refused" in result.output
    assert "Built 5 report(s)" in result.output


def test_refusals_carry_reasons(awkward):
    reasons = {Path(e["path"]).name: e["reason"] for e in awkward["manifest"]["entries"] if e["status"] == "refused"}
    assert reasons["scan.pdf"].startswith("not a report file type (.pdf)")
    assert reasons["fake.txt"].startswith("a PDF file")
    assert reasons["photo.txt"].startswith("a PNG image")
    assert reasons["empty.txt"].startswith("file is empty")
    assert reasons["blob.md"].startswith("file looks binary")
    assert reasons["gbk.txt"].startswith("report id 'gbk' is also used by")
    assert all("\n" not in r for r in reasons.values())
    for name in reasons:
        assert f"refused {awkward['base'] / 'in'}" in awkward["result"].output


def test_entries_name_encoding_hash_size_and_kept_text(awkward):
    out = awkward["base"] / "out"
    entries = {e["id"]: e for e in awkward["manifest"]["entries"] if e["status"] == "processed"}
    assert {i: e["encoding"] for i, e in entries.items()} == {
        "utf8_bom": "utf-8-sig", "utf16": "utf-16-le", "gbk": "gbk", "big5": "big5", "page": "utf-8"}
    assert entries["page"]["format"] == "html"
    for entry in entries.values():
        path = Path(entry["path"])
        assert entry["size"] == path.stat().st_size
        assert len(entry["sha256"]) == 64 and entry["time"].endswith("Z")
        assert (out / entry["text"]).is_file()
    page = (out / entries["page"]["text"]).read_text(encoding="utf-8")
    assert "alert(1)" not in page and "<p>" not in page


def test_offsets_point_into_the_kept_text(awkward):
    """Every provenance span of the HTML report points into texts/page.txt."""
    text = (awkward["base"] / "out" / "texts" / "page.txt").read_text(encoding="utf-8")
    result = CliRunner().invoke(main, ["query", "sources", "--store", str(awkward["base"] / "store"), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = [(r["start"], r["end"], r["sentence"]) for r in json.loads(result.output) if r["report"] == "page"]
    assert rows
    for start, end, sentence in rows:
        assert text[int(start):int(end)] == sentence


def test_strict_exits_non_zero_but_builds(awkward, tmp_path):
    result = _build(str(awkward["base"] / "in"), "--store", str(tmp_path / "s"), "--out", str(tmp_path / "o"), "--strict", "-q")
    assert result.exit_code == 2
    assert result.output.strip().startswith("Error: --strict: 6 input(s) refused")
    assert json.loads((tmp_path / "o" / "manifest.json").read_text(encoding="utf-8"))["counts"]["processed"] == 5


def test_nothing_readable_is_an_error(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_bytes(b"%PDF-1.4\n")
    result = _build(str(tmp_path / "in"), "--store", str(tmp_path / "s"), "--out", str(tmp_path / "o"), "-q")
    assert result.exit_code == 2
    assert "no input could be read (1 refused" in result.output


def test_incremental_rebuild_equals_a_clean_build(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for name in ("000_66955eca26816a37", *SMALL):
        shutil.copy(SEEDS / f"{name}.txt", src)
    store, out = tmp_path / "store", tmp_path / "out"
    assert _build(str(src), "--store", str(store), "--out", str(out), "-q").exit_code == 0
    # change one report, delete one, add one
    changed = src / f"{SMALL[0]}.txt"
    changed.write_text(changed.read_text(encoding="utf-8").split("\n\n", 1)[-1], encoding="utf-8")
    (src / "000_66955eca26816a37.txt").unlink()
    shutil.copy(SEEDS / "003_bcbdc7e4ef3b0b1e.txt", src)
    result = _build(str(src), "--store", str(store), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "1 skipped (unchanged)" in result.output and "2 processed" in result.output and "1 removed" in result.output
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert {e["id"]: e["status"] for e in manifest["entries"]} == {SMALL[0]: "processed", SMALL[1]: "skipped", "003_bcbdc7e4ef3b0b1e": "processed"}
    assert [r["id"] for r in manifest["removed"]] == ["000_66955eca26816a37"]
    assert not (out / "texts" / "000_66955eca26816a37.txt").exists()
    clean_store, clean_out = tmp_path / "clean_store", tmp_path / "clean_out"
    assert _build(str(src), "--store", str(clean_store), "--out", str(clean_out), "-q").exit_code == 0
    assert _dump(store) == _dump(clean_store)
    assert (out / "graph.ttl").read_bytes() == (clean_out / "graph.ttl").read_bytes()
    assert sorted(p.name for p in (out / "texts").iterdir()) == sorted(p.name for p in (clean_out / "texts").iterdir())
    assert sorted(p.name for p in (out / "cache").iterdir()) == sorted(p.name for p in (clean_out / "cache").iterdir())


def test_manifest_api_counts_and_plan(tmp_path):
    manifest = Manifest(store="s", extractor="x")
    manifest.record(Entry(id="a", path="a.txt", sha256="1", status="processed"))
    manifest.refuse("b", "b.pdf", "a PDF file")
    assert manifest.counts() == {"inputs": 2, "processed": 1, "skipped": 0, "refused": 1, "removed": 0, "stored": 0}
    manifest.check()
    with pytest.raises(ValueError):
        Entry(id="c", path="c", status="lost")
    manifest.write(tmp_path / "m.json")
    again = Manifest.load(tmp_path / "m.json")
    assert again.counts() == manifest.counts() and again.entries[1].reason == "a PDF file"
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    assert Manifest.load(tmp_path / "bad.json") is None
    from kg.manifest import Stored

    previous = Manifest(store="s", extractor="x", stored=[Stored(id="a", path="a.txt", sha256="1")])
    assert plan(previous, "a", "1", "x") == "unchanged"
    assert plan(previous, "a", "2", "x") == "changed"
    assert plan(previous, "a", "1", "y") == "changed"
    assert plan(previous, "z", "1", "x") == "new"
    assert plan(None, "a", "1", "x") == "new"


def test_a_report_that_turns_bad_loses_its_statements(tmp_path):
    src, store, out = tmp_path / "in", tmp_path / "store", tmp_path / "out"
    src.mkdir()
    for name in SMALL:
        shutil.copy(SEEDS / f"{name}.txt", src)
    assert _build(str(src), "--store", str(store), "--out", str(out), "-q").exit_code == 0
    (src / f"{SMALL[0]}.txt").write_bytes(b"%PDF-1.4\n")
    result = _build(str(src), "--store", str(store), "--out", str(out), "-q")
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    entry = next(e for e in manifest["entries"] if e["id"] == SMALL[0])
    assert entry["status"] == "refused" and entry["reason"].startswith("a PDF file")
    assert entry["notes"] == ["the statements of an earlier build of this report were removed"]
    assert [s["id"] for s in manifest["stored"]] == [SMALL[1]]
    assert not (out / "texts" / f"{SMALL[0]}.txt").exists()
    reopened = open_store("oxigraph", store)
    try:
        assert reopened.reports() == [SMALL[1]]
    finally:
        reopened.close()


def _stamp(store: Path) -> str | None:
    from kg.store import store_stamp

    return store_stamp(store)


def test_a_rebuild_that_changes_nothing_reuses_the_store_and_outputs(tmp_path):
    """Nothing new, changed or gone and the store as the last build left it (its stamp): the
    store and the output files are kept as they are, the summary is the last build's."""
    src = tmp_path / "in"
    src.mkdir()
    for name in SMALL:
        shutil.copy(SEEDS / f"{name}.txt", src)
    store, out = tmp_path / "store", tmp_path / "out"
    first = _build(str(src), "--store", str(store), "--out", str(out))
    assert first.exit_code == 0, first.output
    stamp, ttl = _stamp(store), (out / "graph.ttl").stat().st_mtime_ns
    assert stamp and json.loads((out / "manifest.json").read_text(encoding="utf-8"))["outputs"]["stamp"] == stamp
    # a read-only command between builds (RocksDB rewrites its files on opening) changes nothing
    assert CliRunner().invoke(main, ["query", "awards", "--store", str(store)]).exit_code == 0
    again = _build(str(src), "--store", str(store), "--out", str(out))
    assert again.exit_code == 0, again.output
    assert "2 skipped (unchanged)" in again.output
    assert again.output.split("Inputs:")[1].split("\n", 1)[1] == first.output.split("Inputs:")[1].split("\n", 1)[1]
    assert _stamp(store) == stamp and (out / "graph.ttl").stat().st_mtime_ns == ttl


@pytest.mark.parametrize("change", ["load", "page gone", "validate", "other out"])
def test_a_rebuild_after_a_change_outside_the_reports_rebuilds(tmp_path, change):
    """A kg command that wrote to the store, an output file gone, a validation the last build
    skipped, or another build of the store since: the store and the outputs are built again."""
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEEDS / f"{SMALL[0]}.txt", src)
    store, out = tmp_path / "store", tmp_path / "out"
    flags = ["--no-validate"] if change == "validate" else []
    assert _build(str(src), "--store", str(store), "--out", str(out), "-q", *flags).exit_code == 0
    stamp = _stamp(store)
    if change == "load":
        extra = tmp_path / "extra.ttl"
        extra.write_text("<https://example.org/x> <https://example.org/p> \"加载的\" .\n", encoding="utf-8")
        assert CliRunner().invoke(main, ["load", str(extra), "--store", str(store)]).exit_code == 0
        assert _stamp(store) not in (None, stamp)
    elif change == "page gone":
        (out / "graph.html").unlink()
    elif change == "other out":
        assert _build(str(src), "--store", str(store), "--out", str(tmp_path / "out2"), "-q").exit_code == 0
    mtime = (out / "graph.ttl").stat().st_mtime_ns if (out / "graph.ttl").exists() else None
    result = _build(str(src), "--store", str(store), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert (out / "graph.html").exists() and (out / "graph.ttl").stat().st_mtime_ns != mtime
    if change == "load":
        assert "加载的" in (out / "graph.ttl").read_text(encoding="utf-8")
    if change == "validate":
        assert "SHACL: the graph conforms" in result.output
