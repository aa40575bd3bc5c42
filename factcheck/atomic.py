"""Atomic file writes: a file is either the old one or the new one, never half written.

The text goes to a temporary file in the target folder (same file system), is flushed to
disk, then renamed over the target; on any error the temporary file is removed and the old
file is left as it was.

The file gets the permissions a plain ``open(path, "w")`` would give it: a file it
replaces keeps its mode, and a new file gets ``0o666`` minus the process umask (``0o644``
with the usual umask 022). ``mkstemp`` alone would leave every report at ``0o600``,
readable by its owner only.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

__all__ = ["write_atomic"]


def _umask() -> int:
    """The process umask, read without changing it where the system allows."""
    try:
        with Path("/proc/self/status").open(encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)  # elsewhere the only way to read it is to set it and put it back
    os.umask(mask)
    return mask


def _mode_for(path: Path) -> int:
    """The mode ``open(path, "w")`` would leave ``path`` with."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return 0o666 & ~_umask()


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file and a rename (never half written).

    Raises:
        OSError: of the same class and errno as the failure, with ``filename`` set to
            ``path``: the user asked for ``path``, and the temporary file's name (or the
            rename's source) would only confuse them.
    """
    try:
        _write(path, text)
    except OSError as err:
        if err.filename == str(path) and err.filename2 is None:
            raise
        raise type(err)(err.errno, err.strerror or str(err), str(path)) from err


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _mode_for(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            os.fchmod(fh.fileno(), mode)
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
