"""The pipeline runner: stage order, failures named by stage, in-memory analysis."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import FakeEmbedder

from factcheck import pipeline
from factcheck.cache import Cache
from factcheck.errors import CorpusError, StageError
from factcheck.settings import Settings

STORIES = Path(__file__).parent / "data" / "stories"


def test_pipeline_reports_stages_in_order(fake_embedder: FakeEmbedder) -> None:
    seen: list[str] = []
    pipeline.check_story(
        STORIES / "acme-layoffs",
        settings=Settings(),
        embedder=fake_embedder,
        cache=Cache(None),
        on_stage=lambda story, stage: seen.append(stage),
    )
    assert tuple(seen) == pipeline.STAGES


def test_pipeline_names_the_stage_that_failed(
    fake_embedder: FakeEmbedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("boom")

    monkeypatch.setattr(pipeline.align_stage, "align", broken)
    with pytest.raises(StageError, match=r"acme-layoffs: stage 'align' failed: ValueError: boom"):
        pipeline.check_story(
            STORIES / "acme-layoffs", settings=Settings(), embedder=fake_embedder, cache=Cache(None)
        )


def test_pipeline_check_raises_before_any_work_for_a_missing_path(tmp_path: Path) -> None:
    with pytest.raises(CorpusError):
        pipeline.check(tmp_path / "missing", settings=Settings(), embedder=FakeEmbedder())


def test_pipeline_analyse_maps_statements_to_paragraphs(fake_embedder: FakeEmbedder) -> None:
    arts = [
        pipeline.article_from_paragraphs("a", ["First point is made here.", "Second point too."]),
        pipeline.article_from_paragraphs("b", ["Second point too, again."]),
    ]
    result = pipeline.analyse(
        arts, name="mem", settings=Settings(), embedder=fake_embedder, cache=Cache(None)
    )
    assert [(s.id, s.block) for s in result.statements] == [("a:1", 0), ("a:2", 1), ("b:1", 0)]
    assert result.statements[1].start == len("First point is made here.") + 1


def test_pipeline_story_given_as_dot_is_named_after_its_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    story = tmp_path / "harbor"
    story.mkdir()
    (story / "a.txt").write_text("The council approved the bridge plan on Tuesday.\n")
    monkeypatch.chdir(story)
    result = pipeline.check_story(
        Path(), settings=Settings(), embedder=FakeEmbedder(), cache=Cache(None)
    )
    assert result.name == "harbor"
