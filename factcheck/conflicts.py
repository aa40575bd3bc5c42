"""Conflicts between two aligned statements: typed values and events, never embeddings.

Embeddings cannot see contradictions ("$14.3B" and "$2B" in the same sentence score 0.93),
so conflicts come from the typed values of :mod:`factcheck.extract` and the events of
:mod:`factcheck.frames`, and only between statements the aligner put in one fact.

**Same event.** Two values, or two actions, conflict only when they belong to the same
event. Two events (frames) are told apart by:

- *the action*: different canonical verbs are different events ("three people were
  *killed*" vs "twelve people were *injured*"), unless both are in one synonym class of
  :data:`factcheck.frames.SYNONYMS`; a light verb (be, have, make ...) is unknown. For
  values and dates only, two verbs of one class of :data:`FIGURE_SYNONYMS` ("*signed*
  Mensah for £62 million" / "*splashed* £48 million on Mensah", "*burned* 12,400 acres"
  / "*grew* to 14,200 acres") are one action when their arguments tie them
  (:func:`_one_figure`), at :data:`FIGURE_SYNONYM_FACTOR`, and so, for dates, is an
  event told as a noun that a verb of :data:`SCHEDULE_VERBS` dates ("*certification* of
  the results is *scheduled* for March 12" / "will *certify* the results on March 10",
  :func:`_scheduled`);
- *an argument in the same role* (subject, object, each preposition), compared as:

  ==========================  ==============================================  ===========
  the two arguments           example                                         verdict
  ==========================  ==============================================  ===========
  same name or word           "Meta" / "Meta Platforms"                       same
  two different names         "in Scale AI" / "in Acme"                       different
  a place and a place that    "in Manhattan" / "in New York"                  reworded
  may contain it
  different names attached    "*Dornell* shares" / "shares *of Vastro*",      different
  to the same word            "repairs *in Marlow County*" / "*in Dunmore*"
  different classifiers       "*net* profit" / "*operating* profit", "a       different
                              *home* game" / "two *road* games"
  a name and a new thing      "in Scale AI" / "in a data centre" (the other   different
                              statement never names Scale AI)
  a name and a definite noun  "Acme" / "the company"                          reworded
  near-synonyms               "the fire" / "a blaze", "company" / "firm"      reworded
                              (:data:`NEAR_SYNONYMS`), "adults" / "people"
                              (:data:`KINDS_OF_PEOPLE`)
  a named event and one told  "the *Cedar Ridge* fire" / "a wildfire *in*     reworded
  by its place                *Alder County*" (:data:`NAMED_EVENTS`)
  two other subject nouns     "revenue" / "profit", "the city" / "the state"  different
  two other common nouns,     "on roads" / "on a new stadium" (each never     different
  one new                     names the other's)
  two other common nouns      "for the repairs" / "for the cleanup"           reworded
  ==========================  ==============================================  ===========

  A *new thing* is an indefinite noun ("a data centre", "roads"), which introduces
  something not named before. Attached names are the names among an argument's modifiers
  (compounds, possessives, prepositional objects two deep, see
  :attr:`factcheck.frames.Arg.attached`); classifiers are its common-noun modifiers and
  :data:`factcheck.frames.CONTRASTIVE_MODIFIERS`, and two of them differ only when
  neither statement uses the other's word. A subject noun differs unless one is a
  near-synonym of the other or the other statement uses it: "revenue rose 8%" and "profit
  rose 5%" are two figures, "the council" and "councillors" one actor.
  A passive's subject is matched with an intransitive's or a state's subject ("the factory
  *is closed*" / "the factory *is open*"; "testing *was paused*" / "testing *resumed*"),
  and "nobody", "no one" and "no injuries" (:attr:`factcheck.frames.Frame.negative_roles`)
  stand for anyone in their role ("nobody was injured" / "two people were injured").
- *the polarity*: a negated event asserts none of its values ("did not release it in
  2024, but in 2025" vs "released it in 2025"); "will not reopen until May" is affirmed,
  with May as its date;
- *the period*: two events whose dates do not overlap, and which also differ in another
  value, are two periods ("rose 8% in 2025" / "rose 3% in 2024"): neither the values nor
  the dates conflict. For figures a period inside another is another period too ("rose
  18% on Monday" / "have risen 31% this year", :func:`_same_period`). A date mismatch with
  everything else the same is a date conflict ("began on May 2" / "began on May 4").
- *the part of the event*: a figure narrowed to a part of its event in time ("voted
  *early*", "had voted *by noon*", "*so far*", "*in the first hour*", "*on election
  day*": :func:`_scope`) and one of the whole event or of another part are two
  measurements; the same part on both sides is compared.

- *plan and deed*: an event told as done ("cut 250 jobs") and one told as a plan or a
  future ("would cut", "will cut", "plans to cut", "is set to cut", "expects to cut"; the
  tense of :func:`factcheck.extract.clause_tense`, :attr:`factcheck.frames.Frame.planned`)
  are two events: neither their values, their dates nor their polarity are compared
  ("will not cut" / "cut" is no flip);
- *part and whole*: when one side's subject or object has a classifier (a compound noun
  or a :data:`factcheck.frames.CONTRASTIVE_MODIFIERS` adjective; periods of
  :data:`PERIOD_CLASSIFIERS` aside) and the other's is an indefinite bare noun, and the
  other event never uses that classifier, they are a part and the whole, two things
  ("*consumer* revenue fell 8%" / "revenue climbed 12%"); "300 jobs at its *Ohio* plant"
  on both sides is one thing;
- *another actor*: two different subject nouns are one actor only when one statement
  uses the other's word outside another clause's subject ("prosecutors sought eight
  years; the defense asked for three" / "prosecutors asked for eight years, while his
  lawyers sought three": the lawyers' request is not the prosecutors').

**The measured thing.** Every figure (money, percent, quantity, count) has a measured
thing, the noun it measures or belongs to (:func:`factcheck.frames.measured`): "*revenue*
of $4.82 billion", "*revenue* ... was up 12%" (the copular subject), "*the consumer
segment* fell 8%", "cut 300 *jobs*". When either figure has no event of its own, or its
verb is light, the action is unknown, and the two figures conflict only if their measured
things are one: the same head (or name), or near-synonyms (reworded), with no attached name
or classifier that differs and no part against its whole. When the parse does not say what
a figure measures, there is no conflict. Such a conflict is weaker
(:data:`UNKNOWN_EVENT_FACTOR`) and the reason says that only the thing ties the figures.
A value with no event of its own may belong to any period the statement names: two such
figures of statements whose dates do not overlap, or two such dates of statements whose
figures do not fit, are two periods ("revenue of $4.82 billion in 2025" / "$4.1 billion
in 2024"). Otherwise a date is its event's, compared event by event, and an unknown
action lowers its confidence too.

Two sums of money told as a cost (:data:`COST_VERBS`, :data:`COST_NOUNS`: "at a *cost* of
$48 million" / "to *spend* $52 million") are one action's, whatever their verbs, when the
action one pays for is told in the other statement too ("repair the bridge at a cost of
$48 million" / "spend $52 million repairing the bridge", not "spend $5 million on a
study of the bridge").

A *reworded* argument does not separate the events, but lowers the confidence
(:data:`REWORDED_FACTOR`) and the reason says which argument the two sentences name
differently. An argument only one side gives is unknown, not different.

**Publication times.** A running tally (:func:`_tally`: a count or quantity of a verb of
:data:`TALLY_VERBS`, of a noun of :data:`TALLY_NOUNS`, or told "now", "so far" or in the
present perfect) grows while a story unfolds. When the two sources were published at least
:data:`UPDATE_HOURS` apart (:attr:`ConflictContext.published`), a higher figure in the
later one is an update, not a conflict ("killed 42" at 06:00, "killed 87" at 18:00); a
lower one stays a conflict, with a caveat naming the gap, at :data:`UPDATE_FACTOR` (a toll
rarely falls), and so does a date alone against a time of that day (which came first is
unknown). Sources of one time, or of unknown times, are compared as always.

**Who says it.** Two figures told as claims of two different speakers ("*police* said
officers fired six shots" / "*witnesses* said officers fired 12 shots") still conflict,
at :data:`ATTRIBUTED_FACTOR`, and the reason calls it an attributed disagreement.

**A figure on a noun** ("a *magnitude 7.1* earthquake", "a *$2 billion* deal",
:func:`factcheck.frames.on_noun`) is a property of that thing: two such figures on one
thing (:func:`_one_thing`) are compared whatever their verbs, as figures of an unknown
action, unless two different names in one role set the events apart ("a deal with
Boeing" / "with Airbus"). Two dates of no action on one definite thing ("*the next policy
meeting* is on January 20", :func:`_dated_thing`) are that event's; on two things ("the
hearing" / "a vote") they are two events.

**Which values count.** Only a value's current figure is compared: a previous or
superseded one ("revised to 14 *from 12*", "initially reported *12*") is not, and when it
matches the other side's figure the reason says so. A date that hangs on a reporting verb
("officials *said on Tuesday*", :func:`factcheck.frames.report_dates`) dates the report,
not the event, and is never compared.

**Kinds**, strongest first:

- **value / date**: for one kind of value (money; percent; quantity of one dimension; count
  of one noun; date), *each* statement has a value that no comparable value of the other is
  compatible with, or two values of the same event do not fit. Compatibility allows for
  rounding and qualifiers ("$14.3 billion" fits "more than $14 billion", not "$2 billion").
  A value only one side gives, extra detail on one side, or an unresolved relative date is
  not a conflict.
- **polarity**: the same action, affirmed by one and negated by the other ("will release"
  vs "won't release"; see :mod:`factcheck.frames` for the ways of negating), or opposite
  actions ("paused" vs "resumed"), anchored by an argument both name the same way (or a
  "nobody" against anyone, or two arguments both name, one way or another), with no
  argument that differs or is another instance ("the offer" / "a revised offer"). A
  reworded argument that still names one thing ("a team of investigators" /
  "investigators", "Kestrel" / "the company", not "the amendment" / "the plan") lowers
  the confidence (:data:`REWORDED_FACTOR`). A sequence is not
  a flip: there is no polarity conflict when the other statement also tells the agreeing
  action ("paused in February and resumed on March 2" vs "resumed on March 2"), or when
  the two events' dates differ. An event asked for ("told not to return") is not
  asserted, so it flips nothing. A denial ("the company denied that the pipeline leaked")
  is the denier's claim that it did not happen: it agrees with "the pipeline did not
  leak", and against "the pipeline leaked" it is a polarity conflict at a lower confidence
  (:data:`DENIAL_FACTOR`): one source reports the event, the other a denial of it.
- **entity**: the same action with one named argument that differs, every other argument
  the same or unknown ("Ortiz approved the plan" vs "Baker approved the plan"; "held in
  Paris" vs "held in Berlin"), unless a source names the other one too in the same role
  (both did it), or the statement names it outside the event. Coordinated subjects count
  one by one ("Ortiz and Baker approved"). Two places that may contain each other are not
  a conflict. Swapped roles are one ("Smith beat Jones" vs "Jones beat Smith"; "from
  Chicago to Dallas" vs "from Dallas to Chicago"), except for the symmetric verbs of
  :data:`SYMMETRIC_VERBS` ("met", "merged with"). The same claim told by a different named
  speaker ("Mayor Ellen Voss said ..." vs "Mayor Ellen Ross said ...") is an entity
  conflict on the speaker, at a lower confidence (:data:`SPEAKER_FACTOR`), when the two
  names differ only in the surname (one person misnamed, not two people who may both have
  said it) and no source has both. One common noun with a different attached name on
  each side, every other argument the same, is one too ("in a courtroom *in Springfield*"
  / "in a courtroom *in Columbia*"; "its plant *in Dayton*" / "*in Toledo*"). Two copular
  clauses of place with named subjects of one title ("Captain Mendes was at the
  controls" / "Captain Whitfield was at the controls") compare their subjects too, at
  :data:`UNKNOWN_EVENT_FACTOR`: a state two may share. An indefinite common noun and a
  name of its kind (:data:`NAME_KINDS`: "to a hospital" / "to St. Luke's Medical
  Center") are one thing reworded.
  Two speakers' accounts of who did something first ("the suspect fired *first*, police
  said" / "witnesses said officers fired *first*", :data:`EXCLUSIVE_ADVERBS`) are an
  entity conflict on the actor, common nouns too, at :data:`ATTRIBUTED_FACTOR`
  (:func:`_exclusive_actor`).
- **claim** (weaker): the same actor and action on a different common-noun object
  ("paused testing" vs "paused development"); near-synonyms (:data:`NEAR_SYNONYMS`:
  "the figure" / "the number") are one object.

Confidence says how clean the contradiction is: the kind's :data:`WEIGHT` (for values,
scaled by how far apart the values are, :data:`VALUE_NEAR_FACTOR`), times each caveat's
factor: :data:`REWORDED_FACTOR` when an argument is reworded (of one action: a light
verb's roles are not set against another verb's), :data:`UNKNOWN_EVENT_FACTOR` when the
action is unknown (a figure or a date with no event of its own or with a light verb, a
copular clause), :data:`FIGURE_SYNONYM_FACTOR` for two verbs of one class,
:data:`DENIAL_FACTOR` for a denial, :data:`SPEAKER_FACTOR` for a speaker; the alignment
similarity moves it only mildly (:data:`SIMILARITY_WEIGHT`: it says how surely the two
statements tell one fact). Rounded to two places: a name swapped in otherwise identical
sentences scores about 0.8, a figure told with other verbs and another word for its actor
about 0.4.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from enum import IntEnum

from factcheck.extract import comparable, compatible, display, maybe_contains, same_name
from factcheck.frames import (
    Arg,
    Frame,
    frame_of,
    frames,
    measured,
    on_noun,
    opposite,
    phrase,
    report_dates,
)
from factcheck.types import (
    FIGURE_KINDS,
    Conflict,
    ConflictKind,
    Statement,
    Value,
    ValueKind,
    ValueRole,
)

__all__ = [
    "ATTRIBUTED_FACTOR",
    "COST_NOUNS",
    "COST_VERBS",
    "DENIAL_FACTOR",
    "EXCLUSIVE_ADVERBS",
    "FIGURE_SYNONYMS",
    "FIGURE_SYNONYM_FACTOR",
    "KINDS_OF_PEOPLE",
    "LOCATIVE_PREPOSITIONS",
    "NAMED_EVENTS",
    "NAME_KINDS",
    "NEAR_SYNONYMS",
    "NOMINAL_SUFFIXES",
    "PEOPLE",
    "PERIOD_CLASSIFIERS",
    "REWORDED_FACTOR",
    "SAME_PERIOD_RATIO",
    "SCHEDULE_VERBS",
    "SCOPE_ADVERBS",
    "SCOPE_CUTOFFS",
    "SCOPE_ORDINALS",
    "SCOPE_SPANS",
    "SIMILARITY_WEIGHT",
    "SPEAKER_FACTOR",
    "SYMMETRIC_VERBS",
    "TALLY_NOUNS",
    "TALLY_VERBS",
    "TALLY_WORDS",
    "TIMES_OF_DAY",
    "TIME_FAR_MINUTES",
    "TOTAL_OR_CHANGE",
    "UNKNOWN_EVENT_FACTOR",
    "UPDATE_FACTOR",
    "UPDATE_HOURS",
    "VALUE_NEAR_FACTOR",
    "WEIGHT",
    "ConflictContext",
    "find_conflicts",
    "published_span",
]

_NUMERIC_ORDER = (
    ValueKind.MONEY,
    ValueKind.PERCENT,
    ValueKind.QUANTITY,
    ValueKind.COUNT,
    ValueKind.TALLY,
    ValueKind.DATE,
    ValueKind.TIME,
)

#: How much each kind's evidence is worth when the contradiction is clean (one event, the
#: same arguments, one slot that differs): the caveat factors below lower it, and the
#: alignment similarity only mildly (:data:`SIMILARITY_WEIGHT`).
WEIGHT = {
    ConflictKind.VALUE: 1.0,  # times VALUE_NEAR_FACTOR to 1.0, by how far apart they are
    ConflictKind.DATE: 1.0,
    ConflictKind.POLARITY: 0.9,
    ConflictKind.ENTITY: 0.85,
    ConflictKind.CLAIM: 0.4,
    ConflictKind.CONTRADICTION: 1.0,  # set by the NLI model's probability instead
}

#: How much the alignment similarity moves a confidence: the factor is ``1 -
#: SIMILARITY_WEIGHT * (1 - similarity)``, so a clean contradiction in two sentences of
#: cosine 0.5 keeps 85% of its weight. The similarity says how surely the two statements
#: tell one fact, not how clean the contradiction is, so it is not the main factor.
SIMILARITY_WEIGHT = 0.3

#: The factor of two values that nearly touch (rounding might explain some of the gap);
#: values far apart (:func:`_gap`) get 1.0.
VALUE_NEAR_FACTOR = 0.7

#: Clock times this many minutes apart count as far apart (:func:`_gap`).
TIME_FAR_MINUTES = 180.0

#: Confidence factor for a value conflict whose events name an argument differently
#: ("the company" / "the firm"): maybe the same event reworded, maybe two events.
REWORDED_FACTOR = 0.7

#: Confidence factor for a polarity conflict against a denial: "the company denied that
#: the pipeline leaked" reports what the company says, not that it did not leak.
DENIAL_FACTOR = 0.6

#: Confidence factor for an entity conflict on who said a claim: two people may say the
#: same thing, so a different speaker is weaker evidence than a different actor.
SPEAKER_FACTOR = 0.6

#: Near-synonym classes of common nouns (lemmas): two sentences that name an argument by
#: two words of one class may tell one event ("the company" / "the firm"), so the argument
#: is reworded. Two subject nouns outside one class are two actors ("the city" / "the
#: state", "revenue" / "profit").
NEAR_SYNONYMS: tuple[frozenset[str], ...] = tuple(
    frozenset(c)
    for c in (
        {"company", "firm", "business", "corporation", "conglomerate", "group",
         "carmaker", "automaker", "chipmaker", "drugmaker"},
        {"fire", "blaze", "wildfire", "inferno"},
        {"earthquake", "quake", "temblor"},
        {"strike", "walkout", "stoppage"},
        {"deal", "agreement", "accord", "pact", "contract"},
        {"council", "councillor", "councilor", "lawmaker", "legislator"},
        {"people", "resident", "person", "inhabitant"},
        {"worker", "employee", "staff", "staffer"},
        {"police", "officer", "policeman"},
        {"official", "authority"},
        {"government", "administration"},
        {"plan", "proposal", "scheme"},
        {"crash", "collision", "accident"},
        {"storm", "hurricane", "typhoon", "cyclone"},
        {"quake", "earthquake"},
        {"flood", "flooding"},
        {"figure", "number", "total", "count", "tally", "toll"},
        {"outlook", "forecast", "guidance", "projection"},
        {"construction", "work", "works"},
        {"revenue", "sale", "sales", "turnover"},
        {"profit", "earning", "earnings", "income"},
        {"plane", "jet", "aircraft", "airliner", "airplane", "flight"},
        {"lawyer", "attorney", "counsel", "defense", "defence"},
        {"passenger", "traveler", "traveller"},
        {"cost", "price"},
        {"jury", "juror"},
        {"stock", "share"},
        {"researcher", "scientist", "team"},
        {"device", "phone", "handset", "smartphone"},
    )
)  # fmt: skip

#: Classifiers that name a period, not a part: "*first-quarter* revenue" and "revenue" are
#: one figure told more or less precisely, so a period on one side only is no part and
#: whole (two different periods on both sides still differ, see :func:`_part_and_whole`).
PERIOD_CLASSIFIERS = frozenset(
    {"year", "quarter", "month", "week", "day", "half", "season", "period", "annual",
     "quarterly", "monthly", "weekly", "daily", "first", "second", "third", "fourth",
     "fifth", "last"}
)  # fmt: skip

#: Common nouns and the words a name of that kind carries: "taken to *a hospital*" and
#: "taken to *St. Luke's Boise Medical Center*" may tell one event, so the indefinite noun
#: against the name is a rewording, not a new thing. A name that has the noun itself
#: ("Boise Airport" for "an airport") is of its kind too.
NAME_KINDS: dict[str, frozenset[str]] = {
    "hospital": frozenset({"hospital", "medical", "clinic", "infirmary", "health"}),
    "clinic": frozenset({"clinic", "medical", "health"}),
    "airport": frozenset({"airport", "airfield", "field"}),
    "court": frozenset({"court", "courthouse", "tribunal"}),
    "courthouse": frozenset({"court", "courthouse"}),
    "prison": frozenset({"prison", "penitentiary", "jail", "correctional"}),
    "jail": frozenset({"prison", "jail", "correctional", "detention"}),
    "school": frozenset({"school", "academy", "college"}),
    "university": frozenset({"university", "college", "institute"}),
    "stadium": frozenset({"stadium", "arena", "field", "park"}),
}

#: Verbs and nouns that tell a sum as the cost of something ("will *cost* $48 million", "to
#: *spend* $52 million repairing it", "at a *cost* of $48 million"): two sums of money told
#: as costs of one action are one, whatever the verbs (see :func:`_costs`, :func:`_paid_for`).
COST_VERBS = frozenset({"cost", "spend"})
COST_NOUNS = frozenset({"cost", "price", "tab"})

#: Confidence factor for a conflict between events whose action is unknown: a figure with
#: no event of its own, or a light or copular verb ("was up 12%", "made a landing", "was at
#: the controls"), matched only by the thing it measures or its other arguments.
UNKNOWN_EVENT_FACTOR = 0.8

#: Opposite verbs that, each with a figure, may both hold: "won 12 seats" is a total and
#: "lost 3 seats" a change against the last vote. With different figures on the two sides
#: they are not a polarity flip ("won the election" / "lost the election" still is).
TOTAL_OR_CHANGE = frozenset({"win", "lose"})

#: Verbs whose actor and partner can be swapped without changing what happened ("Smith
#: met Jones" is "Jones met Smith"), so swapped roles are no conflict.
SYMMETRIC_VERBS = frozenset(
    {"meet", "marry", "merge", "talk", "speak", "negotiate", "tie", "draw", "partner",
     "collide", "clash", "debate", "face", "play", "agree", "compete", "join", "ally",
     "trade", "swap", "exchange", "settle", "sign", "fight", "battle", "wed", "divorce"}
)  # fmt: skip

#: Words that narrow a figure to a part of its event in time ("voted *early*", "had voted
#: *so far*", "*overnight*"): a figure of a part and a figure of the whole, or of another
#: part, are two measurements (see :func:`_scope`).
SCOPE_ADVERBS = frozenset({"early", "initially", "overnight", "far"})  # "so far", "thus far"

#: Cutoff prepositions: "*by* noon", "*until* 10 a.m.", "*before* midday". With a time of
#: day they narrow a figure to part of a day; with a date ("by Monday") they do not.
SCOPE_CUTOFFS = frozenset({"by", "until", "till", "before", "as"})

#: Times of day a cutoff may name (a clock time, "10 a.m.", counts too).
TIMES_OF_DAY = frozenset(
    {"noon", "midday", "midnight", "morning", "afternoon", "evening", "night", "dawn",
     "dusk", "lunchtime", "teatime", "a.m.", "p.m.", "am", "pm", "o'clock"}
)  # fmt: skip

#: Ordinals that pick a part of a span ("in the *first* hour", "in the *final* round").
SCOPE_ORDINALS = frozenset({"first", "opening", "last", "final", "early"})

#: Spans such an ordinal, or an event noun, may pick: "in the first *hour*", "on election
#: *day*" (a day named by its event, not a date).
SCOPE_SPANS = frozenset(
    {"hour", "minute", "day", "night", "week", "month", "round", "half", "stage", "phase",
     "session", "leg", "lap", "quarter"}
)  # fmt: skip

#: Classes of canonical verbs (:func:`factcheck.frames.canonical_verb`) that may state one
#: figure or date in other words: two events of one class whose values are comparable,
#: tied by their arguments (:func:`_one_figure`), are compared as one action, at
#: :data:`FIGURE_SYNONYM_FACTOR`, and the reason names both verbs. Only their values and
#: dates: the verbs are no synonyms for polarity or entities.
FIGURE_SYNONYMS: tuple[frozenset[str], ...] = tuple(
    frozenset(c)
    for c in (
        {"sign", "pay", "splash", "spend", "buy"},  # a fee or a price
        {"burn", "rise", "scorch", "char", "consume", "blacken", "spread"},  # a fire's size
        {"win", "take", "secure", "capture", "receive", "garner", "poll"},  # a vote share
        {"release", "appear"},  # a publication ("published" / "appeared")
        {"follow", "track", "study", "survey", "monitor", "enrol", "enroll", "involve",
         "include", "analyse", "analyze"},  # who a study looked at
        {"hit", "strike", "jolt", "rock", "shake", "rattle", "lash", "batter", "pound",
         "slam", "sweep", "ravage"},  # a natural event striking a place
        {"erupt", "explode", "blow"},  # a volcano
        {"flood", "inundate", "swamp", "submerge", "deluge"},  # a flood
    )
)  # fmt: skip

#: Verbs that date an event told as a noun ("*certification* ... is *scheduled* for March
#: 12"), and the suffixes that make a noun of a verb ("certif*ication*", "approv*al*"):
#: see :func:`_scheduled`.
SCHEDULE_VERBS = frozenset({"schedule", "set", "slate", "plan"})
NOMINAL_SUFFIXES = ("ication", "ation", "ition", "tion", "sion", "ion", "ement", "ment", "al")

#: Confidence factor for two values told with verbs of one :data:`FIGURE_SYNONYMS` class.
FIGURE_SYNONYM_FACTOR = 0.8

#: Events that carry names of their own ("the *Cedar Ridge* fire", "*Hurricane Ida*"): a
#: name on one side and a place on the other ("a wildfire *in Alder County*") may tell one
#: event, so they are one thing reworded, not two (see :func:`_named_and_placed`).
NAMED_EVENTS = frozenset(
    {"fire", "blaze", "wildfire", "inferno", "storm", "hurricane", "typhoon", "cyclone",
     "flood", "quake", "earthquake"}
)  # fmt: skip

#: Prepositions that attach where a thing is ("a wildfire *in* Alder County").
LOCATIVE_PREPOSITIONS = frozenset({"in", "near", "at", "outside", "around", "across"})

#: Nouns that count people in general, and nouns that count a kind of people: a count of
#: a kind ("12,500 *adults*") and a count of people ("14,200 *people*") may count the same
#: people, so they are compared, as an argument named differently; two kinds ("adults" /
#: "children") are two things (see :func:`_kind_of`).
PEOPLE = frozenset({"people", "person", "persons", "individual"})
KINDS_OF_PEOPLE = frozenset(
    {"adult", "resident", "inhabitant", "participant", "patient", "volunteer", "voter",
     "citizen", "subject"}
)  # fmt: skip

#: Hours between two sources' publication times from which a running tally may have been
#: updated between them (see :func:`_update`): a higher figure in the later source is an
#: update, not a conflict. Three hours is about the least between two updates of a toll.
UPDATE_HOURS = 3.0

#: Confidence factor of a running tally that is *lower* in the later source: still a
#: conflict (a toll rarely falls), but a correction or an earlier source is possible.
UPDATE_FACTOR = 0.8

#: Canonical verbs whose figure is a running tally, a total that grows while a story
#: unfolds ("*killed* 42 people", "312 were *injured*", "*evacuated* 9,000", "*burned*
#: 12,400 acres", "the toll *rose* to 87", "*confirmed* 1,200 cases").
TALLY_VERBS = frozenset(
    {"kill", "die", "injure", "wound", "hurt", "evacuate", "displace", "rescue", "burn",
     "scorch", "infect", "hospitalize", "hospitalise", "sicken", "confirm", "arrest",
     "detain", "rise", "climb", "grow", "mount", "swell", "reach", "spread", "destroy",
     "damage"}
)  # fmt: skip

#: Nouns a running tally counts or measures ("the death *toll*", "42 *deaths*", "1,200
#: *cases*", "9,000 *evacuees*", "12,400 *acres*").
TALLY_NOUNS = frozenset(
    {"toll", "death", "dead", "casualty", "fatality", "injury", "injured", "victim", "case",
     "infection", "evacuee", "missing", "displaced", "acre", "hectare", "arrest", "home",
     "building", "structure"}
)  # fmt: skip

#: Words that mark any figure as a total so far: "*now*", "*so far*", "*thus far*", "*as
#: of*", "*to date*" (read by their last word). A present-perfect clause ("*has* risen to
#: 87", "*have* died") marks it too.
TALLY_WORDS = frozenset({"now", "far", "date", "yet"})

#: Confidence factor of a value conflict whose two figures are claims of two different
#: speakers ("*police* said officers fired six shots" / "*witnesses* said ... 12 shots"):
#: still a disagreement a fact-checker wants, but of accounts, not of two flat statements.
ATTRIBUTED_FACTOR = 0.9

#: Per source, every ``(verb, role, name)`` its events report.
Actions = Mapping[str, frozenset[tuple[str, str, str]]]

#: The role under which the named speaker of a reporting verb is recorded in ``Actions``.
_SPEAKER = ("say", "speaker")


def _contains(a: str, b: str) -> bool:
    """Either place may contain the other ("manhattan" / "new york")."""
    return maybe_contains(a, b) or maybe_contains(b, a)


def _current(v: Value) -> bool:
    """A value's current figure: not a previous or superseded one ("to 14 *from 12*")."""
    return v.role is ValueRole.CURRENT


@dataclass(frozen=True, slots=True)
class ConflictContext:
    """What the whole story knows, so a pair is not judged in isolation.

    ``frames`` caches each statement's events; ``actions`` holds, per source, every
    ``(verb, role, name)`` it reports (each conjunct of a coordinated subject on its own,
    and the named speakers of reporting verbs as ``("say", "speaker", name)``), so "two
    people who each did something" is not an entity conflict when a source names both.
    ``reported`` caches each statement's report dates (their ``(start, end)``).
    ``published`` holds, per source, when it was published, as the interval its
    ``published`` field allows (a date alone is its whole day; see :func:`published_span`).
    """

    frames: Mapping[str, Sequence[Frame]] = field(default_factory=dict)
    actions: Actions = field(default_factory=dict)
    reported: Mapping[str, frozenset[tuple[int, int]]] = field(default_factory=dict)
    published: Mapping[str, tuple[datetime, datetime]] = field(default_factory=dict)

    @classmethod
    def of(
        cls, statements: Iterable[Statement], published: Mapping[str, str | None] | None = None
    ) -> ConflictContext:
        """The context of a story's statements; ``published`` maps a source ID to its
        ISO publication date or date-time (:attr:`factcheck.types.ArticleMeta.published`)."""
        fr: dict[str, list[Frame]] = {}
        acts: dict[str, set[tuple[str, str, str]]] = {}
        reported: dict[str, frozenset[tuple[int, int]]] = {}
        for st in statements:
            fr[st.id] = frames(st)
            reported[st.id] = frozenset((v.start, v.end) for v in report_dates(st))
            mine = acts.setdefault(st.source_id, set())
            for f in fr[st.id]:
                mine.update(
                    (f.verb, role, arg.name) for role, args in f.roles().items() for arg in args
                )
                if f.speaker is not None:
                    mine.add((*_SPEAKER, f.speaker.name))
        spans = {k: published_span(v) for k, v in (published or {}).items()}
        return cls(
            fr,
            {k: frozenset(v) for k, v in acts.items()},
            reported,
            {k: v for k, v in spans.items() if v is not None},
        )

    def frames_of(self, st: Statement) -> Sequence[Frame]:
        return self.frames[st.id] if st.id in self.frames else frames(st)

    def reported_of(self, st: Statement) -> frozenset[tuple[int, int]]:
        if st.id in self.reported:
            return self.reported[st.id]
        return frozenset((v.start, v.end) for v in report_dates(st))


def published_span(text: str | None) -> tuple[datetime, datetime] | None:
    """When a source was published, as an interval of UTC datetimes: a date-time is one
    instant (one with no zone is read as UTC), a date alone its whole day; None when the
    text is empty or no ISO date."""
    if not text:
        return None
    try:
        when = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if len(text.strip()) <= 10:  # a date alone: "2026-11-30"
        day = datetime.combine(when.date(), datetime.min.time(), UTC)
        return day, day + timedelta(days=1)
    when = when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)
    return when, when


@dataclass(frozen=True, slots=True)
class _Side:
    """One statement of the pair: its events, the values it asserts (current figures,
    event dates as its events read them, no report dates), its earlier figures and its
    report dates (which may match a date of the other side, never conflict with one);
    ``published``: when its source was published, if known (:func:`published_span`)."""

    st: Statement
    frames: Sequence[Frame]
    values: Sequence[Value]
    earlier: Sequence[Value]
    reported: Sequence[Value]
    published: tuple[datetime, datetime] | None = None

    @classmethod
    def of(cls, st: Statement, ctx: ConflictContext) -> _Side:
        fs = ctx.frames_of(st)
        spans = ctx.reported_of(st)
        values: list[Value] = []
        reported: list[Value] = []
        for v in st.values:
            if v.kind is ValueKind.DATE:
                if (v.start, v.end) in spans:
                    reported.append(v)  # "officials said on Tuesday": when the source spoke
                    continue
                home = frame_of(v, st, fs)
                if home is not None:  # as the event reads it ("not ... until May": May)
                    own = [d for d in home.dates if (d.start, d.end) == (v.start, v.end)]
                    if not own:
                        continue
                    v = own[0]
            values.append(v)
        current = [v for v in values if _current(v)]
        earlier = [v for v in values if not _current(v)]
        return cls(st, fs, current, earlier, reported, ctx.published.get(st.source_id))


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
    lifted: bool = False  # a name on an argument against the other event's own role


def _words(st: Statement, skip: frozenset[int] = frozenset()) -> set[str]:
    return {
        w
        for i, t in enumerate(st.tokens)
        if i not in skip
        for w in (t.lemma.lower(), t.text.lower())
    }


def _mentions(st: Statement, name: str) -> bool:
    """Whether a statement names an argument anywhere ("funding for a new stadium" names
    the stadium), so a different argument may only be a different phrasing."""
    return set(name.split()) <= _words(st)


def _near_synonyms(a: str, b: str) -> bool:
    """One class of :data:`NEAR_SYNONYMS`, or a kind of people and people (:func:`_kind_of`)."""
    return any(a in c and b in c for c in NEAR_SYNONYMS) or _kind_of(a, b)


def _kind_of(a: str, b: str) -> bool:
    """One noun counts people in general (:data:`PEOPLE`) and the other a kind of people
    (:data:`KINDS_OF_PEOPLE`): "adults" are people; "adults" and "children" are not one."""
    return (a in PEOPLE and b in KINDS_OF_PEOPLE) or (b in PEOPLE and a in KINDS_OF_PEOPLE)


def _people_counts(a: _Side, b: _Side) -> tuple[_Side, _Side]:
    """The two sides with a count of a kind of people ("12,500 *adults*") counted in the
    other's general noun ("14,200 *people*") when the other counts people and not that
    kind, so the two counts are compared (the reason then says the object is named
    differently)."""

    def units(side: _Side) -> set[str]:
        return {v.unit for v in side.values if v.kind is ValueKind.COUNT and v.unit}

    def recount(side: _Side, theirs: set[str]) -> _Side:
        general = sorted(theirs & PEOPLE)
        if not general:
            return side
        values = [
            replace(v, unit=general[0])
            if v.kind is ValueKind.COUNT and v.unit in KINDS_OF_PEOPLE and v.unit not in theirs
            else v
            for v in side.values
        ]
        return replace(side, values=values)

    ua, ub = units(a), units(b)
    return recount(a, ub), recount(b, ua)


def _actor_elsewhere(st: Statement, name: str) -> bool:
    """Every word of ``st`` that is ``name`` is the subject of one of its clauses: there it
    is another actor ("*Prosecutors* had asked for eight years, while his lawyers sought
    three"), so it does not make a different subject a rewording."""
    hits = [i for i, t in enumerate(st.tokens) if name in (t.lemma.lower(), t.text.lower())]
    return bool(hits) and all(_is_subject(st, i) for i in hits)


def _is_subject(st: Statement, i: int) -> bool:
    tok = st.tokens[i]
    if tok.dep == "conj" and 0 <= tok.head < len(st.tokens):
        tok = st.tokens[tok.head]  # "prosecutors and *the defense*"
    return tok.dep in {"nsubj", "nsubjpass"}


def _uses(st: Statement, word: str, scope: frozenset[int] | None) -> bool:
    """Whether ``st`` uses ``word`` among the tokens ``scope`` (its whole text for None)."""
    return any(
        word in (t.lemma.lower(), t.text.lower())
        for i, t in enumerate(st.tokens)
        if scope is None or i in scope
    )


def _part_and_whole(
    x: Arg, y: Arg, a: Statement, b: Statement, sa: frozenset[int] | None, sb: frozenset[int] | None
) -> bool:
    """One argument has a classifier (:attr:`factcheck.frames.Arg.classifiers`, periods of
    :data:`PERIOD_CLASSIFIERS` aside), the other is a bare noun with none ("revenue",
    "jobs"), and the other's event never uses the classifier: a part and the whole
    ("*consumer* revenue" / "revenue", "*data-center* sales" / "revenue"), two figures.
    ``sa``/``sb`` are the tokens of each side's event (None: the whole statement), so
    "chips sold to *data centers*" in another clause does not make "revenue" the
    data-center revenue. A definite noun ("our grid", "the segment") may refer to the very
    part the other sentence classifies, so it is no whole."""
    cx, cy = x.classifiers - PERIOD_CLASSIFIERS, y.classifiers - PERIOD_CLASSIFIERS
    if bool(cx) == bool(cy) or x.named or y.named:
        return False
    part, whole, other, scope = (cx, y, b, sb) if cx else (cy, x, a, sa)
    return not whole.definite and not any(_uses(other, w, scope) for w in part)


def _same_kind(common: Arg, named: Arg) -> bool:
    """A common noun and a name of its kind: the name has the noun or a word of its kind in
    :data:`NAME_KINDS` ("a *hospital*" / "St. Luke's Boise *Medical* Center")."""
    words = set(named.name.split())
    return common.name in words or bool(words & NAME_KINDS.get(common.name, frozenset()))


def _named_and_placed(x: Arg, y: Arg) -> bool:
    """One event of :data:`NAMED_EVENTS` told by its name on one side and by where it is on
    the other ("the *Cedar Ridge* fire" / "a wildfire *in Alder County*"): one thing."""
    if not {x.name, y.name} <= NAMED_EVENTS or not (
        x.name == y.name or _near_synonyms(x.name, y.name)
    ):
        return False
    hx, hy = {h for h, _ in x.attached}, {h for h, _ in y.attached}
    return (hx == {"mod"} and hy <= LOCATIVE_PREPOSITIONS) or (
        hy == {"mod"} and hx <= LOCATIVE_PREPOSITIONS
    )


def _attachments_differ(x: Arg, y: Arg, a: Statement, b: Statement) -> bool:
    """Both arguments carry attached names and none of one matches one of the other
    ("*Dornell* shares" / "shares *of Vastro*"), or both carry classifiers, none shared,
    and neither statement uses the other's ("*net* profit" / "*operating* profit")."""
    nx, ny = x.attached_names, y.attached_names
    if nx and ny and not any(same_name(u, v) or _contains(u, v) for u in nx for v in ny):
        return not _named_and_placed(x, y)
    cx, cy = x.classifiers, y.classifiers
    if not cx or not cy or any(u == v or _near_synonyms(u, v) for u in cx for v in cy):
        return False
    return not any(_mentions(b, w) for w in cx) and not any(_mentions(a, w) for w in cy)


def _relation(
    role: str,
    x: Arg,
    y: Arg,
    a: Statement,
    b: Statement,
    sa: frozenset[int] | None = None,
    sb: frozenset[int] | None = None,
) -> _Rel:
    """One role's arguments, ``x`` of ``a`` and ``y`` of ``b`` (see the table above); ``sa``
    and ``sb`` are the tokens of their events, where a part-and-whole modifier is looked
    for (None: the whole statement)."""
    if x.named and y.named:
        if x.same(y):
            return _Rel.SAME
        return _Rel.REWORDED if _contains(x.name, y.name) else _Rel.DIFFERENT
    if _attachments_differ(x, y, a, b):
        return _Rel.DIFFERENT
    if role in _WHOLE_ROLES and _part_and_whole(x, y, a, b, sa, sb):
        return _Rel.DIFFERENT
    if x.same(y):
        return _Rel.SAME
    if x.named or y.named:
        named, other, other_st = (x, y, b) if x.named else (y, x, a)
        new = not other.definite and not _mentions(other_st, named.name)
        return _Rel.DIFFERENT if new and not _same_kind(other, named) else _Rel.REWORDED
    if x.name == y.name or x.text == y.text or _near_synonyms(x.name, y.name):
        return _Rel.REWORDED
    if role == "subject":
        related = (_mentions(b, x.name) and not _actor_elsewhere(b, x.name)) or (
            _mentions(a, y.name) and not _actor_elsewhere(a, y.name)
        )
        return _Rel.REWORDED if related else _Rel.DIFFERENT
    unrelated = not _mentions(b, x.name) and not _mentions(a, y.name)
    if not (x.definite and y.definite):
        return _Rel.DIFFERENT if unrelated else _Rel.REWORDED
    return _Rel.REWORDED


#: The roles where one side's classifier makes a part of the other's whole: the actor and
#: the thing acted on (a measured thing counts as either). A setting after a preposition
#: ("in the first quarter" / "in the quarter") is often told more precisely by one side.
_WHOLE_ROLES = frozenset({"subject", "object"})


_RoleMap = dict[str, tuple[Arg, ...]]


def _patient_only(f: Frame, roles: _RoleMap) -> bool:
    """A passive without an agent: "the factory *is closed*", "*nobody* was injured"."""
    return f.passive and "subject" not in roles and "subject" not in f.negative_roles


def _agent_only(f: Frame, roles: _RoleMap) -> bool:
    """A subject and no object: an intransitive ("testing resumed") or a state ("is open")."""
    filled = roles.keys() | f.negative_roles
    return not f.passive and "subject" in filled and "object" not in filled


def _as_patient(f: Frame, roles: _RoleMap) -> tuple[_RoleMap, frozenset[str]]:
    out = {("object" if r == "subject" else r): args for r, args in roles.items()}
    neg = frozenset("object" if r == "subject" else r for r in f.negative_roles)
    return out, neg


def _one_patient(
    rx: _RoleMap, ry: _RoleMap, nx: frozenset[str], ny: frozenset[str], a: Statement, b: Statement
) -> bool:
    """The two patients are one ("the factory" / "the factory"), or one is "nobody"."""
    if "object" in nx or "object" in ny:
        return True
    return any(
        _relation("object", u, v, a, b) is _Rel.SAME
        for u in rx.get("object", ())
        for v in ry.get("object", ())
    )


def _aligned(
    x: Frame, y: Frame, a: Statement, b: Statement
) -> tuple[_RoleMap, _RoleMap, frozenset[str], frozenset[str]]:
    """Both events' roles, with the subject of an intransitive or a state read as the
    patient when the other event is a passive and the two name one patient ("the factory
    is closed" / "the factory is open"); a subject that is some other thing stays a subject
    ("the plan was approved" / "the council approved")."""
    rx, ry = x.roles(), y.roles()
    nx, ny = x.negative_roles, y.negative_roles
    if _patient_only(x, rx) and _agent_only(y, ry):
        my, mny = _as_patient(y, ry)
        if _one_patient(rx, my, nx, mny, a, b):
            ry, ny = my, mny
    elif _patient_only(y, ry) and _agent_only(x, rx):
        mx, mnx = _as_patient(x, rx)
        if _one_patient(mx, ry, mnx, ny, a, b):
            rx, nx = mx, mnx
    return rx, ry, nx, ny


def _roles(x: Frame, y: Frame, a: Statement, b: Statement) -> list[_Role]:
    """The roles both events fill, each with its closest pair of arguments; then the names
    one event attaches to an argument by a preposition that the other gives the event
    itself ("destroyed 12 homes *in Manhattan*" / "destroyed 30 homes, *in New York*": the
    parser hangs one phrase on the noun and the other on the verb), where they differ."""
    rx, ry, _, _ = _aligned(x, y, a, b)
    out = []
    for role in sorted(rx.keys() & ry.keys()):
        pairs = [
            _Role(role, _relation(role, u, v, a, b, x.tokens, y.tokens), u, v)
            for u in rx[role]
            for v in ry[role]
        ]
        out.append(max(pairs, key=lambda r: r.rel))
    for role, us in _lifted(rx).items():
        if role not in rx:
            out += _against(role, us, [v for v in ry.get(role, ()) if v.named], a, b)
    for role, vs in _lifted(ry).items():
        if role not in ry:
            found = _against(role, vs, [u for u in rx.get(role, ()) if u.named], b, a)
            out += [_Role(r.role, r.rel, r.y, r.x, True) for r in found]
    return out


def _against(
    role: str, lifted: Sequence[Arg], own: Sequence[Arg], a: Statement, b: Statement
) -> list[_Role]:
    """Attached names against the other event's own arguments of one preposition: the
    closest pair, when it is not the same (a same pair is no evidence of one event)."""
    pairs = [_Role(role, _relation(role, u, v, a, b), u, v, True) for u in lifted for v in own]
    best = max(pairs, key=lambda r: r.rel, default=None)
    return [best] if best is not None and best.rel is not _Rel.SAME else []


def _lifted(roles: _RoleMap) -> _RoleMap:
    """The names attached to an event's arguments by a preposition the event itself does
    not use, as arguments of that preposition."""
    out: dict[str, tuple[Arg, ...]] = {}
    for args in roles.values():
        for arg in args:
            for how, name in arg.attached:
                if how != "mod" and how not in roles:
                    out[how] = (*out.get(how, ()), Arg(name, name, True, True, None, ()))
    return out


def _anyone(x: Frame, y: Frame, a: Statement, b: Statement) -> set[str]:
    """Roles where one event has "nobody" (or "no injuries") and the other an argument."""
    rx, ry, nx, ny = _aligned(x, y, a, b)
    return {r for r in nx if r in ry} | {r for r in ny if r in rx}


def _dates_differ(x: Frame, y: Frame) -> bool:
    """Both events are dated and no date of one overlaps a date of the other."""
    dx = [d for d in x.dates if d.resolved]
    dy = [d for d in y.dates if d.resolved]
    return bool(dx and dy) and not any(compatible(u, v) for u in dx for v in dy)


#: Two overlapping dates name one period for a figure when the longer spans at most this
#: many times the days of the shorter ("early Tuesday", read as two days, / "Tuesday").
SAME_PERIOD_RATIO = 2.0


def _same_period(u: Value, v: Value) -> bool:
    """Two dates name one period for a figure: they overlap and are of about one length
    (:data:`SAME_PERIOD_RATIO`): "on Monday" / "on March 9", "this year" / "in 2026". A
    period well inside another is not the same period for a figure: "rose 18% on Monday"
    and "have risen 31% this year" are two measurements, and so are "this week" / "on
    Monday"."""
    if None in (u.low, u.high, v.low, v.high) or not compatible(u, v):
        return False
    if (u.low, u.high) == (v.low, v.high):
        return True
    lu = float(u.high or 0.0) - float(u.low or 0.0) + 1.0
    lv = float(v.high or 0.0) - float(v.low or 0.0) + 1.0
    if not (math.isfinite(lu) and math.isfinite(lv)):
        return False
    return max(lu, lv) <= SAME_PERIOD_RATIO * min(lu, lv)


def _figure_dates_differ(x: Frame, y: Frame) -> bool:
    """Both events are dated and no date of one is the same period as a date of the other
    (:func:`_same_period`): their figures are two measurements."""
    dx = [d for d in x.dates if d.resolved]
    dy = [d for d in y.dates if d.resolved]
    return bool(dx and dy) and not any(_same_period(u, v) for u in dx for v in dy)


def _periods_differ(a: _Side, b: _Side) -> bool:
    """Both statements give dates and none of one is the same period as one of the other
    (:func:`_same_period`): a figure with no event of its own may be of either period, so
    they are two periods."""
    da = [v for v in a.values if v.kind is ValueKind.DATE and v.resolved]
    db = [v for v in b.values if v.kind is ValueKind.DATE and v.resolved]
    return bool(da and db) and not any(_same_period(u, v) for u in da for v in db)


def _figures_differ(a: _Side, b: _Side) -> bool:
    """The two statements hold comparable numbers of which none fit (as
    :func:`_values_differ`, statement-wide): with a date that has no event of its own, two
    periods, each with its figure."""
    pairs = [
        (u, v)
        for u in a.values
        for v in b.values
        if u.kind in FIGURE_KINDS and v.kind in FIGURE_KINDS and comparable(u, v)
    ]
    kinds = {u.kind for u, _ in pairs}
    return any(not any(compatible(u, v) for u, v in pairs if u.kind is k) for k in kinds)


def _scope(tokens: Iterable[int], st: Statement) -> frozenset[str]:
    """The qualifiers among ``tokens`` that narrow a figure to a part of its event in time,
    lower case: an adverb of :data:`SCOPE_ADVERBS` ("voted *early*", "*so far*"), a cutoff
    at a time of day ("*by noon*", "*until 10 a.m.*", :data:`SCOPE_CUTOFFS`,
    :data:`TIMES_OF_DAY`), an ordinal part of a span ("*in the first hour*") or a span named
    by its event ("*on election day*", :data:`SCOPE_SPANS`)."""
    toks = st.tokens
    dated = {  # tokens of dates and times: "*early* Tuesday" is when, not a part
        i
        for i, t in enumerate(toks)
        for v in st.values
        if v.kind in {ValueKind.DATE, ValueKind.TIME} and v.start <= t.start and t.end <= v.end
    }
    out: set[str] = set()
    for i in tokens:
        t = toks[i]
        word = t.text.lower()
        nxt = i + 2 if i + 1 < len(toks) and toks[i + 1].text.lower() in {"on", "in"} else i + 1
        when = i in dated or nxt in dated
        if word in SCOPE_ADVERBS and t.dep in {"advmod", "amod", "npadvmod", "acomp"} and not when:
            prev = toks[i - 1].text.lower() if i > 0 else ""
            if word != "far" or prev in {"so", "thus"}:
                out.add(f"{prev} far" if word == "far" else word)
        elif t.dep == "pobj" and toks[t.head].text.lower() in SCOPE_CUTOFFS:
            kids = [k for k in range(len(toks)) if toks[k].head == i and k != i]
            after = toks[i + 1].text.lower() if i + 1 < len(toks) else ""  # "by 10 a.m."
            words = {toks[k].text.lower() for k in kids} | {word, after}
            if words & TIMES_OF_DAY:
                out.add(f"{toks[t.head].text.lower()} {word}")
        if t.lemma.lower() in SCOPE_SPANS and t.pos == "NOUN":
            kids = [k for k in range(len(toks)) if toks[k].head == i and k != i]
            picks = [
                toks[k].text.lower()
                for k in kids
                if toks[k].text.lower() in SCOPE_ORDINALS
                or (toks[k].dep == "compound" and toks[k].pos == "NOUN")
            ]
            if picks:
                out.add(" ".join([*picks, word]))
    return frozenset(out)


def _scopes_differ(x: Frame | None, y: Frame | None, a: _Side, b: _Side) -> bool:
    """Two figures narrowed to different parts of their event (:func:`_scope`), or one to a
    part and the other not: "1.2 million people voted *early*" / "340,000 people had voted
    *by noon*" are two measurements. A figure with no event is read over the words no
    event spans."""
    sa = _scope(x.tokens if x is not None else _outside(a), a.st)
    sb = _scope(y.tokens if y is not None else _outside(b), b.st)
    return sa != sb


def _currencies_differ(vx: Sequence[Value], vy: Sequence[Value]) -> bool:
    """Both sides state sums of money, and none of one side's is in a currency of the
    other's (never converted, so never comparable: each is its own figure)."""
    cx = {v.unit for v in vx if v.kind is ValueKind.MONEY}
    cy = {v.unit for v in vy if v.kind is ValueKind.MONEY}
    return bool(cx and cy) and not cx & cy


def _values_differ(x: Frame, y: Frame, a: _Side, b: _Side) -> bool:
    """The two events hold comparable numbers (money, percents, quantities, counts) of which
    none fit, or sums in different currencies only ("cost £799 in Britain" / "$1,099 in
    the United States": two prices, two markets)."""
    vx = [v for v in a.values if v.kind in FIGURE_KINDS and frame_of(v, a.st, a.frames) is x]
    vy = [v for v in b.values if v.kind in FIGURE_KINDS and frame_of(v, b.st, b.frames) is y]
    if _currencies_differ(vx, vy):
        return True
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
    if " span" in (a.unit or "") and " span" in (b.unit or ""):  # a span claims both ends
        distance = max(abs(a.low - b.low), abs(a.high - b.high))
    if a.kind is ValueKind.DATE:
        return min(1.0, distance / 31.0)  # a month apart counts as far
    if a.kind is ValueKind.TIME:  # minutes (of the day, or from year 1 with a day)
        return min(1.0, distance / TIME_FAR_MINUTES) if math.isfinite(distance) else 1.0
    finite = [abs(x) for x in (a.low, a.high, b.low, b.high) if math.isfinite(x)]
    scale = max(finite, default=0.0)
    return min(1.0, distance / scale) if scale > 0 and math.isfinite(distance) else 0.0


def _describe(v: Value) -> str:
    shown = display(v)
    return v.text if v.text == shown else f"{v.text} ({shown})"


def _confidence(kind: ConflictKind, similarity: float, extra: float = 1.0) -> float:
    """The kind's :data:`WEIGHT` times the caveat factors ``extra``, times a mild factor of
    the alignment similarity (:data:`SIMILARITY_WEIGHT`), rounded to two places."""
    sim = min(1.0, max(0.0, similarity))
    return round(WEIGHT[kind] * extra * (1.0 - SIMILARITY_WEIGHT * (1.0 - sim)), 2)


def _value_pairs(
    a: _Side, b: _Side, kind: ValueKind
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
    home_a = {id(v): frame_of(v, a.st, a.frames) for v in va}
    home_b = {id(v): frame_of(v, b.st, b.frames) for v in vb}
    ra = [v for v in a.reported if v.kind is kind and v.resolved]  # may match, not conflict
    rb = [v for v in b.reported if v.kind is kind and v.resolved]
    pairs = [
        (x, y, home_a[id(x)], home_b[id(y)])
        for x in _unmatched(va, [*vb, *rb])
        for y in _unmatched(vb, [*va, *ra])
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


@dataclass(frozen=True, slots=True)
class _Caveats:
    """What weakens a value conflict between two events: the arguments they name
    differently (of one action only: the roles of a light verb and of another verb do not
    line up), whether the action is ``unknown`` (a value with no event, or a light verb on
    either side), and for figures the thing both measure (``thing``, as a role
    ``"measured"``), which then ties them; ``verbs``: the two verbs, when they differ but
    may state one figure (:func:`_one_figure`, :func:`_scheduled`)."""

    reworded: tuple[_Role, ...] = ()
    thing: _Role | None = None
    unknown: bool = False
    verbs: tuple[str, str] | None = None


def _plan_and_deed(x: Frame, y: Frame) -> bool:
    """One event is told as done and the other as a plan ("cut 250 jobs" / "would cut about
    400 jobs"): two events, so neither their values nor their polarity are compared."""
    return (x.past and y.planned) or (y.past and x.planned)


def _outside(side: _Side) -> frozenset[int]:
    """The tokens of a statement that no event spans: where a figure with no event sits."""
    inside = frozenset().union(*(f.tokens for f in side.frames))
    return frozenset(range(len(side.st.tokens))) - inside


def _thing_relation(
    x: Arg, y: Arg, a: Statement, b: Statement, sa: frozenset[int], sb: frozenset[int]
) -> _Rel:
    """Two measured things (see :func:`factcheck.frames.measured`): the same head word (or
    name), or near-synonyms (reworded), with no attached name or classifier that differs
    and no part against its whole; anything else is two things."""
    if x.named or y.named:
        return _Rel.SAME if x.named and y.named and x.same(y) else _Rel.DIFFERENT
    if _attachments_differ(x, y, a, b) or _part_and_whole(x, y, a, b, sa, sb):
        return _Rel.DIFFERENT
    if x.same(y) or (x.name == y.name and x.instance == y.instance):
        return _Rel.SAME
    if _near_synonyms(x.name, y.name) or _near_synonyms(x.text, y.text):
        return _Rel.REWORDED
    return _Rel.DIFFERENT


def _one_thing(
    vx: Value, vy: Value, x: Frame | None, y: Frame | None, a: _Side, b: _Side
) -> _Role | None:
    """The thing two figures both measure, when it is one thing; else None (also when the
    parse does not say what either measures)."""
    mx, my = measured(vx, a.st), measured(vy, b.st)
    if mx is None or my is None:
        return None
    sa = x.tokens if x is not None else _outside(a)
    sb = y.tokens if y is not None else _outside(b)
    rel = _thing_relation(mx, my, a.st, b.st, sa, sb)
    return None if rel is _Rel.DIFFERENT else _Role("measured", rel, mx, my)


def _dated_thing(
    vx: Value, vy: Value, x: Frame | None, y: Frame | None, a: _Side, b: _Side
) -> _Rel | None:
    """How the things two dates of no action date compare ("*the next policy meeting* is
    on January 20", :func:`factcheck.frames.measured`): SAME when both name one definite
    thing the same way (that event, so the action is not unknown), DIFFERENT for two
    common nouns neither statement uses the other's word for ("the hearing" / "a vote"),
    else None (reworded, other attached names, or the parse does not say)."""
    mx, my = measured(vx, a.st), measured(vy, b.st)
    if mx is None or my is None:
        return None
    sa = x.tokens if x is not None else _outside(a)
    sb = y.tokens if y is not None else _outside(b)
    rel = _thing_relation(mx, my, a.st, b.st, sa, sb)
    if rel is _Rel.SAME:
        return _Rel.SAME if mx.definite and my.definite else None
    if mx.named or my.named or mx.name == my.name or _near_synonyms(mx.name, my.name):
        return None  # the same word with other attached names: maybe one event told fuller
    if _mentions(a.st, my.name) or _mentions(b.st, mx.name):
        return None
    return _Rel.DIFFERENT


def _costs(v: Value, f: Frame, side: _Side) -> bool:
    """A sum told as the cost of something: a verb of :data:`COST_VERBS` ("will *cost* $48
    million", "to *spend* $52 million") or a cost noun ("at a *cost* of $48 million")."""
    thing = measured(v, side.st)
    return f.verb in COST_VERBS or (thing is not None and thing.name in COST_NOUNS)


def _paid_for(x: Frame, y: Frame, a: _Side, b: _Side) -> bool:
    """Two costs of one action: the action one side's sum pays for ("*repair* the bridge at
    a cost of $48 million") is told in the other statement too ("spend $52 million
    *repairing* the bridge", not "spend $5 million on a study"). Two cost verbs with no
    action ("will cost", "to spend") say nothing of what is paid for: False."""
    if x.verb not in COST_VERBS:
        return any(f.verb == x.verb for f in b.frames)
    if y.verb not in COST_VERBS:
        return any(f.verb == y.verb for f in a.frames)
    return False


def _one_figure(x: Frame, y: Frame, a: _Side, b: _Side) -> bool:
    """Two events of different verbs of one class of :data:`FIGURE_SYNONYMS` (and not
    opposites) that state one figure or date: their subjects are one thing when both give
    one, their other arguments share one the same way when either gives any ("*signed*
    Mensah for £62 million" / "*splashed* £48 million on Mensah"), and at least one of the
    two ties them ("the study *was published*" / "the study *appeared*"); "signed Mensah" /
    "spent £48 million on a stadium" are two actions."""
    if opposite(x.verb, y.verb) or not any(x.verb in c and y.verb in c for c in FIGURE_SYNONYMS):
        return False
    rx, ry, _, _ = _aligned(x, y, a.st, b.st)
    tied = False
    sx, sy = rx.get("subject", ()), ry.get("subject", ())
    if sx and sy:
        rels = [_relation("subject", u, v, a.st, b.st, x.tokens, y.tokens) for u in sx for v in sy]
        if all(r is _Rel.DIFFERENT for r in rels):
            return False
        tied = True
    ox = [u for r, us in rx.items() if r != "subject" for u in us if not u.counted]
    oy = [v for r, vs in ry.items() if r != "subject" for v in vs if not v.counted]
    if ox or oy:  # "signed Mensah for £62 million" / "spent £80 million this summer": no tie
        lx = [u for us in _lifted(rx).values() for u in us]  # "a wildfire in Alder County"
        ly = [v for vs in _lifted(ry).values() for v in vs]
        pairs = [(u, v) for u in ox for v in [*oy, *ly]] + [(u, v) for u in lx for v in oy]
        if not any(_relation("object", u, v, a.st, b.st) is _Rel.SAME for u, v in pairs):
            return False
        tied = True
    return tied


def _nominalises(noun: str, verb: str) -> bool:
    """``noun`` names the action of ``verb``: the same word ("the *vote*"), or the verb's
    stem (a final "e" or "y" dropped) and a suffix of :data:`NOMINAL_SUFFIXES`
    ("certify" / "*certification*", "approve" / "*approval*", "announce" /
    "*announcement*")."""
    if noun == verb:
        return True
    stem = verb[:-1] if verb.endswith(("e", "y")) else verb
    return len(stem) >= 3 and any(noun == stem + suffix for suffix in NOMINAL_SUFFIXES)


def _of_thing(arg: Arg, st: Statement) -> str | None:
    """The lemma of the "of" complement of an argument's head ("certification *of the
    results*": "result"), or None."""
    toks = st.tokens
    for i in arg.words:
        if toks[i].text.lower() != arg.text:
            continue
        for k, t in enumerate(toks):
            if t.head == i and t.dep == "prep" and t.text.lower() == "of":
                objects = (u.lemma.lower() for u in toks if u.head == k and u.dep == "pobj")
                return next(objects, None)
    return None


def _scheduled(x: Frame, y: Frame, a: _Side, b: _Side) -> bool:
    """One event is told as a noun that a verb of :data:`SCHEDULE_VERBS` dates, and the
    other as that noun's verb ("*Certification* of the results is *scheduled* for March 12"
    / "will *certify* the results on March 10"): one event, when what the noun is of is the
    other's object (or either is not told)."""
    for f, g, side in ((x, y, b), (y, x, a)):
        if g.verb not in SCHEDULE_VERBS or g.obj is None or g.obj.named:
            continue
        if not _nominalises(g.obj.name, f.verb):
            continue
        thing = _of_thing(g.obj, side.st)
        if f.obj is None or thing is None or f.obj.name == thing:
            return True
        return _near_synonyms(f.obj.name, thing)
    return False


def _caveats(
    vx: Value, vy: Value, x: Frame | None, y: Frame | None, kind: ValueKind, a: _Side, b: _Side
) -> _Caveats | None:
    """None when two values sit in two different events, or measure two different things;
    else what weakens their conflict (see :class:`_Caveats`).

    Two events must have one action (the same verb, a light verb on one side, for money a
    cost on both, verbs of one :data:`FIGURE_SYNONYMS` class tied by their arguments, or
    for dates a scheduled noun and its verb), one polarity, not a plan against a done
    deed, no argument that differs, one period (:func:`_same_period`) and one part of the
    event (:func:`_scope`). When either value has no event of its own, or its verb is
    light, the action is unknown: two figures conflict only if they measure the same
    thing (:func:`_one_thing`); a date is its event's, compared by the events alone."""
    reworded: list[_Role] = []
    told: tuple[str, str] | None = None
    noun = False  # figures on one noun told with two actions ("a magnitude 7.1 earthquake")
    if x is not None and y is not None:
        cost = (
            kind is ValueKind.MONEY
            and _costs(vx, x, a)
            and _costs(vy, y, b)
            and _paid_for(x, y, a, b)
        )
        verbs = x.verb != y.verb and not (x.light or y.light or cost)
        nominal = kind is ValueKind.DATE and verbs and _scheduled(x, y, a, b)
        noun = verbs and not nominal and kind is not ValueKind.DATE
        noun = noun and not _one_figure(x, y, a, b) and on_noun(vx, a.st) and on_noun(vy, b.st)
        if verbs and not (nominal or noun or _one_figure(x, y, a, b)):
            return None
        if x.negated != y.negated:
            return None  # "did not release it in 2024" asserts no date of a release
        if _plan_and_deed(x, y):
            return None
        roles = _roles(x, y, a.st, b.st)
        if nominal:  # the scheduled noun is the event, not the other's object
            roles = [r for r in roles if r.role != "object"]
        if noun:  # two actions: only two different names set the two things apart
            roles = [r for r in roles if r.x.named and r.y.named]
        if any(r.rel is _Rel.DIFFERENT for r in roles):
            return None
        if kind is ValueKind.DATE:
            if _values_differ(x, y, a, b):
                return None  # two periods, each with its own figure
        elif _figure_dates_differ(x, y):
            return None  # "rose 18% on Monday" / "have risen 31% this year"
        if (x.verb == y.verb or cost or verbs) and not noun:
            reworded = [r for r in roles if r.rel is _Rel.REWORDED]
        if verbs and not noun:
            told = (x.verb, y.verb)
    if kind is not ValueKind.DATE and _scopes_differ(x, y, a, b):
        return None  # "voted early" / "had voted by noon": two parts of one event
    unknown = x is None or y is None or x.light or y.light or noun
    if kind is ValueKind.DATE and (x is None or y is None) and _figures_differ(a, b):
        return None  # "revenue of $4.82 billion in 2025" / "$4.1 billion in 2024"
    if kind is ValueKind.DATE and unknown and not noun:
        dated = _dated_thing(vx, vy, x, y, a, b)
        if dated is _Rel.DIFFERENT:
            return None  # "the hearing is on March 3" / "a vote is on March 9"
        unknown = dated is not _Rel.SAME  # "the next meeting is on January 20": that event
    thing: _Role | None = None
    if kind is not ValueKind.DATE and unknown:
        if (x is None or y is None) and _periods_differ(a, b):
            return None  # "revenue of $4.8 billion in 2025" / "... in 2024": two periods
        thing = _one_thing(vx, vy, x, y, a, b)
        if thing is None:
            return None
        if thing.rel is _Rel.REWORDED:
            reworded.append(thing)
    return _Caveats(tuple(reworded), thing, unknown, told)


def _earlier(x: Value, y: Value, a: _Side, b: _Side) -> str:
    """A note when one side's figure is the other's earlier one ("to 14 from 12" vs "12")."""
    for side, mine, theirs in (("first", a, y), ("second", b, x)):
        old = next(
            (e for e in mine.earlier if comparable(e, theirs) and compatible(e, theirs)), None
        )
        if old is not None:
            other = "second" if side == "first" else "first"
            return f"; the {other} sentence gives the earlier figure ({old.text} in the {side})"
    return ""


def _value_reason(kind: ValueKind, x: Value, y: Value, caveats: _Caveats) -> str:
    if kind is ValueKind.DATE and x.norm.startswith(("<", ">")) and x.norm[:2] == y.norm[:2]:
        reason = f"date {_describe(x)} does not match {_describe(y)}: two different deadlines"
    elif kind is ValueKind.DATE:
        reason = f"date {_describe(x)} does not match {_describe(y)}: no day in common"
    else:
        reason = f"{kind} {_describe(x)} does not match {_describe(y)}, even allowing for rounding"
    notes = [f"{v.text}: {v.note}" for v in (x, y) if v.note]
    if notes:
        reason += f" ({'; '.join(notes)})"
    if caveats.thing is not None:
        reason += (
            f"; no action ties the two figures, only what they are of ('{_label(caveats.thing.x)}')"
        )
    elif caveats.unknown:
        reason += (
            "; no action ties the two dates (a light verb or none), so they may tell two events"
        )
    if caveats.verbs is not None:
        reason += (
            f"; told with different verbs ('{caveats.verbs[0]}' / '{caveats.verbs[1]}'), "
            "which may tell one event"
        )
    return reason + _reworded_note(caveats.reworded)


def _reworded_note(reworded: Sequence[_Role]) -> str:
    """The caveat of arguments named differently: "; but the two sentences name the object
    differently ('team' vs 'investigators'), so they may tell two events"."""
    if not reworded:
        return ""
    roles = " and the ".join(_role_label(r.role) for r in reworded)
    names = "; ".join(f"'{_label(r.x)}' vs '{_label(r.y)}'" for r in reworded)
    return (
        f"; but the two sentences name the {roles} differently ({names}), "
        "so they may tell two events"
    )


def _factor(caveats: _Caveats) -> float:
    """The confidence factor of the caveats: :data:`REWORDED_FACTOR` for arguments named
    differently, :data:`UNKNOWN_EVENT_FACTOR` for an unknown action."""
    return (
        (REWORDED_FACTOR if caveats.reworded else 1.0)
        * (UNKNOWN_EVENT_FACTOR if caveats.unknown else 1.0)
        * (FIGURE_SYNONYM_FACTOR if caveats.verbs is not None else 1.0)
    )


def _hours_apart(a: _Side, b: _Side) -> float | None:
    """How many hours at least ``b``'s source was published after ``a``'s (negative when
    before), or None when either time is unknown or the two may be the same moment."""
    if a.published is None or b.published is None:
        return None
    (a0, a1), (b0, b1) = a.published, b.published
    if b0 >= a1:
        return (b0 - a1).total_seconds() / 3600
    if a0 >= b1:
        return -(a0 - b1).total_seconds() / 3600
    return None


def _tally(v: Value, f: Frame | None, side: _Side) -> bool:
    """A count or quantity of a running tally, which grows as a story unfolds: its verb is
    in :data:`TALLY_VERBS` ("*killed* 42 people"), what it counts in :data:`TALLY_NOUNS`
    ("the death *toll*"), or its clause tells a total so far (:data:`TALLY_WORDS`: "*now*",
    "*so far*"; a present perfect: "*has* risen to 87")."""
    if v.kind not in (ValueKind.COUNT, ValueKind.QUANTITY):
        return False
    thing = measured(v, side.st)
    if (thing is not None and thing.name in TALLY_NOUNS) or v.unit in TALLY_NOUNS:
        return True
    if f is None:
        return False
    toks = side.st.tokens
    if f.verb in TALLY_VERBS or any(toks[i].lemma.lower() in TALLY_WORDS for i in f.tokens):
        return True
    return any(t.dep == "aux" and t.lemma.lower() == "have" and t.head in f.words for t in toks)


def _update(
    x: Value, y: Value, ex: Frame | None, ey: Frame | None, a: _Side, b: _Side
) -> tuple[bool, str]:
    """A running tally (:func:`_tally`) told by two sources published at least
    :data:`UPDATE_HOURS` apart: ``(True, "")`` when the later source's figure is the higher
    one, an update and not a conflict ("killed 42" at 06:00, "killed 87" at 18:00); else
    ``(False, caveat)``, with the caveat naming the gap when the later figure is lower (a
    toll rarely falls, so it stays a conflict, at :data:`UPDATE_FACTOR`). A date alone
    against a time of that day cannot say which came first: a conflict with a caveat, at
    :data:`UPDATE_FACTOR`. Sources of one time, or of unknown times, give ``(False, "")``."""
    hours = _hours_apart(a, b)
    if a.published is None or b.published is None or a.published == b.published:
        return False, ""
    if hours is not None and abs(hours) < UPDATE_HOURS:
        return False, ""
    if not (_tally(x, ex, a) or _tally(y, ey, b)):
        return False, ""
    if hours is None:  # a date alone against a time of that day: which came first is unknown
        return False, (
            "; published the same day (one source gives no time), so the other figure may "
            "be an update of a running tally"
        )
    early, late = (x, y) if hours > 0 else (y, x)
    inf = math.inf
    if (late.low if late.low is not None else -inf) > (
        early.high if early.high is not None else inf
    ):
        return True, ""
    return False, (
        f"; published {abs(hours):.0f} hours apart, but the later report gives the lower "
        f"figure ({late.text}), and a running tally rarely falls"
    )


def _says(arg: Arg, st: Statement) -> str:
    """A speaker as written, with its verb: "police say", "Chief Ruiz says"."""
    toks = st.tokens
    shown = [i for i in arg.words if toks[i].pos != "DET"]
    words = " ".join(
        toks[i].text if toks[i].pos == "PROPN" else toks[i].text.lower() for i in shown
    )
    words = words or arg.text
    head = next((toks[i] for i in arg.words if toks[i].text.lower() == arg.text), None)
    plural = head is None or head.tag in {"NNS", "NNPS"} or arg.text in COLLECTIVE_SPEAKERS
    return f"{words} {'say' if plural else 'says'}"


#: Collective nouns of speakers that take a plural verb ("police *say*").
COLLECTIVE_SPEAKERS = frozenset({"police"})


def _attribution(x: Value, y: Value, ex: Frame | None, ey: Frame | None, a: _Side, b: _Side) -> str:
    """The caveat of two figures told as claims of two different speakers, the subjects
    of their reporting verbs (:attr:`factcheck.frames.Frame.attributed`): "; an attributed
    disagreement: police say six shots, witnesses say 12 shots". Empty when either is told
    flat, or both by one speaker (the same word or near-synonyms)."""
    if ex is None or ey is None or ex.attributed is None or ey.attributed is None:
        return ""
    u, v = ex.attributed, ey.attributed
    if u.same(v) or u.name == v.name or _near_synonyms(u.name, v.name):
        return ""
    return f"; an attributed disagreement: {_says(u, a.st)} {x.text}, {_says(v, b.st)} {y.text}"


def _value_conflicts(a: _Side, b: _Side, similarity: float) -> list[Conflict]:
    """Value and date conflicts, the strongest of each kind and unit: "three workers" /
    "four workers" and "27 others" / "37 others" in one pair of sentences are two
    conflicts. A running tally told higher by a source published later is an update, not
    a conflict (:func:`_update`)."""
    out: list[Conflict] = []
    for kind in _NUMERIC_ORDER:
        conflict_kind = ConflictKind.DATE if kind is ValueKind.DATE else ConflictKind.VALUE
        best: dict[str, Conflict] = {}
        for x, y, ex, ey in _value_pairs(a, b, kind):
            caveats = _caveats(x, y, ex, ey, kind, a, b)
            if caveats is None:
                continue
            updated, update_note = _update(x, y, ex, ey, a, b)
            if updated:
                continue
            near = VALUE_NEAR_FACTOR
            extra = (near + (1.0 - near) * _gap(x, y)) * _factor(caveats)
            extra *= UPDATE_FACTOR if update_note else 1.0
            attributed = _attribution(x, y, ex, ey, a, b)
            extra *= ATTRIBUTED_FACTOR if attributed else 1.0
            found = Conflict(
                kind=conflict_kind,
                a=a.st.id,
                b=b.st.id,
                value_a=x.text,
                value_b=y.text,
                confidence=_confidence(conflict_kind, similarity, extra),
                reason=_value_reason(kind, x, y, caveats)
                + _earlier(x, y, a, b)
                + update_note
                + attributed,
            )
            unit = x.unit or ""
            if unit not in best or found.confidence > best[unit].confidence:
                best[unit] = found
        out += [best[u] for u in sorted(best)]
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


def _elsewhere(st: Statement, f: Frame, role: str, name: str) -> bool:
    """``st`` names ``name`` other than as the named argument of another role of its event
    ``f``: elsewhere ("Ortiz approved the plan, as did Baker"), inside an argument
    ("Zuckerberg positioned *Meta's* Llama family") or in the role's own argument, worded
    longer ("The United Nations' International Atomic Energy Agency")."""
    taken = frozenset(
        w
        for r, args in f.roles().items()
        if r != role
        for arg in args
        if arg.named
        for w in arg.words
    )
    return set(name.split()) <= _words(st, taken)


def _both_did(
    role: _Role, x: Frame, y: Frame, a: Statement, b: Statement, actions: Actions
) -> bool:
    """A source names the other's argument in the same role of the same action (both did
    it), or the statement names it other than in another role of the event."""
    if _elsewhere(a, x, role.role, role.y.name) or _elsewhere(b, y, role.role, role.x.name):
        return True
    mine = actions.get(a.source_id, frozenset())
    theirs = actions.get(b.source_id, frozenset())
    return any(
        v == x.verb and r == role.role and same_name(n, role.y.name) for v, r, n in mine
    ) or any(v == y.verb and r == role.role and same_name(n, role.x.name) for v, r, n in theirs)


@dataclass(frozen=True, slots=True)
class _Finding:
    """A conflict found between two events, before it is made a :class:`Conflict`."""

    kind: ConflictKind
    reason: str
    extra_a: tuple[int, ...] = ()  # words shown besides the event's own
    extra_b: tuple[int, ...] = ()
    factor: float = 1.0


def _participants(f: Frame) -> list[tuple[str, str]]:
    """The named participants of an event with their roles, prepositions on an argument
    included ("moved its headquarters *from Chicago*" has "chicago" after "from")."""
    out = []
    for role, args in f.roles().items():
        for arg in args:
            if arg.named:
                out.append((role, arg.name))
            out += [(how, n) for how, n in arg.attached if how != "mod"]
    return out


def _swap(x: Frame, y: Frame) -> tuple[tuple[str, str, str], ...] | None:
    """The names whose roles two events swap: the same names in the same roles on both
    sides, two or more of them in another one's role ("Smith beat Jones" / "Jones beat
    Smith"), each name once."""
    px, py = _participants(x), _participants(y)
    if len(px) < 2 or sorted(r for r, _ in px) != sorted(r for r, _ in py):
        return None  # the same roles on both sides: "like X" / "such as X" is no swap
    moved = []
    for role, name in px:
        match = [r for r, n in py if same_name(n, name)]
        if len(match) != 1 or sum(same_name(n, name) for _, n in px) != 1:
            return None
        if match[0] != role:
            moved.append((name, role, match[0]))
    return tuple(moved) if len(moved) >= 2 else None


def _role_name(role: str) -> str:
    return {"subject": "actor", "object": "object"}.get(role, f"'{role}'")


def _swapped(x: Frame, y: Frame, a: _Side, b: _Side) -> _Finding | None:
    """Swapped roles of the same action ("from Chicago to Dallas" / "from Dallas to
    Chicago"), unless the verb is symmetric or the two events hold different figures."""
    moved = _swap(x, y)
    if moved is None or x.verb in SYMMETRIC_VERBS or _values_differ(x, y, a, b):
        return None
    parts = "; ".join(
        f"'{n}' is the {_role_name(rx)} in one and the {_role_name(ry)} in the other"
        for n, rx, ry in moved
    )
    return _Finding(  # shown whole: the roles are the point
        ConflictKind.ENTITY,
        f"the same action ({x.verb}) with the roles swapped: {parts}",
        _clause(x, a.st),
        _clause(y, b.st),
    )


def _clause(f: Frame, st: Statement) -> tuple[int, ...]:
    """The words of an event's span, without punctuation."""
    return tuple(sorted(i for i in f.tokens if st.tokens[i].pos != "PUNCT"))


def _same_action(
    x: Frame, y: Frame, roles: Sequence[_Role], a: _Side, b: _Side, actions: Actions
) -> _Finding | None:
    """The same action with the same polarity and one argument that differs: an entity
    conflict when both arguments are names, a claim divergence when they are objects;
    or the same names in swapped roles. Of light verbs, only two copular clauses compare
    their actors, named with a shared title (:func:`_titles`: "Captain Mendes was at the
    controls" / "Captain Whitfield was at the controls"), at a lower confidence
    (:data:`UNKNOWN_EVENT_FACTOR`)."""
    if x.light and not (x.copular and y.copular):
        return None
    if (swapped := _swapped(x, y, a, b)) is not None:
        return swapped
    differ = [r for r in roles if r.rel is not _Rel.SAME]
    if len(differ) != 1:
        return None
    (d,) = differ
    if d.lifted:
        return None  # where the name hangs is the parser's guess
    if d.x.named and d.y.named:
        anchored = len(roles) > 1  # some other argument is the same
        if d.rel is not _Rel.DIFFERENT or not anchored:
            return None  # "in Manhattan" / "in New York": maybe one place
        if _values_differ(x, y, a, b):  # two events, each its figure
            return None
        if _both_did(d, x, y, a.st, b.st, actions):
            return None
        action = _action(x)
        reason = (
            f"a different {_entity_role(d.role)} for the same action ({action}): "
            f"'{d.x.name}' against '{d.y.name}'"
        )
        factor = 1.0
        if x.light:
            if d.role != "subject" or not _titles(d.x, a.st) & _titles(d.y, b.st):
                return None  # "Smith was at the meeting" / "Jones was at the meeting"
            reason += f"; '{action}' names a state, not an action, that two may share"
            factor = UNKNOWN_EVENT_FACTOR
        return _Finding(ConflictKind.ENTITY, reason, d.x.words, d.y.words, factor)
    if (attached := _attached_entity(d, roles, x, y, a, b)) is not None:
        return attached
    plain = not (d.x.named or d.y.named or d.x.counted or d.y.counted)
    unnamed = not _mentions(b.st, d.x.name) and not _mentions(a.st, d.y.name)
    synonyms = _near_synonyms(d.x.name, d.y.name) or _near_synonyms(d.x.text, d.y.text)
    if d.role == "object" and plain and unnamed and d.x.text != d.y.text and not synonyms:
        reason = (
            f"the same action ({x.verb}) on a different object: '{d.x.text}' against '{d.y.text}'"
        )
        return _Finding(ConflictKind.CLAIM, reason)
    return None


def _attached_entity(
    d: _Role, roles: Sequence[_Role], x: Frame, y: Frame, a: _Side, b: _Side
) -> _Finding | None:
    """The one argument that differs is one common noun on both sides, with the same
    classifiers and one attached name each, the two names different (not aliases, neither
    a place that may hold the other) and neither statement naming the other's ("handed down
    the sentence in a courtroom *in Springfield*" / "in a courtroom *in Columbia*"), every
    other argument the same: an entity conflict on the attached names, as for two names in
    the role itself."""
    if d.x.named or d.y.named or d.rel is not _Rel.DIFFERENT or len(roles) < 2:
        return None
    if not (d.x.name == d.y.name or _near_synonyms(d.x.name, d.y.name)):
        return None
    if len(d.x.attached) != 1 or len(d.y.attached) != 1 or d.x.classifiers != d.y.classifiers:
        return None
    (nx,), (ny,) = d.x.attached_names, d.y.attached_names
    if same_name(nx, ny) or _contains(nx, ny) or _mentions(b.st, nx) or _mentions(a.st, ny):
        return None
    if _values_differ(x, y, a, b):
        return None
    (px, _), (py, _) = d.x.attached[0], d.y.attached[0]
    lx, ly = (n if p == "mod" else f"{p} {n}" for p, n in ((px, nx), (py, ny)))
    reason = (
        f"a different name on the {d.x.text} for the same action ({_action(x)}): "
        f"'{d.x.text} {lx}' against '{d.y.text} {ly}'"
    )
    return _Finding(ConflictKind.ENTITY, reason, d.x.words, d.y.words)


def _titles(arg: Arg, st: Statement) -> frozenset[str]:
    """The title words a name carries, outside the name itself: "*Captain* Laura Mendes"
    has "captain". Two people in one copular clause of place conflict only with a shared
    title (two captains "at the controls"); "Smith" and "Jones" "at the meeting" may both
    have been there."""
    names = set(arg.name.split())
    return frozenset(
        t.text.lower()
        for k in arg.words
        for t in (st.tokens[j] for j, t2 in enumerate(st.tokens) if t2.head == k and j != k)
        if t.dep == "compound" and t.text.isalpha() and t.text.lower() not in names
    )


def _action(f: Frame) -> str:
    """The action as a reason names it: the verb, or "be at" for a copular clause."""
    if not f.copular:
        return f.verb
    return " ".join([f.verb, *dict.fromkeys(p for p, _ in f.preps)])


def _one_name_off(a: str, b: str) -> bool:
    """Two names alike but for the surname ("ellen voss" / "ellen ross"): likely one person
    misnamed. A different first name with the same surname ("ronald l. kuby" / "ron kuby")
    is likely one person too, named two ways; initials are ignored."""
    pa = [p for p in a.split() if len(p.rstrip(".")) > 1]
    pb = [p for p in b.split() if len(p.rstrip(".")) > 1]
    return len(pa) == len(pb) >= 2 and pa[:-1] == pb[:-1] and pa[-1] != pb[-1]


def _misnamed_speaker(
    x: Frame, y: Frame, roles: Sequence[_Role], a: _Side, b: _Side, actions: Actions
) -> _Finding | None:
    """The same claim told by two named speakers whose names differ only in the surname
    ("Ellen Voss" / "Ellen Ross"), when no source has both."""
    sx, sy = x.speaker, y.speaker
    if sx is None or sy is None or same_name(sx.name, sy.name, acronyms=False):
        return None
    if not roles or any(r.rel is not _Rel.SAME for r in roles) or _dates_differ(x, y):
        return None
    if not _one_name_off(sx.name, sy.name):
        return None  # two people may both have said it
    for source, other in ((a.st.source_id, sy.name), (b.st.source_id, sx.name)):
        told = actions.get(source, ())
        if any((v, r) == _SPEAKER and same_name(n, other, acronyms=False) for v, r, n in told):
            return None
    reason = (
        f"the same claim ({x.verb}) told by a different speaker: '{sx.name}' against '{sy.name}'"
    )
    return _Finding(ConflictKind.ENTITY, reason, sx.words, sy.words, SPEAKER_FACTOR)


def _one_referent(r: _Role, a: Statement, b: Statement) -> bool:
    """A reworded argument that still names one thing, enough to tie a flip: the same
    head, near-synonyms, a name against a description of it, two places one of which may
    hold the other, or a word the other statement uses ("a team *of four investigators*" /
    "investigators"). Two unrelated definite nouns ("the amendment" / "the plan") are
    reworded for values but tie no flip, nor does a new thing against one with a name or a
    classifier ("a plant" / "its Ohio plant")."""
    x, y = r.x, r.y
    kinds = (x.attached_names | x.classifiers, y.attached_names | y.classifiers)
    if kinds[0] != kinds[1] and not (x.definite and y.definite):
        return False  # "its *Ohio* plant" / "a plant": maybe another plant
    if x.named or y.named or x.name == y.name or x.text == y.text:
        return True
    if _near_synonyms(x.name, y.name) or _near_synonyms(x.text, y.text):
        return True
    return _mentions(b, x.name) or _mentions(a, y.name)


def _flip(x: Frame, y: Frame, roles: Sequence[_Role], a: _Side, b: _Side) -> _Finding | None:
    """A negated or opposite action, tied by an argument both name the same way (or a
    "nobody" against anyone), or by two arguments both name, one way or another; an
    argument worded differently lowers the confidence (:data:`REWORDED_FACTOR`), and then
    every argument must still name one thing (:func:`_one_referent`)."""
    if not (x.asserted and y.asserted):
        return None  # "were told not to return" denies nothing
    if any(r.rel is _Rel.DIFFERENT for r in roles):
        return None  # something sets them apart
    reworded = [r for r in roles if r.rel is _Rel.REWORDED]
    if any(r.x.instance != r.y.instance for r in reworded):
        return None  # "rejected the offer" / "accepted a revised offer": another offer
    if reworded and not all(_one_referent(r, a.st, b.st) for r in roles):
        return None  # "rejected the amendment" / "approved the plan": two things
    same = len(roles) > len(reworded) or _anyone(x, y, a.st, b.st)
    if not same and len(reworded) < 2:
        return None  # nothing ties the two events together
    fa, fb = a.frames, b.frames
    if any(_agrees(f, y, a.st, b.st) for f in fa) or any(_agrees(x, g, a.st, b.st) for g in fb):
        return None  # a sequence ("paused, then resumed"), not a flip
    if (x.intended and y.past) or (y.intended and x.past):
        return None  # "did not plan to cut" does not deny "cut": plans change
    if (x.ceased and y.past) or (y.ceased and x.past):
        return None  # "no longer releases" says it released before
    if {x.verb, y.verb} == TOTAL_OR_CHANGE and _figures_differ(a, b):
        return None  # "won 12 seats" / "lost 3 seats": a total and a change
    denied = x if x.denier is not None else y if y.denier is not None else None
    factor = DENIAL_FACTOR if denied is not None else 1.0
    factor *= REWORDED_FACTOR if reworded else 1.0
    factor *= UNKNOWN_EVENT_FACTOR if x.light else 1.0
    if x.verb == y.verb:
        if denied is not None and x.negated != y.negated:
            told, st = (y, b.st) if denied is x else (x, a.st)
            reason = (
                f"one source reports '{phrase(told, st)}'; the other reports "
                f"{denied.denier} denying it"
            )
        else:
            reason = f"one source says '{phrase(x, a.st)}', the other '{phrase(y, b.st)}'"
        return _Finding(ConflictKind.POLARITY, reason + _reworded_note(reworded), factor=factor)
    if x.negated == y.negated:
        reason = f"opposite actions: '{x.text}' against '{y.text}'"
        return _Finding(ConflictKind.POLARITY, reason + _reworded_note(reworded), factor=factor)
    return None


def _verb_index(f: Frame, st: Statement) -> int | None:
    """The token of an event's verb, as written."""
    return next((i for i in f.words if st.tokens[i].text == f.text), None)


def _exclusive(f: Frame, st: Statement) -> str | None:
    """The word of :data:`EXCLUSIVE_ADVERBS` on an event's verb ("fired *first*"), if any."""
    v = _verb_index(f, st)
    words = (
        t.text.lower() for t in st.tokens if v is not None and t.head == v and t.dep == "advmod"
    )
    return next((w for w in words if w in EXCLUSIVE_ADVERBS), None)


def _exclusive_actor(
    x: Frame, y: Frame, roles: Sequence[_Role], a: _Side, b: _Side
) -> _Finding | None:
    """Two accounts of who did something first ("the suspect fired first, *police* said" /
    "*witnesses* said officers fired first"): the same action and polarity, one word of
    :data:`EXCLUSIVE_ADVERBS` on both verbs, two different subjects and no other argument
    that differs, each told by a different speaker (:attr:`Frame.attributed`). Only one
    can have been first, so it is an entity conflict, at :data:`ATTRIBUTED_FACTOR`, the
    reason naming both accounts; told flat, or by one speaker, it is not judged."""
    word = _exclusive(x, a.st)
    if word is None or word != _exclusive(y, b.st):
        return None
    u, v = x.attributed, y.attributed
    if u is None or v is None or u.same(v) or u.name == v.name or _near_synonyms(u.name, v.name):
        return None
    subject = [r for r in roles if r.role == "subject"]
    if len(subject) != 1 or subject[0].rel is not _Rel.DIFFERENT:
        return None
    if any(r.rel is _Rel.DIFFERENT for r in roles if r.role != "subject"):
        return None
    sx, sy = subject[0].x, subject[0].y
    return _Finding(
        ConflictKind.ENTITY,
        f"an attributed disagreement on who {x.text} {word}: {_says(u, a.st)} "
        f"'{_label(sx)}', {_says(v, b.st)} '{_label(sy)}'",
        factor=ATTRIBUTED_FACTOR,
    )


#: Adverbs that make an action exclusive: only one actor can have done it "*first*".
EXCLUSIVE_ADVERBS = frozenset({"first"})


def _event_conflicts(a: _Side, b: _Side, similarity: float, actions: Actions) -> list[Conflict]:
    found: dict[ConflictKind, Conflict] = {}
    for x in a.frames:
        for y in b.frames:
            if x.reporting or y.reporting or _dates_differ(x, y) or _plan_and_deed(x, y):
                continue  # a plan and a done deed are two events
            same_verb = x.verb == y.verb
            contrary = opposite(x.verb, y.verb, states=x.state and y.state)
            if not same_verb and (x.light or y.light or not contrary):
                continue
            roles = _roles(x, y, a.st, b.st)
            finding: _Finding | None
            if same_verb and x.negated == y.negated:
                if x.predicate or y.predicate:
                    continue  # "Meta is a leader in AI" does not exclude "Google is one"
                finding = _same_action(x, y, roles, a, b, actions)
                if finding is None:
                    finding = _misnamed_speaker(x, y, roles, a, b, actions)
                if finding is None:
                    finding = _exclusive_actor(x, y, roles, a, b)
            else:
                finding = _flip(x, y, roles, a, b)
            if finding is None or finding.kind in found:
                continue
            found[finding.kind] = Conflict(
                finding.kind,
                a.st.id,
                b.st.id,
                phrase(x, a.st, finding.extra_a),
                phrase(y, b.st, finding.extra_b),
                _confidence(finding.kind, similarity, finding.factor),
                finding.reason,
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
    sa, sb = _people_counts(_Side.of(a, ctx), _Side.of(b, ctx))
    conflicts = _value_conflicts(sa, sb, similarity)
    conflicts += _event_conflicts(sa, sb, similarity, ctx.actions)
    return conflicts
