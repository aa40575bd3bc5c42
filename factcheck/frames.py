"""Predicate-argument frames: who did what to what, read off spaCy's dependency parse.

A statement can hold several events ("Meta invested $14.3 billion in Scale AI and hired its
CEO"). Conflict detection needs to know which event a value belongs to, and whether two
aligned statements tell the same event, so each event becomes a :class:`Frame`::

    "Meta has not paused testing of its Llama model in June."
    Frame(verb="pause", text="paused", negated=True,
          subjects=(Arg(name="meta", named=True, ...),), obj=Arg(name="testing", ...),
          preps=(("of", Arg(name="model", ...)),), dates=(Value(text="June", ...),), ...)

**Events.** Every verb is an event, except:

- reporting verbs (say, write, report, announce ... :data:`REPORTING_VERBS`): the clause
  they report is the event. A reporting verb used as a participial modifier ("the plant,
  *announced* in 2024, will open in 2027") is its own event (``reporting=True``), so its
  date is not folded into the event it modifies;
- control verbs that only frame another event (:data:`NEGATIVE_VERBS` "refused to sign",
  "ruled out raising", "decided against raising"; "going to" as a future): the governed
  verb is the event, and it takes the control verb's words and dates;
- copulas with a predicate adjective: the adjective is the event, a *state*
  (``state=True``): "The bridge is closed" is the event "close", "The company is not
  profitable" the negated event "profitable".

Verbs are canonicalised through documented synonym classes (:data:`SYNONYMS`, phrasal
verbs in :data:`PHRASAL`): "halted testing" and "paused testing" are one action, and so are
"killed"/"died"/"dead" or "cut"/"eliminated"/"laid off". Light verbs (:data:`LIGHT_VERBS`:
be, have, do, get, make) name no particular action; ``light=True`` tells the caller the
action is unknown.

**Arguments** (:class:`Arg`) are logical roles: the subject (every conjunct: "Ortiz and
Baker approved"), the object (the passive subject is the object: "the plan was approved by
Ortiz" has subject Ortiz, object plan) and each prepositional object. A head inside a named
entity takes the entity's normalised name (see :mod:`factcheck.extract`); an untagged proper
noun is named too ("Globex Care"). A count's noun is an argument by its lemma ("300 jobs" is
"job"); money, percents and quantities are values, not arguments. A date is never an
argument: it goes to ``dates``, so that "rose 8% in 2025" and "rose 3% in 2024" can be told
apart as two periods. Pronouns are unknown arguments, except that a relative pronoun stands
for the noun it modifies. A verb without its own subject takes its controller's: "led Meta
to pause" (the object acts), "Meta paused X and resumed Y", "rose 4% before falling 6%".

**Negation** (``negated``), each rule flipping the polarity:

- a negator on the verb or its copula: not, n't, never, no (:data:`NEGATORS`);
- a negative subject or object: "*No* charges were filed", "filed *no* charges",
  "*Nobody* was injured" (:data:`NEGATIVE_PRONOUNS`);
- a negative control verb: "*refused to* sign", "*declined to* raise", "*ruled out*
  raising", "*decided against* raising" (:data:`NEGATIVE_VERBS`, :data:`AGAINST_VERBS`);
- a negated intention: "*never intended to* raise", "*not going to* abandon"
  (:data:`INTENT_VERBS`), and "has *no plans to* raise", "*no intention of* selling"
  (:data:`INTENT_NOUNS`);
- a clause declared untrue: "It is *not true that* we will cut pensions", "it is *false
  that* ..." (:data:`TRUE_WORDS`, :data:`FALSE_WORDS`).

``words`` are the token indices that show the event in the source's own words, in sentence
order (subject, auxiliaries, negation, verb, object): :func:`phrase` renders them.

The parser sometimes reads "Vantor paused testing of its drones" as an adjective "paused"
modifying a root noun "testing". A past participle modifying the root noun of a sentence
that has no verb of its own is read as that sentence's verb: the noun is its object, a noun
before it its subject.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from factcheck.extract import same_name
from factcheck.types import Statement, Token, Value, ValueKind

__all__ = [
    "AGAINST_VERBS",
    "ANTONYMS",
    "FALSE_WORDS",
    "INSTANCE_WORDS",
    "INTENT_NOUNS",
    "INTENT_VERBS",
    "LIGHT_VERBS",
    "NEGATIVE_PRONOUNS",
    "NEGATIVE_VERBS",
    "NEGATORS",
    "PHRASAL",
    "REPORTING_VERBS",
    "SYNONYMS",
    "TRUE_WORDS",
    "Arg",
    "Frame",
    "canonical_verb",
    "frame_of",
    "frames",
    "opposite",
    "phrase",
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

#: Verbs that carry no action of their own ("made a decision", "has a plan"): two events
#: whose verbs are light, or one of them, are not told apart by the verb.
LIGHT_VERBS = frozenset({"be", "have", "do", "get", "make"})

#: Synonym classes: each word maps to the canonical lemma of its class. Predicate
#: adjectives are included where they name the same state as a verb ("dead", "closed").
SYNONYMS = {
    # pause / resume
    "halt": "pause", "suspend": "pause", "freeze": "pause", "stop": "pause",
    "restart": "resume",
    # open / close ("reopened" is open again)
    "reopen": "open", "closed": "close", "shut": "close",
    # start
    "begin": "start", "commence": "start",
    # invest
    "pour": "invest", "plow": "invest", "sink": "invest",
    # rise / fall (and raising or cutting something)
    "climb": "rise", "jump": "rise", "soar": "rise", "increase": "rise", "grow": "rise",
    "raise": "rise", "boost": "rise", "hike": "rise",
    "drop": "fall", "decline": "fall", "decrease": "fall", "plunge": "fall", "slip": "fall",
    # cutting, jobs included
    "slash": "cut", "reduce": "cut", "lower": "cut", "trim": "cut", "eliminate": "cut",
    "shed": "cut", "axe": "cut", "fire": "cut", "dismiss": "cut",
    # death
    "die": "kill", "dead": "kill", "perish": "kill",
    "recruit": "hire", "poach": "hire",
    "unveil": "release", "launch": "release", "publish": "release",
    "back": "approve", "endorse": "approve",
    "refuse": "reject", "veto": "reject", "block": "reject",
    "purchase": "buy", "acquire": "buy",
    "postpone": "delay",
}  # fmt: skip

#: Phrasal verbs (lemma, particle) and the canonical lemma they mean.
PHRASAL = {
    ("lay", "off"): "cut", ("walk", "out"): "strike", ("shut", "down"): "close",
    ("close", "down"): "close", ("go", "up"): "rise", ("go", "down"): "fall",
    ("put", "off"): "delay", ("call", "off"): "cancel",
}  # fmt: skip

#: Pairs of canonical verbs that say the opposite of each other.
ANTONYMS = frozenset(
    frozenset(p)
    for p in (
        ("pause", "resume"), ("rise", "fall"), ("approve", "reject"), ("hire", "cut"),
        ("open", "close"), ("win", "lose"), ("accept", "reject"), ("buy", "sell"),
        ("include", "exclude"), ("allow", "ban"), ("support", "oppose"), ("gain", "lose"),
        ("expand", "shrink"), ("start", "pause"), ("pass", "fail"), ("add", "remove"),
        ("confirm", "deny"), ("rise", "cut"),
    )
)  # fmt: skip

#: Words that negate the verb or copula they hang off.
NEGATORS = frozenset({"not", "n't", "never", "no"})

#: Pronouns that make a subject or object (and so the event) negative.
NEGATIVE_PRONOUNS = frozenset({"nobody", "none", "nothing", "noone", "neither"})

#: Verbs that say the verb they govern did not happen: "refused to sign", "failed to pay",
#: "refrained from raising", "ruled out raising". With a governed verb they are not events
#: of their own ("refused the plan", without one, is the event "reject").
NEGATIVE_VERBS = frozenset(
    {"refuse", "decline", "fail", "avoid", "refrain", "forgo", "neglect", ("rule", "out")}
)

#: Verbs that, with "against", say the governed verb did not happen: "decided against
#: raising", "voted against extending".
AGAINST_VERBS = frozenset({"decide", "vote", "choose", "opt"})

#: Verbs of intention: negating them negates what they govern ("never intended to raise",
#: "did not agree to sell"). "go" is the future "going to".
INTENT_VERBS = frozenset(
    {"plan", "intend", "want", "aim", "mean", "agree", "seek", "try", "attempt", "propose",
     "hope", "wish", "promise", "go"}
)  # fmt: skip

#: Nouns of intention: "no plans to raise" and "no intention of selling" negate the verb.
INTENT_NOUNS = frozenset({"plan", "intention", "intent", "desire", "wish", "interest"})

#: Modifiers that pick out another thing of the same kind: "a *revised* offer" is not "the
#: offer", so the two arguments are not the same.
INSTANCE_WORDS = frozenset(
    {"new", "revised", "amended", "updated", "improved", "second", "third", "another",
     "other", "latest", "earlier", "previous", "former", "original", "initial", "final"}
)  # fmt: skip

#: Predicates that vouch for a clause ("it is not true that ...") or deny it ("it is false
#: that ..."); such a copula is not a state of its own.
TRUE_WORDS = frozenset({"true", "correct", "accurate", "right"})
FALSE_WORDS = frozenset({"false", "untrue", "wrong", "incorrect", "inaccurate"})

_COPULAS = frozenset({"be", "remain", "stay"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_OBJECT_DEPS = frozenset({"dobj", "attr", "oprd"})
_PREP_DEPS = frozenset({"prep", "dative", "agent"})
_SHOWN_DEPS = frozenset({"aux", "auxpass", "prt"})
_SHOWN_ARG_DEPS = frozenset({"compound", "amod", "det", "poss", "nummod"})
_ENTITY_KINDS = frozenset({ValueKind.PERSON, ValueKind.ORG, ValueKind.PLACE, ValueKind.PRODUCT})


def canonical_verb(lemma: str, particle: str | None = None) -> str:
    """The canonical lemma of a verb's synonym class ("halt" -> "pause"; "lay off" -> "cut")."""
    lemma = lemma.lower()
    if particle is not None and (lemma, particle.lower()) in PHRASAL:
        return PHRASAL[(lemma, particle.lower())]
    return SYNONYMS.get(lemma, lemma)


def opposite(a: str, b: str, *, states: bool = False) -> bool:
    """True when two canonical verbs are antonyms; for two states (predicate adjectives),
    also when one is the other with "un" ("profitable" / "unprofitable"). Verbs do not get
    the "un" rule: "undertake" is not the opposite of "take"."""
    if frozenset((a, b)) in ANTONYMS:
        return True
    return states and (a == f"un{b}" or b == f"un{a}")


@dataclass(frozen=True, slots=True)
class Arg:
    """One argument of an event.

    ``name`` is what it is compared by: the entity's normalised name, an untagged proper
    noun's words, else the head lemma. ``text`` is the head word as written, lower case
    (spaCy may lemmatise "testing" to "test" in one sentence and not in another).
    ``definite``: named, or with "the", "this" or a possessive ("its plant"), so it may
    refer back to something already named; "a data centre" or "roads" introduce a new
    thing. ``counted``: the noun of a count ("300 *jobs*"), whose number is compared as a
    value. ``instance``: its modifiers among :data:`INSTANCE_WORDS` ("a *revised* offer").
    ``words`` are the token indices shown for it.
    """

    name: str
    text: str
    named: bool
    definite: bool
    kind: ValueKind | None
    words: tuple[int, ...]
    counted: bool = False
    instance: frozenset[str] = frozenset()

    def same(self, other: Arg) -> bool:
        """The same argument: the same name (or an alias, "zuckerberg"), or for common nouns
        the same word, with the same :data:`INSTANCE_WORDS` ("the offer" is not "a revised
        offer")."""
        if self.instance != other.instance:
            return False
        if same_name(self.name, other.name):
            return True
        return not (self.named or other.named) and self.text == other.text


@dataclass(frozen=True, slots=True)
class Frame:
    """One event of a statement.

    ``verb`` is the canonical lemma, ``text`` the word as written. ``tokens`` are the
    indices the event spans (its subtree, minus nested events), used to find which event a
    value belongs to; ``dates`` are the date values in that span; ``words`` the indices
    :func:`phrase` shows. ``state``: a predicate adjective ("is closed"). ``light``: a light
    verb, so the action is unknown. ``reporting``: a reporting verb as a participial
    modifier ("announced in 2024"). ``intended``: the polarity comes through an intention
    ("did not plan to cut"), which says nothing of what was done. ``past``: told as done
    ("cut", "has cut"), not planned or ongoing.
    """

    verb: str
    text: str
    negated: bool
    subjects: tuple[Arg, ...]
    obj: Arg | None
    preps: tuple[tuple[str, Arg], ...]
    dates: tuple[Value, ...]
    tokens: frozenset[int]
    words: tuple[int, ...] = ()
    state: bool = False
    light: bool = False
    reporting: bool = False
    intended: bool = False
    past: bool = False

    @property
    def subject(self) -> Arg | None:
        return self.subjects[0] if self.subjects else None

    def roles(self) -> dict[str, tuple[Arg, ...]]:
        """Every argument by role: "subject", "object", and each preposition."""
        out: dict[str, tuple[Arg, ...]] = {}
        if self.subjects:
            out["subject"] = self.subjects
        if self.obj is not None:
            out["object"] = (self.obj,)
        for p, a in self.preps:
            out[p] = (*out.get(p, ()), a)
        return out


# --------------------------------------------------------------------------------------
# The parse as a tree
# --------------------------------------------------------------------------------------


class _Tree:
    """Tokens with their children, and the values of the statement."""

    def __init__(self, st: Statement) -> None:
        self.st = st
        self.tokens: Sequence[Token] = st.tokens
        self.kids: list[list[int]] = [[] for _ in st.tokens]
        for i, t in enumerate(st.tokens):
            if t.head != i and 0 <= t.head < len(st.tokens):
                self.kids[t.head].append(i)

    def lemma(self, i: int) -> str:
        return self.tokens[i].lemma.lower()

    def dep(self, i: int) -> str:
        return self.tokens[i].dep

    def head(self, i: int) -> int:
        return self.tokens[i].head

    def child(self, i: int, *deps: str) -> int | None:
        return next((k for k in self.kids[i] if self.dep(k) in deps), None)

    def particle(self, i: int) -> str | None:
        k = self.child(i, "prt")
        return self.tokens[k].text.lower() if k is not None else None

    def holder(self, i: int) -> Value | None:
        tok = self.tokens[i]
        return next((v for v in self.st.values if v.start <= tok.start and tok.end <= v.end), None)

    def conjuncts(self, i: int) -> list[int]:
        """``i`` and the words coordinated with it ("Ortiz and Baker")."""
        out, todo = [], [i]
        while todo:
            j = todo.pop(0)
            out.append(j)
            todo += [k for k in self.kids[j] if self.dep(k) == "conj" and k not in out]
        return out

    def subtree(self, i: int, stop: set[int]) -> set[int]:
        out, todo = {i}, list(self.kids[i])
        while todo:
            j = todo.pop()
            if j in stop or j in out:
                continue
            out.add(j)
            todo.extend(self.kids[j])
        return out


def _arg(i: int, tree: _Tree) -> Arg | None:
    """The argument headed by token ``i`` (None for a pronoun, a number, a date or money).

    A relative pronoun stands for the noun it modifies ("the plan *that* the council
    approved")."""
    tokens, tok = tree.tokens, tree.tokens[i]
    if tok.pos == "PRON" or tok.tag in {"WDT", "WP", "PRP"} or tree.lemma(i) == "that":
        verb = tree.head(i)
        if tokens[verb].dep in {"relcl", "acl"} and tok.tag in {"WDT", "WP", "IN", "DT"}:
            return _arg(tokens[verb].head, tree) if tokens[verb].head != verb else None
        return None
    negative = _negative_arg(i, tree) is not None
    if tree.lemma(i) in NEGATIVE_PRONOUNS or (tree.lemma(i) == "one" and negative):
        return None  # "nobody", "no one": nobody in particular
    words = sorted({i} | {k for k in tree.kids[i] if tree.dep(k) in _SHOWN_ARG_DEPS})
    definite = any(
        tree.dep(k) == "poss" or (tree.dep(k) == "det" and tree.lemma(k) in _DEFINITE)
        for k in tree.kids[i]
    )
    modifiers = [k for k in tree.kids[i] if tree.dep(k) in {"amod", "det"}]
    instance = frozenset(tokens[k].text.lower() for k in modifiers) & INSTANCE_WORDS
    v = tree.holder(i)
    if v is not None:
        if v.kind in _ENTITY_KINDS:
            inside = [j for j, t in enumerate(tokens) if v.start <= t.start and t.end <= v.end]
            return Arg(v.norm, tok.text.lower(), True, True, v.kind, tuple(inside))
        if v.kind is not ValueKind.COUNT:
            return None
        return Arg(
            tree.lemma(i), tok.text.lower(), False, definite, None, tuple(words), True, instance
        )
    if tok.pos == "PROPN":
        names = [k for k in words if tokens[k].pos == "PROPN"]
        name = " ".join(tokens[k].text.lower() for k in names)
        return Arg(name, tok.text.lower(), True, True, None, tuple(names))
    return Arg(
        tree.lemma(i), tok.text.lower(), False, definite, None, tuple(words), False, instance
    )


# --------------------------------------------------------------------------------------
# Which tokens are events
# --------------------------------------------------------------------------------------


def _governed(i: int, tree: _Tree) -> int | None:
    """The verb that ``i`` is the complement of, through "to" or a preposition ("refused
    to sign", "refrained from raising", "decided against raising"), if any."""
    dep, h = tree.dep(i), tree.head(i)
    if dep == "xcomp":
        return h
    if dep == "pcomp" and tree.dep(h) == "prep" and tree.head(h) != h:
        return tree.head(h)
    return None


def _negative_control(verb: int, comp: int, tree: _Tree) -> bool:
    """Whether ``verb`` says that its complement ``comp`` did not happen."""
    lemma, prt = tree.lemma(verb), tree.particle(verb)
    if lemma in NEGATIVE_VERBS or (prt is not None and (lemma, prt) in NEGATIVE_VERBS):
        return True
    via = tree.head(comp)
    return tree.dep(comp) == "pcomp" and tree.lemma(via) == "against" and lemma in AGAINST_VERBS


def _control(i: int, tree: _Tree) -> bool:
    """A verb that only frames the verb it governs: a negative control verb, "decided
    against", or the future "going to"."""
    for k in tree.kids[i]:
        comps = [k] if tree.dep(k) == "xcomp" else []
        if tree.dep(k) == "prep":
            comps = [g for g in tree.kids[k] if tree.dep(g) == "pcomp"]
        for c in comps:
            if tree.tokens[c].pos not in {"VERB", "AUX"}:
                continue
            if _negative_control(i, c, tree):
                return True
            if tree.lemma(i) == "go" and tree.tokens[i].tag == "VBG" and tree.dep(k) == "xcomp":
                return True
    return False


def _copula(i: int, tree: _Tree) -> int | None:
    """The copula of a predicate adjective ("is closed"), as its head or, when the parser
    makes the adjective the root, as its auxiliary; None for "it is true that"."""
    tok = tree.tokens[i]
    if tok.pos != "ADJ" or tree.lemma(i) in TRUE_WORDS | FALSE_WORDS:
        return None
    if tok.dep == "acomp" and tree.head(i) != i and tree.lemma(tree.head(i)) in _COPULAS:
        return tree.head(i)
    if tok.dep == "ROOT":
        return next(
            (
                k
                for k in tree.kids[i]
                if tree.dep(k) in {"aux", "auxpass"} and tree.lemma(k) in _COPULAS
            ),
            None,
        )
    return None


def _state(i: int, tree: _Tree) -> bool:
    """A predicate adjective: "The bridge is closed"."""
    return _copula(i, tree) is not None


def _misparsed_verb(i: int, tree: _Tree) -> bool:
    """A past participle the parser made an adjective of the root noun of a verbless
    sentence ("Vantor *paused* testing of its drones"), with a noun before it."""
    tok = tree.tokens[i]
    h = tree.head(i)
    if tok.pos != "VERB" or tok.dep != "amod" or tok.tag not in {"VBD", "VBN"}:
        return False
    if tree.dep(h) != "ROOT" or tree.tokens[h].pos not in {"NOUN", "PROPN"}:
        return False
    if any(t.pos in {"VERB", "AUX"} and j != i for j, t in enumerate(tree.tokens)):
        return False
    return any(
        k < i and tree.tokens[k].pos in {"NOUN", "PROPN"}
        for k in tree.kids[i]
        if tree.dep(k) in {"npadvmod", "nsubj", "compound"}
    )


def _is_event(i: int, tree: _Tree) -> bool:
    tok = tree.tokens[i]
    if _state(i, tree):
        return True
    if tok.pos != "VERB":
        return False
    if tree.lemma(i) in _COPULAS and tree.child(i, "acomp") is not None:
        return False  # "remains closed": the adjective is the event
    if canonical_verb(tok.lemma) in REPORTING_VERBS and tok.dep != "acl":
        return False
    return not _control(i, tree)


# --------------------------------------------------------------------------------------
# Polarity
# --------------------------------------------------------------------------------------


def _intent_noun(i: int, tree: _Tree) -> int | None:
    """The noun of intention a verb completes: "plans *to raise*", "intention *of selling*"."""
    h = tree.head(i)
    if tree.dep(i) == "acl" and tree.lemma(h) in INTENT_NOUNS:
        return h
    if (
        tree.dep(i) == "pcomp"
        and tree.dep(h) == "prep"
        and tree.lemma(tree.head(h)) in INTENT_NOUNS
    ):
        return tree.head(h)
    return None


def _negative_arg(i: int, tree: _Tree) -> int | None:
    """The word that makes argument ``i`` negative ("no" charges, "nobody"), if any."""
    if tree.lemma(i) in NEGATIVE_PRONOUNS:
        return i
    return next((k for k in tree.kids[i] if tree.dep(k) == "det" and tree.lemma(k) == "no"), None)


def _direct_negators(holders: Sequence[int], tree: _Tree) -> list[int]:
    return [
        k
        for h in holders
        for k in tree.kids[h]
        if tree.dep(k) == "neg" or (tree.lemma(k) in NEGATORS and tree.dep(k) == "advmod")
    ]


@dataclass(frozen=True, slots=True)
class _Sign:
    negated: bool
    cues: tuple[int, ...]  # the words that negate
    intended: bool  # negated through an intention ("did not plan to", "no plans to")


class _Polarity:
    """Negation of each event head, with the words that express it (see module docs)."""

    def __init__(self, tree: _Tree) -> None:
        self.tree = tree
        self.memo: dict[int, _Sign] = {}

    def __call__(self, i: int, holders: Sequence[int], args: Sequence[int]) -> _Sign:
        if i in self.memo:
            return self.memo[i]
        self.memo[i] = _Sign(False, (), False)  # guards against cycles in a broken parse
        tree = self.tree
        cues = _direct_negators(holders, tree)
        cues += [n for a in args if (n := _negative_arg(a, tree)) is not None]
        flips, intended = len(cues), False
        g = _governed(i, tree)
        h = tree.head(i)
        if g is not None and tree.tokens[g].pos in {"VERB", "AUX"}:
            if _negative_control(g, i, tree):
                flips += 1
                cues += [g, h] if tree.dep(i) == "pcomp" else [g]
            elif tree.lemma(g) in INTENT_VERBS:
                above = self(g, [g], [])
                if above.negated:
                    flips, intended = flips + 1, True
                    cues += [g, *above.cues]
        noun = _intent_noun(i, tree)
        if noun is not None and (n := _negative_arg(noun, tree)) is not None:
            flips, intended = flips + 1, True
            cues += [n, noun, *([tree.head(noun)] if tree.dep(noun) in _OBJECT_DEPS else [])]
            cues += [h] if h != noun else []  # "of" in "no intention of selling"
        if tree.dep(i) == "ccomp" and tree.lemma(h) in _COPULAS:
            pred = tree.child(h, "acomp")
            if pred is not None and tree.lemma(pred) in TRUE_WORDS | FALSE_WORDS:
                denied = _direct_negators([h], tree)
                if bool(denied) != (tree.lemma(pred) in FALSE_WORDS):
                    flips += 1
                    said = [k for k in tree.kids[h] if tree.dep(k) == "nsubj"]
                    said += [k for k in tree.kids[i] if tree.dep(k) == "mark"]
                    cues += [*denied, *said, h, pred]
        self.memo[i] = _Sign(flips % 2 == 1, tuple(cues), intended)
        return self.memo[i]


def _past(i: int, holders: Sequence[int], tree: _Tree) -> bool:
    """The event is told as done: a simple past ("cut", "was closed") or a perfect ("has
    cut"), with no modal ("would cut")."""
    auxes = [k for h in holders for k in tree.kids[h] if tree.dep(k) in {"aux", "auxpass"}]
    if any(tree.tokens[k].tag == "MD" for k in auxes):
        return False
    finite = [tree.tokens[h] for h in holders if tree.tokens[h].pos in {"VERB", "AUX"}]
    return (
        any(t.tag == "VBD" for t in finite)
        or any(tree.tokens[k].tag == "VBD" for k in auxes)
        or any(tree.lemma(k) == "have" for k in auxes)
    )


# --------------------------------------------------------------------------------------
# Frames
# --------------------------------------------------------------------------------------


def _holders(i: int, tree: _Tree) -> list[int]:
    """The tokens whose children are the event's arguments: the verb, the copula of a
    state, the root noun of a misparsed verb."""
    copula = _copula(i, tree)
    if copula is not None:
        return [i, copula]
    return [i, tree.head(i)] if _misparsed_verb(i, tree) else [i]


def _span_root(i: int, tree: _Tree) -> int:
    """Where the event's span starts: its copula, or the control verb that frames it."""
    copula = _copula(i, tree)
    if (copula is not None and copula == tree.head(i)) or _misparsed_verb(i, tree):
        i = tree.head(i)
    seen = {i}
    while True:
        g = _governed(i, tree)
        if g is None or g in seen or not _control(g, tree):
            return i
        seen.add(g)
        i = g


def _inherited_subject(i: int, tree: _Tree, depth: int = 0) -> int | None:
    """The token that acts for a verb with no subject of its own: the controller's object
    or subject ("led Meta to pause", "Meta refused to sign"), the first verb's subject ("X
    paused and resumed"), the verb's subject ("rose 4% before falling 6%"), the owner of
    "plans to" ("the utility has no plans to raise")."""
    if depth > 8:
        return None
    tok, h = tree.tokens[i], tree.head(i)
    ctrl: int | None = None
    if tok.dep == "xcomp":
        copula = _copula(h, tree)  # "the grid was ready to replace": the copula's subject
        ctrl = h if copula is None else copula
        obj = tree.child(ctrl, "dobj")
        if obj is not None and not _control(ctrl, tree):
            return obj
    elif tok.dep == "conj":
        ctrl = h
    elif (noun := _intent_noun(i, tree)) is not None:
        ctrl = tree.head(noun) if tree.dep(noun) in _OBJECT_DEPS else None
    elif tok.dep == "pcomp":
        ctrl = _governed(i, tree)
    if ctrl is None or ctrl == i or tree.tokens[ctrl].pos not in {"VERB", "AUX", "ADJ"}:
        return None
    if canonical_verb(tree.lemma(ctrl)) in REPORTING_VERBS:
        return None  # who says it is not who does it
    own = tree.child(ctrl, *_SUBJECT_DEPS)
    return own if own is not None else _inherited_subject(ctrl, tree, depth + 1)


def _control_words(i: int, tree: _Tree) -> set[int]:
    """The control verbs above an event ("refused to", "ruled out", "are going to"), with
    their auxiliaries, particles and negators, to show the event in the source's words."""
    out: set[int] = set()
    seen = {i}
    g = _governed(i, tree)
    while g is not None and g not in seen and _control(g, tree):
        out.add(g)
        out |= {k for k in tree.kids[g] if tree.dep(k) in {*_SHOWN_DEPS, "neg"}}
        if tree.dep(i) == "pcomp":
            out.add(tree.head(i))  # "against"
        seen.add(g)
        i, g = g, _governed(g, tree)
    return out


def _frame(i: int, tree: _Tree, polarity: _Polarity) -> Frame:
    tokens = tree.tokens
    tok = tokens[i]
    holders = _holders(i, tree)
    subjects: list[int] = []
    patients: list[int] = []
    objects: list[int] = []
    preps: list[tuple[str, int, int]] = []
    shown: list[int] = [i]
    misparsed = _misparsed_verb(i, tree)
    if misparsed:
        objects.append(tree.head(i))
    for h in holders:
        for k in tree.kids[h]:
            if k == i:
                continue
            dep = tree.dep(k)
            if dep == "nsubj" or (misparsed and dep in {"npadvmod", "compound"} and k < i):
                subjects += tree.conjuncts(k)
            elif dep == "nsubjpass":
                patients += tree.conjuncts(k)
            elif dep in _OBJECT_DEPS:
                objects.append(k)
            elif dep in _PREP_DEPS:
                pobj = tree.child(k, "pobj")
                if pobj is None:
                    continue
                if dep == "agent":
                    subjects += tree.conjuncts(pobj)
                else:
                    preps += [(tokens[k].text.lower(), k, p) for p in tree.conjuncts(pobj)]
            elif dep in _SHOWN_DEPS:
                shown.append(k)
        if h != i and not misparsed:
            shown.append(h)  # the copula
    if patients:  # passive: the grammatical subject is the logical object
        if objects:
            preps += [("to", p, p) for p in patients]  # "Acme was awarded the contract"
        else:
            objects.insert(0, patients[0])
    if not subjects and not patients:
        inherited = _inherited_subject(i, tree)
        if inherited is not None:
            inherited_patient = tree.dep(inherited) == "nsubjpass" and tok.tag == "VBN"
            (objects if inherited_patient else subjects).insert(0, inherited)
    sign = polarity(i, holders, sorted({*subjects, *patients, *objects}))
    subject_args = tuple(a for k in subjects if (a := _arg(k, tree)) is not None)
    obj = next((a for k in objects if (a := _arg(k, tree)) is not None), None)
    prep_args: list[tuple[str, Arg]] = []
    for p, at, k in preps:
        a = _arg(k, tree)
        if a is not None:  # shown with its preposition: "in Paris"
            prep_args.append((p, replace(a, words=tuple(sorted({at, *a.words})))))
    prep_args.sort(key=lambda pa: (pa[0], pa[1].name))
    words = set(shown) | set(sign.cues) | _control_words(i, tree)
    if subjects:
        first = _arg(subjects[0], tree)
        words |= set(first.words) if first is not None else {subjects[0]}
    if obj is not None:
        words |= set(obj.words)
    return Frame(
        verb=canonical_verb(tok.lemma, tree.particle(i)),
        text=tok.text,
        negated=sign.negated,
        subjects=subject_args,
        obj=obj,
        preps=tuple(prep_args),
        dates=(),
        tokens=frozenset(),
        words=tuple(sorted(words)),
        state=tok.pos == "ADJ",
        light=tree.lemma(i) in LIGHT_VERBS,
        reporting=canonical_verb(tok.lemma) in REPORTING_VERBS,
        intended=sign.intended,
        past=_past(i, holders, tree),
    )


def frames(st: Statement) -> list[Frame]:
    """The events of a statement, in token order. Pure; needs ``st.tokens`` and ``st.values``."""
    if not st.tokens:
        return []
    tree = _Tree(st)
    polarity = _Polarity(tree)
    heads = [i for i in range(len(st.tokens)) if _is_event(i, tree)]
    roots = {i: _span_root(i, tree) for i in heads}
    out = []
    for i in heads:
        stop = ({*heads} | {*roots.values()}) - {i, roots[i]}
        span = frozenset(tree.subtree(roots[i], stop))
        out.append(replace(_frame(i, tree, polarity), tokens=span))
    dated: list[Frame] = []
    for f in out:
        own = [v for v in st.values if v.kind is ValueKind.DATE and frame_of(v, st, out) is f]
        dated.append(replace(f, dates=tuple(own)))
    return dated


def frame_of(value: Value, st: Statement, fs: Sequence[Frame]) -> Frame | None:
    """The innermost event whose span holds ``value`` (None when no event holds it)."""
    idx = {i for i, t in enumerate(st.tokens) if value.start <= t.start and t.end <= value.end}
    holding = [f for f in fs if idx and idx <= f.tokens]
    return min(holding, key=lambda f: len(f.tokens)) if holding else None


def phrase(frame: Frame, st: Statement, extra: Sequence[int] = ()) -> str:
    """The event in the source's own words, in sentence order ("Meta won't release the
    model"), with the ``extra`` words (an argument's). Neighbouring words keep their
    spacing; a gap between words becomes a space."""
    words = sorted({*frame.words, *extra})
    if not words:
        return frame.text
    out = st.tokens[words[0]].text
    for prev, i in pairwise(words):
        gap = st.text[st.tokens[prev].end : st.tokens[i].start] if i == prev + 1 else " "
        out += re.sub(r"\s+", " ", gap) + st.tokens[i].text
    return out
