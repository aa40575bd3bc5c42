"""The command line: exit codes, one-line error messages, outputs, help."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

STORIES = Path(__file__).parent / "data" / "stories"
runner = CliRunner()


def _invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def _story(tmp_path: Path) -> Path:
    story = tmp_path / "story"
    story.mkdir()
    for f in (STORIES / "acme-layoffs").iterdir():
        (story / f.name).write_bytes(f.read_bytes())
    return story


def _fingerprint(folder: Path) -> dict[str, tuple[str, int]]:
    return {
        p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
        for p in sorted(folder.iterdir())
    }


def test_cli_help_lists_every_command() -> None:
    code, out, _ = _invoke("--help")
    assert code == 0
    assert "check" in out


@pytest.mark.parametrize("command", sorted(c.name or "" for c in app.registered_commands))
def test_cli_every_command_has_help(command: str) -> None:
    code, out, _ = _invoke(command, "--help")
    assert code == 0
    assert f"factcheck {command}" in out.replace("  ", " ") or "Usage" in out
    doc = next(c.callback.__doc__ for c in app.registered_commands if c.name == command)
    assert doc and doc.split()[0] in out  # the command's own help text is shown


def test_cli_help_does_not_import_torch_or_pandas() -> None:
    code = (
        "import sys; sys.argv = ['factcheck', '--help']\n"
        "from factcheck.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = sorted(m for m in ('torch', 'pandas', 'spacy', 'sentence_transformers') "
        "if m in sys.modules)\n"
        "print('HEAVY', heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "HEAVY []" in out.stdout


def test_cli_version_prints_the_version() -> None:
    code, out, _ = _invoke("--version")
    assert code == 0
    assert out.startswith("factcheck ")


def test_cli_check_writes_markdown_and_json(tmp_path: Path) -> None:
    code, out, err = _invoke(
        "check",
        str(_story(tmp_path)),
        "--out",
        str(tmp_path / "r"),
        "--cache-dir",
        str(tmp_path / "c"),
    )
    assert code == 0, err
    assert (tmp_path / "r" / "story.md").read_text().startswith("# factcheck report: story")
    report = json.loads((tmp_path / "r" / "story.json").read_text())
    assert report["story"] == "story"
    assert "story: 2 sources" in out
    coverage = ", ".join(f"{n} {kind}" for kind, n in report["summary"]["coverage"].items())
    assert f"({coverage}" in out  # the same counts as the report's summary line


def test_cli_format_md_writes_only_markdown(tmp_path: Path) -> None:
    code, _, _ = _invoke(
        "check",
        str(_story(tmp_path)),
        "-o",
        str(tmp_path / "r"),
        "--format",
        "md",
        "--cache-dir",
        str(tmp_path / "c"),
    )
    assert code == 0
    assert sorted(p.name for p in (tmp_path / "r").iterdir()) == ["story.md"]


def test_cli_missing_path_is_a_one_line_error(tmp_path: Path) -> None:
    code, _, err = _invoke("check", str(tmp_path / "nope"))
    assert code == 1
    assert err.count("\n") == 1
    assert err.startswith("error: ") and "nope" in err


def test_cli_empty_folder_is_an_error(tmp_path: Path) -> None:
    code, _, err = _invoke("check", str(tmp_path))
    assert code == 1
    assert str(tmp_path) in err


def test_cli_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = _invoke("check", str(tmp_path), "--format", "pdf")
    assert code == 2
    assert err.count("\n") == 1
    assert err.startswith("error: ") and "pdf" in err and "md" in err


def test_cli_threshold_out_of_range_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = _invoke("check", str(_story(tmp_path)), "--threshold", "1.5")
    assert code == 2
    assert "threshold" in err


def test_cli_bad_files_are_reported_and_the_rest_still_processed(tmp_path: Path) -> None:
    story = _story(tmp_path)
    (story / "empty.txt").write_text("")
    (story / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (story / "huge.txt").write_bytes(b"The council met again today. " * 720_000)  # ~20 MB
    (story / "latin1.txt").write_bytes(
        "Acme Corp will cut 1,200 jobs, the company said on Monday in Zürich.".encode("cp1252")
    )
    before = _fingerprint(story)
    code, out, err = _invoke(
        "check", str(story), "-o", str(tmp_path / "r"), "--cache-dir", str(tmp_path / "c")
    )
    assert code == 1
    errors = [line for line in err.splitlines() if line.startswith("error: ")]
    assert len(errors) == 3
    for name, problem in (("empty.txt", "empty"), ("binary.txt", "binary"), ("huge.txt", "MB")):
        assert any(name in e and problem in e for e in errors), (name, errors)
    assert "story: 3 sources" in out  # the two good files and the decoded cp1252 one
    assert _fingerprint(story) == before


def test_cli_reports_are_replaced_atomically(tmp_path: Path) -> None:
    out_dir = tmp_path / "r"
    out_dir.mkdir()
    (out_dir / "story.md").write_text("old report")
    code, _, _ = _invoke(
        "check", str(_story(tmp_path)), "-o", str(out_dir), "--cache-dir", str(tmp_path / "c")
    )
    assert code == 0
    assert (out_dir / "story.md").read_text() != "old report"
    assert sorted(p.name for p in out_dir.iterdir()) == ["story.json", "story.md"]


def test_cli_runs_every_story_of_a_folder_of_stories(tmp_path: Path) -> None:
    code, _, _ = _invoke(
        "check", str(STORIES), "-o", str(tmp_path / "r"), "--cache-dir", str(tmp_path / "c")
    )
    assert code == 0
    assert sorted(p.name for p in (tmp_path / "r").glob("*.md")) == [
        "acme-layoffs.md",
        "harbor-bridge.md",
        "solo.md",
        "stadium-vote.md",
    ]


def test_cli_eval_without_data_says_where_to_get_it() -> None:
    code, _, err = _invoke("eval")
    assert code == 1
    assert err.count("\n") == 1
    assert "eval-data" in err and "GitHub" in err


@pytest.mark.model
def test_cli_eval_scores_a_data_folder_and_writes_the_table(tmp_path: Path) -> None:
    out = tmp_path / "evaluation.md"
    data = Path(__file__).parent / "data" / "eval"
    code, _, err = _invoke(
        "eval", str(data), "--quick", "--out", str(out), "--cache-dir", str(tmp_path / "c")
    )
    assert code == 0, err
    text = out.read_text()
    assert text.startswith("# Evaluation")
    assert f"factcheck eval {data} --quick" in text
    assert "| MRPC |" in text


# --------------------------------------------------------------------------- option checks


@pytest.mark.parametrize("value", ["-1", "0", "nan", "inf"])
def test_cli_max_file_mb_must_be_positive(tmp_path: Path, value: str) -> None:
    code, _, err = _invoke("check", str(_story(tmp_path)), "--max-file-mb", value)
    assert code == 2
    assert err.count("\n") == 1
    assert err.startswith("error: ") and "'--max-file-mb'" in err and "positive" in err


def test_cli_out_that_is_a_file_is_refused_before_any_work(tmp_path: Path) -> None:
    afile = tmp_path / "afile"
    afile.write_text("x")
    code, out, err = _invoke(
        "check", str(_story(tmp_path)), "-o", str(afile), "--cache-dir", str(tmp_path / "c")
    )
    assert code == 2
    assert err == f"error: {afile}: is a file; --out needs a folder for the reports\n"
    assert out == ""
    assert not (tmp_path / "c").exists()  # the pipeline never started


def test_cli_out_under_a_file_is_refused_before_any_work(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x")
    sub = tmp_path / "afile" / "sub"
    code, _, err = _invoke(
        "check", str(_story(tmp_path)), "-o", str(sub), "--cache-dir", str(tmp_path / "c")
    )
    assert code == 2
    assert (
        err == f"error: {sub}: {tmp_path / 'afile'} is a file, not a folder; --out needs a folder\n"
    )
    assert not (tmp_path / "c").exists()


def test_cli_out_that_is_the_story_folder_is_refused(tmp_path: Path) -> None:
    story = _story(tmp_path)
    before = _fingerprint(story)
    code, _, err = _invoke("check", str(story), "-o", str(story))
    assert code == 2
    assert err.count("\n") == 1
    assert "is a story folder" in err and "--out" in err
    assert _fingerprint(story) == before


def test_cli_report_that_cannot_be_written_is_a_one_line_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import factcheck.report

    def refuse(*args: object, **kwargs: object) -> list[Path]:
        raise PermissionError(13, "Permission denied", str(tmp_path / "r" / "story.md"))

    monkeypatch.setattr(factcheck.report, "write_reports", refuse)
    code, _, err = _invoke(
        "check",
        str(_story(tmp_path)),
        "-o",
        str(tmp_path / "r"),
        "--cache-dir",
        str(tmp_path / "c"),
    )
    assert code == 1
    assert (
        err == f"error: {tmp_path / 'r' / 'story.md'}: cannot write the report: Permission denied\n"
    )


# --------------------------------------------------------------------------- naming, logging


def test_cli_story_given_as_dot_is_named_after_its_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    story = _story(tmp_path)
    monkeypatch.chdir(story)
    code, out, err = _invoke(
        "check", ".", "-o", str(tmp_path / "r"), "--cache-dir", str(tmp_path / "c")
    )
    assert code == 0, err
    assert sorted(p.name for p in (tmp_path / "r").iterdir()) == ["story.json", "story.md"]
    assert out.startswith("story: ")


def test_cli_report_copied_into_the_story_is_not_read_as_an_article(tmp_path: Path) -> None:
    from factcheck.ingest import read_story

    story = _story(tmp_path)
    code, _, _ = _invoke(
        "check", str(story), "-o", str(tmp_path / "r"), "--cache-dir", str(tmp_path / "c")
    )
    assert code == 0
    (story / "story.md").write_bytes((tmp_path / "r" / "story.md").read_bytes())
    articles, failures = read_story(story, max_file_bytes=1024 * 1024)
    assert sorted(a.path.name for a in articles) == ["business-journal.txt", "wire.txt"]
    assert failures == []


def test_cli_verbose_logs_every_stage(tmp_path: Path) -> None:
    from factcheck.pipeline import STAGES

    code, _, err = _invoke(
        "check",
        str(_story(tmp_path)),
        "-v",
        "-o",
        str(tmp_path / "r"),
        "--cache-dir",
        str(tmp_path / "c"),
    )
    assert code == 0
    assert [line for line in err.splitlines() if line.startswith("info: story: ")] == [
        f"info: story: {stage}" for stage in STAGES
    ]


def test_cli_messages_go_above_the_progress_display(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    from rich.console import Console
    from rich.progress import Progress

    import factcheck.cli as cli

    screen = io.StringIO()
    monkeypatch.setattr(cli, "_interactive", lambda: True)
    monkeypatch.setattr(cli, "_progress", lambda: Progress(console=Console(file=screen, width=200)))
    story = _story(tmp_path)
    (story / "empty.txt").write_text("")
    code, _, err = _invoke(
        "check", str(story), "-o", str(tmp_path / "r"), "--cache-dir", str(tmp_path / "c")
    )
    assert code == 1
    assert "error: " not in err  # not written past the live display
    assert f"error: {story / 'empty.txt'}: file is empty (0 bytes)" in screen.getvalue()
    assert cli._Screen.console is None  # released when the display stops


# --------------------------------------------------------------------------- second review


def _one_line(err: str) -> str:
    assert err.count("\n") == 1, err
    assert err.startswith("error: "), err
    return err


def test_cli_help_texts_are_whole_sentences() -> None:
    def flat(text: str) -> str:
        return " ".join(text.replace("│", " ").split())

    root = flat(_invoke("--help")[1])
    assert "two revisions of a corpus." in root
    assert "corpus: new and" not in root and "ECB+, SICK" not in root
    for command in ("check", "diff", "eval", "add"):
        text = flat(_invoke(command, "--help")[1])
        assert " ." not in text, (command, text)
    check = flat(_invoke("check", "--help")[1])
    assert (
        "(default: $FACTCHECK_CACHE_DIR, else $XDG_CACHE_HOME/factcheck, else ~/.cache/factcheck)"
        in check
    )


def test_cli_empty_out_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = _invoke("check", str(_story(tmp_path)), "--out", "")
    assert code == 2
    assert "'--out'" in _one_line(err) and "must not be empty" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story"]  # nothing written here


def test_cli_out_holding_a_folder_named_like_a_report_is_refused_before_any_work(
    tmp_path: Path,
) -> None:
    (tmp_path / "r" / "story.md").mkdir(parents=True)
    code, _, err = _invoke(
        "check",
        str(_story(tmp_path)),
        "-o",
        str(tmp_path / "r"),
        "--cache-dir",
        str(tmp_path / "c"),
    )
    assert code == 2
    assert _one_line(err).startswith(f"error: {tmp_path / 'r' / 'story.md'}: is a folder")
    assert ".tmp" not in err
    assert not (tmp_path / "c").exists()


@pytest.mark.parametrize("option", ["--model", "--nli"])
def test_cli_model_folder_that_does_not_exist_is_a_usage_error_before_any_work(
    tmp_path: Path, option: str
) -> None:
    code, _, err = _invoke(
        "check",
        str(_story(tmp_path)),
        option,
        "./nomodel",
        "-o",
        str(tmp_path / "r"),
        "--cache-dir",
        str(tmp_path / "c"),
    )
    assert code == 2
    assert _one_line(err).startswith(f"error: {option} ./nomodel: no such folder; expected ")
    assert ".." not in err
    assert not (tmp_path / "c").exists()


def test_cli_model_folder_without_a_model_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "empty-model").mkdir()
    code, _, err = _invoke("check", str(_story(tmp_path)), "--model", str(tmp_path / "empty-model"))
    assert code == 2
    assert "holds no model (no modules.json or config.json)" in _one_line(err)


def test_cli_model_name_not_in_the_local_cache_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    code, _, err = _invoke("check", str(_story(tmp_path)), "--model", "no-such-model-4f2a")
    assert code == 2
    assert err.startswith("error: --model no-such-model-4f2a: no such folder, and")
    assert "no model of that name in the local Hugging Face cache" in _one_line(err)
    assert "HF_HUB_OFFLINE=0" in err


def test_cli_diff_out_that_is_a_folder_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "folder").mkdir()
    report = tmp_path / "a.json"
    report.write_text("{}")
    code, _, err = _invoke("diff", str(report), str(report), "-o", str(tmp_path / "folder"))
    assert code == 2
    assert _one_line(err) == (
        f"error: {tmp_path / 'folder'}: is a folder; --out needs a file name for the markdown\n"
    )


def test_cli_diff_write_failure_is_a_one_line_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import factcheck.atomic
    import factcheck.diff

    monkeypatch.setattr(factcheck.diff, "load_report", lambda path: {})
    monkeypatch.setattr(factcheck.diff, "diff_reports", lambda a, b: None)
    monkeypatch.setattr(factcheck.diff, "render_diff", lambda diffs: "text\n")

    def refuse(path: Path, text: str) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(factcheck.atomic, "write_atomic", refuse)
    target = tmp_path / "diff.md"
    code, _, err = _invoke("diff", "a.json", "b.json", "-o", str(target))
    assert code == 1
    assert _one_line(err) == f"error: {target}: cannot write the diff: Permission denied\n"


def _git_story(tmp_path: Path) -> Path:
    story = _story(tmp_path)
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "base"]):
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
            cwd=tmp_path,
            check=True,
            capture_output=True,
        )
    return story


def test_cli_diff_rev_of_a_file_is_a_one_line_error(tmp_path: Path) -> None:
    story = _git_story(tmp_path)
    code, _, err = _invoke("diff", str(story / "wire.txt"), "--rev", "HEAD")
    assert code == 1
    assert _one_line(err) == (
        f"error: {story / 'wire.txt'}: is a file; --rev needs a story folder or a folder of "
        "stories\n"
    )


def test_cli_diff_rev_of_a_path_that_was_a_file_is_a_one_line_error(tmp_path: Path) -> None:
    story = _git_story(tmp_path)
    (story / "wire.txt").unlink()
    code, _, err = _invoke("diff", str(story / "wire.txt"), "--rev", "HEAD")
    assert code == 1
    assert "is a file at HEAD" in _one_line(err)


def test_cli_new_conflict_gate_says_the_baseline_in_out_was_replaced(tmp_path: Path) -> None:
    story = tmp_path / "bridge"
    shutil.copytree(STORIES / "harbor-bridge", story)
    metro = story / "metro-daily.md"
    original = metro.read_text()
    metro.write_text(original.replace("25,000 vehicles", "40,000 vehicles"))
    args = ["check", str(story), "-o", str(tmp_path / "r"), "--cache-dir", str(tmp_path / "c")]
    assert _invoke(*args)[0] == 0  # the baseline: no conflict on the traffic count
    metro.write_text(original)
    gate = [*args, "-q", "--fail-on", "new-conflict"]
    code, _, err = _invoke(*gate)
    assert code == 3
    (line,) = [ln for ln in err.splitlines() if ln.startswith("fail: ")]
    assert "1 new conflict(s)" in line
    assert f"against {tmp_path / 'r' / 'bridge.json'}, which now holds this run's report" in line
    assert "an identical re-run passes; give --baseline" in line
    assert _invoke(*gate)[0] == 0  # as the line said


# --------------------------------------------------------------------------- third review


def test_cli_help_shows_no_value_for_flags_and_whole_choices() -> None:
    for command in ("check", "diff", "eval", "add"):
        code, out, _ = _invoke(command, "--help")
        assert code == 0
        assert "<bool>" not in out and "<path>" not in out.lower(), (command, out)
        assert "{" not in out, (command, out)  # usage lines showed {paths}...
    check = _invoke("check", "--help")[1]
    assert "[md|json|both]" in check and "<list" not in check
    assert "[PATH]" in check
    assert "--quick/--no-quick" not in _invoke("eval", "--help")[1]
    assert "PATHS..." in _invoke("diff", "--help")[1]
    assert "<bool>" not in _invoke("--help")[1]


def test_cli_option_missing_its_value_points_at_the_command_help() -> None:
    code, _, err = _invoke("check", "--format")
    assert code == 2
    assert _one_line(err).endswith("check --help')\n")


def test_cli_quiet_and_verbose_together_are_a_usage_error(tmp_path: Path) -> None:
    code, _, err = _invoke("check", str(_story(tmp_path)), "-q", "-v", "-o", str(tmp_path / "r"))
    assert code == 2
    assert "--quiet / --verbose" in _one_line(err)
    assert not (tmp_path / "r").exists()


def test_cli_tiny_max_file_mb_names_the_option(tmp_path: Path) -> None:
    code, _, err = _invoke("check", str(_story(tmp_path)), "--max-file-mb", "0.0000001")
    assert code == 2
    assert "'--max-file-mb'" in _one_line(err) and "at least one byte" in err


def test_cli_baseline_without_a_new_condition_is_warned(tmp_path: Path) -> None:
    story = _story(tmp_path)
    args = ["check", str(story), "-o", str(tmp_path / "r"), "--cache-dir", str(tmp_path / "c")]
    code, _, err = _invoke(*args, "--baseline", "HEAD", "--fail-on", "conflict")
    assert "--baseline HEAD is ignored" in err
    assert code in (0, 3)


def test_cli_repeated_fail_on_and_story_warnings_are_printed_once(tmp_path: Path) -> None:
    corpus = tmp_path / "corpora"
    corpus.mkdir()
    story = _story(corpus)
    (corpus / "README.md").write_text("# About these stories\n")
    (story / "notes.pdf").write_bytes(b"%PDF-1.4")
    args = ["check", str(corpus), "-o", str(tmp_path / "r"), "--cache-dir", str(tmp_path / "c")]
    code, _, err = _invoke(*args, "--fail-on", "conflict", "--fail-on", "conflict")
    assert err.count("README.md: not inside a story folder; ignored") == 1, err
    assert err.count("notes.pdf") == 1, err
    assert len(set(err.splitlines())) == len(err.splitlines()), err
    assert code in (0, 3)


def test_cli_a_file_name_that_is_not_utf8_is_reported_with_a_printable_id(
    tmp_path: Path,
) -> None:
    import os

    story = _story(tmp_path)
    first = sorted(story.glob("*.txt"))[0]
    (story / os.fsdecode(b"caf\xe9.txt")).write_bytes(first.read_bytes())
    args = ["check", str(story), "-o", str(tmp_path / "r"), "--cache-dir", str(tmp_path / "c")]
    code, _, err = _invoke(*args)
    assert code == 0, err
    assert "caf\\xe9" in err and "not valid UTF-8" in err
    report = json.loads((tmp_path / "r" / "story.json").read_text(encoding="utf-8"))
    assert any(s.get("id") == "caf\\xe9" for s in report["sources"]), report["sources"]
    md = (tmp_path / "r" / "story.md").read_text(encoding="utf-8")
    assert "caf\\xe9" in md
    assert "| caf\\\\xe9.txt |" in md or "caf\\xe9.txt" in md.split("## Sources")[1]
    assert "\ufffd" not in md  # the File column writes the name as the ID does
    assert "caf\\xe9.txt" in [s["file"] for s in report["sources"]]  # so does the JSON


# --------------------------------------------------------------------------- fourth review


def test_cli_file_that_is_only_page_chrome_is_a_failure_not_a_source(tmp_path: Path) -> None:
    story = _story(tmp_path)
    (story / "menu.txt").write_text("Home\nNews\nSport\nShare this article\n")
    code, out, err = _invoke(
        "check", str(story), "-o", str(tmp_path / "r"), "--cache-dir", str(tmp_path / "c")
    )
    assert code == 1
    (line,) = [ln for ln in err.splitlines() if ln.startswith("error: ")]
    assert "menu.txt" in line and "no article text after removing page chrome" in line
    assert "story: 2 sources" in out  # the menu is not counted
    report = json.loads((tmp_path / "r" / "story.json").read_text())
    assert [f["file"] for f in report["failures"]] == ["menu.txt"]
    assert "menu.txt" not in [s["file"] for s in report["sources"]]


def test_cli_failed_json_write_leaves_the_old_markdown_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import factcheck.atomic as atomic

    out_dir = tmp_path / "r"
    out_dir.mkdir()
    (out_dir / "story.md").write_text("old report")
    (out_dir / "story.json").write_text("{}")
    real = atomic._write_temporary

    def disk_full_for_json(path: Path, text: str) -> Path:
        if path.suffix == ".json":
            raise OSError(28, "No space left on device", str(path))
        return real(path, text)

    monkeypatch.setattr(atomic, "_write_temporary", disk_full_for_json)
    code, _, err = _invoke(
        "check", str(_story(tmp_path)), "-o", str(out_dir), "--cache-dir", str(tmp_path / "c")
    )
    assert code != 0
    assert "story.json" in err and "No space left" in err
    assert (out_dir / "story.md").read_text() == "old report"
    assert (out_dir / "story.json").read_text() == "{}"
    assert sorted(p.name for p in out_dir.iterdir()) == ["story.json", "story.md"]


def test_cli_new_conflict_gate_names_the_fact_and_sources_once(tmp_path: Path) -> None:
    story = tmp_path / "bridge"
    shutil.copytree(STORIES / "harbor-bridge", story)
    base = ["--cache-dir", str(tmp_path / "c")]
    metro = story / "metro-daily.md"
    original = metro.read_text()
    metro.write_text(original.replace("25,000 vehicles", "40,000 vehicles"))
    assert _invoke("check", str(story), "-o", str(tmp_path / "base"), *base)[0] == 0
    metro.write_text(original)  # the traffic counts now disagree
    code, _, err = _invoke(
        "check", str(story), "-o", str(tmp_path / "r"), "-q", *base,
        "--fail-on", "new-conflict", "--fail-on", "new-conflict",
        "--baseline", str(tmp_path / "base"),
    )  # fmt: skip
    assert code == 3
    (line,) = [ln for ln in err.splitlines() if ln.startswith("fail: ")]
    assert "1 new conflict(s): F-" in line
    assert "25,000" in line and "40,000" in line
    assert line.count("25,000") == 1


def test_cli_story_toml_not_utf8_is_a_usage_error_naming_the_file(tmp_path: Path) -> None:
    story = _story(tmp_path)
    (story / "story.toml").write_bytes(b"\xff\xfe[x]")
    code, _, err = _invoke("check", str(story), "--out", str(tmp_path / "r"))
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert f"{story / 'story.toml'}: not UTF-8" in lines[0]
    assert "UnicodeDecodeError" not in err


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc")
def test_cli_out_that_cannot_be_created_is_refused_before_any_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import factcheck.cli

    def no_work(*args: object, **kwargs: object) -> bool:
        raise AssertionError("the analysis ran")

    monkeypatch.setattr(factcheck.cli, "_run", no_work)
    code, _, err = _invoke("check", str(_story(tmp_path)), "--out", "/proc/factcheck-out")
    assert code == 2
    assert err.strip().startswith("error: /proc/factcheck-out: cannot create the folder")
    assert len(err.strip().splitlines()) == 1


def test_cli_out_created_by_the_checks_is_removed_when_the_input_is_refused(
    tmp_path: Path,
) -> None:
    out = tmp_path / "new" / "reports"
    code, _, err = _invoke("check", str(tmp_path / "no-such-story"), "--out", str(out))
    assert code == 1, err
    assert "no-such-story" in err
    assert not (tmp_path / "new").exists()


@pytest.mark.parametrize("command", ["", "check", "diff", "add"])
def test_cli_dash_h_is_help(command: str) -> None:
    code, out, _ = _invoke(*([command] if command else []), "-h")
    assert code == 0
    assert "Usage" in out
