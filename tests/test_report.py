"""Report rendering (pure, deterministic, escaped) and atomic writing."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from helpers import bare_statement

from factcheck.atomic import write_atomic
from factcheck.ids import statement_digest
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
    CleanArticle,
    Conflict,
    ConflictKind,
    Coverage,
    Derivation,
    DerivationKind,
    Fact,
    FileFailure,
    FramingKind,
    FramingNote,
    QuoteClass,
    QuoteFinding,
    SourceProfile,
    StoryResult,
    Value,
    ValueKind,
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
    assert md_escape("[click](http://evil)") == r"\[click\](http&#8203;://evil)"
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


def _node(source_id: str) -> str:
    return "s" + hashlib.sha1(source_id.encode()).hexdigest()[:8]


def _mermaid(md: str) -> str:
    return md[md.index("```mermaid") : md.index("```", md.index("```mermaid") + 3)]


def test_report_draws_source_overlap_as_mermaid() -> None:
    block = _mermaid(render_markdown(_result()))
    assert f'{_node("a")}["a · 2 statements"]' in block
    assert f'{_node("a")} ---|"2 shared"| {_node("b")}' in block


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
    assert f'{_node("b")} -.->|"close paraphrase of"| {_node("a")}' in md


def test_report_without_rewrites_counts_every_source_as_independent() -> None:
    md = render_markdown(_result())
    assert "every source counts as independent" in md
    assert "| Independent |" not in md


def test_report_json_carries_derivations_and_independent_counts() -> None:
    data = json.loads(render_json(_with_rewrite()))
    assert data["summary"]["independent_sources"] == 1
    assert data["derivations"][0]["kind"] == "close paraphrase"
    assert {f["independent"] for f in data["facts"]} == {1}


# --------------------------------------------------------------------------- helpers


def _html(md: str) -> str:
    """The report rendered by a CommonMark renderer with GitHub's table extension."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table").render(md)


def _article(source_id: str, outlet: str | None = None, path: str | None = None) -> CleanArticle:
    art = article_from_paragraphs(source_id, ["x"], meta=ArticleMeta(outlet=outlet))
    if path is not None:
        art = replace(art, article=replace(art.article, path=Path(path)))
    return art


def _story(articles: Sequence[CleanArticle], *extra: Fact, **fields: Any) -> StoryResult:
    """One shared fact ("F-00000001", statement 1 of every source) plus ``extra`` facts;
    every source also has statements 2 and 3 for the extra facts to use."""
    ids = [a.article.source_id for a in articles]
    statements = tuple(
        bare_statement(sid, i, f"Statement {i} of the story, as told by {sid}.")
        for sid in ids
        for i in (1, 2, 3)
    )
    shared = Fact("F-00000001", tuple(f"{s}:1" for s in ids), tuple(ids), Coverage.CONSENSUS, 0.9)
    return StoryResult(
        name="story",
        path=Path("story"),
        articles=tuple(articles),
        statements=statements,
        facts=(shared, *extra),
        failures=(),
        model="fake",
        threshold=0.6,
        **fields,
    )


def _section(md: str, title: str) -> str:
    start = md.index(f"## {title}\n")
    end = md.find("\n## ", start + 1)
    return md[start : end if end >= 0 else len(md)]


# --------------------------------------------------------------------------- rendering


def test_report_markdown_after_a_closing_html_tag_renders_as_markdown() -> None:
    note = FramingNote(FramingKind.HEDGING, ("b:1",), (("may",),), ("a:1",), "hedged")
    result = _story([_article("a"), _article("b")])
    framed = replace(result.facts[0], framing=(note,))
    md = render_markdown(replace(result, facts=(framed,)))
    lines = md.splitlines()
    assert all(lines[i + 1] == "" for i, line in enumerate(lines) if line == "</details>")
    html = _html(md)
    assert "<strong>hedging</strong>" in html
    assert "**hedging**" not in html


def test_report_replaces_source_ids_as_whole_ids_only() -> None:
    articles = [_article("a", "Bay Chronicle"), _article("b", "Oakport Times")]
    rewrite = Derivation(
        "b", "a", DerivationKind.PARAPHRASE, 0.9, 1.0, 0.8, 12,
        "a was published 2025-07-30, before 2025-07-31.",
    )  # fmt: skip
    md = render_markdown(_story(articles, derivations=(rewrite,)))
    assert "- **Oakport Times** is a close paraphrase of **Bay Chronicle**" in md
    assert "Bay Chronicle was published 2025-07-30, before 2025-07-31." in md
    assert "wBay" not in md and "puOakport" not in md and "(a = " not in md


def test_report_does_not_rename_a_source_inside_a_longer_word() -> None:
    articles = [_article("ap", "Associated Press"), _article("reuters", "Reuters")]
    rewrite = Derivation(
        "reuters", "ap", DerivationKind.CONDENSED, 0.7, 0.9, 0.6, 4,
        "ap quotes in full what reuters elides or paraphrases (2 quotes against 0).",
    )  # fmt: skip
    md = render_markdown(_story(articles, derivations=(rewrite,)))
    assert "Associated Press quotes in full what Reuters elides or paraphrases" in md


def test_report_names_a_source_called_like_an_english_word_only_where_it_is_a_name() -> None:
    note = FramingNote(
        FramingKind.ATTRIBUTION, ("a:1",), (("claimed",),), ("b:1",),
        "a reports it with 'claimed' (casts doubt); other sources use a neutral verb",
    )  # fmt: skip
    result = _story([_article("a", "Bay Chronicle"), _article("b", "Oakport Times")])
    md = render_markdown(replace(result, facts=(replace(result.facts[0], framing=(note,)),)))
    assert (
        "Bay Chronicle reports it with 'claimed' (casts doubt); other sources use a neutral verb"
        in md
    )
    assert "use Bay Chronicle" not in md and "(a = " not in md


def test_report_escapes_labels_exactly_once() -> None:
    articles = [
        _article("001_5a76", None),
        _article("fox", "Fox & Friends"),
        _article("att", "AT&T | News"),
    ]
    profiles = tuple(
        SourceProfile(a.article.source_id, 3, 0.0, 0.0, 0.0, ("F-00000001",), ("",))
        for a in articles
    )
    md = render_markdown(_story(articles, profiles=profiles))
    assert "&amp;amp;" not in md and "\\\\" not in md
    assert r"001\_5a76 sentence 1" in md
    assert r"AT&amp;T \| News sentence 1" in md
    html = _html(md)
    assert "Fox &amp; Friends" in html and "001_5a76" in html and "001\\_" not in html


def test_report_file_names_cannot_inject_html_or_table_cells() -> None:
    name = "n`<img src=x onerror=alert(1)>`|x.txt"
    result = _story([_article("a", path=name), _article("b")])
    result = replace(result, failures=(FileFailure(Path(name), "binary file"),))
    html = _html(render_markdown(result))
    assert "<img" not in html
    sources = html[html.index("<table>") : html.index("</table>")]
    rows = sources.split("<tr>")[1:]
    assert {len(re.findall(r"<t[dh][ >]", row)) for row in rows} == {6}
    assert "n`&lt;img src=x onerror=alert(1)&gt;`|x.txt" in sources


def test_report_md_escape_stops_github_autolinks_and_mentions() -> None:
    text = md_escape("Contact @octocat or see https://evil.example/phish and www.evil.example #123")
    assert "@octocat" not in text and "https://" not in text and "www." not in text
    assert "#123" not in text
    html = _html(text)
    readable = html.replace("\u200b", "")
    assert (
        "Contact @octocat or see https://evil.example/phish and www.evil.example #123" in readable
    )


def test_report_md_escape_keeps_neutralising_html_and_links() -> None:
    for attack in ("[click](javascript:alert(1))", "<script>x</script>", "</details>", "<!--"):
        html = _html(f"- {md_escape(attack)}")
        assert "<script" not in html and "<a " not in html
        assert "</details>" not in html.replace("&lt;/details&gt;", "") and "<!--" not in html


def test_report_summary_of_a_fold_out_is_html_escaped_without_backslashes() -> None:
    a1 = bare_statement("a", 1, "The new bridge | will [click here](x) `rm` <b>&")
    result = replace(_result(), statements=(a1, *_result().statements[1:]))
    md = render_markdown(result)
    summary = next(line for line in md.splitlines() if "new bridge" in line and "summary" in line)
    assert "\\" not in summary
    assert "The new bridge &#124; will [click here](x) `rm` &lt;b&gt;&amp;" in summary


def test_report_mermaid_node_ids_do_not_move_when_a_source_is_added() -> None:
    before = _mermaid(render_markdown(_story([_article("b"), _article("c")])))
    after = _mermaid(render_markdown(_story([_article("aaa"), _article("b"), _article("c")])))
    assert set(before.splitlines()) <= set(after.splitlines())  # lines added, none rewritten


def test_report_mermaid_labels_cannot_break_the_diagram() -> None:
    block = _mermaid(
        render_markdown(_story([_article("a", '`tick` %% "#35;" <b>&'), _article("b")]))
    )
    label = next(line for line in block.splitlines() if "tick" in line)
    inner = label[label.index('["') + 2 : label.rindex('"]')]
    assert not set(inner) & set('`%"<>&') and "#35;" not in inner.replace("#35;35;", "")
    assert inner.startswith("#96;tick#96; #37;#37; #quot;#35;35;#quot;")


def test_report_summary_counts_facts_by_coverage_and_issues_apart() -> None:
    result = _result()  # two consensus facts, one with a value conflict
    md = render_markdown(result)
    assert "2 consensus · 0 partial · 0 unique. Issues: 1 fact in conflict" in md
    consensus = _section(md, "Consensus")
    assert consensus.count("### F-") == 2
    assert "### F-00000002 (2 of 2 sources) · conflict: see Conflicts" in consensus
    data = json.loads(render_json(result))
    assert data["summary"]["coverage"] == {"consensus": 2, "partial": 0, "unique": 0}
    assert data["summary"]["issues"] == {"conflict": 1, "claim_divergence": 0, "framing": 0}
    assert data["summary"]["labels"]["conflict"] == 1


def _with_unresolved_date() -> StoryResult:
    result = _result()
    text = "The bridge carries 25,000 vehicles a day since Wednesday."
    wed = Value(ValueKind.DATE, "Wednesday", text.index("Wed"), len(text) - 1, "", resolved=False)
    b2 = replace(bare_statement("b", 2, text), values=(wed,))
    return replace(result, statements=(*result.statements[:3], b2))


def test_report_marks_unresolved_dates_wherever_statements_are_listed() -> None:
    md = render_markdown(_with_unresolved_date())
    marker = "*(date: Wednesday, unresolved)*"
    assert marker in _section(md, "Consensus")
    assert marker in _section(md, "Conflicts")
    assert "*unresolved*: a value with nothing to anchor it" in md


def test_report_framing_note_prints_its_explanation() -> None:
    note = FramingNote(
        FramingKind.TONE, ("bay:1", "oak:1"), (("great (+3.1)",), ("awful (-2.0)",)), (),
        "bay's wording is positive (VADER +0.62: great); oak's wording is negative "
        "(VADER -0.55: awful). The two sides tell the claim with opposite sentiment.",
    )  # fmt: skip
    result = _story([_article("bay", "Bay Chronicle"), _article("oak", "Oakport Times")])
    md = render_markdown(replace(result, facts=(replace(result.facts[0], framing=(note,)),)))
    framing = _section(md, "Framing")
    assert "- **tone**: Bay Chronicle's wording is positive (VADER +0.62: great); " in framing
    assert "; Oakport Times's wording is negative (VADER -0.55: awful)." in framing
    assert framing.count("**tone**") == 1  # the explanation is the note, not a second line


def test_report_leads_with_shows_the_fact_text_and_the_sentence_elsewhere() -> None:
    articles = [_article("a", "Bay Chronicle"), _article("b", "Oakport Times"), _article("c")]
    only_a = Fact("F-0000000a", ("a:2",), ("a",), Coverage.UNIQUE, 1.0)
    ab = Fact("F-000000ab", ("a:3", "b:2"), ("a", "b"), Coverage.PARTIAL, 0.8)
    profile = SourceProfile("a", 3, 0.0, 0.0, 0.0, ("F-00000001", "F-000000ab"), ("", ""))
    md = render_markdown(_story(articles, only_a, ab, profiles=(profile,)))
    assert (
        "  - F-000000ab (its sentence 3): Statement 3 of the story, as told by a. "
        "· elsewhere: c omits it, Oakport Times sentence 2"
    ) in md
    assert "sentence N: the source's Nth statement" in md


def test_report_paraphrase_is_printed_as_the_sources_sentence_not_a_quote() -> None:
    finding = QuoteFinding(
        QuoteClass.PARAPHRASED, "a:1", "b:2", "Ortiz", None, "We will not raise taxes", None,
        None, "b:2 reports Ortiz's words quoted in a:1 without quotation marks.",
    )  # fmt: skip
    md = render_markdown(_story([_article("a"), _article("b", "Oakport Times")], quotes=(finding,)))
    quotes = _section(md, "Quotes")
    assert "  - Oakport Times, in its own words: Statement 2 of the story, as told by b." in quotes
    assert "“Statement 2" not in quotes
    assert "Oakport Times (line 2) reports Ortiz's words quoted in a (line 1)" in quotes


def test_report_unsupported_quote_shows_its_explanation_with_labels() -> None:
    finding = QuoteFinding(
        QuoteClass.UNSUPPORTED, "a:1", None, "Ruiz", None, "We will rebuild", None, None,
        "No source but a:1 has Ruiz say this. In the same fact, b:2 quotes Ruiz differently.",
    )  # fmt: skip
    md = render_markdown(_story([_article("a"), _article("b", "Oakport Times")], quotes=(finding,)))
    quotes = _section(md, "Quotes")
    assert (
        "  - No source but a (line 1) has Ruiz say this. In the same fact, Oakport Times "
        "(line 2) quotes Ruiz differently."
    ) in quotes


def test_report_json_writes_unbounded_sides_as_null_and_every_float_one_way() -> None:
    result = _result()
    more = Value(ValueKind.MONEY, "more than $14 billion", 0, 21, "USD", 14e9, float("inf"))
    a1 = replace(result.statements[0], values=(more,))
    profile = SourceProfile("a", 2, 0, 0.25, 1, (), ())
    result = replace(result, statements=(a1, *result.statements[1:]), profiles=(profile,))
    text = render_json(result)
    data = json.loads(text)
    value = data["statements"][0]["values"][0]
    assert value["high"] is None and value["low"] == 14e9
    assert '"inf"' not in text
    assert data["profiles"][0] == {
        "source": "a", "statements": 2, "hedging": 0.0, "tone": 0.25, "attributed": 1.0,
        "lead": [], "lead_elsewhere": [],
    }  # fmt: skip
    assert '"hedging": 0.0' in text and '"attributed": 1.0' in text


def test_report_labels_a_unique_outlet_by_name_and_shared_ones_with_the_file() -> None:
    one = _story([_article("herald", "City Herald"), _article("post", "River Post")])
    assert source_labels(one) == {"herald": "City Herald", "post": "River Post"}
    two = _story([*one.articles, _article("herald-2", "City Herald")])
    assert source_labels(two) == {
        "herald": "City Herald (herald)",
        "post": "River Post",
        "herald-2": "City Herald (herald-2)",
    }


def test_report_adding_a_source_of_a_new_outlet_renames_no_other() -> None:
    one = _story([_article("herald", "City Herald"), _article("b")])
    two = _story([*one.articles, _article("c", "Metro Daily")])
    assert source_labels(two).items() >= source_labels(one).items()


def test_report_labels_stay_unique_when_an_outlet_reads_like_another_file() -> None:
    story = _story([_article("x", "herald"), _article("herald"), _article("y", "herald (x)")])
    labels = source_labels(story)
    assert len({v.casefold() for v in labels.values()}) == 3
    assert labels["herald"] == "herald"
    render_markdown(story)  # the coverage matrix needs one column per source


def test_report_long_outlet_labels_keep_the_file_stem() -> None:
    outlet = "The International Herald Tribune"
    labels = source_labels(_story([_article("iht-europe", outlet), _article("iht-asia", outlet)]))
    assert labels["iht-europe"].endswith("… (iht-europe)")
    assert labels["iht-asia"].endswith("… (iht-asia)")


def test_report_renders_the_shared_passages_of_a_rewrite() -> None:
    rewrite = Derivation(
        "b", "a", DerivationKind.COPY, 0.9, 1.0, 0.8, 9, "a came first",
        shared_phrases=("rebuild the harbor bridge", "a protected bike @lane"), shared_passages=2,
    )  # fmt: skip
    md = render_markdown(_story([_article("a"), _article("b")], derivations=(rewrite,)))
    assert "- **b** is a copy of **a** (score 0.90: 80% of the shorter article aligned, " in md
    assert "order kept 100%, 2 shared passages). a came first" in md
    assert "  - shared passages: “rebuild the harbor bridge”, “a protected bike @&#8203;lane”" in md


def test_report_docstring_examples_hold() -> None:
    import doctest

    import factcheck.report

    result = doctest.testmod(factcheck.report)
    assert result.attempted > 0 and result.failed == 0


def test_report_coverage_matrix_survives_sources_named_like_its_columns() -> None:
    story = _story([_article("statement"), _article("label")])
    only = Fact("F-0000000a", ("statement:2",), ("statement",), Coverage.UNIQUE, 1.0)
    md = render_markdown(replace(story, facts=(*story.facts, only)))
    matrix = _section(md, "Coverage matrix")
    assert "| Fact | Label | label | statement | Statement |" in matrix  # in label order
    assert (
        "| F-0000000a | unique | · | ● | Statement 2 of the story, as told by statement. |"
        in matrix
    )
    assert list(coverage_frame(story).columns) == [
        "label", "statement", "label", "independent", "statement",
    ]  # fmt: skip


# --------------------------------------------------------------------------- prose names


def _rewrite_note(a: str, b: str, why: str) -> StoryResult:
    articles = [_article(a, "Associated Press"), _article(b, "Reuters")]
    rewrite = Derivation(b, a, DerivationKind.CONDENSED, 0.7, 0.9, 0.6, 4, why)
    return _story(articles, derivations=(rewrite,))


def _paraphrases(a: str, b: str, n: int) -> tuple[QuoteFinding, ...]:
    """``n`` findings where ``a`` quotes Ortiz and ``b`` tells the words without quotes."""
    kind = QuoteClass.PARAPHRASED
    return tuple(
        QuoteFinding(kind, f"{a}:{i}", f"{b}:{i}", "Ortiz", None, "We will", None, None, "")
        for i in range(1, n + 1)
    )


@pytest.mark.parametrize(
    ("published", "detail", "votes", "expected"),
    [
        (
            {"1": "2025-07-31", "2": "2025-07-30"}, {}, 0,
            "Reuters was published 2025-07-30, before 2025-07-31.",
        ),
        (
            {}, {}, 2,
            "Associated Press quotes in full what Reuters elides or paraphrases "
            "(2 quotes against 0).",
        ),
        (
            {}, {"1": (9, 2), "2": (3, 1)}, 0,
            "Associated Press has more detail: 9 statements and 2 typed values, against 3 "
            "and 1 in Reuters.",
        ),
        (
            {}, {}, 0,
            "Neither dates, quotes nor detail tell Associated Press and Reuters apart; "
            "Associated Press is taken as the original by file order.",
        ),
    ],
)  # fmt: skip
def test_report_numeric_source_ids_are_named_but_counts_stay_numbers(
    published: dict[str, str], detail: dict[str, tuple[int, int]], votes: int, expected: str
) -> None:
    """Sources 1.md and 2.md: provenance's own sentences, with the IDs 1 and 2 also
    standing as counts ("2 quotes", "2 typed values", "and 1 in")."""
    from factcheck.provenance import choose_original

    _, why = choose_original(
        "1", "2", published=published, detail=detail, quotes=_paraphrases("1", "2", votes)
    )
    md = render_markdown(_rewrite_note("1", "2", why))
    assert expected in _section(md, "Rewrites and copies")


@pytest.mark.parametrize(
    ("explanation", "expected"),
    [
        (
            "a hedges the claim with 'may'. b and c state it without a hedge.",
            "Metro Post hedges the claim with 'may'. Oakport Times and Bay Chronicle state "
            "it without a hedge.",
        ),
        (
            "a and b use the loaded or intensifying word 'a'. c tells the claim without it.",
            "Metro Post and Oakport Times use the loaded or intensifying word 'a'. Bay "
            "Chronicle tells the claim without it.",
        ),
        (
            "a's wording is positive (VADER +0.62: great); c's wording is negative "
            "(VADER -0.55: awful). The two sides tell the claim with opposite sentiment.",
            "Metro Post's wording is positive (VADER +0.62: great); Bay Chronicle's wording "
            "is negative",
        ),
        (
            "a reports it with 'claimed', which casts doubt; c uses 'said', which is neutral.",
            "Metro Post reports it with 'claimed', which casts doubt; Bay Chronicle uses "
            "'said', which is neutral.",
        ),
        (
            "b reports Ortiz's words without quoting them and goes beyond the quote in a: it "
            "adds the loaded word 'a whopping'.",
            "Oakport Times reports Ortiz's words without quoting them and goes beyond the "
            "quote in Metro Post: it adds the loaded word 'a whopping'.",
        ),
    ],
)  # fmt: skip
def test_report_a_source_called_a_is_named_only_where_the_sentence_names_a_source(
    explanation: str, expected: str
) -> None:
    """Framing notes in the shapes framing.py writes them, for a source whose ID is "a":
    the name goes where a source is named, not into "a hedge" or a quoted word."""
    articles = [
        _article("a", "Metro Post"),
        _article("b", "Oakport Times"),
        _article("c", "Bay Chronicle"),
    ]
    note = FramingNote(FramingKind.HEDGING, ("a:1",), (("may",),), ("b:1", "c:1"), explanation)
    result = _story(articles)
    md = render_markdown(replace(result, facts=(replace(result.facts[0], framing=(note,)),)))
    framing = _section(md, "Framing")
    assert f"- **hedging**: {expected}" in framing
    assert "(a = " not in framing


# --------------------------------------------------------------------------- quotes


def test_report_an_altered_paraphrase_is_printed_unquoted() -> None:
    """An altered finding without quotation marks on b's side (a paraphrase that negates
    the quote) shows b's sentence in its own words, like a paraphrase."""
    finding = QuoteFinding(
        QuoteClass.ALTERED, "a:1", "b:2", "Lopez", None, "We are not laying off teachers", None,
        "[-not-]", "b:2 reports Lopez's words quoted in a:1 without quotation marks, but "
        "reverses them: only a:1 negates 'lay'.",
    )  # fmt: skip
    articles = [_article("a", "Bay Chronicle"), _article("b", "Valley Times")]
    md = render_markdown(_story(articles, quotes=(finding,)))
    quotes = _section(md, "Quotes")
    assert "  - Valley Times, in its own words: Statement 2 of the story, as told by b." in quotes
    assert "  - Bay Chronicle: “We are not laying off teachers”" in quotes
    assert "“Statement 2" not in quotes


# --------------------------------------------------------------------------- line stability


def _bridge(herald: str = "herald", order: Sequence[int] = (1, 2, 3, 4)) -> StoryResult:
    """Three outlets on one story; ``herald`` is the City Herald's file stem, ``order``
    where its four sentences stand in its article (a reorder moves them, IDs follow)."""
    texts = {
        herald: [
            "The council approved the rebuild on Tuesday.",
            "Construction will begin in March 2027.",
            "The project will cost $450 million.",
            "The bridge carries 40,000 vehicles a day.",
        ],
        "metro": [
            "The council voted to approve the rebuild.",
            "Construction will begin in June 2027.",
            "The rebuild is expected to cost $450 million.",
            "Shop owners worry about the detour.",
        ],
        "wire": [
            "The rebuild won council approval on Tuesday.",
            "The bridge carries 25,000 vehicles a day.",
            "A ferry will run while the bridge is closed.",
        ],
    }
    place = {herald: dict(enumerate(order, 1))}
    statements = tuple(
        bare_statement(sid, place.get(sid, {}).get(i, i), text)
        for sid, lines in texts.items()
        for i, text in enumerate(lines, 1)
    )

    def st(sid: str, n: int) -> str:
        return f"{sid}:{place.get(sid, {}).get(n, n)}"

    def fact(fid: str, *members: str, conflicts: tuple[Conflict, ...] = ()) -> Fact:
        ids = sorted(members)  # as classify lists them: by source ID
        sources = tuple(sorted({m.split(":")[0] for m in members}))
        coverage = {1: Coverage.UNIQUE, 3: Coverage.CONSENSUS}.get(len(sources), Coverage.PARTIAL)
        return Fact(fid, tuple(ids), sources, coverage, 0.9, conflicts)

    text = {s.id: s.text for s in statements}

    def conflict(kind: ConflictKind, x: str, vx: str, y: str, vy: str) -> Conflict:
        # classify orients a pair by content: the statement with the smaller digest first
        (a, va), (b, vb) = sorted([(x, vx), (y, vy)], key=lambda p: statement_digest(text[p[0]]))
        return Conflict(kind, a, b, va, vb, 0.9, f"the two {kind} values differ")

    facts = (
        fact("F-00000001", st(herald, 1), "metro:1", "wire:1"),
        fact(
            "F-00000002", st(herald, 2), "metro:2",
            conflicts=(
                conflict(ConflictKind.DATE, st(herald, 2), "March 2027", "metro:2", "June 2027"),
            ),
        ),
        fact(
            "F-00000003", st(herald, 4), "wire:2",
            conflicts=(conflict(ConflictKind.VALUE, st(herald, 4), "40,000", "wire:2", "25,000"),),
        ),
        fact("F-00000004", st(herald, 3), "metro:3"),
        fact("F-00000005", "metro:4"),
        fact("F-00000006", "wire:3"),
    )  # fmt: skip
    articles = [
        _article(herald, "City Herald", path=f"{herald}.txt"),
        _article("metro", "Metro Daily", path="metro.txt"),
        _article("wire", "Wire Service", path="wire.txt"),
    ]
    # classify's order: label, sources, then the first statement's position
    position = {s.id: (s.source_id, s.index) for s in statements}
    ordered = sorted(
        facts,
        key=lambda f: (f.label != "conflict", -len(f.source_ids), position[f.statement_ids[0]]),
    )
    return replace(
        _story(sorted(articles, key=lambda a: a.article.source_id)),
        statements=statements,
        facts=tuple(ordered),
    )


def _changed(before: str, after: str) -> list[str]:
    import difflib

    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_report_a_renamed_file_rewrites_only_its_file_name_and_diagram_node() -> None:
    before = render_markdown(_bridge("herald"))
    after = render_markdown(_bridge("zz-herald"))
    changed = _changed(before, after)
    nodes = (_node("herald"), _node("zz-herald"))
    assert changed and all(
        "herald.txt" in line or any(n in line for n in nodes) for line in changed
    )
    assert len(changed) == 2 * 4  # its sources row, its node and its two edges


def test_report_moving_an_articles_paragraphs_keeps_every_section_in_order() -> None:
    before = render_markdown(_bridge(order=(1, 2, 3, 4)))
    after = render_markdown(_bridge(order=(4, 3, 2, 1)))

    def skeleton(md: str) -> list[str]:
        """Headings, matrix rows and fold-out summaries: what moves when order leaks in."""
        return [line for line in md.splitlines() if line.startswith(("#", "| F-", "<details>"))]

    assert skeleton(before) == skeleton(after)
    assert all(re.search(r"line \d|sentence \d", line) for line in _changed(before, after))


def test_report_shows_a_fact_by_the_statement_its_id_comes_from() -> None:
    from factcheck.classify import statement_digest
    from factcheck.report import representative

    md = render_markdown(_bridge())
    texts = {
        s.id: s.text for s in _bridge().statements if s.id in ("herald:1", "metro:1", "wire:1")
    }
    shown = texts[representative(texts)]
    assert shown == min(texts.values(), key=statement_digest)
    consensus = _section(md, "Consensus")
    assert f"<details><summary>{shown}</summary>" in consensus
    assert f"| F-00000001 | consensus | ● | ● | ● | {shown} |" in md


def test_report_orients_a_conflict_by_its_statements_not_by_source_ids() -> None:
    def rows(md: str) -> list[str]:
        return [line for line in _section(md, "Conflicts").splitlines() if line.startswith("| ")]

    assert rows(render_markdown(_bridge("herald"))) == rows(render_markdown(_bridge("zz-herald")))


# --------------------------------------------------------------------------- derivations


def test_report_a_citation_shows_its_mentions_not_rewrite_measures() -> None:
    why = "fox cites nyt's reporting (1 mention: “as first reported by The New York Times”)."
    cites = Derivation(
        "fox", "nyt", DerivationKind.CITES, 0.15, 0.5, 0.25, 0, why,
        mentions=("as first reported by The New York Times",),
    )  # fmt: skip
    articles = [_article("fox", "Fox News"), _article("nyt", "The New York Times")]
    result = _story(articles, derivations=(cites,))
    md = render_markdown(result)
    rewrites = _section(md, "Rewrites and copies")
    assert (
        "- **Fox News** is a secondary report of **The New York Times**. Fox News cites "
        "The New York Times's reporting (1 mention: “as first reported by The New York Times”)."
    ) in rewrites
    assert "score" not in rewrites  # a citation is not measured like a rewrite
    assert "mentions:" not in rewrites  # the explanation quotes them already
    assert f'{_node("fox")} -.->|"secondary report of"| {_node("nyt")}' in md
    data = json.loads(render_json(result))["derivations"][0]
    assert data["kind"] == "secondary report"
    assert data["mentions"] == ["as first reported by The New York Times"]


def test_report_a_rewrite_with_no_reason_ends_with_its_measures() -> None:
    condensed = Derivation("b", "a", DerivationKind.CONDENSED, 0.9, 1.0, 0.8, 12, "")
    md = render_markdown(_story([_article("a"), _article("b")], derivations=(condensed,)))
    assert "- **b** is a condensed rewrite of **a** (score 0.90" in md
    assert "0 shared passages).\n" in md  # no reason given: nothing after the measures
    assert f'{_node("b")} -.->|"condensed rewrite of"| {_node("a")}' in md


def test_report_unique_detail_shows_where_its_figures_also_stand() -> None:
    articles = [_article("a"), _article("b", "Oakport Times")]
    detail = Fact("F-0000000a", ("a:2",), ("a",), Coverage.UNIQUE, 1.0, echoes=("b:3",))
    md = render_markdown(_story(articles, detail))
    unique = _section(md, "Unique details")
    assert "1 of them has figures that another source states inside a longer sentence" in unique
    assert (
        "  - its figures also stand in a longer sentence of another source: Oakport Times "
        "line 3: Statement 3 of the story, as told by b."
    ) in unique
    data = json.loads(render_json(_story(articles, detail)))
    assert [f["echoes"] for f in data["facts"] if f["id"] == "F-0000000a"] == [["b:3"]]


# --------------------------------------------------------------------------- third round


def _graph(weights: dict[tuple[str, str], float]) -> Any:
    import networkx as nx

    graph = nx.Graph()
    for (u, v), w in weights.items():
        graph.add_edge(u, v, weight=w)
    return graph


#: Three tellings of one fact: two close ones and an outlier that only one of them is
#: loosely linked to. The outlier has the smallest digest of the three.
_TELLINGS = {
    "a:1": "A federal judge sentenced Dennis Vail to six years in prison.",
    "b:1": "Dennis Vail will spend the next six years in federal prison.",
    "c:1": "Guidelines recommended 57 to 71 months for the amount Vail took.",
}


def test_report_representative_is_the_statement_closest_to_the_others() -> None:
    from factcheck.report import representative

    outlier = min(_TELLINGS, key=lambda s: statement_digest(_TELLINGS[s]))
    assert outlier == "c:1"  # what the digest alone would show
    triangle = _graph({("a:1", "b:1"): 0.82, ("b:1", "c:1"): 0.55, ("a:1", "c:1"): 0.4})
    assert representative(_TELLINGS) == "c:1"  # no graph: the digest
    assert representative(_TELLINGS, triangle) == "b:1"  # 1.37 against 1.22 and 0.95
    # a and c are not linked: their path through b counts its weakest link (0.5), so a
    # (0.82 + 0.5) ties with b (0.82 + 0.5), and the tie goes by digest
    chain = _graph({("a:1", "b:1"): 0.82, ("b:1", "c:1"): 0.5})
    assert statement_digest(_TELLINGS["a:1"]) < statement_digest(_TELLINGS["b:1"])
    assert representative(_TELLINGS, chain) == "a:1"
    assert representative({"b:1": _TELLINGS["b:1"], "c:1": _TELLINGS["c:1"]}, chain) == "c:1"


def test_report_link_of_two_unlinked_statements_is_their_best_shortest_path() -> None:
    """a and d are two links apart through b (weakest link 0.3) or c (0.6): the link is
    0.6 whichever order the graph was built in, so the medoid cannot follow it."""
    from factcheck.report import _links_from

    weights = {("a:1", "b:1"): 0.9, ("b:1", "d:1"): 0.3, ("a:1", "c:1"): 0.6, ("c:1", "d:1"): 0.6}
    for order in (weights, dict(reversed(weights.items()))):
        links = _links_from(_graph(order), "a:1")
        assert links == {"b:1": 0.9, "c:1": 0.6, "d:1": 0.6}


def test_report_shows_a_fact_by_its_medoid_in_the_matrix_and_the_summary() -> None:
    ids = ("a", "b", "c")
    statements = tuple(
        bare_statement(sid.split(":")[0], 1, text) for sid, text in _TELLINGS.items()
    )
    fact = Fact("F-00000001", tuple(_TELLINGS), ids, Coverage.CONSENSUS, 0.7)
    graph = _graph({("a:1", "b:1"): 0.82, ("b:1", "c:1"): 0.55, ("a:1", "c:1"): 0.4})
    result = replace(
        _story([_article(s) for s in ids]), statements=statements, facts=(fact,), graph=graph
    )
    md = render_markdown(result)
    medoid = _TELLINGS["b:1"]
    assert f"| F-00000001 | consensus | ● | ● | ● | {medoid} |" in md
    assert f"<details><summary>{medoid}</summary>" in md
    assert "Each row quotes the statement closest to the fact's others." in md
    assert json.loads(render_json(result))["facts"][0]["representative"] == "b:1"


def test_report_framing_note_names_a_source_after_one_labelled_by_its_file_stem() -> None:
    """001_x has no outlet (its label is its ID) and 002_y is TechCrunch: in "001_x and
    002_y tell the claim without it", 002_y is the next name of the list."""
    articles = [_article("001_x"), _article("002_y", "TechCrunch"), _article("003_z", "Wired")]
    note = FramingNote(
        FramingKind.LOADED, ("003_z:1",), (("massive",),), ("001_x:1", "002_y:1"),
        "003_z uses the loaded or intensifying word 'massive'. 001_x and 002_y tell the "
        "claim without it.",
    )  # fmt: skip
    result = _story(articles)
    md = render_markdown(replace(result, facts=(replace(result.facts[0], framing=(note,)),)))
    assert r"001\_x and TechCrunch tell the claim without it." in _section(md, "Framing")


def test_report_value_tags_show_values_as_written_not_in_scientific_notation() -> None:
    text = "Meta bought 49% of Scale AI for $14.3 billion and plans a 5GW data centre."
    values = (
        Value(ValueKind.MONEY, "$14.3 billion", 32, 45, "USD 1.43e+10", 14.25e9, 14.35e9, "USD"),
        Value(ValueKind.QUANTITY, "5GW", 56, 59, "5e+09 W", 4.5e9, 5.5e9, "W"),
        Value(ValueKind.DATE, "Wednesday", 0, 9, "2026-03-04", 739314.0, 739314.0),
        Value(ValueKind.DATE, "June 2027", 0, 9, "2027-06", 739403.0, 739432.0),
    )
    detail = replace(bare_statement("a", 2, text), values=values)
    story = _story([_article("a"), _article("b")])
    only = Fact("F-0000000a", ("a:2",), ("a",), Coverage.UNIQUE, 1.0)
    statements = tuple(detail if s.id == "a:2" else s for s in story.statements)
    md = render_markdown(replace(story, statements=statements, facts=(*story.facts, only)))
    assert (
        "*(money: $14.3 billion; quantity: 5GW; date: Wednesday, read as 2026-03-04; "
        "date: June 2027)*"
    ) in _section(md, "Unique details")
    assert "e+" not in md


def test_report_diagram_counts_one_statement_in_the_singular() -> None:
    story = _story([_article("a"), _article("b")])
    one = replace(story, statements=tuple(s for s in story.statements if s.index == 1))
    block = _mermaid(render_markdown(one))
    assert f'{_node("a")}["a · 1 statement"]' in block


def test_report_names_a_model_folder_by_its_name_not_its_path() -> None:
    result = replace(_result(), model="path:/home/ana/models/minilm-news#548133f1657ace74")
    assert "· model path:minilm-news ·" in render_markdown(result)
    assert json.loads(render_json(result))["generator"]["model"] == "path:minilm-news"
    hub = replace(_result(), model="hub:org/model")
    assert "· model hub:org/model ·" in render_markdown(hub)


def test_report_neutralises_github_math_and_emoji_but_keeps_money_readable() -> None:
    assert md_escape("Meta paid $14.3 billion.") == "Meta paid $14.3 billion."
    assert md_escape("the area is $x^2$ here") == r"the area is \$x^2\$ here"
    assert md_escape("costs $5, not $6") == r"costs \$5, not \$6"
    assert md_escape("fans said :smile: and :+1:") == "fans said :&#8203;smile: and :&#8203;+1:"
    assert md_escape("at 10:30:45") == "at 10:30:45"
    a1 = bare_statement("a", 1, "The formula $x^2$ went viral :fire: online.")
    result = replace(_result(), statements=(a1, *_result().statements[1:]))
    md = render_markdown(result)
    assert "$x^2$" not in md and ":fire:" not in md
    assert "<summary>The formula &#36;x^2&#36; went viral :&#8203;fire: online.</summary>" in md
    assert _html(md).count("$x^2$") == md.count(r"\$x^2\$") > 0  # reads as written


def test_report_json_lead_elsewhere_is_structured_like_the_markdown() -> None:
    articles = [_article("a", "Bay Chronicle"), _article("b", "Oakport Times"), _article("c")]
    only_a = Fact("F-0000000a", ("a:2",), ("a",), Coverage.UNIQUE, 1.0)
    ab = Fact("F-000000ab", ("a:3", "b:2"), ("a", "b"), Coverage.PARTIAL, 0.8)
    lead = ("F-00000001", "F-000000ab")
    profile = SourceProfile("a", 3, 0.0, 0.0, 0.0, lead, ("b #1, c #1", "b #2, c omits it"))
    data = json.loads(render_json(_story(articles, only_a, ab, profiles=(profile,))))
    assert data["profiles"][0]["lead"] == list(lead)
    assert data["profiles"][0]["lead_elsewhere"] == [
        [{"source": "b", "index": 1}, {"source": "c", "index": 1}],
        [{"source": "b", "index": 2}, {"source": "c", "index": None}],
    ]


def test_report_coverage_frame_is_public_and_the_module_imports_no_pandas() -> None:
    import subprocess
    import sys

    import factcheck.report

    assert "coverage_frame" in factcheck.report.__all__
    code = (
        "import sys, factcheck.report, factcheck.diff; "
        "print(sorted(m for m in ('pandas', 'networkx', 'spacy') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_report_ids_docstring_examples_hold_and_classify_reexports_them() -> None:
    import doctest

    import factcheck.classify
    import factcheck.ids

    result = doctest.testmod(factcheck.ids)
    assert result.attempted > 0 and result.failed == 0
    for name in ("LABEL_ORDER", "fact_id", "normalise_text", "statement_digest", "report_order"):
        assert getattr(factcheck.classify, name) is getattr(factcheck.ids, name)


def test_report_story_independent_count_merges_rewrites_transitively() -> None:
    """A rewrite of a rewrite counts once with its original; the story count comes from
    the same merging as each fact's (provenance's), over the story's sources."""
    from factcheck.report import independent_sources

    def rewrite(derived: str, original: str) -> Derivation:
        return Derivation(derived, original, DerivationKind.PARAPHRASE, 0.9, 1.0, 0.8, 12, "")

    story = _story([_article(s) for s in ("a", "b", "c", "d")])
    assert independent_sources(story) == 4
    chain = replace(story, derivations=(rewrite("c", "b"), rewrite("b", "a")))
    assert independent_sources(chain) == 2  # a, b, c are one; d


def test_report_a_disagreement_with_copies_is_shown_once() -> None:
    """A wire story and its copy both disagree with one outlet: one block. A third source
    disagreeing on the same two values joins it too: one disagreement per value pair,
    whatever the sources."""
    from factcheck.provenance import families
    from factcheck.report import _conflict_groups, _conflict_lines
    from factcheck.types import Conflict, ConflictKind, Derivation, DerivationKind

    st = {s.id: s for s in (bare_statement(x, 1) for x in ("wire", "copy", "local", "other"))}
    copy = Derivation("copy", "wire", DerivationKind.COPY, 0.9, 1.0, 1.0, 40, "wire is older")
    family = families([copy])

    def conflict(a: str, b: str, vb: str = "$2m") -> Conflict:
        return Conflict(ConflictKind.VALUE, f"{a}:1", f"{b}:1", "$5m", vb, 0.9, "differ")

    groups = _conflict_groups(
        [
            conflict("local", "wire"),
            conflict("local", "copy"),
            conflict("local", "other"),
            conflict("local", "other", "$3m"),
        ],
        st,
        family,
    )
    assert [[(c.a, c.b, c.value_b) for c in g] for g in groups] == [
        [("local:1", "wire:1", "$2m"), ("local:1", "copy:1", "$2m"), ("local:1", "other:1", "$2m")],
        [("local:1", "other:1", "$3m")],
    ]
    lines = _conflict_lines(
        groups[0], st, {s: s for s in st and ("wire", "copy", "local", "other")}
    )
    rows = [ln for ln in lines if ln.startswith("| ") and not ln.startswith("| Source")]
    assert rows[0].startswith("| local | $5m |")  # the value fewer sources give first
    assert sorted(r.split(" | ")[0] for r in rows[1:]) == ["| copy", "| other", "| wire"]
    assert "one disagreement: 3 pairs of statements, 4 sources" in lines[0]


def _wire_story(n_copies: int, *, typed: bool = True) -> StoryResult:
    """One outlet says 37 injured; a wire story and ``n_copies`` copies of it (the same
    sentence) say 27; a local paper says 27 in its own words. Every pair is a conflict."""
    wire = "The blast injured 27 others, officials said."

    def st(source: str, text: str, figure: str) -> Any:
        s = bare_statement(source, 3, text)
        if not typed:
            return s
        at = text.index(figure)
        value = Value(ValueKind.COUNT, figure, at, at + len(figure), f"{figure.split()[0]} other")
        return replace(s, values=(value,))

    stmts = [st("valley", "The blast injured 37 others, officials said.", "37 others")]
    stmts += [st(f"copy{i:02d}", wire, "27 others") for i in range(n_copies)]
    stmts += [
        st("wire", wire, "27 others"),
        st("local", "Twenty-seven others: 27 others.", "27 others"),
    ]
    conflicts = tuple(
        Conflict(
            ConflictKind.VALUE,
            "valley:3",
            s.id,
            "37 others",
            "27 others",
            0.7 + i / 1000,
            "count differs",
        )
        for i, s in enumerate(stmts[1:])
    )
    fact = Fact(
        "F-00000001",
        tuple(s.id for s in stmts),
        tuple(s.source_id for s in stmts),
        Coverage.CONSENSUS,
        0.9,
        conflicts,
    )
    return StoryResult(
        name="wire",
        path=Path("wire"),
        articles=tuple(article_from_paragraphs(s.source_id, ["x"]) for s in stmts),
        statements=tuple(stmts),
        facts=(fact,),
        failures=(),
        model="fake",
        threshold=0.6,
    )


def test_report_one_disagreement_per_value_pair_whatever_the_sources() -> None:
    """30 outlets against one: one block, a row per value and distinct sentence, identical
    sentences collapsed into one row naming their sources, the highest confidence; the JSON
    keeps every pair."""
    result = _wire_story(27)
    md = render_markdown(result)
    section = md.split("## Conflicts", 1)[1].split("## Consensus", 1)[0]
    assert section.count("**value conflict**") == 1
    assert "(confidence 0.73)" in section  # the highest of 29 pairs
    assert "29 pairs of statements, 30 sources" in section
    rows = [ln for ln in section.splitlines() if ln.startswith("| ") and "| Value |" not in ln]
    assert len(rows) == 3
    assert rows[0].startswith("| valley | 37 others |")  # the outlier first
    assert "copy00, copy01" in rows[1] and "and 20 more (28 sources)" in rows[1]
    assert "(line 3 in each)" in rows[1]
    assert rows[2].startswith("| local | 27 others |")
    assert len(json.loads(render_json(result))["facts"][0]["conflicts"]) == 29


def test_report_a_disagreement_matches_values_by_their_normalised_form() -> None:
    """ "27 others" and "27 Others" are one value when they normalise alike; without typed
    values the written value is matched with case and punctuation ignored."""
    for typed in (True, False):
        result = _wire_story(2, typed=typed)
        fact = result.facts[0]
        c = fact.conflicts[-1]
        odd = replace(c, value_b="27 Others")
        by_id = {s.id: s for s in result.statements}
        local = by_id[c.b]
        local = replace(local, text="Twenty-seven others: 27 Others.")
        if typed:
            local = replace(local, values=(replace(local.values[0], text="27 Others"),))
        result = replace(
            result,
            statements=tuple(local if s.id == local.id else s for s in result.statements),
            facts=(replace(fact, conflicts=(*fact.conflicts[:-1], odd)),),
        )
        md = render_markdown(result)
        assert md.count("**value conflict**") == 1, typed


def test_report_a_disagreement_with_many_sentences_folds_the_rest() -> None:
    """Beyond the row cap, each value keeps its first sentence in view and the others fold
    under <details>."""
    from factcheck.report import MAX_CONFLICT_ROWS

    result = _wire_story(0)
    fact = result.facts[0]
    value = fact and result.statements[-1].values[0]
    extra = [
        replace(bare_statement(f"p{i}", 3, f"Paper {i} says 27 others were hurt."), values=(value,))
        for i in range(8)
    ]
    conflicts = fact.conflicts + tuple(
        Conflict(ConflictKind.VALUE, "valley:3", s.id, "37 others", "27 others", 0.6, "differs")
        for s in extra
    )
    result = replace(
        result,
        articles=result.articles
        + tuple(article_from_paragraphs(s.source_id, ["x"]) for s in extra),
        statements=result.statements + tuple(extra),
        facts=(
            replace(
                fact,
                statement_ids=fact.statement_ids + tuple(s.id for s in extra),
                source_ids=fact.source_ids + tuple(s.source_id for s in extra),
                conflicts=conflicts,
            ),
        ),
    )
    section = render_markdown(result).split("## Conflicts", 1)[1].split("## Consensus", 1)[0]
    above, below = section.split("<details>", 1)
    assert above.count("\n| ") - 1 == MAX_CONFLICT_ROWS  # minus the header
    assert "| valley | 37 others |" in above
    assert "<summary>5 more sentences</summary>" in below and "</details>\n\n" in below


def _verbatim(a: str, b: str, words: str, speaker: str = "Okafor") -> QuoteFinding:
    return QuoteFinding(
        QuoteClass.VERBATIM, a, b, speaker, speaker, words, words, None,
        f"{a} and {b} quote {speaker} word for word.",
    )  # fmt: skip


def test_report_verbatim_quotes_are_one_line_per_quotation() -> None:
    """Every pair of four sources quoting one sentence word for word (6 findings), and one
    pair quoting another (with other punctuation): two lines, each naming its sources."""
    ids = ["a", "b", "c", "d"]
    words = "It was a scene of devastation,"
    pairs = [(x, y) for i, x in enumerate(ids) for y in ids[i + 1 :]]
    quotes = tuple(_verbatim(f"{x}:2", f"{y}:2", words) for x, y in pairs)
    quotes += (
        QuoteFinding(
            QuoteClass.VERBATIM, "a:3", "b:3", "Hale", "Hale", "Third accident.", "third accident",
            None, "a:3 and b:3 quote Hale word for word.",
        ),
    )  # fmt: skip
    md = render_markdown(_story([_article(s, f"Outlet {s.upper()}") for s in ids], quotes=quotes))
    quotes_md = _section(md, "Quotes")
    assert "### Verbatim (2 quotations, 7 pairs)" in quotes_md
    items = [ln for ln in quotes_md.splitlines() if ln.startswith("- ")]
    assert sorted(items) == [
        "- **Hale**, word for word in 2 sources: Outlet A line 3, Outlet B line 3: "
        "“Third accident.”",
        "- **Okafor**, word for word in 4 sources: Outlet A line 2, Outlet B line 2, "
        "Outlet C line 2, Outlet D line 2: “It was a scene of devastation,”",
    ]
    assert (
        len(
            json.loads(render_json(replace(_story([_article(s) for s in ids]), quotes=quotes)))[
                "quotes"
            ]
        )
        == 7
    )


def test_report_a_quote_finding_repeated_for_other_source_pairs_is_shown_once() -> None:
    """A wire story and two copies quote the full words; one outlet elides them alike:
    three findings, one shown, with the sources on each side. A different diff stays apart."""

    def elided(a: str, diff: str = "{+and more+}") -> QuoteFinding:
        return QuoteFinding(
            QuoteClass.ELIDED, "d:2", f"{a}:2", "Okafor", "Okafor", "We act", "We act and more",
            diff, f"d:2 quotes only part of the words {a}:2 quotes.",
        )  # fmt: skip

    quotes = (elided("a"), elided("b"), elided("c"), elided("a", "{+and less+}"))
    md = render_markdown(_story([_article(s) for s in "abcd"], quotes=quotes))
    quotes_md = _section(md, "Quotes")
    assert "### Elided (4)" in quotes_md
    items = [ln for ln in quotes_md.splitlines() if ln.startswith("- ")]
    assert len(items) == 2
    assert "  - the same finding for 3 pairs: d line 2 against a line 2, b line 2, c line 2" in (
        quotes_md
    )
    assert quotes_md.count("the same finding") == 1


def test_report_diagram_draws_at_most_its_edge_cap_and_says_so() -> None:
    """14 sources that all share a fact have 91 pairs: the diagram keeps every rewrite edge
    and the pairs sharing the most facts, up to the cap, and says so under it."""
    from factcheck.report import MAX_DIAGRAM_EDGES

    ids = [f"s{i:02d}" for i in range(14)]
    rewrite = Derivation("s01", "s00", DerivationKind.COPY, 0.9, 1.0, 1.0, 4, "s00 is older")
    # s00 and s01 also share a second fact: theirs is the strongest edge.
    extra = Fact("F-00000002", ("s00:2", "s01:2"), ("s00", "s01"), Coverage.PARTIAL, 0.9)
    result = _story([_article(s) for s in ids], extra, derivations=(rewrite,))
    section = _section(render_markdown(result), "Source overlap")
    solid = [ln for ln in section.splitlines() if " ---|" in ln]
    dotted = [ln for ln in section.splitlines() if " -.->|" in ln]
    assert len(solid) + len(dotted) == MAX_DIAGRAM_EDGES and len(dotted) == 1
    assert any('"2 shared"' in ln for ln in solid)
    assert f"draws {MAX_DIAGRAM_EDGES - 1} of the 91 pairs" in section


def test_report_diagram_under_its_edge_cap_draws_every_pair() -> None:
    result = _story([_article(s) for s in "abcd"])
    section = _section(render_markdown(result), "Source overlap")
    assert sum(" ---|" in ln for ln in section.splitlines()) == 6
    assert "The diagram draws" not in section


def test_report_matrix_drops_an_independent_column_of_one_value_and_says_it() -> None:
    rewrite = Derivation("b", "a", DerivationKind.COPY, 0.9, 1.0, 1.0, 4, "a is older")
    one = replace(_story([_article("a"), _article("b")], derivations=(rewrite,)))
    facts = tuple(replace(f, independent=1) for f in one.facts)
    section = _section(render_markdown(replace(one, facts=facts)), "Coverage matrix")
    assert "Independent" not in section.split("\n| Fact", 1)[1]
    assert "Every fact has 1 independent source" in section
    two = (replace(facts[0], independent=2),)
    extra = Fact("F-00000002", ("a:2",), ("a",), Coverage.UNIQUE, 1.0, independent=1)
    section = _section(render_markdown(replace(one, facts=(*two, extra))), "Coverage matrix")
    assert "| Independent |" in section and "Every fact has" not in section


def test_report_a_long_coverage_matrix_folds_keeping_the_facts_with_issues_in_view() -> None:
    from factcheck.report import MAX_MATRIX_ROWS

    result = _story([_article("a"), _article("b")])
    conflict = Conflict(ConflictKind.VALUE, "a:1", "b:1", "5", "6", 0.9, "differ")
    facts = [replace(result.facts[0], conflicts=(conflict,))]
    facts += [
        Fact(f"F-{i:08d}", (f"a:{i}",), ("a",), Coverage.UNIQUE, 1.0)
        for i in range(2, MAX_MATRIX_ROWS + 3)
    ]
    stmts = result.statements + tuple(bare_statement("a", i) for i in range(4, MAX_MATRIX_ROWS + 3))
    section = _section(
        render_markdown(replace(result, facts=tuple(facts), statements=stmts)), "Coverage matrix"
    )
    above, below = section.split("<details>", 1)
    assert "| F-00000001 | conflict |" in above and "F-00000002" not in above
    assert f"<summary>The other {MAX_MATRIX_ROWS + 1} facts</summary>" in below
    assert below.count("\n| F-") == MAX_MATRIX_ROWS + 1


def test_report_what_to_check_first_links_each_issue_to_its_section() -> None:
    conflict = Conflict(ConflictKind.VALUE, "a:1", "b:1", "5", "6", 0.9, "count 5 <b>vs</b> 6")
    note = FramingNote(FramingKind.HEDGING, ("b:2",), (("may",),), ("a:2",), "hedged")
    framed = Fact("F-00000002", ("a:2", "b:2"), ("a", "b"), Coverage.CONSENSUS, 0.9, (), (note,))
    result = _story([_article("a"), _article("b", "Bay Post")], framed)
    result = replace(result, facts=(replace(result.facts[0], conflicts=(conflict,)), framed))
    md = render_markdown(result)
    top = md.split("## Sources", 1)[0]
    assert top.count("**What to check first**") == 1
    items = [ln for ln in top.splitlines() if ln.startswith("- ")]
    assert items == [
        "- [F-00000001](#f-00000001-2-of-2-sources): value conflict (confidence 0.90): "
        "count 5 &lt;b&gt;vs&lt;/b&gt; 6 (a against Bay Post)",
        "- [F-00000002](#f-00000002): framing: hedging (Bay Post)",
    ]
    # The anchors are those of the sections' headings.
    assert "\n### F-00000001 (2 of 2 sources)\n" in md and "\n### F-00000002\n" in md
    plain = render_markdown(_story([_article("a"), _article("b")]))
    assert "What to check first" not in plain


def test_report_what_to_check_first_keeps_to_its_cap() -> None:
    from factcheck.report import MAX_CHECK_FIRST

    ids = [f"s{i:02d}" for i in range(20)]  # 10 facts in conflict
    result = _story([_article(s) for s in ids])
    facts = tuple(
        Fact(
            f"F-{i:08d}", (f"{a}:2", f"{b}:2"), (a, b), Coverage.PARTIAL, 0.9,
            (Conflict(ConflictKind.VALUE, f"{a}:2", f"{b}:2", "5", "6", 0.9, "differ"),),
        )
        for i, (a, b) in enumerate(zip(ids[::2], ids[1::2], strict=True), start=2)
    )  # fmt: skip
    top = render_markdown(replace(result, facts=result.facts + facts)).split("## Sources")[0]
    items = [ln for ln in top.splitlines() if ln.startswith("- ")]
    assert len(items) == MAX_CHECK_FIRST
    assert items[-1] == f"- and {10 - MAX_CHECK_FIRST + 1} more: see Conflicts and Framing"


def test_report_leads_with_merges_sources_that_lead_alike_and_groups_many_places() -> None:
    """Ten copies lead with the same sentence at the same place: one block naming them.
    An outlet leading otherwise gets its own block, whose other sources (more than the
    cap) are grouped by where they place the fact."""
    from factcheck.report import MAX_LEAD_PLACES

    copies = [f"c{i:02d}" for i in range(10)]
    articles = [_article(s) for s in [*copies, "z"]]
    result = _story(articles)
    wire = "The plant exploded on Monday."
    stmts = tuple(
        replace(st, text=wire) if st.index == 1 and st.source_id != "z" else st
        for st in result.statements
    )
    profiles = tuple(
        SourceProfile(a.article.source_id, 3, 0.0, 0.0, 0.0, ("F-00000001",), ("",))
        for a in articles
    )
    md = render_markdown(replace(result, statements=stmts, profiles=profiles))
    leads = md.split("**Leads with**", 1)[1]
    blocks = [ln for ln in leads.splitlines() if ln.startswith("- ")]
    assert len(blocks) == 2
    assert blocks[0] == (
        f"- **{', '.join(copies[:MAX_LEAD_PLACES])} and {10 - MAX_LEAD_PLACES} more** "
        "(10 sources, the same sentences):"
    )
    assert "· elsewhere: z sentence 1" in leads
    assert (
        f"· elsewhere: sentence 1: {', '.join(copies[:MAX_LEAD_PLACES])} and "
        f"{10 - MAX_LEAD_PLACES} more (10 sources)"
    ) in leads


def test_report_unsupported_quotes_are_never_merged() -> None:
    def alone(a: str) -> QuoteFinding:
        return QuoteFinding(
            QuoteClass.UNSUPPORTED, a, None, "Hale", None, "Third accident in years.", None,
            None, f"No source but {a} has Hale say this.",
        )  # fmt: skip

    md = render_markdown(
        _story([_article("a"), _article("b")], quotes=(alone("a:2"), alone("b:2")))
    )
    quotes = _section(md, "Quotes")
    assert "- **Hale**, a line 2:" in quotes and "- **Hale**, b line 2:" in quotes


def test_report_a_disagreement_keeps_a_caveat_only_some_pairs_carry() -> None:
    result = _wire_story(2)
    fact = result.facts[0]
    *same, last = fact.conflicts
    hedged = replace(last, confidence=0.5, reason="count differs; no action ties the figures")
    md = render_markdown(replace(result, facts=(replace(fact, conflicts=(*same, hedged)),)))
    section = _section(md, "Conflicts")
    assert section.count("**value conflict**") == 1
    assert "(confidence 0.70): count differs (one disagreement" in section
    assert "- 1 pair (confidence 0.50, valley / local): count differs; no action ties" in section


def test_report_what_to_check_first_names_the_outlier_of_a_disagreement() -> None:
    top = render_markdown(_wire_story(5)).split("## Sources", 1)[0]
    assert "(valley against 7 sources)" in top


def test_report_copies_sharing_the_same_passages_list_them_once() -> None:
    phrases = ("rebuild the harbor bridge", "a protected bike lane")

    def copy(derived: str, original: str, shared: tuple[str, ...] = phrases) -> Derivation:
        return Derivation(
            derived, original, DerivationKind.COPY, 0.9, 1.0, 1.0, 2, "a came first",
            shared_phrases=shared, shared_passages=len(shared),
        )  # fmt: skip

    derivations = (copy("b", "a"), copy("c", "a"), copy("d", "a", phrases[:1]))
    md = render_markdown(_story([_article(s) for s in "abcd"], derivations=derivations))
    section = _section(md, "Rewrites and copies")
    assert section.count("“rebuild the harbor bridge”, “a protected bike lane”") == 1
    assert "  - shared passages: the same as **b**'s above" in section
    assert "  - shared passages: “rebuild the harbor bridge”\n" in section


def test_report_names_the_copy_that_changed_its_originals_figure() -> None:
    md = render_markdown(_with_rewrite())  # b, a paraphrase of a, gives 25,000 for 40,000
    section = md[md.index("## Conflicts") : md.index("## Consensus")]
    assert (
        "- Introduced by a copy: **b**, which derives from **a**, gives *25,000* where its "
        "original gives *40,000*." in section
    )
    assert "Introduced by a copy" not in render_markdown(_result())  # no rewrite, no claim
