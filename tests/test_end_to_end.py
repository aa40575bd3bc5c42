"""The whole pipeline on hand-written stories with known answers, with the real default
model (MiniLM embeddings and spaCy), compared against golden reports.

Regenerate the golden files with ``pytest --update-golden`` and review the diff.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from factcheck.embed import SentenceTransformerEmbedder
from factcheck.pipeline import check
from factcheck.report import render_markdown
from factcheck.report_json import render_json
from factcheck.settings import Settings
from factcheck.types import ConflictKind, Coverage, FramingKind, QuoteClass, StoryResult

pytestmark = pytest.mark.model

STORIES = Path(__file__).parent / "data" / "stories"
GOLDEN = Path(__file__).parent / "data" / "golden"  # not beside the stories: .md is an article


@pytest.fixture(scope="session")
def embedder() -> SentenceTransformerEmbedder:
    return SentenceTransformerEmbedder()


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(scope="session")
def results(embedder: SentenceTransformerEmbedder, cache_dir: Path) -> dict[str, StoryResult]:
    settings = Settings(cache_dir=cache_dir)
    return {r.name: r for r in check(STORIES, settings=settings, embedder=embedder)}


def _texts(result: StoryResult, ids: Sequence[str]) -> list[str]:
    by_id = {s.id: s.text for s in result.statements}
    return [by_id[i] for i in ids]


def test_end_to_end_finds_the_fact_all_sources_share(results: dict[str, StoryResult]) -> None:
    bridge = results["harbor-bridge"]
    consensus = [f for f in bridge.facts if f.coverage is Coverage.CONSENSUS]
    assert len(consensus) == 1
    assert all("120" in t for t in _texts(bridge, consensus[0].statement_ids))


def test_end_to_end_finds_the_detail_each_source_adds(results: dict[str, StoryResult]) -> None:
    bridge = results["harbor-bridge"]
    unique = {
        f.source_ids[0]: _texts(bridge, f.statement_ids)[0]
        for f in bridge.facts
        if f.coverage is Coverage.UNIQUE
    }
    assert "bike lane" in unique["city-herald"]
    assert "corrosion" in unique["metro-daily"]
    assert "traffic jams" in unique["river-post"]


def test_end_to_end_catches_a_numeric_conflict(results: dict[str, StoryResult]) -> None:
    conflicts = [c for f in results["harbor-bridge"].facts for c in f.conflicts]
    values = [{c.value_a, c.value_b} for c in conflicts if c.kind is ConflictKind.VALUE]
    assert values == [{"40,000 vehicles", "25,000 vehicles"}]  # sides in content order


def test_end_to_end_catches_a_date_conflict(results: dict[str, StoryResult]) -> None:
    conflicts = [c for f in results["harbor-bridge"].facts for c in f.conflicts]
    values = [{c.value_a, c.value_b} for c in conflicts if c.kind is ConflictKind.DATE]
    assert values == [{"March 2027", "June 2027"}]


def test_end_to_end_sees_no_conflict_in_compatible_roundings(
    results: dict[str, StoryResult],
) -> None:
    acme = results["acme-layoffs"]
    assert not any(f.conflicts for f in acme.facts)
    assert sum(f.coverage is Coverage.CONSENSUS for f in acme.facts) == 2


def test_end_to_end_strips_chrome_and_counts_a_doubled_body_once(
    results: dict[str, StoryResult],
) -> None:
    bridge = results["harbor-bridge"]
    texts = " ".join(s.text for s in bridge.statements)
    for chrome in ("Advertisement", "Comments", "stadium", "Share this", "All rights reserved"):
        assert chrome not in texts
    per_source = {a.article.source_id: 0 for a in bridge.articles}
    for s in bridge.statements:
        per_source[s.source_id] += 1
    assert per_source == {"city-herald": 5, "metro-daily": 4, "river-post": 3}


def test_end_to_end_single_article_story_says_there_is_nothing_to_compare(
    results: dict[str, StoryResult],
) -> None:
    md = render_markdown(results["solo"])
    assert "Nothing to compare it with" in md
    assert json.loads(render_json(results["solo"]))["summary"]["comparable"] is False


def test_end_to_end_classifies_quotes_across_sources(results: dict[str, StoryResult]) -> None:
    found = {(q.kind, q.speaker_a, q.speaker_b) for q in results["stadium-vote"].quotes}
    assert (QuoteClass.ALTERED, "Mayor Lena Ortiz", "Ortiz") in found
    assert (
        QuoteClass.MISATTRIBUTED,
        "Council member Raj Patel",
        "council member Dana Wells",
    ) in found
    assert (QuoteClass.UNSUPPORTED, "Ortiz", None) in found
    assert any(kind is QuoteClass.PARAPHRASED for kind, _, _ in found)


def test_end_to_end_shows_the_word_diff_of_a_reworded_quote(
    results: dict[str, StoryResult],
) -> None:
    (altered,) = [q for q in results["stadium-vote"].quotes if q.kind is QuoteClass.ALTERED]
    assert altered.diff is not None and "[-back-]" in altered.diff
    assert "word diff" in render_markdown(results["stadium-vote"])


def test_end_to_end_flags_hedged_and_loaded_wording_of_a_shared_fact(
    results: dict[str, StoryResult],
) -> None:
    (fact,) = [f for f in results["stadium-vote"].facts if f.framing]
    kinds = {n.kind: n for n in fact.framing}
    assert kinds[FramingKind.HEDGING].words == (("reportedly",),)
    assert kinds[FramingKind.LOADED].words == (("whopping",),)
    assert "[-reportedly-]" in (kinds[FramingKind.HEDGING].diff or "")


def test_end_to_end_finds_no_conflict_in_a_reworded_story(
    results: dict[str, StoryResult],
) -> None:
    assert not any(f.conflicts for f in results["stadium-vote"].facts)


@pytest.mark.parametrize("story", ["harbor-bridge", "acme-layoffs", "solo", "stadium-vote"])
def test_end_to_end_matches_the_golden_report(
    story: str, results: dict[str, StoryResult], update_golden: bool
) -> None:
    golden = GOLDEN / f"{story}.md"
    actual = render_markdown(results[story])
    if update_golden:
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8"), (
        f"{golden.name} differs; if the change is intended, run pytest --update-golden "
        "and review the diff"
    )


class _NoModel:
    """Same model id as the real embedder, but any model work fails the test."""

    def __init__(self, model_id: str) -> None:
        self.model_id = model_id

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        raise AssertionError(f"model work on a warm cache: {list(texts)[:2]}")


def test_end_to_end_rerun_is_byte_identical_and_does_no_model_work(
    results: dict[str, StoryResult], embedder: SentenceTransformerEmbedder, cache_dir: Path
) -> None:
    again = {
        r.name: r
        for r in check(
            STORIES, settings=Settings(cache_dir=cache_dir), embedder=_NoModel(embedder.model_id)
        )
    }
    for name, first in results.items():
        assert render_markdown(again[name]) == render_markdown(first)
        assert render_json(again[name]) == render_json(first)


ROOT = Path(__file__).parent.parent


def test_committed_reports_are_those_of_the_corpora(
    embedder: SentenceTransformerEmbedder, cache_dir: Path
) -> None:
    """``reports/`` holds exactly what ``make report`` writes for ``corpora/``, so a change to
    the code or to an article that alters a report cannot land without its new report."""
    results = list(
        check(ROOT / "corpora", settings=Settings(cache_dir=cache_dir), embedder=embedder)
    )
    expected = {f"{r.name}.md": render_markdown(r) for r in results}
    expected |= {f"{r.name}.json": render_json(r) for r in results}
    committed = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "reports").iterdir()}
    assert sorted(committed) == sorted(expected), "reports/ holds other files than corpora/'s"
    stale = sorted(name for name, text in expected.items() if committed[name] != text)
    assert not stale, f"reports/ is out of date for {stale}: run `make report` and commit it"
