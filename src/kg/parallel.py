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


def _host_main(connection: Any, jobs: int, settings: dict[str, str]) -> None:
    """The extraction host's loop (see :class:`Extractor`): load the pipeline (and fork ``jobs``
    workers from this process when ``jobs`` > 1), then answer each batch of ``(id, text, path)``
    with its results until told to stop (``None``) or the parent is gone."""
    import gc

    # a forked host holds copies of the parent's objects (a test's open stores among them):
    # never collect them here, where dropping a RocksDB handle would wait for threads that
    # exist only in the parent
    gc.freeze()
    _die_with_parent()
    if settings:
        os.environ.update(settings)
    pool = _fork_pool(jobs, settings) if jobs > 1 else None
    if pool is None:
        warm()
    try:
        while True:
            try:
                items = connection.recv()
            except EOFError:
                return
            if items is None:
                return
            try:
                if pool is None:
                    done = [x.result for x in extract_texts(items, {})]
                else:
                    size = max(1, min(BATCH, -(-len(items) // jobs)))
                    done = [x.result for x in _ordered(lambda chunk: pool.submit(extract_texts, chunk, settings),
                                                       _batches(items, size), 2 * jobs)]
                connection.send(("ok", done))
            except Exception as exc:  # handed to the parent, which raises it
                connection.send(("error", _portable(exc)))
    finally:
        if pool is not None:
            pool.shutdown()


def _portable(exc: Exception) -> Exception:
    """``exc`` if it survives pickling both ways (to be raised in the parent), else a
    ``RuntimeError`` that says what it was."""
    import pickle

    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")


class _Host:
    """A child process that extracts the batches it is sent (:func:`_host_main`)."""

    def __init__(self, jobs: int, settings: dict[str, str]) -> None:
        import multiprocessing

        methods = multiprocessing.get_all_start_methods()
        # fork where the platform can: a parent that has the pipeline loaded already (a test, an
        # API user) hands it over for free; a ``kg build`` has not, and the host loads it
        context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self.connection, theirs = context.Pipe()
        # not a daemon: with jobs > 1 it starts its own workers (it dies with the parent instead)
        self.process = context.Process(target=_host_main, args=(theirs, jobs, settings), name="kg-extract")
        self.process.start()
        theirs.close()

    def extract(self, items: list[tuple[str, str, str | None]]) -> list[dict[str, Any]]:
        from .errors import KgError

        try:
            self.connection.send(items)
            status, payload = self.connection.recv()
        except (EOFError, OSError) as exc:
            raise KgError(f"the extraction process stopped (exit code {self.process.exitcode}): {exc or 'no answer'}") from exc
        if status == "error":
            raise payload
        return payload

    def close(self) -> None:
        try:
            self.connection.send(None)
        except OSError:
            pass
        self.connection.close()
        self.process.join(timeout=60)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


class Extractor:
    """A callable like ``kg.nlp.extract_many`` (reports in, contract results out, in order) that
    runs in a child process (the extraction host: with ``jobs`` > 1 it forks ``jobs`` worker
    processes from itself, each with the pipeline it loaded), or on the Dask cluster at
    ``dask``; opened once for a whole build and reused for every batch (loading the pipeline
    takes seconds). ``close()`` when done: the host exits and its memory goes with it.

    Why a child process even for one job: the pipeline (spaCy, jieba, the NER model) and what
    extraction leaves in the allocator take about 300 MB that a build's later phases (loading
    the store, its names, the background graph) would otherwise carry on top of their own, so
    the build's peak was the sum of its phases'. ``isolate=False`` extracts in this process
    (``kg.nlp.extract_many``) at ``jobs`` 1."""

    def __init__(self, *, jobs: int = 1, dask: str | None = None, batch: int = BATCH, isolate: bool = True) -> None:
        self.jobs, self.dask, self.batch, self.isolate = jobs, dask, batch, isolate
        self._host: _Host | None = None
        self._client: Any = None
        self._workers = 1

    def _submit(self) -> Any:
        settings = _settings()
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

    def __call__(self, reports: Iterable[Any]) -> Iterator[dict[str, Any]]:
        reports = list(reports)
        if not reports:
            return
        if not self.dask and self.jobs <= 1 and not self.isolate:
            from .nlp import extract_many

            yield from extract_many(reports)
            return
        items = [(r.id, r.text, r.path) for r in reports]
        if not self.dask:
            if self._host is None:
                self._host = _Host(max(1, self.jobs), _settings())
            yield from self._host.extract(items)
            return
        size = max(1, min(self.batch, -(-len(items) // max(1, self.jobs))))
        for extracted in _ordered(self._submit(), _batches(items, size), 2 * self._workers):
            yield extracted.result

    def close(self) -> None:
        if self._host is not None:
            self._host.close()
            self._host = None
        if self._client is not None:
            self._client.close()
            self._client = None
