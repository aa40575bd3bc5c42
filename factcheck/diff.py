"""What changed between two reports of a story: for pull-request comments and CI gates.

Works on the JSON reports (``factcheck.report/1``), so it can compare reports written by
different runs, machines or versions. Things are matched by content, never by position:

- a **conflict** by its kind and the normalised texts of its two statements;
- a **fact** by its statements' normalised texts: an old and a new fact that share a
  statement are the same fact (greedy, largest overlap first), so a fact whose ID changed
  because a statement joined it is still recognised, and its new sources are reported;
- a **unique detail** by its text; a **quote finding** by kind, speaker and quoted words;
- a **revised article** is a source file present in both reports whose statements differ.

:func:`gate` turns a report (and a baseline) into the reasons a CI job should fail.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from factcheck.classify import normalise_text

__all__ = [
    "FAIL_CONDITIONS",
    "ConflictChange",
    "FactChange",
    "QuoteChange",
    "Revision",
    "StoryDiff",
    "diff_reports",
    "gate",
    "render_diff",
]

Report = Mapping[str, Any]

#: Conditions ``factcheck check --fail-on`` understands.
FAIL_CONDITIONS = ("conflict", "new-conflict", "misquote", "new-misquote")
#: Quote findings that point at a problem (the others are faithful or neutral).
MISQUOTES = frozenset({"altered", "misattributed", "unsupported"})


def _norm(text: str | None) -> str:
    return normalise_text(text or "")


@dataclass(frozen=True, slots=True)
class ConflictChange:
    fact: str
    kind: str
    source_a: str
    source_b: str
    value_a: str
    value_b: str
    text_a: str
    text_b: str
    reason: str


@dataclass(frozen=True, slots=True)
class FactChange:
    """A fact whose sources changed (``fact`` is its ID in the new report, or the old one
    when it disappeared)."""

    fact: str
    text: str
    gained: tuple[str, ...]
    lost: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class QuoteChange:
    kind: str
    speaker: str
    source_a: str
    source_b: str | None
    text: str


@dataclass(frozen=True, slots=True)
class Revision:
    """A source whose text changed between the two reports."""

    source: str
    file: str
    added: tuple[str, ...]
    removed: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StoryDiff:
    story: str
    status: str  # "added" | "removed" | "changed" | "unchanged"
    sources_added: tuple[str, ...] = ()
    sources_removed: tuple[str, ...] = ()
    new_conflicts: tuple[ConflictChange, ...] = ()
    resolved_conflicts: tuple[ConflictChange, ...] = ()
    facts: tuple[FactChange, ...] = ()
    new_unique: tuple[tuple[str, str, str], ...] = ()  # (fact, source, text)
    new_quotes: tuple[QuoteChange, ...] = ()
    gone_quotes: tuple[QuoteChange, ...] = ()
    revisions: tuple[Revision, ...] = ()

    @property
    def empty(self) -> bool:
        return not (
            self.sources_added
            or self.sources_removed
            or self.new_conflicts
            or self.resolved_conflicts
            or self.facts
            or self.new_unique
            or self.new_quotes
            or self.gone_quotes
            or self.revisions
        )


# --------------------------------------------------------------------------- extraction


def _texts(report: Report) -> dict[str, str]:
    return {s["id"]: s["text"] for s in report.get("statements", [])}


def _source_of(statement_id: str) -> str:
    return statement_id.rsplit(":", 1)[0]


def _conflicts(report: Report) -> dict[tuple[str, frozenset[str]], ConflictChange]:
    texts = _texts(report)
    out: dict[tuple[str, frozenset[str]], ConflictChange] = {}
    for fact in report.get("facts", []):
        for c in fact.get("conflicts", []):
            key = (c["kind"], frozenset({_norm(texts[c["a"]]), _norm(texts[c["b"]])}))
            out.setdefault(
                key,
                ConflictChange(
                    fact=fact["id"],
                    kind=c["kind"],
                    source_a=_source_of(c["a"]),
                    source_b=_source_of(c["b"]),
                    value_a=c["value_a"],
                    value_b=c["value_b"],
                    text_a=texts[c["a"]],
                    text_b=texts[c["b"]],
                    reason=c["reason"],
                ),
            )
    return out


def _quotes(report: Report) -> dict[tuple[str, str, str, str], QuoteChange]:
    out: dict[tuple[str, str, str, str], QuoteChange] = {}
    for q in report.get("quotes", []):
        speaker = q.get("speaker_a") or q.get("speaker_b") or ""
        key = (q["kind"], _norm(speaker), _norm(q.get("text_a")), _norm(q.get("text_b")))
        out.setdefault(
            key,
            QuoteChange(
                kind=q["kind"],
                speaker=speaker,
                source_a=_source_of(q["a"]),
                source_b=_source_of(q["b"]) if q.get("b") else None,
                text=q.get("text_a") or "",
            ),
        )
    return out


def _match_facts(
    old: Report, new: Report
) -> tuple[list[tuple[Mapping[str, Any], Mapping[str, Any]]], list[Any], list[Any]]:
    """Pairs (old fact, new fact) sharing statements, largest overlap first; and the
    unmatched old and new facts."""
    to, tn = _texts(old), _texts(new)
    old_sets = [(f, {_norm(to[s]) for s in f["statements"]}) for f in old.get("facts", [])]
    new_sets = [(f, {_norm(tn[s]) for s in f["statements"]}) for f in new.get("facts", [])]
    candidates = sorted(
        (
            (-len(a & b), i, j)
            for i, (_, a) in enumerate(old_sets)
            for j, (_, b) in enumerate(new_sets)
            if a & b
        ),
    )
    used_old: set[int] = set()
    used_new: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        pairs.append((old_sets[i][0], new_sets[j][0]))
    unmatched_old = [f for i, (f, _) in enumerate(old_sets) if i not in used_old]
    unmatched_new = [f for j, (f, _) in enumerate(new_sets) if j not in used_new]
    return pairs, unmatched_old, unmatched_new


def _first_text(report: Report, fact: Mapping[str, Any]) -> str:
    return _texts(report)[fact["statements"][0]]


def _revisions(old: Report, new: Report) -> list[Revision]:
    def by_source(report: Report) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for s in report.get("statements", []):
            out.setdefault(s["source"], []).append(s["text"])
        return out

    files = {s["id"]: s["file"] for s in new.get("sources", [])}
    bo, bn = by_source(old), by_source(new)
    out = []
    for source in sorted(set(bo) & set(bn)):
        old_norm = {_norm(t) for t in bo[source]}
        new_norm = {_norm(t) for t in bn[source]}
        if old_norm == new_norm:
            continue
        out.append(
            Revision(
                source=source,
                file=files.get(source, source),
                added=tuple(t for t in bn[source] if _norm(t) not in old_norm),
                removed=tuple(t for t in bo[source] if _norm(t) not in new_norm),
            )
        )
    return out


def diff_reports(old: Report | None, new: Report | None) -> StoryDiff:
    """What changed from ``old`` to ``new`` (either may be None: a story added or removed)."""
    story = str((new or old or {}).get("story", "?"))
    if old is None and new is None:
        return StoryDiff(story, "unchanged")
    if old is None:
        return StoryDiff(story, "added", new_conflicts=tuple(_conflicts(new or {}).values()))
    if new is None:
        return StoryDiff(story, "removed", resolved_conflicts=tuple(_conflicts(old).values()))

    co, cn = _conflicts(old), _conflicts(new)
    qo, qn = _quotes(old), _quotes(new)
    pairs, gone, born = _match_facts(old, new)
    changes = []
    for f_old, f_new in pairs:
        gained = tuple(sorted(set(f_new["sources"]) - set(f_old["sources"])))
        lost = tuple(sorted(set(f_old["sources"]) - set(f_new["sources"])))
        if gained or lost:
            changes.append(FactChange(f_new["id"], _first_text(new, f_new), gained, lost))
    for f in born:
        if len(f["sources"]) > 1:
            changes.append(FactChange(f["id"], _first_text(new, f), tuple(f["sources"]), ()))
    for f in gone:
        if len(f["sources"]) > 1:
            changes.append(FactChange(f["id"], _first_text(old, f), (), tuple(f["sources"])))
    old_texts = {_norm(s["text"]) for s in old.get("statements", [])}
    new_unique = tuple(
        (f["id"], f["sources"][0], _first_text(new, f))
        for f in new.get("facts", [])
        if f["coverage"] == "unique" and _norm(_first_text(new, f)) not in old_texts
    )
    sources_old = {s["id"] for s in old.get("sources", [])}
    sources_new = {s["id"] for s in new.get("sources", [])}
    diff = StoryDiff(
        story=story,
        status="changed",
        sources_added=tuple(sorted(sources_new - sources_old)),
        sources_removed=tuple(sorted(sources_old - sources_new)),
        new_conflicts=tuple(cn[k] for k in sorted(cn.keys() - co.keys(), key=str)),
        resolved_conflicts=tuple(co[k] for k in sorted(co.keys() - cn.keys(), key=str)),
        facts=tuple(sorted(changes, key=lambda c: (c.fact, c.text))),
        new_unique=new_unique,
        new_quotes=tuple(qn[k] for k in sorted(qn.keys() - qo.keys())),
        gone_quotes=tuple(qo[k] for k in sorted(qo.keys() - qn.keys())),
        revisions=tuple(_revisions(old, new)),
    )
    return diff if not diff.empty else StoryDiff(story, "unchanged")


# --------------------------------------------------------------------------- gate


def gate(new: Report, baseline: Report | None, conditions: Iterable[str]) -> list[str]:
    """Reasons to fail, one line each, for the chosen ``conditions`` (see
    :data:`FAIL_CONDITIONS`). ``new-*`` conditions compare with ``baseline``; without a
    baseline every conflict or misquote is new."""
    reasons = []
    wanted = set(conditions)
    conflicts = [
        c
        for f in new.get("facts", [])
        if f["label"] == "conflict"
        for c in f["conflicts"]
        if c["kind"] != "claim"
    ]
    story = new.get("story", "?")
    if "conflict" in wanted and conflicts:
        reasons.append(f"{story}: {len(conflicts)} conflict(s) between sources")
    if "new-conflict" in wanted:
        fresh = (
            diff_reports(baseline, new).new_conflicts
            if baseline
            else tuple(_conflicts(new).values())
        )
        fresh = tuple(c for c in fresh if c.kind != "claim")
        if fresh:
            reasons.append(
                f"{story}: {len(fresh)} new conflict(s): "
                + "; ".join(f"{c.kind} {c.value_a} vs {c.value_b}" for c in fresh)
            )
    misquotes = [q for q in _quotes(new).values() if q.kind in MISQUOTES]
    if "misquote" in wanted and misquotes:
        reasons.append(f"{story}: {len(misquotes)} altered, misattributed or unsupported quote(s)")
    if "new-misquote" in wanted:
        base = set(_quotes(baseline).keys()) if baseline else set()
        fresh_q = [q for k, q in _quotes(new).items() if q.kind in MISQUOTES and k not in base]
        if fresh_q:
            reasons.append(f"{story}: {len(fresh_q)} new misquote(s)")
    return reasons


# --------------------------------------------------------------------------- markdown


def _esc(text: str) -> str:
    from factcheck.report import md_escape

    return md_escape(text)


def _short(text: str, limit: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _summary(d: StoryDiff) -> str:
    parts = []
    if d.new_conflicts:
        parts.append(f"{len(d.new_conflicts)} new conflict(s)")
    if d.resolved_conflicts:
        parts.append(f"{len(d.resolved_conflicts)} resolved")
    if d.facts:
        parts.append(f"{len(d.facts)} fact(s) gained or lost sources")
    if d.new_unique:
        parts.append(f"{len(d.new_unique)} new unique detail(s)")
    if d.new_quotes or d.gone_quotes:
        parts.append(f"quotes: {len(d.new_quotes)} new, {len(d.gone_quotes)} gone")
    if d.revisions:
        parts.append(f"{len(d.revisions)} article(s) revised")
    if d.sources_added or d.sources_removed:
        parts.append(f"sources: +{len(d.sources_added)} −{len(d.sources_removed)}")
    return " · ".join(parts)


def _conflict_item(c: ConflictChange) -> list[str]:
    return [
        f"- **{c.kind}** in {c.fact}: {_esc(c.source_a)} *{_esc(c.value_a)}* vs "
        f"{_esc(c.source_b)} *{_esc(c.value_b)}*: {_esc(c.reason)}",
        "  <details><summary>sentences</summary>",
        "",
        f"  - {_esc(c.source_a)}: {_esc(c.text_a)}",
        f"  - {_esc(c.source_b)}: {_esc(c.text_b)}",
        "",
        "  </details>",
    ]


def _story_lines(d: StoryDiff) -> list[str]:
    head = f"### {_esc(d.story)}"
    if d.status == "unchanged":
        return [head, "", "No change in facts, conflicts or quotes.", ""]
    if d.status == "added":
        return [head, "", f"New story, with {len(d.new_conflicts)} conflict(s).", ""]
    if d.status == "removed":
        return [head, "", "Story removed.", ""]
    out = [head, "", f"**{_summary(d)}**", ""]
    if d.new_conflicts:
        out += ["#### New conflicts", ""]
        out += [line for c in d.new_conflicts for line in _conflict_item(c)]
        out.append("")
    if d.resolved_conflicts:
        out += ["#### Resolved conflicts", ""]
        out += [
            f"- **{c.kind}** {_esc(c.source_a)} *{_esc(c.value_a)}* vs {_esc(c.source_b)} "
            f"*{_esc(c.value_b)}*"
            for c in d.resolved_conflicts
        ]
        out.append("")
    if d.facts:
        out += ["#### Facts that gained or lost sources", ""]
        for f in d.facts:
            change = ", ".join(
                [*(f"+{_esc(s)}" for s in f.gained), *(f"−{_esc(s)}" for s in f.lost)]
            )
            out.append(f"- {f.fact} ({change}): {_esc(_short(f.text))}")
        out.append("")
    if d.new_unique:
        out += ["#### New unique details", ""]
        out += [f"- {fid} {_esc(src)}: {_esc(_short(text))}" for fid, src, text in d.new_unique]
        out.append("")
    if d.new_quotes or d.gone_quotes:
        out += ["#### Quotes", ""]
        for sign, quotes in (("new", d.new_quotes), ("gone", d.gone_quotes)):
            for q in quotes:
                where = _esc(q.source_a) + (f" / {_esc(q.source_b)}" if q.source_b else "")
                out.append(
                    f"- {sign}: **{q.kind}**, {_esc(q.speaker or 'unknown speaker')} "
                    f"({where}): “{_esc(_short(q.text, 100))}”"
                )
        out.append("")
    if d.revisions:
        out += ["#### Revised articles", ""]
        for r in d.revisions:
            out.append(f"- `{r.file}`: {len(r.added)} statement(s) added, {len(r.removed)} removed")
            out += [f"  - − {_esc(_short(t))}" for t in r.removed]
            out += [f"  - + {_esc(_short(t))}" for t in r.added]
        out.append("")
    if d.sources_added or d.sources_removed:
        out += [
            "#### Sources",
            "",
            *(f"- added: {_esc(s)}" for s in d.sources_added),
            *(f"- removed: {_esc(s)}" for s in d.sources_removed),
            "",
        ]
    return out


def render_diff(diffs: Sequence[StoryDiff], *, title: str = "factcheck: what changed") -> str:
    """Markdown fit for a PR comment: one section per story, unchanged stories in a line."""
    changed = [d for d in diffs if d.status != "unchanged"]
    out = [f"## {title}", ""]
    if not changed:
        out += ["No change in facts, conflicts or quotes.", ""]
    for d in sorted(changed, key=lambda d: d.story):
        out += _story_lines(d)
    same = sorted(d.story for d in diffs if d.status == "unchanged")
    if same and changed:
        out += [f"Unchanged: {', '.join(_esc(s) for s in same)}.", ""]
    return "\n".join(out).rstrip() + "\n"
