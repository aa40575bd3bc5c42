"""The one module that knows the stage order.

``ingest -> clean -> segment -> extract (values, quotes) -> embed -> align -> classify ->
quotes (compared across sources) -> framing -> provenance``; the report stage is separate
(:mod:`factcheck.report`) so callers can render a result any way they like.

An unexpected exception inside a stage is re-raised as :class:`StageError` naming the
stage and the story; a :class:`FactcheckError` passes through untouched.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import numpy as np

from factcheck import align as align_stage
from factcheck import classify as classify_stage
from factcheck import clean as clean_stage
from factcheck import extract as extract_stage
from factcheck import framing as framing_stage
from factcheck import ingest as ingest_stage
from factcheck import provenance as provenance_stage
from factcheck import quotes as quotes_stage
from factcheck import segment as segment_stage
from factcheck.cache import Cache
from factcheck.classify import ContradictionFn
from factcheck.embed import Embedder, SentenceTransformerEmbedder, embed_texts
from factcheck.errors import FactcheckError, StageError
from factcheck.ids import report_order
from factcheck.nli import CrossEncoderNLI
from factcheck.nli import scores as nli_scores
from factcheck.settings import Settings
from factcheck.types import (
    Article,
    ArticleMeta,
    Block,
    CleanArticle,
    FileFailure,
    Statement,
    StoryResult,
    TextFormat,
)

__all__ = [
    "STAGES",
    "StageCallback",
    "analyse",
    "article_from_paragraphs",
    "check",
    "check_story",
]

log = logging.getLogger(__name__)

STAGES = (
    "ingest",
    "clean",
    "segment",
    "extract",
    "embed",
    "align",
    "classify",
    "quotes",
    "framing",
    "provenance",
)

#: Called as ``callback(story_name, stage_name)`` when a stage starts; the CLI uses it to
#: drive a progress bar.
StageCallback = Callable[[str, str], None]


def _noop(story: str, stage: str) -> None:
    return None


@contextmanager
def _stage(story: str, name: str, callback: StageCallback) -> Iterator[None]:
    callback(story, name)
    try:
        yield
    except FactcheckError:
        raise
    except Exception as err:
        raise StageError(name, story, err) from err


def _anchor(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _nli_fn(settings: Settings, cache: Cache) -> ContradictionFn | None:
    if settings.nli is None:
        return None
    scorer = CrossEncoderNLI(settings.nli)
    return lambda pairs: nli_scores(pairs, scorer=scorer, cache=cache)


def check_story(
    story_dir: Path,
    *,
    settings: Settings,
    embedder: Embedder | None = None,
    cache: Cache | None = None,
    on_stage: StageCallback = _noop,
) -> StoryResult:
    """Run every stage on one story folder.

    Args:
        story_dir: a folder with one article per file.
        settings: thresholds, model names and limits.
        embedder: overrides the sentence-transformers embedder (tests pass a fake one).
        cache: parse and embedding cache; by default one in ``settings.cache_dir``.
        on_stage: progress callback.

    Returns:
        The story's result. Files that could not be used are in ``result.failures``.
    """
    name = story_dir.name or story_dir.resolve().name  # "." is named after its folder
    with _stage(name, "ingest", on_stage):
        articles, failures = ingest_stage.read_story(
            story_dir, max_file_bytes=settings.max_file_bytes
        )
    with _stage(name, "clean", on_stage):
        cleaned, empty = clean_stage.clean_story(articles)
    failures = sorted([*failures, *empty], key=lambda f: f.path)
    return analyse(
        cleaned,
        name=name,
        path=story_dir,
        failures=failures,
        settings=settings,
        embedder=embedder,
        cache=cache,
        on_stage=on_stage,
    )


def analyse(
    articles: Sequence[CleanArticle],
    *,
    name: str,
    settings: Settings,
    path: Path | None = None,
    failures: Sequence[FileFailure] = (),
    embedder: Embedder | None = None,
    cache: Cache | None = None,
    on_stage: StageCallback = _noop,
) -> StoryResult:
    """Run the stages after cleaning on articles already in memory.

    This is the entry point for callers that have clean text and no files, such as the
    evaluation harness (see :func:`article_from_paragraphs`).
    """
    own_cache = cache is None
    cache = cache if cache is not None else Cache(settings.cache_dir)
    embedder = embedder or SentenceTransformerEmbedder(settings.model)
    try:
        with _stage(name, "segment", on_stage):
            statements, articles = segment_stage.segment_audited(
                articles, spacy_model=settings.spacy_model, cache=cache
            )
        with _stage(name, "extract", on_stage):
            anchors = {c.article.source_id: _anchor(c.meta.published) for c in articles}
            statements = tuple(
                extract_stage.extract(s, published=anchors[s.source_id]) for s in statements
            )
            statements = quotes_stage.attach_quotes(articles, statements)
        with _stage(name, "embed", on_stage):
            vectors = (
                embed_texts([s.text for s in statements], embedder=embedder, cache=cache)
                if statements
                else np.zeros((0, 0), dtype=np.float32)
            )
        with _stage(name, "align", on_stage):
            graph = align_stage.align(
                statements,
                vectors,
                threshold=settings.threshold,
                strong=settings.strong_threshold,
            )
        with _stage(name, "classify", on_stage):
            facts = classify_stage.classify(
                statements,
                graph,
                sources=[c.article.source_id for c in articles],
                contradiction=_nli_fn(settings, cache),
                published={c.article.source_id: c.meta.published for c in articles},
            )
            facts = classify_stage.echoes(facts, statements)
        with _stage(name, "quotes", on_stage):
            quotes = quotes_stage.compare_quotes(statements, facts)
        with _stage(name, "framing", on_stage):
            facts = report_order(framing_stage.annotate(facts, statements, quotes))
            profiles = framing_stage.profiles(articles, statements, facts)
        with _stage(name, "provenance", on_stage):
            derivations = provenance_stage.find_derivations(articles, statements, facts, quotes)
            facts = provenance_stage.independent_counts(facts, derivations)
    finally:
        if own_cache:
            cache.close()
    return StoryResult(
        name=name,
        path=path or Path(name),
        articles=tuple(articles),
        statements=_sorted(statements),
        facts=facts,
        failures=tuple(failures),
        model=embedder.model_id,
        threshold=settings.threshold,
        quotes=quotes,
        profiles=profiles,
        derivations=derivations,
        graph=graph,
    )


def article_from_paragraphs(
    source_id: str, paragraphs: Sequence[str], *, meta: ArticleMeta | None = None
) -> CleanArticle:
    """A clean article built from text that needs no cleaning: one block per paragraph.

    ``Article.text`` is the paragraphs joined by newlines, so statement ``block`` indices
    are paragraph indices and offsets point into that text.
    """
    text = "\n".join(paragraphs)
    blocks, start = [], 0
    for i, para in enumerate(paragraphs):
        blocks.append(Block(i, para, tuple(range(start, start + len(para)))))
        start += len(para) + 1
    meta = meta or ArticleMeta()
    article = Article(
        source_id=source_id,
        path=Path(source_id),
        text=text,
        body_start=0,
        format=TextFormat.TXT,
        encoding="utf-8",
        meta=meta,
    )
    return CleanArticle(article=article, blocks=tuple(blocks), removed=(), meta=meta)


def _sorted(statements: tuple[Statement, ...]) -> tuple[Statement, ...]:
    return tuple(sorted(statements, key=lambda s: (s.source_id, s.index)))


def check(
    path: Path | str,
    *,
    settings: Settings,
    embedder: Embedder | None = None,
    on_stage: StageCallback = _noop,
) -> Iterator[StoryResult]:
    """Run every story under ``path`` (one story folder, or a folder of story folders),
    yielding each result as soon as it is ready.

    Raises:
        CorpusError: ``path`` is missing or holds no articles (raised before any work).
    """
    stories = ingest_stage.find_stories(Path(path))
    return _run_all(stories, settings, embedder, on_stage)


def _run_all(
    stories: list[Path],
    settings: Settings,
    embedder: Embedder | None,
    on_stage: StageCallback,
) -> Iterator[StoryResult]:
    cache = Cache(settings.cache_dir)
    embedder = embedder or SentenceTransformerEmbedder(settings.model)
    try:
        for story in stories:
            yield check_story(
                story, settings=settings, embedder=embedder, cache=cache, on_stage=on_stage
            )
    finally:
        cache.close()
