"""File names as printable text: a light module (only :mod:`re`), so that the report
writer and the CLI can use it without importing the reader (:mod:`factcheck.ingest`,
which imports YAML and the encoding detector)."""

from __future__ import annotations

import re
from pathlib import Path

__all__ = ["printable"]

_SURROGATE = re.compile("[\ud800-\udfff]")


def printable(name: str | Path) -> str:
    """A file name or path as text that can always be printed and encoded.

    A file name that is not valid UTF-8 reaches Python with each undecodable byte as a lone
    surrogate (``os.fsdecode``'s ``surrogateescape``): the path still opens the file, but
    the text cannot be written to a UTF-8 report or terminal. Here each such byte is
    written as its escape instead, so ``b"caf\\xe9.txt"`` reads ``caf\\xe9.txt``, and files whose
    names differ in those bytes keep names (and source IDs) that differ.

    Any other lone surrogate (never produced by a file name on a UTF-8 system) is written
    as its ``\\uXXXX`` escape.

    Example:
        >>> printable("caf\\udce9.txt")
        'caf\\\\xe9.txt'
    """
    return _SURROGATE.sub(_escape_surrogate, str(name))


def _escape_surrogate(m: re.Match[str]) -> str:
    code = ord(m.group(0))
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"
