"""What article files and fetched pages share about reading bytes as text, in one place:
the byte-order marks and the ``<meta charset>`` tag. A light module (``codecs`` and ``re``).

:mod:`factcheck.ingest` (files) and :mod:`factcheck.fetch` (pages) differ in what they do
next, a file being detected strictly and a page decoded as a browser would, but a
byte-order mark means the same to both, and is checked in one order: UTF-32 before UTF-16,
since the UTF-32-LE mark starts with the UTF-16-LE one.
"""

from __future__ import annotations

import codecs
import re

__all__ = ["BOMS", "META_CHARSET", "bom_name", "sniff_bom"]

#: (byte-order mark, codec), longest first where one mark starts another. Each codec
#: removes its own mark when decoding from the first byte (``utf-8-sig``, and ``utf-16`` /
#: ``utf-32``, which also take the byte order from it).
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: The charset an HTML page declares in a ``<meta>`` tag (group 1), searched in its bytes.
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def sniff_bom(raw: bytes) -> str | None:
    """The codec of the byte-order mark ``raw`` starts with (:data:`BOMS`), or None.

    >>> sniff_bom(b"\\xff\\xfe\\x00\\x00a\\x00\\x00\\x00"), sniff_bom(b"\\xff\\xfea\\x00")
    ('utf-32', 'utf-16')
    """
    return next((codec for bom, codec in BOMS if raw.startswith(bom)), None)


def bom_name(codec: str) -> str:
    """How a message names the encoding of a :data:`BOMS` codec: ``UTF-8``, not
    ``UTF-8-SIG``."""
    return codec.removesuffix("-sig").upper()
