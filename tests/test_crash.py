"""Crash safety: ``kg build seeds/`` killed with SIGKILL at several points, then run again, ends
with exactly the store and files of an uninterrupted build.

Each build runs as a real child process (``python -m kg.cli build``) in its own folder with the
same relative paths, so that the manifests can be compared too (apart from their times). The kill
points are drawn with a fixed seed: a uniformly random moment of the whole build, and random
moments after each phase begins (extraction, the staging store, the output files). A kill that
comes after the build finished proves nothing, so the test asserts that most were real kills.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.staging import staged_store, sweep_temporaries
from kg.store import open_store

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
ARGS = ["build", "--store", "build/store", "--out", "build", "-q"]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")])
    return env


def _start(cwd: Path, inputs: list[str]) -> subprocess.Popen:
    cwd.mkdir(parents=True, exist_ok=True)
    return subprocess.Popen([sys.executable, "-m", "kg.cli", *ARGS[:1], *inputs, *ARGS[1:]], cwd=cwd, env=_env(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _finish(cwd: Path, inputs: list[str]) -> float:
    started = time.monotonic()
    process = _start(cwd, inputs)
    out, err = process.communicate(timeout=600)
    assert process.returncode == 0, err.decode("utf-8", "replace")[-2000:]
    return time.monotonic() - started


def _kill_when(cwd: Path, inputs: list[str], ready, delay: float) -> bool:
    """Start a build, wait until ``ready(cwd)`` (or the end), then ``delay`` seconds, then SIGKILL.
    Returns whether the build was really killed (had not finished)."""
    process = _start(cwd, inputs)
    while process.poll() is None and not ready(cwd):
        time.sleep(0.005)
    time.sleep(delay)
    if process.poll() is not None:
        return False
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    return process.returncode == -signal.SIGKILL


def snapshot(cwd: Path) -> dict[str, bytes]:
    """Everything a build leaves: the store's quads (as TriG), every file under build/ outside
    the store, the manifest without its times. Asserts that no staging store or temporary file
    is left over."""
    build = cwd / "build"
    leftovers = [p.name for p in build.iterdir() if p.name.startswith(".")]
    assert not leftovers, leftovers
    files: dict[str, bytes] = {}
    for path in sorted(build.rglob("*")):
        relative = path.relative_to(build)
        if path.is_file() and relative.parts[0] != "store":
            assert not path.name.endswith(".tmp"), relative
            files[str(relative)] = path.read_bytes()
    manifest = json.loads(files.pop("manifest.json"))
    for key in ("started", "finished"):
        manifest.pop(key)
    for entry in manifest["entries"]:
        entry.pop("time")
    manifest["outputs"].pop("stamp")  # a random token a store gets each time kg writes to it
    files["manifest.json"] = json.dumps(manifest, sort_keys=True).encode("utf-8")
    store = open_store("oxigraph", build / "store")
    try:
        files["<store>"] = store.dump(format="trig")
    finally:
        store.close()
    return files


def _differences(a: dict[str, bytes], b: dict[str, bytes]) -> list[str]:
    return sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))


@pytest.mark.slow
def test_killed_builds_end_exactly_as_an_uninterrupted_one(tmp_path):
    inputs = [str(SEEDS)]
    duration = _finish(tmp_path / "reference", inputs)
    reference = snapshot(tmp_path / "reference")
    rng = random.Random(16)
    points = [
        ("any moment", lambda cwd: True, rng.uniform(0.3, 0.95) * duration),
        ("extracting", lambda cwd: (cwd / "build" / "cache").is_dir() and any((cwd / "build" / "cache").iterdir()), rng.uniform(0, 0.3)),
        ("staging store", lambda cwd: any((cwd / "build").glob(".store.staging*")), rng.uniform(0, 0.5)),
        ("writing outputs", lambda cwd: (cwd / "build" / "graph.ttl").exists(), rng.uniform(0, 0.3)),
    ]
    killed = []
    for i, (name, ready, delay) in enumerate(points):
        cwd = tmp_path / f"kill{i}"
        if _kill_when(cwd, inputs, ready, delay):
            killed.append(name)
        _finish(cwd, inputs)
        assert _differences(snapshot(cwd), reference) == [], f"killed while {name} ({delay:.2f}s)"
    assert len(killed) >= 3, f"only {killed} were real kills; the build finished before the others"


@pytest.mark.slow
def test_killed_rebuild_over_an_existing_store_keeps_the_old_one_or_finishes(tmp_path):
    """A second build (one more report) killed while it stages: the old store survives whole,
    and running it again gives what the uninterrupted pair of builds gives."""
    first = [str(p) for p in sorted(SEEDS.glob("*.txt"))[:-1]]
    second = [str(SEEDS)]
    _finish(tmp_path / "reference", first)
    _finish(tmp_path / "reference", second)
    reference = snapshot(tmp_path / "reference")
    cwd = tmp_path / "killed"
    _finish(cwd, first)
    before = snapshot(cwd)
    rng = random.Random(1616)
    assert _kill_when(cwd, second, lambda c: any((c / "build").glob(".store.staging*")), rng.uniform(0, 0.3))
    store = open_store("oxigraph", cwd / "build" / "store")  # the old store, whole
    try:
        assert store.dump(format="trig") == before["<store>"]
    finally:
        store.close()
    _finish(cwd, second)
    assert _differences(snapshot(cwd), reference) == []


def test_a_swap_killed_between_its_renames_is_rolled_back(tmp_path):
    store_dir = tmp_path / "store"
    with staged_store(store_dir) as store:
        from rdflib import Literal, URIRef

        store.add_report("r1", [(URIRef("https://example.org/a"), URIRef("https://example.org/p"), Literal("x"))])
    before = open_store("oxigraph", store_dir)
    dump = before.dump(format="trig")
    before.close()
    # the state a kill between "store -> .store.old" and ".store.staging -> store" leaves
    store_dir.rename(tmp_path / ".store.old")
    (tmp_path / ".store.staging").mkdir()
    with staged_store(store_dir) as store:
        assert store.reports() == ["r1"]
    assert not (tmp_path / ".store.old").exists() and not (tmp_path / ".store.staging").exists()
    after = open_store("oxigraph", store_dir)
    assert after.dump(format="trig") == dump
    after.close()


def test_a_failed_build_leaves_the_store_untouched(tmp_path):
    store_dir = tmp_path / "store"
    with staged_store(store_dir) as store:
        from rdflib import Literal, URIRef

        store.add_report("r1", [(URIRef("https://example.org/a"), URIRef("https://example.org/p"), Literal("x"))])
    with pytest.raises(RuntimeError):
        with staged_store(store_dir) as store:
            store.remove_report("r1")
            raise RuntimeError("killed")
    again = open_store("oxigraph", store_dir)
    assert again.reports() == ["r1"]
    again.close()
    assert [p.name for p in tmp_path.iterdir()] == ["store"]


def test_temporaries_of_killed_atomic_writes_are_swept(tmp_path):
    (tmp_path / ".graph.ttl.abc123.tmp").write_bytes(b"half")
    (tmp_path / "graph.ttl").write_bytes(b"whole")
    sweep_temporaries(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def test_two_builds_of_one_store_do_not_share_the_staging_copy(tmp_path):
    from kg.errors import StoreError

    with staged_store(tmp_path / "store"):
        with pytest.raises(StoreError, match="another kg build is changing the store"):
            with staged_store(tmp_path / "store"):
                pass
    assert [p.name for p in tmp_path.iterdir()] == ["store"]
