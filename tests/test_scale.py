"""Scale (issue 14): bounded pieces with exact offsets, --jobs and Dask giving the same output.

Speed is measured in bench/ (bench/long_report.py, bench/scale.py), not here. Long texts are
derived at run time from the real reports (never stored) or from the seeds.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.nlp import segment
from kg.parallel import _ordered
from kg.text import normalise_name


def _joined(folder: Path, chars: int) -> str:
    texts, total = [], 0
    for path in sorted(folder.glob("*.txt")):
        texts.append(path.read_text(encoding="utf-8"))
        total += len(texts[-1])
        if total >= chars:
            break
    return "".join(texts)


@pytest.mark.parametrize("strip", [r"[。！？!?；;]", r"[。！？!?；;，、,：:\n]"], ids=["no-stop", "no-punctuation"])
def test_pieces_cover_the_text_in_bounded_order(corpus_docs, strip):
    text = re.sub(strip, "", _joined(corpus_docs, 60_000))
    for cap in (50, 700, 4000):
        spans = segment.pieces(text, cap)
        assert spans[0][0] == 0 and spans[-1][1] == len(text)
        assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
        assert all(0 < e - s <= cap for s, e in spans)


def test_pieces_prefer_line_and_sentence_ends():
    text = ("甲乙丙丁。" * 30 + "\n") * 4
    spans = segment.pieces(text, cap=100)
    assert all(text[e - 1] in "。\n" for _, e in spans[:-1])
    assert all(text[e - 1] == "\n" for _, e in segment.pieces(text, cap=200)[:-1])


def test_a_short_report_is_one_piece(seeds_dir):
    text = (seeds_dir / "001_bfa9c6f1daf1a010.txt").read_text(encoding="utf-8")
    assert segment.pieces(text) == [(0, len(text))]


def test_long_report_offsets_stay_exact(corpus_docs, monkeypatch):
    """A report read in pieces: every mention and evidence span points at its text in the report."""
    from kg.nlp import extract_text

    monkeypatch.setattr(segment, "PIECE_CHARS", 1500)
    text = _joined(corpus_docs, 6000).replace("。", "")
    assert len(segment.pieces(text)) >= 4
    result = extract_text(text, "long")
    assert result["entities"] and result["relations"]
    for entity in result["entities"]:
        names = {normalise_name(n) for n in [entity["name"], *entity["aliases"]]}
        for start, end in entity["mentions"]:
            assert normalise_name(text[start:end]) in names, (entity, text[start:end])
    for rel in result["relations"]:
        start, end = rel["evidence_span"]
        assert text[start:end] == rel["evidence"]
    ids = [e["id"] for e in result["entities"]]
    assert ids == [f"e{n}" for n in range(1, len(ids) + 1)]
    assert len({(e["type"], normalise_name(e["name"])) for e in result["entities"]}) == len(ids)


def test_ordered_keeps_a_bounded_window():
    in_flight, peak = set(), [0]

    class Done:
        def __init__(self, batch):
            self.batch = batch
            in_flight.add(batch[0])
            peak[0] = max(peak[0], len(in_flight))

        def result(self):
            in_flight.discard(self.batch[0])
            return self.batch

    out = list(_ordered(Done, ([i] for i in range(50)), window=3))
    assert out == list(range(50))
    assert peak[0] <= 3


@pytest.fixture(scope="module")
def mixed_reports(tmp_path_factory, corpus_docs, seeds_dir):
    """The seeds and 20 real reports, copied at run time into one folder (more than one batch)."""
    folder = tmp_path_factory.mktemp("mixed")
    for path in [*sorted(seeds_dir.glob("*.txt")), *sorted(corpus_docs.glob("*.txt"))[:20]]:
        shutil.copy(path, folder / path.name)
    return folder


def test_extract_jobs_output_is_byte_identical(mixed_reports):
    one = CliRunner().invoke(main, ["extract", str(mixed_reports), "--provenance", "--jobs", "1"])
    two = CliRunner().invoke(main, ["extract", str(mixed_reports), "--provenance", "--jobs", "2"])
    assert one.exit_code == 0, one.output
    assert two.exit_code == 0, two.output
    assert one.output.count("\n") == 25
    assert two.output == one.output


def _build(folder: Path, out: Path, *extra: str) -> bytes:
    result = CliRunner().invoke(main, ["build", str(folder), "--store", str(out / "store"), "--out", str(out),
                                       "--no-validate", "-q", *extra])
    assert result.exit_code == 0, result.output
    return (out / "graph.ttl").read_bytes()


@pytest.fixture(scope="module")
def graph_one_job(mixed_reports, tmp_path_factory):
    return _build(mixed_reports, tmp_path_factory.mktemp("one"), "--jobs", "1")


def test_build_jobs_graph_is_byte_identical(mixed_reports, graph_one_job, tmp_path):
    assert _build(mixed_reports, tmp_path, "--jobs", "2") == graph_one_job


def test_build_on_a_dask_cluster_gives_the_same_graph(mixed_reports, graph_one_job, tmp_path):
    """A real distributed.LocalCluster: 2 worker processes on 127.0.0.1, closed afterwards."""
    distributed = pytest.importorskip("distributed", reason="Dask is the optional extra kg[dask] (also in kg[test])")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None, silence_logs=40) as cluster:
        assert len(cluster.workers) == 2
        graph = _build(mixed_reports, tmp_path, "--dask", cluster.scheduler_address)
    assert graph == graph_one_job


def test_dask_address_that_answers_nothing_is_a_clear_error(seeds_dir, tmp_path):
    pytest.importorskip("distributed", reason="Dask is the optional extra kg[dask] (also in kg[test])")
    result = CliRunner().invoke(main, ["build", str(seeds_dir), "--store", str(tmp_path / "s"), "--out", str(tmp_path),
                                       "--dask", "tcp://127.0.0.1:9", "-q"])
    assert result.exit_code != 0
    assert "Error: cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.output


def test_shadow_keeps_every_offset_when_phrase_lengths_cancel_out():
    """zhconv turns 主機板 into 主板 (one shorter) and 伊利諾 into 伊利诺伊 (one longer): the total
    length is unchanged, but every offset between them would shift (a piece of a long report
    broke the tokenizer so). The shadow must stay aligned character by character."""
    from kg.text import shadow

    text = "甲主機板乙，丙伊利諾丁。"
    sh = shadow(text)
    assert len(sh) == len(text)
    assert [i for i, c in enumerate(text) if c in "甲乙丙丁。"] == [i for i, c in enumerate(sh) if c in "甲乙丙丁。"]


def test_a_bad_report_in_a_worker_is_a_one_line_error(mixed_reports, tmp_path):
    folder = tmp_path / "bad"
    shutil.copytree(mixed_reports, folder)
    (folder / "zz-empty.txt").write_bytes(b"")
    result = CliRunner().invoke(main, ["extract", str(folder), "--jobs", "2"])
    assert result.exit_code == 2
    assert "zz-empty.txt: file is empty" in result.output


def test_extraction_leaves_spacys_vocabulary_as_it_was(seeds_dir, monkeypatch):
    """Memory flat over a corpus: the words of the reports read are not kept in spaCy's
    vocabulary (each batch is read in a memory zone), and results are the same whatever the
    zone size."""
    import kg.nlp as nlp_module
    from kg.reading import read_report

    reports = [read_report(p) for p in sorted(seeds_dir.glob("*.txt"))[:6]]
    nlp = nlp_module.make_nlp()
    nlp("预热，钱俊君")
    # a first reading makes the words these reports read twice lasting (up to KEPT_WORDS, as any
    # earlier extraction in this process may already have): the test does not depend on what
    # other tests extracted in this process before it
    first = list(nlp_module.extract_many(reports))
    before = len(nlp.vocab.strings)
    one_zone = list(nlp_module.extract_many(reports))
    assert one_zone == first
    assert len(nlp.vocab.strings) == before
    monkeypatch.setattr(nlp_module, "ZONE_PIECES", 1)
    assert list(nlp_module.extract_many(reports)) == one_zone
    assert len(nlp.vocab.strings) == before


def _children(pid: int) -> list[int]:
    """Every descendant of ``pid``: the extraction host and the workers it starts."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parents[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
    out, frontier = [], {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier}
        out.extend(sorted(frontier))
    return out


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads worker processes from /proc (Linux)")
def test_workers_die_with_a_killed_build(seeds_dir, tmp_path):
    """A ``kg build --jobs 2`` killed with SIGKILL leaves no process behind: not the extraction host,
    nor the two workers it starts (each held ~300 MB)."""
    import os
    import signal
    import subprocess
    import sys
    import time

    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(root / "src"), os.environ.get("PYTHONPATH", "")])}
    process = subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(seeds_dir), "--store", str(tmp_path / "store"),
                                "--out", str(tmp_path / "out"), "-q", "--jobs", "2", "--no-validate"],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: list[int] = []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        workers = _children(process.pid)
        if len(workers) >= 3:
            break
        time.sleep(0.2)
    if len(workers) < 3:
        process.kill()
        process.wait()
        pytest.skip("the build finished before its workers could be seen")
    process.send_signal(signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(Path(f"/proc/{w}").exists() for w in workers):
        time.sleep(0.2)
    alive = [w for w in workers if Path(f"/proc/{w}").exists() and "kg.cli" in Path(f"/proc/{w}/cmdline").read_bytes().decode(errors="replace")]
    for w in alive:  # do not leave them to the next test either
        os.kill(w, signal.SIGKILL)
    assert alive == []
