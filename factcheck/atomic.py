"""Atomic file writes: a file is either the old one or the new one, never half written.

The text goes to a temporary file in the target folder (same file system), is flushed to
disk, then renamed over the target; on any error the temporary file is removed and the old
file is left as it was. :func:`write_atomic_all` does the same for files that belong
together (a story's markdown and JSON reports): every temporary file is written first and
only then are they renamed, so a failure while writing (a full disk) leaves all the old
files in place, never a new markdown report beside an old JSON one.

A target that is a symbolic link is written through: the file it points to is replaced
and the link stays a link. Renaming over the link itself would turn it into a plain file.

The file gets the permissions a plain ``open(path, "w")`` would give it: a file it
replaces keeps its mode, and a new file gets ``0o666`` minus the process umask (``0o644``
with the usual umask 022). ``mkstemp`` alone would leave every report at ``0o600``,
readable by its owner only.

Text is written as UTF-8. A lone surrogate, which is how Python holds an undecodable byte
of a file name, cannot be encoded; rather than failing the write, it is written as U+FFFD
(the replacement character), which is valid in markdown and inside a JSON string alike (an
escape such as ``\\xe9`` would not be valid JSON). Source IDs never need this: ingest makes
them printable (:func:`factcheck.ingest.printable`); this covers a raw file path that a
report writes as it is.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path

__all__ = ["write_atomic", "write_atomic_all"]

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


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


def _target(path: Path) -> Path:
    """Where the bytes for ``path`` go: the file a symbolic link points to, else ``path``."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file and a rename (never half written).

    Raises:
        OSError: of the same class and errno as the failure, with ``filename`` set to
            ``path``: the user asked for ``path``, and the temporary file's name (or the
            rename's source) would only confuse them.
    """
    write_atomic_all({path: text})


def write_atomic_all(files: Mapping[Path, str]) -> None:
    """Write several files so that either all are replaced or none is.

    Each text goes to a temporary file beside its target first; only when every one is
    written and flushed are they renamed into place, in the order given. A failure while
    writing removes the temporary files and leaves every target as it was. (A rename into
    the same folder does not fail for want of space; should one fail anyway, the files
    renamed before it stay new.)

    Raises:
        OSError: as for :func:`write_atomic`, naming the target whose write failed.
    """
    written: list[tuple[Path, Path, Path]] = []  # (asked for, real target, temporary file)
    try:
        for path, text in files.items():
            try:
                target = _target(path)
                written.append((path, target, _write_temporary(target, text)))
            except OSError as err:
                raise _naming(err, path) from err
        for path, target, tmp in written:
            try:
                tmp.replace(target)
            except OSError as err:
                raise _naming(err, path) from err
    finally:
        for _, _, tmp in written:
            tmp.unlink(missing_ok=True)


def _naming(err: OSError, path: Path) -> OSError:
    """``err`` naming ``path`` only (not a temporary file, nor a link's target)."""
    if err.filename == str(path) and err.filename2 is None:
        return err
    return type(err)(err.errno, err.strerror or str(err), str(path))


def _write_temporary(path: Path, text: str) -> Path:
    """Write ``text`` to a new temporary file beside ``path``, with ``path``'s mode."""
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _mode_for(path)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            os.fchmod(fh.fileno(), mode)
            fh.write(_LONE_SURROGATE.sub("\ufffd", text))
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp
