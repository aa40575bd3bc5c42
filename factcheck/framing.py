"""Framing: how each source tells a fact, and a profile of each source.

A note compares **two statements that tell one claim**: statements of different sources
whose content lemmas (nouns, verbs, adjectives, adverbs, numbers; speech verbs left out)
have a Jaccard index of at least :data:`MIN_SHARED_CONTENT`. The aligner sometimes groups
loosely related sentences into one fact; two such sentences are never compared, so every
note has a partner statement and a word diff against it (``[-only it-] {+only the
partner+}``). Per fact (its statements of two or more sources):

- **hedging**: a statement qualifies the claim (see below) and a partner states it with no
  hedge at all. A hedge swapped for another hedge is not a difference, and a partner with
  "should" or "would" (:data:`UNCERTAIN_MODALS`) is not flat. A partner also tells the
  hedged claim when it overstates it (:func:`_overstated`): the hedged clause tells a
  partial effect against a harm (:data:`MITIGATING`: "walnuts *may* reduce the risk of
  type 2 diabetes") and the partner a certain, complete one on the same subject and the
  same things (:data:`CERTAIN_EFFECT_VERBS`: "walnuts cure type 2 diabetes"); the note says
  so.
- **loaded**: a statement uses an evaluative or intensifying word (:data:`LOADED`) that its
  partner does not use.
- **tone**: one statement's wording is clearly positive and its partner's clearly negative
  by the VADER lexicon (compound score at least :data:`TONE_POLE` on each side of zero,
  each side carrying a sentiment word of its sign); the note names the sentiment words,
  their lexicon valence and VADER's negation ("not … good").
- **attribution**: the two report the claim with speech verbs of different stance
  (:data:`ATTRIBUTION`): "claimed" (casts doubt) or "warned" against "said" or "according
  to", against "admitted" (concedes), or against the bare claim with no attribution.
- **beyond source**: a source reports a speaker's words without quoting them and claims
  more than the quote another source gives: it drops the quote's hedge (and has none of its
  own), or adds loaded words, or numbers no value of the quote matches.

``FramingNote.explanation`` is plain sentences that name the sources by source ID (a
report replaces them by its labels) and the words, e.g. "b uses the loaded or intensifying
word 'massive'. a tells the claim without it."

**Whose words.** Words inside quotation marks (:attr:`Statement.quotes`, and scare
quotes paired as the quote finder pairs marks: “soul-crushing”, British 'historic', never
the apostrophe of "the council's") belong to the speaker, not the outlet: hedges, loaded
words and tone are read on the outlet's own wording only. Loaded words in reported speech
("said they were *furious*", "called it a *betrayal*") are the speaker's too. A hedge in
reported speech still counts: the outlet reports the claim as uncertain. A statement whose
quoted words hedge ("“The ferry *may* be suspended,” said Okafor") is not flat either: the
hedge still qualifies the claim it tells, so no hedging note calls it unhedged (it is not
marked as hedging on its own either).

**Hedges** count by their use, not their spelling:

- the modals in :data:`HEDGE_MODALS` tagged ``MD`` ("may", never the month May), and not
  "could not" (inability, not doubt), "could" with a verb of :data:`ABILITY_VERBS`
  ("could see the smoke": ability) or "may not" with a verb of :data:`PERMISSION_VERBS`
  ("may not enter": a prohibition). An ability or a prohibition is neither a hedge nor
  flat, and a negated "may" is not set against a negated "cannot" or "must";
- the words in :data:`HEDGE_WORDS` ("reportedly", "possible", "alleged") outside a date,
  not in a comparison ("as soon as possible") and not after the verbs of
  :data:`NOT_HEDGING_AFTER` ("made possible by a grant");
- the verbs in :data:`HEDGE_VERBS` with a clause complement ("suggests that", "appears to
  be"; not "appeared in court", "signaled the tanker to stop", the noun "signal");
- the participles in :data:`HEDGE_PASSIVES` with an infinitive ("is believed to be",
  "is expected to reopen"), and the verbs of :data:`HEDGE_EXPECTING` in the active voice
  with an infinitive ("the companies *expect* the deal to close", "*expects* to
  complete"; not "fans expected a win"), so the active and the passive are alike.

**Scope.** A hedge or loaded word marks a difference from a partner only if the partner
tells what the word qualifies: at least :data:`SCOPE_SHARE` of the content lemmas around
it (its head, the head's head and the dependents of both; a conjunct is a predicate of
its own), and the subject of its predicate, or else the same verb with a shared object
or a compatible number ("the project will cost $450 million" tells what "the rebuild is
*expected* to cost $450 million" hedges; the note then says the subjects differ). A
hedging verb qualifies its complement clause ("reports *indicate* that [Meta halted
testing]"). "Open source *may* no longer be the default" is not compared with a sentence
that says nothing of a default; "critics *slammed* the plan" is not compared with "the
council praised the plan". Two loaded words in the same place ("slammed", "blasted") are
no difference. An amount the partner gives for the same kind of thing (one currency, unit
or counted noun) tells the amount a word qualifies, whatever its figure: "a *staggering*
£48 million" is compared with "signed him for £62 million", and the note says the figures
differ (a conflict, a finding of its own). An attribution note needs the two reported
clauses to share two content lemmas (or all of the smaller one).

**Opposite claims.** Two statements that say opposite things are a conflict, not a
framing of one claim, so they get no hedging or tone note (:func:`_opposed`): an event
both tell is affirmed by one and denied by the other ("may *no longer* release" / "will
keep releasing", "may *not* be safe" / "is safe"), one ceases what the other continues
(:data:`CEASING_VERBS`, :data:`CONTINUING_VERBS`), or one tells the antonym of the
other's verb ("paused" / "resumed").

**Senses.** The words in :data:`FIGURATIVE` are loaded only in their figurative sense,
marked by a cue word next to them ("*buried* within the letter", "a *landmark* ruling",
"*poached* researchers"); "the victims were buried", "the historic district" and "poached
salmon" are plain; so are "a bomb *exploded*", "children *splashed* in the fountain",
"*slashed* the tyres" and "*fueled* the plane" (the cues of "explode", "splash", "slash"
and "fuel" are what grows, a sum of money, what is cut and what is stoked: "cases
*exploded*", "*splashed* £48 million", "*slashes* the risk", "*fueled* the crisis"). The
other way round, the words in :data:`LITERAL` are loaded except in the contexts of their
plain, physical sense (:class:`LiteralSense`: a part of speech, the noun they modify, their
subject, the objects of their prepositions, a coordinated verb): "died in a *blast*", "an
*explosive* device", "the car *plunged* into the river", "the runner *stumbled*", "a *surge*
in cases", "the crowd *surged*", "*fuel* prices" are plain; "critics *blasted* the plan",
"*explosive* growth", "shares *plunged*", "prices *surged*", "the company *stumbled*" are
loaded.

Per source (:func:`profiles`): the share of statements whose own wording hedges, the mean
VADER tone of its own wording, the share of attributed statements (a speech verb governing
a clause, a quote with a speaker, "according to", or a credit to a named source or a
publication: "as reported in", "detailed in a ... report", "per", "told Reuters", "CNN
reported", "A ... article highlights"), and what it leads with: the facts of
its first :data:`LEAD_STATEMENTS` statements and where the other sources place them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from statistics import mean

from vaderSentiment.vaderSentiment import N_SCALAR, NEGATE, SentimentIntensityAnalyzer

from factcheck.extract import comparable, compatible
from factcheck.frames import canonical_verb, frames, opposite
from factcheck.quotes import SPEECH_VERBS, find_spans, same_speaker
from factcheck.textdiff import word_diff
from factcheck.types import (
    AMOUNT_KINDS,
    CleanArticle,
    Fact,
    FramingKind,
    FramingNote,
    QuoteClass,
    QuoteFinding,
    SourceProfile,
    Statement,
    Token,
    Value,
)

__all__ = [
    "ABILITY_VERBS",
    "ATTRIBUTION",
    "CEASING_VERBS",
    "CERTAIN_EFFECT_VERBS",
    "CONTINUING_VERBS",
    "CONVEYING_VERBS",
    "CREDITING_VERBS",
    "DOCUMENT_NOUNS",
    "FIGURATIVE",
    "HEDGES",
    "HEDGE_EXPECTING",
    "HEDGE_MODALS",
    "HEDGE_PASSIVES",
    "HEDGE_VERBS",
    "HEDGE_WORDS",
    "LEAD_STATEMENTS",
    "LITERAL",
    "LOADED",
    "MIN_SHARED_CONTENT",
    "MITIGATING",
    "NOT_HEDGING_AFTER",
    "PERMISSION_VERBS",
    "SCOPE_SHARE",
    "TONE_POLE",
    "UNCERTAIN_MODALS",
    "LiteralSense",
    "annotate",
    "framing_notes",
    "hedge_words",
    "loaded_words",
    "profiles",
    "tone",
]

#: Modal verbs that hedge (only with the tag ``MD``; "could not" is inability, and see
#: :data:`ABILITY_VERBS` and :data:`PERMISSION_VERBS` for "could see" and "may not enter").
HEDGE_MODALS = frozenset({"may", "might", "could"})

#: Modals that may or may not hedge ("gusts should weaken" predicts, "the city should
#: act" obliges): a statement with one is neither hedged nor flat, so no note compares it.
UNCERTAIN_MODALS = frozenset({"should", "would", "must", "ought"})

#: Verbs of perception and means (lemmas): "could" with one of them tells an ability
#: ("residents *could see* the smoke", "few *could afford* it"), not a possibility, unless
#: its object holds a number ("the coast could see 20 inches of rain" is an estimate). An
#: ability is neither a hedge nor flat. "reach" is left out: "could reach a deal" and
#: "could reach the coast by Friday" are the usual hedges of news.
ABILITY_VERBS = frozenset(
    {"see", "hear", "feel", "smell", "taste", "watch", "notice", "spot", "glimpse", "sense",
     "afford"}
)  # fmt: skip

#: Verbs of access and conduct (lemmas): "may not" with one of them forbids ("visitors
#: *may not enter* the park"), it does not doubt. A prohibition is neither a hedge nor flat.
PERMISSION_VERBS = frozenset(
    {"enter", "leave", "use", "park", "visit", "attend", "access", "cross", "board", "bring",
     "carry", "remove", "sell", "drive", "fly", "fish", "hunt", "camp", "smoke", "drink",
     "swim", "vote", "travel", "operate", "return", "wear", "film", "photograph"}
)  # fmt: skip

#: Adverbs, adjectives and nouns that hedge wherever they stand (lower-cased words).
HEDGE_WORDS = frozenset(
    {
        "reportedly", "allegedly", "apparently", "seemingly", "possibly", "potentially",
        "perhaps", "maybe", "likely", "unlikely", "probably", "presumably", "purportedly",
        "supposedly", "ostensibly", "unconfirmed", "possible", "possibility", "alleged",
        "suspected", "purported", "rumored", "rumoured",
    }
)  # fmt: skip

#: Hedge words that do not hedge as the complement of these verbs (lemmas): "*made
#: possible* by a federal grant" is "enabled by", not "possibly".
NOT_HEDGING_AFTER: Mapping[str, frozenset[str]] = {"possible": frozenset({"make", "render"})}

#: Verbs (lemmas) that hedge when they take a clause: "suggests that", "appears to be".
#: "appear" and "seem" also take an infinitive; the others need a that-clause.
HEDGE_VERBS = frozenset({"appear", "seem", "suggest", "indicate", "signal", "hint", "speculate"})

#: Verbs (lemmas) whose passive participle hedges before an infinitive: "is believed to
#: be armed", "is expected to reopen", "is said to have".
HEDGE_PASSIVES = frozenset(
    {"believe", "expect", "anticipate", "think", "say", "report", "rumor", "rumour",
     "presume", "suppose"}
)  # fmt: skip

#: Verbs (lemmas) of expectation that hedge in the active voice too, before an infinitive:
#: "the companies *expect* the deal to close" is as uncertain as "the deal is *expected*
#: to close" ("expect to close the deal" too). Active "believe" or "say" with a clause is
#: attribution, not a hedge.
HEDGE_EXPECTING = frozenset({"expect", "anticipate"})

#: Every hedge word, for reference (how each one counts is in the lists above).
HEDGES = HEDGE_MODALS | HEDGE_WORDS | HEDGE_VERBS | HEDGE_PASSIVES | HEDGE_EXPECTING

#: Verbs (lemmas) that state an effect against a harm as certain and complete: the
#: overstatement of a hedged, partial effect ("walnuts *cure* diabetes" for "walnuts may
#: reduce the risk of diabetes"). Causing verbs ("cause", "trigger") are left out: they
#: point the other way, and "causes diabetes" against "may reduce the risk" is a conflict.
CERTAIN_EFFECT_VERBS = frozenset(
    {"cure", "prevent", "stop", "reverse", "eliminate", "eradicate", "end", "beat", "halt",
     "block", "defeat", "banish", "wipe"}
)  # fmt: skip

#: Lemmas of a partial effect against a harm, one of which the hedged clause must hold for
#: a verb of :data:`CERTAIN_EFFECT_VERBS` to overstate it: both then point the same way.
MITIGATING = frozenset(
    {"reduce", "lower", "cut", "decrease", "lessen", "ease", "slow", "limit", "curb", "help",
     "protect", "prevent", "stop", "treat", "improve", "fight", "combat", "tackle", "delay",
     "cure", "reverse", "halt", "block"}
)  # fmt: skip

#: Evaluative words that news style guides flag as editorialising, and strong
#: intensifiers, as lemmas: "slam" matches "slams", "slammed" and "slamming". Verbs of
#: change are here only when they exaggerate the plain verb ("soar", "plunge", "surge" for
#: "rise" and "fall"; see :data:`FIGURATIVE` for "explode", "splash", "slash", "fuel");
#: the neutral verbs of news ("rise", "fall", "cut", "grow", "spend") never are. "cure"
#: is no loaded word: it is the plain verb of a real cure, and an overstatement only
#: against a hedged claim, which the hedging note reports (:data:`CERTAIN_EFFECT_VERBS`).
LOADED = frozenset(
    {
        "massive", "massively", "huge", "hugely", "enormous", "enormously", "dramatic",
        "dramatically", "stunning", "shocking", "surprising", "surprisingly", "aggressive",
        "aggressively", "obsessed", "slam", "blast", "scramble", "frenzy", "desperate",
        "radical", "controversial", "notorious", "so-called", "lavish", "soar", "plunge",
        "plummet", "skyrocket", "crushing", "unprecedented", "bombshell", "explosive",
        "brazen", "defiant", "embattled", "staggering", "whopping", "sweeping", "drastic",
        "alarming", "disastrous", "devastating", "fierce", "furious", "outrageous", "lament",
        "ambitious", "revelation", "extremely", "incredibly", "wildly", "utterly", "blatant",
        "reckless", "stumble", "flounder", "debacle", "fiasco", "chaos", "chaotic",
        "meltdown", "spectacular", "surge", "miracle",
    }
)  # fmt: skip

#: Cue lemmas of the figurative senses below: a document ("buried in the report"),
_DOCUMENT_CUES = frozenset(
    {
        "within", "letter", "report", "statement", "memo", "filing", "document", "text",
        "speech", "announcement", "post", "footnote", "release", "bill", "budget", "plan",
        "proposal", "contract", "paragraph", "page", "clause", "section", "email", "detail",
    }
)  # fmt: skip
#: people hired away ("poached researchers"),
_PEOPLE_CUES = frozenset(
    {
        "researcher", "engineer", "scientist", "executive", "employee", "staff", "talent",
        "worker", "player", "coach", "manager", "star", "customer", "client", "member",
        "developer", "expert", "people", "official",
    }
)  # fmt: skip
#: and an event or decision ("a landmark ruling", "a historic vote").
_EVENT_CUES = frozenset(
    {
        "agreement", "deal", "ruling", "decision", "vote", "victory", "win", "defeat", "law",
        "bill", "case", "settlement", "treaty", "accord", "reform", "verdict", "judgment",
        "legislation", "moment", "step", "achievement", "milestone", "election", "summit",
        "visit", "speech", "shift", "change", "move", "investment", "study", "high", "low",
        "record",
    }
)  # fmt: skip

#: Things that grow or spread, for the intensifying "explode" ("cases *exploded*", "the
#: outbreak *exploded* across the county"; not "a bomb exploded"),
_GROWTH_CUES = frozenset(
    {
        "case", "infection", "outbreak", "epidemic", "number", "count", "total", "demand",
        "sale", "price", "cost", "rent", "bill", "debt", "deficit", "spending", "population",
        "crime", "violence", "traffic", "growth", "popularity", "interest", "membership",
        "enrollment", "enrolment", "usage", "rate", "inflation", "unemployment", "figure",
        "protest", "anger", "outrage",
        "controversy", "row", "scandal", "dispute", "tension", "debate", "movement", "trend",
        "subscription", "download", "view", "follower",
    }
)  # fmt: skip
#: sums of money, for "splash" ("*splashed* £48 million", "*splashed out* on a striker";
#: not "children splashed in the fountain"),
_MONEY_CUES = frozenset(
    {
        "million", "billion", "thousand", "m", "bn", "cash", "money", "fee", "sum", "fortune",
        "pound", "dollar", "euro", "out",
    }
)  # fmt: skip
#: what is cut, for "slash" ("*slashed* prices", "*slashes* the risk by a third"; not
#: "slashed the tyres"),
_REDUCTION_CUES = frozenset(
    {
        "risk", "chance", "price", "cost", "job", "budget", "rate", "tax", "spending", "fare",
        "fee", "staff", "workforce", "headcount", "payroll", "emission", "wait", "forecast",
        "funding", "salary", "pay", "wage", "dividend", "output", "production", "target",
        "estimate", "subsidy", "benefit", "loss", "deficit", "time", "number", "service",
        "percent", "%", "half", "third", "quarter", "tariff", "interest", "outlook", "guidance",
    }
)  # fmt: skip
#: and what is stoked, for "fuel" ("*fueled* the crisis", "*fuelled* speculation"; not
#: "fueled the plane", nor the noun "fuel prices"). Growth and demand are left out: "low
#: rates fueled growth" is the plain wording of economics news.
_TROUBLE_CUES = frozenset(
    {
        "crisis", "speculation", "fear", "anger", "tension", "rumor", "rumour", "violence",
        "conflict", "unrest", "bubble", "backlash", "outrage", "controversy", "row",
        "division", "hatred", "distrust", "mistrust", "suspicion", "panic", "frustration",
        "resentment", "war", "hype", "frenzy",
    }
)  # fmt: skip

#: Loaded words (lemmas) with a common plain sense, each with the cue lemmas of its
#: figurative one. Such a word is loaded only when its head, its dependents or the
#: objects of its prepositions hold a cue (and, if it is in :data:`LITERAL` too, outside
#: the plain contexts listed there).
FIGURATIVE: Mapping[str, frozenset[str]] = {
    "bury": _DOCUMENT_CUES,
    "smuggle": _DOCUMENT_CUES,
    "poach": _PEOPLE_CUES,
    "historic": _EVENT_CUES,
    "landmark": _EVENT_CUES,
    "explode": _GROWTH_CUES,
    "splash": _MONEY_CUES,
    "slash": _REDUCTION_CUES,
    "fuel": _TROUBLE_CUES,
}


@dataclass(frozen=True, slots=True)
class LiteralSense:
    """The contexts in which a word of :data:`LOADED` has its plain, physical sense; any
    one of them makes it plain (see :data:`LITERAL`)."""

    #: Parts of speech it is plain as: the noun in "died in a *blast*".
    pos: frozenset[str] = frozenset()
    #: Nouns (lemmas) it is plain before: "an *explosive* device".
    heads: frozenset[str] = frozenset()
    #: Subjects (lemmas) with which it is plain: "the runner *stumbled*".
    subjects: frozenset[str] = frozenset()
    #: Objects of its prepositions (lemmas) with which it is plain, a place name
    #: (:data:`_PLACE_ENTITIES`) too: "*plunged* into the river", "into the Thames".
    places: frozenset[str] = frozenset()
    #: Prepositions that make it plain whatever follows: "*stumbled* upon a flaw".
    preps: frozenset[str] = frozenset()
    #: Verbs (lemmas) coordinated with it that make it plain: "*stumbled* and fell".
    conjuncts: frozenset[str] = frozenset()


#: Things that explode or detect explosions ("an explosive device", "explosive residue").
_EXPLOSIVE_THINGS = frozenset(
    {
        "device", "material", "charge", "substance", "vest", "belt", "powder", "residue",
        "trace", "package", "ordnance", "compound", "chemical", "mixture", "detector",
        "detection",
    }
)  # fmt: skip
#: Places and things a body or a vehicle falls into, off or over ("into the river", "off
#: the cliff", "over a root", "on the stairs").
_PHYSICAL_PLACES = frozenset(
    {
        "river", "water", "sea", "lake", "ocean", "bay", "harbor", "harbour", "canal", "creek",
        "stream", "pond", "pool", "reservoir", "channel", "ravine", "gorge", "canyon",
        "valley", "cliff", "ditch", "pit", "hole", "pothole", "shaft", "well", "ground",
        "floor", "street", "road", "embankment", "bridge", "root", "rock", "stone", "step",
        "stair", "staircase", "curb", "kerb", "ice", "path", "track", "trail", "stage",
        "debris", "rubble", "doorway", "ladder", "pavement", "sidewalk", "field", "pitch",
        "lap", "finish", "line",
    }
)  # fmt: skip
#: Bodies that walk or run ("the runner stumbled").
_MOVERS = frozenset(
    {
        "runner", "sprinter", "racer", "horse", "hiker", "climber", "walker", "pedestrian",
        "jockey", "skier", "rider", "cyclist", "dancer", "toddler", "child", "passenger",
        "man", "woman", "boy", "girl",
    }
)  # fmt: skip
#: Crowds and waters that surge forward ("the crowd surged", "floodwater surged").
_SURGING = frozenset(
    {
        "crowd", "people", "fan", "supporter", "protester", "demonstrator", "troop", "water",
        "floodwater", "wave", "sea", "tide", "river", "flood", "current", "mob",
    }
)  # fmt: skip
#: Entity labels of places (a named river, mountain or building), for :attr:`LiteralSense.places`.
_PLACE_ENTITIES = frozenset({"LOC", "FAC"})

_FALLING = LiteralSense(places=_PHYSICAL_PLACES)

#: Loaded words (lemmas) with a plain, physical sense, and the contexts that mark it: such
#: a word is loaded unless one of its :class:`LiteralSense` contexts holds. The figurative
#: senses stay loaded: "critics *blasted* the plan", "*explosive* growth", "shares
#: *plunged*", "the company *stumbled*".
LITERAL: Mapping[str, LiteralSense] = {
    "blast": LiteralSense(pos=frozenset({"NOUN"})),
    "explosive": LiteralSense(pos=frozenset({"NOUN"}), heads=_EXPLOSIVE_THINGS),
    "plunge": _FALLING,
    "plummet": _FALLING,
    "stumble": LiteralSense(
        subjects=_MOVERS,
        places=_PHYSICAL_PLACES,
        preps=frozenset({"upon", "across"}),
        conjuncts=frozenset({"fall", "trip", "slip", "collapse"}),
    ),
    # "a surge in cases", "a power surge", "a storm surge" are plain; "prices surged" is not
    "surge": LiteralSense(pos=frozenset({"NOUN", "PROPN"}), subjects=_SURGING),
    # the noun: "fuel prices", "a fuel crisis"
    "fuel": LiteralSense(pos=frozenset({"NOUN", "PROPN"})),
}

#: Speech verbs (lemmas) by stance. "neutral" verbs report; the others colour what they
#: report, as the stance says ("claimed, which casts doubt"). "according to" is neutral.
#: A speech verb counts only when it governs the claim: it has a speaker and takes a
#: clause ("claimed the bridge is safe", not "claimed three lives"). Other speech verbs
#: (:data:`factcheck.quotes.SPEECH_VERBS`: "argue", "predict") attribute the claim with a
#: stance this module does not judge.
ATTRIBUTION: Mapping[str, str] = {
    **dict.fromkeys(
        ("say", "tell", "write", "state", "add", "note", "explain", "report", "announce",
         "comment", "describe", "respond", "reply", "answer", "remark", "observe",
         "reiterate"),
        "neutral",
    ),
    **dict.fromkeys(
        ("claim", "allege", "insist", "purport", "contend", "assert"), "casts doubt"
    ),
    **dict.fromkeys(("admit", "concede", "acknowledge", "confess"), "concedes"),
    **dict.fromkeys(("confirm", "reveal", "verify"), "vouches for it"),
    **dict.fromkeys(("warn", "caution"), "sounds an alarm"),
    **dict.fromkeys(
        ("slam", "blast", "boast", "brag", "decry", "complain", "rail", "lash", "lament"),
        "colours it with emotion",
    ),
}  # fmt: skip

#: Nouns (lemmas) of documents a claim can be credited to, in the attributed share of a
#: profile (:func:`profiles`): "as detailed in a PCMag *report*", "A WebProNews *article*
#: elaborates ...", "per older X *posts*".
DOCUMENT_NOUNS = frozenset(
    {"article", "report", "piece", "story", "post", "column", "editorial", "study",
     "survey", "analysis", "paper", "filing", "statement", "release", "memo", "letter",
     "document", "interview", "investigation", "broadcast", "tweet", "blog", "newsletter"}
)  # fmt: skip
#: Participles (lemmas) that credit a claim to where it appeared: "as *reported* in",
#: "as *detailed* in", "as *chronicled* in", "*reported* by".
CREDITING_VERBS = frozenset(
    {"report", "detail", "chronicle", "describe", "note", "cite", "document", "publish",
     "outline", "quote", "reveal", "disclose", "break"}
)  # fmt: skip
#: Verbs (lemmas) by which a document says something: "A July 14 article in TechCrunch
#: *highlighted* ...", "The report *found* ...".
CONVEYING_VERBS = SPEECH_VERBS | frozenset(ATTRIBUTION) | frozenset(
    {"highlight", "elaborate", "detail", "describe", "show", "find", "suggest", "indicate",
     "conclude", "estimate", "document", "outline", "chronicle", "emphasize", "stress",
     "underscore", "cite", "quote", "list", "reveal"}
)  # fmt: skip
#: Objects of "told" that are the press: "told reporters".
_PRESS = frozenset({"reporter", "journalist", "press", "media", "newspaper", "outlet"})

#: The stance of a speech verb that is not in :data:`ATTRIBUTION`.
_UNJUDGED = "unjudged"

#: Verbs that name what they report ("called the decision a betrayal"): words in their
#: object complement are the speaker's.
_NAMING_VERBS = frozenset({"call", "describe", "label", "brand", "dub", "term"})

#: A statement's VADER compound score must reach this, positive or negative, to count as
#: clearly toned. Below it VADER is not confident: "winds to ease" (+0.36) and "gusts
#: should weaken" (-0.42) tell the same good news.
TONE_POLE = 0.5
#: A word's VADER lexicon valence must reach this to be named as a sentiment word.
_SENTIMENT_WORD = 1.0
#: The "lead" of an article: its first statements.
LEAD_STATEMENTS = 3
#: Two statements tell one claim when the Jaccard index of their content lemmas reaches
#: this; below it a note would compare two different sentences.
MIN_SHARED_CONTENT = 0.25
#: A marked word's scope is told by a partner that shares at least this share of its
#: content lemmas (and at least one).
SCOPE_SHARE = 0.5
#: Two attributions report one claim when their reported clauses share this many content
#: lemmas (or all of the smaller one): "claimed the bridge is safe" and "said the bridge is
#: closed" share only "bridge".
_CLAIM_SHARED = 2

#: Verbs (lemmas) that end what they govern: "*stopped* releasing" is "no longer releases".
CEASING_VERBS = frozenset({"stop", "cease", "quit", "halt", "discontinue", "end"})
#: Verbs (lemmas) that go on with what they govern: "*keeps* releasing", "*continues* to
#: release". Against a statement that ceases (:data:`CEASING_VERBS`, "no longer") it is the
#: opposite claim, whatever the verbs.
CONTINUING_VERBS = frozenset({"keep", "continue"})

_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM"})
_NO_HEDGE_ENTITIES = frozenset({"DATE", "TIME"})
_SPEAKING = frozenset(ATTRIBUTION) | SPEECH_VERBS
_WORD = re.compile(r"[$€£]?\w(?:[\w'’.,-]*\w)?%?")


# --------------------------------------------------------------------------------------
# Tokens: whose words, their syntax
# --------------------------------------------------------------------------------------


def _children(st: Statement, i: int) -> list[int]:
    return [j for j, t in enumerate(st.tokens) if t.head == i and j != i]


def _subtree(st: Statement, i: int) -> set[int]:
    out, todo = {i}, [i]
    while todo:
        for j in _children(st, todo.pop()):
            if j not in out:
                out.add(j)
                todo.append(j)
    return out


def _depth(st: Statement, i: int) -> int:
    depth = 0
    while st.tokens[i].head != i and depth < len(st.tokens):
        i, depth = st.tokens[i].head, depth + 1
    return depth


#: Closing quotation marks: a span the quote finder pairs counts only if one closes it
#: inside the sentence (a quotation left open is on :attr:`Statement.quotes`, if anywhere).
_CLOSING_MARKS = "”\"’'"


def _quote_spans(st: Statement) -> list[tuple[int, int]]:
    """Character spans inside quotation marks: the statement's quotes, and the spans that
    the quote finder's pairing (double marks, and single marks where they clearly open and
    close a quotation, so not the apostrophes of "the council's") finds closed inside its
    text. Scare quotes ("soul-crushing", British 'historic') are among them, though
    :func:`~factcheck.quotes.attach_quotes` drops them as quotations."""
    return [(q.start, q.end) for q in st.quotes] + list(_closed_spans(st.text))


@lru_cache(maxsize=8192)
def _closed_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The quoted spans of ``text`` that a closing mark ends inside it."""
    return tuple(
        (start, end)
        for start, end in find_spans(text)
        if (rest := text[end:].lstrip()) and rest[0] in _CLOSING_MARKS
    )


def _quoted(st: Statement) -> set[int]:
    """Tokens inside quotation marks: the speaker's words, not the outlet's."""
    spans = _quote_spans(st)
    return {
        i
        for i, t in enumerate(st.tokens)
        if any(start <= t.start and t.end <= end for start, end in spans)
    }


#: Tags of a speaker: a noun, a name or a personal pronoun ("that stated ..." is a
#: misparse, not a speaker).
_SPEAKER_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "PRP"})


def _reports_clause(st: Statement, i: int) -> list[int]:
    """The clauses token ``i`` reports, if it is a speech verb with a speaker as its
    subject (or a participle of the main clause's speaker: "..., *arguing* that") and a
    clause complement ("officials *said* [a fire claimed three lives]")."""
    t = st.tokens[i]
    if t.pos != "VERB" or t.lemma.lower() not in _SPEAKING:
        return []
    kids = _children(st, i)
    speaker = any(st.tokens[j].dep == "nsubj" and st.tokens[j].tag in _SPEAKER_TAGS for j in kids)
    participle = t.tag == "VBG" and t.dep == "advcl"  # "..., arguing that ..."
    if not (speaker or participle):
        return []
    return [j for j in kids if st.tokens[j].dep == "ccomp"]


def _reported(st: Statement) -> set[int]:
    """Tokens of reported speech: the clause a speech verb reports ("said they were
    furious") and the complement of a naming verb ("called the decision a betrayal")."""
    out: set[int] = set()
    for i, t in enumerate(st.tokens):
        for j in _reports_clause(st, i):
            out |= _subtree(st, j)
        if t.pos == "VERB" and t.lemma.lower() in _NAMING_VERBS:
            for j in _children(st, i):
                c = st.tokens[j]
                if c.dep == "oprd" or (c.dep == "prep" and c.lemma.lower() == "as"):
                    out |= _subtree(st, j)
    return out


def _content(st: Statement, tokens: Iterable[int] | None = None) -> set[str]:
    """Content lemmas, lower-cased; speech verbs and "according" are not content."""
    idx = range(len(st.tokens)) if tokens is None else tokens
    out = set()
    for i in idx:
        t = st.tokens[i]
        lemma = t.lemma.lower()
        if t.pos in _CONTENT_POS and lemma not in _SPEAKING and lemma != "accord":
            out.add(lemma)
    return out


def _shared_content(a: Statement, b: Statement) -> float:
    ca, cb = _content(a), _content(b)
    return len(ca & cb) / max(1, len(ca | cb))


#: Parts of speech a scope looks through to the words they attach.
_FUNCTION_POS = frozenset({"AUX", "ADP", "SCONJ", "PART", "DET", "CCONJ"})
#: Dependencies that join a second predicate or item, not a part of this one.
_COORDINATION = frozenset({"conj", "cc"})


def _scope(st: Statement, i: int, *, up: bool = True) -> set[str]:
    """Content lemmas around token ``i``: its head, the head's head, and the dependents
    of both, looking through function words ("became obsessed *with* beating"), without
    the word itself and other hedges and loaded words. A conjunct is a predicate of its
    own: "will begin in March and is *expected* to last three years" hedges the lasting,
    not the beginning. ``up=False`` leaves out the head and the head's head.
    """

    def parts(j: int) -> set[int]:
        return {k for k in _children(st, j) if st.tokens[k].dep not in _COORDINATION}

    near = parts(i)
    head = st.tokens[i].head
    if up and head != i and st.tokens[i].dep not in _COORDINATION:
        near |= {head, *parts(head)}
        if st.tokens[head].dep not in _COORDINATION:
            near.add(st.tokens[head].head)
    for j in list(near):
        if st.tokens[j].pos in _FUNCTION_POS:
            near |= parts(j)
    near = {j for j in near if not _is_hedge(st, j) and _loaded_key(st, j) is None}
    return _content(st, near - {i}) - {st.tokens[i].lemma.lower()}


def _covers(part: set[str], whole: set[str]) -> bool:
    """``part`` holds at least :data:`SCOPE_SHARE` of ``whole`` (and one lemma)."""
    shared = len(part & whole)
    return shared >= max(1, math.ceil(SCOPE_SHARE * len(whole))) or not whole


_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def _predicate(st: Statement, i: int) -> int:
    """The predicate token ``i`` belongs to: the word itself if it is a verb, else its head
    (an auxiliary's or a modal's verb: "could [bring]", an adverb's verb)."""
    t = st.tokens[i]
    return i if t.pos in {"VERB", "AUX"} and t.dep not in {"aux", "auxpass"} else t.head


def _subject(st: Statement, i: int) -> str | None:
    """The lemma of the subject of the predicate token ``i`` belongs to
    (:func:`_predicate`), if that subject is a noun or a name."""
    pred = _predicate(st, i)
    kids = _children(st, pred)
    kids += [k for j in kids if st.tokens[j].pos == "AUX" for k in _children(st, j)]
    for j in kids:
        t = st.tokens[j]
        if t.dep in _SUBJECT_DEPS and t.pos in {"NOUN", "PROPN"}:
            return t.lemma.lower()
    return None


#: Hedging verbs whose subject is the subject of their complement ("the suspect is
#: believed to be armed", "prices seem to rise"); for the others it is the evidence
#: ("reports indicate that ...").
_RAISING = HEDGE_PASSIVES | {"appear", "seem"}


def _complement(st: Statement, i: int) -> int | None:
    """The head of the clause a hedging verb takes ("reports *indicate* that Meta
    [halted] testing", "is *believed* to be [armed]")."""
    t = st.tokens[i]
    if t.pos != "VERB" or t.lemma.lower() not in HEDGE_VERBS | HEDGE_PASSIVES:
        return None
    for j in _children(st, i):
        if st.tokens[j].dep in {"ccomp", "xcomp"}:
            return j
        if any(_is_that(st, k) for k in _children(st, j)):
            return j
    return None


#: Dependencies of what a predicate acts on, for :func:`_same_event`.
_OBJECT_DEPS = frozenset({"dobj", "attr", "oprd", "dative"})


def _same_event(st: Statement, pred: int, other: Statement) -> bool:
    """``other`` tells the event of the verb ``pred`` by what it does and what it acts on,
    whatever it calls the subject: the same verb (one synonym class of
    :func:`factcheck.frames.canonical_verb`) and a shared object lemma, or a number of the
    predicate's clause that a number of ``other`` is compatible with ("the project will
    cost $450 million" / "the rebuild is expected to cost $450 million")."""
    if st.tokens[pred].pos != "VERB":
        return False
    verb = canonical_verb(st.tokens[pred].lemma)
    if not any(t.pos == "VERB" and canonical_verb(t.lemma) == verb for t in other.tokens):
        return False
    kids = _children(st, pred)
    subjects = [j for j in kids if st.tokens[j].dep in _SUBJECT_DEPS]
    clause = _subtree(st, pred) - set().union(*(_subtree(st, j) for j in subjects))
    tokens = [st.tokens[j] for j in clause]
    mine = [
        v
        for v in st.values
        if v.kind in AMOUNT_KINDS and any(v.start <= t.start and t.end <= v.end for t in tokens)
    ]
    if any(compatible(v, w) for v in mine for w in other.values if w.kind in AMOUNT_KINDS):
        return True
    # an object that is a number ("$450 *million*") is compared as a number, above
    objects = [
        j
        for j in kids
        if st.tokens[j].dep in _OBJECT_DEPS
        and st.tokens[j].pos != "NUM"
        and not any(v.start <= st.tokens[j].start < v.end for v in mine)
    ]
    return bool(_content(st, objects) & _content(other))


def _scope_parts(st: Statement, i: int) -> tuple[set[str], str | None, int]:
    """What token ``i`` qualifies: its scope lemmas (:func:`_scope`), the subject lemma of
    its predicate (None without a noun subject) and the predicate. A hedging verb
    qualifies its complement clause, not its own subject ("reports indicate ...")."""
    comp = _complement(st, i)
    if comp is None:
        return _scope(st, i), _subject(st, i), _predicate(st, i)
    scope = _scope(st, comp, up=False) | _content(st, [comp])
    subject = _subject(st, comp) if st.tokens[comp].pos in {"VERB", "AUX"} else None
    if subject is None and st.tokens[i].lemma.lower() in _RAISING:
        subject = _subject(st, i)  # "winds are expected to ease": the winds ease
    return scope, subject, comp


def _tells_scope(st: Statement, i: int, other: Statement) -> bool:
    """``other`` tells what token ``i`` of ``st`` qualifies (:func:`_scope_parts`): at
    least :data:`SCOPE_SHARE` of its scope, and the subject of its predicate, if it has one
    ("critics slammed the plan" is not "the council praised the plan"), or else the same
    event by its verb and object or number (:func:`_same_event`: "the project will cost
    $450 million" tells what "the rebuild is *expected* to cost $450 million" hedges; the
    note then says the two name the subject differently, :func:`_renamed_subject`)."""
    theirs = _content(other) | _figure_lemmas(st, other)
    scope, subject, pred = _scope_parts(st, i)
    told = subject is None or subject in theirs or _same_event(st, pred, other)
    return told and _covers(theirs, scope)


def _figures(st: Statement, other: Statement) -> list[tuple[Value, Value]]:
    """Amounts of ``st`` paired with an amount of ``other`` that measures the same kind of
    thing (:func:`factcheck.extract.comparable`: one currency, one unit, one counted
    noun), whether or not the two agree."""
    return [
        (v, w)
        for v in st.values
        if v.kind in AMOUNT_KINDS
        for w in other.values
        if w.kind in AMOUNT_KINDS and comparable(v, w)
    ]


def _figure_lemmas(st: Statement, other: Statement) -> set[str]:
    """The lemmas of the amounts of ``st`` that ``other`` tells by an amount of its own
    (:func:`_figures`): "a *staggering* £48 million" qualifies the fee, and "signed him
    for £62 million" tells the fee too. That the two figures differ is a conflict, a
    finding of its own; the framing of the fee is still compared."""
    spans = [(v.start, v.end) for v, _ in _figures(st, other)]
    return {
        t.lemma.lower()
        for t in st.tokens
        if any(start <= t.start and t.end <= end for start, end in spans)
    }


def _figure_caveat(st: Statement, other: Statement) -> str:
    """A caveat for a note whose word diff pair gives one amount different figures ("" if
    their figures agree)."""
    pairs = _figures(st, other)
    if not pairs or any(compatible(v, w) for v, w in pairs):
        return ""
    v, w = pairs[0]
    # each source ID opens a clause, where a report puts the source's name
    return (
        f" {st.source_id} gives '{v.text}'; {other.source_id} gives '{w.text}': the figures"
        " differ, which is a conflict of its own."
    )


_NOUNS = frozenset({"NOUN", "PROPN"})
#: Words that deny the word after them ("do *not* cure", "*never* stops", "*no* cure").
_NEGATORS = frozenset({"not", "n't", "never", "no"})


def _overstated(st: Statement, i: int, other: Statement) -> str | None:
    """The word with which ``other`` states as certain and complete the partial effect that
    token ``i`` of ``st`` hedges, or None.

    The hedged clause tells an effect against a harm (a lemma of :data:`MITIGATING`:
    "walnuts *may* reduce the risk of type 2 diabetes") and has a subject with a noun.
    ``other`` has a word of :data:`CERTAIN_EFFECT_VERBS` in a clause (between punctuation
    marks) that names a noun of that subject before it, is not negated ("not", "never",
    "no" just before), and whose nouns after it all occur in the hedged clause ("walnuts
    cure type 2 diabetes"; not "the vaccine stopped the measles outbreak in Ohio" for "the
    vaccine may reduce the spread of measles"). The clause is read in word order, not by
    the parse: the parser often takes the verb of a short claim for a noun ("walnuts
    *cure* type 2").
    """
    _, _, pred = _scope_parts(st, i)
    subjects = [j for j in _children(st, pred) if st.tokens[j].dep in _SUBJECT_DEPS | {"csubj"}]
    subject_part = set().union(*(_subtree(st, j) for j in subjects))
    mine = _subtree(st, pred) - subject_part
    if not {st.tokens[j].lemma.lower() for j in mine} & MITIGATING:
        return None
    # the subject's nouns: "walnuts", or "eating a handful of walnuts every day"
    subject_nouns = _noun_keys(st, subject_part)
    nouns = _noun_keys(st, mine)
    tokens = other.tokens
    for k, t in enumerate(tokens):
        if t.lemma.lower() not in CERTAIN_EFFECT_VERBS or t.pos not in {"VERB", *_NOUNS}:
            continue
        first = next((j + 1 for j in range(k - 1, -1, -1) if tokens[j].pos == "PUNCT"), 0)
        last = next((j for j in range(k + 1, len(tokens)) if tokens[j].pos == "PUNCT"), len(tokens))
        before = [x.text.lower() for x in tokens[first:k]]
        after = [x for x in tokens[k + 1 : last] if x.pos in _NOUNS]
        if (
            _noun_keys(other, range(first, k)) & subject_nouns
            and not _NEGATORS & set(before[-2:])
            and after
            and all({x.lemma.lower(), x.text.lower()} & nouns for x in after)
        ):
            return t.text.lower()
    return None


def _noun_keys(st: Statement, tokens: Iterable[int]) -> set[str]:
    """The lemmas and the lower-cased words of the nouns among ``tokens`` (the lemmatiser
    sometimes cuts a singular: "diabetes" / "diabete")."""
    return {
        key
        for j in tokens
        if st.tokens[j].pos in _NOUNS
        for key in (st.tokens[j].lemma.lower(), st.tokens[j].text.lower())
    }


def _renamed_subject(st: Statement, i: int, other: Statement) -> tuple[str, str] | None:
    """The subject lemma of what token ``i`` qualifies and the subject ``other`` gives the
    same verb, when ``other`` does not name the first: the two may not tell one claim."""
    _, subject, pred = _scope_parts(st, i)
    if subject is None or subject in _content(other):
        return None
    verb = canonical_verb(st.tokens[pred].lemma)
    theirs = next(
        (
            found
            for j, t in enumerate(other.tokens)
            if t.pos == "VERB" and canonical_verb(t.lemma) == verb
            if (found := _subject(other, j)) is not None
        ),
        None,
    )
    return (subject, theirs) if theirs is not None else None


def _subject_caveat(
    marked: Sequence[tuple[Statement, tuple[str, ...]]],
    marks: Mapping[str, Sequence[_Mark]],
    closest: Mapping[str, Statement],
) -> str:
    """A caveat for a note whose word diff pair names the subject differently ("" if it
    does not)."""
    first, words = marked[0]
    mark = next(m for m in marks[first.id] if m.word == words[0])
    other = closest[first.id]
    renamed = _renamed_subject(first, mark.index, other)
    if renamed is None:
        return ""
    return (
        f" The subjects differ. {first.source_id} names it '{renamed[0]}'; "
        f"{other.source_id} names it '{renamed[1]}'. The two are compared on the same verb "
        "and what it acts on."
    )


def _in_entity(st: Statement, t: Token, labels: frozenset[str]) -> bool:
    return any(e.start <= t.start and t.end <= e.end and e.label in labels for e in st.entities)


# --------------------------------------------------------------------------------------
# Hedges and loaded words
# --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Mark:
    """A word that marks a statement: its token index and how to show it."""

    index: int
    word: str
    key: str  # what two statements must share to use "the same" word (a lemma)


def _is_hedge(st: Statement, i: int) -> bool:
    t = st.tokens[i]
    word, lemma = t.text.lower(), t.lemma.lower()
    if _in_entity(st, t, _NO_HEDGE_ENTITIES):
        return False
    kids = _children(st, i)
    deps = {st.tokens[j].dep for j in kids}
    if any(_is_that(st, k) for j in kids for k in _children(st, j)):
        deps.add("ccomp")  # a that-clause the parser took for an object keeps its "that"
    if word in HEDGE_MODALS:
        return _modal_use(st, i) == "hedge"
    if word in HEDGE_WORDS:
        # in a comparison it measures degree, not doubt: "as soon as possible", "the best
        # possible outcome"
        compared = st.tokens[t.head].text.lower() == "as" or any(
            st.tokens[j].tag == "JJS" for j in kids
        )
        idiom = t.head != i and st.tokens[t.head].lemma.lower() in NOT_HEDGING_AFTER.get(
            word, frozenset()
        )
        return not compared and not idiom and (t.pos != "VERB" or t.tag in {"VBN", "JJ"})
    if lemma in HEDGE_VERBS and t.pos == "VERB":
        # "appears to have", "seems likely": an infinitive or an adjective; not "appeared
        # on CBS' Face the Nation", where the parser may take a title word for the xcomp
        return "ccomp" in deps or (lemma in {"appear", "seem"} and _judged(st, kids))
    if lemma in HEDGE_PASSIVES and t.tag == "VBN" and "xcomp" in deps:
        return True
    if lemma in HEDGE_EXPECTING and t.pos == "VERB":
        return any(
            st.tokens[j].dep in {"xcomp", "ccomp"}
            and st.tokens[j].pos in {"VERB", "AUX"}
            and any(st.tokens[k].tag == "TO" for k in _children(st, j))
            for j in kids
        )
    return False


def _judged(st: Statement, kids: Sequence[int]) -> bool:
    """A complement of "appear"/"seem" that makes it a judgment: a "to" infinitive or an
    adjective ("appears to be", "seems unlikely")."""
    return any(
        st.tokens[j].dep == "xcomp"
        and (st.tokens[j].pos == "ADJ" or any(st.tokens[k].tag == "TO" for k in _children(st, j)))
        for j in kids
    )


def _negated(st: Statement, i: int) -> bool:
    """Token ``i`` has a negation among its dependents ("not", "n't", "never")."""
    return any(st.tokens[j].dep == "neg" for j in _children(st, i))


def _holds_number(st: Statement, i: int) -> bool:
    """An object of verb ``i`` holds a number ("see *20 inches* of rain")."""
    return any(
        st.tokens[k].pos == "NUM"
        for j in _children(st, i)
        if st.tokens[j].dep in {"dobj", "attr"}
        for k in _subtree(st, j)
    )


#: How a modal of :data:`HEDGE_MODALS` is used (:func:`_modal_use`); the last two are
#: neither a hedge nor flat.
_NEITHER_USES = frozenset({"ability", "prohibition"})


def _modal_use(st: Statement, i: int) -> str | None:
    """How the modal token ``i`` is used: ``"hedge"`` ("the plant may close"),
    ``"inability"`` ("could not be reopened"), ``"ability"`` ("could see the smoke", see
    :data:`ABILITY_VERBS`), ``"prohibition"`` ("may not enter", see
    :data:`PERMISSION_VERBS`); None for a word that is not a modal of
    :data:`HEDGE_MODALS` (the month May)."""
    t = st.tokens[i]
    word = t.text.lower()
    if word not in HEDGE_MODALS or t.tag != "MD":
        return None
    verb = t.head
    lemma = st.tokens[verb].lemma.lower()
    if word == "could":
        if _negated(st, verb):
            return "inability"
        if lemma in ABILITY_VERBS and not _holds_number(st, verb):
            return "ability"
    if word == "may" and _negated(st, verb) and lemma in PERMISSION_VERBS:
        return "prohibition"
    return "hedge"


def _is_that(st: Statement, i: int) -> bool:
    return st.tokens[i].dep == "mark" and st.tokens[i].text.lower() == "that"


def _hedges(st: Statement, *, quoted: bool = False) -> list[_Mark]:
    """The hedges of the outlet's own wording (and of its quotations too if ``quoted``)."""
    skip = set() if quoted else _quoted(st)
    return [
        _Mark(i, st.tokens[i].text.lower(), st.tokens[i].lemma.lower())
        for i in range(len(st.tokens))
        if i not in skip and _is_hedge(st, i)
    ]


def _cue_lemmas(st: Statement, i: int) -> set[str]:
    near = set(_children(st, i))
    if st.tokens[i].head != i:
        near.add(st.tokens[i].head)
    for j in list(near):
        if st.tokens[j].pos == "ADP":
            near |= set(_children(st, j))
    return {st.tokens[j].lemma.lower() for j in near}


def _is_literal(st: Statement, i: int, sense: LiteralSense) -> bool:
    """Token ``i`` stands in one of the plain contexts of ``sense``."""
    t = st.tokens[i]
    if t.pos in sense.pos:
        return True
    head = st.tokens[t.head]
    if t.head != i and t.dep in {"amod", "compound"} and head.lemma.lower() in sense.heads:
        return True
    kids = _children(st, i)
    # a conjunct shares the subject of the first one: "the runner slipped and stumbled"
    verbs = [i, t.head] if t.dep == "conj" else [i]
    subjects = [j for v in verbs for j in _children(st, v) if st.tokens[j].dep in _SUBJECT_DEPS]
    if any(st.tokens[j].lemma.lower() in sense.subjects for j in subjects):
        return True
    conjuncts = [j for j in kids if st.tokens[j].dep == "conj"] + verbs[1:]
    if any(st.tokens[j].lemma.lower() in sense.conjuncts for j in conjuncts):
        return True
    for j in kids:
        if st.tokens[j].dep not in {"prep", "prt"}:
            continue
        if st.tokens[j].lemma.lower() in sense.preps:
            return True
        objects = [st.tokens[k] for k in _children(st, j) if st.tokens[k].dep == "pobj"]
        if sense.places and any(
            o.lemma.lower() in sense.places or _in_entity(st, o, _PLACE_ENTITIES) for o in objects
        ):
            return True
    return False


def _loaded_key(st: Statement, i: int) -> str | None:
    """The LOADED entry token ``i`` is, if it is used in a loaded sense: a word of
    :data:`FIGURATIVE` only with a cue, a word of :data:`LITERAL` only outside its plain
    contexts."""
    t = st.tokens[i]
    for key in (t.lemma.lower(), t.text.lower()):
        if key in FIGURATIVE and not _cue_lemmas(st, i) & FIGURATIVE[key]:
            return None
        if key in LOADED or key in FIGURATIVE:
            sense = LITERAL.get(key)
            return None if sense is not None and _is_literal(st, i, sense) else key
    # hyphenated entries are split by the tokenizer: "so", "-", "called"
    if t.text == "-" and 0 < i < len(st.tokens) - 1:
        joined = f"{st.tokens[i - 1].text}-{st.tokens[i + 1].text}".lower()
        if joined in LOADED:
            return joined
    return None


def _loaded(st: Statement, *, reported: bool = False) -> list[_Mark]:
    """Loaded words of the outlet's wording (and of reported speech if ``reported``); a
    speech verb that governs the claim is judged as attribution instead."""
    verb = _governing_verb(st)
    skip = _quoted(st) | ({verb} if verb is not None else set())
    if not reported:
        skip |= _reported(st)
    out: list[_Mark] = []
    for i in range(len(st.tokens)):
        key = _loaded_key(st, i)
        if i in skip or key is None or any(m.key == key for m in out):
            continue
        word = key if "-" in key else st.tokens[i].text.lower()
        out.append(_Mark(i, word, key))
    return out


def _uncertain(st: Statement, *, quoted: bool = False) -> bool:
    """The outlet's wording (and its quotations too if ``quoted``) has a modal that is
    neither a hedge nor flat: one of the :data:`UNCERTAIN_MODALS`, an ability ("could
    see") or a prohibition ("may not enter")."""
    skip = set() if quoted else _quoted(st)
    return any(
        t.tag == "MD" and (t.text.lower() in UNCERTAIN_MODALS or _modal_use(st, i) in _NEITHER_USES)
        for i, t in enumerate(st.tokens)
        if i not in skip
    )


def hedge_words(st: Statement) -> tuple[str, ...]:
    """The hedges of the outlet's own wording, lower-cased, in reading order, once each."""
    return tuple(dict.fromkeys(m.word for m in _hedges(st)))


def loaded_words(st: Statement) -> tuple[str, ...]:
    """The loaded words of the outlet's own wording (not quotes, not reported speech)."""
    return tuple(dict.fromkeys(m.word for m in _loaded(st)))


# --------------------------------------------------------------------------------------
# Attribution
# --------------------------------------------------------------------------------------


def _governing_verb(st: Statement) -> int | None:
    """The speech verb that governs the claim: of the speech verbs that report a clause
    (:func:`_reports_clause`) or that the quote finder took as a quote's verb, the one
    nearest the root."""
    quote_verbs = {q.verb for q in st.quotes if q.verb}
    found = [
        i
        for i, t in enumerate(st.tokens)
        if _reports_clause(st, i)
        or (t.pos == "VERB" and t.lemma.lower() in _SPEAKING and t.lemma.lower() in quote_verbs)
    ]
    return min(found, key=lambda i: (_depth(st, i), i)) if found else None


def _according_to(st: Statement) -> int | None:
    for i, t in enumerate(st.tokens[:-1]):
        if t.text.lower() == "according" and st.tokens[i + 1].text.lower() == "to":
            return i
    return None


@dataclass(frozen=True, slots=True)
class _Attribution:
    """How a statement attributes its claim. ``stance`` is None for a bare claim."""

    stance: str | None
    word: str | None  # the verb as written, or "according to"
    claim: frozenset[str]  # content lemmas of what is reported


def _attribution(st: Statement) -> _Attribution | None:
    """The stance of the governing speech verb, else "according to" (neutral), else a
    bare claim (stance None). A statement with a quote but no such verb is attributed to
    its speaker with a stance this module does not judge: it returns None. A claim in the
    clause of another verb ("denied that", "fears that") is not bare: its stance is not
    judged either."""
    verb = _governing_verb(st)
    if verb is not None:
        lemma = st.tokens[verb].lemma.lower()
        clause = set().union(*(_subtree(st, j) for j in _reports_clause(st, verb)))
        return _Attribution(
            ATTRIBUTION.get(lemma, _UNJUDGED),
            st.tokens[verb].text.lower(),
            frozenset(_content(st, clause or None)),
        )
    acc = _according_to(st)
    if acc is not None:
        rest = set(range(len(st.tokens))) - _subtree(st, acc)
        return _Attribution("neutral", "according to", frozenset(_content(st, rest)))
    if st.quotes:
        return None
    if any(t.dep == "ccomp" for t in st.tokens):
        # embedded under some other verb ("the company denied that ..."): not a bare claim
        return _Attribution(_UNJUDGED, None, frozenset())
    return _Attribution(None, None, frozenset(_content(st)))


def _claim_tokens(st: Statement) -> set[int]:
    """The tokens of what a statement reports, without who reports it: the clause its
    governing speech verb reports ("engineer Paul Weiss of the roads office said [the
    repairs will take eight months]"), else the sentence without the verb and its speaker
    ("Weiss told reporters of an eight-month delay"), else without "according to ..."; a
    statement that attributes nothing is all claim."""
    everything = set(range(len(st.tokens)))
    verb = _governing_verb(st)
    if verb is not None:
        clause = set().union(*(_subtree(st, j) for j in _reports_clause(st, verb)))
        if clause:
            return clause
        speaker = [j for j in _children(st, verb) if st.tokens[j].dep in _SUBJECT_DEPS]
        return everything - {verb} - set().union(*(_subtree(st, j) for j in speaker))
    acc = _according_to(st)
    return everything - _subtree(st, acc) if acc is not None else everything


def _claim_speaker(st: Statement) -> str | None:
    """Who the governing speech verb gives the claim to, as written, without
    post-modifiers ("Engineer Paul Weiss [of the roads office] said"); None if no one."""
    verb = _governing_verb(st)
    if verb is None:
        return None
    subject = next((j for j in _children(st, verb) if st.tokens[j].dep in _SUBJECT_DEPS), None)
    if subject is None or st.tokens[subject].tag not in _SPEAKER_TAGS - {"PRP"}:
        return None
    first = min(_subtree(st, subject))
    return st.text[st.tokens[first].start : st.tokens[subject].end]


def _credits_source(st: Statement) -> bool:
    """True when a statement credits a named source or a publication, without a speech
    verb that reports a clause (:func:`_attributed` has those):

    - a crediting participle (:data:`CREDITING_VERBS`) whose "in"/"by" object is a name
      or a document (:data:`DOCUMENT_NOUNS`): "as reported in another TechCrunch piece",
      "as detailed in a PCMag report", "as chronicled in a story from The Atlantic",
      "reported by Reuters" (not "was described in detail");
    - a document as the subject of a verb that conveys what it says
      (:data:`CONVEYING_VERBS`): "A July 14 article in TechCrunch highlighted ...", "A
      WebProNews article elaborates on how ...", "The report found ..." (not "Zuckerberg's
      letter contrasts ...");
    - "per" before a name or a document: "per older X posts", "per Reuters" (not "$5 per
      share", "per day");
    - "told" with a name or reporters as its object: "a spokesperson told TechCrunch" (not
      "Residents were told to prepare", "told Smith to leave");
    - "reported" with a subject and no object: "CNN reported on Tuesday", "as Reuters
      reported" (not "Meta reported revenue of $40 billion", a figure it published).
    """
    for i, t in enumerate(st.tokens):
        lemma = t.lemma.lower()
        kids = [st.tokens[j] for j in _children(st, i)]
        if t.pos == "VERB" and lemma in CREDITING_VERBS and t.tag == "VBN":
            preps = [
                j
                for j in _children(st, i)
                if st.tokens[j].dep in {"prep", "agent"}
                and st.tokens[j].text.lower() in {"in", "by"}
            ]
            if any(_is_source(st.tokens[k]) for j in preps for k in _children(st, j)):
                return True
        if (  # a word with a subject is a verb, whatever the tagger says ("elaborates")
            lemma in CONVEYING_VERBS
            and any(k.dep == "nsubj" and k.lemma.lower() in DOCUMENT_NOUNS for k in kids)
        ):
            return True
        if (
            t.text.lower() == "per"
            and t.pos == "ADP"
            and any(k.dep == "pobj" and _is_source(k) for k in kids)
        ):
            return True
        if t.pos == "VERB" and lemma == "tell":
            subject = any(k.dep == "nsubj" for k in kids)
            told = any(
                k.dep == "dobj" and (k.pos == "PROPN" or k.lemma.lower() in _PRESS) for k in kids
            )
            if subject and told and not any(k.dep == "xcomp" for k in kids):
                return True
        if t.pos == "VERB" and lemma == "report":
            subject = any(k.dep == "nsubj" and k.tag in _SPEAKER_TAGS - {"PRP"} for k in kids)
            if subject and not any(k.dep in {"dobj", "ccomp"} for k in kids):
                return True
    return False


def _is_source(t: Token) -> bool:
    """A name or a document (:data:`DOCUMENT_NOUNS`) that a claim can be credited to."""
    return t.pos == "PROPN" or t.lemma.lower() in DOCUMENT_NOUNS


def _attributed(st: Statement) -> bool:
    """A speech verb governs a clause, a quote has a speaker, "according to", or the
    statement credits a named source or a publication (:func:`_credits_source`)."""
    return (
        any(q.speaker for q in st.quotes)
        or _governing_verb(st) is not None
        or _according_to(st) is not None
        or _credits_source(st)
    )


# --------------------------------------------------------------------------------------
# Polarity
# --------------------------------------------------------------------------------------


def _no_longer(st: Statement, i: int) -> bool:
    """Predicate ``i`` is modified by "no longer" or "no more" ("no more models" is not)."""
    return st.tokens[i].pos in {"VERB", "AUX", "ADJ"} and any(
        st.tokens[j].text.lower() in {"longer", "more"}
        and any(st.tokens[k].text.lower() == "no" for k in _children(st, j))
        for j in _children(st, i)
    )


def _governs(st: Statement, i: int, verbs: frozenset[str]) -> bool:
    """Token ``i`` is a verb governed by one of ``verbs`` ("stopped [releasing]")."""
    t = st.tokens[i]
    return t.dep == "xcomp" and t.head != i and st.tokens[t.head].lemma.lower() in verbs


def _polarities(st: Statement) -> dict[str, set[bool]]:
    """Each event's canonical verb (:func:`factcheck.frames.frames`: reporting verbs are
    not events, their clauses are) with whether the statement affirms it: the frame's
    negation ("will not release", "refused to sign", "nobody was hurt"), flipped by "no
    longer" and by a verb of :data:`CEASING_VERBS` that governs it."""
    out: dict[str, set[bool]] = {}
    for f in frames(st):
        affirmed = not f.negated
        head = next((j for j in sorted(f.tokens) if st.tokens[j].text == f.text), None)
        if head is not None and _no_longer(st, head):
            affirmed = not affirmed
        if head is not None and _governs(st, head, CEASING_VERBS):
            affirmed = not affirmed
        out.setdefault(f.verb, set()).add(affirmed)
    return out


def _ceases(st: Statement) -> bool:
    """The statement says something no longer goes on ("no longer", "stopped releasing")."""
    return any(_no_longer(st, i) or _governs(st, i, CEASING_VERBS) for i in range(len(st.tokens)))


def _continues(st: Statement) -> bool:
    """The statement says something goes on ("keeps releasing", "continues to release")."""
    return any(_governs(st, i, CONTINUING_VERBS) for i in range(len(st.tokens)))


@dataclass(frozen=True, slots=True)
class _Polarity:
    """What :func:`_opposed` reads of one statement."""

    events: Mapping[str, set[bool]]  # :func:`_polarities`
    ceases: bool
    continues: bool


def _opposition() -> Callable[[Statement, Statement], bool]:
    """:func:`_opposed`, reading each statement once (a fact may hold dozens)."""
    seen: dict[str, _Polarity] = {}

    def read(st: Statement) -> _Polarity:
        if st.id not in seen:
            seen[st.id] = _Polarity(_polarities(st), _ceases(st), _continues(st))
        return seen[st.id]

    return lambda a, b: _opposed(read(a), read(b))


def _opposed(a: _Polarity, b: _Polarity) -> bool:
    """The two statements say opposite things, so they are no framing of one claim: an
    event both tell is affirmed by one and denied by the other ("will not release" /
    "will release", "may no longer release" / "will keep releasing"), one ceases what the
    other continues, or one tells the antonym of the other's verb ("paused" / "resumed",
    :func:`factcheck.frames.opposite`)."""
    pa, pb = a.events, b.events
    if any(len(pa[v]) == len(pb[v]) == 1 and pa[v] != pb[v] for v in pa.keys() & pb.keys()):
        return True
    if (a.ceases and b.continues) or (b.ceases and a.continues):
        return True
    return any(opposite(va, vb) for va in pa.keys() - pb.keys() for vb in pb.keys() - pa.keys())


# --------------------------------------------------------------------------------------
# Tone
# --------------------------------------------------------------------------------------


@cache
def _vader() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


def _own_text(st: Statement) -> str:
    """The statement with the words inside its quotation marks left out."""
    keep = [True] * len(st.text)
    for start, end in _quote_spans(st):
        keep[start:end] = [False] * (end - start)
    return "".join(c for c, k in zip(st.text, keep, strict=True) if k)


def tone(st: Statement) -> float:
    """VADER compound score of the outlet's own wording (quotations left out), -1
    (negative) .. +1 (positive)."""
    return _tone(_own_text(st))


@lru_cache(maxsize=8192)
def _tone(text: str) -> float:
    return float(_vader().polarity_scores(text)["compound"])


_NEGATIONS = frozenset(NEGATE) | {"n't", "not", "no", "never"}


def _sentiment(st: Statement) -> list[tuple[str, float]]:
    """Sentiment words of the outlet's wording, as shown ("not … good (+1.9, negated)"),
    with the valence VADER gives them: a negation among the three words before flips
    and damps it (``N_SCALAR``), as in VADER."""
    lexicon = _vader().lexicon
    quoted = _quoted(st)
    out: list[tuple[str, float]] = []
    seen: set[str] = set()
    for i, t in enumerate(st.tokens):
        w = t.text.lower()
        if i in quoted or w not in lexicon or abs(lexicon[w]) < _SENTIMENT_WORD or w in seen:
            continue
        seen.add(w)
        before = [st.tokens[j].text.lower() for j in range(max(0, i - 3), i) if j not in quoted]
        negation = next((b for b in reversed(before) if b in _NEGATIONS), None)
        if negation is None:
            out.append((f"{w} ({lexicon[w]:+.1f})", lexicon[w]))
        else:
            shown = "not" if negation == "n't" else negation
            out.append((f"{shown} … {w} ({lexicon[w]:+.1f}, negated)", lexicon[w] * N_SCALAR))
    return out


# --------------------------------------------------------------------------------------
# Notes
# --------------------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _diff(a: Statement, b: Statement) -> str:
    wa, wb = _words(a.text), _words(b.text)
    return word_diff([w.lower() for w in wa], [w.lower() for w in wb], wa, wb)


def _quoted_list(words: Iterable[str]) -> str:
    items = [f"'{w}'" for w in words]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _names(ids: Iterable[str]) -> str:
    names = sorted(set(ids))
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _plural(ids: Iterable[str], one: str, many: str) -> str:
    return one if len(set(ids)) == 1 else many


def _by_words(
    marked: Sequence[tuple[Statement, tuple[str, ...]]],
) -> list[tuple[list[str], tuple[str, ...]]]:
    """The marked statements' sources grouped by the words they use, in first-seen order."""
    groups: dict[tuple[str, ...], list[str]] = {}
    for s, ws in marked:
        groups.setdefault(ws, []).append(s.source_id)
    return [(ids, ws) for ws, ids in groups.items()]


def _build(
    statements: Sequence[Statement],
    marks: Mapping[str, Sequence[_Mark]],
    partner_ok: Callable[[Statement, _Mark, Statement], bool],
) -> tuple[list[tuple[Statement, tuple[str, ...]]], list[Statement], dict[str, Statement]]:
    """Keep the marks that have a partner: a statement of another source that tells the
    same claim and for which ``partner_ok``. Returns the marked statements with their
    kept words, the partners that are not themselves marked, and each marked statement's
    closest partner."""
    marked: list[tuple[Statement, tuple[str, ...]]] = []
    partners: dict[str, Statement] = {}
    closest: dict[str, Statement] = {}
    for s in statements:
        kept: list[str] = []
        mine: list[Statement] = []
        for m in marks.get(s.id, ()):
            ok = [
                o
                for o in statements
                if o.source_id != s.source_id
                and _shared_content(s, o) >= MIN_SHARED_CONTENT
                and partner_ok(s, m, o)
            ]
            if ok and m.word not in kept:
                kept.append(m.word)
                mine += ok
        if kept:
            marked.append((s, tuple(kept)))
            closest[s.id] = max(mine, key=lambda o: (_shared_content(s, o), o.id))
            partners.update((o.id, o) for o in mine)
    marked_ids = {s.id for s, _ in marked}
    rest = [o for oid, o in sorted(partners.items()) if oid not in marked_ids]
    return marked, rest, closest


def _note(
    kind: FramingKind,
    marked: Sequence[tuple[Statement, tuple[str, ...]]],
    rest: Sequence[Statement],
    closest: Mapping[str, Statement],
    explanation: str,
) -> FramingNote:
    first = marked[0][0]
    against = closest[first.id]
    return FramingNote(
        kind=kind,
        marked=tuple(s.id for s, _ in marked),
        words=tuple(ws for _, ws in marked),
        unmarked=tuple(s.id for s in rest),
        explanation=explanation,
        diff=_diff(first, against),
        diff_against=against.id,
    )


#: Modals of possibility, permission and necessity: negated, they deny or forbid ("may
#: not", "cannot", "must not"), so two of them negated are a modal swap. "will not" is a
#: flat denial.
_SWAP_MODALS = frozenset({"may", "might", "can", "could", "must"})


def _negated_modal(st: Statement, i: int) -> bool:
    """Token ``i`` is a modal of :data:`_SWAP_MODALS` whose verb is negated ("may not",
    "cannot")."""
    t = st.tokens[i]
    return t.tag == "MD" and t.text.lower() in _SWAP_MODALS and _negated(st, t.head)


def _hedging_note(statements: Sequence[Statement]) -> FramingNote | None:
    """A partner is flat when neither its own wording nor its quotations hedge or hold an
    uncertain modal: a hedge the speaker's words carry still qualifies the claim the
    statement tells. A negated hedge modal is not set against a partner that negates a
    modal too ("may not survive" / "cannot survive": a modal swap, not a lost hedge). Two
    statements that say opposite things (:func:`_opposed`) are not compared."""
    hedges = {s.id: _hedges(s) for s in statements}
    flat = {
        s.id: not _hedges(s, quoted=True) and not _uncertain(s, quoted=True) for s in statements
    }
    swaps = {s.id for s in statements if any(_negated_modal(s, i) for i in range(len(s.tokens)))}
    opposed = _opposition()

    def plainer(s: Statement, m: _Mark, o: Statement) -> bool:
        if not flat[o.id] or (o.id in swaps and _negated_modal(s, m.index)):
            return False
        told = _tells_scope(s, m.index, o) or _overstated(s, m.index, o) is not None
        return told and not opposed(s, o)

    marked, rest, closest = _build(statements, hedges, plainer)
    if not marked or not rest:
        return None
    uses = "; ".join(
        f"{_names(ids)} {_plural(ids, 'hedges', 'hedge')} the claim with {_quoted_list(ws)}"
        for ids, ws in _by_words(marked)
    )
    plain = [s.source_id for s in rest]
    verb = _plural(plain, "states", "state")
    first, against = marked[0][0], closest[marked[0][0].id]
    caveat = _subject_caveat(marked, hedges, closest) + _figure_caveat(first, against)
    mark = next(m for m in hedges[first.id] if m.word == marked[0][1][0])
    if not _tells_scope(first, mark.index, against):
        stronger = _overstated(first, mark.index, against)
        caveat += f" {against.source_id} states it as certain with the stronger verb '{stronger}'."
    return _note(
        FramingKind.HEDGING,
        marked,
        rest,
        closest,
        f"{uses}. {_names(plain)} {verb} it without a hedge.{caveat}",
    )


def _loaded_note(statements: Sequence[Statement]) -> FramingNote | None:
    loaded = {s.id: _loaded(s) for s in statements}
    keys = {s.id: {m.key for m in loaded[s.id]} for s in statements}

    def plainer(s: Statement, m: _Mark, o: Statement) -> bool:
        """``o`` tells what ``m`` qualifies, without it and without a loaded word of its
        own in the same place ("slammed" against "blasted" is no difference)."""
        if m.key in keys[o.id] or not _tells_scope(s, m.index, o):
            return False
        scope = _scope(s, m.index)
        return not any(
            (theirs := _scope(o, n.index)) and _covers(scope, theirs) for n in loaded[o.id]
        )

    marked, rest, closest = _build(statements, loaded, plainer)
    if not marked:
        return None
    uses = "; ".join(
        f"{_names(ids)} {_plural(ids, 'uses', 'use')} the loaded or intensifying "
        f"{_plural(ws, 'word', 'words')} {_quoted_list(ws)}"
        for ids, ws in _by_words(marked)
    )
    if rest:
        plain = [s.source_id for s in rest]
        them = _plural((w for _, ws in marked for w in ws), "it", "them")
        tail = f" {_names(plain)} {_plural(plain, 'tells', 'tell')} the claim without {them}."
    else:
        tail = " None of them uses the others' words."
    caveat = _subject_caveat(marked, loaded, closest) + _figure_caveat(
        marked[0][0], closest[marked[0][0].id]
    )
    return _note(FramingKind.LOADED, marked, rest, closest, f"{uses}.{tail}{caveat}")


def _tone_note(statements: Sequence[Statement]) -> FramingNote | None:
    scores = {s.id: tone(s) for s in statements}
    words = {s.id: _sentiment(s) for s in statements}

    def sign(s: Statement) -> int:
        """+1 or -1 when VADER is confident and a sentiment word of that sign explains it."""
        score = scores[s.id]
        pole = 1 if score >= TONE_POLE else -1 if score <= -TONE_POLE else 0
        return pole if any(v * pole > 0 for _, v in words[s.id]) else 0

    signs = {s.id: sign(s) for s in statements}
    marks = {
        s.id: [_Mark(-1, w, w) for w, v in words[s.id] if v * signs[s.id] > 0]
        for s in statements
        if signs[s.id]
    }
    opposed = _opposition()
    marked, _, closest = _build(
        statements, marks, lambda s, m, o: signs[o.id] == -signs[s.id] and not opposed(s, o)
    )
    if not marked:
        return None
    parts = []
    for s, ws in marked:
        side = "positive" if signs[s.id] > 0 else "negative"
        parts.append(
            f"{s.source_id}'s wording is {side} (VADER {scores[s.id]:+.2f}: {', '.join(ws)})"
        )
    return _note(
        FramingKind.TONE,
        marked,
        [],
        closest,
        "; ".join(parts) + ". The two sides tell the claim with opposite sentiment.",
    )


def _describe(a: _Attribution) -> str:
    if a.stance is None:
        return "states it without attribution"
    if a.stance == "neutral":
        return f"uses '{a.word}', which is neutral"
    return f"reports it with '{a.word}', which {a.stance}"


def _attribution_note(statements: Sequence[Statement]) -> FramingNote | None:
    found = {s.id: _attribution(s) for s in statements}

    def judged(a: _Attribution | None) -> bool:
        return a is not None and a.stance != _UNJUDGED

    def coloured(a: _Attribution | None) -> bool:
        return judged(a) and a is not None and a.stance not in (None, "neutral")

    marks = {
        s.id: [_Mark(-1, a.word or "", a.stance or "")]
        for s in statements
        if (a := found[s.id]) is not None and coloured(a)
    }

    def differs(s: Statement, m: _Mark, o: Statement) -> bool:
        a, b = found[s.id], found[o.id]
        if a is None or b is None or not judged(b) or a.stance == b.stance:
            return False
        shared = a.claim & b.claim
        return len(shared) >= min(_CLAIM_SHARED, len(a.claim), len(b.claim))

    marked, rest, closest = _build(statements, marks, differs)
    if not marked:
        return None
    parts = [f"{s.source_id} {_describe(a)}" for s, _ in marked if (a := found[s.id])]
    parts += [f"{s.source_id} {_describe(a)}" for s in rest if (a := found[s.id])]
    # two statements of one source that attribute alike are said once
    explanation = "; ".join(dict.fromkeys(parts)) + "."
    return _note(FramingKind.ATTRIBUTION, marked, rest, closest, explanation)


def framing_notes(statements: Sequence[Statement]) -> list[FramingNote]:
    """Framing differences among the statements of one fact (two or more sources)."""
    if len({s.source_id for s in statements}) < 2:
        return []
    notes = (
        _hedging_note(statements),
        _loaded_note(statements),
        _tone_note(statements),
        _attribution_note(statements),
    )
    return [n for n in notes if n is not None]


def _quote_span(st: Statement, text: str) -> tuple[int, int]:
    """Where the quoted ``text`` stands in ``st`` (the whole statement if not found)."""
    for q in st.quotes:
        if q.text == text:
            return q.start, q.end
    at = st.text.find(text)
    return (at, at + len(text)) if at >= 0 else (0, len(st.text))


def _beyond_source(finding: QuoteFinding, by_id: Mapping[str, Statement]) -> FramingNote | None:
    """A paraphrase that claims more than the quote it reports: it drops the quote's hedge
    and has no hedge of its own, or adds loaded words or numbers (typed values that no
    value of the quote is compatible with: "6 weeks" matches "six weeks"). The paraphrase
    is read on its reported claim (:func:`_claim_tokens`): the speaker's name and title are
    not words it adds, and do not dilute the overlap with the quote. A paraphrase that
    gives the words to another speaker (:func:`factcheck.quotes.same_speaker` says they
    differ) reports someone else and gets no note."""
    if finding.kind is not QuoteClass.PARAPHRASED or finding.b is None:
        return None
    quote_st, para = by_id[finding.a], by_id[finding.b]
    if same_speaker(finding.speaker_a, _claim_speaker(para)) is False:
        return None  # the paraphrase gives the words to someone else
    start, end = _quote_span(quote_st, finding.text_a)
    inside = [i for i, t in enumerate(quote_st.tokens) if start <= t.start and t.end <= end]
    said, claim = _content(quote_st, inside), _claim_tokens(para)
    told = _content(para, claim)
    if len(said & told) / max(1, len(said | told)) < MIN_SHARED_CONTENT:
        return None  # the paraphrase tells more, or other, than these words
    quote_hedges = [quote_st.tokens[i].text.lower() for i in inside if _is_hedge(quote_st, i)]
    dropped = list(dict.fromkeys(quote_hedges)) if not _hedges(para) else []
    quote_words = {
        k
        for i in inside
        for k in (quote_st.tokens[i].lemma.lower(), quote_st.tokens[i].text.lower())
    }
    added = [
        m.word
        for m in _loaded(para, reported=True)
        if m.index in claim and m.key not in quote_words
    ]
    quote_values = [v for v in quote_st.values if start <= v.start and v.end <= end]
    claim_tokens = [para.tokens[i] for i in claim]
    numbers = [
        v.text
        for v in para.values
        if v.kind in AMOUNT_KINDS
        and any(v.start <= t.start and t.end <= v.end for t in claim_tokens)
        and not any(compatible(v, q) for q in quote_values)
    ]
    extra = (*(f"drops '{h}'" for h in dropped), *added, *numbers)
    if not extra:
        return None
    what = []
    if dropped:
        what.append(f"drops the quote's hedge ({_quoted_list(dropped)})")
    if added:
        what.append(f"adds the loaded {_plural(added, 'word', 'words')} {_quoted_list(added)}")
    if numbers:
        what.append(
            f"gives {_plural(numbers, 'a number', 'numbers')} that no number of the quote matches "
            f"({_quoted_list(numbers)})"
        )
    qa, qb = _words(finding.text_a), _words(para.text)
    return FramingNote(
        kind=FramingKind.BEYOND_SOURCE,
        marked=(para.id,),
        words=(tuple(extra),),
        unmarked=(quote_st.id,),
        explanation=f"{para.source_id} reports {finding.speaker_a or 'the speaker'}'s words "
        f"without quoting them and goes beyond the quote in {quote_st.source_id}: it "
        + ", ".join(what[:-1])
        + (" and " if len(what) > 1 else "")
        + what[-1]
        + ".",
        diff=word_diff([w.lower() for w in qb], [w.lower() for w in qa], qb, qa),
        diff_against=quote_st.id,
    )


def annotate(
    facts: Sequence[Fact], statements: Sequence[Statement], findings: Sequence[QuoteFinding]
) -> tuple[Fact, ...]:
    """Facts with their framing notes set (order unchanged)."""
    by_id = {s.id: s for s in statements}
    fact_of = {sid: f.id for f in facts for sid in f.statement_ids}
    # One note per paraphrase: against the fullest quote it reports.
    best: dict[str, tuple[int, FramingNote]] = {}
    for finding in findings:
        note = _beyond_source(finding, by_id)
        if note is not None and len(finding.text_a) > best.get(note.marked[0], (-1, note))[0]:
            best[note.marked[0]] = (len(finding.text_a), note)
    extra: dict[str, list[FramingNote]] = {}
    for para_id, (_, note) in sorted(best.items()):
        extra.setdefault(fact_of[para_id], []).append(note)
    return tuple(
        replace(
            f,
            framing=(
                *framing_notes([by_id[s] for s in f.statement_ids]),
                *extra.get(f.id, ()),
            ),
        )
        for f in facts
    )


def profiles(
    articles: Sequence[CleanArticle], statements: Sequence[Statement], facts: Sequence[Fact]
) -> tuple[SourceProfile, ...]:
    """One profile per source, in source order."""
    fact_of = {sid: f for f in facts for sid in f.statement_ids}
    by_source: dict[str, list[Statement]] = {}
    for st in statements:
        by_source.setdefault(st.source_id, []).append(st)
    out = []
    for art in articles:
        sid = art.article.source_id
        mine = sorted(by_source.get(sid, []), key=lambda s: s.index)
        lead_facts = list(dict.fromkeys(fact_of[s.id].id for s in mine[:LEAD_STATEMENTS]))
        elsewhere = []
        for fid in lead_facts:
            fact = next(f for f in facts if f.id == fid)
            places = []
            for other in articles:
                oid = other.article.source_id
                if oid == sid:
                    continue
                idx = [_index(s) for s in fact.statement_ids if s.startswith(f"{oid}:")]
                places.append(f"{oid} #{min(idx)}" if idx else f"{oid} omits it")
            elsewhere.append(", ".join(places))
        out.append(
            SourceProfile(
                source_id=sid,
                statements=len(mine),
                hedging=round(mean(bool(_hedges(s)) for s in mine), 2) if mine else 0.0,
                tone=round(mean(tone(s) for s in mine), 2) if mine else 0.0,
                attributed=round(mean(_attributed(s) for s in mine), 2) if mine else 0.0,
                lead=tuple(lead_facts),
                lead_elsewhere=tuple(elsewhere),
            )
        )
    return tuple(out)


def _index(statement_id: str) -> int:
    """The reading-order number of a statement ID ``"<source>:<n>"``."""
    return int(statement_id.rsplit(":", 1)[1])
