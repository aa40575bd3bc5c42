"""Report rendering (pure, deterministic, escaped) and atomic writing."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from helpers import bare_statement

from factcheck.atomic import write_atomic
from factcheck.pipeline import article_from_paragraphs
from factcheck.report import (
    coverage_frame,
    md_escape,
    render_markdown,
    source_labels,
    write_reports,
)
from factcheck.report_json import render_json
from factcheck.types import (
    ArticleMeta,
    Conflict,
    ConflictKind,
    Coverage,
    Derivation,
    DerivationKind,
    Fact,
    StoryResult,
)


def _result() -> StoryResult:
    a1 = bare_statement("a", 1, "The council approved a <b>$120m</b> | plan [link](http://x).")
    b1 = bare_statement("b", 1, "Lawmakers backed the $120m plan.")
    a2 = bare_statement("a", 2, "The bridge carries 40,000 vehicles a day.")
    b2 = bare_statement("b", 2, "The bridge carries 25,000 vehicles a day.")
    conflict = Conflict(ConflictKind.VALUE, "a:2", "b:2", "40,000", "25,000", 0.8, "count differs")
    facts = (
        Fact("F-00000002", ("a:2", "b:2"), ("a", "b"), Coverage.CONSENSUS, 0.9, (conflict,)),
        Fact("F-00000001", ("a:1", "b:1"), ("a", "b"), Coverage.CONSENSUS, 0.8),
    )
    return StoryResult(
        name="demo",
        path=Path("demo"),
        articles=(article_from_paragraphs("a", ["x"]), article_from_paragraphs("b", ["y"])),
        statements=(a1, a2, b1, b2),
        facts=facts,
        failures=(),
        model="fake",
        threshold=0.6,
    )


def test_report_escapes_html_links_and_table_breaks() -> None:
    assert md_escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert md_escape("[click](http://evil)") == r"\[click\](http://evil)"
    assert md_escape("a | b") == r"a \| b"
    assert md_escape("line\nbreak") == "line break"


def test_report_markdown_never_carries_raw_article_html() -> None:
    md = render_markdown(_result())
    assert "<b>" not in md
    assert "&lt;b&gt;" in md


def test_report_markdown_has_every_section_in_order() -> None:
    md = render_markdown(_result())
    order = [
        "## Sources",
        "## Coverage matrix",
        "## Conflicts",
        "## Consensus",
        "## Partial",
        "## Unique details",
        "## Framing",
    ]
    positions = [md.index(h) for h in order]
    assert positions == sorted(positions)


def test_report_conflict_shows_each_side_sentence_and_value() -> None:
    md = render_markdown(_result())
    section = md[md.index("## Conflicts") : md.index("## Consensus")]
    assert "| a | 40,000 | The bridge carries 40,000 vehicles a day. (line 2) |" in section
    assert "| b | 25,000 | The bridge carries 25,000 vehicles a day. (line 2) |" in section


def test_report_coverage_frame_marks_which_source_states_each_fact() -> None:
    frame = coverage_frame(_result())
    assert list(frame.index) == ["F-00000002", "F-00000001"]
    assert frame.loc["F-00000001", "a"] and frame.loc["F-00000001", "b"]


def test_report_rendering_is_deterministic() -> None:
    assert render_markdown(_result()) == render_markdown(_result())
    assert render_json(_result()) == render_json(_result())


def test_report_json_carries_ids_offsets_and_conflicts() -> None:
    data = json.loads(render_json(_result()))
    assert data["schema"] == "factcheck.report/1"
    assert [f["id"] for f in data["facts"]] == ["F-00000002", "F-00000001"]
    assert data["facts"][0]["conflicts"][0]["value_a"] == "40,000"
    assert data["statements"][0]["start"] == 0


def test_report_write_reports_honours_formats(tmp_path: Path) -> None:
    written = write_reports(_result(), tmp_path, formats=["json"])
    assert written == [tmp_path / "demo.json"]
    assert not (tmp_path / "demo.md").exists()


def test_report_write_atomic_leaves_old_file_when_writing_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "r.md"
    target.write_text("old")

    def broken_fsync(fd: int) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("os.fsync", broken_fsync)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["r.md"]


def test_report_labels_sources_by_outlet_or_file_not_by_position() -> None:
    result = _result()
    named = replace(result.articles[1], meta=ArticleMeta(outlet="Metro | Daily"))
    relabelled = replace(result, articles=(result.articles[0], named))
    assert source_labels(relabelled) == {"a": "a", "b": "Metro | Daily"}
    md = render_markdown(relabelled)
    assert r"| Metro \| Daily |" in md  # escaped in tables


def test_report_draws_source_overlap_as_mermaid() -> None:
    md = render_markdown(_result())
    block = md[md.index("```mermaid") : md.index("```", md.index("```mermaid") + 3)]
    assert 's0["a · 2 statements"]' in block
    assert 's0 ---|"2 shared"| s1' in block


def test_report_folds_supporting_statements_into_details() -> None:
    md = render_markdown(_result())
    section = md[md.index("## Consensus") : md.index("## Partial")]
    assert section.count("<details><summary>") == 2
    assert section.count("</details>") == 2


def _with_rewrite() -> StoryResult:
    result = _result()
    rewrite = Derivation("b", "a", DerivationKind.PARAPHRASE, 0.9, 1.0, 0.8, 12, "a came first")
    facts = tuple(replace(f, independent=1) for f in result.facts)
    return replace(result, derivations=(rewrite,), facts=facts)


def test_report_shows_rewrites_and_independent_counts() -> None:
    md = render_markdown(_with_rewrite())
    assert "**2 sources (1 independent)" in md
    assert "- **b** is a close paraphrase of **a** (score 0.90" in md
    assert "(2 of 2 sources, 1 independent)" in md
    assert 's1 -.->|"close paraphrase of"| s0' in md


def test_report_without_rewrites_counts_every_source_as_independent() -> None:
    md = render_markdown(_result())
    assert "every source counts as independent" in md
    assert "| Independent |" not in md


def test_report_json_carries_derivations_and_independent_counts() -> None:
    data = json.loads(render_json(_with_rewrite()))
    assert data["summary"]["independent_sources"] == 1
    assert data["derivations"][0]["kind"] == "close paraphrase"
    assert {f["independent"] for f in data["facts"]} == {1}
