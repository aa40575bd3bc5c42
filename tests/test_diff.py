"""`factcheck diff`, the CI gate and git revisions of a story."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from helpers import FakeEmbedder, git
from typer.testing import CliRunner

from factcheck.cache import Cache
from factcheck.cli import app
from factcheck.diff import diff_reports, gate, load_report, render_diff, text_key
from factcheck.errors import ConfigError, CorpusError
from factcheck.history import (
    Baseline,
    check_gate_options,
    diff_revision,
    read_at,
    story_tree_at,
)
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
    assert (c.kind, {c.value_a, c.value_b}) == ("value", {"25,000 vehicles", "40,000 vehicles"})


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
    assert rev.file == rev.old_file == "daily.txt"
    assert rev.edited == (
        (
            "The bridge carries 40,000 vehicles a day, officials said.",
            "The bridge carries 25,000 vehicles a day, officials said.",
        ),
    )
    assert rev.added == rev.removed == ()


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


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    _write(root / "corpora" / "bridge", BASE)
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "base")
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
    with (
        pytest.raises(ConfigError, match="no such git revision"),
        story_tree_at(repo / "corpora", "no-such-branch"),
    ):
        pass


#: The smallest valid report: every list the diff reads, each empty.
EMPTY_REPORT: dict[str, Any] = {
    "schema": "factcheck.report/1",
    "story": "s",
    **{key: [] for key in ("sources", "statements", "facts", "quotes", "failures")},
}


def test_diff_baseline_defaults_to_the_report_in_out(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    report = EMPTY_REPORT
    (tmp_path / "out" / "s.json").write_text(json.dumps(report))
    base = Baseline(None, out=tmp_path / "out", corpus=tmp_path, settings=Settings())
    assert base.report("s") == report
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


# --------------------------------------------------------------------------- matching rules


def _story(tmp_path: Path, name: str, files: dict[str, str]) -> dict[str, Any]:
    """The report of a story written to ``tmp_path/name/bridge`` (fake embedder)."""
    return _report(_write(tmp_path / name / "bridge", files))


def test_diff_text_key_keeps_what_changes_a_value() -> None:
    assert text_key("The bridge, it said, carries 40,000 cars!") == text_key(
        "the bridge it said carries 40,000 cars"
    )
    assert text_key("rose 5%") != text_key("rose $5")
    assert text_key("$450 million") != text_key("€450 million")
    assert text_key("40,000") != text_key("-40,000") != text_key("40000")
    assert text_key("1.5 km") != text_key("15 km")
    assert text_key("a well-known bridge") == text_key("a well known bridge")


def test_diff_rewording_a_conflicting_sentence_is_no_new_conflict(tmp_path: Path) -> None:
    old = _story(tmp_path, "old", {**BASE, "daily.txt": BASE["daily.txt"].replace("40,", "25,")})
    assert gate(old, None, ["conflict"]) != []  # the story has a conflict to begin with
    reworded = BASE["daily.txt"].replace(
        "carries 40,000 vehicles a day", "carries about 25,000 vehicles every day"
    )
    new = _story(tmp_path, "new", {**BASE, "daily.txt": reworded})
    d = diff_reports(old, new)
    assert d.new_conflicts == d.resolved_conflicts == ()
    assert gate(new, old, ["new-conflict"]) == []
    ((before, after),) = d.revisions[0].edited
    assert "about 25,000" in after and "about" not in before
    assert d.new_unique == ()  # an edit is not a new detail


def test_diff_conflicts_do_not_depend_on_the_sentences_text(
    before_after: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    """A checker change that cleans or splits sentences differently is no new conflict."""
    _, new = before_after
    recleaned = json.loads(json.dumps(new))
    for s in recleaned["statements"]:
        s["text"] = s["text"].replace(" a day", " per day").replace(", officials said", "")
    d = diff_reports(new, recleaned)
    assert d.new_conflicts == d.resolved_conflicts == ()
    assert gate(recleaned, new, ["new-conflict"]) == []


def test_diff_a_changed_value_is_a_changed_conflict_not_new_and_resolved(tmp_path: Path) -> None:
    old = _story(tmp_path, "old", {**BASE, "daily.txt": BASE["daily.txt"].replace("40,", "25,")})
    new = _story(tmp_path, "new", {**BASE, "daily.txt": BASE["daily.txt"].replace("40,", "30,")})
    d = diff_reports(old, new)
    assert d.new_conflicts == d.resolved_conflicts == ()
    (e,) = d.changed_conflicts
    c = e.conflict
    now = {c.source_a: c.value_a, c.source_b: c.value_b}
    before = {c.source_a: e.old_value_a, c.source_b: e.old_value_b}
    assert now == {"daily": "30,000 vehicles", "herald": "40,000 vehicles"}
    assert before == {"daily": "25,000 vehicles", "herald": "40,000 vehicles"}
    md = render_diff([d])
    assert "#### Changed conflicts" in md
    assert "daily *25,000 vehicles* → *30,000 vehicles*" in md
    assert "herald *40,000 vehicles* vs" in md or "vs herald *40,000 vehicles*" in md
    assert "- daily, before: The bridge carries 25,000 vehicles" in md
    assert "1 changed conflict(s)" in md and "resolved" not in md
    # 30,000 is a figure no source gave before: a new disagreement for the gate
    (reason,) = gate(new, old, ["new-conflict"])
    assert "1 new conflict(s)" in reason and "30,000 vehicles" in reason


def test_diff_a_new_source_backing_one_side_is_no_new_conflict(tmp_path: Path) -> None:
    files = {**BASE, "daily.txt": BASE["daily.txt"].replace("40,", "25,")}
    old = _story(tmp_path, "old", files)
    backer = BASE["herald.txt"].replace("the mayor said", "a spokesman said")
    new = _story(tmp_path, "new", {**files, "wire.txt": backer})
    d = diff_reports(old, new)
    assert d.new_conflicts == ()
    (c,) = d.joined_conflicts
    assert {c.source_a, c.source_b} == {"wire", "daily"}
    assert gate(new, old, ["new-conflict"]) == []
    assert "- joined: **value** in " in render_diff([d])


def test_diff_a_new_source_with_a_third_value_is_a_new_conflict(tmp_path: Path) -> None:
    files = {**BASE, "daily.txt": BASE["daily.txt"].replace("40,", "25,")}
    old = _story(tmp_path, "old", files)
    third = BASE["herald.txt"].replace("40,", "31,").replace("the mayor said", "a spokesman said")
    new = _story(tmp_path, "new", {**files, "wire.txt": third})
    d = diff_reports(old, new)
    assert {frozenset({c.value_a, c.value_b}) for c in d.new_conflicts} == {
        frozenset({"31,000 vehicles", "25,000 vehicles"}),
        frozenset({"31,000 vehicles", "40,000 vehicles"}),
    }
    assert gate(new, old, ["new-conflict"]) != []


@pytest.mark.parametrize(
    ("damage", "why"),
    [
        (lambda folder: (folder / "daily.txt").unlink(), "daily: removed"),
        (
            lambda folder: (folder / "daily.txt").write_bytes(b"PK\x03\x04\0\0"),
            "daily: unreadable now",
        ),
    ],
)
def test_diff_a_conflict_whose_source_went_is_not_resolved(
    tmp_path: Path, damage: Callable[[Path], object], why: str
) -> None:
    files = {**BASE, "daily.txt": BASE["daily.txt"].replace("40,", "25,")}
    old = _story(tmp_path, "old", files)
    folder = _write(tmp_path / "new" / "bridge", files)
    damage(folder)
    d = diff_reports(old, _report(folder))
    assert d.resolved_conflicts == ()
    (g,) = d.gone_conflicts
    assert g.why == why
    md = render_diff([d])
    assert "resolved" not in md.split("####")[0].lower()  # not in the summary line
    assert "1 conflict(s) gone with their source" in md
    assert "#### Conflicts gone with their source (not resolved)" in md
    assert f"({why})" in md


def test_diff_a_resolved_conflict_folds_both_sentences(
    before_after: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    old, new = before_after
    md = render_diff([diff_reports(new, old)])
    resolved = md.split("#### Resolved conflicts")[1].split("####")[0]
    assert "<details><summary>sentences</summary>" in resolved
    assert "The bridge carries 25,000 vehicles a day, officials said." in resolved
    assert "The bridge carries 40,000 vehicles a day, the mayor said." in resolved


def _renamed(report: dict[str, Any], old: str, new: str) -> dict[str, Any]:
    """``report`` as if file ``old``.txt had been renamed ``new``.txt (IDs and labels)."""
    text = json.dumps(report).replace(f'"{old}:', f'"{new}:')
    text = text.replace(f'"{old}"', f'"{new}"').replace(f'"{old}.txt"', f'"{new}.txt"')
    renamed: dict[str, Any] = json.loads(text)
    return renamed


QUOTED = {
    "herald.txt": "The council approved the bridge plan on Tuesday.\n"
    '"We will bring jobs and pride back to downtown," Mayor Lena Ortiz said.\n',
    "metro.txt": "The council approved the bridge plan on Tuesday.\n"
    '"We will bring jobs and pride to downtown," Mayor Lena Ortiz said.\n',
}


def test_diff_a_renamed_file_keeps_its_misquote(tmp_path: Path) -> None:
    old = _story(tmp_path, "old", QUOTED)
    (finding,) = [q for q in old["quotes"] if q["kind"] == "altered"]
    assert finding["a"].startswith("herald")
    new = _story(
        tmp_path, "new", {"zherald.txt": QUOTED["herald.txt"], "metro.txt": QUOTED["metro.txt"]}
    )
    (moved,) = [q for q in new["quotes"] if q["kind"] == "altered"]
    assert moved["a"].startswith("metro")  # the sides swapped
    d = diff_reports(old, new)
    assert d.new_quotes == d.gone_quotes == ()
    assert gate(new, old, ["new-misquote"]) == []
    assert [(r.old_file, r.new_file) for r in d.renames] == [("herald.txt", "zherald.txt")]


def test_diff_quote_findings_match_whatever_the_order_of_their_sides(tmp_path: Path) -> None:
    old = _story(tmp_path, "old", QUOTED)
    swapped = json.loads(json.dumps(old))
    for q in swapped["quotes"]:
        for x, y in (("a", "b"), ("speaker_a", "speaker_b"), ("text_a", "text_b")):
            q[x], q[y] = q[y], q[x]
    assert diff_reports(old, swapped).status == "unchanged"


def test_diff_a_renamed_file_is_shown_once(tmp_path: Path) -> None:
    old = _story(tmp_path, "old", {**BASE, "wire.txt": "A ferry will run.\n"})
    new = _renamed(old, "daily", "daily-news")
    d = diff_reports(old, new)
    assert d.facts == d.revisions == d.new_unique == ()
    assert d.sources_added == d.sources_removed == ()
    assert [(r.old_source, r.new_source) for r in d.renames] == [("daily", "daily-news")]
    md = render_diff([d])
    assert "- renamed: `daily.txt` → `daily-news.txt` (daily → daily-news)" in md
    assert "gained or lost" not in md and "sources: +" not in md


def test_diff_a_new_outlet_name_is_one_relabelled_source(tmp_path: Path) -> None:
    old = _story(tmp_path, "old", BASE)
    named = "---\noutlet: Daily News\n---\n" + BASE["daily.txt"]
    d = diff_reports(old, _story(tmp_path, "new", {**BASE, "daily.txt": named}))
    assert d.status == "changed" and d.facts == d.revisions == d.sources_added == ()
    assert "- relabelled: `daily.txt`: daily → Daily News" in render_diff([d])


def test_diff_a_file_renamed_and_edited_is_revised(tmp_path: Path) -> None:
    old = _story(tmp_path, "old", BASE)
    edited = BASE["daily.txt"] + "Engineers found corrosion in the steel cables.\n"
    new = _story(tmp_path, "new", {"herald.txt": BASE["herald.txt"], "daily-news.txt": edited})
    d = diff_reports(old, new)
    assert [r.new_file for r in d.renames] == ["daily-news.txt"]
    (rev,) = d.revisions
    assert (rev.old_file, rev.file) == ("daily.txt", "daily-news.txt")
    assert rev.added == ("Engineers found corrosion in the steel cables.",)
    assert "- `daily.txt` → `daily-news.txt`: 1 statement(s) added" in render_diff([d])


def test_diff_two_outlets_with_the_same_words_are_not_a_rename(tmp_path: Path) -> None:
    """A wire story removed and another outlet's copy of it added are two sources."""
    copy = "The council approved the bridge plan on Tuesday.\nA ferry will run.\n"
    old = _story(tmp_path, "old", {**BASE, "wire.txt": "---\noutlet: Wire One\n---\n" + copy})
    new = _story(tmp_path, "new", {**BASE, "copy.txt": "---\noutlet: Copy Times\n---\n" + copy})
    d = diff_reports(old, new)
    assert d.renames == ()
    assert (d.sources_added, d.sources_removed) == (("copy",), ("wire",))


def test_diff_a_changed_currency_or_sign_is_a_revision(tmp_path: Path) -> None:
    files = {
        "herald.txt": "The plan costs $450 million.\nThe bridge carries 40,000 vehicles a day.\n",
        "daily.txt": "The council approved the bridge plan on Tuesday.\n",
    }
    old = _story(tmp_path, "old", files)
    changed = files["herald.txt"].replace("$450", "€450").replace("40,000", "-40,000")
    d = diff_reports(old, _story(tmp_path, "new", {**files, "herald.txt": changed}))
    (rev,) = d.revisions
    assert [b for _, b in rev.edited] == [
        "The plan costs €450 million.",
        "The bridge carries -40,000 vehicles a day.",
    ]


def test_diff_an_edit_at_the_end_of_a_long_sentence_shows_the_changed_words(
    tmp_path: Path,
) -> None:
    long = (
        "Engineers found corrosion in the steel cables during a 2024 inspection, and the long "
        "report that the city published on its website later in the week said that the "
        "repairs would cost 2 dollars per resident.\n"
    )
    assert len(long) > 200
    files = {**BASE, "daily.txt": BASE["daily.txt"] + long}
    old = _story(tmp_path, "old", files)
    new = _story(tmp_path, "new", {**files, "daily.txt": files["daily.txt"].replace("2 d", "5 d")})
    d = diff_reports(old, new)
    assert d.new_unique == ()  # listed once, as an edit
    md = render_diff([d])
    assert "[-2-] {+5+} dollars per resident." in md
    assert "new unique" not in md.lower()


def test_diff_lists_the_conflicts_of_a_new_story(
    before_after: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    _, new = before_after
    d = diff_reports(None, new)
    md = render_diff([d])
    assert "New story, with 1 conflict(s)." in md
    assert "#### Conflicts" in md and "*25,000 vehicles*" in md and "*40,000 vehicles*" in md
    assert len(gate(new, None, ["new-conflict"])) == 1


def test_diff_added_and_removed_lines_keep_their_markers_when_rendered(
    before_after: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    old, new = before_after
    new["statements"][0]["text"] = "Nothing like the sentence it replaced."
    md = render_diff([diff_reports(old, new)])
    assert "  - **+** Nothing like the sentence it replaced." in md
    assert "  - **−** The council approved the bridge plan on Tuesday." in md
    assert not re.search(r"^\s*- [+\-−] ", md, re.M)  # a bare sign is read as a nested list


def test_diff_reports_new_and_fixed_input_problems(tmp_path: Path) -> None:
    old = _story(tmp_path, "old", BASE)
    folder = _write(tmp_path / "new" / "bridge", BASE)
    (folder / "scan.txt").write_bytes(b"abc\0def")
    new = _report(folder)
    d = diff_reports(old, new)
    assert [f for f, _ in d.new_failures] == ["scan.txt"]
    assert "- new: `scan.txt`: binary file" in render_diff([d])
    (folder / "scan.txt").write_text("Engineers found corrosion in the steel cables.\n")
    fixed = diff_reports(new, _report(folder))
    assert [f for f, _ in fixed.fixed_failures] == ["scan.txt"]
    assert "- fixed: `scan.txt`: binary file" in render_diff([fixed])


def test_diff_names_sources_by_their_report_labels(tmp_path: Path) -> None:
    herald = "---\noutlet: City Herald\n---\n" + BASE["herald.txt"]
    old = _story(tmp_path, "old", {**BASE, "herald.txt": herald})
    daily = BASE["daily.txt"].replace("40,", "25,")
    wire = "The council approved the bridge plan on Tuesday.\n"
    new = _story(tmp_path, "new", {"herald.txt": herald, "daily.txt": daily, "wire.txt": wire})
    md = render_diff([diff_reports(old, new)])
    assert "City Herald *40,000 vehicles*" in md
    assert "(+wire)" in md and "herald" not in md.replace("City Herald", "")


def test_diff_an_altered_quote_shows_both_wordings(tmp_path: Path) -> None:
    old = _story(tmp_path, "old", QUOTED)
    metro = QUOTED["metro.txt"].replace("jobs and pride to", "jobs to")
    new = _story(tmp_path, "new", {**QUOTED, "metro.txt": metro})
    md = render_diff([diff_reports(old, new)])
    assert "- new: **altered**" in md and "[-and pride back-]" in md
    assert "- gone: **altered**" in md and "[-back-]" in md


def test_diff_a_malformed_report_is_a_corpus_error(
    before_after: tuple[dict[str, Any], dict[str, Any]], tmp_path: Path
) -> None:
    old, new = before_after
    new["statements"] = new["statements"][:1]
    with pytest.raises(CorpusError, match="which is not in 'statements'"):
        diff_reports(old, new)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(new))
    with pytest.raises(CorpusError, match=r"bad\.json: malformed factcheck report: fact F-"):
        load_report(path)
    result = CliRunner().invoke(app, ["diff", str(path), str(path)])
    assert result.exit_code == 1
    assert result.stderr.startswith("error: ") and "Traceback" not in result.stderr


def test_diff_gate_refuses_a_baseline_that_md_only_runs_never_write() -> None:
    with pytest.raises(ConfigError, match="--format md"):
        check_gate_options(["new-conflict"], None, ["md"])
    check_gate_options(["new-conflict"], None, ["md", "json"])
    check_gate_options(["new-conflict"], "main", ["md"])
    check_gate_options(["conflict"], None, ["md"])


def test_diff_baseline_missing_from_out_is_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    base = Baseline(None, out=tmp_path, corpus=tmp_path, settings=Settings())
    with caplog.at_level(logging.WARNING, logger="factcheck"):
        assert base.report("bridge") is None
    assert "every conflict counts as new" in caplog.text and "bridge.json" in caplog.text


# --------------------------------------------------------------------------- git baselines


@pytest.fixture
def fake_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pipeline's default embedder replaced by the fake one (no model loaded)."""
    monkeypatch.setattr("factcheck.pipeline.SentenceTransformerEmbedder", lambda _: FakeEmbedder())


def _committed_conflict(root: Path) -> None:
    """Commit a corpus with a conflict and, beside it, a stale report with none."""
    conflicting = {**BASE, "daily.txt": BASE["daily.txt"].replace("40,", "25,")}
    _write(root / "corpora" / "bridge", conflicting)
    stale = _report(_write(root.parent / "stale" / "bridge", BASE))
    _write(root / "reports", {"bridge.json": json.dumps(stale)})
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "base")


@pytest.mark.usefixtures("fake_model")
def test_diff_baseline_at_a_revision_is_computed_from_the_corpus(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    _committed_conflict(root)
    settings = Settings(cache_dir=None)
    base = Baseline("HEAD", out=root / "reports", corpus=root / "corpora", settings=settings)
    report = base.report("bridge")
    assert report is not None and gate(report, None, ["conflict"]) != []  # not the stale one
    (old,) = diff_revision(root / "corpora", "HEAD", settings=settings)
    assert old.status == "unchanged"  # the comment's baseline is the same


@pytest.mark.usefixtures("fake_model")
def test_diff_baseline_at_a_revision_with_out_outside_the_repository(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    _committed_conflict(root)
    args = ["check", str(root / "corpora"), "-o", str(tmp_path / "outside"), "-q", "--no-cache"]
    args += ["--fail-on", "new-conflict", "--baseline", "HEAD"]
    for _ in range(2):  # the second run finds --out full of reports
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0, result.stderr


@pytest.mark.usefixtures("fake_model")
def test_diff_baseline_unknown_revision_names_the_option(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    _committed_conflict(root)
    base = Baseline("nosuchrev", out=root / "reports", corpus=root / "corpora", settings=Settings())
    with pytest.raises(ConfigError, match=r"^--baseline nosuchrev: neither a folder"):
        base.report("bridge")


@pytest.mark.usefixtures("fake_model")
def test_diff_revision_of_a_missing_path_is_an_error(repo: Path) -> None:
    with pytest.raises(CorpusError, match=r"corpora/nosuch: no such file or folder"):
        diff_revision(repo / "corpora" / "nosuch", "HEAD", settings=Settings(cache_dir=None))


@pytest.mark.usefixtures("fake_model")
def test_diff_revision_of_a_deleted_story_says_removed(repo: Path) -> None:
    story = repo / "corpora" / "bridge"
    for f in story.iterdir():
        f.unlink()
    story.rmdir()
    (d,) = diff_revision(story, "HEAD", settings=Settings(cache_dir=None))
    assert d.status == "removed"


def test_diff_docstring_examples_hold() -> None:
    import doctest

    import factcheck.diff

    result = doctest.testmod(factcheck.diff)
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.usefixtures("fake_model")
def test_diff_cli_mistyped_story_path_is_a_one_line_error(repo: Path) -> None:
    result = CliRunner().invoke(app, ["diff", str(repo / "corpora" / "nosuch"), "--rev", "HEAD"])
    assert result.exit_code == 1
    assert "nosuch: no such file or folder" in result.stderr
    assert "No change" not in result.stdout


def test_diff_cli_malformed_report_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": "factcheck.report/1", "facts": [{"statements": ["x:1"]}]}')
    result = CliRunner().invoke(app, ["diff", str(bad), str(bad)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {bad}")
    assert "Traceback" not in result.stderr


def test_check_cli_refuses_a_new_gate_that_can_never_see_its_baseline(tmp_path: Path) -> None:
    args = ["check", str(tmp_path), "-f", "md", "--fail-on", "new-conflict"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert "--baseline" in result.stderr


# --------------------------------------------------------------------------- second round


def test_diff_a_file_renamed_while_its_outlet_name_is_corrected_is_one_source(
    tmp_path: Path,
) -> None:
    """`git mv herald.txt city-herald.txt` plus "City Herald" -> "The City Herald": one
    source relabelled, so its conflict is neither new nor resolved and the gate passes."""
    daily = BASE["daily.txt"].replace("40,", "25,")
    herald = "---\noutlet: City Herald\n---\n" + BASE["herald.txt"]
    old = _story(tmp_path, "old", {"herald.txt": herald, "daily.txt": daily})
    fixed = herald.replace("City Herald", "The City Herald")
    new = _story(tmp_path, "new", {"city-herald.txt": fixed, "daily.txt": daily})
    d = diff_reports(old, new)
    assert [(r.old_source, r.new_source) for r in d.renames] == [("herald", "city-herald")]
    assert d.new_conflicts == d.resolved_conflicts == d.facts == ()
    assert d.sources_added == d.sources_removed == ()
    md = render_diff([d])
    assert "- renamed: `herald.txt` → `city-herald.txt` (City Herald → The City Herald)" in md
    assert gate(new, old, ["new-conflict"]) == []


def test_diff_two_outlet_names_with_one_url_are_one_source(tmp_path: Path) -> None:
    front = "---\noutlet: {}\nurl: https://example.org/bridge\n---\n"
    old = _story(
        tmp_path, "old", {**BASE, "wire.txt": front.format("Wire One") + "A ferry will run.\n"}
    )
    new = _story(
        tmp_path,
        "new",
        {**BASE, "ferry.txt": front.format("Harbor Gazette") + "A ferry will run.\n"},
    )
    assert [(r.old_source, r.new_source) for r in diff_reports(old, new).renames] == [
        ("wire", "ferry")
    ]


def test_diff_same_outlet_reads_names_of_one_outlet_as_one() -> None:
    from factcheck.diff import same_outlet

    assert same_outlet("City Herald", "The City Herald")
    assert same_outlet("the new york times", "The New York Times.")
    assert same_outlet("AP", "The Associated Press")
    assert not same_outlet("Wire One", "Copy Times")
    assert not same_outlet("Daily News", "Daily Mail")
    assert not same_outlet("The", "The Times")  # no words left on one side


def test_diff_refuses_reports_of_two_different_stories(
    before_after: tuple[dict[str, Any], dict[str, Any]], tmp_path: Path
) -> None:
    old, new = before_after
    other = {**new, "story": "ap"}
    with pytest.raises(CorpusError, match=r"story is 'ap', the old report's is 'bridge'"):
        diff_reports(old, other)
    paths = [tmp_path / "bridge.json", tmp_path / "ap.json"]
    for path, report in zip(paths, (old, other), strict=True):
        path.write_text(json.dumps(report))
    result = CliRunner().invoke(app, ["diff", *map(str, paths)])
    assert result.exit_code == 1
    assert "'ap'" in result.stderr and "'bridge'" in result.stderr
    assert "### ap" not in result.stdout


def test_diff_shows_file_names_with_backticks_as_written(tmp_path: Path) -> None:
    from markdown_it import MarkdownIt

    name = "`bad`@team <i>.txt"
    old = _story(tmp_path, "old", BASE)
    folder = _write(tmp_path / "new" / "bridge", BASE)
    (folder / name).write_bytes(b"abc\0def")
    md = render_diff([diff_reports(old, _report(folder))])
    assert f"- new: `` {name} ``: binary file" in md
    html = MarkdownIt("commonmark").render(md)
    assert "<code>`bad`@team &lt;i&gt;.txt</code>" in html and "<i>" not in html


def test_diff_names_a_fact_by_the_same_statement_whatever_the_file_names(
    tmp_path: Path,
) -> None:
    """The text shown for a fact that gained a source is its representative statement (the
    one its ID comes from), so renaming the files does not change it."""
    files = {
        "herald.txt": "The council approved the bridge plan on Tuesday.\n",
        "daily.txt": "On Tuesday the council approved the plan for the bridge.\n",
    }
    wire = {"wire.txt": "The council approved the plan for the bridge on Tuesday.\n"}
    plain = diff_reports(_story(tmp_path, "a", files), _story(tmp_path, "b", {**files, **wire}))
    moved = {"zz-" + k: v for k, v in files.items()}
    renamed = diff_reports(_story(tmp_path, "c", moved), _story(tmp_path, "d", {**moved, **wire}))
    (change,) = plain.facts
    assert [f.text for f in renamed.facts] == [change.text]


# --------------------------------------------------------------------------- third round


def test_diff_a_new_quote_finding_names_the_source_that_quotes_now(tmp_path: Path) -> None:
    """Two sources quote the chair; a third starts quoting her too. The new findings are
    the ones with the third source, not a second copy of the pair that was already there."""
    quote = '"We cannot wait for the next flood," said board chair Maria Delgado.\n'
    files = {
        "gazette.txt": "The county board voted to repair the dam on Monday.\n" + quote,
        "times.txt": "The county board voted on Monday to repair the dam.\n" + quote,
    }
    old = _story(tmp_path, "old", files)
    assert [q["kind"] for q in old["quotes"]] == ["verbatim"]
    ledger = "The county board voted to repair the dam.\n" + quote
    d = diff_reports(old, _story(tmp_path, "new", {**files, "ledger.txt": ledger}))
    assert d.gone_quotes == ()
    assert d.new_quotes and all("ledger" in (q.source_a, q.source_b) for q in d.new_quotes)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("at 3 p.m. on Friday", "at 3pm on Friday"),
        ("voted 5-2 on Friday", "voted 5 to 2 on Friday"),
    ],
)
def test_diff_a_time_or_tally_written_another_way_is_the_same_conflict(
    tmp_path: Path, before: str, after: str
) -> None:
    """Clock times and tallies count by their normalised value, like amounts and dates."""
    other = before.replace("3", "5") if "p.m." in before else before.replace("5-2", "4-3")
    files = {
        "herald.txt": f"The county board met {before} to approve the dam plan, the mayor said.\n",
        "daily.txt": f"The county board met {other} to approve the dam plan, officials said.\n",
    }
    old = _story(tmp_path, "old", files)
    assert gate(old, None, ["conflict"]) != []  # there is a conflict to begin with
    new = _story(
        tmp_path, "new", {**files, "herald.txt": files["herald.txt"].replace(before, after)}
    )
    d = diff_reports(old, new)
    assert d.new_conflicts == d.resolved_conflicts == ()
    assert gate(new, old, ["new-conflict"]) == []


def test_diff_an_outlet_relabel_is_not_counted_as_a_rename(tmp_path: Path) -> None:
    old = _story(tmp_path, "old", BASE)
    named = "---\noutlet: Daily News\n---\n" + BASE["daily.txt"]
    md = render_diff([diff_reports(old, _story(tmp_path, "new", {**BASE, "daily.txt": named}))])
    assert "**1 source(s) relabelled**" in md and "renamed" not in md


def test_diff_an_edit_shows_the_unchanged_words_as_the_sentence_now_reads(tmp_path: Path) -> None:
    files = {
        **BASE,
        "daily.txt": BASE["daily.txt"] + "The dam protects 12,000 homes, an engineer said.\n",
    }
    old = _story(tmp_path, "old", files)
    edited = files["daily.txt"].replace(
        "The dam protects 12,000 homes, an engineer said.",
        "An engineer said the dam protects 12,000 homes.",
    )
    md = render_diff([diff_reports(old, _story(tmp_path, "new", {**files, "daily.txt": edited}))])
    assert "{+An engineer said+} the dam protects" in md
    assert "The dam protects" not in md.split("#### Revised articles")[1]


def test_diff_a_resolved_conflict_names_its_fact(
    before_after: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    old, new = before_after
    d = diff_reports(new, old)
    (c,) = d.resolved_conflicts
    assert f"- **value** in {c.fact}: " in render_diff([d])


def test_diff_a_bad_file_deleted_is_not_a_fix(tmp_path: Path) -> None:
    folder = _write(tmp_path / "old" / "bridge", BASE)
    (folder / "scan.txt").write_bytes(b"abc\0def")
    old = _report(folder)
    d = diff_reports(old, _story(tmp_path, "new", BASE))
    assert d.fixed_failures == ()
    assert [f for f, _ in d.removed_failures] == ["scan.txt"]
    md = render_diff([d])
    assert "- gone with the file: `scan.txt`: binary file" in md
    assert "input problems: 0 new, 0 fixed, 1 gone with their file(s)" in md and "fixed:" not in md


def test_diff_refuses_a_report_without_facts(
    before_after: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    old, new = before_after
    del new["facts"]
    with pytest.raises(CorpusError, match="malformed factcheck report: no 'facts' list"):
        diff_reports(old, new)


def test_diff_refuses_statements_and_facts_that_name_unknown_sources(
    before_after: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    old, new = before_after
    broken = json.loads(json.dumps(new))
    broken["statements"][0]["source"] = "nobody"
    with pytest.raises(CorpusError, match="names source 'nobody', not in 'sources'"):
        diff_reports(old, broken)
    broken = json.loads(json.dumps(new))
    broken["facts"][0]["sources"].append("nobody")
    with pytest.raises(CorpusError, match="names source 'nobody', which is not in 'sources'"):
        diff_reports(old, broken)
    broken = json.loads(json.dumps(new))
    broken["facts"][0]["representative"] = "nobody:1"
    with pytest.raises(CorpusError, match="its representative is not one of its statements"):
        diff_reports(old, broken)


def test_diff_lists_a_change_of_published_date_or_title(tmp_path: Path) -> None:
    dated = "---\npublished: 2026-04-14\ntitle: Bridge vote set\n---\n" + BASE["daily.txt"]
    old = _story(tmp_path, "old", {**BASE, "daily.txt": dated})
    redated = dated.replace("2026-04-14", "2026-04-15").replace("vote set", "vote held")
    d = diff_reports(old, _story(tmp_path, "new", {**BASE, "daily.txt": redated}))
    assert d.status == "changed"
    (m,) = d.metadata
    assert m.changes == (
        ("title", "Bridge vote set", "Bridge vote held"),
        ("published", "2026-04-14", "2026-04-15"),
    )
    md = render_diff([d])
    assert "**1 source(s) with new metadata**" in md
    assert (
        "- metadata of `daily.txt` (daily): title “Bridge vote set” → “Bridge vote held”; "
        "published “2026-04-14” → “2026-04-15”"
    ) in md


def test_diff_names_a_fact_by_the_statement_the_report_shows(
    before_after: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    """The JSON records each fact's representative; the diff names the fact by it."""
    old, new = before_after
    (fact,) = [f for f in new["facts"] if "wire" in f["sources"] and len(f["sources"]) > 1]
    chosen = next(s for s in fact["statements"] if s != fact["representative"])
    edited = json.loads(json.dumps(new))
    next(f for f in edited["facts"] if f["id"] == fact["id"])["representative"] = chosen
    text = next(s["text"] for s in new["statements"] if s["id"] == chosen)
    assert any(f.text == text for f in diff_reports(old, edited).facts)


def test_diff_misquotes_are_quote_classes() -> None:
    from factcheck.diff import MISQUOTES
    from factcheck.types import QuoteClass

    assert set(QuoteClass) >= MISQUOTES and "altered" in MISQUOTES


def test_gate_misquote_does_not_count_a_quote_only_one_source_carries(tmp_path: Path) -> None:
    exclusive = {
        **BASE,
        "herald.txt": BASE["herald.txt"]
        + '"We will not raise property taxes to pay for it," Mayor Lena Ortiz said.\n',
    }
    report = _story(tmp_path, "one", exclusive)
    assert [q["kind"] for q in report["quotes"]] == ["unsupported"]
    assert gate(report, None, ["misquote"]) == []
    (reason,) = gate(report, None, ["unsupported-quote"])
    assert "1 unsupported quote(s)" in reason


def test_gate_misquote_counts_an_altered_quote(tmp_path: Path) -> None:
    (reason,) = gate(_story(tmp_path, "q", QUOTED), None, ["misquote"])
    assert reason.endswith(": 1 altered and 0 misattributed quote(s)")


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda path: None, "no such file; expected a JSON report"),
        (lambda path: path.mkdir(), "is a folder; expected a JSON report file"),
        (lambda path: path.write_text("{oops"), "not a JSON report (invalid JSON: "),
        (lambda path: path.write_bytes(b"\xff\xfe{}"), "not a JSON report (not UTF-8 text)"),
    ],
)
def test_diff_load_report_names_the_file_and_the_problem(
    tmp_path: Path, make: Callable[[Path], object], problem: str
) -> None:
    path = tmp_path / "a.json"
    make(path)
    with pytest.raises(CorpusError) as info:
        load_report(path)
    assert str(info.value).startswith(f"{path}: {problem}")
    assert "Errno" not in str(info.value)


def test_diff_a_source_that_stops_disagreeing_left_a_known_conflict_not_resolved_it(
    tmp_path: Path,
) -> None:
    third = BASE["herald.txt"].replace("the mayor said", "a spokesman said")
    files = {**BASE, "daily.txt": BASE["daily.txt"].replace("40,", "25,"), "wire.txt": third}
    old = _story(tmp_path, "old", files)
    agreeing = {**files, "herald.txt": BASE["herald.txt"].replace("40,", "25,")}
    d = diff_reports(old, _story(tmp_path, "new", agreeing))
    assert d.resolved_conflicts == d.new_conflicts == ()
    (c,) = d.left_conflicts
    assert {c.source_a, c.source_b} == {"herald", "daily"}
    assert "- left: **value** in " in render_diff([d])


# --------------------------------------------------------------------------- fifth review

BLAST = (
    "An explosion at the plant on Monday killed {w} workers and injured {n} others, officials "
    "said.\nThe plant makes fertilizer for farms in the county.\n"
)
#: Two known disagreements on one fact: herald's four workers, valley's 37 others.
BLAST_FILES = {
    "wire.txt": BLAST.format(w="three", n=27),
    "herald.txt": BLAST.format(w="four", n=27),
    "daily.txt": BLAST.format(w="three", n=27),
    "valley.txt": BLAST.format(w="three", n=37),
}


def _blast(tmp_path: Path, name: str, **edits: str) -> dict[str, Any]:
    return _report(_write(tmp_path / name / "blast", {**BLAST_FILES, **edits}))


def test_diff_an_edit_to_a_third_figure_is_new_though_the_pair_had_another_conflict(
    tmp_path: Path,
) -> None:
    """daily's 27 others edited to 72: herald (four workers, 27 others) and daily already
    disagreed on the workers, but "four workers" did not become "72 others"; and no one
    gave 72 before, so nothing joins a known disagreement."""
    old = _blast(tmp_path, "old")
    new = _blast(tmp_path, "new", **{"daily.txt": BLAST.format(w="three", n=72)})
    d = diff_reports(old, new)
    assert d.joined_conflicts == ()
    assert {frozenset({c.value_a, c.value_b}) for c in d.new_conflicts} == {
        frozenset({"27 others", "72 others"})
    }
    for e in d.changed_conflicts:  # only an edit within one measure: 27 others -> 72 others
        assert {e.old_value_a, e.old_value_b} == {"27 others", "37 others"}
    (reason,) = gate(new, old, ["new-conflict"])
    assert "72 others" in reason and "2 new conflict(s)" in reason


@pytest.mark.usefixtures("fake_model")
def test_diff_check_gate_exits_3_on_an_edit_to_a_third_figure(tmp_path: Path) -> None:
    base = tmp_path / "base"
    _write(base, {"blast.json": json.dumps(_blast(tmp_path, "old"))})
    story = _write(
        tmp_path / "new" / "blast", {**BLAST_FILES, "daily.txt": BLAST.format(w="three", n=72)}
    )
    args = ["check", str(story), "-o", str(tmp_path / "r"), "-q", "--no-cache"]
    result = CliRunner().invoke(app, [*args, "--fail-on", "new-conflict", "--baseline", str(base)])
    assert result.exit_code == 3
    assert result.stderr.startswith("fail: blast: 2 new conflict(s)")


def test_diff_a_new_source_backing_a_side_of_two_known_disagreements_passes_the_gate(
    tmp_path: Path,
) -> None:
    old = _blast(tmp_path, "old")
    new = _blast(tmp_path, "new", **{"metro.txt": BLAST.format(w="three", n=37)})
    d = diff_reports(old, new)
    assert d.new_conflicts == () and d.changed_conflicts == ()
    assert {c.source_a for c in d.joined_conflicts} | {c.source_b for c in d.joined_conflicts} >= {
        "metro"
    }
    assert gate(new, old, ["new-conflict"]) == []


def test_diff_a_changed_conflict_to_known_values_passes_the_gate(tmp_path: Path) -> None:
    files = {
        **BASE,
        "daily.txt": BASE["daily.txt"].replace("40,", "25,"),
        "wire.txt": BASE["herald.txt"].replace("40,", "30,").replace("the mayor", "a spokesman"),
    }
    old = _story(tmp_path, "old", files)
    new = _story(tmp_path, "new", {**files, "daily.txt": BASE["daily.txt"].replace("40,", "30,")})
    d = diff_reports(old, new)
    (e,) = d.changed_conflicts  # herald 40,000 vs daily 25,000 -> 30,000, as wire had it
    assert e.known and d.new_conflicts == ()
    assert gate(new, old, ["new-conflict"]) == []


def _wire_story(figure: int, copies: int = 5) -> dict[str, str]:
    """A wire story, ``copies`` outlets carrying it, and one whose copy says ``figure``."""
    line = "The bridge carries {} vehicles a day, officials said.\nA ferry runs at night.\n"
    files = {f"copy{i}.txt": line.format("40,000") for i in range(copies)}
    return {**files, "odd.txt": line.format(f"{figure:,}")}


def test_diff_counts_and_lists_a_disagreement_once_whatever_the_source_pairs(
    tmp_path: Path,
) -> None:
    old = _story(tmp_path, "old", _wire_story(40_000))
    new = _story(tmp_path, "new", _wire_story(25_000))
    d = diff_reports(old, new)
    assert len(d.new_conflicts) == 5  # one per source pair
    md = render_diff([d])
    assert "**1 new conflict(s)" in md
    (item,) = [ln for ln in md.splitlines() if ln.startswith("- **value**")]
    assert "odd *25,000 vehicles* vs copy0, copy1, copy2 and 2 more *40,000 vehicles*" in item
    assert md.count("- copy") == 2 and "and 3 more source(s)" in md  # sentences capped
    (reason,) = gate(new, old, ["new-conflict"])
    assert reason.count("25,000") == 1 and "1 new conflict(s)" in reason
    back = render_diff([diff_reports(new, old)])
    assert "**1 resolved" in back


def test_diff_gate_names_the_first_disagreements_then_how_many_more(tmp_path: Path) -> None:
    lines = [f"Bridge {n} carries {n},000 vehicles a day, officials said." for n in range(1, 6)]
    honest = "\n".join(lines) + "\n"
    odd = "\n".join(ln.replace(",000", ",500") for ln in lines) + "\n"
    old = _story(tmp_path, "old", {"a.txt": honest, "b.txt": honest})
    new = _story(tmp_path, "new", {"a.txt": honest, "b.txt": odd})
    (reason,) = gate(new, old, ["new-conflict"])
    count = int(re.search(r"(\d+) new conflict", reason).group(1))  # type: ignore[union-attr]
    assert count >= 4 and reason.endswith(f"and {count - 3} more")
    assert reason.count(" vs ") == 3


def test_diff_lists_the_unique_details_a_removed_source_took_with_it(
    before_after: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    old, new = before_after  # new has wire.txt, whose "A ferry will run." no one else says
    d = diff_reports(new, old)
    assert [(src, text) for _, src, text in d.lost_unique] == [("wire", "A ferry will run.")]
    md = render_diff([d])
    assert "1 unique detail(s) gone" in md and "#### Unique details gone" in md
    assert "wire: A ferry will run. (its source removed)" in md
    assert diff_reports(*before_after).lost_unique == ()  # an edited statement is not gone


def test_diff_lists_a_source_that_is_now_a_copy_of_another_original(
    before_after: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    _, new = before_after
    copy = {"derived": "daily", "original": "herald", "kind": "copy", "score": 1.0}
    was = json.loads(json.dumps(new)) | {"derivations": [copy]}
    now = json.loads(json.dumps(new)) | {"derivations": [copy | {"original": "wire"}]}
    (c,) = diff_reports(was, now).derivations
    assert (c.source, c.old, c.new) == ("daily", (("herald", "copy"),), (("wire", "copy"),))
    md = render_diff([diff_reports(was, now)])
    assert "1 provenance change(s)" in md
    assert "- daily: now copy of wire (was copy of herald)" in md
    gone = render_diff([diff_reports(was, new | {"derivations": []})])
    assert "- daily: now independent (was copy of herald)" in gone
    assert diff_reports(was, json.loads(json.dumps(was))).status == "unchanged"
