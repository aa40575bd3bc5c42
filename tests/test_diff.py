"""`factcheck diff`, the CI gate and git revisions of a story."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from helpers import FakeEmbedder
from typer.testing import CliRunner

from factcheck.cache import Cache
from factcheck.cli import app
from factcheck.diff import diff_reports, gate, render_diff
from factcheck.history import Baseline, read_at, story_tree_at
from factcheck.pipeline import check_story
from factcheck.report_json import to_json
from factcheck.settings import Settings

BASE = {
    "herald.txt": "The council approved the bridge plan on Tuesday.\n"
    "The bridge carries 40,000 vehicles a day, the mayor said.\n",
    "daily.txt": "The council approved the bridge plan on Tuesday.\n"
    "The bridge carries 40,000 vehicles a day, officials said.\n",
}


def _write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text)
    return folder


def _report(folder: Path) -> dict[str, Any]:
    result = check_story(folder, settings=Settings(), embedder=FakeEmbedder(), cache=Cache(None))
    return to_json(result)


@pytest.fixture
def before_after(tmp_path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    old = _report(_write(tmp_path / "old" / "bridge", BASE))
    changed = dict(BASE)
    changed["daily.txt"] = BASE["daily.txt"].replace("40,000", "25,000")
    changed["wire.txt"] = "The council approved the bridge plan on Tuesday.\nA ferry will run.\n"
    new = _report(_write(tmp_path / "new" / "bridge", changed))
    return old, new


def test_diff_reports_a_new_conflict(before_after: tuple[dict[str, Any], dict[str, Any]]) -> None:
    d = diff_reports(*before_after)
    (c,) = d.new_conflicts
    assert (c.kind, c.value_a, c.value_b) == ("value", "25,000 vehicles", "40,000 vehicles")


def test_diff_reports_a_resolved_conflict(
    before_after: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    old, new = before_after
    d = diff_reports(new, old)
    assert len(d.resolved_conflicts) == 1
    assert d.new_conflicts == ()


def test_diff_reports_a_fact_that_gained_a_source(
    before_after: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    d = diff_reports(*before_after)
    assert any(f.gained == ("wire",) and "approved" in f.text for f in d.facts)
    assert d.sources_added == ("wire",)


def test_diff_reports_a_new_unique_detail(
    before_after: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    d = diff_reports(*before_after)
    assert [(src, text) for _, src, text in d.new_unique] == [("wire", "A ferry will run.")]


def test_diff_reports_what_a_revision_changed(
    before_after: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    (rev,) = diff_reports(*before_after).revisions
    assert rev.file == "daily.txt"
    assert rev.removed == ("The bridge carries 40,000 vehicles a day, officials said.",)
    assert rev.added == ("The bridge carries 25,000 vehicles a day, officials said.",)


def test_diff_of_identical_reports_is_empty(
    before_after: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    old, _ = before_after
    d = diff_reports(old, json.loads(json.dumps(old)))
    assert d.status == "unchanged"
    assert "No change" in render_diff([d])


def test_diff_markdown_folds_evidence_and_escapes_text(
    before_after: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    old, new = before_after
    new["statements"][0]["text"] = "<script>x</script> | [link](http://evil)"
    md = render_diff([diff_reports(old, new)])
    assert "<details><summary>sentences</summary>" in md
    assert "<script>" not in md and "&lt;script&gt;" in md


def test_diff_gate_conflict_and_new_conflict(
    before_after: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    old, new = before_after
    assert gate(old, None, ["conflict"]) == []
    assert gate(new, None, ["conflict"]) != []
    assert gate(new, old, ["new-conflict"]) != []
    assert gate(new, new, ["new-conflict"]) == []


# --------------------------------------------------------------------------- git


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    _write(root / "corpora" / "bridge", BASE)
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "base")
    (root / "corpora" / "bridge" / "daily.txt").write_text(
        BASE["daily.txt"].replace("40,000", "25,000")
    )
    return root


def test_diff_story_tree_at_a_revision_holds_the_old_files(repo: Path) -> None:
    with story_tree_at(repo / "corpora", "HEAD") as tree:
        assert tree.name == "corpora"
        assert (tree / "bridge" / "daily.txt").read_text() == BASE["daily.txt"]
    assert "25,000" in (repo / "corpora" / "bridge" / "daily.txt").read_text()


def test_diff_read_at_a_missing_file_is_none(repo: Path) -> None:
    assert read_at(repo / "corpora" / "bridge" / "nope.txt", "HEAD") is None


def test_diff_unknown_revision_is_a_clear_error(repo: Path) -> None:
    from factcheck.errors import ConfigError

    with (
        pytest.raises(ConfigError, match="no such git revision"),
        story_tree_at(repo / "corpora", "no-such-branch"),
    ):
        pass


def test_diff_baseline_defaults_to_the_report_in_out(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "s.json").write_text('{"story": "s"}')
    base = Baseline(None, out=tmp_path / "out", corpus=tmp_path, settings=Settings())
    assert base.report("s") == {"story": "s"}
    assert base.report("other") is None


@pytest.mark.model
def test_diff_cli_compares_a_corpus_with_a_revision(repo: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app,
        ["diff", str(repo / "corpora"), "--rev", "HEAD", "--cache-dir", str(tmp_path / "c")],
    )
    assert result.exit_code == 0, result.stderr
    assert "#### New conflicts" in result.stdout
    assert "#### Revised articles" in result.stdout and "`daily.txt`" in result.stdout


@pytest.mark.model
def test_diff_cli_fail_on_new_conflict_against_a_revision(repo: Path, tmp_path: Path) -> None:
    args = ["check", str(repo / "corpora"), "-o", str(tmp_path / "r"), "-q"]
    args += ["--cache-dir", str(tmp_path / "c"), "--fail-on", "new-conflict"]
    result = CliRunner().invoke(app, [*args, "--baseline", "HEAD"])
    assert result.exit_code == 3
    assert result.stderr.startswith("fail: bridge: 1 new conflict(s)")
    again = CliRunner().invoke(app, args)  # baseline: the report just written
    assert again.exit_code == 0


def test_diff_cli_needs_two_reports_or_a_revision(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["diff", str(tmp_path)])
    assert result.exit_code == 2
    assert "two report JSON files" in result.stderr


def test_diff_cli_refuses_a_file_that_is_not_a_report(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text("{}")
    (tmp_path / "b.json").write_text("[]")
    result = CliRunner().invoke(app, ["diff", str(tmp_path / "a.json"), str(tmp_path / "b.json")])
    assert result.exit_code == 1
    assert "not a factcheck report" in result.stderr


def test_diff_cli_unknown_fail_on_condition_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["check", str(tmp_path), "--fail-on", "typo"])
    assert result.exit_code == 2
    assert "typo" in result.stderr
