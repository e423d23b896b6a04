"""Parallel extraction: reports extracted in worker processes or as Dask tasks, results in order.

Owns: running ``kg.nlp.extract_many`` over many report files on every core (``jobs`` worker
processes, each loading the pipeline once, in its initializer) or on an existing Dask cluster
(``dask="tcp://HOST:PORT"``; each worker process loads the pipeline once, on its first task),
and handing the results back lazily, in the order of the files, with a bounded number of
batches in flight (memory does not grow with the number of reports). Extraction of a report
depends on that report alone, so the results are the same, byte for byte, whatever ``jobs``.
Must not: write to a store or know about RDF (``kg.build`` does).
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

BATCH = 8  # reports per task: large enough to amortise the round trip, small enough to balance
WARM_UP = "预热，钱俊君"


class Extracted(NamedTuple):
    """One report's contract result, with where it came from."""

    id: str
    path: str | None
    result: dict[str, Any]


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _settings() -> dict[str, str]:
    """The environment the extraction reads (``KG_NER``), to hand to workers elsewhere."""
    return {k: v for k, v in os.environ.items() if k == "KG_NER"}


def _die_with_parent() -> None:
    """Ask Linux to kill this worker when the process that started it dies: a ``kg build``
    killed with SIGKILL (tests/test_crash.py does) otherwise left its idle workers running,
    each holding the pipeline (about 300 MB), until the machine restarted."""
    import ctypes
    import signal
    import sys

    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the parent died before the request was made
        os._exit(1)


def _load(settings: dict[str, str] | None = None) -> None:
    """Worker initializer: die with the parent, apply the caller's settings and load the
    pipeline once (nothing left to load in a worker forked from a warmed parent)."""
    _die_with_parent()
    if settings:
        os.environ.update(settings)
    warm()


def warm() -> None:
    """Load all that extraction loads: the pipeline with jieba's dictionary, and what it loads
    only on first use (the NER model, where it is on; cn2an for numerals). A worker loading
    these on its first batch spent about 0.45 s CPU more on it than on the next (120
    generated reports, 2 workers)."""
    from .ner.fusion import ner_enabled
    from .nlp import make_nlp
    from .text import to_int

    nlp = make_nlp()
    nlp(WARM_UP)
    to_int("十二")  # imports cn2an
    if "kg_ner" in nlp.pipe_names:
        ner = nlp.get_pipe("kg_ner")
        if ner_enabled(getattr(ner, "enabled", True)):
            from .ner.model import load

            load(getattr(ner, "model_path", None))


def _fork_pool(jobs: int, settings: dict[str, str]) -> Any:
    """``jobs`` worker processes. Where the platform forks, this process loads everything
    first (``warm``) and the workers start from it, ready: one load of the pipeline instead of
    one per worker, and its memory shared (copy on write; the loaded objects are frozen out of
    the garbage collector, whose passes would otherwise touch, and so copy, their pages)."""
    import gc
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods:
        warm()
        gc.freeze()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    return ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_load, initargs=(settings,))


def extract_files(paths: list[str]) -> list[Extracted]:
    """Read and extract a batch of report files (runs in a worker)."""
    from .nlp import extract_many
    from .reading import read_report

    reports = [read_report(p) for p in paths]
    return [Extracted(r.id, r.path, res) for r, res in zip(reports, extract_many(reports))]


def extract_texts(batch: list[tuple[str, str, str | None]], settings: dict[str, str]) -> list[Extracted]:
    """Extract a batch of ``(id, text, path)`` (a Dask task: the text travels, the worker need
    not see the files)."""
    from .nlp import extract_many
    from .reading import Report

    if settings:
        os.environ.update(settings)
    reports = [Report(id=i, text=t, path=p) for i, t, p in batch]
    return [Extracted(r.id, r.path, res) for r, res in zip(reports, extract_many(reports))]


def _batches(items: list[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _ordered(submit: Any, batches: Iterable[Any], window: int) -> Iterator[Extracted]:
    """Submit batches with at most ``window`` in flight; yield their results in order."""
    pending: deque[Any] = deque()
    for batch in batches:
        pending.append(submit(batch))
        if len(pending) >= window:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def extract_paths(
    paths: Iterable[str | Path],
    *,
    jobs: int = 1,
    dask: str | None = None,
    batch: int = BATCH,
) -> Iterator[Extracted]:
    """Extract the reports at ``paths`` (files), yielding one :class:`Extracted` per file, in order.

    ``jobs`` > 1 runs that many worker processes; ``dask`` (a scheduler address such as
    ``tcp://10.0.0.5:8786``) runs the extraction as tasks on that cluster instead. A worker's
    error (a report that cannot be read) is raised here, for the first failing file in order.
    """
    files = [str(p) for p in paths]
    if dask:
        yield from _on_dask(files, dask, batch)
        return
    if jobs <= 1 or len(files) <= batch:
        for chunk in _batches(files, batch):
            yield from extract_files(chunk)
        return
    with _fork_pool(jobs, _settings()) as pool:
        yield from _ordered(lambda chunk: pool.submit(extract_files, chunk), _batches(files, batch), 2 * jobs)


def _on_dask(files: list[str], address: str, batch: int) -> Iterator[Extracted]:
    from .errors import KgError

    try:
        from distributed import Client
    except ImportError as exc:  # the optional extra
        raise KgError("--dask needs Dask: pip install 'kg[dask]'.") from exc
    from .reading import read_report

    try:
        client = Client(address, timeout=10, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise KgError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        settings = _settings()

        def texts(chunk: list[str]) -> list[tuple[str, str, str | None]]:
            reports = [read_report(p) for p in chunk]
            return [(r.id, r.text, r.path) for r in reports]

        yield from _ordered(
            lambda chunk: client.submit(extract_texts, texts(chunk), settings, pure=False),
            _batches(files, batch), 2 * workers)
    finally:
        client.close()


class Extractor:
    """A callable like ``kg.nlp.extract_many`` (reports in, contract results out, in order) that
    runs on ``jobs`` worker processes or on the Dask cluster at ``dask``, opened once for a whole
    build and reused for every batch (loading the pipeline in a worker takes seconds). With
    ``jobs`` 1 and no ``dask`` it is ``extract_many`` in this process. ``close()`` when done."""

    def __init__(self, *, jobs: int = 1, dask: str | None = None, batch: int = BATCH) -> None:
        self.jobs, self.dask, self.batch = jobs, dask, batch
        self._pool: Any = None
        self._client: Any = None
        self._workers = 1

    def _submit(self) -> Any:
        settings = _settings()
        if self.dask:
            if self._client is None:
                from .errors import KgError

                try:
                    from distributed import Client
                except ImportError as exc:  # the optional extra
                    raise KgError("--dask needs Dask: pip install 'kg[dask]'.") from exc
                try:
                    self._client = Client(self.dask, timeout=10, set_as_default=False)
                except (OSError, TimeoutError) as exc:
                    raise KgError(f"cannot reach the Dask scheduler at {self.dask}: {exc}") from exc
                self._workers = max(1, len(self._client.scheduler_info().get("workers", {})))
            return lambda chunk: self._client.submit(extract_texts, chunk, settings, pure=False)
        if self._pool is None:
            self._pool = _fork_pool(self.jobs, settings)
            self._workers = self.jobs
        return lambda chunk: self._pool.submit(extract_texts, chunk, settings)

    def __call__(self, reports: Iterable[Any]) -> Iterator[dict[str, Any]]:
        reports = list(reports)
        if not self.dask and (self.jobs <= 1 or len(reports) <= 1):
            from .nlp import extract_many

            yield from extract_many(reports)
            return
        items = [(r.id, r.text, r.path) for r in reports]
        size = max(1, min(self.batch, -(-len(items) // max(1, self.jobs))))
        submit = self._submit()
        for extracted in _ordered(submit, _batches(items, size), 2 * self._workers):
            yield extracted.result

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None
        if self._client is not None:
            self._client.close()
            self._client = None
