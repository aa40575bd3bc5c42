"""A small on-disk key-value cache shared by the model stages.

One SQLite file (``<cache_dir>/cache-v1.sqlite``) holds a table per namespace of
``key -> bytes``. Keys are content hashes that include the model name and version, so a
cached value can never be served for another model or another text. SQLite gives atomic,
crash-safe writes and lets two runs share the cache.

The cache is an optimisation: when the directory cannot be written, or the file is
corrupt, it logs a warning and the run goes on without it.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
from collections.abc import Iterable, Mapping
from pathlib import Path

__all__ = ["Cache", "content_key"]

log = logging.getLogger(__name__)

_SCHEMA = "CREATE TABLE IF NOT EXISTS kv (ns TEXT, key TEXT, value BLOB, PRIMARY KEY (ns, key))"
_BATCH = 500


def content_key(*parts: str) -> str:
    """A stable key for a tuple of strings (sha256 of the parts joined by NUL)."""
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


class Cache:
    """Namespaced byte cache. ``Cache(None)`` keeps values in memory for this run only."""

    def __init__(self, directory: Path | None) -> None:
        self._memory: dict[tuple[str, str], bytes] = {}
        self._db: sqlite3.Connection | None = None
        if directory is None:
            return
        try:
            directory.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(directory / "cache-v1.sqlite", timeout=30)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(_SCHEMA)
            db.commit()
            self._db = db
        except (OSError, sqlite3.Error) as err:
            log.warning("cache disabled: cannot use %s (%s)", directory, err)

    @property
    def persistent(self) -> bool:
        return self._db is not None

    def get_many(self, ns: str, keys: Iterable[str]) -> dict[str, bytes]:
        wanted = list(dict.fromkeys(keys))
        found = {k: self._memory[(ns, k)] for k in wanted if (ns, k) in self._memory}
        missing = [k for k in wanted if k not in found]
        if self._db is None or not missing:
            return found
        try:
            for i in range(0, len(missing), _BATCH):
                chunk = missing[i : i + _BATCH]
                marks = ",".join("?" * len(chunk))
                rows = self._db.execute(
                    f"SELECT key, value FROM kv WHERE ns = ? AND key IN ({marks})", [ns, *chunk]
                )
                found.update((k, bytes(v)) for k, v in rows)
        except sqlite3.Error as err:
            log.warning("cache read failed, recomputing (%s)", err)
        return found

    def put_many(self, ns: str, items: Mapping[str, bytes]) -> None:
        for k, v in items.items():
            self._memory[(ns, k)] = v
        if self._db is None or not items:
            return
        try:
            with self._db:
                self._db.executemany(
                    "INSERT OR REPLACE INTO kv (ns, key, value) VALUES (?, ?, ?)",
                    [(ns, k, v) for k, v in items.items()],
                )
        except sqlite3.Error as err:
            log.warning("cache write failed (%s)", err)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
