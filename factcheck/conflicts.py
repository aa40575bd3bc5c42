"""Conflicts between two aligned statements: typed values and events, never embeddings.

Embeddings cannot see contradictions ("$14.3B" and "$2B" in the same sentence score 0.93),
so conflicts come from the typed values of :mod:`factcheck.extract` and the events of
:mod:`factcheck.frames`, and only between statements the aligner put in one fact.

**Same event.** Two values, or two actions, conflict only when they belong to the same
event. Two events (frames) are told apart by:

- *the action*: different canonical verbs are different events ("three people were
  *killed*" vs "twelve people were *injured*"), unless both are in one synonym class of
  :data:`factcheck.frames.SYNONYMS`; a light verb (be, have, make ...) is unknown;
- *an argument in the same role* (subject, object, each preposition), compared as:

  ==========================  ==============================================  ===========
  the two arguments           example                                         verdict
  ==========================  ==============================================  ===========
  same name or word           "Meta" / "Meta Platforms"                       same
  two different names         "in Scale AI" / "in Acme"                       different
  a name and a new thing      "in Scale AI" / "in a data centre" (the other   different
                              statement never names Scale AI)
  a name and a definite noun  "Acme" / "the company"                          reworded
  two common nouns            "the fire" / "the blaze", "company" / "firm"    reworded
  two common nouns, one new,  "on roads" / "on a new stadium" (each never     different
  not the subject             names the other's)
  ==========================  ==============================================  ===========

  A *new thing* is an indefinite noun ("a data centre", "roads"), which introduces
  something not named before. Subjects are exempt from the last row: sources routinely
  reword who acted ("the council" / "councillors").
- *the polarity*: a negated event asserts none of its values ("did not release it in
  2024, but in 2025" vs "released it in 2025");
- *the period*: two events whose dates do not overlap, and which also differ in another
  value, are two periods ("rose 8% in 2025" / "rose 3% in 2024"): neither the values nor
  the dates conflict. A date mismatch with everything else the same is a date conflict
  ("began on May 2" / "began on May 4").

A *reworded* argument does not separate the events, but lowers the confidence
(:data:`REWORDED_FACTOR`) and the reason says which argument the two sentences name
differently. An argument only one side gives is unknown, not different.

**Kinds**, strongest first:

- **value / date**: for one kind of value (money; percent; quantity of one dimension; count
  of one noun; date), *each* statement has a value that no comparable value of the other is
  compatible with, or two values of the same event do not fit. Compatibility allows for
  rounding and qualifiers ("$14.3 billion" fits "more than $14 billion", not "$2 billion").
  A value only one side gives, extra detail on one side, or an unresolved relative date is
  not a conflict.
- **polarity**: the same action, affirmed by one and negated by the other ("will release"
  vs "won't release"; see :mod:`factcheck.frames` for the ways of negating), or opposite
  actions ("paused" vs "resumed"), anchored by an argument both name the same way, with no
  argument that differs or is reworded. A sequence is not a flip: there is no polarity
  conflict when the other statement also tells the agreeing action ("paused in February
  and resumed on March 2" vs "resumed on March 2"), or when the two events' dates differ.
- **entity**: the same action with one named argument that differs, every other argument
  the same or unknown ("Ortiz approved the plan" vs "Baker approved the plan"; "held in
  Paris" vs "held in Berlin"), unless a source names the other one too (both did it).
  Coordinated subjects count one by one ("Ortiz and Baker approved").
- **claim** (weaker): the same actor and action on a different common-noun object
  ("paused testing" vs "paused development").

Confidence is the alignment similarity scaled by how clear-cut the kind is (:data:`WEIGHT`;
for values, by how far apart the values are), and by :data:`REWORDED_FACTOR` when an
argument is reworded, rounded to two places.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import IntEnum

from factcheck.extract import comparable, compatible, same_name
from factcheck.frames import Arg, Frame, frame_of, frames, opposite, phrase
from factcheck.types import Conflict, ConflictKind, Statement, Value, ValueKind

__all__ = ["REWORDED_FACTOR", "WEIGHT", "ConflictContext", "find_conflicts"]

_NUMERIC_ORDER = (
    ValueKind.MONEY,
    ValueKind.PERCENT,
    ValueKind.QUANTITY,
    ValueKind.COUNT,
    ValueKind.TALLY,
    ValueKind.DATE,
)
_NUMBER_KINDS = frozenset(_NUMERIC_ORDER) - {ValueKind.DATE}

#: How much each kind's evidence is worth, times the alignment similarity.
WEIGHT = {
    ConflictKind.VALUE: 1.0,  # times 0.6 to 1.0, by how far apart the values are
    ConflictKind.DATE: 1.0,
    ConflictKind.POLARITY: 0.8,
    ConflictKind.ENTITY: 0.6,
    ConflictKind.CLAIM: 0.4,
    ConflictKind.CONTRADICTION: 1.0,  # set by the NLI model's probability instead
}

#: Confidence factor for a value conflict whose events name an argument differently
#: ("the company" / "the firm"): maybe the same event reworded, maybe two events.
REWORDED_FACTOR = 0.7

#: Per source, every ``(verb, role, name)`` its events report.
Actions = Mapping[str, frozenset[tuple[str, str, str]]]


@dataclass(frozen=True, slots=True)
class ConflictContext:
    """What the whole story knows, so a pair is not judged in isolation.

    ``frames`` caches each statement's events; ``actions`` holds, per source, every
    ``(verb, role, name)`` it reports (each conjunct of a coordinated subject on its own),
    so "two people who each did something" is not an entity conflict when a source names
    both.
    """

    frames: Mapping[str, Sequence[Frame]] = field(default_factory=dict)
    actions: Actions = field(default_factory=dict)

    @classmethod
    def of(cls, statements: Iterable[Statement]) -> ConflictContext:
        fr: dict[str, list[Frame]] = {}
        acts: dict[str, set[tuple[str, str, str]]] = {}
        for st in statements:
            fr[st.id] = frames(st)
            acts.setdefault(st.source_id, set()).update(
                (f.verb, role, arg.name)
                for f in fr[st.id]
                for role, args in f.roles().items()
                for arg in args
            )
        return cls(fr, {k: frozenset(v) for k, v in acts.items()})

    def frames_of(self, st: Statement) -> Sequence[Frame]:
        return self.frames[st.id] if st.id in self.frames else frames(st)


# --------------------------------------------------------------------------------------
# Same event?
# --------------------------------------------------------------------------------------


class _Rel(IntEnum):
    """How two arguments in one role compare, worst first."""

    DIFFERENT = 0
    REWORDED = 1
    SAME = 2


@dataclass(frozen=True, slots=True)
class _Role:
    role: str
    rel: _Rel
    x: Arg
    y: Arg


def _mentions(st: Statement, name: str) -> bool:
    """Whether a statement names an argument anywhere ("funding for a new stadium" names
    the stadium), so a different argument may only be a different phrasing."""
    words = {t.lemma.lower() for t in st.tokens} | {t.text.lower() for t in st.tokens}
    return set(name.split()) <= words


def _relation(role: str, x: Arg, y: Arg, a: Statement, b: Statement) -> _Rel:
    """One role's arguments, ``x`` of ``a`` and ``y`` of ``b`` (see the table above)."""
    if x.same(y):
        return _Rel.SAME
    if x.named and y.named:
        return _Rel.DIFFERENT
    if x.named or y.named:
        named, other, other_st = (x, y, b) if x.named else (y, x, a)
        new = not other.definite and not _mentions(other_st, named.name)
        return _Rel.DIFFERENT if new else _Rel.REWORDED
    unrelated = not _mentions(b, x.name) and not _mentions(a, y.name)
    if role != "subject" and not (x.definite and y.definite) and unrelated:
        return _Rel.DIFFERENT
    return _Rel.REWORDED


def _roles(x: Frame, y: Frame, a: Statement, b: Statement) -> list[_Role]:
    """The roles both events fill, each with its closest pair of arguments."""
    rx, ry = x.roles(), y.roles()
    out = []
    for role in sorted(rx.keys() & ry.keys()):
        pairs = [_Role(role, _relation(role, u, v, a, b), u, v) for u in rx[role] for v in ry[role]]
        out.append(max(pairs, key=lambda r: r.rel))
    return out


def _dates_differ(x: Frame, y: Frame) -> bool:
    """Both events are dated and no date of one overlaps a date of the other."""
    dx = [d for d in x.dates if d.resolved]
    dy = [d for d in y.dates if d.resolved]
    return bool(dx and dy) and not any(compatible(u, v) for u in dx for v in dy)


def _values_differ(
    x: Frame, y: Frame, a: Statement, b: Statement, fa: Sequence[Frame], fb: Sequence[Frame]
) -> bool:
    """The two events hold comparable numbers (money, percents, quantities, counts) of which
    none fit."""
    vx = [v for v in a.values if v.kind in _NUMBER_KINDS and frame_of(v, a, fa) is x]
    vy = [v for v in b.values if v.kind in _NUMBER_KINDS and frame_of(v, b, fb) is y]
    pairs = [(u, v) for u in vx for v in vy if comparable(u, v)]
    kinds = {u.kind for u, _ in pairs}
    return any(not any(compatible(u, v) for u, v in pairs if u.kind is k) for k in kinds)


def _label(arg: Arg) -> str:
    return arg.name if arg.named else arg.text


def _role_label(role: str) -> str:
    return role if role in {"subject", "object"} else f"'{role}' argument"


def _entity_role(role: str) -> str:
    if role == "subject":
        return "actor"
    return "named object" if role == "object" else f"name after '{role}'"


# --------------------------------------------------------------------------------------
# Values and dates
# --------------------------------------------------------------------------------------


def _unmatched(mine: Sequence[Value], theirs: Sequence[Value]) -> list[Value]:
    """Values of ``mine`` that have comparable partners in ``theirs`` but no compatible one."""
    out = []
    for v in mine:
        partners = [w for w in theirs if comparable(v, w)]
        if partners and not any(compatible(v, w) for w in partners):
            out.append(v)
    return out


def _gap(a: Value, b: Value) -> float:
    """How far apart two intervals are, in [0, 1]: 0 when touching, 1 when far apart.

    Tallies ("5-2") have no interval: two that differ count as far apart."""
    if a.kind is ValueKind.TALLY:
        return 1.0
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


def _confidence(kind: ConflictKind, similarity: float, extra: float = 1.0) -> float:
    return round(min(1.0, max(0.0, similarity)) * WEIGHT[kind] * extra, 2)


def _value_pairs(
    a: Statement, b: Statement, fa: Sequence[Frame], fb: Sequence[Frame], kind: ValueKind
) -> list[tuple[Value, Value, Frame | None, Frame | None]]:
    """Candidate pairs of incompatible values of one kind, with the event of each.

    Two rules. Statement-wide: each statement has a value no comparable value of the other
    fits. Event-wise: two events of the same action hold values of which none of one fits
    the other's; this catches a mismatch hidden by a matching value elsewhere in the
    sentence ("in a 2024 letter ... starting next year" against "starting in 2024").
    """
    va = [v for v in a.values if v.kind is kind and v.resolved]
    vb = [v for v in b.values if v.kind is kind and v.resolved]
    if not va or not vb:
        return []
    home_a = {id(v): frame_of(v, a, fa) for v in va}
    home_b = {id(v): frame_of(v, b, fb) for v in vb}
    pairs = [
        (x, y, home_a[id(x)], home_b[id(y)])
        for x in _unmatched(va, vb)
        for y in _unmatched(vb, va)
        if comparable(x, y)
    ]
    for x in va:
        for y in vb:
            ex, ey = home_a[id(x)], home_b[id(y)]
            if ex is None or ey is None or ex.verb != ey.verb or not comparable(x, y):
                continue
            xs = [v for v in va if home_a[id(v)] is ex]
            ys = [v for v in vb if home_b[id(v)] is ey]
            if not any(compatible(u, w) for u in xs for w in ys):
                pairs.append((x, y, ex, ey))
    return pairs


def _caveats(
    x: Frame | None,
    y: Frame | None,
    kind: ValueKind,
    a: Statement,
    b: Statement,
    fa: Sequence[Frame],
    fb: Sequence[Frame],
) -> list[_Role] | None:
    """None when two values sit in two different events; else the reworded arguments."""
    if x is None or y is None:
        return []
    if x.verb != y.verb and not (x.light or y.light):
        return None
    if x.negated != y.negated:
        return None  # "did not release it in 2024" asserts no date of a release
    roles = _roles(x, y, a, b)
    if any(r.rel is _Rel.DIFFERENT for r in roles):
        return None
    if kind is ValueKind.DATE:
        if _values_differ(x, y, a, b, fa, fb):
            return None  # two periods, each with its own figure
    elif _dates_differ(x, y):
        return None
    return [r for r in roles if r.rel is _Rel.REWORDED]


def _value_reason(kind: ValueKind, x: Value, y: Value, caveats: Sequence[_Role]) -> str:
    if kind is ValueKind.DATE:
        reason = f"date {_describe(x)} does not match {_describe(y)}: no day in common"
    else:
        reason = f"{kind} {_describe(x)} does not match {_describe(y)}, even allowing for rounding"
    notes = [f"{v.text}: {v.note}" for v in (x, y) if v.note]
    if notes:
        reason += f" ({'; '.join(notes)})"
    if caveats:
        roles = " and the ".join(_role_label(r.role) for r in caveats)
        names = "; ".join(f"'{_label(r.x)}' vs '{_label(r.y)}'" for r in caveats)
        reason += (
            f"; but the two sentences name the {roles} differently ({names}), "
            "so they may tell two events"
        )
    return reason


def _value_conflicts(
    a: Statement, b: Statement, fa: Sequence[Frame], fb: Sequence[Frame], similarity: float
) -> list[Conflict]:
    out: list[Conflict] = []
    for kind in _NUMERIC_ORDER:
        conflict_kind = ConflictKind.DATE if kind is ValueKind.DATE else ConflictKind.VALUE
        best: Conflict | None = None
        for x, y, ex, ey in _value_pairs(a, b, fa, fb, kind):
            caveats = _caveats(ex, ey, kind, a, b, fa, fb)
            if caveats is None:
                continue
            extra = (0.6 + 0.4 * _gap(x, y)) * (REWORDED_FACTOR if caveats else 1.0)
            found = Conflict(
                kind=conflict_kind,
                a=a.id,
                b=b.id,
                value_a=x.text,
                value_b=y.text,
                confidence=_confidence(conflict_kind, similarity, extra),
                reason=_value_reason(kind, x, y, caveats),
            )
            if best is None or found.confidence > best.confidence:
                best = found
        if best is not None:
            out.append(best)
    return out


# --------------------------------------------------------------------------------------
# Events: polarity, entity, claim
# --------------------------------------------------------------------------------------


def _agrees(f: Frame, g: Frame, a: Statement, b: Statement) -> bool:
    """``f`` (of ``a``) tells the same thing as ``g`` (of ``b``): the same action, the same
    polarity, no argument that differs or is reworded, no date that differs."""
    return (
        f.verb == g.verb
        and f.negated == g.negated
        and not _dates_differ(f, g)
        and all(r.rel is _Rel.SAME for r in _roles(f, g, a, b))
    )


def _both_did(
    role: _Role, x: Frame, y: Frame, a: Statement, b: Statement, actions: Actions
) -> bool:
    """A source names the other's argument in the same role of the same action (both did
    it), or the statement names it anywhere."""
    if _mentions(a, role.y.name) or _mentions(b, role.x.name):
        return True
    mine = actions.get(a.source_id, frozenset())
    theirs = actions.get(b.source_id, frozenset())
    return any(
        v == x.verb and r == role.role and same_name(n, role.y.name) for v, r, n in mine
    ) or any(v == y.verb and r == role.role and same_name(n, role.x.name) for v, r, n in theirs)


#: A conflict found between two events: its kind, its reason, the argument that differs.
_Finding = tuple[ConflictKind, str, _Role | None]


def _same_action(
    x: Frame,
    y: Frame,
    roles: Sequence[_Role],
    a: Statement,
    b: Statement,
    fa: Sequence[Frame],
    fb: Sequence[Frame],
    actions: Actions,
) -> _Finding | None:
    """The same action with the same polarity and one argument that differs: an entity
    conflict when both arguments are names, a claim divergence when they are objects."""
    differ = [r for r in roles if r.rel is not _Rel.SAME]
    if x.light or len(differ) != 1:
        return None
    (d,) = differ
    if d.x.named and d.y.named:
        anchored = len(roles) > 1  # some other argument is the same
        if not anchored or _values_differ(x, y, a, b, fa, fb):  # two events, each its figure
            return None
        if _both_did(d, x, y, a, b, actions):
            return None
        reason = (
            f"a different {_entity_role(d.role)} for the same action ({x.verb}): "
            f"'{d.x.name}' against '{d.y.name}'"
        )
        return ConflictKind.ENTITY, reason, d
    plain = not (d.x.named or d.y.named or d.x.counted or d.y.counted)
    if d.role == "object" and plain and not _mentions(b, d.x.name) and not _mentions(a, d.y.name):
        reason = (
            f"the same action ({x.verb}) on a different object: '{d.x.text}' against '{d.y.text}'"
        )
        return ConflictKind.CLAIM, reason, None
    return None


def _flip(
    x: Frame,
    y: Frame,
    roles: Sequence[_Role],
    a: Statement,
    b: Statement,
    fa: Sequence[Frame],
    fb: Sequence[Frame],
) -> _Finding | None:
    """A negated or opposite action, tied by an argument both name the same way."""
    if not roles or any(r.rel is not _Rel.SAME for r in roles):
        return None  # nothing ties the two events together, or something sets them apart
    if any(_agrees(f, y, a, b) for f in fa) or any(_agrees(x, g, a, b) for g in fb):
        return None  # a sequence ("paused, then resumed"), not a flip
    if (x.intended and y.past) or (y.intended and x.past):
        return None  # "did not plan to cut" does not deny "cut": plans change
    if x.verb == y.verb:
        reason = f"one source says '{phrase(x, a)}', the other '{phrase(y, b)}'"
        return ConflictKind.POLARITY, reason, None
    if x.negated == y.negated:
        return ConflictKind.POLARITY, f"opposite actions: '{x.text}' against '{y.text}'", None
    return None


def _event_conflicts(
    a: Statement,
    b: Statement,
    fa: Sequence[Frame],
    fb: Sequence[Frame],
    similarity: float,
    actions: Actions,
) -> list[Conflict]:
    found: dict[ConflictKind, Conflict] = {}
    for x in fa:
        for y in fb:
            if x.reporting or y.reporting or _dates_differ(x, y):
                continue
            same_verb = x.verb == y.verb
            contrary = opposite(x.verb, y.verb, states=x.state and y.state)
            if not same_verb and (x.light or y.light or not contrary):
                continue
            roles = _roles(x, y, a, b)
            if same_verb and x.negated == y.negated:
                finding = _same_action(x, y, roles, a, b, fa, fb, actions)
            else:
                finding = _flip(x, y, roles, a, b, fa, fb)
            if finding is None or finding[0] in found:
                continue
            kind, reason, role = finding
            found[kind] = Conflict(
                kind,
                a.id,
                b.id,
                phrase(x, a, role.x.words if role else ()),
                phrase(y, b, role.y.words if role else ()),
                _confidence(kind, similarity),
                reason,
            )
    return list(found.values())


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
