"""Build cache: what a rebuild reuses instead of doing again.

Owns the extractor's fingerprint (a hash of the ``kg`` package's code and data), the
content-addressed cache of extraction results and report texts in ``<out>/cache`` (``Cache``,
keyed by ``cache_key``), and the decision whether a rebuild that changes nothing may keep the
store and the output files of the last build (``unchanged_outputs``, from what ``outputs_of``
recorded in its manifest and the store's stamp, :data:`kg.store.STAMP_NAME`). Must not: extract,
map, or write to the store (:mod:`kg.build` does).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .errors import KgError

__all__ = ["Cache", "cache_key", "cached_result", "extractor_fingerprint", "outputs_of", "unchanged_outputs"]


def extractor_fingerprint() -> str:
    """A hash of the extractor's code and data (the ``kg`` package's files): extraction results
    cached under one fingerprint are never reused under another."""
    import hashlib

    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            digest.update(str(path.relative_to(root)).encode("utf-8") + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def cache_key(report: Any, extractor: str) -> str:
    import hashlib

    return hashlib.sha256(f"{extractor}\0{report.id}\0".encode("utf-8") + report.text.encode("utf-8")).hexdigest()


class Cache:
    """Extraction results by key (content-addressed, each file written atomically)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def get(self, key: str) -> dict[str, Any] | None:
        import json

        try:
            return json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def put(self, key: str, result: dict[str, Any]) -> None:
        import json

        from .store import atomic_write

        atomic_write(self.folder / f"{key}.json", json.dumps(result, ensure_ascii=False, sort_keys=True).encode("utf-8"))

    def put_text(self, key: str, text: str) -> None:
        from .store import atomic_write

        path = self.folder / f"{key}.txt"
        if not path.exists():  # content-addressed: an existing file holds this very text
            atomic_write(path, text.encode("utf-8"))

    def copy_text(self, key: str, target: Path) -> None:
        """Replace ``target`` with the cached text ``key`` (atomically), unless it is the same."""
        import filecmp

        from .store import atomic_write

        source = self.folder / f"{key}.txt"
        if target.exists() and filecmp.cmp(source, target, shallow=False):
            return
        atomic_write(target, source.read_bytes())

    def keep_only(self, keys: set[str]) -> None:
        for path in [*self.folder.glob("*.json"), *self.folder.glob("*.txt")]:
            if path.stem not in keys:
                path.unlink(missing_ok=True)


def cached_result(cache: Cache, stored: Any) -> dict[str, Any]:
    result = cache.get(stored.cache_key)
    if result is None:
        raise KgError(f"the cached extraction of report {stored.id!r} cannot be read from {cache.folder}")
    return result


def outputs_of(summary: Any, validate: bool, store_dir: str | Path, backend: str) -> dict[str, Any]:
    """What a rebuild that changes nothing may reuse of this build (``Manifest.outputs``)."""
    from .store import store_stamp

    if backend != "oxigraph":
        return {}
    return {
        "stamp": store_stamp(store_dir), "triples": summary.triples, "graph_counts": summary.graph_counts,
        "validated": validate, "conforms": summary.conforms, "shacl_report": summary.shacl_report,
        "files": {k: summary.files[k] for k in ("turtle", "html") if k in summary.files},
    }


def unchanged_outputs(previous: Any, extractor: str, accepted: dict[str, Any], keep: dict[str, Any], gone: list[Any],
                       store_dir: str | Path, out: Path, backend: str, validate: bool) -> dict[str, Any] | None:
    """The previous build's outputs when this build would write the same store and files: the
    same extractor, every input skipped as unchanged, none gone, the same reports from the same
    files, the store stamped as that build left it, its output files still there, and validated
    if this build validates. Else None (the store is rebuilt)."""
    from dataclasses import asdict

    from .store import store_stamp

    outputs = previous.outputs if previous is not None else {}
    if backend != "oxigraph" or not outputs.get("stamp") or previous.extractor != extractor or gone:
        return None
    if any(entry.status != "skipped" for entry in accepted.values()):
        return None
    if sorted(map(asdict, keep.values()), key=lambda s: s["id"]) != sorted(map(asdict, previous.stored), key=lambda s: s["id"]):
        return None
    if validate and not outputs.get("validated"):
        return None
    if store_stamp(store_dir) != outputs["stamp"]:
        return None
    files = outputs.get("files") or {}
    if set(files) != {"turtle", "html"} or not all(Path(path).is_file() for path in files.values()):
        return None
    if any(Path(path).resolve() != (out / Path(path).name).resolve() for path in files.values()):
        return None
    return dict(outputs)
