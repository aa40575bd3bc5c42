"""Render a story's result as markdown, and write its reports atomically.

Rendering is pure: :func:`render_markdown` returns the markdown and has no side effects
and no timestamps, so two runs on the same input give byte-identical files and a pull
request that changes a corpus shows a clean diff. The JSON report is
:mod:`factcheck.report_json` (which also says how its floats are written); the header of
both names the model by :func:`model_name`, never by a path on this machine.

Markdown layout, top to bottom: header and summary line, what to check first, sources
table, source overlap (mermaid) and rewrites, coverage matrix (facts x sources, built with
pandas), conflicts, consensus, partial facts, unique details by source, framing, source
profiles, quotes, problems.

At scale (dozens of sources, most of them copies of a wire story) a section shows each
thing once: a disagreement per value pair (:func:`_conflict_groups`), a verbatim quotation
per line (:func:`_verbatim_groups`), a quote finding repeated across source pairs once
(:func:`_same_finding`), sources that lead alike in one entry (:func:`_lead_groups`); the
diagram, the matrix and long source lists are capped (:data:`MAX_DIAGRAM_EDGES`,
:data:`MAX_MATRIX_ROWS`, :data:`MAX_ROW_SOURCES`, :data:`MAX_LEAD_PLACES`). The JSON keeps
every pair.

Escaping rules, so that an article, a file name or an outlet cannot inject HTML, links,
mentions or table breaks into a report or a PR comment:

- Everything is built from raw (unescaped) strings and escaped exactly once, where it is
  placed: :func:`md_escape` for markdown text, :func:`_html_text` inside raw HTML (the
  ``<summary>`` of a fold-out, where markdown escapes are not processed), :func:`md_code`
  for code spans (word diffs, file names in a diff), :func:`_mermaid_text` for mermaid
  labels.
- Text that GitHub would turn into a link, a notification or an emoji (:data:`_AUTOLINKS`)
  gets a zero-width space, so it reads and copies the same but links nowhere, pings no one
  and stays a word. A line with two dollar signs or more has them escaped (``\\$``, or
  ``&#36;`` inside raw HTML), since GitHub renders text between a pair of ``$`` as math; a
  lone ``$`` ("$14.3 billion") is left as written.
- Source labels are never substituted inside other text: sentences about sources are built
  from structured data, and where a library module hands over a sentence that names sources
  (a framing note's or a derivation's explanation, a quote finding's), only the IDs of the
  sources or statements the record is about are replaced, and a source ID only where the
  sentence uses it as a name (:func:`_prose`), so a source called ``a`` or ``2`` leaves
  "without a hedge" and "2 quotes against 0" alone.
- A closing HTML tag is always followed by a blank line, so the markdown after it renders.

Layout is line-stable: one fact, statement or removed line per line, and nothing depends on
file names or positions in an article except the sources table's file column, line
numbers, and the mermaid node IDs (a hash of the source ID). So renaming a file or moving
an article's paragraphs rewrites few lines:

- sources are listed in the order of their labels (:func:`_source_order`), which come from
  the outlets, in every table, list and diagram;
- facts keep the order of their sections (label, then how many sources carry them) and
  then go by fact ID (:func:`factcheck.ids.report_order`), not by where their first
  statement stands;
- a fact is shown by its *representative* statement (:func:`representative`): the one
  closest to the fact's other statements in the alignment graph (its medoid), ties going
  by the hash of the normalised text (:func:`factcheck.ids.statement_digest`);
- a conflict's two sides come in the order of their statements' hashes (the classifier
  orients them), and a fact's conflicts and a kind's quote findings are sorted by content.

Writing goes through a temporary file in the target folder and ``os.replace``, so a
report is either the old one or the new one, never half written.
"""

from __future__ import annotations

import hashlib
import html
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck import __version__
from factcheck.atomic import write_atomic_all
from factcheck.filenames import printable
from factcheck.ids import report_order, statement_digest
from factcheck.types import (
    NUMERIC_KINDS,
    Conflict,
    ConflictKind,
    Coverage,
    DerivationKind,
    Fact,
    FramingNote,
    Label,
    QuoteClass,
    QuoteFinding,
    SourceProfile,
    Statement,
    StoryResult,
    Value,
    ValueKind,
)

if TYPE_CHECKING:  # pandas and networkx are imported where they are used
    import networkx as nx
    import pandas as pd

__all__ = [
    "MAX_LABEL",
    "NAME_AFTER",
    "REPORT_SCHEMA",
    "Lead",
    "coverage_counts",
    "coverage_frame",
    "independent_sources",
    "issue_counts",
    "lead_places",
    "md_code",
    "md_escape",
    "model_name",
    "render_markdown",
    "report_order",
    "representative",
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

_PRESENT = "●"
_ABSENT = "·"

# ----------------------------------------------------------------------------- escaping

# Inline markdown that could change meaning mid-line; "#", "-", "+" and digits only act at
# the start of a line, where article text never goes.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")

#: Places where GitHub turns plain text into a link, a notification or an emoji, as
#: zero-width positions: after "@" before a name (mentions, team mentions, e-mail
#: addresses), before "://" (http, https, ftp and any other scheme), between "www" and "."
#: (www. links), between "#" and a digit (issue references "#123", "owner/repo#123"),
#: between "GH-" and a digit, and after the colon that opens an emoji shortcode
#: (":smile:", ":+1:"; not a colon after a digit, so "10:30:45" is left alone). A
#: zero-width space goes at each, written as the entity ``&#8203;``.
_AUTOLINKS = re.compile(
    r"(?<=@)(?=\w)|(?=://)|(?<=\bwww)(?=\.)|(?<=#)(?=\d)|(?<=\bGH-)(?=\d)"
    r"|(?<=(?<!\d):)(?=[\w+\-]+:)",
    re.IGNORECASE,
)
_ZWSP = "\u200b"
_ZWSP_ENTITY = "&#8203;"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _neutralise(text: str) -> str:
    """Mark the autolink positions with a literal zero-width space (made an entity later)."""
    return _AUTOLINKS.sub(_ZWSP, text)


def _math_pair(text: str) -> bool:
    """Whether GitHub could read part of ``text`` as math: it holds two dollar signs or
    more (a pair encloses text). One "$" ("$14.3 billion") never starts math."""
    return text.count("$") >= 2


def _md_inline(text: str, *, math: bool | None = None) -> str:
    """Escape one line of raw text for markdown (whitespace already collapsed). ``math``:
    whether to escape dollar signs (default: when this text holds a pair)."""
    dollars = _math_pair(text) if math is None else math
    text = _neutralise(text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text).replace(_ZWSP, _ZWSP_ENTITY)
    return text.replace("$", "\\$") if dollars else text


def md_escape(text: str) -> str:
    """Escape raw text for a markdown line: no HTML, links, emphasis, table breaks,
    autolinks, @mentions, emoji shortcodes or math get through, and the text still reads
    (and copies) as written.

    Call it once, on raw text, where the text is placed: its output is markdown, and
    escaping it again shows the escapes. Not for raw HTML (use :func:`_html_text`) or code
    spans.

        >>> md_escape("Ask @octocat, see https://x.example and <b>#12</b>")
        'Ask @&#8203;octocat, see https&#8203;://x.example and &lt;b&gt;#&#8203;12&lt;/b&gt;'
        >>> md_escape("$14.3 billion :tada:"), md_escape("$x^2$ and $5")
        ('$14.3 billion :&#8203;tada:', '\\\\$x^2\\\\$ and \\\\$5')
    """
    return _md_inline(_one_line(text))


def _html_text(text: str) -> str:
    """Escape raw text for the inside of raw HTML (a ``<summary>``), where markdown is not
    processed: HTML entities only, no backslashes; pipes as ``&#124;`` so the text cannot
    split a table; autolink positions as in :func:`md_escape`; a pair of dollar signs as
    ``&#36;``."""
    text = _one_line(text)
    dollars = _math_pair(text)
    text = html.escape(_neutralise(text), quote=False).replace("|", "&#124;")
    text = text.replace(_ZWSP, _ZWSP_ENTITY)
    return text.replace("$", "&#36;") if dollars else text


def md_code(text: str) -> str:
    """A code span holding ``text`` as written: the fence is longer than any run of
    backticks inside. Not for table cells (a pipe would still split the cell).

        >>> md_code("`bad`@team <i>.txt")
        '`` `bad`@team <i>.txt ``'
    """
    text = _one_line(text)
    runs = [len(r) for r in re.findall(r"`+", text)]
    fence = "`" * (max(runs, default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


# A whole ID: not preceded by a character an ID could continue with, not followed by one
# (a sentence's closing period is fine; "b.txt" and "b:3" are not the source "b").
_ID_BEFORE = r"(?<![\w.\-])"
_ID_AFTER = r"(?![\w\-])(?!\.\w)(?!:\d)"

#: Words quoted from an article inside a library sentence ('may', “slams”, "Ruiz"): never
#: read as IDs. A single mark inside a word is an apostrophe ('don't'), not a close.
_QUOTED_WORDS = re.compile(r"(?<![\w'’])'(?:[^'\n]|'(?=\w))*'(?!\w)|“[^”\n]*”|\"[^\"\n]*\"")
#: Words after which a library sentence names a source: "what b elides", "tell a and b
#: apart" (see :func:`_prose`).
NAME_AFTER = ("what", "tell")
_AFTER_LEAD = re.compile(rf"\b(?:{'|'.join(NAME_AFTER)}) $", re.IGNORECASE)
# A name that closes a clause after "in": "goes beyond the quote in b: it", "... in b."
_CLOSES_CLAUSE = re.compile(r"[.:;](?:\s|$)")


def _whole(ids: Iterable[str]) -> re.Pattern[str]:
    alternatives = "|".join(map(re.escape, sorted(ids, key=len, reverse=True)))
    return re.compile(f"{_ID_BEFORE}({alternatives}){_ID_AFTER}")


def _is_name(text: str, start: int, end: int, names_end: set[int]) -> bool:
    """Whether the source ID at ``text[start:end]`` stands where the library sentences put
    a source's name (see :func:`_prose`); ``names_end`` are where earlier names end."""
    before, after = text[:start], text[end:]
    return (
        not before
        or before.endswith((". ", "; "))  # a clause starts with it: "b hedges ...; a uses"
        or (before.endswith(", ") and start - 2 in names_end)  # "a, b and c hedge"
        or (before.endswith(" and ") and start - 5 in names_end)
        or bool(_AFTER_LEAD.search(before))  # "what b elides", "tell a and b apart"
        or after.startswith(("'s ", "’s "))  # "b's wording is positive"
        or (before.endswith(" in ") and bool(_CLOSES_CLAUSE.match(after)))  # "in b."
    )


def _prose(
    text: str,
    sources: Mapping[str, str],
    statements: Mapping[str, str] | None = None,
) -> str:
    """Markdown of a library module's sentence about some sources or statements, with their
    IDs replaced by raw display names, and every piece escaped once.

    The rule, so that no English word or number is ever taken for a source:

    - only the IDs of the record the sentence explains are replaced (``sources`` and
      ``statements`` map them to names), and never inside quoted words ('may', “...”);
    - a statement ID (``"<source>:<n>"``, never a word) is replaced wherever it stands;
    - a source ID is replaced only where the sentences of :mod:`factcheck.framing`,
      :mod:`factcheck.quotes` and :mod:`factcheck.provenance` name a source: at the start
      of a clause (of the text, or after ". " or "; "), as the next item of a list of names
      (", b", " and b"), after a word of :data:`NAME_AFTER`, before a possessive "'s", or
      after "in" at the end of a clause ("the quote in b: it", "in b."). So with sources
      ``a`` and ``2``, "a states it without a hedge" and "2 quotes in full what a elides
      (2 quotes against 0)" change only their first word and the "a" after "what".

    A source ID anywhere else is left as written (it then reads as the file stem the
    sources table lists), which is the safe way to fail: a sentence a new template words
    differently keeps an ID rather than a wrong name.

        >>> _prose("a states it without a hedge.", {"a": "Bay Post"})
        'Bay Post states it without a hedge.'
    """
    text = _one_line(text)
    quoted = [m.span() for m in _QUOTED_WORDS.finditer(text)]

    def inside_quote(start: int) -> bool:
        return any(a <= start < b for a, b in quoted)

    found: list[tuple[int, int, str]] = []
    wanted = {i: _one_line(n) for i, n in (statements or {}).items() if i and _one_line(n) != i}
    if wanted:
        found += [
            (m.start(), m.end(), wanted[m.group(1)])
            for m in _whole(wanted).finditer(text)
            if not inside_quote(m.start())
        ]
    # Every source counts as a name, also one whose label is its ID (it is "replaced" by
    # itself): "001_x and 002 tell the claim without it" names 002 after the name 001_x.
    names = {i: _one_line(n) for i, n in sources.items() if i}
    ends: set[int] = set()
    if names:
        for m in _whole(names).finditer(text):
            if not inside_quote(m.start()) and _is_name(text, m.start(), m.end(), ends):
                found.append((m.start(), m.end(), names[m.group(1)]))
                ends.add(m.end())
    math = _math_pair(text)  # the pieces are escaped apart, a "$" pair spans them
    out, pos = [], 0
    for start, end, name in sorted(found):
        if start < pos:
            continue
        out += [_md_inline(text[pos:start], math=math), _md_inline(name, math=math)]
        pos = end
    out.append(_md_inline(text[pos:], math=math))
    return "".join(out)


def _short(text: str, limit: int = 120) -> str:
    text = _one_line(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# ----------------------------------------------------------------------------- labels

#: Longest source label in tables; longer outlet names are cut.
MAX_LABEL = 24
#: When "Outlet (ID)" is too long, the outlet part is cut to no less than this.
_MIN_OUTLET = 12


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def source_labels(result: StoryResult) -> dict[str, str]:
    """``source_id -> label`` (raw, not escaped), unique within the story.

    - A source is labelled by its outlet (front matter or ``story.toml``) when no other
      source's label reads the same (ignoring case), else by its source ID (the file stem).
    - Sources whose labels would read the same are told apart by the source ID: each one
      with an outlet becomes "Outlet (ID)"; one without keeps its ID.
    - Labels are cut to :data:`MAX_LABEL` characters; "Outlet (ID)" cuts the outlet and
      keeps the ID whole.

    Labels come from the sources themselves, never from their order: adding or removing a
    source renames no other source, except that when a second article of an outlet arrives,
    the first one becomes "Outlet (ID)" too (so does an outlet whose name another source's
    file stem already reads as).
    """
    outlets = {a.article.source_id: _one_line(a.meta.outlet or "") for a in result.articles}
    base = {sid: _cut(outlet or sid, MAX_LABEL) for sid, outlet in outlets.items()}
    readers: dict[str, list[str]] = {}
    for sid, label in base.items():
        readers.setdefault(label.casefold(), []).append(sid)
    labels = {}
    for sid, label in base.items():
        outlet = outlets[sid]
        if len(readers[label.casefold()]) > 1 and outlet:
            room = max(MAX_LABEL - len(sid) - 3, _MIN_OUTLET)
            label = f"{_cut(outlet, room)} ({sid})"
        labels[sid] = label
    # Pathological names (an outlet called "X (y)" beside a file "X (y).txt") can still
    # coincide: those sources fall back to their IDs, which are unique.
    while True:
        seen: dict[str, list[str]] = {}
        for sid, label in labels.items():
            seen.setdefault(label.casefold(), []).append(sid)
        clash = [sid for group in seen.values() if len(group) > 1 for sid in group]
        if not clash or all(labels[s] == s for s in clash):
            return labels
        labels.update({sid: sid for sid in clash})


#: A model ID that names a local folder: ``path:<folder>#<fingerprint>`` (see
#: :func:`factcheck.embed.resolve_model`).
_FOLDER_MODEL = re.compile(r"\Apath:(?P<path>.*?)(?:#[0-9a-f]+)?\Z", re.DOTALL)


def model_name(model_id: str) -> str:
    """The model as the reports name it: its ID, except that a model loaded from a local
    folder is named by the folder's name (``path:<name>``), without the absolute path or
    the fingerprint of the files' sizes and times, which differ from machine to machine
    (the cache keys keep both). So two machines write the same report.

        >>> model_name("path:/home/ana/models/minilm-news#548133f1657ace74")
        'path:minilm-news'
        >>> model_name("sentence-transformers/all-MiniLM-L6-v2@gt0.1.0")
        'sentence-transformers/all-MiniLM-L6-v2@gt0.1.0'
    """
    m = _FOLDER_MODEL.match(model_id)
    if m is None:
        return model_id
    parts = [p for p in re.split(r"[\\/]", m["path"]) if p]
    return f"path:{parts[-1] if parts else m['path']}"


def _by_id(result: StoryResult) -> dict[str, Statement]:
    return {s.id: s for s in result.statements}


# ----------------------------------------------------------------------------- order


def _content(text: str) -> tuple[str, str]:
    """The content key of a statement: its digest, then its text."""
    return statement_digest(text), text


def _links_from(graph: nx.Graph[str], u: str) -> dict[str, float]:
    """How closely ``u`` is linked to each statement it reaches in the alignment graph:
    the edge's weight (cosine similarity) for a statement linked to it, else the weakest
    link on a shortest path between them, as the classifier measures such pairs (the best
    such path when there are several, so the answer does not depend on the order the
    graph was built in). One breadth-first pass, layer by layer."""
    best: dict[str, float] = {u: math.inf}
    layer = [u]
    while layer:
        reached: dict[str, float] = {}
        for x in layer:
            for y, edge in graph[x].items():
                if y not in best:
                    link = min(best[x], float(edge["weight"]))
                    reached[y] = max(reached.get(y, -math.inf), link)
        best.update(reached)
        layer = list(reached)
    del best[u]
    return best


def representative(texts: Mapping[str, str], graph: nx.Graph[str] | None = None) -> str:
    """Of a fact's statements (``statement ID -> text``), the ID of the one that shows the
    fact: its *medoid*, the statement with the highest total link to the fact's other
    statements in the alignment ``graph`` (:func:`_links_from`: the edge's weight, or the path
    similarity of two statements that are not linked). So the row and summary of a fact
    quote the statement the others are closest to, not a loosely aligned outlier.

    Ties, and a fact of one or two statements, go by content: the smallest
    :func:`~factcheck.ids.statement_digest` (then the text, then the ID), which is also the
    statement the fact's ID comes from. Without a graph (a result built by hand, or the
    JSON report of an older version) that is the whole rule. Either way the choice depends
    on the statements alone, never on file names or positions.

        >>> representative({"a:1": "The mayor resigned.", "b:4": "Two died."})
        'b:4'
    """
    ids = sorted(texts, key=lambda sid: (*_content(texts[sid]), sid))
    if graph is None or len(ids) < 3 or not all(sid in graph for sid in ids):
        return ids[0]
    # Summed in content order and rounded, so float noise cannot break a tie by order.
    links = {u: _links_from(graph, u) for u in ids}
    total = {u: round(sum(links[u].get(v, 0.0) for v in ids if v != u), 6) for u in ids}
    return max(ids, key=total.__getitem__)  # the first of the best: smallest digest


def _shown(fact: Fact, by_id: Mapping[str, Statement], graph: nx.Graph[str] | None) -> Statement:
    """The statement the report shows ``fact`` by (see :func:`representative`)."""
    return by_id[representative({sid: by_id[sid].text for sid in fact.statement_ids}, graph)]


def _source_order(result: StoryResult, labels: Mapping[str, str]) -> list[str]:
    """Source IDs in the order of their labels (case ignored; ties by ID): the order of
    every table, list and diagram of the markdown. Labels come from outlets, so renaming a
    file moves no row or column."""
    ids = [a.article.source_id for a in result.articles]
    return sorted(ids, key=lambda sid: (labels[sid].casefold(), labels[sid], sid))


def _in_report_order(result: StoryResult, labels: Mapping[str, str]) -> StoryResult:
    """The result as the markdown lists it: sources (and profiles, and each fact's sources
    and statements) in :func:`_source_order`, facts in :func:`report_order`, each fact's
    conflicts (whose sides the classifier put in content order) sorted by kind and sides,
    quote findings by their words, derivations by their sources. Every section then
    follows this order."""
    by_id = _by_id(result)
    rank = {sid: i for i, sid in enumerate(_source_order(result, labels))}
    last = len(rank)

    def by_source(ids: Iterable[str]) -> tuple[str, ...]:
        return tuple(sorted(ids, key=lambda sid: (rank.get(sid, last), sid)))

    def conflict_key(c: Conflict) -> tuple[str, tuple[str, str], tuple[str, str], str, str]:
        sides = _content(by_id[c.a].text), _content(by_id[c.b].text)
        return str(c.kind), *sides, c.value_a, c.value_b

    facts = [
        replace(
            f,
            source_ids=by_source(f.source_ids),
            statement_ids=tuple(
                sorted(
                    f.statement_ids,
                    key=lambda s: (rank.get(by_id[s].source_id, last), by_id[s].index),
                )
            ),
            conflicts=tuple(sorted(f.conflicts, key=conflict_key)),
        )
        for f in result.facts
    ]

    def quote_key(q: QuoteFinding) -> tuple[str, ...]:
        b = by_id[q.b].text if q.b else ""
        return (statement_digest(q.text_a), statement_digest(q.text_b or b), q.speaker_a or "", q.a)

    return replace(
        result,
        articles=tuple(sorted(result.articles, key=lambda a: rank[a.article.source_id])),
        facts=report_order(facts),
        profiles=tuple(sorted(result.profiles, key=lambda p: rank.get(p.source_id, last))),
        quotes=tuple(sorted(result.quotes, key=quote_key)),
        derivations=tuple(
            sorted(
                result.derivations,
                key=lambda d: (rank.get(d.derived, last), rank.get(d.original, last)),
            )
        ),
    )


def statement_counts(result: StoryResult) -> dict[str, int]:
    counts = {a.article.source_id: 0 for a in result.articles}
    for s in result.statements:
        counts[s.source_id] += 1
    return counts


def coverage_counts(result: StoryResult) -> dict[str, int]:
    """Facts by coverage (``consensus``, ``partial``, ``unique``), whatever their label: the
    number of facts the report lists under Consensus, Partial and Unique details."""
    counts = {str(c): 0 for c in Coverage}
    for f in result.facts:
        counts[str(f.coverage)] += 1
    return counts


def issue_counts(result: StoryResult) -> dict[str, int]:
    """Facts with each kind of issue, as the report lists them: ``conflict`` (labelled
    conflict), ``claim divergence`` (only weaker claim divergences), ``framing`` (one
    framing note or more). A fact can count under conflict and framing both."""
    return {
        "conflict": sum(f.label is Label.CONFLICT for f in result.facts),
        "claim divergence": sum(
            bool(f.conflicts) and f.label is not Label.CONFLICT for f in result.facts
        ),
        "framing": sum(bool(f.framing) for f in result.facts),
    }


def _presence(result: StoryResult) -> pd.DataFrame:
    """Facts x source IDs (pandas crosstab), True where the source states the fact. Keyed
    by ID, so no label can collide with another column."""
    import pandas as pd  # here, so that rendering a diff or importing the report is light

    ids = [a.article.source_id for a in result.articles]
    rows = [{COL_FACT: f.id, COL_SOURCE: sid} for f in result.facts for sid in f.source_ids]
    long = pd.DataFrame(rows, columns=[COL_FACT, COL_SOURCE])
    return (
        pd.crosstab(long[COL_FACT], long[COL_SOURCE])
        .reindex(index=[f.id for f in result.facts], columns=ids, fill_value=0)
        .astype(bool)
    )


def coverage_frame(result: StoryResult) -> pd.DataFrame:
    """The coverage matrix as a pandas DataFrame, for notebooks: one row per fact (index:
    fact ID, in the result's order), its label, a bool column per source label, then the
    independent count (:attr:`Fact.independent`) and the fact's representative statement
    (see :func:`representative`). The markdown's matrix is this table, in report order."""
    by_id = _by_id(result)
    matrix = _presence(result).rename(columns=source_labels(result))
    # allow_duplicates: a source may be labelled like a column ("statement.txt").
    matrix.insert(0, COL_LABEL, [str(f.label) for f in result.facts], allow_duplicates=True)
    for name, values in (
        (COL_INDEPENDENT, [f.independent for f in result.facts]),
        (COL_TEXT, [_shown(f, by_id, result.graph).text for f in result.facts]),
    ):
        matrix.insert(len(matrix.columns), name, values, allow_duplicates=True)
    return matrix


# ----------------------------------------------------------------------------- markdown


def _table(header: Sequence[str], rows: Iterable[Sequence[str]], align: str = "") -> list[str]:
    aligns = align or "l" * len(header)
    rule = {"l": "---", "r": "---:", "c": ":-:"}
    out = ["| " + " | ".join(header) + " |", "|" + "|".join(rule[c] for c in aligns) + "|"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return out


def independent_sources(result: StoryResult) -> int:
    """How many sources of the story remain when every rewrite, copy or secondary report is
    merged into its original, transitively: the story's count, beside each fact's own
    (:attr:`Fact.independent`). Counted by :func:`factcheck.provenance.independent_counts`,
    the one place that merges sources, as the count of a fact that every source states."""
    from factcheck.provenance import independent_counts  # light: no model, no parser

    sources = tuple(a.article.source_id for a in result.articles)
    everyone = Fact("F-story", (), sources, Coverage.CONSENSUS, 1.0)
    return independent_counts([everyone], result.derivations)[0].independent


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _summary_line(result: StoryResult) -> str:
    """Counts that match the sections: facts by coverage (Consensus, Partial, Unique
    details), then the facts with issues (Conflicts, claim divergences, Framing), which are
    also counted by their coverage."""
    coverage = coverage_counts(result)
    issues = issue_counts(result)
    independent = independent_sources(result)
    sources = f"{len(result.articles)} sources"
    if independent != len(result.articles):
        sources += f" ({independent} independent)"
    found = [_plural(issues["conflict"], "fact in conflict", "facts in conflict")]
    if issues["claim divergence"]:
        found.append(
            _plural(
                issues["claim divergence"],
                "fact with a claim divergence",
                "facts with claim divergences",
            )
        )
    found.append(_plural(issues["framing"], "fact with framing notes", "facts with framing notes"))
    return (
        f"**{sources} · {len(result.statements)} statements · {len(result.facts)} facts**: "
        + " · ".join(f"{coverage[str(c)]} {c}" for c in Coverage)
        + ". Issues: "
        + " · ".join(found)
        + "."
    )


#: The "What to check first" list holds at most this many items, then says how many more.
MAX_CHECK_FIRST = 8
#: Quote findings the "What to check first" list counts: words changed, or another speaker.
_QUOTE_PROBLEMS = frozenset({QuoteClass.ALTERED, QuoteClass.MISATTRIBUTED})


def _anchor(heading: str) -> str:
    """The link target GitHub gives a heading of raw text ``heading``: lower case, every
    character but letters, digits, spaces, hyphens and underscores dropped, spaces made
    hyphens. The report's headings that are linked to are unique (a fact ID, then its
    counts), so no "-1" suffix is needed."""
    kept = re.sub(r"[^\w\- ]", "", _one_line(heading).casefold())
    return kept.replace(" ", "-")


def _who_against(
    c: Conflict,
    f: Fact,
    by_id: Mapping[str, Statement],
    labels: Mapping[str, str],
    family: Mapping[str, str],
) -> str:
    """Who gives which value in the disagreement of ``c`` (:func:`_conflict_groups`), as
    " (Valley News against 5 sources)": the value fewer sources give first, each side named
    when it has at most three sources, else counted. Nothing for a disagreement of one
    value (a polarity or claim conflict worded alike)."""
    group = next(g for g in _conflict_groups(f.conflicts, by_id, family) if c in g)
    rank = {sid: i for i, sid in enumerate(f.source_ids)}
    per_value: dict[str, list[str]] = {}
    for side in _sides(group, by_id, rank):
        names = per_value.setdefault(side.key, [])
        names += [s.source_id for s in side.statements if s.source_id not in names]
    if len(per_value) != 2:
        return ""

    def who(sources: Sequence[str]) -> str:
        if len(sources) <= 3:
            return ", ".join(md_escape(labels[sid]) for sid in sources)
        return _plural(len(sources), "source", "sources")

    few, many = per_value.values()
    return f" ({who(few)} against {who(many)})"


def _check_first(result: StoryResult, labels: Mapping[str, str], total: int) -> list[str]:
    """A short list of what a fact-checker should look at first, each item linking to its
    section: the facts in conflict (with the reason of their most confident conflict), the
    facts with framing notes (their kinds, and the sources whose wording is marked), the
    facts with claim divergences, then a count of altered or misattributed quotes. At most
    :data:`MAX_CHECK_FIRST` items, then how many more; nothing when there is no issue."""
    by_id = _by_id(result)
    from factcheck.provenance import families  # light: no model, no parser

    family = families(result.derivations)
    items: list[str] = []
    for f in result.facts:
        strong = [c for c in f.conflicts if c.kind is not ConflictKind.CLAIM]
        if f.label is Label.CONFLICT and strong:
            c = max(strong, key=lambda c: c.confidence)
            link = _anchor(f"{f.id} ({_count(f, total)})")
            items.append(
                f"- [{f.id}](#{link}): {c.kind} conflict (confidence {c.confidence:.2f}): "
                f"{md_escape(_short(c.reason, 140))}{_who_against(c, f, by_id, labels, family)}"
            )
    for f in result.facts:
        if f.framing:
            marked = dict.fromkeys(
                labels[by_id[sid].source_id] for n in f.framing for sid in n.marked if sid in by_id
            )
            kinds = ", ".join(dict.fromkeys(str(n.kind) for n in f.framing))
            who = f" ({', '.join(map(md_escape, marked))})" if marked else ""
            items.append(f"- [{f.id}](#{_anchor(f.id)}): framing: {md_escape(kinds)}{who}")
    for f in result.facts:
        if f.conflicts and f.label is not Label.CONFLICT:
            c = max(f.conflicts, key=lambda c: c.confidence)
            link = _anchor(f"{f.id} ({_count(f, total)})")
            items.append(
                f"- [{f.id}](#{link}): claim divergence (weaker): "
                f"{md_escape(_short(c.reason, 140))}"
            )
    misquotes = sum(q.kind in _QUOTE_PROBLEMS for q in result.quotes)
    if misquotes:
        items.append(
            f"- [Quotes](#quotes): {_plural(misquotes, 'quote finding', 'quote findings')} "
            "of altered or misattributed words"
        )
    if not items:
        return []
    more = len(items) - MAX_CHECK_FIRST
    if more > 0:
        items = [*items[: MAX_CHECK_FIRST - 1], f"- and {more + 1} more: see Conflicts and Framing"]
    return ["**What to check first**:", "", *items, ""]


def _unresolved_note(result: StoryResult) -> list[str]:
    if all(v.resolved for s in result.statements for v in s.values):
        return []
    return [
        "*unresolved*: a value with nothing to anchor it (a relative date such as "
        "“Wednesday” in an undated article), shown as written and never compared.",
        "",
    ]


#: At most this many shared phrases are shown per derivation.
MAX_PHRASES = 8
#: A derivation kind whose text ends with one of these words is a relation already
#: ("follows the reporting of"), put between the two sources as it is; any other kind is a
#: noun ("close paraphrase"): "is a close paraphrase of".
_RELATION_ENDINGS = frozenset({"of", "from", "on", "to", "by", "with"})


def _relation(kind: object) -> str:
    """How a derivation of ``kind`` reads between its two sources, from ``str(kind)``:
    "is a close paraphrase of", "is an abridged copy of", "follows the reporting of"."""
    text = _one_line(str(kind))
    if text.rsplit(" ", 1)[-1].casefold() in _RELATION_ENDINGS:
        return text
    article = "an" if text[:1].casefold() in set("aeiou") else "a"
    return f"is {article} {text} of"


def _edge_text(kind: object) -> str:
    """A derivation's mermaid edge label: "close paraphrase of", "follows the reporting of"."""
    relation = _relation(kind)
    return relation.split(" ", 2)[2] if relation.startswith(("is a ", "is an ")) else relation


def _phrase_list(phrases: Sequence[str]) -> str:
    shown = ", ".join(f"“{md_escape(p)}”" for p in phrases[:MAX_PHRASES])
    more = f" and {len(phrases) - MAX_PHRASES} more" if len(phrases) > MAX_PHRASES else ""
    return shown + more


def _provenance_section(result: StoryResult) -> list[str]:
    """One line per derivation: the two sources, the kind (its text from ``str(kind)``), the
    measures of a rewrite (a citation's evidence is its mentions, which ``why_original``
    quotes) and why the original is taken as such; then the shared passages, or, when an
    earlier derivation lists the very same ones (the copies of one wire story), which."""
    labels = source_labels(result)
    out = ["## Rewrites and copies", ""]
    if not result.derivations:
        return [
            *out,
            "No article reads as a rewrite or copy of another: every source counts as independent.",
            "",
        ]
    out += [
        "A rewrite, or a report that says it has its facts from another source, does not "
        "confirm that source: facts below count *independent* sources, with each such "
        "article merged into its original.",
        "",
    ]
    seen: dict[tuple[str, ...], str] = {}  # shared passages -> the first source listing them
    for d in result.derivations:
        names = {sid: labels[sid] for sid in (d.derived, d.original)}
        why = _prose(d.why_original, names) if d.why_original.strip() else ""
        measures = (
            ""
            if d.kind is DerivationKind.CITES
            else (
                f" (score {d.score:.2f}: {d.coverage:.0%} of the shorter article aligned, "
                f"order kept {d.order:.0%}, {d.shared_passages} shared passages)"
            )
        )
        out.append(
            f"- **{md_escape(labels[d.derived])}** {md_escape(_relation(d.kind))} "
            f"**{md_escape(labels[d.original])}**{measures}." + (f" {why}" if why else "")
        )
        if d.shared_phrases:
            first = seen.setdefault(tuple(d.shared_phrases), d.derived)
            if first == d.derived:
                out.append(f"  - shared passages: {_phrase_list(d.shared_phrases)}")
            else:
                out.append(
                    f"  - shared passages: the same as **{md_escape(labels[first])}**'s above"
                )
    return [*out, ""]


def _sources_section(result: StoryResult) -> list[str]:
    labels = source_labels(result)
    counts = statement_counts(result)
    rows = []
    for a in result.articles:
        m, sid = a.meta, a.article.source_id
        name = md_escape(labels[sid])
        outlet = _one_line(m.outlet or "")
        if outlet and outlet not in labels[sid]:  # the label was cut, or is the file stem
            name += f" ({md_escape(outlet)})"
        rows.append(
            [
                name,
                md_escape(printable(a.article.path.name)),  # as the source ID writes it
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


#: A coverage matrix of more facts than this folds under ``<details>``, its facts with a
#: conflict, a claim divergence or a framing note kept in view above the fold.
MAX_MATRIX_ROWS = 30


def _matrix_section(result: StoryResult, shown: Mapping[str, Statement]) -> list[str]:
    """The coverage matrix: a row per fact, a column per source, the independent count and
    the fact's statement. The Independent column is left out when every source is
    independent, or when every fact has the same count (the caption says which). Beyond
    :data:`MAX_MATRIX_ROWS` facts, the facts with issues stay in view and the rest fold
    under ``<details>``."""
    presence = _presence(result)
    labels = source_labels(result)
    ids = list(presence.columns)
    counts = {f.independent for f in result.facts}
    derived = bool(result.derivations) and len(counts) > 1  # else a column of one value
    rows = {
        f.id: [
            f.id,
            str(f.label),
            *(_PRESENT if presence.at[f.id, sid] else _ABSENT for sid in ids),
            *([str(f.independent)] if derived else []),
            md_escape(_short(shown[f.id].text, 90)),
        ]
        for f in result.facts
    }
    header = [
        "Fact",
        "Label",
        *(md_escape(labels[sid]) for sid in ids),
        *(["Independent"] if derived else []),
        "Statement",
    ]
    align = "ll" + "c" * len(ids) + ("r" if derived else "") + "l"
    if derived:
        independent = "Independent: sources left when rewrites merge into their originals. "
    elif result.derivations and counts:
        (n,) = counts
        independent = (
            f"Every fact has {_plural(n, 'independent source', 'independent sources')} "
            "when rewrites merge into their originals. "
        )
    else:
        independent = ""
    out = [
        "## Coverage matrix",
        "",
        f"{_PRESENT} the source states the fact; {_ABSENT} it does not. "
        + independent
        + "Each row quotes the statement closest to the fact's others.",
        "",
    ]
    if len(rows) <= MAX_MATRIX_ROWS:
        return [*out, *_table(header, rows.values(), align)]
    issues = [f.id for f in result.facts if f.conflicts or f.framing]
    rest = [rows[f.id] for f in result.facts if f.id not in set(issues)]
    if issues:
        out += [
            "Facts with a conflict, a claim divergence or a framing note:",
            "",
            *_table(header, (rows[i] for i in issues), align),
            "",
        ]
    summary = f"The other {len(rest)} facts" if issues else f"All {len(rest)} facts"
    return [
        *out,
        f"<details><summary>{summary}</summary>",
        "",
        *_table(header, rest, align),
        "",
        "</details>",
    ]


#: Characters that mean something to mermaid inside a quoted label ("`" starts a markdown
#: string, "%%" a comment or directive, "#...;" an entity code), and the entity code that
#: shows each as itself.
_MERMAID_CODES: dict[str, str | int | None] = {
    "#": "#35;",
    '"': "#quot;",
    "`": "#96;",
    "%": "#37;",
    "&": "#amp;",
    "<": "#lt;",
    ">": "#gt;",
}


_MERMAID_TABLE = str.maketrans(_MERMAID_CODES)


def _mermaid_text(text: str) -> str:
    """Raw text for inside a quoted mermaid label."""
    return _one_line(text).translate(_MERMAID_TABLE)


def _node_ids(source_ids: Sequence[str]) -> dict[str, str]:
    """Mermaid node IDs from a hash of each source ID, not from its position, so adding a
    source adds lines and rewrites none ("s" and 8 hex digits; longer if two coincide)."""
    digests = {s: hashlib.sha1(s.encode(), usedforsecurity=False).hexdigest() for s in source_ids}
    n = 8
    while True:
        ids = {s: f"s{h[:n]}" for s, h in digests.items()}
        if len(set(ids.values())) == len(ids) or n >= 40:
            return ids
        n += 4


#: The most edges the source-overlap diagram draws. GitHub's mermaid refuses a diagram of
#: more than 500 edges, and one of a few dozen is already hard to read; beyond this many,
#: the diagram keeps every rewrite edge and the strongest shared-facts edges
#: (:func:`_overlap_edges`) and says so under it.
MAX_DIAGRAM_EDGES = 60


def _overlap_edges(
    shared: Mapping[tuple[str, str], int], derivations: int, rank: Mapping[str, int]
) -> list[tuple[tuple[str, str], int]]:
    """The shared-facts edges the diagram draws, in source order: all of them when they fit
    in :data:`MAX_DIAGRAM_EDGES` beside the ``derivations`` rewrite edges, else the pairs
    that share the most facts (ties: in source order), as many as fit."""
    edges = sorted(shared.items(), key=lambda e: (rank[e[0][0]], rank[e[0][1]]))
    room = max(MAX_DIAGRAM_EDGES - derivations, 0)
    if len(edges) <= room:
        return edges
    strongest = sorted(range(len(edges)), key=lambda i: -edges[i][1])[:room]
    return [edges[i] for i in sorted(strongest)]


def _overlap_section(result: StoryResult) -> list[str]:
    """A mermaid graph of the sources: an edge for each pair that shares facts, labelled
    with how many, and a dotted arrow for each rewrite; beyond :data:`MAX_DIAGRAM_EDGES`
    edges, only the strongest shared-facts edges (:func:`_overlap_edges`), said under the
    diagram. GitHub renders it; elsewhere it reads as a plain list."""
    labels = source_labels(result)
    counts = statement_counts(result)
    ids = _node_ids([a.article.source_id for a in result.articles])
    rank = {a.article.source_id: i for i, a in enumerate(result.articles)}
    shared: dict[tuple[str, str], int] = {}
    for f in result.facts:
        for i, x in enumerate(f.source_ids):
            for y in f.source_ids[i + 1 :]:
                pair = (x, y) if rank[x] <= rank[y] else (y, x)
                shared[pair] = shared.get(pair, 0) + 1
    lines = [
        "## Source overlap",
        "",
        "Solid lines: facts two sources share. Dotted arrows: a rewrite, or a report citing "
        "another, and its original.",
        "",
        "```mermaid",
        "graph LR",
    ]
    for sid, node in ids.items():
        text = _mermaid_text(f"{labels[sid]} · {_plural(counts[sid], 'statement', 'statements')}")
        lines.append(f'  {node}["{text}"]')
    drawn = _overlap_edges(shared, len(result.derivations), rank)
    for (x, y), n in drawn:
        lines.append(f'  {ids[x]} ---|"{n} shared"| {ids[y]}')
    for d in result.derivations:
        lines.append(
            f'  {ids[d.derived]} -.->|"{_mermaid_text(_edge_text(d.kind))}"| {ids[d.original]}'
        )
    lines += ["```", ""]
    if len(drawn) < len(shared):
        least = min((n for _, n in drawn), default=0)
        lines += [
            f"The diagram draws {len(drawn)} of the {len(shared)} pairs of sources that share "
            + (f"facts (those that share the most, down to {least})" if drawn else "facts")
            + f" and every rewrite, to keep to {MAX_DIAGRAM_EDGES} edges; the coverage "
            "matrix shows which source states each fact.",
            "",
        ]
    return lines


def _value_tags(values: Sequence[Value]) -> str:
    typed = [v for v in values if v.kind in NUMERIC_KINDS]
    if not typed:
        return ""
    return " *(" + md_escape("; ".join(_value_tag(v) for v in typed)) + ")*"


#: A year written out: a date without one ("Wednesday", "last year", "July 14") was
#: resolved against something, and its tag says what it was read as.
_WRITTEN_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")


def _value_tag(v: Value) -> str:
    """A typed value after its kind, as written (raw text: the caller escapes it): "money:
    $14.3 billion". The normalised form (``Value.norm``, "USD 1.43e+10") only restates it,
    except for a date written without its year, which also shows the date it was resolved
    to ("date: Wednesday, read as 2026-03-04"), and a date with nothing to anchor it,
    marked unresolved."""
    if not v.resolved:  # a relative or year-less date with nothing to anchor it
        return f"{v.kind}: {v.text}, unresolved"
    if v.kind is ValueKind.DATE and v.norm and not _WRITTEN_YEAR.search(v.text):
        return f"{v.kind}: {v.text}, read as {v.norm}"
    return f"{v.kind}: {v.text}"


def _unresolved_tags(values: Sequence[Value]) -> str:
    """The unique-details marker, for a statement's unresolved values only."""
    return _value_tags([v for v in values if not v.resolved])


def _cite(st: Statement, labels: Mapping[str, str]) -> str:
    return (
        f"**{md_escape(labels[st.source_id])}** line {st.line}: {md_escape(st.text)}"
        f"{_unresolved_tags(st.values)}"
    )


def _fact_members(
    fact: Fact, by_id: Mapping[str, Statement], labels: Mapping[str, str], shown: Statement
) -> list[str]:
    """The fact's statements, one per line, folded under its representative statement
    (``shown``). GitHub renders ``<details>``; the summary is raw HTML (HTML-escaped, no
    markdown), and the blank lines around the list, and after the closing tag, let the
    markdown render."""
    return [
        f"<details><summary>{_html_text(_short(shown.text, 100))}</summary>",
        "",
        *(f"- {_cite(by_id[sid], labels)}" for sid in fact.statement_ids),
        "",
        "</details>",
        "",
    ]


#: A disagreement's table shows at most this many sentences; the rest fold under
#: ``<details>`` (each value keeps its first sentence above the fold).
MAX_CONFLICT_ROWS = 6
#: A row of a disagreement names at most this many sources, then says how many more.
MAX_ROW_SOURCES = 8
#: A disagreement lists at most this many reasons of its pairs besides the one it shows
#: (a caveat that only some pairs carry stays in view).
MAX_OTHER_REASONS = 3
#: Qualifier marks in a value's ``norm`` ("~1200 resident", "USD >=1.4e+10"), ignored when
#: two sides' values are matched (as :mod:`factcheck.diff` matches them).


def _value_key(st: Statement, value: str) -> str:
    """A conflict side's value as disagreements are matched (the rule of
    :mod:`factcheck.diff`): a typed value's ``norm`` without its qualifier marks, else the
    written value with case, spacing and punctuation ignored. So "about 1,200 residents"
    and "About 1,200 residents" are one value."""
    from factcheck.diff import text_key, typed_key  # light: the diff module imports no model

    for v in st.values:
        if v.text == value and v.kind in NUMERIC_KINDS and v.norm:
            return typed_key(str(v.kind), v.norm)
    return text_key(value)


def _disagreement(c: Conflict, by_id: Mapping[str, Statement]) -> frozenset[str]:
    """The two values a conflict sets against each other (:func:`_value_key`)."""
    return frozenset({_value_key(by_id[c.a], c.value_a), _value_key(by_id[c.b], c.value_b)})


def _conflict_groups(
    conflicts: Sequence[Conflict], by_id: Mapping[str, Statement], family: Mapping[str, str]
) -> list[list[Conflict]]:
    """A fact's conflicts, those that repeat one disagreement merged, whatever the sources:

    - conflicts of the same kind that set the same two values against each other
      (:func:`_disagreement`) are one disagreement: 26 outlets saying 1,200 against one
      saying 2,100 is one block, not 26;
    - a conflict whose two values read as one (a polarity or claim conflict may give the
      same words on both sides) is merged only with conflicts of the same kind that share
      its statement on one side and whose other sides are sources that copy or rewrite one
      another (``family``, :func:`factcheck.provenance.families`): a wire story and its
      copies disagree with one outlet once.

    Order: the first conflict of each group, as given."""
    groups: list[tuple[object, list[Conflict]]] = []  # (what the members share, members)

    def kin(x: str, y: str) -> bool:
        sx, sy = by_id[x].source_id, by_id[y].source_id
        return sx in family and family.get(sy) == family[sx]

    for c in conflicts:
        values = _disagreement(c, by_id)
        if len(values) == 2:
            key = (c.kind, values)
            k = next((k for k, (shared, _) in enumerate(groups) if shared == key), None)
            if k is None:
                groups.append((key, [c]))
            else:
                groups[k][1].append(c)
            continue
        for k, (shared, members) in enumerate(groups):
            first = members[0]
            if first.kind is not c.kind or len(_disagreement(first, by_id)) == 2:
                continue
            common = {shared} if isinstance(shared, str) else {first.a, first.b}
            hit = next((x for x in (c.a, c.b) if x in common), None)
            if hit is None:
                continue
            mine = c.b if hit == c.a else c.a
            theirs = [m.b if hit == m.a else m.a for m in members]
            if mine not in theirs and all(kin(mine, t) for t in theirs):
                groups[k] = (hit, [*members, c])
                break
        else:
            groups.append((None, [c]))
    return [members for _, members in groups]


@dataclass(frozen=True, slots=True)
class _Side:
    """One row of a disagreement's table: a sentence, the value it gives, and every
    statement that reads exactly so (``statements``, in report order)."""

    key: str
    value: str
    statements: tuple[Statement, ...]


def _sides(
    group: Sequence[Conflict], by_id: Mapping[str, Statement], rank: Mapping[str, int]
) -> list[_Side]:
    """The rows of a disagreement: one per value and distinct sentence text (statements
    whose text reads the same, spacing aside, are one row naming all their sources).
    Values with fewer sources come first (the outlier before the many), then the value the
    group's conflicts give first (their sides are in content order); within a value, the
    sentence more sources give first, then by content."""
    seen: dict[str, tuple[str, str]] = {}  # statement ID -> (value key, value)
    for c in group:
        for sid, value in ((c.a, c.value_a), (c.b, c.value_b)):
            seen.setdefault(sid, (_value_key(by_id[sid], value), value))
    rows: dict[tuple[str, str], list[Statement]] = {}
    for sid, (key, _) in seen.items():
        rows.setdefault((key, _one_line(by_id[sid].text)), []).append(by_id[sid])
    per_value: dict[str, set[str]] = {}
    for (key, _), sts in rows.items():
        per_value.setdefault(key, set()).update(s.source_id for s in sts)
    sides = [
        _Side(
            key,
            seen[sts[0].id][1],
            tuple(sorted(sts, key=lambda s: (rank.get(s.source_id, len(rank)), s.index))),
        )
        for (key, _), sts in rows.items()
    ]
    first = {key: i for i, key in reversed(list(enumerate(k for k, _ in seen.values())))}
    return sorted(
        sides,
        key=lambda r: (
            len(per_value[r.key]),
            first[r.key],
            -len(r.statements),
            _content(r.statements[0].text),
        ),
    )


def _side_row(side: _Side, labels: Mapping[str, str]) -> list[str]:
    """A disagreement's row: the sources that give this sentence (the first
    :data:`MAX_ROW_SOURCES` named, in report order, and how many in all), the value as
    written, and the sentence with its line (or the range of lines its sources have it at)."""
    sts = side.statements
    names = list(dict.fromkeys(s.source_id for s in sts))
    who = ", ".join(md_escape(labels[sid]) for sid in names[:MAX_ROW_SOURCES])
    if len(names) > MAX_ROW_SOURCES:
        who += f" and {len(names) - MAX_ROW_SOURCES} more"
    if len(names) > 1:
        who += f" ({len(names)} sources)"
    lines = sorted({s.line for s in sts})
    where = (
        f"line {lines[0]}"
        if len(sts) == 1
        else (f"line {lines[0]} in each" if len(lines) == 1 else f"lines {lines[0]}–{lines[-1]}")
    )
    return [
        who,
        md_escape(side.value),
        f"{md_escape(sts[0].text)} ({where}){_unresolved_tags(sts[0].values)}",
    ]


def _departure_lines(result: StoryResult, labels: Mapping[str, str]) -> dict[str, list[str]]:
    """Per fact, a line for each copy or rewrite that changed its original's figure, date
    or name (:func:`factcheck.provenance.departures`): who introduced the disagreement."""
    from factcheck.provenance import departures  # light: no model, no parser

    seen: dict[str, dict[str, None]] = {}
    for d in departures(result.derivations, result.facts):
        line = (
            f"- Introduced by a copy: **{md_escape(labels[d.derived])}**, which derives from "
            f"**{md_escape(labels[d.original])}**, gives *{md_escape(d.value_derived)}* where "
            f"its original gives *{md_escape(d.value_original)}*."
        )
        seen.setdefault(d.fact, {})[line] = None
    return {fact: list(lines) for fact, lines in seen.items()}


def _conflict_lines(
    group: Sequence[Conflict],
    by_id: Mapping[str, Statement],
    labels: Mapping[str, str],
    rank: Mapping[str, int] | None = None,
) -> list[str]:
    """One disagreement (:func:`_conflict_groups`): the reason of its most confident
    conflict, the highest confidence, the other reasons its pairs give (at most
    :data:`MAX_OTHER_REASONS`, each with its pairs' highest confidence), and a row per
    value and distinct sentence (:func:`_sides`), naming every source that gives it.
    Beyond :data:`MAX_CONFLICT_ROWS` rows, each value's first row stays in the table and
    the others fold under ``<details>``. ``rank`` orders sources (default: by label)."""
    if rank is None:
        order = sorted(labels, key=lambda sid: (labels[sid].casefold(), sid))
        rank = {sid: i for i, sid in enumerate(order)}
    best = max(group, key=lambda m: m.confidence)  # the first of the most confident
    sides = _sides(group, by_id, rank)
    sources = {s.source_id for side in sides for s in side.statements}
    also = (
        f" (one disagreement: {len(group)} pairs of statements, {len(sources)} sources; "
        "the JSON lists every pair)"
        if len(group) > 1
        else ""
    )
    header = ["Source", "Value", "Sentence"]
    out = [
        f"**{best.kind} conflict** (confidence {best.confidence:.2f}): "
        f"{md_escape(best.reason)}{also}",
        "",
    ]
    # Pairs whose reason differs (a caveat, a lower confidence) keep it in view.
    others: dict[str, list[Conflict]] = {}
    for m in group:
        if m.reason != best.reason:
            others.setdefault(m.reason, []).append(m)
    if others:
        out += [
            f"- {_plural(len(ms), 'pair', 'pairs')} (confidence "
            f"{max(m.confidence for m in ms):.2f}, "
            + ", ".join(
                f"{md_escape(labels[by_id[m.a].source_id])} / "
                f"{md_escape(labels[by_id[m.b].source_id])}"
                for m in ms[:2]
            )
            + (" …" if len(ms) > 2 else "")
            + f"): {md_escape(reason)}"
            for reason, ms in list(others.items())[:MAX_OTHER_REASONS]
        ]
        if len(others) > MAX_OTHER_REASONS:
            out.append(f"- and {len(others) - MAX_OTHER_REASONS} more reasons (see the JSON)")
        out.append("")
    if len(sides) <= MAX_CONFLICT_ROWS:
        return [*out, *_table(header, (_side_row(r, labels) for r in sides)), ""]
    firsts = {id(next(r for r in sides if r.key == key)) for key in {r.key for r in sides}}
    room = max(MAX_CONFLICT_ROWS - len(firsts), 0)
    shown: list[_Side] = []
    for r in sides:
        if id(r) in firsts or room > 0:
            if id(r) not in firsts:
                room -= 1
            shown.append(r)
    rest = [r for r in sides if all(r is not x for x in shown)]
    return [
        *out,
        *_table(header, (_side_row(r, labels) for r in shown)),
        "",
        f"<details><summary>{_plural(len(rest), 'more sentence', 'more sentences')}</summary>",
        "",
        *_table(header, (_side_row(r, labels) for r in rest)),
        "",
        "</details>",
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
#: For a framing kind the report does not know yet.
_FRAMING_DEFAULT = ("uses", ("does not", "do not"))


def _names(
    statements: Iterable[Statement], labels: Mapping[str, str]
) -> tuple[dict[str, str], dict[str, str]]:
    """Display names for the source IDs and the statement IDs a library sentence about
    these statements may use (the two arguments of :func:`_prose`)."""
    sources, lines = {}, {}
    for st in statements:
        sources[st.source_id] = labels[st.source_id]
        lines[st.id] = f"{labels[st.source_id]} line {st.line}"
    return sources, lines


def _framing_lines(
    n: FramingNote, by_id: Mapping[str, Statement], labels: Mapping[str, str]
) -> list[str]:
    """The framing module's explanation (which sides, which words, scores, stances) and the
    word diff. A note without an explanation is put in words from its fields."""

    def label(sid: str) -> str:
        return md_escape(labels[by_id[sid].source_id])

    if n.explanation.strip():
        ids = [*n.marked, *n.unmarked, *([n.diff_against] if n.diff_against else [])]
        sources, lines = _names((by_id[i] for i in ids if i in by_id), labels)
        out = [f"- **{n.kind}**: {_prose(n.explanation, sources, lines)}"]
    else:
        verb, others = _FRAMING_VERBS.get(str(n.kind), _FRAMING_DEFAULT)
        uses = "; ".join(
            f"{label(sid)} {verb} " + ", ".join(f"*{md_escape(w)}*" for w in words)
            for sid, words in zip(n.marked, n.words, strict=True)
        )
        plain = sorted({labels[by_id[sid].source_id] for sid in n.unmarked})
        tail = f"; {', '.join(map(md_escape, plain))} {others[len(plain) > 1]}" if plain else ""
        out = [f"- **{n.kind}**: {uses}{tail}."]
    if n.diff and n.diff_against:
        out.append(
            f"  - word diff {label(n.marked[0])} → {label(n.diff_against)}: {md_code(n.diff)}"
        )
    return out


@dataclass(frozen=True, slots=True)
class Lead:
    """One fact a source leads with, and where every source states it: ``places`` holds
    ``(source ID, n)`` for every other source, in the result's order of sources, ``n``
    being the reading-order number of that source's first statement of the fact, or None
    when the source omits it. ``own`` is the leading source's first statement of it."""

    fact: str
    own: Statement | None
    places: tuple[tuple[str, int | None], ...]


def lead_places(p: SourceProfile, result: StoryResult) -> tuple[Lead, ...]:
    """What ``p``'s source leads with, computed from the facts themselves (the markdown's
    "Leads with" and the JSON's ``lead_elsewhere`` both come from here): one :class:`Lead`
    per fact of ``p.lead``, in that order. A fact the result does not hold has no places."""
    facts = {f.id: f for f in result.facts}
    by_id = _by_id(result)
    out = []
    for fid in p.lead:
        if fid not in facts:
            out.append(Lead(fid, None, ()))
            continue
        first: dict[str, Statement] = {}
        for st in sorted((by_id[s] for s in facts[fid].statement_ids), key=lambda s: s.index):
            first.setdefault(st.source_id, st)
        places = tuple(
            (sid, first[sid].index if sid in first else None)
            for sid in (a.article.source_id for a in result.articles)
            if sid != p.source_id
        )
        out.append(Lead(fid, first.get(p.source_id), places))
    return tuple(out)


#: A "Leads with" line lists the other sources one by one ("X sentence 2") up to this
#: many; beyond, they are grouped by where they place the fact, each group naming at most
#: this many sources and saying how many more.
MAX_LEAD_PLACES = 8


def _names_list(names: Sequence[str]) -> str:
    """Escaped labels, the first :data:`MAX_LEAD_PLACES` named, then how many more."""
    shown = ", ".join(md_escape(n) for n in names[:MAX_LEAD_PLACES])
    more = len(names) - MAX_LEAD_PLACES
    return shown + (f" and {more} more ({len(names)} sources)" if more > 0 else "")


def _places_text(places: Sequence[tuple[str, int | None]], labels: Mapping[str, str]) -> str:
    """Where the other sources place a lead fact: one by one ("X sentence 2, Y omits it")
    up to :data:`MAX_LEAD_PLACES` sources, else grouped by position ("sentence 1: X, Y, …;
    omit it: Z"), positions in order and omissions last."""
    if len(places) <= MAX_LEAD_PLACES:
        return ", ".join(
            f"{md_escape(labels[sid])} sentence {n}"
            if n is not None
            else f"{md_escape(labels[sid])} omits it"
            for sid, n in places
        )
    at: dict[int | None, list[str]] = {}
    for sid, n in places:
        at.setdefault(n, []).append(labels[sid])
    groups = [f"sentence {n}: {_names_list(at[n])}" for n in sorted(k for k in at if k is not None)]
    if None in at:
        groups.append(f"{'omits' if len(at[None]) == 1 else 'omit'} it: {_names_list(at[None])}")
    return "; ".join(groups)


def _lead_groups(result: StoryResult) -> list[list[SourceProfile]]:
    """The profiles whose sources lead alike, merged: the same lead facts, told in the same
    sentences at the same places (a wire story and its copies). In profile order."""
    groups: dict[tuple[object, ...], list[SourceProfile]] = {}
    for p in result.profiles:
        key = tuple(
            (lead.fact, _one_line(lead.own.text), lead.own.index)
            for lead in lead_places(p, result)
            if lead.own is not None
        )
        groups.setdefault(key or (p.source_id,), []).append(p)
    return list(groups.values())


def _lead_lines(
    group: Sequence[SourceProfile], result: StoryResult, labels: Mapping[str, str]
) -> list[str]:
    """What the sources of ``group`` lead with (:func:`lead_places`; the group's sources
    lead alike, :func:`_lead_groups`): for each lead fact they state, their sentence and
    where each other source places the fact (:func:`_places_text`)."""
    mine = {p.source_id for p in group}
    names = [labels[p.source_id] for p in group]
    shown = ", ".join(md_escape(n) for n in names[:MAX_LEAD_PLACES])
    if len(names) > MAX_LEAD_PLACES:
        shown += f" and {len(names) - MAX_LEAD_PLACES} more"
    alike = f" ({len(names)} sources, the same sentences)" if len(names) > 1 else ""
    out = [f"- **{shown}**{alike}:"]
    for lead in lead_places(group[0], result):
        if lead.own is None:
            continue
        places = _places_text([(sid, n) for sid, n in lead.places if sid not in mine], labels)
        out.append(
            f"  - {lead.fact} (its sentence {lead.own.index}): "
            f"{md_escape(_short(lead.own.text, 90))} · elsewhere: {places}"
        )
    return out


def _profiles_section(
    result: StoryResult, by_id: Mapping[str, Statement], labels: Mapping[str, str]
) -> list[str]:
    if not result.profiles:
        return []
    from factcheck.framing import LEAD_STATEMENTS  # loaded already: the pipeline ran framing

    rows = [
        [
            md_escape(labels[p.source_id]),
            str(p.statements),
            f"{p.hedging:.0%}",
            f"{p.tone:+.2f}",
            f"{p.attributed:.0%}",
        ]
        for p in result.profiles
    ]
    return [
        "## How each source tells it",
        "",
        "Hedged: share of statements that hedge in the source's own words (quotations left "
        "out). Tone: mean VADER sentiment of the source's own words, -1 to +1. Attributed: "
        "share of statements where a speech verb governs a clause, a quote has a speaker, "
        "or 'according to' names a source.",
        "",
        *_table(["Source", "Statements", "Hedged", "Tone", "Attributed"], rows, "lrrrr"),
        "",
        f"**Leads with**: the facts of each source's first {LEAD_STATEMENTS} statements, "
        "with the source's own sentence, and where the other sources place them "
        "(sentence N: the source's Nth statement, in reading order).",
        "",
        *(line for g in _lead_groups(result) for line in _lead_lines(g, result, labels)),
        "",
    ]


def _count(f: Fact, total: int) -> str:
    text = f"{len(f.source_ids)} of {total} sources"
    if f.independent and f.independent != len(f.source_ids):
        text += f", {f.independent} independent"
    return text


def _also(f: Fact) -> str:
    """Where else the report lists a fact that Consensus or Partial shows by coverage."""
    parts = []
    if f.label is Label.CONFLICT:
        parts.append("conflict: see Conflicts")
    elif f.conflicts:
        parts.append("claim divergence: see Conflicts")
    if f.framing:
        parts.append("framing: see Framing")
    return "".join(f" · {p}" for p in parts)


def _facts_section(
    title: str,
    intro: str,
    facts: Sequence[Fact],
    by_id: Mapping[str, Statement],
    labels: Mapping[str, str],
    total: int,
    shown: Mapping[str, Statement],
) -> list[str]:
    out = [f"## {title}", "", intro, ""]
    if not facts:
        return [*out, "None.", ""]
    for f in facts:
        out += [f"### {f.id} ({_count(f, total)}){_also(f)}", ""]
        out += _fact_members(f, by_id, labels, shown[f.id])
    return out


def _unique_lines(f: Fact, by_id: Mapping[str, Statement], labels: Mapping[str, str]) -> list[str]:
    """The lines of one unique fact: each of its statements, with its typed values, then
    where other sources state its figures inside a longer sentence (``Fact.echoes``)."""
    out = [
        f"- {f.id} line {st.line}: {md_escape(st.text)}{_value_tags(st.values)}"
        for st in (by_id[sid] for sid in f.statement_ids)
    ]
    if f.echoes:
        where = "; ".join(
            f"{md_escape(labels[st.source_id])} line {st.line}: {md_escape(_short(st.text, 120))}"
            for st in (by_id[sid] for sid in f.echoes)
        )
        out.append(f"  - its figures also stand in a longer sentence of another source: {where}")
    return out


def _unique_section(
    result: StoryResult, by_id: Mapping[str, Statement], labels: Mapping[str, str]
) -> list[str]:
    """Unique facts grouped by source (in the result's order), each group in fact order.
    What is shown of one fact comes from :func:`_unique_lines` alone, so a note about it
    (such as another source stating its values inside a longer sentence) goes there."""
    out = ["## Unique details", "", "Statements no other source carries, by source.", ""]
    unique = [f for f in result.facts if f.coverage is Coverage.UNIQUE]
    if not unique:
        return [*out, "None.", ""]
    echoed = sum(bool(f.echoes) for f in unique)
    if echoed:
        out[-2] += (
            f" {echoed} of them {'has' if echoed == 1 else 'have'} figures that another source"
            " states inside a longer sentence about something else (shown under the detail)."
        )
    for a in result.articles:
        sid = a.article.source_id
        mine = [f for f in unique if f.source_ids[0] == sid]
        if not mine:
            continue
        out += [f"### {md_escape(labels[sid])} ({len(mine)})", ""]
        out += [line for f in mine for line in _unique_lines(f, by_id, labels)]
        out.append("")
    return out


def _comment(text: str) -> str:
    """Text for inside an HTML comment: "--" cannot end it early."""
    return _one_line(text).replace("--", "- -")


def render_markdown(result: StoryResult) -> str:
    """The markdown report of one story (pure; deterministic; line-stable, see the module
    docstring)."""
    labels = source_labels(result)
    result = _in_report_order(result, labels)
    by_id = _by_id(result)
    shown = {f.id: _shown(f, by_id, result.graph) for f in result.facts}
    total = len(result.articles)
    out = [
        f"# factcheck report: {md_escape(result.name)}",
        "",
        f"<!-- factcheck {__version__} · model {_comment(model_name(result.model))} · "
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
        *_check_first(result, labels, total),
        *_unresolved_note(result),
        *_sources_section(result),
        "",
        *_overlap_section(result),
        *_provenance_section(result),
        *_matrix_section(result, shown),
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
    from factcheck.provenance import families  # light: no model, no parser

    family = families(result.derivations)
    rank = {a.article.source_id: i for i, a in enumerate(result.articles)}
    changed = _departure_lines(result, labels)
    for f in strong:
        out += [f"### {f.id} ({_count(f, total)})", ""]
        for group in _conflict_groups(f.conflicts, by_id, family):
            out += _conflict_lines(group, by_id, labels, rank)
        if changed.get(f.id):
            out += [*changed[f.id], ""]
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
            for group in _conflict_groups(f.conflicts, by_id, family):
                out += _conflict_lines(group, by_id, labels, rank)
    out += _facts_section(
        "Consensus",
        f"Facts that every source carries ({total} of {total}). A fact that also has a "
        "conflict or a framing note says so in its heading.",
        [f for f in result.facts if f.coverage is Coverage.CONSENSUS],
        by_id,
        labels,
        total,
        shown,
    )
    out += _facts_section(
        "Partial",
        "Facts some sources carry and others do not.",
        [f for f in result.facts if f.coverage is Coverage.PARTIAL],
        by_id,
        labels,
        total,
        shown,
    )
    out += _unique_section(result, by_id, labels)
    framed = [f for f in result.facts if f.framing]
    out += ["## Framing", "", "One fact, told with different hedging or wording.", ""]
    if not framed:
        out += ["None found.", ""]
    for f in framed:
        out += [f"### {f.id}", ""]
        out += _fact_members(f, by_id, labels, shown[f.id])
        out += [line for n in f.framing for line in _framing_lines(n, by_id, labels)]
        out.append("")
    out += _profiles_section(result, by_id, labels)
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
    QuoteClass.MISATTRIBUTED: "the same or nearly the same words, a different speaker",
    QuoteClass.ALTERED: (
        "words changed inside the quotation marks, cut so that their meaning changes, "
        "or negated or given other figures by a paraphrase"
    ),
    QuoteClass.UNSUPPORTED: "attributed by one source only; no other source quotes or supports it",
    QuoteClass.ELIDED: "shortened, or a gap marked with an ellipsis",
    QuoteClass.PARAPHRASED: "quoted by one source, told without quotation marks by another",
    QuoteClass.VERBATIM: "the same words in each source listed",
}


def _quoted(text: str | None) -> str:
    return f"“{md_escape(_short(text or '', 160))}”"


#: A statement ID as explanations write it ("herald:3").
_STATEMENT_REF = re.compile(r"[\w.-]+:\d+")


def _quote_key(text: str | None) -> str:
    """Quoted words as quotations are matched: case, spacing and punctuation ignored."""
    from factcheck.diff import text_key  # light: the diff module imports no model

    return text_key(text)


def _verbatim_groups(
    found: Sequence[QuoteFinding], by_id: Mapping[str, Statement]
) -> list[list[tuple[Statement, str]]]:
    """Verbatim findings, one group per quotation: the statements that quote the same words
    word for word, joined through the pairs (a copy of a copy quotes the wire too). Each
    group lists ``(statement, quoted words)`` in the order the findings give them; groups
    come in the order of their first finding."""
    parent: dict[tuple[str, str], tuple[str, str]] = {}
    words: dict[tuple[str, str], str] = {}

    def root(x: tuple[str, str]) -> tuple[str, str]:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    order: list[tuple[str, str]] = []
    for q in found:
        if q.b is None:
            continue
        ends = []
        for sid, text in ((q.a, q.text_a), (q.b, q.text_b or q.text_a)):
            node = (sid, _quote_key(text))
            words.setdefault(node, text)
            if node not in parent:
                order.append(node)
            ends.append(root(node))
        if ends[0] != ends[1]:
            parent[ends[1]] = ends[0]
    groups: dict[tuple[str, str], list[tuple[Statement, str]]] = {}
    for node in order:
        groups.setdefault(root(node), []).append((by_id[node[0]], words[node]))
    return list(groups.values())


def _verbatim_lines(
    found: Sequence[QuoteFinding],
    by_id: Mapping[str, Statement],
    labels: Mapping[str, str],
    rank: Mapping[str, int],
) -> list[str]:
    """One line per quotation that sources give word for word (:func:`_verbatim_groups`):
    the speaker, how many sources, each source with its line (in report order), and the
    words. The JSON keeps every pair."""
    speakers: dict[str, str | None] = {}
    for q in found:
        if q.b is not None:
            speakers.setdefault(q.a, q.speaker_a or q.speaker_b)
            speakers.setdefault(q.b, q.speaker_b or q.speaker_a)
    out = []
    for group in _verbatim_groups(found, by_id):
        members = sorted(group, key=lambda m: (rank.get(m[0].source_id, len(rank)), m[0].index))
        speaker = next((speakers[m[0].id] for m in members if speakers.get(m[0].id)), None)
        where = ", ".join(f"{md_escape(labels[st.source_id])} line {st.line}" for st, _ in members)
        n = len({st.source_id for st, _ in members})
        out.append(
            f"- **{md_escape(speaker or 'unknown speaker')}**, word for word in "
            f"{_plural(n, 'source', 'sources')}: {where}: {_quoted(members[0][1])}"
        )
    return out


def _same_finding(q: QuoteFinding, by_id: Mapping[str, Statement]) -> tuple[object, ...]:
    """What makes two findings of other source pairs the same finding: the kind, the
    speakers, the words on each side (as :func:`_quote_key` matches them, or the sentence
    of a side told without quotation marks) and the word diff. An unsupported quote (no
    other side) is the same finding only as itself."""
    if q.b is None:  # an unsupported quote is its source's own: never merged
        return (q.kind, q.a, q.text_a)
    b_words = q.text_b if q.text_b is not None else by_id[q.b].text
    return (
        q.kind,
        q.speaker_a,
        q.speaker_b,
        _quote_key(q.text_a),
        q.text_b is None,
        _quote_key(b_words),
        q.diff,
    )


def _quotes_section(
    result: StoryResult, by_id: Mapping[str, Statement], labels: Mapping[str, str]
) -> list[str]:
    """Quote findings by class, problems first (:data:`_QUOTE_ORDER`). Verbatim findings are
    one line per quotation (:func:`_verbatim_lines`). Any other finding that repeats for
    other source pairs (the same kind, speakers, words and diff: a wire story's copies
    misquoted alike) is shown once, for its first pair, with a line naming the sources on
    each side. The JSON keeps every pair."""
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
        if kind is QuoteClass.VERBATIM:
            rank = {a.article.source_id: i for i, a in enumerate(result.articles)}
            lines = _verbatim_lines(found, by_id, labels, rank)
            count = (
                f"{_plural(len(lines), 'quotation', 'quotations')}, "
                f"{_plural(len(found), 'pair', 'pairs')}"
            )
            out += [f"### {kind.value.capitalize()} ({count}): {_QUOTE_INTRO[kind]}", ""]
            out += [*lines, ""]
            continue
        same: dict[tuple[object, ...], list[QuoteFinding]] = {}
        for q in found:
            same.setdefault(_same_finding(q, by_id), []).append(q)
        out += [f"### {kind.value.capitalize()} ({len(found)}): {_QUOTE_INTRO[kind]}", ""]
        for group in same.values():
            out += _quote_lines(group, by_id, labels)
        out.append("")
    return out


def _quote_lines(
    group: Sequence[QuoteFinding], by_id: Mapping[str, Statement], labels: Mapping[str, str]
) -> list[str]:
    """One finding (the first of ``group``, findings alike but for their sources), and, for
    a group of several, the sources that give each side."""
    q = group[0]
    kind = q.kind
    out = []
    a = by_id[q.a]
    label_a = md_escape(labels[a.source_id])
    where = f"{label_a} line {a.line}"
    speaker = md_escape(q.speaker_a or q.speaker_b or "unknown speaker")
    if q.b is None:
        out.append(f"- **{speaker}**, {where}: {_quoted(q.text_a)}")
        named = [by_id[i] for i in _STATEMENT_REF.findall(q.explanation) if i in by_id]
        lines = {st.id: f"{labels[st.source_id]} (line {st.line})" for st in named}
        sources = {st.source_id: labels[st.source_id] for st in (a, *named)}
        out.append(f"  - {_prose(q.explanation, sources, lines)}")
        return out
    b = by_id[q.b]
    label_b = md_escape(labels[b.source_id])
    if kind is QuoteClass.MISATTRIBUTED:
        speaker = f"{md_escape(q.speaker_a or '?')} / {md_escape(q.speaker_b or '?')}"
    # Quote explanations name statements ("herald:3"), and now and then a source.
    lines = {st.id: f"{labels[st.source_id]} (line {st.line})" for st in (a, b)}
    sources = {st.source_id: labels[st.source_id] for st in (a, b)}
    explanation = _prose(q.explanation, sources, lines)
    out.append(f"- **{speaker}**, {where} and {label_b} line {b.line}: {explanation}")
    if len(group) > 1:

        def side(ids: Iterable[str]) -> str:
            sts = [by_id[i] for i in dict.fromkeys(ids)]
            return ", ".join(f"{md_escape(labels[st.source_id])} line {st.line}" for st in sts)

        out.append(
            f"  - the same finding for {len(group)} pairs: {side(m.a for m in group)} "
            f"against {side(m.b for m in group if m.b)}"
        )
    if q.diff:
        out.append(f"  - word diff {label_a} → {label_b}: {md_code(q.diff)}")
    out.append(f"  - {label_a}: {_quoted(q.text_a)}")
    if q.text_b is None:
        # Told without quotation marks (a paraphrase, or one that negates the
        # quote): the source's own sentence, never in quotation marks.
        out.append(f"  - {label_b}, in its own words: {md_escape(_short(b.text, 160))}")
    else:
        out.append(f"  - {label_b}: {_quoted(q.text_b)}")
    return out


def _problems_section(result: StoryResult) -> list[str]:
    if not result.failures:
        return []
    return [
        "## Problems",
        "",
        "These files were not used:",
        "",
        *(
            f"- {md_escape(printable(f.path.name))}: {md_escape(f.problem)}"
            for f in result.failures
        ),
        "",
    ]


# ----------------------------------------------------------------------------- writing


def write_reports(result: StoryResult, out_dir: Path, *, formats: Sequence[str]) -> list[Path]:
    """Write ``<out_dir>/<story>.md`` and/or ``.json``; returns the paths written.

    Both texts are rendered first and written together (:func:`write_atomic_all`), so a
    failed write leaves the old pair in place rather than a new markdown beside an old JSON.
    """
    files: dict[Path, str] = {}
    if "md" in formats:
        files[out_dir / f"{result.name}.md"] = render_markdown(result)
    if "json" in formats:
        from factcheck.report_json import render_json

        files[out_dir / f"{result.name}.json"] = render_json(result)
    write_atomic_all(files)
    written = list(files)
    return written
