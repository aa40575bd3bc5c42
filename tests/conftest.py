"""Shared fixtures.

- ``--update-golden`` rewrites the golden reports instead of comparing against them.
- ``statement_factory`` builds a real parsed :class:`Statement` from a sentence (spaCy runs
  once per session; parses are cached in memory).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from helpers import FakeEmbedder, bare_statement

from factcheck.cache import Cache
from factcheck.nlp import parse_texts
from factcheck.settings import DEFAULT_SPACY_MODEL
from factcheck.types import Entity, Statement, Token


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite golden report files in tests/data/ instead of comparing with them",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def memory_cache() -> Cache:
    return Cache(None)


StatementFactory = Callable[..., Statement]


@pytest.fixture(scope="session")
def statement_factory(memory_cache: Cache) -> StatementFactory:
    """``make(text, source_id="s", index=1)`` -> a Statement parsed as one sentence."""

    def make(text: str, source_id: str = "s", index: int = 1) -> Statement:
        (sents,) = parse_texts([text], model=DEFAULT_SPACY_MODEL, cache=memory_cache)
        tokens: list[Token] = []
        entities: list[Entity] = []
        for sent in sents:  # a factory statement may hold several spaCy sentences
            base = len(tokens)
            tokens += [
                replace(t, start=t.start + sent.start, end=t.end + sent.start, head=t.head + base)
                for t in sent.tokens
            ]
            entities += [
                replace(e, start=e.start + sent.start, end=e.end + sent.start)
                for e in sent.entities
            ]
        return replace(
            bare_statement(source_id, index, text), tokens=tuple(tokens), entities=tuple(entities)
        )

    return make


@pytest.fixture
def fake_embedder() -> FakeEmbedder:
    return FakeEmbedder()
