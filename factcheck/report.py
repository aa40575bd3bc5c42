"""Render a story's result as markdown, and write its reports atomically.

Rendering is pure: ``render_markdown(result) -> str`` and ``to_json(result) -> dict`` have no
side effects and no timestamps, so two runs on the same input give byte-identical files and
a pull request that changes a corpus shows a clean diff. Floats are rounded to 4 places.

Markdown layout, top to bottom: header and summary line, sources table, coverage matrix
(facts x sources, built with pandas), conflicts, consensus, partial facts, unique details by
source, framing, problems. Article text is escaped, so an article cannot inject HTML, links
or table breaks into a report.

Writing goes through a temporary file in the target folder and ``os.replace``, so a
report is either the old one or the new one, never half written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd

from factcheck import __version__
from factcheck.atomic import write_atomic
from factcheck.types import (
    Conflict,
    Fact,
    FramingNote,
    Label,
    QuoteClass,
    Statement,
    StoryResult,
    Value,
)

__all__ = [
    "REPORT_SCHEMA",
    "md_escape",
    "render_markdown",
    "source_labels",
    "statement_counts",
    "write_reports",
]

REPORT_SCHEMA = "factcheck.report/1"

# Column names of the coverage matrix DataFrame.
COL_FACT = "fact"
COL_LABEL = "label"
COL_SOURCE = "source"
COL_TEXT = "statement"
COL_INDEPENDENT = "independent"

# Inline markdown that could change meaning mid-line; "#", "-", "+" and digits only act at
# the start of a line, where article text never goes.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_PRESENT = "●"
_ABSENT = "·"


def md_escape(text: str) -> str:
    """Escape text for markdown: no HTML, links, emphasis, or table breaks get through."""
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


#: Longest source label in tables; longer outlet names are cut.
MAX_LABEL = 24


def source_labels(result: StoryResult) -> dict[str, str]:
    """``source_id -> label``: the outlet's name when the story gives one (and no other
    source shares it), else the file stem.

    Labels come from the sources themselves, not from their order, so adding or removing
    a source does not rename the others and a report's diff stays small. Not escaped.
    """
    outlets = [a.meta.outlet for a in result.articles]
    out = {}
    for a in result.articles:
        name = a.meta.outlet if a.meta.outlet and outlets.count(a.meta.outlet) == 1 else None
        label = " ".join((name or a.article.source_id).split())
        out[a.article.source_id] = (
            label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1] + "…"
        )
    return out


def _md_labels(result: StoryResult) -> dict[str, str]:
    return {k: md_escape(v) for k, v in source_labels(result).items()}


def _by_id(result: StoryResult) -> dict[str, Statement]:
    return {s.id: s for s in result.statements}


def statement_counts(result: StoryResult) -> dict[str, int]:
    counts = {a.article.source_id: 0 for a in result.articles}
    for s in result.statements:
        counts[s.source_id] += 1
    return counts


def coverage_frame(result: StoryResult) -> pd.DataFrame:
    """Facts x sources as a DataFrame: one row per fact, a bool column per source label."""
    labels = source_labels(result)
    by_id = _by_id(result)
    rows = [{COL_FACT: f.id, COL_SOURCE: labels[sid]} for f in result.facts for sid in f.source_ids]
    long = pd.DataFrame(rows, columns=[COL_FACT, COL_SOURCE])
    order = [f.id for f in result.facts]
    matrix = (
        pd.crosstab(long[COL_FACT], long[COL_SOURCE])
        .reindex(index=order, columns=list(labels.values()), fill_value=0)
        .astype(bool)
    )
    matrix.insert(0, COL_LABEL, [str(f.label) for f in result.facts])
    matrix[COL_INDEPENDENT] = [f.independent or len(f.source_ids) for f in result.facts]
    matrix[COL_TEXT] = [by_id[f.statement_ids[0]].text for f in result.facts]
    return matrix


# ----------------------------------------------------------------------------- markdown


def _table(header: Sequence[str], rows: Iterable[Sequence[str]], align: str = "") -> list[str]:
    aligns = align or "l" * len(header)
    rule = {"l": "---", "r": "---:", "c": ":-:"}
    out = ["| " + " | ".join(header) + " |", "|" + "|".join(rule[c] for c in aligns) + "|"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return out


def independent_sources(result: StoryResult) -> int:
    """How many sources remain when every rewrite or copy is merged into its original."""
    parent = {a.article.source_id: a.article.source_id for a in result.articles}

    def root(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    for d in result.derivations:
        if d.derived in parent and d.original in parent:
            parent[root(d.derived)] = root(d.original)
    return len({root(x) for x in parent})


def _summary_line(result: StoryResult) -> str:
    counts = {label: 0 for label in Label}
    for f in result.facts:
        counts[f.label] += 1
    parts = [f"{counts[label]} {label}" for label in Label]
    independent = independent_sources(result)
    sources = f"{len(result.articles)} sources"
    if independent != len(result.articles):
        sources += f" ({independent} independent)"
    return (
        f"**{sources} · {len(result.statements)} statements · "
        f"{len(result.facts)} facts**: " + " · ".join(parts)
    )


def _provenance_section(result: StoryResult) -> list[str]:
    labels = _md_labels(result)
    out = ["## Rewrites and copies", ""]
    if not result.derivations:
        return [
            *out,
            "No article reads as a rewrite or copy of another: every source counts as independent.",
            "",
        ]
    out += [
        "A rewrite does not confirm its original: facts below count *independent* sources, "
        "with each rewrite merged into its original.",
        "",
    ]
    for d in result.derivations:
        out.append(
            f"- **{labels[d.derived]}** is a {d.kind} of **{labels[d.original]}** "
            f"(score {d.score:.2f}: {d.coverage:.0%} of the shorter article aligned, "
            f"order kept {d.order:.0%}, {d.shared_ngrams} shared rare phrases). "
            f"{md_escape(_name_sources(d.why_original, result))}"
        )
    return [*out, ""]


def _name_sources(text: str, result: StoryResult) -> str:
    labels = source_labels(result)
    for sid in sorted(labels, key=len, reverse=True):
        if labels[sid] != sid:
            text = text.replace(sid, labels[sid])
    return text


def _sources_section(result: StoryResult) -> list[str]:
    labels = _md_labels(result)
    counts = statement_counts(result)
    rows = []
    for a in result.articles:
        m, sid = a.meta, a.article.source_id
        name = labels[sid]
        if m.outlet and md_escape(m.outlet) != name:
            name += f" ({md_escape(m.outlet)})"
        rows.append(
            [
                name,
                f"`{a.article.path.name}`",
                md_escape(_short(m.title or "—", 70)),
                md_escape(m.published or "—"),
                str(counts[sid]),
                str(len(a.removed)),
            ]
        )
    return [
        "## Sources",
        "",
        *_table(
            ["Source", "File", "Title", "Published", "Statements", "Chrome lines removed"],
            rows,
            "lllrrr",
        ),
    ]


def _matrix_section(result: StoryResult) -> list[str]:
    frame = coverage_frame(result)
    raw = list(source_labels(result).values())
    labels = [md_escape(x) for x in raw]
    derived = bool(result.derivations)  # else every source is independent: no column
    rows = [
        [
            str(fid),
            str(row[COL_LABEL]),
            *(_PRESENT if row[x] else _ABSENT for x in raw),
            *([str(row[COL_INDEPENDENT])] if derived else []),
            md_escape(_short(str(row[COL_TEXT]), 90)),
        ]
        for fid, row in frame.iterrows()
    ]
    header = ["Fact", "Label", *labels, *(["Independent"] if derived else []), "Statement"]
    align = "ll" + "c" * len(labels) + ("r" if derived else "") + "l"
    return [
        "## Coverage matrix",
        "",
        f"{_PRESENT} the source states the fact; {_ABSENT} it does not. "
        + (
            "Independent: sources left when rewrites merge into their originals. "
            if derived
            else ""
        )
        + "Each row quotes the fact's first statement.",
        "",
        *_table(header, rows, align),
    ]


def _mermaid_text(text: str) -> str:
    return text.replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")


def _overlap_section(result: StoryResult) -> list[str]:
    """A mermaid graph of the sources: an edge for each pair that shares facts, labelled
    with how many. GitHub renders it; elsewhere it reads as a plain list."""
    labels = source_labels(result)
    counts = statement_counts(result)
    ids = {a.article.source_id: f"s{i}" for i, a in enumerate(result.articles)}
    shared: dict[tuple[str, str], int] = {}
    for f in result.facts:
        for i, x in enumerate(f.source_ids):
            for y in f.source_ids[i + 1 :]:
                shared[(x, y)] = shared.get((x, y), 0) + 1
    lines = [
        "## Source overlap",
        "",
        "Solid lines: facts two sources share. Dotted arrows: a rewrite and its original.",
        "",
        "```mermaid",
        "graph LR",
    ]
    for sid, node in ids.items():
        text = _mermaid_text(f"{labels[sid]} · {counts[sid]} statements")
        lines.append(f'  {node}["{text}"]')
    for (x, y), n in sorted(shared.items()):
        lines.append(f'  {ids[x]} ---|"{n} shared"| {ids[y]}')
    for d in result.derivations:
        lines.append(
            f'  {ids[d.derived]} -.->|"{_mermaid_text(str(d.kind))} of"| {ids[d.original]}'
        )
    return [*lines, "```", ""]


def _cite(st: Statement, labels: dict[str, str]) -> str:
    return f"**{labels[st.source_id]}** line {st.line}: {md_escape(st.text)}"


def _fact_members(fact: Fact, by_id: dict[str, Statement], labels: dict[str, str]) -> list[str]:
    """The fact's statements, one per line, folded under its first statement (GitHub
    renders ``<details>``; the blank lines let the list inside render as markdown)."""
    first = by_id[fact.statement_ids[0]]
    return [
        f"<details><summary>{md_escape(_short(first.text, 100))}</summary>",
        "",
        *(f"- {_cite(by_id[sid], labels)}" for sid in fact.statement_ids),
        "",
        "</details>",
    ]


def _conflict_lines(c: Conflict, by_id: dict[str, Statement], labels: dict[str, str]) -> list[str]:
    a, b = by_id[c.a], by_id[c.b]
    return [
        f"**{c.kind} conflict** (confidence {c.confidence:.2f}): {md_escape(c.reason)}",
        "",
        *_table(
            ["Source", "Value", "Sentence"],
            [
                [labels[s.source_id], md_escape(v), f"{md_escape(s.text)} (line {s.line})"]
                for s, v in ((a, c.value_a), (b, c.value_b))
            ],
        ),
        "",
    ]


#: kind -> (what a marked source does, what the others do: singular, plural)
_FRAMING_VERBS = {
    "hedging": ("hedges it with", ("states it flatly", "state it flatly")),
    "loaded": ("uses loaded or intensifying words:", ("does not", "do not")),
    "tone": ("words it with", ("is neutral", "are neutral")),
    "attribution": ("reports it with", ("uses a neutral verb", "use a neutral verb")),
    "beyond source": ("goes beyond the quote:", ("quotes the speaker", "quote the speaker")),
}


def _framing_lines(
    n: FramingNote, by_id: dict[str, Statement], labels: dict[str, str]
) -> list[str]:
    verb, others = _FRAMING_VERBS[str(n.kind)]
    uses = "; ".join(
        f"{labels[by_id[sid].source_id]} {verb} " + ", ".join(f"*{md_escape(w)}*" for w in words)
        for sid, words in zip(n.marked, n.words, strict=True)
    )
    plain = sorted({labels[by_id[sid].source_id] for sid in n.unmarked})
    tail = f"; {', '.join(plain)} {others[len(plain) > 1]}" if plain else ""
    out = [f"- **{n.kind}**: {uses}{tail}."]
    if n.diff and n.diff_against:
        src, dst = (labels[by_id[x].source_id] for x in (n.marked[0], n.diff_against))
        out.append(f"  - word diff {src} → {dst}: `{n.diff.replace('`', '')}`")
    return out


def _profiles_section(result: StoryResult, labels: dict[str, str]) -> list[str]:
    if not result.profiles:
        return []
    rows = []
    for p in result.profiles:
        lead = "; ".join(
            f"{fid} ({_relabel(where, labels)})"
            for fid, where in zip(p.lead, p.lead_elsewhere, strict=True)
        )
        rows.append(
            [
                labels[p.source_id],
                str(p.statements),
                f"{p.hedging:.0%}",
                f"{p.tone:+.2f}",
                f"{p.attributed:.0%}",
                md_escape(lead),
            ]
        )
    return [
        "## How each source tells it",
        "",
        "Hedged: share of statements with a hedge word. Tone: mean VADER sentiment, -1 to +1. "
        "Attributed: share of statements that quote or name a source. Leads with: the facts of "
        "its first three statements, and where the other sources place them.",
        "",
        *_table(
            ["Source", "Statements", "Hedged", "Tone", "Attributed", "Leads with"],
            rows,
            "lrrrrl",
        ),
        "",
    ]


def _relabel(text: str, labels: dict[str, str]) -> str:
    for sid, label in sorted(labels.items(), key=lambda kv: -len(kv[0])):
        text = text.replace(sid, label)
    return text


def _count(f: Fact, total: int) -> str:
    text = f"{len(f.source_ids)} of {total} sources"
    if f.independent and f.independent != len(f.source_ids):
        text += f", {f.independent} independent"
    return text


def _facts_section(
    title: str,
    intro: str,
    facts: Sequence[Fact],
    by_id: dict[str, Statement],
    labels: dict[str, str],
    total: int,
) -> list[str]:
    out = [f"## {title}", "", intro, ""]
    if not facts:
        return [*out, "None.", ""]
    for f in facts:
        out += [f"### {f.id} ({_count(f, total)})", ""]
        out += _fact_members(f, by_id, labels)
        out.append("")
    return out


def _unique_section(
    result: StoryResult, by_id: dict[str, Statement], labels: dict[str, str]
) -> list[str]:
    out = ["## Unique details", "", "Statements no other source carries, by source.", ""]
    unique = [f for f in result.facts if len(f.source_ids) == 1]
    if not unique:
        return [*out, "None.", ""]
    for a in result.articles:
        sid = a.article.source_id
        mine = sorted(
            (f for f in unique if f.source_ids[0] == sid),
            key=lambda f: by_id[f.statement_ids[0]].index,
        )
        if not mine:
            continue
        out += [f"### {labels[sid]} ({len(mine)})", ""]
        for f in mine:
            for stid in f.statement_ids:
                st = by_id[stid]
                out.append(f"- {f.id} line {st.line}: {md_escape(st.text)}{_value_tags(st.values)}")
        out.append("")
    return out


def _value_tags(values: Sequence[Value]) -> str:
    typed = [v for v in values if v.kind.value in {"money", "percent", "quantity", "count", "date"}]
    if not typed:
        return ""
    return " *(" + "; ".join(_value_tag(v) for v in typed) + ")*"


def _value_tag(v: Value) -> str:
    if not v.resolved:  # a relative or year-less date with nothing to anchor it
        return f"{v.kind}: {md_escape(v.text)}, unresolved"
    return f"{v.kind}: {md_escape(v.norm)}"


def render_markdown(result: StoryResult) -> str:
    """The markdown report of one story (pure; deterministic)."""
    labels = _md_labels(result)
    by_id = _by_id(result)
    total = len(result.articles)
    out = [
        f"# factcheck report: {md_escape(result.name)}",
        "",
        f"<!-- factcheck {__version__} · model {result.model} · "
        f"threshold {result.threshold:.2f} · schema {REPORT_SCHEMA} -->",
        "",
    ]
    if total < 2:
        out += [
            f"**{total} source · {len(result.statements)} statements.** "
            "Nothing to compare it with: a consistency report needs at least two articles "
            "on the same story. Add more articles to this folder.",
            "",
            *_sources_section(result),
            "",
            *_problems_section(result),
        ]
        return "\n".join(out).rstrip() + "\n"

    out += [
        _summary_line(result),
        "",
        *_sources_section(result),
        "",
        *_overlap_section(result),
        *_provenance_section(result),
        *_matrix_section(result),
        "",
    ]
    out += [
        "## Conflicts",
        "",
        "Aligned statements that disagree: on a number or a date, on whether something "
        "happened (polarity), or on who did it (entity).",
        "",
    ]
    strong = [f for f in result.facts if f.label is Label.CONFLICT]
    weak = [f for f in result.facts if f.conflicts and f.label is not Label.CONFLICT]
    if not strong:
        out += ["None found.", ""]
    for f in strong:
        out += [f"### {f.id} ({_count(f, total)})", ""]
        for c in f.conflicts:
            out += _conflict_lines(c, by_id, labels)
    if weak:
        out += [
            "### Claim divergences (weaker)",
            "",
            "The same event told with a different action or object. Worth a look, but often "
            "a rewording: these do not make a fact a conflict.",
            "",
        ]
        for f in weak:
            out += [f"#### {f.id} ({_count(f, total)})", ""]
            for c in f.conflicts:
                out += _conflict_lines(c, by_id, labels)
    out += _facts_section(
        "Consensus",
        f"Facts that every source carries ({total} of {total}).",
        [f for f in result.facts if len(f.source_ids) == total],
        by_id,
        labels,
        total,
    )
    out += _facts_section(
        "Partial",
        "Facts some sources carry and others do not.",
        [f for f in result.facts if 1 < len(f.source_ids) < total],
        by_id,
        labels,
        total,
    )
    out += _unique_section(result, by_id, labels)
    framed = [f for f in result.facts if f.framing]
    out += ["## Framing", "", "One fact, told with different hedging or wording.", ""]
    if not framed:
        out += ["None found.", ""]
    for f in framed:
        out += [f"### {f.id}", ""]
        out += _fact_members(f, by_id, labels)
        out += [line for n in f.framing for line in _framing_lines(n, by_id, labels)]
        out.append("")
    out += _profiles_section(result, labels)
    out += _quotes_section(result, by_id, labels)
    out += _problems_section(result)
    return "\n".join(out).rstrip() + "\n"


#: Quote findings in the order a reader should see them: problems first.
_QUOTE_ORDER = (
    QuoteClass.MISATTRIBUTED,
    QuoteClass.ALTERED,
    QuoteClass.UNSUPPORTED,
    QuoteClass.ELIDED,
    QuoteClass.PARAPHRASED,
    QuoteClass.VERBATIM,
)
_QUOTE_INTRO = {
    QuoteClass.MISATTRIBUTED: "the same words, a different speaker",
    QuoteClass.ALTERED: "words changed inside the quotation marks",
    QuoteClass.UNSUPPORTED: "attributed by one source only; no other source quotes or supports it",
    QuoteClass.ELIDED: "shortened, or a gap marked with an ellipsis",
    QuoteClass.PARAPHRASED: "quoted by one source, told without quotation marks by another",
    QuoteClass.VERBATIM: "the same words in both sources",
}


def _quoted(text: str | None) -> str:
    return f"“{md_escape(_short(text or '', 160))}”"


def _name_statements(text: str, statements: Sequence[Statement], labels: dict[str, str]) -> str:
    """Replace statement IDs in a library explanation by the report's source labels."""
    for st in sorted(statements, key=lambda s: -len(s.id)):
        text = text.replace(st.id, f"{labels[st.source_id]} (line {st.line})")
    return text


def _quotes_section(
    result: StoryResult, by_id: dict[str, Statement], labels: dict[str, str]
) -> list[str]:
    out = [
        "## Quotes",
        "",
        "Quotations compared across sources, by speaker.",
        "",
    ]
    if not result.quotes:
        return [*out, "None found.", ""]
    raw = source_labels(result)
    for kind in _QUOTE_ORDER:
        found = [q for q in result.quotes if q.kind is kind]
        if not found:
            continue
        out += [f"### {kind.value.capitalize()} ({len(found)}): {_QUOTE_INTRO[kind]}", ""]
        for q in found:
            a = by_id[q.a]
            where = f"{labels[a.source_id]} line {a.line}"
            speaker = md_escape(q.speaker_a or q.speaker_b or "unknown speaker")
            if q.b is None:
                out.append(f"- **{speaker}**, {where}: {_quoted(q.text_a)}")
                continue
            b = by_id[q.b]
            other = f"{labels[b.source_id]} line {b.line}"
            if kind is QuoteClass.MISATTRIBUTED:
                speaker = f"{md_escape(q.speaker_a or '?')} / {md_escape(q.speaker_b or '?')}"
            explanation = md_escape(_name_statements(q.explanation, (a, b), raw))
            out.append(f"- **{speaker}**, {where} and {other}: {explanation}")
            if q.diff:
                arrow = f"{labels[a.source_id]} → {labels[b.source_id]}"
                out.append(f"  - word diff {arrow}: `{q.diff.replace('`', '')}`")
            out.append(f"  - {labels[a.source_id]}: {_quoted(q.text_a)}")
            out.append(f"  - {labels[b.source_id]}: {_quoted(q.text_b or b.text)}")
        out.append("")
    return out


def _problems_section(result: StoryResult) -> list[str]:
    if not result.failures:
        return []
    return [
        "## Problems",
        "",
        "These files were not used:",
        "",
        *(f"- `{f.path.name}`: {md_escape(f.problem)}" for f in result.failures),
        "",
    ]


# ----------------------------------------------------------------------------- writing


def write_reports(result: StoryResult, out_dir: Path, *, formats: Sequence[str]) -> list[Path]:
    """Write ``<out_dir>/<story>.md`` and/or ``.json``; returns the paths written."""
    written = []
    if "md" in formats:
        path = out_dir / f"{result.name}.md"
        write_atomic(path, render_markdown(result))
        written.append(path)
    if "json" in formats:
        from factcheck.report_json import render_json

        path = out_dir / f"{result.name}.json"
        write_atomic(path, render_json(result))
        written.append(path)
    return written
