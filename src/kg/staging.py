"""Staging: crash safety of a build's store and files.

Owns: changing a store in a staging copy that replaces it only when complete
(:func:`staged_store`), rolling back a swap a kill interrupted, keeping one build per store at a
time, and sweeping the temporary files killed atomic writes leave (:func:`sweep_temporaries`).
and writing a file atomically (:func:`atomic_write`: temporary file, fsync, ``os.replace``).
Must not: know what a build puts in the store.
"""

from __future__ import annotations

import itertools
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .errors import StoreError


_BUILDS = itertools.count()


def sweep_temporaries(*folders: Path) -> None:
    """Remove the temporary files (``.NAME.*.tmp``) a killed ``atomic_write`` left behind."""
    for folder in folders:
        if folder.is_dir():
            for path in folder.glob(".*.tmp"):
                path.unlink(missing_ok=True)


@contextmanager
def staged_store(store_dir: str | Path, backend: str = "oxigraph") -> Iterator[Any]:
    """A store to change that replaces the one at ``store_dir`` only when the block completes.

    The store is copied (a RocksDB checkpoint, ``pyoxigraph.Store.backup``) to
    ``.<name>.staging.<pid>.<n>`` beside it; on success the old store is renamed to ``.<name>.old``, the
    staging copy to ``store_dir``, and the old one removed. A build killed before the first
    rename leaves the store untouched; one killed between the renames is rolled back the next
    time (the old store is renamed back); the staging leftovers are removed. The ``memory``
    backend has nothing to protect and is yielded as it is.
    """
    from .store import open_store

    if backend != "oxigraph":
        store = open_store(backend, None if backend == "memory" else store_dir)
        try:
            yield store
        finally:
            store.close()
        return
    import fcntl

    target = Path(store_dir)
    # a name of its own each build: RocksDB keeps a process's locks by path, so a handle an
    # earlier build in this process has not yet released (a test, an API user building twice)
    # would refuse a staging copy at the same path
    staging = target.with_name(f".{target.name}.staging.{os.getpid()}.{next(_BUILDS)}")
    old = target.with_name(f".{target.name}.old")
    target.parent.mkdir(parents=True, exist_ok=True)
    # one build per store at a time: the staging copy is shared (the kernel drops the lock of a
    # killed process, so a lock file left behind blocks nothing)
    lock_path = target.with_name(f".{target.name}.lock")
    lock = open(lock_path, "a")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        lock.close()
        raise StoreError(f"another kg build is changing the store at {target}; wait for it to finish.") from None
    try:
        yield from _staged(target, staging, old)
    finally:
        lock_path.unlink(missing_ok=True)
        lock.close()


def _staged(target: Path, staging: Path, old: Path) -> Iterator[Any]:
    import shutil

    from .store import open_store

    if not target.exists() and old.exists():
        old.rename(target)  # killed between the two renames: roll back
    for leftover in target.parent.glob(f".{target.name}.staging*"):
        shutil.rmtree(leftover, ignore_errors=True)  # a killed build's copy (one build at a time: the lock)
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        current = open_store("oxigraph", target)
        try:
            # the pyoxigraph store under the GraphStore (kg.store has no backup method of its own)
            current._open.backup(str(staging))
        finally:
            current.close()
    store = open_store("oxigraph", staging)
    try:
        yield store
    except BaseException:
        store.close()
        shutil.rmtree(staging, ignore_errors=True)
        raise
    store.close()
    if target.exists():
        target.rename(old)
    staging.rename(target)
    _fsync_dir(target.parent)
    shutil.rmtree(old, ignore_errors=True)


def _fsync_dir(folder: Path) -> None:
    import os

    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _file_mode(target: Path) -> int:
    """The mode the written file gets: the old file's, else what ``open`` would give."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def atomic_write(path: str | os.PathLike[str], data: bytes | Iterable[bytes]) -> None:
    """Replace the file at ``path`` with ``data`` atomically: a reader sees the old or the new file.
    ``data`` may be an iterable of byte chunks (written as they come).

    Writes a temporary file in the same directory, syncs it, then ``os.replace``s the target; on
    any failure the temporary file is removed and the old file is left as it was. Parent
    directories are created. Raises ``StoreError`` when the file cannot be written.
    """
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
        )
    except OSError as error:
        raise StoreError(f"cannot write {target}: {error}") from error
    try:
        with os.fdopen(descriptor, "wb") as handle:
            for chunk in [data] if isinstance(data, (bytes, bytearray)) else data:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, _file_mode(target))
        os.replace(temporary, target)
    except BaseException as error:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        if isinstance(error, OSError):
            raise StoreError(f"cannot write {target}: {error}") from error
        raise
