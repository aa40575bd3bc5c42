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
  date is not folded into the event it modifies. The date of a reporting verb that tells a
  clause dates the report ("officials *said on Tuesday*"): :func:`report_dates`, never an
  event's date. The named subject of such a verb is the event's ``speaker``;
- denial verbs with the clause they deny ("police *denied* that officers used tear gas",
  "*rejected claims* that the pipeline leaked", :data:`DENIAL_VERBS`): the clause is the
  event, negated as the denier's claim (``denier``);
- control verbs that only frame another event (:data:`NEGATIVE_VERBS` "refused to sign",
  "ruled out raising", "decided against raising"; "going to" as a future): the governed
  verb is the event, and it takes the control verb's words and dates;
- copulas with a predicate: the predicate is the event, a *state* (``state=True``): "The
  bridge is closed" is the event "close", "the airport remained closed" too, "The company
  is not profitable" the negated event "profitable", "the plan was not a good deal" the
  negated event "good deal" (a predicate noun with its modifiers, ``predicate=True``).

A noun of :data:`EVENT_NOUNS` told as happening or not is an event too: "there were no
*injuries*" and "no *injuries* were reported" are the negated event "injure", whose patient
is anyone.

Verbs are canonicalised through documented synonym classes (:data:`SYNONYMS`, phrasal
verbs in :data:`PHRASAL`): "halted testing" and "paused testing" are one action, and so are
"killed"/"died"/"dead" or "cut"/"eliminated"/"laid off". Light verbs (:data:`LIGHT_VERBS`:
be, have, do, get, make) and verbs that only place a figure (:data:`LEVEL_VERBS`: "stood
at 12") name no particular action; ``light=True`` tells the caller the action is unknown.

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
An argument is its head and its modifiers: the names attached to it ("*Dornell* shares",
"shares *of Dornell*", "repairs *in Marlow County*", two phrases deep) and its classifiers
("*net* profit", "*road* games"; :attr:`Arg.attached`, :attr:`Arg.classifiers`). A phrase
on a value object belongs to the event ("invested *$14.3bn in Scale AI*": "in Scale AI").
``passive`` marks an object that is the grammatical subject, so that a caller can match it
with the subject of an intransitive or a state ("the factory is closed" / "is open").
A count of a group ("*two of the injured*") is an argument of its group, counted.

A phrasal verb is its canonical verb (:data:`PHRASAL`: "touched down" is "land", "laid
off" is "cut"); one not listed is its own action, verb and particle ("hand down"). An
event told as done has ``past``; one told as a plan or a future ("will cut", "would cut",
"plans to cut", "is set to open") has ``planned``. A "be" clause with a named or common
subject and a prepositional predicate ("Captain Mendes *was at the controls*") is a
``copular`` event of the verb "be", its prepositions as arguments.

**Measured things.** :func:`measured` gives the thing a figure measures or belongs to (the
noun it counts, the noun it is "of", the object or subject of a verb of
:data:`MEASURING_VERBS`): "*revenue* of $4.82 billion", "*revenue* ... was up 12%", "*the
consumer segment* fell 8%", "cut 300 *jobs*"; the figure of another action ("invested
$14.3 billion") measures none.

**Negation** (``negated``), each rule flipping the polarity:

- a negator on the verb or its copula: not, n't, never, no (:data:`NEGATORS`), "no longer"
  (:data:`NO_ADVERBS`; ``ceased``: it did happen before); but "will *not* reopen *until*
  May" (:data:`UNTIL_WORDS`) says it reopens in May, so it is affirmed (``until``) and
  dated May;
- a negative subject or object: "*No* charges were filed", "filed *no* charges",
  "*Nobody* was injured", "*neither* the mayor *nor* the council" (:data:`NEGATIVE_PRONOUNS`;
  a pronoun's role is in ``negative_roles``: it stands for anyone);
- a negative control verb: "*refused to* sign", "*declined to* raise", "*ruled out*
  raising", "*decided against* raising" (:data:`NEGATIVE_VERBS`, :data:`AGAINST_VERBS`);
- a negated intention: "*never intended to* raise", "*not going to* abandon"
  (:data:`INTENT_VERBS`), and "has *no plans to* raise", "*no intention of* selling"
  (:data:`INTENT_NOUNS`);
- a clause declared untrue: "It is *not true that* we will cut pensions", "it is *false
  that* ..." (:data:`TRUE_WORDS`, :data:`FALSE_WORDS`);
- a denial: "the company *denied that* the pipeline leaked" (``denier``); "did not deny
  that" neither asserts nor denies (``asserted=False``).

An event asked for rather than told is not asserted (``asserted=False``): "residents were
*told not to* return" (:data:`DIRECTIVE_VERBS`) denies no return.

``words`` are the token indices that show the event in the source's own words, in sentence
order (subject, auxiliaries, negation, verb, object): :func:`phrase` renders them.

The parser sometimes reads "Vantor paused testing of its drones" as an adjective "paused"
modifying a root noun "testing". A past participle modifying the root noun of a sentence
that has no verb of its own is read as that sentence's verb: the noun is its object, a noun
before it its subject. A past participle on a noun that is not the root ("the study,
*published* on February 9, followed ...") has that noun for its object, as a passive.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from itertools import pairwise

from factcheck.extract import clause_tense, same_name
from factcheck.types import Statement, Token, Value, ValueKind

__all__ = [
    "AGAINST_VERBS",
    "ANTONYMS",
    "CLAIM_NOUNS",
    "CONTRASTIVE_MODIFIERS",
    "DENIAL_VERBS",
    "DIRECTIVE_VERBS",
    "EVENT_NOUNS",
    "FALSE_WORDS",
    "INSTANCE_WORDS",
    "INTENT_NOUNS",
    "INTENT_VERBS",
    "LEVEL_VERBS",
    "LIGHT_VERBS",
    "MEASURING_VERBS",
    "NEGATIVE_PRONOUNS",
    "NEGATIVE_VERBS",
    "NEGATORS",
    "NO_ADVERBS",
    "PHRASAL",
    "REPORTING_VERBS",
    "SYNONYMS",
    "TRUE_WORDS",
    "UNTIL_WORDS",
    "Arg",
    "Frame",
    "canonical_verb",
    "frame_of",
    "frames",
    "measured",
    "on_noun",
    "opposite",
    "phrase",
    "report_dates",
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

#: Verbs that only say where a figure stands ("the toll *stood at* 12", "sales *totalled*
#: $5 million"): with a number for their object or after "at" or "to", like light verbs
#: they name no action of their own, so "stood at 12" is compared with "was revised to
#: 14" ("stand trial" is an action).
LEVEL_VERBS = frozenset({"stand", "total", "number", "amount"})

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
    "back": "approve", "endorse": "approve", "support": "approve",
    "refuse": "reject", "veto": "reject", "block": "reject",
    "purchase": "buy", "acquire": "buy",
    "postpone": "delay",
}  # fmt: skip

#: Phrasal verbs (lemma, particle) and the canonical lemma they mean. A particle verb not
#: listed is its own action, verb and particle ("hand down", "give up"): the particle
#: changes the meaning, so "touched down" is not "touched".
PHRASAL = {
    ("lay", "off"): "cut", ("walk", "out"): "strike", ("shut", "down"): "close",
    ("close", "down"): "close", ("wind", "down"): "close", ("go", "up"): "rise",
    ("go", "down"): "fall", ("put", "off"): "delay", ("push", "back"): "delay",
    ("call", "off"): "cancel", ("touch", "down"): "land", ("take", "off"): "depart",
    ("step", "down"): "resign", ("turn", "down"): "reject", ("pull", "out"): "withdraw",
    ("back", "out"): "withdraw", ("cut", "back"): "cut", ("sign", "off"): "approve",
    ("set", "up"): "establish", ("give", "up"): "abandon",
}  # fmt: skip

#: Pairs of canonical verbs that say the opposite of each other.
ANTONYMS = frozenset(
    frozenset(p)
    for p in (
        ("pause", "resume"), ("rise", "fall"), ("approve", "reject"), ("hire", "cut"),
        ("open", "close"), ("win", "lose"), ("accept", "reject"), ("buy", "sell"),
        ("include", "exclude"), ("allow", "ban"), ("approve", "oppose"), ("gain", "lose"),
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

#: Adjectives that classify a thing rather than describe it: "*net* profit" and
#: "*operating* profit" are two figures, "a *home* game" and "a *road* game" two games.
#: Arguments whose classifiers differ are two things (see :attr:`Arg.classifiers`);
#: descriptive adjectives ("the *massive* fire", "the *deadly* fire") are not compared, as
#: outlets describe one thing in their own words. Noun modifiers ("the *Millbrook* fire",
#: "*road* games") always classify.
CONTRASTIVE_MODIFIERS = frozenset(
    {"net", "gross", "operating", "pretax", "pre-tax", "adjusted", "underlying", "core",
     "domestic", "international", "foreign", "national", "federal", "local", "regional",
     "municipal", "public", "private", "home", "away", "first", "second", "third", "fourth",
     "fifth", "last", "annual", "quarterly", "monthly", "weekly", "daily", "upper", "lower",
     "northern", "southern", "eastern", "western", "north", "south", "east", "west",
     "primary", "secondary", "junior", "senior", "male", "female", "minimum", "maximum",
     "average", "median", "full-time", "part-time", "military", "civilian", "residential",
     "commercial", "industrial", "retail", "wholesale", "online", "nuclear", "electric"}
)  # fmt: skip

#: Verbs that deny the clause they govern: "police *denied* that officers used tear gas",
#: "*rejected* claims that the pipeline leaked" (and "*denied* using tear gas"). The clause
#: is the event, negated as the denier's claim (``Frame.denier``); the verb is not an event.
DENIAL_VERBS = frozenset({"deny", "reject", "dismiss", "refute", "dispute", "rebut"})

#: Nouns whose "that" clause, under a denial verb, is their content, not a relative
#: clause: "rejected claims *that the pipeline leaked*" denies the leak (and the "that" is no
#: argument of "leaked").
CLAIM_NOUNS = frozenset(
    {"claim", "allegation", "report", "suggestion", "accusation", "assertion", "charge",
     "rumor", "rumour", "speculation", "notion", "contention"}
)  # fmt: skip

#: Verbs that ask for what they govern rather than tell it as done: "residents were *told*
#: not to return", "*urged* voters to reject", "were *allowed* to return". The governed
#: event is not asserted (``Frame.asserted``), so its polarity is no evidence: "told not to
#: return" does not deny "returned".
DIRECTIVE_VERBS = frozenset(
    {"tell", "ask", "urge", "order", "advise", "instruct", "direct", "warn", "encourage",
     "command", "request", "beg", "implore", "caution", "invite", "remind", "allow",
     "permit", "authorize", "authorise", "call", "press", "push"}
)  # fmt: skip

#: Nouns that name an event, with the verb they stand for. Such a noun is an event of its
#: own where the sentence tells that it did or did not happen: "there were *no injuries*"
#: (existential), "*no deaths* were reported" (a reporting verb's object). With "no" it is
#: negated and its patient is anyone (``Frame.negative_roles``): "there were no injuries"
#: contradicts "two people were injured".
EVENT_NOUNS = {
    "injury": "injure", "death": "kill", "fatality": "kill", "arrest": "arrest",
    "casualty": "injure", "evacuation": "evacuate",
}  # fmt: skip

#: Adverbs that negate with "no": "*no longer* releases", "*no more* sells".
NO_ADVERBS = frozenset({"longer", "more"})

#: Prepositions and conjunctions of "not ... until": "will *not* reopen *until* May" says it
#: reopens in May, so the negation is not a denial and May is the event's date.
UNTIL_WORDS = frozenset({"until", "till", "til"})

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
    """The canonical lemma of a verb's synonym class ("halt" -> "pause"; "lay off" -> "cut";
    "touch down" -> "land"); a particle verb not in :data:`PHRASAL` keeps its particle
    ("hand down")."""
    lemma = lemma.lower()
    if particle is None:
        return SYNONYMS.get(lemma, lemma)
    particle = particle.lower()
    return PHRASAL.get((lemma, particle), f"{lemma} {particle}")


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
    ``attached``: the names among its modifiers, each with how it hangs on the head ("mod"
    for a compound or a possessive, else the preposition): "*Dornell* shares" and "shares
    *of Dornell*" both attach "dornell"; prepositional phrases are read two deep ("workers
    at its plant *in Dayton*"). ``classifiers``: its modifiers that pick a kind of the
    thing, common nouns ("*road* games") and :data:`CONTRASTIVE_MODIFIERS` ("*net*
    profit"). ``words`` are the token indices shown for it.
    """

    name: str
    text: str
    named: bool
    definite: bool
    kind: ValueKind | None
    words: tuple[int, ...]
    counted: bool = False
    instance: frozenset[str] = frozenset()
    attached: tuple[tuple[str, str], ...] = ()
    classifiers: frozenset[str] = frozenset()

    @property
    def attached_names(self) -> frozenset[str]:
        return frozenset(n for _, n in self.attached)

    def same(self, other: Arg) -> bool:
        """The same argument: the same name (or an alias, "zuckerberg"), or for common nouns
        the same word, with the same :data:`INSTANCE_WORDS` ("the offer" is not "a revised
        offer")."""
        if self.instance != other.instance:
            return False
        people = ValueKind.PERSON in (self.kind, other.kind)  # no person is another's initials
        if same_name(self.name, other.name, acronyms=not people):
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
    ("cut", "has cut"), not planned or ongoing ("was sending" is ongoing). ``planned``:
    told as a plan or a future, in the tense :func:`factcheck.extract.clause_tense` reads
    ("will cut", "would cut", "plans to cut", "is set to cut", "expects to cut", "is
    sending"): a plan and a done deed are two events. ``copular``: a "be" clause with a
    prepositional predicate ("Captain Mendes *was at the controls*"), whose subject is
    compared like an actor's. ``passive``: the object is the grammatical
    subject ("the factory *is closed*", "*nobody* was injured"), so it may be the subject
    of an intransitive or a state in another sentence ("the factory is open").
    ``negative_roles``: roles held by a negative pronoun ("*nobody*", "*no one*", "*no*
    injuries"), which stand for anyone. ``asserted``: False when the event is asked for,
    not told ("were told not to return", :data:`DIRECTIVE_VERBS`). ``denier``: who denies
    the event, in the source's words ("the company" of "the company denied that the
    pipeline leaked"); the event is then negated as that speaker's claim. ``speaker``: the
    named subject of the reporting verb that tells the event ("*Mayor Voss* said ...");
    ``attributed``: that subject, named or not ("*police* said", "*witnesses* said").
    ``until``: negated with "until" ("will not reopen *until May*"), which says it happens
    then: the event is affirmed and the "until" date is its date. ``ceased``: negated with
    "no longer" ("no more"), which says it did happen before. ``predicate``: a predicate
    noun ("the plan was *a good deal*"), whose subject may share it with others ("Meta is a
    leader in AI"), so only its polarity is compared.
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
    passive: bool = False
    negative_roles: frozenset[str] = frozenset()
    asserted: bool = True
    denier: str | None = None
    speaker: Arg | None = None
    attributed: Arg | None = None
    until: bool = False
    ceased: bool = False
    predicate: bool = False
    planned: bool = False
    copular: bool = False

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

    def holders_of(self, i: int) -> list[Value]:
        tok = self.tokens[i]
        return [v for v in self.st.values if v.start <= tok.start and tok.end <= v.end]

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
    """The argument headed by token ``i`` (None for a pronoun, a date or money). A bare
    number of a count is named by what it counts ("87 people were killed and *410* were
    injured": people).

    A relative pronoun stands for the noun it modifies ("the plan *that* the council
    approved")."""
    tokens, tok = tree.tokens, tree.tokens[i]
    if tok.pos == "PRON" or tok.tag in {"WDT", "WP", "PRP"} or tree.lemma(i) == "that":
        verb = tree.head(i)
        if tree.lemma(tokens[verb].head) in CLAIM_NOUNS and _denial(verb, tree) is not None:
            return None  # "rejected claims that the pipeline leaked": "that" is no argument
        if tokens[verb].dep in {"relcl", "acl"} and tok.tag in {"WDT", "WP", "IN", "DT"}:
            return _arg(tokens[verb].head, tree) if tokens[verb].head != verb else None
        return None
    negative = _negative_arg(i, tree) is not None
    if tree.lemma(i) in {"none", "neither"} and (of := _of_object(i, tree)) is not None:
        return _arg(of, tree)  # "none of the passengers": the passengers, negated
    if tok.pos == "NUM" and (of := _of_object(i, tree)) is not None:
        group = _arg(of, tree)  # "two of the injured": a count of the injured
        if group is not None and not group.named:
            return replace(group, counted=True, words=tuple(sorted({i, *group.words})))
    if tree.lemma(i) in NEGATIVE_PRONOUNS or (tree.lemma(i) == "one" and negative):
        return None  # "nobody", "no one": nobody in particular
    shown = {k for k in tree.kids[i] if tree.dep(k) in _SHOWN_ARG_DEPS}
    for k in list(shown):  # a hyphenated modifier is shown whole: "a *five-year* contract"
        if any(tokens[c].text == "-" for c in tree.kids[k]):
            shown |= tree.subtree(k, set())
    words = sorted({i} | shown)
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
        attached, classifiers = _attachments(i, tree)
        unit = v.unit if tok.pos == "NUM" else None  # "410 were injured": people
        return Arg(
            unit or tree.lemma(i),
            unit or tok.text.lower(),
            False,
            definite,
            None,
            tuple(words),
            True,
            instance,
            attached,
            classifiers,
        )
    if tok.pos == "PROPN":
        names = [k for k in words if tokens[k].pos == "PROPN"]
        name = " ".join(tokens[k].text.lower() for k in names)
        return Arg(name, tok.text.lower(), True, True, None, tuple(names))
    attached, classifiers = _attachments(i, tree)
    return Arg(
        tree.lemma(i),
        tok.text.lower(),
        False,
        definite,
        None,
        tuple(words),
        False,
        instance,
        attached,
        classifiers,
    )


def _of_object(i: int, tree: _Tree) -> int | None:
    """The object of an "of" phrase on ``i`` ("none *of the passengers*")."""
    of = next((k for k in tree.kids[i] if tree.dep(k) == "prep" and tree.lemma(k) == "of"), None)
    return tree.child(of, "pobj") if of is not None else None


def _name_at(k: int, tree: _Tree) -> str | None:
    """The name token ``k`` belongs to: an entity's normalised name, or an untagged proper
    noun with its proper-noun compounds ("Vantor"); None for other words and values."""
    values = tree.holders_of(k)
    entity = next((v for v in values if v.kind in _ENTITY_KINDS), None)
    if entity is not None:
        return entity.norm
    if values or tree.tokens[k].pos != "PROPN":
        return None
    parts = sorted({k} | {c for c in tree.kids[k] if tree.dep(c) == "compound"})
    return " ".join(tree.tokens[j].text.lower() for j in parts if tree.tokens[j].pos == "PROPN")


#: Prepositional phrases on an argument are read this deep for names ("workers at its
#: plant in Dayton": "at its plant" is one deep, "in Dayton" two).
_ATTACH_DEPTH = 2


def _attachments(
    i: int, tree: _Tree, depth: int = 0
) -> tuple[tuple[tuple[str, str], ...], frozenset[str]]:
    """The names attached to the noun ``i`` and its classifiers (see :class:`Arg`).

    Compounds, possessives and other noun modifiers that are names attach as "mod"
    ("*Dornell* shares", "*Acme's* plant"); the objects of prepositional phrases attach by
    their preposition ("shares *of Dornell*", "repairs *in Marlow County*"), two deep.
    Classifiers are read on the head only: common-noun compounds and possessives ("*road*
    games", "the *county's* budget") and :data:`CONTRASTIVE_MODIFIERS`. Values (dates,
    money) are neither: "the *2024* letter" is the letter.
    """
    attached: list[tuple[str, str]] = []
    classifiers: set[str] = set()
    own = tree.holders_of(i)  # "two *road* games": the count holds the head too
    for k in tree.kids[i]:
        dep, tok = tree.dep(k), tree.tokens[k]
        if dep in {"compound", "poss", "nmod", "amod"}:
            name = _name_at(k, tree)
            if name:
                attached.append(("mod", name))
            elif depth == 0 and all(v in own for v in tree.holders_of(k)):
                if dep != "amod" and tok.pos == "NOUN":
                    classifiers.add(tree.lemma(k))
                elif tok.text.lower() in CONTRASTIVE_MODIFIERS:
                    classifiers.add(tok.text.lower())
        elif dep == "prep" and depth < _ATTACH_DEPTH:
            pobj = tree.child(k, "pobj")
            for p in tree.conjuncts(pobj) if pobj is not None else []:
                name = _name_at(p, tree)
                if name:
                    attached.append((tree.tokens[k].text.lower(), name))
                else:
                    attached += _attachments(p, tree, depth + 1)[0]
    return tuple(dict.fromkeys(attached)), frozenset(classifiers)


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
    """The copula of a predicate: an adjective ("is closed"), a participle ("remained
    *closed*") or a common noun with a subject ("the plan was a good *deal*"), as its head
    or, when the parser makes the adjective the root, as its auxiliary; None for "it is
    true that" and for a noun that is a value or a name ("revenue was $5 million")."""
    tok = tree.tokens[i]
    h = tree.head(i)
    if tok.pos == "NOUN" and tok.dep == "attr" and h != i and tree.lemma(h) in _COPULAS:
        has_subject = tree.child(h, "nsubj") is not None and tree.child(h, "expl") is None
        return h if has_subject and tree.holder(i) is None else None
    participle = tok.tag == "VBN" and tok.dep == "acomp"
    if (tok.pos != "ADJ" and not participle) or tree.lemma(i) in TRUE_WORDS | FALSE_WORDS:
        return None
    if tok.dep == "acomp" and h != i and tree.lemma(h) in _COPULAS:
        return h
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
    """A predicate: "The bridge is closed", "remained closed", "the plan was a good deal"."""
    return _copula(i, tree) is not None


def _existential(h: int, tree: _Tree) -> bool:
    """ "There *were* ...": a "be" with an expletive subject."""
    return tree.lemma(h) == "be" and tree.child(h, "expl") is not None


def _event_noun(i: int, tree: _Tree) -> bool:
    """A noun of :data:`EVENT_NOUNS` told as happening or not: the subject of "there were"
    ("there were no *injuries*") or the object of a reporting verb ("no *deaths* were
    reported", "police reported two *arrests*")."""
    tok = tree.tokens[i]
    h = tree.head(i)
    if tok.pos != "NOUN" or tree.lemma(i) not in EVENT_NOUNS or h == i:
        return False
    if tok.dep == "attr" and _existential(h, tree):
        return True
    reporting = canonical_verb(tree.lemma(h)) in REPORTING_VERBS | {"record"}
    return tok.dep in {"nsubjpass", "dobj"} and reporting


def _denial(i: int, tree: _Tree) -> int | None:
    """The verb of :data:`DENIAL_VERBS` that denies event ``i``: "denied *that* officers
    used", "denied *using*", "rejected claims *that* the pipeline leaked"."""
    dep, h = tree.dep(i), tree.head(i)
    if h == i or tree.tokens[i].pos not in {"VERB", "AUX", "ADJ", "NOUN"}:
        return None
    if (dep == "ccomp" and tree.lemma(h) in DENIAL_VERBS) or (
        dep == "xcomp" and tree.lemma(h) == "deny"  # "denied using tear gas"
    ):
        return h
    if dep in {"acl", "ccomp"} and tree.lemma(h) in CLAIM_NOUNS and tree.dep(h) == "dobj":
        g = tree.head(h)
        return g if tree.lemma(g) in DENIAL_VERBS else None
    return None


def _denies_clause(i: int, tree: _Tree) -> bool:
    """A denial verb with a clause it denies, so not an event of its own."""
    if tree.lemma(i) not in DENIAL_VERBS:
        return False
    below = list(tree.kids[i]) + [
        g for k in tree.kids[i] if tree.lemma(k) in CLAIM_NOUNS for g in tree.kids[k]
    ]
    return any(_denial(k, tree) == i for k in below)


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


def _copular_clause(i: int, tree: _Tree) -> bool:
    """A "be" clause (remain, stay) with a subject and a prepositional predicate instead of
    an adjective or a noun: "Captain Mendes *was at the controls*", "the jet *was on the
    runway*". Its event is "be" with the prepositions as arguments."""
    tok = tree.tokens[i]
    if tree.lemma(i) not in _COPULAS or tok.pos not in {"AUX", "VERB"}:
        return False
    if tok.dep in {"aux", "auxpass"} or tree.child(i, "nsubj") is None:
        return False
    if tree.child(i, "expl", "acomp", "attr", "oprd", "xcomp", "ccomp", "dobj") is not None:
        return False
    return any(
        tree.dep(k) == "prep" and (o := tree.child(k, "pobj")) is not None and _arg(o, tree)
        for k in tree.kids[i]
    )


def _nominal(i: int, tree: _Tree) -> bool:
    """A participle used as a noun, with its determiner: "two of *the injured*", "*the
    wounded* were taken": a group of people, not an event."""
    return tree.dep(i) in {"pobj", "dobj", "nsubj", "nsubjpass"} and any(
        tree.dep(k) == "det" for k in tree.kids[i]
    )


def _is_event(i: int, tree: _Tree) -> bool:
    tok = tree.tokens[i]
    if _state(i, tree) or _event_noun(i, tree) or _copular_clause(i, tree):
        return True
    if tok.pos != "VERB" or _nominal(i, tree):
        return False
    if tree.lemma(i) in _COPULAS and any(
        tree.dep(k) in {"acomp", "attr"} and (_state(k, tree) or _event_noun(k, tree))
        for k in tree.kids[i]
    ):
        return False  # "remains closed", "there were no injuries": the predicate is the event
    if canonical_verb(tok.lemma) in REPORTING_VERBS and tok.dep != "acl":
        return False
    return not _control(i, tree) and not _denies_clause(i, tree)


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
    """The word that makes argument ``i`` negative ("no" charges, "nobody", "neither I nor
    my film"), if any. A "no" the parse hangs on a modifier of the head ("*No* tsunami
    warning was issued": no -> tsunami -> warning) negates the whole noun phrase, when the
    head has no determiner of its own ("a no-fly zone" is affirmed)."""
    if tree.lemma(i) in NEGATIVE_PRONOUNS:
        return i
    found = next(
        (
            k
            for k in tree.kids[i]
            if (tree.dep(k) == "det" and tree.lemma(k) == "no")
            or (tree.dep(k) == "preconj" and tree.lemma(k) == "neither")
        ),
        None,
    )
    if found is not None or any(tree.dep(k) in {"det", "poss"} for k in tree.kids[i]):
        return found
    modifiers = [k for k in tree.kids[i] if k < i and tree.dep(k) in _NP_MODIFIER_DEPS]
    return next(
        (
            n
            for k in modifiers
            for n in tree.kids[k]
            if n < k and tree.dep(n) == "det" and tree.lemma(n) == "no"
        ),
        None,
    )


#: The modifiers of a noun on which the parse may hang the noun phrase's "no" ("no
#: *tsunami* warning", "no *new* charges"): see :func:`_negative_arg`.
_NP_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})


def _direct_negators(holders: Sequence[int], tree: _Tree) -> list[int]:
    """Negators on the event's holders: "not", "never", and "no" with one of
    :data:`NO_ADVERBS` ("no longer"), which count once."""
    out = []
    for h in holders:
        for k in tree.kids[h]:
            if tree.dep(k) == "neg" or (tree.lemma(k) in NEGATORS and tree.dep(k) == "advmod"):
                out.append(k)
            elif tree.dep(k) == "advmod" and tree.tokens[k].text.lower() in NO_ADVERBS:
                no = next((n for n in tree.kids[k] if tree.lemma(n) == "no"), None)
                out += [no, k] if no is not None else []
    return out


def _flips(cues: Sequence[int], tree: _Tree) -> int:
    """How many negations the direct negators make ("no longer" is one)."""
    return sum(tree.tokens[c].text.lower() not in NO_ADVERBS for c in cues)


def _until(holders: Sequence[int], tree: _Tree) -> list[int]:
    """The "until" words on the event's holders ("not reopen *until* May", "not release it
    *until* it is safe"), with their objects."""
    out = []
    for h in holders:
        for k in tree.kids[h]:
            if tree.dep(k) == "prep" and tree.lemma(k) in UNTIL_WORDS:
                out += sorted(tree.subtree(k, set()))
            elif tree.dep(k) == "advcl" and any(
                tree.dep(m) == "mark" and tree.lemma(m) in UNTIL_WORDS for m in tree.kids[k]
            ):
                out += [m for m in tree.kids[k] if tree.lemma(m) in UNTIL_WORDS]
    return out


@dataclass(frozen=True, slots=True)
class _Sign:
    negated: bool
    cues: tuple[int, ...]  # the words that negate
    intended: bool  # negated through an intention ("did not plan to", "no plans to")
    asserted: bool = True  # False when the event is asked for, or its denial is negated
    denier: int | None = None  # the denial verb ("denied that ...")
    until: bool = False  # "not ... until": the negation is not a denial


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
        flips = _flips(cues, tree)
        until = bool(cues) and bool(until_words := _until(holders, tree))
        if until:  # "will not reopen until May": it reopens in May
            flips, cues = 0, cues + until_words
        negative = [n for a in args if (n := _negative_arg(a, tree)) is not None]
        cues += negative
        flips += len(negative)
        intended, asserted, denier = False, True, None
        g = _governed(i, tree)
        h = tree.head(i)
        if g is not None and tree.lemma(g) in DIRECTIVE_VERBS and tree.dep(i) == "xcomp":
            asserted = False  # "were told not to return", "urged voters to reject"
        if (d := _denial(i, tree)) is not None:
            if _direct_negators([d], tree):
                asserted = False  # "did not deny that ...": neither told nor denied
            else:
                flips, denier = flips + 1, d
                cues.append(d)
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
        self.memo[i] = _Sign(flips % 2 == 1, tuple(cues), intended, asserted, denier, until)
        return self.memo[i]


def _past(i: int, holders: Sequence[int], tree: _Tree) -> bool:
    """The event is told as done: a simple past ("cut", "was closed") or a perfect ("has
    cut"), with no modal ("would cut") and not in the progressive ("was sending" is
    ongoing, or a plan told in reported speech)."""
    auxes = [k for h in holders for k in tree.kids[h] if tree.dep(k) in {"aux", "auxpass"}]
    if any(tree.tokens[k].tag == "MD" for k in auxes):
        return False
    if tree.tokens[i].tag == "VBG" and any(tree.lemma(k) == "be" for k in auxes):
        return False
    finite = [tree.tokens[h] for h in holders if tree.tokens[h].pos in {"VERB", "AUX"}]
    return (
        any(t.tag == "VBD" for t in finite)
        or any(tree.tokens[k].tag == "VBD" for k in auxes)
        or any(tree.lemma(k) == "have" for k in auxes)
    )


def _planned(i: int, holders: Sequence[int], tree: _Tree) -> bool:
    """The event is told as a plan or a future (see :func:`factcheck.extract.clause_tense`):
    read on its verb, or on the copula of a state ("will be closed")."""
    verb = next((h for h in holders if tree.tokens[h].pos in {"VERB", "AUX"}), i)
    return clause_tense(tree.tokens, verb) == "future"


# --------------------------------------------------------------------------------------
# Frames
# --------------------------------------------------------------------------------------


def _holders(i: int, tree: _Tree) -> list[int]:
    """The tokens whose children are the event's arguments: the verb, the copula of a
    state, the root noun of a misparsed verb."""
    copula = _copula(i, tree)
    if copula is not None:
        return [i, copula]
    if _event_noun(i, tree) and _existential(tree.head(i), tree):
        return [i, tree.head(i)]  # "there were no injuries in the crash"
    return [i, tree.head(i)] if _misparsed_verb(i, tree) else [i]


def _span_root(i: int, tree: _Tree) -> int:
    """Where the event's span starts: its copula, or the control verb that frames it."""
    copula = _copula(i, tree)
    above = copula is not None and copula == tree.head(i)
    there = _event_noun(i, tree) and _existential(tree.head(i), tree)  # "there were"
    if above or there or _misparsed_verb(i, tree):
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
    if ctrl is not None and tok.dep == "xcomp" and tree.lemma(ctrl) in DIRECTIVE_VERBS:
        return tree.child(ctrl, "nsubjpass")  # "residents were told to return"
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


def _value_preps(k: int, tree: _Tree) -> list[tuple[str, int, int]]:
    """The prepositional phrases on an object that is a value: in "invested *$14.3bn in
    Scale AI*" the phrase "in Scale AI" hangs on the money but tells the investment's
    target."""
    v = tree.holder(k)
    if v is None or v.kind in _ENTITY_KINDS or v.kind is ValueKind.COUNT:
        return []
    out = []
    for p in tree.kids[k]:
        pobj = tree.child(p, "pobj") if tree.dep(p) == "prep" else None
        if pobj is not None:
            out += [(tree.tokens[p].text.lower(), p, o) for o in tree.conjuncts(pobj)]
    return out


def _predicate_noun(i: int, tree: _Tree) -> str:
    """The event of a predicate noun: its common-noun and adjective modifiers and its lemma
    ("a good deal" -> "good deal"), so "a good deal" and "a bad deal" are two states."""
    mods = [
        k
        for k in tree.kids[i]
        if tree.dep(k) in {"amod", "compound"}
        and tree.holder(k) is None
        and tree.tokens[k].pos in {"ADJ", "NOUN"}
    ]
    return " ".join([*(tree.lemma(k) for k in sorted(mods)), tree.lemma(i)])


def _reporter(i: int, tree: _Tree) -> int | None:
    """The reporting verb that tells the clause of event ``i`` ("officials *said*")."""
    h = tree.head(i)
    if h != i and tree.dep(i) in {"ccomp", "parataxis"} and _reports(h, tree):
        return h
    return next(
        (k for k in tree.kids[i] if tree.dep(k) in {"parataxis", "ccomp"} and _reports(k, tree)),
        None,
    )


def _reports(i: int, tree: _Tree) -> bool:
    """A reporting verb that is not an event of its own (see :data:`REPORTING_VERBS`)."""
    tok = tree.tokens[i]
    return tok.pos == "VERB" and canonical_verb(tok.lemma) in REPORTING_VERBS and tok.dep != "acl"


def _denier(verb: int, tree: _Tree) -> str:
    """Who denies, in the source's words, for a reason ("the company", "Whitfield")."""
    k = tree.child(verb, "nsubj")
    if k is None:
        return "a speaker"
    a = _arg(k, tree)
    out = " ".join(tree.tokens[j].text for j in (a.words if a is not None else (k,)))
    return out if a is not None and a.named else out[:1].lower() + out[1:]


def _speaker(i: int, tree: _Tree) -> Arg | None:
    """The named subject of the reporting verb that tells event ``i``, shown with the verb
    ("Ellen Voss said")."""
    reporter = _reporter(i, tree)
    k = tree.child(reporter, "nsubj") if reporter is not None else None
    a = _arg(k, tree) if k is not None and reporter is not None else None
    if a is None or not a.named or reporter is None:
        return None
    return replace(a, words=tuple(sorted({*a.words, reporter})))


def _attributed(i: int, tree: _Tree) -> Arg | None:
    """The subject of the reporting verb that tells event ``i``, named or a common noun
    ("*witnesses* said officers fired 12 shots"), or None."""
    reporter = _reporter(i, tree)
    k = tree.child(reporter, "nsubj") if reporter is not None else None
    return _arg(k, tree) if k is not None else None


def _framing_words(i: int, sign: _Sign, tree: _Tree) -> set[int]:
    """The words around an event that change what it asserts, to show it in the source's
    words: the denial ("the company denied that"), the directive ("were told"), the
    reporting verb of a reported event noun ("no injuries were reported")."""
    out: set[int] = set()
    h = tree.head(i)
    above: list[int] = []
    if sign.denier is not None:
        d = sign.denier
        above = [d]
        subj = tree.child(d, "nsubj")
        if subj is not None:
            a = _arg(subj, tree)
            out |= set(a.words) if a is not None else {subj}
        if h != d:  # "rejected claims that": the claim noun
            out |= {h, *(k for k in tree.kids[h] if tree.dep(k) == "det")}
        out |= {k for k in tree.kids[i] if tree.lemma(k) == "that" and k < i}
    elif not sign.asserted and tree.dep(i) == "xcomp":
        above = [h]  # "were told not to return"
    elif _event_noun(i, tree) and not _existential(h, tree):
        above = [h]  # "no injuries were reported"
    for g in above:
        out |= {g, *(k for k in tree.kids[g] if tree.dep(k) in {*_SHOWN_DEPS, "neg"})}
    return out


def _places_figure(i: int, tree: _Tree) -> bool:
    """A verb of :data:`LEVEL_VERBS` with a number for its object or after "at" or "to"."""
    if tree.lemma(i) not in LEVEL_VERBS:
        return False
    heads = [k for k in tree.kids[i] if tree.dep(k) == "dobj"]
    heads += [
        o
        for k in tree.kids[i]
        if tree.dep(k) == "prep" and tree.lemma(k) in {"at", "to"}
        for o in tree.kids[k]
        if tree.dep(o) == "pobj"
    ]
    return any(tree.tokens[k].pos == "NUM" or tree.holder(k) is not None for k in heads)


def _frame(i: int, tree: _Tree, polarity: _Polarity) -> Frame:
    tokens = tree.tokens
    tok = tokens[i]
    holders = _holders(i, tree)
    event_noun = _event_noun(i, tree)
    predicate_noun = tok.pos == "NOUN" and _state(i, tree)
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
                preps += _value_preps(k, tree)
            elif dep in _PREP_DEPS:
                pobj = tree.child(k, "pobj")
                if pobj is None:
                    continue
                if dep == "agent":
                    subjects += tree.conjuncts(pobj)
                    shown.append(k)  # "by"
                else:
                    preps += [(tokens[k].text.lower(), k, p) for p in tree.conjuncts(pobj)]
            elif dep in _SHOWN_DEPS or (dep == "expl" and event_noun):
                shown.append(k)
        if h != i and not misparsed:
            shown.append(h)  # the copula
    if predicate_noun or event_noun:
        shown += [k for k in tree.kids[i] if tree.dep(k) in _SHOWN_ARG_DEPS]
    passive = event_noun
    if patients:  # passive: the grammatical subject is the logical object
        if objects:
            preps += [("to", p, p) for p in patients]  # "Acme was awarded the contract"
        else:
            objects.insert(0, patients[0])
            passive = True
    if not patients and not objects and tree.dep(i) == "acl" and tok.tag == "VBN":
        noun = tree.head(i)  # "the study, *published* on February 9": the study is published
        if noun != i and tokens[noun].pos in {"NOUN", "PROPN"} and tree.dep(noun) != "ROOT":
            objects.append(noun)
            passive = True
    if not subjects and not patients:
        inherited = _inherited_subject(i, tree)
        if inherited is not None:
            inherited_patient = tree.dep(inherited) == "nsubjpass" and tok.tag == "VBN"
            (objects if inherited_patient else subjects).insert(0, inherited)
            passive = passive or inherited_patient
    own = [i] if event_noun else []
    sign = polarity(i, holders, sorted({*subjects, *patients, *objects, *own}))
    subject_args = tuple(a for k in subjects if (a := _arg(k, tree)) is not None)
    obj = next((a for k in objects if (a := _arg(k, tree)) is not None), None)
    prep_args: list[tuple[str, Arg]] = []
    for p, at, k in preps:
        a = _arg(k, tree)
        if a is not None:  # shown with its preposition: "in Paris"
            prep_args.append((p, replace(a, words=tuple(sorted({at, *a.words})))))
    prep_args.sort(key=lambda pa: (pa[0], pa[1].name))
    roles = [("subject", k) for k in subjects] + [("object", k) for k in objects[:1]]
    roles += [(p, k) for p, _, k in preps]
    nobody = {r for r, k in roles if _negative_arg(k, tree) is not None and _arg(k, tree) is None}
    if event_noun and _negative_arg(i, tree) is not None:
        nobody.add("object")  # "there were no injuries": nobody was injured
    words = set(shown) | set(sign.cues) | _control_words(i, tree)
    if subjects:
        first = _arg(subjects[0], tree)
        words |= set(first.words) if first is not None else {subjects[0]}
    if obj is not None:
        words |= set(obj.words)
    for k in {*subjects, *objects[:1]}:
        if _negative_arg(k, tree) is not None:  # "No one", "None of the passengers"
            words |= tree.subtree(k, set())
    words |= _framing_words(i, sign, tree)
    if predicate_noun:
        verb = _predicate_noun(i, tree)
    elif event_noun:
        verb = EVENT_NOUNS[tree.lemma(i)]
    else:
        verb = canonical_verb(tok.lemma, tree.particle(i))
    return Frame(
        verb=verb,
        text=tok.text,
        negated=sign.negated,
        subjects=subject_args,
        obj=obj,
        preps=tuple(prep_args),
        dates=(),
        tokens=frozenset(),
        words=tuple(sorted(words)),
        state=_state(i, tree),
        light=(tree.lemma(i) in LIGHT_VERBS or _places_figure(i, tree)) and not event_noun,
        reporting=canonical_verb(tok.lemma) in REPORTING_VERBS and not event_noun,
        intended=sign.intended,
        past=_past(i, holders, tree),
        planned=_planned(i, holders, tree),
        copular=_copular_clause(i, tree),
        passive=passive,
        negative_roles=frozenset(nobody),
        asserted=sign.asserted,
        denier=_denier(sign.denier, tree) if sign.denier is not None else None,
        speaker=_speaker(i, tree),
        attributed=_attributed(i, tree),
        until=sign.until,
        ceased=any(tokens[c].text.lower() in NO_ADVERBS for c in sign.cues),
        predicate=predicate_noun,
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
    reported = {(v.start, v.end) for v in report_dates(st)}
    dated: list[Frame] = []
    for f in out:
        own = [
            v
            for v in st.values
            if v.kind is ValueKind.DATE
            and (v.start, v.end) not in reported
            and frame_of(v, st, out) is f
        ]
        if f.until:
            own = [w for v in own if (w := _until_date(v)) is not None]
        dated.append(replace(f, dates=tuple(own)))
    return dated


def report_dates(st: Statement) -> tuple[Value, ...]:
    """The dates of the report, not of an event: those that hang on a reporting verb that
    tells a clause ("the fire has burned 2,400 acres, officials *said on Tuesday*"; "police
    on Saturday denied that ..."). They say when a source spoke, so they are never
    compared with an event's date. A reporting verb with a noun object ("announced the
    deal on Monday") tells an event of its own, so its date is not a report date."""
    if not st.tokens:
        return ()
    tree = _Tree(st)
    return tuple(
        v for v in st.values if v.kind is ValueKind.DATE and _tells_clause(_verb_of(v, tree), tree)
    )


def _verb_of(v: Value, tree: _Tree) -> int | None:
    """The first verb or event above a value in the parse."""
    idx = [j for j, t in enumerate(tree.tokens) if v.start <= t.start and t.end <= v.end]
    j = next((j for j in idx if tree.head(j) not in idx or tree.head(j) == j), None)
    seen: set[int] = set()
    while j is not None and j not in seen:
        seen.add(j)
        if tree.tokens[j].pos in {"VERB", "AUX"} or _is_event(j, tree):
            return j
        j = tree.head(j) if tree.head(j) != j else None
    return None


def _tells_clause(j: int | None, tree: _Tree) -> bool:
    """A reporting verb that tells a clause, or a denial verb that denies one."""
    if j is None:
        return False
    if _denies_clause(j, tree):
        return True
    clause = tree.dep(j) == "parataxis" or any(
        tree.dep(k) in {"ccomp", "parataxis"} for k in tree.kids[j]
    )
    return _reports(j, tree) and clause


_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_ISO_PART = re.compile(r"^(\d{4})(?:-([QHW])(\d{1,2}))?$")


def _iso_start(norm: str) -> date | None:
    """The first day of a date's ISO text (``2026-05-04``, ``2026-05``, ``2026``,
    ``2026-Q2``, ``2026-H1``, ``2026-W19``, ``<first>/<last>``: the forms of
    :func:`factcheck.extract.extract`'s date norms); None for anything else."""
    norm = norm.split("/")[0]
    if m := _ISO_DAY.match(norm):
        return date(int(m[1]), int(m[2]), int(m[3]))
    if m := _ISO_MONTH.match(norm):
        return date(int(m[1]), int(m[2]), 1)
    m = _ISO_PART.match(norm)
    if m is None:
        return None
    year, part, n = int(m[1]), m[2], int(m[3] or 0)
    if part is None:
        return date(year, 1, 1)
    if part == "W":
        return date.fromisocalendar(year, n, 1)
    return date(year, 3 * n - 2 if part == "Q" else 6 * n - 5, 1)


def _until_date(v: Value) -> Value | None:
    """The date of "not ... until X": X itself, not "up to X" (None when X's first day
    cannot be read, so that the date is not compared)."""
    if v.qualifier not in UNTIL_WORDS or v.high is None or not v.norm.startswith("<="):
        return v
    try:
        first = _iso_start(v.norm[2:])
    except ValueError:
        first = None
    if first is None:
        return None
    note = "'not ... until': the event happens then"
    return replace(
        v,
        norm=v.norm[2:],
        low=float(first.toordinal()),
        note=f"{v.note}; {note}" if v.note else note,
    )


def frame_of(value: Value, st: Statement, fs: Sequence[Frame]) -> Frame | None:
    """The innermost event whose span holds ``value`` (None when no event holds it)."""
    idx = {i for i, t in enumerate(st.tokens) if value.start <= t.start and t.end <= value.end}
    holding = [f for f in fs if idx and idx <= f.tokens]
    return min(holding, key=lambda f: len(f.tokens)) if holding else None


def measured(value: Value, st: Statement) -> Arg | None:
    """The thing a figure measures or belongs to, as an argument (its head, classifiers and
    attached names), or None when the parse does not say:

    - a count: the noun it counts ("cut 300 *jobs*", "two of *the injured*");
    - a figure on a noun: "*revenue* of $4.82 billion", "a $2 billion *buyback*", "at a
      *cost* of $48 million", "$4.8 billion in *sales*";
    - the level or change a verb of :data:`MEASURING_VERBS` (or a light verb) states: its
      object when it has one ("cut *its forecast* to $19.8 billion", "made an emergency
      *landing* on Tuesday"), else its subject ("*revenue* grew 12%", "*revenue* ... was up
      12%", "*the consumer segment* fell 8% to $1.05 billion").

    A figure that is the object of another verb ("invested $14.3 billion") is the action's
    own: it measures no thing, and so is compared only event by event.
    """
    if not st.tokens:
        return None
    tree = _Tree(st)
    inside = [i for i, t in enumerate(st.tokens) if value.start <= t.start and t.end <= value.end]
    roots = [i for i in inside if tree.head(i) not in inside or tree.head(i) == i]
    if not roots:
        return None
    root = roots[0]
    if value.kind is not ValueKind.COUNT:  # "a magnitude *6.8* earthquake" (split by the parse)
        root = next((i for i in roots if _on_noun(i, tree)), root)
    if value.kind is ValueKind.COUNT:
        if tree.lemma(root) == value.unit or _of_object(root, tree) is not None:
            return _arg(root, tree)
        name = value.unit or ""
        return Arg(name, name, False, False, None, (), True) if name else None
    for k in tree.kids[root]:  # "$4.8 billion *in sales*"
        o = tree.child(k, "pobj") if tree.dep(k) == "prep" and tree.lemma(k) == "in" else None
        if o is not None and tree.tokens[o].pos == "NOUN" and tree.holder(o) is None:
            return _arg(o, tree)
    j = root
    for _ in range(len(st.tokens)):
        h, dep = tree.head(j), tree.dep(j)
        if h == j:
            return None
        pos = tree.tokens[h].pos
        if dep == "pobj":
            g = tree.head(h)
            if g == h:
                return None
            if tree.tokens[g].pos in {"NOUN", "PROPN"}:
                return _arg(g, tree)
            return _verb_thing(g, {*inside, h}, tree)
        if pos in {"NOUN", "PROPN"}:  # "a $2 billion buyback", "revenue ..., up 12%"
            return _arg(h, tree) if dep in _MODIFIER_DEPS | {"advmod"} else None
        if pos in {"ADV", "ADP"} and dep in {"npadvmod", "dobj", "pobj"}:
            j = h  # "was *up* 12%": the figure of the copula
            continue
        if pos in {"VERB", "AUX", "ADJ"} and dep in _FIGURE_DEPS:
            return _verb_thing(h, set(inside), tree)
        return None
    return None


def _on_noun(i: int, tree: _Tree) -> bool:
    """Token ``i`` modifies a noun ("a *$2 billion* deal", "a magnitude *6.8* earthquake")."""
    h = tree.head(i)
    return h != i and tree.dep(i) in _MODIFIER_DEPS and tree.tokens[h].pos in {"NOUN", "PROPN"}


def on_noun(value: Value, st: Statement) -> bool:
    """The figure modifies a noun, the thing it is a property of ("a *magnitude 7.1*
    earthquake", "a *5.2-magnitude* quake", "a *$2 billion* deal"), rather than standing
    as an argument of its verb ("invested *$2 billion*")."""
    if not st.tokens or value.kind is ValueKind.COUNT:
        return False
    tree = _Tree(st)
    inside = [i for i, t in enumerate(st.tokens) if value.start <= t.start and t.end <= value.end]
    return any(tree.head(i) not in inside and _on_noun(i, tree) for i in inside)


#: Verbs whose figure is the level, or the change, of a thing (canonical lemmas): of their
#: object when they have one ("*cut its forecast* to $19.8 billion", "*reported revenue*
#: of ..., up 12%"), else of their subject ("*revenue rose* 12%", "*profit came in* at
#: $611 million"). See :func:`measured`.
MEASURING_VERBS = frozenset(
    {"rise", "fall", "cut", "be", "remain", "stay", "stand", "total", "reach", "hit", "top",
     "exceed", "surpass", "number", "amount", "come", "come in", "account", "cost", "equal",
     "hover", "end", "finish", "close", "open", "expand", "shrink", "widen", "narrow",
     "double", "triple", "revise", "put", "estimate", "forecast", "project", "update",
     "adjust", "correct", "lift", "gain", "lose", "slide", "tumble", "rally", "surge", "sink",
     "dip", "swell", "improve", "worsen", "report", "post", "record", "book", "earn",
     "generate", "have", "make", "get"}
)  # fmt: skip

_MODIFIER_DEPS = frozenset({"compound", "nmod", "amod", "nummod", "quantmod", "poss", "appos"})
_FIGURE_DEPS = frozenset({"dobj", "attr", "npadvmod", "oprd", "advmod", "prt", "acomp"})


def _verb_thing(v: int, own: set[int], tree: _Tree) -> Arg | None:
    """What the figure of verb ``v`` measures: its object (not the figure itself), else its
    subject, for :data:`MEASURING_VERBS` only."""
    verb = canonical_verb(tree.tokens[v].lemma, tree.particle(v))
    if verb not in MEASURING_VERBS and tree.lemma(v) not in MEASURING_VERBS:
        return None
    objects = [k for k in tree.kids[v] if tree.dep(k) == "dobj" and k not in own]
    subjects = [k for k in tree.kids[v] if tree.dep(k) in _SUBJECT_DEPS]
    if not subjects and (inherited := _inherited_subject(v, tree)) is not None:
        subjects = [inherited]
    return next((a for k in (*objects, *subjects) if (a := _arg(k, tree)) is not None), None)


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
