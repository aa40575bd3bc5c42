"""Tests for factcheck.history: a corpus folder as it was at a git revision."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest
from helpers import git

from factcheck.errors import CorpusError
from factcheck.history import story_tree_at
from factcheck.ingest import find_stories, read_story

ARTICLE = "The county board approved the dam repair on Tuesday, officials said.\n"


def _commit(root: Path) -> None:
    if not (root / ".git").exists():
        git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "commit")


@pytest.fixture
def story(tmp_path: Path) -> Path:
    folder = tmp_path / "repo" / "corpora" / "dam-repair"
    folder.mkdir(parents=True)
    (folder / "times.txt").write_text(ARTICLE)
    return folder


def test_history_a_linked_article_reads_as_its_target_at_the_revision(story: Path) -> None:
    (story.parent / "wires").mkdir()
    (story.parent / "wires" / "wire.txt").write_text("The wire said the repair costs $4 million.\n")
    (story / "wire.txt").symlink_to("../wires/wire.txt")
    (story / "gazette.txt").symlink_to("times.txt")
    _commit(story.parents[1])
    with story_tree_at(story.parent, "HEAD") as tree:
        copy = tree / "dam-repair"
        assert (copy / "wire.txt").read_text() == (story / "wire.txt").read_text()
        assert (copy / "gazette.txt").read_text() == ARTICLE  # not the link text "times.txt"
        old, _ = read_story(copy, max_file_bytes=1 << 20)
    new, _ = read_story(story, max_file_bytes=1 << 20)
    assert [(a.source_id, a.text) for a in old] == [(a.source_id, a.text) for a in new]


def test_history_a_broken_link_stays_broken_at_the_revision(story: Path) -> None:
    (story / "gone.txt").symlink_to("nowhere.txt")
    _commit(story.parents[1])
    with story_tree_at(story.parent, "HEAD") as tree:
        _, failures = read_story(tree / "dam-repair", max_file_bytes=1 << 20)
    assert [f.path.name for f in failures] == ["gone.txt"]
    assert failures[0].problem.startswith("broken symbolic link")


def test_history_a_link_to_a_story_folder_is_copied_as_that_folder(story: Path) -> None:
    (story.parent / "dam-copy").symlink_to("dam-repair")
    _commit(story.parents[1])
    with story_tree_at(story.parent, "HEAD") as tree:
        assert (tree / "dam-copy" / "times.txt").read_text() == ARTICLE


def test_history_a_file_name_that_is_not_utf8_is_copied(story: Path) -> None:
    name = os.fsdecode(b"caf\xe9.txt")
    (story / name).write_text(ARTICLE)
    _commit(story.parents[1])
    with story_tree_at(story.parent, "HEAD") as tree:
        articles, failures = read_story(tree / "dam-repair", max_file_bytes=1 << 20)
    assert not failures
    assert sorted(a.source_id for a in articles) == ["caf\\xe9", "times"]


def test_history_messages_name_the_revision_not_the_temporary_folder(
    story: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (story / "photo.png").write_bytes(b"\x89PNG")
    _commit(story.parents[1])
    with (
        caplog.at_level(logging.WARNING, logger="factcheck"),
        story_tree_at(story.parent, "HEAD") as tree,
    ):
        read_story(tree / "dam-repair", max_file_bytes=1 << 20)
    (message,) = [m for m in caplog.messages if "photo.png" in m]
    assert "skipping HEAD:corpora/dam-repair/photo.png" in message
    assert "factcheck-rev-" not in message


def test_history_errors_name_the_revision_not_the_temporary_folder(story: Path) -> None:
    (story / "times.txt").unlink()
    (story / "notes.csv").write_text("a,b\n")
    _commit(story.parents[1])
    with pytest.raises(CorpusError) as info, story_tree_at(story, "HEAD") as tree:
        find_stories(tree)
    assert "HEAD:corpora/dam-repair" in str(info.value)
    assert "factcheck-rev-" not in str(info.value)


def test_history_a_readme_beside_the_stories_is_not_a_story_at_the_revision(
    story: Path,
) -> None:
    (story.parent / "README.md").write_text("# Stories\n")
    _commit(story.parents[1])
    with story_tree_at(story.parent, "HEAD") as tree:
        assert [p.name for p in find_stories(tree)] == ["dam-repair"]
