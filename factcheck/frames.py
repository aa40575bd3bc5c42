"""Predicate-argument frames: who did what to what, read off spaCy's dependency parse.

A statement can hold several events ("Meta invested $14.3 billion in Scale AI and hired its
CEO"). Conflict detection needs to know which event a value belongs to, and whether two
aligned statements tell the same event, so each non-reporting verb becomes a :class:`Frame`::

    "Meta has not paused testing of its Llama model in June."
    Frame(verb="pause", text="paused", negated=True, subject="meta",
          obj="testing", preps=(("in", "june"), ("of", "model")), tokens=frozenset({...}))

Verbs are canonicalised through a small synonym table (halt, suspend -> pause), so that
"halted testing" and "paused testing" are the same action. Reporting verbs (say, write,
report, indicate ...) are not events: the clause they report is.

Arguments are the head lemmas of the subject, the direct object and each prepositional
object; a head inside a named entity is replaced by the entity's normalised name (see
:mod:`factcheck.extract`), so "Scale AI" and "Meta Platforms Inc." compare by name.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.types import Statement, Token, Value, ValueKind

__all__ = [
    "ANTONYMS",
    "REPORTING_VERBS",
    "Frame",
    "canonical_verb",
    "frame_of",
    "frames",
    "opposite",
]

#: Verbs that report speech or evidence; the event is in the clause they govern.
REPORTING_VERBS = frozenset(
    {
        "say", "tell", "write", "add", "explain", "note", "report", "indicate", "suggest",
        "speculate", "claim", "state", "announce", "argue", "believe",
        "think", "expect", "describe", "highlight", "emphasize", "emphasise", "acknowledge",
        "point", "reiterate", "affirm", "maintain", "mention", "predict", "show", "signal",
    }
)  # fmt: skip

#: Verbs that name the same action; each maps to one canonical lemma.
_SYNONYMS = {
    "halt": "pause", "suspend": "pause", "freeze": "pause", "stop": "pause",
    "pour": "invest", "plow": "invest", "sink": "invest",
    "slash": "cut", "reduce": "cut", "lower": "cut", "trim": "cut",
    "climb": "rise", "jump": "rise", "soar": "rise", "increase": "rise", "grow": "rise",
    "drop": "fall", "decline": "fall", "decrease": "fall", "plunge": "fall",
    "lay": "fire", "dismiss": "fire",
    "recruit": "hire", "poach": "hire",
    "unveil": "release", "launch": "release", "publish": "release",
    "back": "approve", "endorse": "approve",
    "refuse": "reject", "veto": "reject", "block": "reject",
    "restart": "resume", "reopen": "resume",
    "purchase": "buy", "acquire": "buy",
    "postpone": "delay",
}  # fmt: skip

#: Pairs of canonical verbs that say the opposite of each other.
ANTONYMS = frozenset(
    frozenset(p)
    for p in (
        ("pause", "resume"), ("rise", "fall"), ("approve", "reject"), ("hire", "fire"),
        ("open", "close"), ("win", "lose"), ("accept", "reject"), ("buy", "sell"),
        ("include", "exclude"), ("allow", "ban"), ("support", "oppose"), ("gain", "lose"),
        ("expand", "shrink"), ("start", "pause"), ("pass", "fail"), ("add", "remove"),
        ("confirm", "deny"), ("raise", "cut"),
    )
)  # fmt: skip

_NEGATORS = frozenset({"not", "n't", "never", "no"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "agent"})
_OBJECT_DEPS = frozenset({"dobj", "attr", "oprd"})
_ENTITY_KINDS = frozenset({ValueKind.PERSON, ValueKind.ORG, ValueKind.PLACE, ValueKind.PRODUCT})


def canonical_verb(lemma: str) -> str:
    lemma = lemma.lower()
    return _SYNONYMS.get(lemma, lemma)


def opposite(a: str, b: str) -> bool:
    """True when two canonical verbs are antonyms."""
    return frozenset((a, b)) in ANTONYMS


@dataclass(frozen=True, slots=True)
class Frame:
    """One event of a statement. ``tokens`` are the indices the event spans (its subtree,
    minus nested events), used to find which event a value belongs to."""

    verb: str
    text: str
    negated: bool
    subject: str | None
    subject_kind: ValueKind | None
    obj: str | None
    preps: tuple[tuple[str, str], ...]
    tokens: frozenset[int]

    def filler(self, role: str) -> str | None:
        if role == "subject":
            return self.subject
        if role == "obj":
            return self.obj
        return next((f for p, f in self.preps if p == role), None)


def _children(tokens: Sequence[Token]) -> list[list[int]]:
    kids: list[list[int]] = [[] for _ in tokens]
    for i, t in enumerate(tokens):
        if t.head != i and 0 <= t.head < len(tokens):
            kids[t.head].append(i)
    return kids


def _subtree(i: int, kids: list[list[int]], stop: set[int]) -> set[int]:
    out, todo = {i}, list(kids[i])
    while todo:
        j = todo.pop()
        if j in stop or j in out:
            continue
        out.add(j)
        todo.extend(kids[j])
    return out


def _holder(i: int, st: Statement) -> Value | None:
    tok = st.tokens[i]
    return next((v for v in st.values if v.start <= tok.start and tok.end <= v.end), None)


def _name(i: int, st: Statement) -> str | None:
    """An argument's name: the entity it heads, None inside a number or date (those are
    compared as values, not as arguments), the noun a relative pronoun stands for ("the plan
    *that* the council approved"), None for other pronouns, else its lemma."""
    tok = st.tokens[i]
    if tok.pos == "PRON" or tok.tag in {"WDT", "WP", "PRP"} or tok.lemma.lower() == "that":
        verb = st.tokens[tok.head]
        if verb.dep in {"relcl", "acl"} and tok.tag in {"WDT", "WP", "IN", "DT"}:
            return _name(verb.head, st) if verb.head != tok.head else None
        return None
    v = _holder(i, st)
    if v is None:
        return st.tokens[i].lemma.lower()
    return v.norm if v.kind in _ENTITY_KINDS else None


def _kind(i: int, st: Statement) -> ValueKind | None:
    v = _holder(i, st)
    return v.kind if v is not None and v.kind in _ENTITY_KINDS else None


def frames(st: Statement) -> list[Frame]:
    """The events of a statement, in token order. Pure; needs ``st.tokens`` and ``st.values``."""
    tokens = st.tokens
    if not tokens:
        return []
    kids = _children(tokens)
    verbs = [
        i
        for i, t in enumerate(tokens)
        if t.pos == "VERB" and canonical_verb(t.lemma) not in REPORTING_VERBS
    ]
    verb_set = set(verbs)
    out = []
    for i in verbs:
        t = tokens[i]
        subject = obj = None
        subject_at: int | None = None
        preps: list[tuple[str, str]] = []
        negated = False
        for k in kids[i]:
            dep = tokens[k].dep
            if dep == "neg" or tokens[k].lemma.lower() in _NEGATORS:
                negated = True
            elif dep in _SUBJECT_DEPS and subject_at is None:
                subject, subject_at = _name(k, st), k
            elif dep in _OBJECT_DEPS and obj is None:
                obj = _name(k, st)
            elif dep == "prep":
                pobj = next((g for g in kids[k] if tokens[g].dep == "pobj"), None)
                name = _name(pobj, st) if pobj is not None else None
                if name is not None:
                    preps.append((tokens[k].text.lower(), name))
        if subject is None and t.dep in {"xcomp", "conj"} and tokens[t.head].pos in {"VERB", "AUX"}:
            # "led Meta to pause": the controller's object acts; "X paused and resumed": the
            # first verb's subject does.
            deps = ("dobj", "nsubj", "nsubjpass") if t.dep == "xcomp" else ("nsubj", "nsubjpass")
            ctrl = sorted(
                (deps.index(tokens[k].dep), k) for k in kids[t.head] if tokens[k].dep in deps
            )
            if ctrl:
                subject_at = ctrl[0][1]
                subject = _name(subject_at, st)
        out.append(
            Frame(
                verb=canonical_verb(t.lemma),
                text=t.text,
                negated=negated,
                subject=subject,
                subject_kind=_kind(subject_at, st) if subject_at is not None else None,
                obj=obj,
                preps=tuple(sorted(preps)),
                tokens=frozenset(_subtree(i, kids, verb_set - {i})),
            )
        )
    return out


def frame_of(value: Value, st: Statement, fs: Sequence[Frame]) -> Frame | None:
    """The innermost event whose span holds ``value`` (None when no event holds it)."""
    idx = {i for i, t in enumerate(st.tokens) if value.start <= t.start and t.end <= value.end}
    holding = [f for f in fs if idx and idx <= f.tokens]
    return min(holding, key=lambda f: len(f.tokens)) if holding else None
