"""Render a story's result as markdown and JSON, and write both atomically.

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

import json
import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from factcheck import __version__
from factcheck.types import (
    CleanArticle,
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
    "to_json",
    "write_atomic",
    "write_reports",
]

REPORT_SCHEMA = "factcheck.report/1"

# Column names of the coverage matrix DataFrame.
COL_FACT = "fact"
COL_LABEL = "label"
COL_SOURCE = "source"
COL_TEXT = "statement"

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


def source_labels(result: StoryResult) -> dict[str, str]:
    """``source_id -> "S1"...`` in source-ID order: short column names for the tables."""
    return {a.article.source_id: f"S{i}" for i, a in enumerate(result.articles, 1)}


def _by_id(result: StoryResult) -> dict[str, Statement]:
    return {s.id: s for s in result.statements}


def _statement_counts(result: StoryResult) -> dict[str, int]:
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
    matrix[COL_TEXT] = [by_id[f.statement_ids[0]].text for f in result.facts]
    return matrix


# ----------------------------------------------------------------------------- markdown


def _table(header: Sequence[str], rows: Iterable[Sequence[str]], align: str = "") -> list[str]:
    aligns = align or "l" * len(header)
    rule = {"l": "---", "r": "---:", "c": ":-:"}
    out = ["| " + " | ".join(header) + " |", "|" + "|".join(rule[c] for c in aligns) + "|"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return out


def _summary_line(result: StoryResult) -> str:
    counts = {label: 0 for label in Label}
    for f in result.facts:
        counts[f.label] += 1
    parts = [f"{counts[label]} {label}" for label in Label]
    return (
        f"**{len(result.articles)} sources · {len(result.statements)} statements · "
        f"{len(result.facts)} facts**: " + " · ".join(parts)
    )


def _sources_section(result: StoryResult) -> list[str]:
    labels = source_labels(result)
    counts = _statement_counts(result)
    rows = []
    for a in result.articles:
        m = a.meta
        rows.append(
            [
                labels[a.article.source_id],
                md_escape(m.outlet or "—"),
                f"`{a.article.path.name}`",
                md_escape(m.published or "—"),
                str(counts[a.article.source_id]),
                str(len(a.removed)),
            ]
        )
    return [
        "## Sources",
        "",
        *_table(
            ["Source", "Outlet", "File", "Published", "Statements", "Chrome lines removed"],
            rows,
            "lllrrr",
        ),
    ]


def _matrix_section(result: StoryResult) -> list[str]:
    frame = coverage_frame(result)
    labels = list(source_labels(result).values())
    rows = [
        [
            str(fid),
            str(row[COL_LABEL]),
            *(_PRESENT if row[s] else _ABSENT for s in labels),
            md_escape(_short(str(row[COL_TEXT]), 90)),
        ]
        for fid, row in frame.iterrows()
    ]
    return [
        "## Coverage matrix",
        "",
        f"{_PRESENT} the source states the fact; {_ABSENT} it does not. "
        "Each row quotes the fact's first statement.",
        "",
        *_table(["Fact", "Label", *labels, "Statement"], rows, "ll" + "c" * len(labels) + "l"),
    ]


def _cite(st: Statement, labels: dict[str, str]) -> str:
    return f"**{labels[st.source_id]}** line {st.line}: {md_escape(st.text)}"


def _fact_members(fact: Fact, by_id: dict[str, Statement], labels: dict[str, str]) -> list[str]:
    return [f"- {_cite(by_id[sid], labels)}" for sid in fact.statement_ids]


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
        out += [f"### {f.id} ({len(f.source_ids)} of {total} sources)", ""]
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
        name = a.meta.outlet or a.article.path.name
        out += [f"### {labels[sid]}: {md_escape(name)} ({len(mine)})", ""]
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
    return " *(" + "; ".join(f"{v.kind}: {md_escape(v.norm)}" for v in typed) + ")*"


def render_markdown(result: StoryResult) -> str:
    """The markdown report of one story (pure; deterministic)."""
    labels = source_labels(result)
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

    out += [_summary_line(result), "", *_sources_section(result), "", *_matrix_section(result), ""]
    conflicts = [f for f in result.facts if f.conflicts]
    out += [
        "## Conflicts",
        "",
        "Aligned statements that disagree: on a number or a date, on whether something "
        "happened (polarity), on who did it (entity), or, weaker, on what was done (claim).",
        "",
    ]
    if not conflicts:
        out += ["None found.", ""]
    for f in conflicts:
        out += [f"### {f.id} ({len(f.source_ids)} of {total} sources)", ""]
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
            out.append(f"- **{speaker}**, {where} and {other}: {md_escape(q.explanation)}")
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


# ----------------------------------------------------------------------------- JSON


def _num(x: float | None) -> float | str | None:
    if x is None:
        return None
    if x in (float("inf"), float("-inf")):
        return "inf" if x > 0 else "-inf"
    return round(x, 4) if abs(x) < 1e6 else float(f"{x:.6g}")


def _value_json(v: Value) -> dict[str, Any]:
    return {
        "kind": str(v.kind),
        "text": v.text,
        "start": v.start,
        "end": v.end,
        "norm": v.norm,
        "low": _num(v.low),
        "high": _num(v.high),
        "unit": v.unit,
        "qualifier": v.qualifier,
        "resolved": v.resolved,
        "note": v.note,
    }


def _source_json(a: CleanArticle, label: str, n_statements: int) -> dict[str, Any]:
    m = a.meta
    return {
        "id": a.article.source_id,
        "label": label,
        "file": a.article.path.name,
        "format": str(a.article.format),
        "encoding": a.article.encoding,
        "outlet": m.outlet,
        "title": m.title,
        "url": m.url,
        "published": m.published,
        "updated": m.updated,
        "statements": n_statements,
        "removed": [
            {"line": r.line, "text": r.text, "reason": str(r.reason), "detail": r.detail}
            for r in a.removed
        ],
    }


def to_json(result: StoryResult) -> dict[str, Any]:
    """The machine-readable report: same content as the markdown, plus offsets and values."""
    labels = source_labels(result)
    counts = _statement_counts(result)
    by_label = {str(label): 0 for label in Label}
    for f in result.facts:
        by_label[str(f.label)] += 1
    return {
        "schema": REPORT_SCHEMA,
        "story": result.name,
        "generator": {
            "factcheck": __version__,
            "model": result.model,
            "threshold": result.threshold,
        },
        "summary": {
            "sources": len(result.articles),
            "statements": len(result.statements),
            "facts": len(result.facts),
            "labels": by_label,
            "comparable": len(result.articles) >= 2,
        },
        "sources": [
            _source_json(a, labels[a.article.source_id], counts[a.article.source_id])
            for a in result.articles
        ],
        "statements": [
            {
                "id": s.id,
                "source": s.source_id,
                "text": s.text,
                "start": s.start,
                "end": s.end,
                "line": s.line,
                "values": [_value_json(v) for v in s.values],
                "quotes": [
                    {
                        "text": q.text,
                        "start": q.start,
                        "end": q.end,
                        "speaker": q.speaker,
                        "verb": q.verb,
                    }
                    for q in s.quotes
                ],
            }
            for s in result.statements
        ],
        "facts": [
            {
                "id": f.id,
                "label": str(f.label),
                "coverage": str(f.coverage),
                "sources": list(f.source_ids),
                "statements": list(f.statement_ids),
                "similarity": _num(f.similarity),
                "conflicts": [
                    {
                        "kind": str(c.kind),
                        "a": c.a,
                        "b": c.b,
                        "value_a": c.value_a,
                        "value_b": c.value_b,
                        "confidence": c.confidence,
                        "reason": c.reason,
                    }
                    for c in f.conflicts
                ],
                "framing": [
                    {
                        "kind": str(n.kind),
                        "marked": list(n.marked),
                        "words": [list(w) for w in n.words],
                        "unmarked": list(n.unmarked),
                        "explanation": n.explanation,
                        "diff": n.diff,
                        "diff_against": n.diff_against,
                    }
                    for n in f.framing
                ],
            }
            for f in result.facts
        ],
        "profiles": [
            {
                "source": p.source_id,
                "statements": p.statements,
                "hedging": p.hedging,
                "tone": p.tone,
                "attributed": p.attributed,
                "lead": list(p.lead),
                "lead_elsewhere": list(p.lead_elsewhere),
            }
            for p in result.profiles
        ],
        "quotes": [
            {
                "kind": str(q.kind),
                "a": q.a,
                "b": q.b,
                "speaker_a": q.speaker_a,
                "speaker_b": q.speaker_b,
                "text_a": q.text_a,
                "text_b": q.text_b,
                "diff": q.diff,
                "explanation": q.explanation,
            }
            for q in result.quotes
        ],
        "failures": [{"file": f.path.name, "problem": f.problem} for f in result.failures],
    }


def render_json(result: StoryResult) -> str:
    return json.dumps(to_json(result), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


# ----------------------------------------------------------------------------- writing


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file and a rename (never half written)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_reports(result: StoryResult, out_dir: Path, *, formats: Sequence[str]) -> list[Path]:
    """Write ``<out_dir>/<story>.md`` and/or ``.json``; returns the paths written."""
    written = []
    if "md" in formats:
        path = out_dir / f"{result.name}.md"
        write_atomic(path, render_markdown(result))
        written.append(path)
    if "json" in formats:
        path = out_dir / f"{result.name}.json"
        write_atomic(path, render_json(result))
        written.append(path)
    return written
