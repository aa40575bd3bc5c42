"""Conflicts between two aligned statements: typed values and events, never embeddings.

Embeddings cannot see contradictions ("$14.3B" and "$2B" in the same sentence score 0.93),
so conflicts come from the typed values of :mod:`factcheck.extract` and the events of
:mod:`factcheck.frames`, and only between statements the aligner put in one fact.

Kinds, strongest first:

- **value / date**: for one kind of value (money; percent; quantity of one dimension; count
  of one noun; date), *each* statement has a value that no comparable value of the other is
  compatible with. Compatibility allows for rounding and qualifiers ("$14.3 billion" fits
  "more than $14 billion", not "$2 billion"). A value only one side gives, extra detail on
  one side, or an unresolved relative date is not a conflict. When the two values sit in
  events that differ in an argument ("invested $14.3bn *in Scale AI*" vs "invested $2bn *in
  a data centre*"), they are two events, not a conflict.
- **polarity**: the same action, affirmed by one and negated by the other ("will release"
  vs "won't release"), or opposite actions ("paused" vs "resumed"), with compatible actor and
  object.
- **entity**: the same action on the same object, done by two different named actors
  ("Ortiz approved the plan" vs "Smith approved the plan") - unless a source names the other
  actor doing it too (then both did it).
- **claim** (weaker): the same actor and action on a different object ("paused testing" vs
  "paused development").

Confidence is the alignment similarity scaled by how clear-cut the kind is (and, for values,
by how far apart the values are), rounded to two places.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from factcheck.extract import comparable, compatible, same_name
from factcheck.frames import Frame, frame_of, frames, opposite
from factcheck.types import Conflict, ConflictKind, Statement, Value, ValueKind

__all__ = ["ConflictContext", "find_conflicts"]

_NUMERIC_ORDER = (
    ValueKind.MONEY,
    ValueKind.PERCENT,
    ValueKind.QUANTITY,
    ValueKind.COUNT,
    ValueKind.DATE,
)
_ACTOR_KINDS = frozenset({ValueKind.PERSON, ValueKind.ORG})

#: How much each kind's evidence is worth, times the alignment similarity.
WEIGHT = {
    ConflictKind.VALUE: 1.0,  # times 0.6 to 1.0, by how far apart the values are
    ConflictKind.DATE: 1.0,
    ConflictKind.POLARITY: 0.8,
    ConflictKind.ENTITY: 0.6,
    ConflictKind.CLAIM: 0.4,
    ConflictKind.CONTRADICTION: 1.0,  # set by the NLI model's probability instead
}


@dataclass(frozen=True, slots=True)
class ConflictContext:
    """What the whole story knows, so a pair is not judged in isolation.

    ``frames`` caches each statement's events; ``actions`` holds, per source, every
    ``(verb, actor)`` it reports, so "two people who each did something" is not an actor
    conflict when a source names both.
    """

    frames: Mapping[str, Sequence[Frame]] = field(default_factory=dict)
    actions: Mapping[str, frozenset[tuple[str, str]]] = field(default_factory=dict)

    @classmethod
    def of(cls, statements: Iterable[Statement]) -> ConflictContext:
        fr: dict[str, list[Frame]] = {}
        acts: dict[str, set[tuple[str, str]]] = {}
        for st in statements:
            fr[st.id] = frames(st)
            acts.setdefault(st.source_id, set()).update(
                (f.verb, f.subject) for f in fr[st.id] if f.subject
            )
        return cls(fr, {k: frozenset(v) for k, v in acts.items()})

    def frames_of(self, st: Statement) -> Sequence[Frame]:
        return self.frames[st.id] if st.id in self.frames else frames(st)


def _unmatched(mine: Sequence[Value], theirs: Sequence[Value]) -> list[Value]:
    """Values of ``mine`` that have comparable partners in ``theirs`` but no compatible one."""
    out = []
    for v in mine:
        partners = [w for w in theirs if comparable(v, w)]
        if partners and not any(compatible(v, w) for w in partners):
            out.append(v)
    return out


def _gap(a: Value, b: Value) -> float:
    """How far apart two intervals are, in [0, 1]: 0 when touching, 1 when far apart."""
    if a.low is None or a.high is None or b.low is None or b.high is None:
        return 0.0
    distance = max(b.low - a.high, a.low - b.high, 0.0)
    if a.kind is ValueKind.DATE:
        return min(1.0, distance / 31.0)  # a month apart counts as far
    finite = [abs(x) for x in (a.low, a.high, b.low, b.high) if math.isfinite(x)]
    scale = max(finite, default=0.0)
    return min(1.0, distance / scale) if scale > 0 and math.isfinite(distance) else 0.0


def _describe(v: Value) -> str:
    return v.text if v.text == v.norm else f"{v.text} ({v.norm})"


def _same(u: str | None, v: str | None) -> bool:
    """Two arguments agree, or one is unknown."""
    return u is None or v is None or same_name(u, v)


def _other_event(fa: Frame | None, fb: Frame | None) -> bool:
    """True when two events of one action differ in an argument both name."""
    if fa is None or fb is None or fa.verb != fb.verb:
        return False
    if not _same(fa.subject, fb.subject) or not _same(fa.obj, fb.obj):
        return True
    for prep in {p for p, _ in fa.preps} & {p for p, _ in fb.preps}:
        mine = [f for p, f in fa.preps if p == prep]
        theirs = [f for p, f in fb.preps if p == prep]
        if not any(same_name(x, y) for x in mine for y in theirs):
            return True
    return False


def _confidence(kind: ConflictKind, similarity: float, extra: float = 1.0) -> float:
    return round(min(1.0, max(0.0, similarity)) * WEIGHT[kind] * extra, 2)


def _value_pairs(
    a: Statement, b: Statement, fa: Sequence[Frame], fb: Sequence[Frame], kind: ValueKind
) -> list[tuple[Value, Value]]:
    """Pairs of incompatible values of one kind that make a conflict.

    Two rules. Statement-wide: each statement has a value no comparable value of the other
    fits. Event-wise: the values sit in the same event (same action, no argument that
    differs) and none of one event's values fits the other's; this catches a mismatch
    hidden by a matching value elsewhere in the sentence ("in a 2024 letter ... starting
    next year" against "starting in 2024").
    """
    va = [v for v in a.values if v.kind is kind and v.resolved]
    vb = [v for v in b.values if v.kind is kind and v.resolved]
    if not va or not vb:
        return []
    home_a = {id(v): frame_of(v, a, fa) for v in va}
    home_b = {id(v): frame_of(v, b, fb) for v in vb}
    pairs = [
        (x, y)
        for x in _unmatched(va, vb)
        for y in _unmatched(vb, va)
        if comparable(x, y) and not _other_event(home_a[id(x)], home_b[id(y)])
    ]
    for x in va:
        for y in vb:
            ex, ey = home_a[id(x)], home_b[id(y)]
            if ex is None or ey is None or ex.verb != ey.verb or _other_event(ex, ey):
                continue
            xs = [v for v in va if home_a[id(v)] is ex]
            ys = [v for v in vb if home_b[id(v)] is ey]
            if comparable(x, y) and not any(compatible(u, w) for u in xs for w in ys):
                pairs.append((x, y))
    return pairs


def _value_conflicts(
    a: Statement, b: Statement, fa: Sequence[Frame], fb: Sequence[Frame], similarity: float
) -> list[Conflict]:
    out: list[Conflict] = []
    for kind in _NUMERIC_ORDER:
        pairs = _value_pairs(a, b, fa, fb, kind)
        if not pairs:
            continue
        x, y = pairs[0]
        conflict_kind = ConflictKind.DATE if kind is ValueKind.DATE else ConflictKind.VALUE
        noun = "date" if kind is ValueKind.DATE else str(kind)
        note = f" ({y.note})" if y.note else f" ({x.note})" if x.note else ""
        out.append(
            Conflict(
                kind=conflict_kind,
                a=a.id,
                b=b.id,
                value_a=x.text,
                value_b=y.text,
                confidence=_confidence(conflict_kind, similarity, 0.6 + 0.4 * _gap(x, y)),
                reason=f"{noun} {_describe(x)} does not match {_describe(y)}, "
                f"even allowing for rounding{note}",
            )
        )
    return out


def _phrase(f: Frame) -> str:
    words = [f.subject or "", "not" if f.negated else "", f.text, f.obj or ""]
    return " ".join(w for w in words if w)


def _event_conflicts(
    a: Statement,
    b: Statement,
    fa: Sequence[Frame],
    fb: Sequence[Frame],
    similarity: float,
    actions: Mapping[str, frozenset[tuple[str, str]]],
) -> list[Conflict]:
    found: dict[ConflictKind, Conflict] = {}

    def add(kind: ConflictKind, x: Frame, y: Frame, reason: str) -> None:
        if kind not in found:
            found[kind] = Conflict(
                kind, a.id, b.id, _phrase(x), _phrase(y), _confidence(kind, similarity), reason
            )

    for x in fa:
        for y in fb:
            if not _same(x.subject, y.subject) and not (
                x.subject_kind in _ACTOR_KINDS and y.subject_kind in _ACTOR_KINDS
            ):
                continue
            same_verb = x.verb == y.verb
            if not (same_verb or opposite(x.verb, y.verb)) or not _same(x.obj, y.obj):
                if (
                    same_verb
                    and x.obj
                    and y.obj
                    and _same(x.subject, y.subject)
                    and not _mentions(b, x.obj)
                    and not _mentions(a, y.obj)
                ):
                    add(
                        ConflictKind.CLAIM,
                        x,
                        y,
                        f"the same action ({x.verb}) on a different object: "
                        f"'{x.obj}' against '{y.obj}'",
                    )
                continue
            if not _same(x.subject, y.subject):
                both_named = x.subject and y.subject and x.negated == y.negated and same_verb
                if both_named and not _both_did(x, y, a, b, actions):
                    add(
                        ConflictKind.ENTITY,
                        x,
                        y,
                        f"a different actor for the same action ({x.verb}): "
                        f"'{x.subject}' against '{y.subject}'",
                    )
                continue
            if not _anchored(x, y):
                continue  # nothing ties the two events together beyond the verb
            if same_verb and x.negated != y.negated:
                add(
                    ConflictKind.POLARITY,
                    x,
                    y,
                    f"one source says '{_phrase(x)}', the other '{_phrase(y)}'",
                )
            elif not same_verb and x.negated == y.negated:
                add(
                    ConflictKind.POLARITY,
                    x,
                    y,
                    f"opposite actions: '{x.text}' against '{y.text}'",
                )
    return list(found.values())


def _mentions(st: Statement, name: str) -> bool:
    """Whether a statement names an argument anywhere ("funding for a new stadium" names
    the stadium), so a different object may only be a different phrasing."""
    words = {t.lemma.lower() for t in st.tokens} | {t.text.lower() for t in st.tokens}
    return set(name.split()) <= words


def _anchored(x: Frame, y: Frame) -> bool:
    """Both events name the same subject or the same object: the same event, told twice."""
    return bool(
        (x.subject and y.subject and same_name(x.subject, y.subject))
        or (x.obj and y.obj and same_name(x.obj, y.obj))
    )


def _both_did(
    x: Frame,
    y: Frame,
    a: Statement,
    b: Statement,
    actions: Mapping[str, frozenset[tuple[str, str]]],
) -> bool:
    """A source that names the other actor doing the same thing: both did it."""
    return (x.verb, y.subject or "") in actions.get(a.source_id, frozenset()) or (
        y.verb,
        x.subject or "",
    ) in actions.get(b.source_id, frozenset())


def find_conflicts(
    a: Statement,
    b: Statement,
    *,
    similarity: float,
    context: ConflictContext | None = None,
) -> list[Conflict]:
    """Conflicts between two aligned statements of different sources, at most one per kind.

    Args:
        a, b: statements with tokens and values (after :func:`factcheck.extract.extract`).
        similarity: their alignment similarity (cosine), which scales the confidence.
        context: story-wide frames and actions; built from ``a`` and ``b`` alone when None.
    """
    ctx = context or ConflictContext.of([a, b])
    fa, fb = ctx.frames_of(a), ctx.frames_of(b)
    conflicts = _value_conflicts(a, b, fa, fb, similarity)
    conflicts += _event_conflicts(a, b, fa, fb, similarity, ctx.actions)
    return conflicts
