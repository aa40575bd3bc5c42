"""Content-derived IDs and the report order of facts: light, so a report renders and two
JSON reports compare without loading the pipeline's modules.

- :func:`normalise_text` is the form a statement is hashed in: case, punctuation and
  spacing ignored.
- :func:`statement_digest` is the SHA-1 of that form. It makes fact IDs, orders a
  conflict's two sides, and breaks ties wherever the report picks among statements, so
  nothing depends on file names or positions.
- :func:`fact_id` is ``F-`` and the first 8 hex digits of the smallest digest among a
  fact's statements. Adding a source that does not join a fact, or renaming a file, leaves
  it unchanged; a statement joining the fact changes it only if its own digest is smaller.
- :func:`report_order` is the one order of facts, used by the pipeline's result, the
  markdown and the JSON: by label (:data:`LABEL_ORDER`, what needs attention first), then
  by how many sources carry the fact (most first), then by fact ID.

    >>> fact_id(["The mayor resigned.", "the Mayor resigned"])
    'F-ce88849b'
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence

from factcheck.types import Fact, Label

__all__ = ["LABEL_ORDER", "fact_id", "normalise_text", "report_order", "statement_digest"]

#: Report order of the labels: what needs attention first (conflicts, then framing, then
#: consensus, partial and unique facts), as :class:`~factcheck.types.Label` lists them.
LABEL_ORDER = {label: i for i, label in enumerate(Label)}

_NON_WORD = re.compile(r"[^\w]+")


def normalise_text(text: str) -> str:
    """Case-, punctuation- and whitespace-insensitive form used for IDs.

    >>> normalise_text("  The Mayor -- resigned!")
    'the mayor resigned'
    """
    return _NON_WORD.sub(" ", text.casefold()).strip()


def statement_digest(text: str) -> str:
    """The SHA-1 (hex) of a statement's normalised text: what fact IDs are made of, and the
    key that orders statements by content alone (never by file or position)."""
    return hashlib.sha1(normalise_text(text).encode("utf-8"), usedforsecurity=False).hexdigest()


def fact_id(texts: Sequence[str]) -> str:
    """Content-derived ID of a fact from its statements' texts."""
    return "F-" + min(statement_digest(t) for t in texts)[:8]


def report_order(facts: Iterable[Fact]) -> tuple[Fact, ...]:
    """Facts in report order: by label (:data:`LABEL_ORDER`: conflicts first), then by how
    many sources carry them (most first), then by fact ID. Nothing depends on positions or
    file names, so moving an article's paragraphs or renaming a file reorders no section.
    Sort again after a stage that can change a label (framing notes)."""
    return tuple(sorted(facts, key=lambda f: (LABEL_ORDER[f.label], -len(f.source_ids), f.id)))
