"""What changed between two reports of a story: for pull-request comments and CI gates.

Works on the JSON reports (``factcheck.report/1``), so it can compare reports written by
different runs, machines or versions. Things are matched by content, never by position,
file name or statement ID, in this order:

1. **Sources.** A source ID present in both reports is one source. A source only in the
   old report and a source only in the new one are one source *renamed* when their
   statements overlap by at least :data:`RENAME_SIMILARITY` (Dice coefficient over the
   multisets of statement keys) and they are not two outlets; best pairs first. Two
   sources are two outlets when both name an outlet and the names do not read as one
   (:func:`same_outlet`: "City Herald" and "The City Herald" read as one, "Wire One" and
   "Copy Times" do not) and they do not give the same URL: so a file renamed while its
   outlet name is corrected is one source relabelled, and a wire story removed while
   another outlet's copy of it is added is two sources.
   A rename is shown once, and the pair counts as one source everywhere below, so a
   ``git mv`` changes nothing else in the matching, and a file renamed and edited shows up
   as revised (a report whose provenance changed with the file's name or order shows
   that as provenance changes).
   A source whose label changed (an outlet named in its front matter) is shown once too.
2. **Statements**, within each pair of matched sources: equal keys first; then, of the
   rest, an old and a new statement whose word similarity (difflib ratio over their key
   words) is at least :data:`REVISION_SIMILARITY` are one statement *edited*, best first.
   The others were added or removed.
3. **Facts**: an old and a new fact that share matched statements are one fact (greedy,
   largest overlap first). So a fact whose ID changed, because a statement joined it or
   was reworded, is still recognised, and its new or lost sources are reported.
4. **Conflicts**: by matched fact, kind, and the set of (source, value) of its two sides,
   never by sentence text. A typed value (every kind of
   :data:`~factcheck.types.NUMERIC_KINDS`: money, percent, quantity, count, tally, date,
   clock time) counts by its normalised amount without qualifier marks, so "about 25,000
   vehicles" is the value "25,000 vehicles" and "3 p.m." the time "3pm"; an event phrase
   (polarity, entity, claim) by its key. Of the conflicts that do not match:

   - one that appeared and one that went on the same fact, kind and two sources are one
     conflict *changed* when one source's value is the same in both and the other's was
     edited to a value of the same measure (the same value kind and unit: "27 others" to
     "72 others", never "four workers" to "27 others"), shown old → new;
   - one that appeared whose two values some conflict of the *old* report had on that
     fact and kind *joined* a known disagreement: a new source backing one side is no new
     conflict (a changed conflict's new values are never a known disagreement);
   - the others that appeared are *new*. ``--fail-on new-conflict`` fails on them and on
     a changed conflict whose two values the old report never had on that fact and kind:
     a figure edited to another one no source gave is a new disagreement;
   - one that went because one of its sources is no longer read (its file removed, or
     failing now) *went with its source*, which is not a resolution;
   - one that went while another pair still has its two values *left* a known
     disagreement; the others are *resolved*.
5. **Quote findings**: by kind and the set of their two sides, a side being its source
   (matched as in 1, so a rename changes nothing), its speaker and its quoted words, never
   by statement ID or by which side is ``a``. So when a third source starts quoting what
   two others already quote, the new finding is the one that names it.
6. **Input problems**: by file name and problem. A problem whose file is now read as a
   source is *fixed*; one whose file left the story (neither read nor failing) went with
   its file, which is not a fix.
7. **Metadata**: the title, outlet, URL and dates (``published``, ``updated``) of each
   pair of matched sources; a change is listed per source (the published date decides
   which of two articles counts as the original). An outlet change that changes the
   source's label is shown once, as a relabel.

Conflicts and quote findings are compared as multisets: a finding is new when the new
report has more findings with its key than the old one. The markdown and the gate show
conflicts by *disagreement* (fact, kind and two values), not by source pair: the pairs
that disagree in the same way are one item naming the sources on each side (the first
:data:`MAX_LABELS`, then "and N more"), and the counts count disagreements.

A statement's *key* (:func:`text_key`) ignores case, spacing and punctuation but keeps
what changes a value: digits, currency symbols, percent signs, a sign before a digit and
a decimal point or separator between digits. So "$450 million" and "€450 million", or
"40,000" and "-40,000", are different statements, while a change of quote marks is not.
(:func:`factcheck.ids.normalise_text`, which fact IDs hash, drops those characters.)

A **new unique detail** is a unique fact whose statement is in no form in the old report;
an edited statement is listed under its revised article only, not as a new detail too. A
unique detail *gone* is the reverse: a unique fact of the old report whose statement is in
no form in the new one (its source removed, or the sentence deleted). A
fact is named by the statement the report shows it by (its ``representative``).

A **provenance change** is a source read in both reports whose derivations (the JSON's
``derivations``: original and kind, the old ones through renames) differ: a copy of
another original now, independent now, or derived now; one line per source.

:func:`validate_report` refuses a report that lacks a list the diff reads (``sources``,
``statements``, ``facts``, ``quotes``, ``failures``) or names a source or statement it does
not hold, so a damaged file is an error, not a diff in which every fact lost its sources.

:func:`gate` turns a report (and a baseline) into the reasons a CI job should fail, using
the same matching. Two reports of different stories are not compared: :func:`diff_reports`
refuses them.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from factcheck.errors import CorpusError
from factcheck.types import NUMERIC_KINDS, QuoteClass

__all__ = [
    "FAIL_CONDITIONS",
    "MAX_GATE_ITEMS",
    "MAX_LABELS",
    "MAX_SENTENCES",
    "METADATA_FIELDS",
    "MISQUOTES",
    "OUTLET_FILLER",
    "RENAME_SIMILARITY",
    "REVISION_SIMILARITY",
    "ConflictChange",
    "ConflictEdit",
    "DerivationChange",
    "FactChange",
    "GoneConflict",
    "MetadataChange",
    "QuoteChange",
    "Revision",
    "StoryDiff",
    "diff_reports",
    "gate",
    "load_report",
    "render_diff",
    "same_outlet",
    "text_key",
    "validate_report",
]

Report = Mapping[str, Any]
_K = TypeVar("_K", bound=Hashable)
_T = TypeVar("_T")

#: Conditions ``factcheck check --fail-on`` understands.
FAIL_CONDITIONS = (
    "conflict",
    "new-conflict",
    "misquote",
    "new-misquote",
    "unsupported-quote",
)
#: Quote findings that say a source got a quote wrong: words changed, or a different
#: speaker. Each is a ``str`` too, so the ``kind`` text of a JSON finding is found in it.
#: An *unsupported* quote (no other source carries it) is not among them: an exclusive
#: quote is ordinary reporting, so it has its own ``--fail-on unsupported-quote``.
MISQUOTES = frozenset({QuoteClass.ALTERED, QuoteClass.MISATTRIBUTED})
#: Share of identical statements (Dice) from which a removed and an added source are one
#: source renamed. Git's own rename detection uses the same 50% default.
RENAME_SIMILARITY = 0.5
#: Word similarity (difflib ratio) from which a removed and an added statement of one
#: source are one statement edited. Rewordings score 0.7 to 0.95; two different sentences
#: on one story share function words and score below 0.4.
REVISION_SIMILARITY = 0.5
#: Words an outlet's name may carry or drop and still be the same outlet ("The City
#: Herald" is "City Herald").
OUTLET_FILLER = frozenset({"the", "a", "an"})
#: Value kinds whose ``norm`` is an amount, a date or a time: conflict sides compare these
#: by their normalised value (the kinds :data:`~factcheck.types.NUMERIC_KINDS` names).
_TYPED_VALUES = frozenset(k.value for k in NUMERIC_KINDS)
#: Source labels a side of a disagreement names before "and N more" (in the markdown and
#: the gate's ``fail:`` line).
MAX_LABELS = 3
#: Sentences shown for each side of a disagreement before "and N more".
MAX_SENTENCES = 2
#: Disagreements the gate's ``fail:`` line names before "and N more".
MAX_GATE_ITEMS = 3
#: The fields of a JSON derivation the diff reads (see :class:`DerivationChange`).
_DERIVATION_FIELDS = ("derived", "original", "kind")
#: Source metadata compared between two reports, in the order a change is listed.
METADATA_FIELDS = ("outlet", "title", "url", "published", "updated")
#: Qualifier marks in a value's ``norm`` ("~25000 vehicle", "USD >=1.4e+10").
_QUALIFIER_MARKS = re.compile(r"[~<>=≈]")
#: The characters a key keeps: words (letters and digits), currency and percent signs, a
#: sign before a digit (at a word start), a decimal point or separator between digits.
_KEY_TOKEN = re.compile(
    r"[^\W_]+|[$€£¥₹%]|(?<![^\W_])[-+\u2212](?=\d)|(?<=\d)[.,](?=\d)", re.UNICODE
)


def same_outlet(a: str, b: str) -> bool:
    """Whether two outlet names read as one outlet: ignoring case, punctuation and the
    words of :data:`OUTLET_FILLER`, one name's words are all words of the other's, or one
    name is the initials of the other.

    >>> same_outlet("City Herald", "The City Herald"), same_outlet("AP", "Associated Press")
    (True, True)
    >>> same_outlet("Wire One", "Copy Times"), same_outlet("Daily News", "Daily Mail")
    (False, False)
    """
    words_a, words_b = (
        [w for w in re.findall(r"[^\W_]+", name.casefold()) if w not in OUTLET_FILLER]
        for name in (a, b)
    )
    if not words_a or not words_b:
        return False
    if set(words_a) <= set(words_b) or set(words_b) <= set(words_a):
        return True
    initials_a, initials_b = "".join(w[0] for w in words_a), "".join(w[0] for w in words_b)
    return (len(words_a) == 1 and words_a[0] == initials_b and len(words_b) > 1) or (
        len(words_b) == 1 and words_b[0] == initials_a and len(words_a) > 1
    )


def text_key(text: str | None) -> str:
    """The comparison form of a statement or quote: case, spacing and punctuation ignored,
    values kept.

    >>> text_key("It carries 40,000 cars!") == text_key("it carries 40,000 cars")
    True
    >>> text_key("rose 5%") == text_key("rose $5"), text_key("40,000") == text_key("-40,000")
    (False, False)
    """
    tokens = _KEY_TOKEN.findall((text or "").casefold())
    return " ".join(t.replace("\u2212", "-") for t in tokens)


# --------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class ConflictChange:
    """A conflict that appeared or went (source IDs, and the labels the report shows)."""

    fact: str
    kind: str
    source_a: str
    source_b: str
    label_a: str
    label_b: str
    value_a: str
    value_b: str
    text_a: str
    text_b: str
    reason: str
    key_a: str = ""  # the value compared (see :func:`_value_key`); "": the key of value_a
    key_b: str = ""

    @property
    def disagreement(self) -> tuple[str, str, frozenset[str]]:
        """Its fact, kind and the set of its two compared values: what a disagreement is,
        whichever sources hold its sides."""
        return (
            self.fact,
            self.kind,
            frozenset({self.key_a or text_key(self.value_a), self.key_b or text_key(self.value_b)}),
        )


@dataclass(frozen=True, slots=True)
class ConflictEdit:
    """A conflict between the same two sources on the same fact where one side's value was
    edited to another value of the same measure: ``conflict`` is the new one,
    ``old_value_a``/``old_text_a`` what its side ``a`` said before (likewise ``b``).
    ``known``: its new pair of values was already a disagreement of the old report (on
    this fact and kind), so the gate does not count it as new."""

    conflict: ConflictChange
    old_value_a: str
    old_value_b: str
    old_text_a: str
    old_text_b: str
    known: bool = False


@dataclass(frozen=True, slots=True)
class GoneConflict:
    """A conflict of the old report that went because a source of it left the story:
    ``why`` says which ("Wire Service: unreadable now", "River Post: removed")."""

    conflict: ConflictChange
    why: str


@dataclass(frozen=True, slots=True)
class FactChange:
    """A fact whose sources changed (``fact`` is its ID in the new report, or the old one
    when it disappeared). ``gained`` and ``lost`` are source IDs: new ones, and old ones
    translated through renames."""

    fact: str
    text: str
    gained: tuple[str, ...]
    lost: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class QuoteChange:
    """A quote finding that appeared or went; ``diff`` is the report's word diff, if any."""

    kind: str
    speaker: str
    source_a: str
    source_b: str | None
    label_a: str
    label_b: str | None
    text_a: str
    text_b: str | None
    diff: str | None = None


@dataclass(frozen=True, slots=True)
class Revision:
    """A source whose text changed between the two reports (``old_file`` differs from
    ``file`` when it was renamed too). ``edited`` pairs (old, new) sentences that are one
    statement reworded; ``added`` and ``removed`` are the others."""

    source: str
    label: str
    file: str
    old_file: str
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    edited: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Rename:
    """One source whose file name or label changed: a source removed and a source added
    that hold the same article, or a source whose outlet (so its label) or extension
    changed."""

    old_source: str
    new_source: str
    old_file: str
    new_file: str
    old_label: str
    new_label: str


@dataclass(frozen=True, slots=True)
class MetadataChange:
    """A source whose metadata changed: ``changes`` holds (field, old, new) for each field
    of :data:`METADATA_FIELDS` that differs (None: not given)."""

    source: str
    label: str
    file: str
    changes: tuple[tuple[str, str | None, str | None], ...]


@dataclass(frozen=True, slots=True)
class DerivationChange:
    """A source read in both reports whose provenance changed: ``old`` and ``new`` are its
    derivations, each (original source ID, kind such as "copy"), the old ones translated
    through renames; empty: independent."""

    source: str
    old: tuple[tuple[str, str], ...]
    new: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class StoryDiff:
    story: str
    status: str  # "added" | "removed" | "changed" | "unchanged"
    sources_added: tuple[str, ...] = ()
    sources_removed: tuple[str, ...] = ()
    renames: tuple[Rename, ...] = ()
    new_conflicts: tuple[ConflictChange, ...] = ()
    resolved_conflicts: tuple[ConflictChange, ...] = ()  # both sources still read
    changed_conflicts: tuple[ConflictEdit, ...] = ()  # same fact, kind and sources
    joined_conflicts: tuple[ConflictChange, ...] = ()  # a new pair, a known disagreement
    left_conflicts: tuple[ConflictChange, ...] = ()  # a pair gone, its disagreement stays
    gone_conflicts: tuple[GoneConflict, ...] = ()  # a source of it left the story
    facts: tuple[FactChange, ...] = ()
    new_unique: tuple[tuple[str, str, str], ...] = ()  # (fact, source, text)
    lost_unique: tuple[tuple[str, str, str], ...] = ()  # (old fact, old source, text)
    derivations: tuple[DerivationChange, ...] = ()
    new_quotes: tuple[QuoteChange, ...] = ()
    gone_quotes: tuple[QuoteChange, ...] = ()
    revisions: tuple[Revision, ...] = ()
    fact_ids: tuple[tuple[str, str], ...] = ()  # (old ID, new ID) of one fact
    new_failures: tuple[tuple[str, str], ...] = ()  # (file, problem)
    fixed_failures: tuple[tuple[str, str], ...] = ()  # the file is read now
    removed_failures: tuple[tuple[str, str], ...] = ()  # the file left the story
    metadata: tuple[MetadataChange, ...] = ()
    labels: tuple[tuple[str, str], ...] = ()  # (source ID, label), new report's first

    @property
    def empty(self) -> bool:
        return not (
            self.sources_added
            or self.sources_removed
            or self.renames
            or self.new_conflicts
            or self.resolved_conflicts
            or self.changed_conflicts
            or self.joined_conflicts
            or self.left_conflicts
            or self.gone_conflicts
            or self.facts
            or self.new_unique
            or self.lost_unique
            or self.derivations
            or self.new_quotes
            or self.gone_quotes
            or self.revisions
            or self.fact_ids
            or self.new_failures
            or self.fixed_failures
            or self.removed_failures
            or self.metadata
        )

    def label(self, source: str) -> str:
        """The label the reports give ``source`` (the new report's, for a renamed one)."""
        return dict(self.labels).get(source, source)


# --------------------------------------------------------------------------- validation


#: The lists every report holds and the diff reads.
_REQUIRED_LISTS = ("sources", "statements", "facts", "quotes", "failures")


def validate_report(report: object, where: Path | str) -> None:
    """Check that ``report`` holds everything the diff and the gate read, and that its
    references hold: every list of :data:`_REQUIRED_LISTS` is there (an empty list is
    fine), every statement names a source of ``sources``, and every fact, conflict and
    quote finding names statements and sources the report holds.

    Raises:
        CorpusError: naming ``where`` (the file, or which side) and the first problem, such
            as a fact that lists a statement missing from ``statements``.
    """
    from factcheck.report import REPORT_SCHEMA

    if not isinstance(report, Mapping) or report.get("schema") != REPORT_SCHEMA:
        raise CorpusError(where, f"not a factcheck report (expected schema {REPORT_SCHEMA})")

    def bad(problem: str) -> CorpusError:
        return CorpusError(where, f"malformed factcheck report: {problem}")

    def records(value: object, what: str) -> list[Mapping[str, Any]]:
        if not isinstance(value, list) or not all(isinstance(r, Mapping) for r in value):
            raise bad(f"{what} is not a list of objects")
        return value

    def fields(record: Mapping[str, Any], what: str, names: str, *, optional: str = "") -> None:
        for name in names.split():
            if not isinstance(record.get(name), str):
                raise bad(f"{what} has no text field '{name}'")
        for name in optional.split():
            if record.get(name) is not None and not isinstance(record[name], str):
                raise bad(f"{what}: field '{name}' is not text")

    if not isinstance(report.get("story"), str):
        raise bad("no text field 'story'")
    for key in _REQUIRED_LISTS:
        if key not in report:
            raise bad(f"no '{key}' list")
    sources: set[str] = set()
    for i, s in enumerate(records(report["sources"], "sources")):
        fields(s, f"sources[{i}]", "id", optional="label file outlet title url published updated")
        sources.add(s["id"])
    ids: set[str] = set()
    for i, s in enumerate(records(report["statements"], "statements")):
        fields(s, f"statements[{i}]", "id source text")
        if s["source"] not in sources:
            raise bad(f"statement {s['id']!r} names source {s['source']!r}, not in 'sources'")
        ids.add(s["id"])

    def known(statement: object, what: str) -> None:
        if statement not in ids:
            raise bad(f"{what} names statement {statement!r}, which is not in 'statements'")

    for i, f in enumerate(records(report["facts"], "facts")):
        fields(f, f"facts[{i}]", "id coverage label", optional="representative")
        name = f"fact {f['id']}"
        for key in ("statements", "sources"):
            if not isinstance(f.get(key), list) or not all(isinstance(x, str) for x in f[key]):
                raise bad(f"{name}: '{key}' is not a list of IDs")
        if not f["statements"]:
            raise bad(f"{name} has no statements")
        for s in f["statements"]:
            known(s, name)
        for source in f["sources"]:
            if source not in sources:
                raise bad(f"{name} names source {source!r}, which is not in 'sources'")
        if f.get("representative") is not None and f["representative"] not in f["statements"]:
            raise bad(f"{name}: its representative is not one of its statements")
        for c in records(f.get("conflicts") or [], f"{name}: conflicts"):
            fields(c, f"a conflict of {name}", "kind a b value_a value_b reason")
            known(c["a"], f"a conflict of {name}")
            known(c["b"], f"a conflict of {name}")
    for i, q in enumerate(records(report["quotes"], "quotes")):
        fields(q, f"quotes[{i}]", "kind a", optional="b speaker_a speaker_b text_a text_b diff")
        known(q["a"], f"quotes[{i}]")
        if q.get("b") is not None:
            known(q["b"], f"quotes[{i}]")
    for i, p in enumerate(records(report["failures"], "failures")):
        fields(p, f"failures[{i}]", "file problem")


def load_report(path: Path) -> dict[str, Any]:
    """Read and validate one JSON report.

    Raises:
        CorpusError: the file cannot be read, is not JSON, or is not a valid report.
    """
    import json

    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as err:
        raise CorpusError(path, "no such file; expected a JSON report") from err
    except IsADirectoryError as err:
        raise CorpusError(path, "is a folder; expected a JSON report file") from err
    except OSError as err:
        raise CorpusError(path, f"cannot read the report: {err.strerror or err}") from err
    except UnicodeDecodeError as err:
        raise CorpusError(path, "not a JSON report (not UTF-8 text)") from err
    try:
        data = json.loads(text)
    except ValueError as err:
        raise CorpusError(path, f"not a JSON report (invalid JSON: {err})") from err
    validate_report(data, path)
    assert isinstance(data, dict)
    return data


# --------------------------------------------------------------------------- matching


class _Index:
    """Lookups into one (validated) report."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.statements: dict[str, Mapping[str, Any]] = {
            s["id"]: s for s in report.get("statements") or []
        }
        self.sources: dict[str, Mapping[str, Any]] = {
            s["id"]: s for s in report.get("sources") or []
        }
        self.by_source: dict[str, list[str]] = {}
        for s in report.get("statements") or []:
            self.by_source.setdefault(s["source"], []).append(s["id"])
        self.keys = {sid: text_key(s["text"]) for sid, s in self.statements.items()}
        self.source_ids = set(self.sources) | set(self.by_source)

    def text(self, statement: str) -> str:
        return str(self.statements[statement]["text"])

    def source(self, statement: str) -> str:
        return str(self.statements[statement]["source"])

    def label(self, source: str) -> str:
        return str(self.sources.get(source, {}).get("label") or source)

    def file(self, source: str) -> str:
        return str(self.sources.get(source, {}).get("file") or source)

    def outlet(self, source: str) -> str:
        return " ".join(str(self.sources.get(source, {}).get("outlet") or "").casefold().split())

    def url(self, source: str) -> str:
        return str(self.sources.get(source, {}).get("url") or "").strip()

    def meta(self, source: str, field: str) -> str | None:
        """A metadata field of ``source`` as the report gives it, spacing collapsed."""
        value = self.sources.get(source, {}).get(field)
        if value is None:
            return None
        return " ".join(str(value).split()) or None

    def facts(self) -> list[Mapping[str, Any]]:
        return list(self.report.get("facts") or [])


def _dice(a: Counter[str], b: Counter[str]) -> float:
    total = sum(a.values()) + sum(b.values())
    return 2 * sum((a & b).values()) / total if total else 0.0


def _greedy(candidates: Iterable[tuple[float, _K, _T]]) -> list[tuple[_K, _T]]:
    """One-to-one pairs from (score, left, right), highest score first (ties: input order)."""
    used_left: set[_K] = set()
    used_right: set[_T] = set()
    pairs = []
    for _, left, right in sorted(candidates, key=lambda c: -c[0]):
        if left in used_left or right in used_right:
            continue
        used_left.add(left)
        used_right.add(right)
        pairs.append((left, right))
    return pairs


def _two_outlets(old: _Index, o: str, new: _Index, n: str) -> bool:
    """Whether old source ``o`` and new source ``n`` are two outlets: both name one, the
    names do not read as one (:func:`same_outlet`), and they do not give the same URL."""
    a, b = old.outlet(o), new.outlet(n)
    if not a or not b or same_outlet(a, b):
        return False
    return not (old.url(o) and old.url(o) == new.url(n))


def _match_sources(old: _Index, new: _Index) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """``old source -> new source`` (same ID, or renamed), and the renames."""
    mapping = {s: s for s in old.source_ids & new.source_ids}
    gone = sorted(old.source_ids - new.source_ids)
    born = sorted(new.source_ids - old.source_ids)
    content_old = {s: Counter(old.keys[x] for x in old.by_source.get(s, [])) for s in gone}
    content_new = {s: Counter(new.keys[x] for x in new.by_source.get(s, [])) for s in born}
    candidates = []
    for o in gone:
        for n in born:
            if _two_outlets(old, o, new, n):
                continue  # a source removed and another outlet's added
            score = _dice(content_old[o], content_new[n])
            if score >= RENAME_SIMILARITY:
                candidates.append((score, o, n))
    renames = _greedy(candidates)
    mapping.update(renames)
    return mapping, sorted(renames)


def _edit_pairs(old_keys: Sequence[str], new_keys: Sequence[str]) -> list[tuple[int, int]]:
    """Index pairs (old, new) of statements that are one statement edited: word similarity
    (difflib ratio) at least :data:`REVISION_SIMILARITY`, best first, one to one. The
    shared-word count bounds the ratio from above, so most pairs skip difflib."""
    old_words = [k.split() for k in old_keys]
    new_words = [k.split() for k in new_keys]
    old_bags, new_bags = [Counter(w) for w in old_words], [Counter(w) for w in new_words]
    candidates = []
    for i, (a, bag_a) in enumerate(zip(old_words, old_bags, strict=True)):
        for j, (b, bag_b) in enumerate(zip(new_words, new_bags, strict=True)):
            total = len(a) + len(b)
            if not total or 2 * sum((bag_a & bag_b).values()) < REVISION_SIMILARITY * total:
                continue
            score = difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
            if score >= REVISION_SIMILARITY:
                candidates.append((score, i, j))
    return _greedy(candidates)


@dataclass(frozen=True, slots=True)
class _SourceEdit:
    old: str
    new: str
    removed: tuple[str, ...]  # old statement IDs
    added: tuple[str, ...]  # new statement IDs
    edited: tuple[tuple[str, str], ...]  # (old ID, new ID)


def _match_statements(
    old: _Index, new: _Index, sources: Mapping[str, str]
) -> tuple[dict[str, str], list[_SourceEdit]]:
    """``old statement -> new statement`` within matched sources, and each source's edits."""
    mapping: dict[str, str] = {}
    edits = []
    for o, n in sorted(sources.items(), key=lambda p: p[1]):
        old_ids, new_ids = old.by_source.get(o, []), new.by_source.get(n, [])
        waiting: dict[str, list[str]] = {}
        for sid in new_ids:
            waiting.setdefault(new.keys[sid], []).append(sid)
        rest_old, same = [], set()
        for sid in old_ids:
            equal = waiting.get(old.keys[sid])
            if equal:
                mapping[sid] = equal.pop(0)
                same.add(mapping[sid])
            else:
                rest_old.append(sid)
        rest_new = [sid for sid in new_ids if sid not in same]
        edited = [
            (rest_old[i], rest_new[j])
            for i, j in _edit_pairs(
                [old.keys[a] for a in rest_old], [new.keys[b] for b in rest_new]
            )
        ]
        mapping.update(edited)
        done_old, done_new = {a for a, _ in edited}, {b for _, b in edited}
        edits.append(
            _SourceEdit(
                old=o,
                new=n,
                removed=tuple(s for s in rest_old if s not in done_old),
                added=tuple(s for s in rest_new if s not in done_new),
                edited=tuple(sorted(edited, key=lambda p: new_ids.index(p[1]))),
            )
        )
    return mapping, edits


def _match_facts(
    old: _Index, new: _Index, statements: Mapping[str, str]
) -> tuple[list[tuple[Mapping[str, Any], Mapping[str, Any]]], list[Any], list[Any]]:
    """Pairs (old fact, new fact) sharing matched statements, largest overlap first; and
    the unmatched old and new facts."""
    old_facts, new_facts = old.facts(), new.facts()
    fact_of = {s: j for j, f in enumerate(new_facts) for s in f["statements"]}
    candidates = []
    for i, f in enumerate(old_facts):
        shared = Counter(
            fact_of[statements[s]]
            for s in f["statements"]
            if s in statements and statements[s] in fact_of
        )
        candidates += [(float(n), i, j) for j, n in sorted(shared.items())]
    pairs = _greedy(candidates)
    used_old, used_new = {i for i, _ in pairs}, {j for _, j in pairs}
    return (
        [(old_facts[i], new_facts[j]) for i, j in sorted(pairs)],
        [f for i, f in enumerate(old_facts) if i not in used_old],
        [f for j, f in enumerate(new_facts) if j not in used_new],
    )


def _surplus(items: Sequence[tuple[_K, _T]], other: Iterable[_K]) -> list[_T]:
    """The items whose key occurs more often in ``items`` than in ``other`` (the later
    ones of each key), in order."""
    budget = Counter(other)
    out = []
    for key, item in items:
        if budget[key] > 0:
            budget[key] -= 1
        else:
            out.append(item)
    return out


def typed_key(kind: str, norm: str) -> str:
    """The key a typed value is matched by: its kind and normalised value without the
    qualifier marks ("count:~1200" and "count:1200" are one value)."""
    return f"{kind}:{_QUALIFIER_MARKS.sub('', norm)}"


def _value_key(statement: Mapping[str, Any], value: str) -> tuple[str, tuple[str, str]]:
    """A conflict side's value and what it measures: a typed value's amount without
    qualifier, and its kind and unit ("count:3 worker", ("count", "worker")); an event
    phrase's key, and ("", "") (the conflict's kind says what it is about)."""
    for v in statement.get("values") or []:
        if isinstance(v, Mapping) and v.get("text") == value and v.get("kind") in _TYPED_VALUES:
            norm = v.get("norm")
            if isinstance(norm, str) and norm:
                unit = v.get("unit")
                measure = (str(v["kind"]), unit if isinstance(unit, str) else "")
                return typed_key(str(v["kind"]), norm), measure
    return text_key(value), ("", "")


@dataclass(frozen=True, slots=True)
class _Side:
    """One side of a conflict: its value as written, its sentence, the value compared and
    what it measures (see :func:`_value_key`)."""

    value: str
    text: str
    key: str
    measure: tuple[str, str]


@dataclass(frozen=True, slots=True)
class _Conflict:
    """One conflict of a report with the keys it is matched by (sources through ``canon``,
    facts through ``fact_key``): ``key`` its fact, kind and two (source, value) sides;
    ``pair`` its fact, kind and two sources; ``disagreement`` its fact, kind and two
    values."""

    key: Hashable
    pair: Hashable
    disagreement: Hashable
    sides: Mapping[str, _Side]  # canonical source -> its side
    change: ConflictChange


def _conflicts(
    ix: _Index, fact_key: Callable[[str], str], canon: Callable[[str], str]
) -> list[_Conflict]:
    out: list[_Conflict] = []
    for fact in ix.facts():
        for c in fact.get("conflicts") or []:
            sa, sb = ix.source(c["a"]), ix.source(c["b"])
            va, ma = _value_key(ix.statements[c["a"]], c["value_a"])
            vb, mb = _value_key(ix.statements[c["b"]], c["value_b"])
            f = fact_key(fact["id"])
            change = ConflictChange(
                fact=fact["id"],
                kind=c["kind"],
                source_a=sa,
                source_b=sb,
                label_a=ix.label(sa),
                label_b=ix.label(sb),
                value_a=c["value_a"],
                value_b=c["value_b"],
                text_a=ix.text(c["a"]),
                text_b=ix.text(c["b"]),
                reason=c["reason"],
                key_a=va,
                key_b=vb,
            )
            out.append(
                _Conflict(
                    key=(f, c["kind"], frozenset({(canon(sa), va), (canon(sb), vb)})),
                    pair=(f, c["kind"], frozenset({canon(sa), canon(sb)})),
                    disagreement=(f, c["kind"], frozenset({va, vb})),
                    sides={
                        canon(sa): _Side(c["value_a"], ix.text(c["a"]), va, ma),
                        canon(sb): _Side(c["value_b"], ix.text(c["b"]), vb, mb),
                    },
                    change=change,
                )
            )
    return out


@dataclass(frozen=True, slots=True)
class _ConflictChanges:
    new: tuple[ConflictChange, ...]
    resolved: tuple[ConflictChange, ...]
    changed: tuple[ConflictEdit, ...]
    joined: tuple[ConflictChange, ...]
    left: tuple[ConflictChange, ...]
    gone: tuple[GoneConflict, ...]


def _one_side_edited(old: _Conflict, new: _Conflict) -> bool:
    """Whether ``new`` is ``old`` with one side's value edited: the same fact, kind and two
    sources, one source's value the same in both, the other's different but measuring the
    same thing (the same value kind and unit: "27 others" to "72 others", never "four
    workers" to "27 others", which are two different figures of one sentence)."""
    if old.pair != new.pair or len(new.sides) != 2:
        return False
    same = [s for s in new.sides if old.sides[s].key == new.sides[s].key]
    edited = [s for s in new.sides if old.sides[s].key != new.sides[s].key]
    return (
        len(same) == 1
        and len(edited) == 1
        and old.sides[edited[0]].measure == new.sides[edited[0]].measure
    )


def _conflict_changes(
    co: Sequence[_Conflict], cn: Sequence[_Conflict], gone_why: Callable[[str], str | None]
) -> _ConflictChanges:
    """Sort the conflicts that differ between two reports (see the module docstring, 4):
    ``gone_why(old source)`` says why a source of the old report is no longer read (None:
    it still is). The known disagreements a new pair can join are the old report's only:
    a changed conflict's new values are no known disagreement."""
    appeared = _surplus([(c.key, c) for c in cn], (c.key for c in co))
    went = _surplus([(c.key, c) for c in co], (c.key for c in cn))
    known_old = {c.disagreement for c in co}
    known_new = {c.disagreement for c in cn}
    changed: list[ConflictEdit] = []
    for c in appeared[:]:
        old = next((o for o in went if _one_side_edited(o, c)), None)
        if old is None:
            continue
        appeared.remove(c)
        went.remove(old)
        # a new conflict's sources are the new report's IDs, as are the old one's canon
        side_a, side_b = old.sides[c.change.source_a], old.sides[c.change.source_b]
        changed.append(
            ConflictEdit(
                c.change,
                side_a.value,
                side_b.value,
                side_a.text,
                side_b.text,
                known=c.disagreement in known_old,
            )
        )
    gone: list[GoneConflict] = []
    resolved: list[ConflictChange] = []
    left: list[ConflictChange] = []
    for c in went:
        sides = ((c.change.source_a, c.change.label_a), (c.change.source_b, c.change.label_b))
        whys = [f"{label}: {why}" for source, label in sides if (why := gone_why(source))]
        if whys:
            gone.append(GoneConflict(c.change, "; ".join(whys)))
        elif c.disagreement in known_new:
            left.append(c.change)
        else:
            resolved.append(c.change)
    return _ConflictChanges(
        new=tuple(c.change for c in appeared if c.disagreement not in known_old),
        resolved=tuple(resolved),
        changed=tuple(changed),
        joined=tuple(c.change for c in appeared if c.disagreement in known_old),
        left=tuple(left),
        gone=tuple(gone),
    )


def _quotes(ix: _Index, canon: Callable[[str], str] = str) -> list[tuple[Hashable, QuoteChange]]:
    """The report's quote findings, each with its key: the kind and the set of its sides,
    a side being (its source through ``canon``, its speaker's key, its words' key)."""
    out: list[tuple[Hashable, QuoteChange]] = []
    for q in ix.report.get("quotes") or []:
        speakers = [s for s in (q.get("speaker_a"), q.get("speaker_b")) if s]
        a, b = ix.source(q["a"]), ix.source(q["b"]) if q.get("b") else None
        sides = frozenset(
            {
                (canon(a), text_key(q.get("speaker_a")), text_key(q.get("text_a"))),
                (canon(b) if b else None, text_key(q.get("speaker_b")), text_key(q.get("text_b"))),
            }
        )
        key = (q["kind"], sides)
        change = QuoteChange(
            kind=q["kind"],
            speaker=speakers[0] if speakers else "",
            source_a=a,
            source_b=b,
            label_a=ix.label(a),
            label_b=ix.label(b) if b else None,
            text_a=q.get("text_a") or "",
            text_b=q.get("text_b"),
            diff=q.get("diff"),
        )
        out.append((key, change))
    return out


def _failures(report: Report) -> list[tuple[str, str]]:
    return [(p["file"], p["problem"]) for p in report.get("failures") or []]


def _failure_changes(
    old: Report, new: _Index
) -> tuple[list[tuple[str, str]], list[tuple[str, str]], list[tuple[str, str]]]:
    """Input problems that appeared, that were fixed (the file is read as a source now),
    and that went with their file (it is neither read nor failing in the new report). A
    file that fails in both reports with another problem shows only its new one."""
    fo, fn = _failures(old), _failures(new.report)
    new_failures = _surplus([(p, p) for p in fn], fo)
    read = {new.file(s) for s in new.sources}
    failing = {f for f, _ in fn}
    gone = _surplus([(p, p) for p in fo], fn)
    fixed = [p for p in gone if p[0] in read]
    removed = [p for p in gone if p[0] not in read and p[0] not in failing]
    return new_failures, fixed, removed


def _metadata(old: _Index, new: _Index, sources: Mapping[str, str]) -> list[MetadataChange]:
    """The metadata changes of each pair of matched sources (old -> new), by new source
    ID; an outlet change is left out when it changed the label (a relabel shows it)."""
    out = []
    for o, n in sorted(sources.items(), key=lambda p: p[1]):
        changes = tuple(
            (name, old.meta(o, name), new.meta(n, name))
            for name in METADATA_FIELDS
            if old.meta(o, name) != new.meta(n, name)
            and not (name == "outlet" and old.label(o) != new.label(n))
        )
        if changes:
            out.append(MetadataChange(n, new.label(n), new.file(n), changes))
    return out


def _derived(ix: _Index, canon: Callable[[str], str]) -> dict[str, tuple[tuple[str, str], ...]]:
    """Each derived source of a report -> its (original, kind) pairs, sources through
    ``canon``. A report without ``derivations`` (an older version) has none."""
    out: dict[str, set[tuple[str, str]]] = {}
    for d in ix.report.get("derivations") or []:
        if isinstance(d, Mapping) and all(isinstance(d.get(k), str) for k in _DERIVATION_FIELDS):
            out.setdefault(canon(d["derived"]), set()).add((canon(d["original"]), d["kind"]))
    return {source: tuple(sorted(pairs)) for source, pairs in out.items()}


def _derivation_changes(
    old: _Index, new: _Index, canon: Callable[[str], str]
) -> tuple[DerivationChange, ...]:
    """The sources read in both reports whose derivations differ (a copy of another
    original now, independent now, or a copy now), by new source ID. An added or removed
    source is listed as such, not here."""
    before, now = _derived(old, canon), _derived(new, str)
    both = {canon(s) for s in old.source_ids} & new.source_ids
    return tuple(
        DerivationChange(s, before.get(s, ()), now.get(s, ()))
        for s in sorted(both)
        if before.get(s, ()) != now.get(s, ())
    )


def _labels(*indexes: _Index) -> tuple[tuple[str, str], ...]:
    labels: dict[str, str] = {}
    for ix in indexes:
        for source in sorted(ix.source_ids):
            labels.setdefault(source, ix.label(source))
    return tuple(sorted(labels.items()))


def _shown_text(ix: _Index, fact: Mapping[str, Any]) -> str:
    """The text the report shows a fact by: its ``representative`` statement (see
    :func:`factcheck.report.representative`). A report of an older version does not record
    it; it showed the statement with the smallest digest, which is what the function picks
    without a graph."""
    shown = fact.get("representative")
    if shown not in fact["statements"]:
        from factcheck.report import representative

        shown = representative({s: ix.text(s) for s in fact["statements"]})
    return ix.text(str(shown))


def _unique_only(side: _Index, other: _Index, edited: set[str]) -> tuple[tuple[str, str, str], ...]:
    """``side``'s unique facts whose statement ``other`` does not hold (edited statements
    aside, which the revisions show): (fact ID, source, the statement shown)."""
    other_keys = set(other.keys.values())
    return tuple(
        (f["id"], f["sources"][0], _shown_text(side, f))
        for f in side.facts()
        if f["coverage"] == "unique"
        and side.keys[f["statements"][0]] not in other_keys
        and f["statements"][0] not in edited
    )


def diff_reports(old: Report | None, new: Report | None) -> StoryDiff:
    """What changed from ``old`` to ``new`` (either may be None: a story added or removed).

    A story that was added lists all its conflicts as new, and its misquotes (altered,
    misattributed: :data:`MISQUOTES`) and input problems, which is what a gate would fail on.

    Raises:
        CorpusError: a report lacks what the diff reads (see :func:`validate_report`), or
            the two reports are of different stories (named in the message).
    """
    for report, side in ((old, "old report"), (new, "new report")):
        if report is not None:
            validate_report(report, side)
    if old is not None and new is not None and old.get("story") != new.get("story"):
        raise CorpusError(
            "new report",
            f"its story is {new.get('story')!r}, the old report's is {old.get('story')!r}; "
            "diff compares two reports of one story",
        )
    story = str((new or old or {}).get("story", "?"))
    if old is None and new is None:
        return StoryDiff(story, "unchanged")
    if old is None:
        assert new is not None
        ix = _Index(new)
        return StoryDiff(
            story,
            "added",
            new_conflicts=tuple(c.change for c in _conflicts(ix, str, str)),
            new_quotes=tuple(q for _, q in _quotes(ix) if q.kind in MISQUOTES),
            new_failures=tuple(_failures(new)),
            labels=_labels(ix),
        )
    if new is None:
        ix = _Index(old)
        return StoryDiff(
            story,
            "removed",
            gone_conflicts=tuple(
                GoneConflict(c.change, "the story was removed") for c in _conflicts(ix, str, str)
            ),
            labels=_labels(ix),
        )
    io, in_ = _Index(old), _Index(new)
    sources, renames = _match_sources(io, in_)
    statements, edits = _match_statements(io, in_, sources)
    pairs, gone, born = _match_facts(io, in_, statements)

    def canon(source: str) -> str:
        return sources.get(source, source)

    fact_of_old = {f_old["id"]: f_new["id"] for f_old, f_new in pairs}
    co = _conflicts(io, lambda f: fact_of_old.get(f, f"old {f}"), canon)
    cn = _conflicts(in_, str, str)
    qo, qn = _quotes(io, canon), _quotes(in_)

    changes = []
    for f_old, f_new in pairs:
        was = {canon(s) for s in f_old["sources"]}
        gained = tuple(sorted(set(f_new["sources"]) - was))
        lost = tuple(sorted(was - set(f_new["sources"])))
        if gained or lost:
            changes.append(FactChange(f_new["id"], _shown_text(in_, f_new), gained, lost))
    for f in born:
        if len(f["sources"]) > 1:
            changes.append(FactChange(f["id"], _shown_text(in_, f), tuple(f["sources"]), ()))
    for f in gone:
        if len(f["sources"]) > 1:
            lost = tuple(sorted(canon(s) for s in f["sources"]))
            changes.append(FactChange(f["id"], _shown_text(io, f), (), lost))

    new_unique = _unique_only(in_, io, {b for e in edits for _, b in e.edited})
    lost_unique = _unique_only(io, in_, {a for e in edits for a, _ in e.edited})
    revisions = tuple(
        Revision(
            source=e.new,
            label=in_.label(e.new),
            file=in_.file(e.new),
            old_file=io.file(e.old),
            added=tuple(in_.text(s) for s in e.added),
            removed=tuple(io.text(s) for s in e.removed),
            edited=tuple((io.text(a), in_.text(b)) for a, b in e.edited),
        )
        for e in edits
        if e.added or e.removed or e.edited
    )
    renamed = {o for o, _ in renames} | {n for _, n in renames}
    new_failures, fixed_failures, removed_failures = _failure_changes(old, in_)
    failing = {f for f, _ in _failures(new)}

    def gone_why(source: str) -> str | None:
        if canon(source) in in_.source_ids:
            return None
        return "unreadable now" if io.file(source) in failing else "removed"

    conflicts = _conflict_changes(co, cn, gone_why)
    diff = StoryDiff(
        story=story,
        status="changed",
        sources_added=tuple(sorted(in_.source_ids - io.source_ids - renamed)),
        sources_removed=tuple(sorted(io.source_ids - in_.source_ids - renamed)),
        renames=tuple(
            Rename(o, n, io.file(o), in_.file(n), io.label(o), in_.label(n))
            for o, n in sorted(sources.items())
            if (io.file(o), io.label(o)) != (in_.file(n), in_.label(n))
        ),
        new_conflicts=conflicts.new,
        resolved_conflicts=conflicts.resolved,
        changed_conflicts=conflicts.changed,
        joined_conflicts=conflicts.joined,
        left_conflicts=conflicts.left,
        gone_conflicts=conflicts.gone,
        facts=tuple(sorted(changes, key=lambda c: (c.fact, c.text))),
        new_unique=new_unique,
        lost_unique=lost_unique,
        derivations=_derivation_changes(io, in_, canon),
        new_quotes=tuple(_surplus(qn, (k for k, _ in qo))),
        gone_quotes=tuple(_surplus(qo, (k for k, _ in qn))),
        revisions=revisions,
        fact_ids=tuple(sorted((a["id"], b["id"]) for a, b in pairs if a["id"] != b["id"])),
        new_failures=tuple(new_failures),
        fixed_failures=tuple(fixed_failures),
        removed_failures=tuple(removed_failures),
        metadata=tuple(_metadata(io, in_, sources)),
        labels=_labels(in_, io),
    )
    return diff if not diff.empty else StoryDiff(story, "unchanged")


# --------------------------------------------------------------------------- gate


def gate(new: Report, baseline: Report | None, conditions: Iterable[str]) -> list[str]:
    """Reasons to fail, one line each, for the chosen ``conditions`` (see
    :data:`FAIL_CONDITIONS`). ``new-*`` conditions compare with ``baseline`` the way
    :func:`diff_reports` does; without a baseline every conflict or misquote is new.
    ``new-conflict`` counts disagreements (fact, kind and two values), not source pairs: a
    new conflict, or a changed one whose two values no conflict of the baseline had on
    that fact; the line names the first :data:`MAX_GATE_ITEMS`, each with the sources on
    each side. Claim divergences (kind ``claim``) never fail the gate."""
    validate_report(new, "new report")
    reasons = []
    wanted = set(conditions)
    story = new.get("story", "?")
    conflicts = [
        c
        for f in new.get("facts") or []
        if f["label"] == "conflict"
        for c in f.get("conflicts") or []
        if c["kind"] != "claim"
    ]
    if "conflict" in wanted and conflicts:
        reasons.append(f"{story}: {len(conflicts)} conflict(s) between sources")
    changes = diff_reports(baseline, new) if wanted & {"new-conflict", "new-misquote"} else None
    if "new-conflict" in wanted and changes is not None:
        fresh = [
            c
            for c in (
                *changes.new_conflicts,
                *(e.conflict for e in changes.changed_conflicts if not e.known),
            )
            if c.kind != "claim"
        ]
        if fresh:
            groups = _grouped(fresh)
            items = [
                f"{g[0].fact} {g[0].kind}: "
                + " vs ".join(f"{_names(labels)} {value}" for value, labels, _ in _sides(g))
                for g in groups[:MAX_GATE_ITEMS]
            ]
            if len(groups) > MAX_GATE_ITEMS:
                items.append(f"and {len(groups) - MAX_GATE_ITEMS} more")
            reasons.append(f"{story}: {len(groups)} new conflict(s): " + "; ".join(items))
    kinds = Counter(q.kind for _, q in _quotes(_Index(new)))
    if "misquote" in wanted and any(kinds[k] for k in MISQUOTES):
        reasons.append(
            f"{story}: {kinds[QuoteClass.ALTERED]} altered and "
            f"{kinds[QuoteClass.MISATTRIBUTED]} misattributed quote(s)"
        )
    if "unsupported-quote" in wanted and kinds[QuoteClass.UNSUPPORTED]:
        reasons.append(
            f"{story}: {kinds[QuoteClass.UNSUPPORTED]} unsupported quote(s) (no other source "
            "carries them)"
        )
    if "new-misquote" in wanted and changes is not None:
        fresh_q = [q for q in changes.new_quotes if q.kind in MISQUOTES]
        if fresh_q:
            reasons.append(f"{story}: {len(fresh_q)} new misquote(s)")
    return reasons


# --------------------------------------------------------------------------- markdown


def _esc(text: str) -> str:
    from factcheck.report import md_escape

    return md_escape(text)


def _code(text: str) -> str:
    """Text as an inline code span, shown as written (backticks too): nothing in it is
    markdown or HTML (see :func:`factcheck.report.md_code`)."""
    from factcheck.report import md_code

    return md_code(text)


def _short(text: str, limit: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _edit_diff(old: str, new: str) -> str:
    """Word diff of an edited sentence; the changed words are never cut, and the unchanged
    ones are written as in the new sentence ("the dam", not the old "The dam")."""
    from factcheck.textdiff import word_diff

    a, b = old.split(), new.split()
    folded_a, folded_b = [w.casefold() for w in a], [w.casefold() for w in b]
    return word_diff(folded_a, folded_b, a, b, unchanged_from="b")  # as the sentence reads now


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}"


def _summary(d: StoryDiff) -> str:
    parts = []
    # conflicts are counted by disagreement (fact, kind, two values), not by source pair
    if d.new_conflicts:
        parts.append(_n(len(_grouped(d.new_conflicts)), "new conflict(s)"))
    if d.changed_conflicts:
        parts.append(_n(len(_grouped_edits(d.changed_conflicts)), "changed conflict(s)"))
    if d.resolved_conflicts:
        parts.append(_n(len(_grouped(d.resolved_conflicts)), "resolved"))
    if d.gone_conflicts:
        gone = _grouped(g.conflict for g in d.gone_conflicts)
        parts.append(_n(len(gone), "conflict(s) gone with their source"))
    if d.joined_conflicts:
        parts.append(_n(len(_grouped(d.joined_conflicts)), "known conflict(s) joined by a source"))
    if d.left_conflicts:
        parts.append(_n(len(_grouped(d.left_conflicts)), "known conflict(s) left by a source"))
    if d.facts:
        parts.append(_n(len(d.facts), "fact(s) gained or lost sources"))
    if d.new_unique:
        parts.append(_n(len(d.new_unique), "new unique detail(s)"))
    if d.lost_unique:
        parts.append(_n(len(d.lost_unique), "unique detail(s) gone"))
    if d.derivations:
        parts.append(_n(len(d.derivations), "provenance change(s)"))
    if d.new_quotes or d.gone_quotes:
        parts.append(f"quotes: {len(d.new_quotes)} new, {len(d.gone_quotes)} gone")
    if d.revisions:
        parts.append(_n(len(d.revisions), "article(s) revised"))
    if d.new_failures or d.fixed_failures or d.removed_failures:
        problems = f"input problems: {len(d.new_failures)} new, {len(d.fixed_failures)} fixed"
        if d.removed_failures:
            problems += f", {len(d.removed_failures)} gone with their file(s)"
        parts.append(problems)
    if d.sources_added or d.sources_removed:
        parts.append(f"sources: +{len(d.sources_added)} −{len(d.sources_removed)}")
    renamed = sum(r.old_file != r.new_file for r in d.renames)
    if renamed:
        parts.append(_n(renamed, "source(s) renamed"))
    if len(d.renames) > renamed:
        parts.append(_n(len(d.renames) - renamed, "source(s) relabelled"))
    if d.metadata:
        parts.append(_n(len(d.metadata), "source(s) with new metadata"))
    if d.fact_ids and not parts:
        parts.append(_n(len(d.fact_ids), "fact ID(s) changed"))
    return " · ".join(parts)


def _grouped(changes: Iterable[ConflictChange]) -> list[list[ConflictChange]]:
    """Conflicts grouped by disagreement (fact, kind and two compared values), in order of
    first appearance: the pairs of sources that disagree in the same way are one item."""
    groups: dict[Hashable, list[ConflictChange]] = {}
    for c in changes:
        groups.setdefault(c.disagreement, []).append(c)
    return list(groups.values())


def _sides(group: Sequence[ConflictChange]) -> list[tuple[str, list[str], list[tuple[str, str]]]]:
    """The sides of one disagreement: (its value as first written, the labels of the
    sources that give it, (label, sentence) of each), the side with fewer sources first
    (the odd one out, usually the new or the changed figure; ties keep the order of the
    first conflict's sides)."""
    sides: dict[str, tuple[str, list[str], list[tuple[str, str]], set[str]]] = {}
    for c in group:
        for source, label, value, key, text in (
            (c.source_a, c.label_a, c.value_a, c.key_a or text_key(c.value_a), c.text_a),
            (c.source_b, c.label_b, c.value_b, c.key_b or text_key(c.value_b), c.text_b),
        ):
            _, labels, texts, seen = sides.setdefault(key, (value, [], [], set()))
            if source not in seen:
                seen.add(source)
                labels.append(label)
                texts.append((label, text))
    ordered = sorted(sides.values(), key=lambda side: len(side[1]))
    return [(value, labels, texts) for value, labels, texts, _ in ordered]


def _names(labels: Sequence[str], limit: int = MAX_LABELS) -> str:
    """Labels as a list: "A, B and C"; past ``limit``, "A, B, C and 4 more"."""
    if len(labels) > limit:
        return ", ".join(labels[:limit]) + f" and {len(labels) - limit} more"
    if len(labels) > 1:
        return ", ".join(labels[:-1]) + f" and {labels[-1]}"
    return "".join(labels)


def _side_sentences(texts: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """The first :data:`MAX_SENTENCES` (label, sentence) of a side, then "and N more" (a
    line without a label)."""
    shown = list(texts[:MAX_SENTENCES])
    if len(texts) > MAX_SENTENCES:
        shown.append(("", f"and {len(texts) - MAX_SENTENCES} more source(s)"))
    return shown


def _conflict_item(group: Sequence[ConflictChange], *, sign: str = "", note: str = "") -> list[str]:
    """One disagreement (a group of :func:`_grouped`) as a list item: each side's sources
    and value, the first conflict's reason, the sentences folded in ``<details>``;
    ``sign`` goes before its kind ("joined: "), ``note`` after its reason."""
    c = group[0]
    sides = _sides(group)
    shown = " vs ".join(f"{_esc(_names(labels))} *{_esc(value)}*" for value, labels, _ in sides)
    return [
        f"- {sign}**{c.kind}** in {c.fact}: {shown}: {_esc(c.reason)}{note}",
        *_sentences([t for _, _, texts in sides for t in _side_sentences(texts)]),
    ]


def _sentences(items: Sequence[tuple[str, str]]) -> list[str]:
    return [
        "  <details><summary>sentences</summary>",
        "",
        *(
            f"  - {_esc(label)}: {_esc(text)}" if label else f"  - {_esc(text)}"
            for label, text in items
        ),
        "",
        "  </details>",
    ]


def _grouped_edits(edits: Iterable[ConflictEdit]) -> list[list[ConflictEdit]]:
    """Changed conflicts grouped by their disagreement now and the old values of each side
    (sources that made the same edit against the same other value are one item)."""
    groups: dict[Hashable, list[ConflictEdit]] = {}
    for e in edits:
        before = frozenset({text_key(e.old_value_a), text_key(e.old_value_b)})
        groups.setdefault((e.conflict.disagreement, before), []).append(e)
    return list(groups.values())


def _edited_conflict_item(group: Sequence[ConflictEdit]) -> list[str]:
    """A disagreement whose values changed: each side's sources and value, ``old → new``
    where it changed, the edited side first; the sentences now and, for the edited side,
    before (the first :data:`MAX_SENTENCES` of each)."""
    c = group[0].conflict
    # (old value, new value) -> labels and sentences now and before
    sides: dict[
        tuple[str, str], tuple[str, str, list[str], list[tuple[str, str]], list[tuple[str, str]]]
    ] = {}
    for e in group:
        k = e.conflict
        for label, old, new, old_text, new_text in (
            (k.label_a, e.old_value_a, k.value_a, e.old_text_a, k.text_a),
            (k.label_b, e.old_value_b, k.value_b, e.old_text_b, k.text_b),
        ):
            edited = text_key(old) != text_key(new)
            side = sides.setdefault(
                (text_key(old) if edited else "", text_key(new)),
                (old if edited else "", new, [], [], []),
            )
            if label not in side[2]:
                side[2].append(label)
                side[3].append((label, new_text))
                if edited:
                    side[4].append((f"{label}, before", old_text))
    ordered = sorted(sides.values(), key=lambda side: not side[0])  # the edited side first

    def shown(old: str, new: str, labels: Sequence[str]) -> str:
        was = f"*{_esc(old)}* → " if old else ""
        return f"{_esc(_names(labels))} {was}*{_esc(new)}*"

    sentences = [t for side in ordered for t in _side_sentences(side[3])]
    sentences += [t for side in ordered for t in _side_sentences(side[4])]
    return [
        f"- **{c.kind}** in {c.fact}: "
        + " vs ".join(shown(old, new, labels) for old, new, labels, _, _ in ordered)
        + f": {_esc(c.reason)}",
        *_sentences(sentences),
    ]


def _gone_lines(gone: Sequence[GoneConflict]) -> list[str]:
    """Conflicts gone with their source, one item per disagreement, with why (once each)."""
    why = {id(g.conflict): g.why for g in gone}
    out = []
    for group in _grouped(g.conflict for g in gone):
        whys = dict.fromkeys(w for c in group for w in why[id(c)].split("; "))
        out += _conflict_item(group, note=f" ({_esc('; '.join(whys))})")
    return out


def _conflict_sections(d: StoryDiff) -> list[str]:
    """The conflict groups of a changed story, each under its heading."""
    out: list[str] = []
    groups: list[tuple[str, list[str]]] = [
        ("New conflicts", [x for g in _grouped(d.new_conflicts) for x in _conflict_item(g)]),
        (
            "Changed conflicts",
            [x for g in _grouped_edits(d.changed_conflicts) for x in _edited_conflict_item(g)],
        ),
        (
            "Resolved conflicts",
            [x for g in _grouped(d.resolved_conflicts) for x in _conflict_item(g)],
        ),
        ("Conflicts gone with their source (not resolved)", _gone_lines(d.gone_conflicts)),
        (
            "Sources that joined or left a known conflict (the same two values)",
            [x for g in _grouped(d.joined_conflicts) for x in _conflict_item(g, sign="joined: ")]
            + [x for g in _grouped(d.left_conflicts) for x in _conflict_item(g, sign="left: ")],
        ),
    ]
    for heading, lines in groups:
        if lines:
            out += [f"#### {heading}", "", *lines, ""]
    return out


def _quote_item(sign: str, q: QuoteChange) -> str:
    where = _esc(q.label_a) + (f" / {_esc(q.label_b)}" if q.label_b else "")
    head = f"- {sign}**{q.kind}**, {_esc(q.speaker or 'unknown speaker')} ({where}): "
    if q.diff:
        return head + f"word diff {_code(q.diff)}"
    if q.text_b and text_key(q.text_b) != text_key(q.text_a):
        return head + f"“{_esc(_short(q.text_a, 100))}” / “{_esc(_short(q.text_b, 100))}”"
    return head + f"“{_esc(_short(q.text_a, 100))}”"


def _revision_lines(r: Revision) -> list[str]:
    name = _code(r.file) if r.file == r.old_file else f"{_code(r.old_file)} → {_code(r.file)}"
    counts = [
        f"{len(part)} statement(s) {verb}"
        for part, verb in ((r.edited, "edited"), (r.added, "added"), (r.removed, "removed"))
        if part
    ]
    out = [f"- {name}: {', '.join(counts)}"]
    out += [f"  - **±** {_code(_edit_diff(a, b))}" for a, b in r.edited]
    out += [f"  - **−** {_esc(_short(t))}" for t in r.removed]
    out += [f"  - **+** {_esc(_short(t))}" for t in r.added]
    return out


def _derivation_line(d: StoryDiff, c: DerivationChange) -> str:
    """ "- Valley News: now copy of Daily Courier (was copy of Associated Press)"."""

    def said(pairs: Sequence[tuple[str, str]]) -> str:
        return _esc(", ".join(f"{kind} of {d.label(o)}" for o, kind in pairs) or "independent")

    return f"- {_esc(d.label(c.source))}: now {said(c.new)} (was {said(c.old)})"


def _rename_line(r: Rename) -> str:
    labels = f"{_esc(r.old_label)} → {_esc(r.new_label)}"
    if r.old_file == r.new_file:
        return f"- relabelled: {_code(r.new_file)}: {labels}"
    line = f"- renamed: {_code(r.old_file)} → {_code(r.new_file)}"
    return line + (f" ({labels})" if r.old_label != r.new_label else "")


def _failure_lines(d: StoryDiff) -> list[str]:
    if not (d.new_failures or d.fixed_failures or d.removed_failures):
        return []
    return [
        "#### Input problems",
        "",
        *(f"- new: {_code(f)}: {_esc(p)}" for f, p in d.new_failures),
        *(f"- fixed: {_code(f)}: {_esc(p)}" for f, p in d.fixed_failures),
        *(f"- gone with the file: {_code(f)}: {_esc(p)}" for f, p in d.removed_failures),
        "",
    ]


def _shown_meta(value: str | None) -> str:
    return f"“{_esc(_short(value, 80))}”" if value is not None else "none"


def _metadata_line(m: MetadataChange) -> str:
    changes = "; ".join(
        f"{name} {_shown_meta(old)} → {_shown_meta(new)}" for name, old, new in m.changes
    )
    return f"- metadata of {_code(m.file)} ({_esc(m.label)}): {changes}"


def _added_story_lines(d: StoryDiff) -> list[str]:
    counts = [_n(len(_grouped(d.new_conflicts)), "conflict(s)")]
    if d.new_quotes:
        counts.append(_n(len(d.new_quotes), "misquote(s)"))
    if d.new_failures:
        counts.append(_n(len(d.new_failures), "input problem(s)"))
    out = [f"New story, with {', '.join(counts)}.", ""]
    if d.new_conflicts:
        out += ["#### Conflicts", ""]
        out += [line for g in _grouped(d.new_conflicts) for line in _conflict_item(g)]
        out.append("")
    if d.new_quotes:
        out += ["#### Misquotes", "", *(_quote_item("", q) for q in d.new_quotes), ""]
    return out + _failure_lines(d)


def _story_lines(d: StoryDiff) -> list[str]:
    head = f"### {_esc(d.story)}"
    if d.status == "unchanged":
        return [head, "", "No change in facts, conflicts or quotes.", ""]
    if d.status == "added":
        return [head, "", *_added_story_lines(d)]
    if d.status == "removed":
        return [head, "", "Story removed.", ""]
    out = [head, "", f"**{_summary(d)}**", ""]
    out += _conflict_sections(d)
    if d.facts:
        out += ["#### Facts that gained or lost sources", ""]
        for f in d.facts:
            change = ", ".join(
                [
                    *(f"+{_esc(d.label(s))}" for s in f.gained),
                    *(f"−{_esc(d.label(s))}" for s in f.lost),
                ]
            )
            out.append(f"- {f.fact} ({change}): {_esc(_short(f.text))}")
        out.append("")
    if d.new_unique:
        out += ["#### New unique details", ""]
        out += [
            f"- {fid} {_esc(d.label(src))}: {_esc(_short(text))}" for fid, src, text in d.new_unique
        ]
        out.append("")
    if d.lost_unique:
        out += ["#### Unique details gone", ""]
        out += [
            f"- {fid} {_esc(d.label(src))}: {_esc(_short(text))}"
            + (" (its source removed)" if src in d.sources_removed else "")
            for fid, src, text in d.lost_unique
        ]
        out.append("")
    if d.derivations:
        out += ["#### Provenance", "", *(_derivation_line(d, c) for c in d.derivations), ""]
    if d.new_quotes or d.gone_quotes:
        out += ["#### Quotes", ""]
        out += [_quote_item("new: ", q) for q in d.new_quotes]
        out += [_quote_item("gone: ", q) for q in d.gone_quotes]
        out.append("")
    if d.revisions:
        out += ["#### Revised articles", ""]
        out += [line for r in d.revisions for line in _revision_lines(r)]
        out.append("")
    out += _failure_lines(d)
    if d.sources_added or d.sources_removed or d.renames or d.metadata:
        out += [
            "#### Sources",
            "",
            *(f"- added: {_esc(d.label(s))}" for s in d.sources_added),
            *(f"- removed: {_esc(d.label(s))}" for s in d.sources_removed),
            *(_rename_line(r) for r in d.renames),
            *(_metadata_line(m) for m in d.metadata),
            "",
        ]
    if d.fact_ids:
        ids = ", ".join(f"{a} → {b}" for a, b in d.fact_ids)
        out += [f"Fact IDs changed with their statements: {ids}.", ""]
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
