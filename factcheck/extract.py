"""Typed values of a statement: money, percents, quantities, counts, tallies, dates, names.

Embeddings align statements but cannot see that "$14.3B" and "$2B" disagree, so every
statement gets a list of typed, normalised :class:`~factcheck.types.Value` records that
:mod:`factcheck.conflicts` compares. The stage is pure and rule-based: it reads the text
and the spaCy tokens and entities already on the statement, and loads no model.

API
---
``extract(statement, *, published)``
    The statement with ``values`` filled, sorted by ``(start, end, kind)``. ``published``
    (the article date, or None) anchors relative dates and month-day dates without a year.
``compatible(a, b)``
    Whether two values can both be true: the same kind (money in one currency, quantities of
    one dimension, counts of one noun) and overlapping ``[low, high]`` intervals (more than
    touching, unless both ends are stated values; see "Intervals" below). An
    unresolved date is compatible with every date: unknown is not a conflict. Entities are
    compatible when their names match or one is an alias of the other (the tokens of one
    name are a subset of the other's, or one is the other's acronym), whatever spaCy's
    label.
``comparable(a, b)``
    Whether two values measure the same kind of thing at all, so that a mismatch could be a
    conflict: money vs money in one currency, quantity vs quantity of one dimension, count vs
    count of one noun lemma, a rate vs a rate over the same period, tally vs tally, date vs
    date with both resolved, a clock time vs a clock time that carries a day the same way.
    Entities are comparable with the same kind, or across ORG/PLACE/PRODUCT, which spaCy
    often confuses.
``same_name(a, b, *, acronyms=True)``
    Whether two names may name one thing: the token-subset alias rule, or one an acronym of
    the other ("FAA" and "Federal Aviation Administration"), written in capitals when the
    names carry case ("Ng" is not "Nancy Grant"); ``acronyms=False`` for people.
``maybe_contains(a, b)``
    Whether one place name may lie inside the other ("Manhattan" and "New York", "Paris"
    and "France"), from a small list of countries, US states and regions; two places of
    one level or of unknown size give False.
``display(value)``
    The normalised figure as a reader writes it, for reasons and tags ("USD 14.3 billion",
    "8 years", "16 weeks"); ``norm`` stays the figure compared.
``clause_tense(tokens, i)``
    The tense of the clause whose verb is token ``i`` ("past", "present", "future" or
    None), as dates read it (see :func:`_tense`): :mod:`factcheck.frames` tells a plan
    from a done deed with it.

Every value has a ``role`` (:class:`~factcheck.types.ValueRole`, see "Roles" below):
*current* for the claim, *previous* for the earlier figure of a change ("fell to 4.2%
from *4.5%*"), *superseded* for a corrected one ("initially reported *12 deaths* but
later revised the figure to 14"), *attribute* for a year that names its noun ("the *2019*
agreement"). Only current values state what the sentence claims now.

Examples (``norm`` and interval)::

    "$14.3 billion"          money    "USD 1.43e+10"       [14.25e9, 14.35e9]  unit "USD"
    "more than $14 billion"  money    "USD >=1.4e+10"      [14e9, inf)  qualifier "more than"
    "billions of dollars"    money    "USD 1e+09..1e+12"   [1e9, 1e12)  qualifier "billions of"
    "8 percent"              percent  "8%"                 [7.5, 8.5]          unit "%"
    "between 10% and 15%"    percent  "10..15%"            [9.5, 15.5]         unit "%"
    "half a percentage point" percent "0.5 pp"             [0.45, 0.55]        unit "pp"
    "5GW"                    quantity "5e+09 W"            [4.5e9, 5.5e9]      unit "W"
    "three researchers"      count    "3 researcher"       [3, 3]              unit "researcher"
    "20,000 to 30,000 homes" count    "20000..30000 home"  [19999.5, 30000.5]  unit "home"
    "Forty were injured"     count    "40 people"          [40, 40]            unit "people"
    "1,200 passengers a day" count    "1200 passenger/day" [1200, 1200]   unit "passenger/day"
    "one in 10"              percent  "~10%"               [9, 11]             unit "%"
    "a 54-year-old"          quantity "age 54"             [54, 54]            unit "age"
    "voted 5-2"              tally    "5-2"                (no interval: a pair)
    "at 3 p.m."              time     "15:00"              [870, 930] minutes  unit "time"
    "noon PT"                time     "15:00 ET"           [870, 930]       unit "time@ET"
    "from 9 a.m. to 6 p.m."  time     "09:00-18:00"        [510, 1110]   unit "time span"
    "40,000 tons"            quantity "40000 ton"          [39999.5, 40000.5]  unit "ton"
    "June 2025"              date     "2025-06"            ordinals of June 1 and June 30
    "by 2028"                date     "<=2028"             (-inf, Dec 31 2028] qualifier "by"
    "next year"              date     "2025"   note "relative to the article date 2024-03-01"
    "Meta Platforms Inc."    org      "meta"

    compatible("$14.3 billion", "$14.3bn")          -> True   (same interval)
    compatible("$14.3 billion", "about $14 billion") -> True   (±10% around 14e9)
    compatible("$14.3 billion", "$2 billion")       -> False
    comparable("3 researchers", "3 data centers")   -> False  (different nouns)
    compatible("Zuckerberg", "Mark Zuckerberg")     -> True   (token subset)

Amounts
-------
Beyond money ("312 pence" is GBP 3.12), percents and SI quantities:

- **rates**: a period after an amount joins its unit ("$20 an hour" is "USD/hour", "1,200
  passengers a day" "passenger/day"); a rate compares only with a rate per that period.
- **proportions**: "one in 10", "three out of four" and fractions ("two-thirds of", "half
  the", "rose by a third", a hyphenated "one-third") are percents, ±10% as round figures;
  "one in 10 residents" counts no residents, "one-third" no thirds.
- **counts** need a counted noun ("300 residents"), or a subject whose level the number
  states ("Sales reached 1.2 million", "the death toll rose to 40", "was revised to 14";
  "revised *the figure* to 14" counts the noun of the sentence's earlier count), or a verb
  whose bare numeric subject or object is people ("Forty were injured", "The crash injured
  40"; :data:`_PEOPLE_VERBS`). A bare number compared with an amount ("..., up from
  900,000", "from 900,000 to 1.2 million passengers", "6.1%, down from 5.8") takes that
  amount's kind and unit. "40-odd" is [40, 50), "40-plus" [40, inf). A year that names its
  noun ("the 2024 election results", "its 2025 results") is no count, nor a number that is
  part of a name: after a capitalised name ("Windows 11", "Model 3") or a classifier noun
  (:data:`_LABEL_NOUNS`: "type 2 diabetes", "phase 3 trials").
- **ranges**: "N to M", "N-M", "between N and M" and "from N to M", with the unit or noun
  once or twice ("10-15%", "between 10% and 15%", "$5 million to $7 million", "20,000 to
  30,000 homes"), are one interval from the low end's rounding limit to the high end's; "some
  200-300" widens it by 10%. A range goes up. "From N to M" under a word of change ("rose
  from 35 to 40") is a change: two values, the first *previous*; so is "A to B" with the
  unit twice under a word of change ("rose 20% to 12%", "rose $2 to $12").
- **percentage points** ("2 percentage points", "50 basis points", "half a percentage
  point", and bare "0.5 points" in a sentence that states a percent) have unit "pp",
  comparable with each other, never with "%".
- **ages** ("The suspect, 54,", "aged 54", "a 54-year-old", "The victim was 54") and
  earthquake **magnitudes** are quantities with units "age" and "magnitude".
- **temperatures** ("40 degrees Celsius", "104 °F", a bare "45 degrees") are quantities in
  "degC", "degF" or "deg", never converted into one another, so never compared across scales.
- **clock times** ("3 p.m.", "3:15 a.m.", "noon", "at 15:00") are TIME values in minutes of
  the day, unit "time", or of the one day the sentence states, unit "datetime" ("at 3 p.m.
  on Monday"), so a time compares only with one that carries a day the same way; to the
  hour they allow 30 minutes each side, to the minute 10, after "about" an hour. A span
  ("from 9 a.m. to 6 p.m.", "9 a.m.-6 p.m.", "3 to 5 p.m.") is one value, unit "time span",
  that claims both ends: two spans agree when each end is within an hour of the other's.
  "Between 3 and 5 p.m." is a moment in that window: a time over both, compared by overlap
  like a single time ("at 4 p.m." fits it). A zone after a time moves it onto a zone's
  clock: US zones ("ET", "PT", "EST", "Pacific") onto Eastern time (unit "time@ET": "noon
  PT" is "3 p.m. ET"), zones of one offset all year ("GMT", "UTC", "BST", "CET") onto UTC
  ("time@UTC"). A time with a zone never compares with one without, nor Eastern time with
  UTC (a season decides the offset between them); "local time" is no zone. Not read: "6
  o'clock", times within an hour of midnight, spans across midnight, bounds ("by 3 p.m.").
- **tallies**: votes and scores ("voted 5-2", "won 3-1", "a vote of 52 to 48"), found
  only next to a vote or score word, compatible when they hold the same two numbers.

Intervals
---------
A number's interval is what its written precision allows: half a unit of its last written
digit, scaled by any scale word, so "14.3 billion" is [14.25e9, 14.35e9] and "14 billion"
[13.5e9, 14.5e9]. Digits written out in full are taken as exact to the unit ("$300,000" is
[299999.5, 300000.5]). A whole count written in full ("12 people", "three researchers")
has no rounding allowance at all: things are counted in whole units, so it is [12, 12],
and a count with decimals but no scale word ("6.4 earthquakes", "12.4 people") is not
read as a count. Scaled counts ("1.2 million users") and "a dozen" keep half a unit.
Qualifiers then replace or widen it: "more than/over/at least" give
[v, inf), "less than/under/up to/at most" [0, v], "about/around/roughly/approximately/some"
±10% (never narrower than the precision), "nearly/almost" [0.9v, v]. Vague amounts span a
scale step: "millions of" is [1e6, 1e9), "hundreds of millions of" [1e8, 1e9).

Two numeric intervals are compatible when they share more than one point. The ends of a
rounding interval are open: "12 people" and "13 people", or "6%" ([5.5, 6.5]) and "7%"
([6.5, 7.5]), only touch and so conflict. Stated ends are closed: an exact value or a
qualifier's bound may meet another value exactly ("more than 200" fits "200 people").

Dates carry the proleptic Gregorian ordinals of their first and last day. A date without a
year ("March 3", "in December", "the second quarter") takes the year of an explicit date
that *anchors* it (below). Else the clause's tense places it around ``published``: past
tense picks the latest occurrence on or before the article date, future tense the earliest
on or after it, and a present or unknown tense the nearest one. A relative date ("next
year", "Wednesday", "hours ago") is resolved against a date that anchors it, else against
``published``. A bare weekday is the most recent such day on or before the anchor, or, in
a clause about the future ("will vote on Thursday", "would reopen Wednesday", "is meeting
on Thursday", "is scheduled for", "plans to") or in the present tense ("the trial begins
Monday"), the next on or after it. Without an anchor the date is kept with
``resolved=False`` and no interval. ``note`` says which anchor and which tense were used
(see :func:`_tense`).

**Anchoring** (:func:`_anchors`). A date anchors another only when both attach to the same
verb through direct adjuncts, or the other's clause is embedded in the anchor's (reported
speech, a complement or an adverbial clause: in "In a 2024 letter, Zuckerberg wrote,
'Starting next year ...'" next year is 2025). The walk from a date to its verb
(:func:`_predicate`) stops at a noun: a date that modifies a noun ("The *2019* trade
agreement expired last year") or is the object of a noun's preposition ("two weeks after a
fire *on February 20*") dates that noun, unless the noun is the occasion of the verb ("in
a 2024 letter", "during the 2024 campaign"). A reduced relative clause or an appositive
("The dam, built *in 1958*, has leaked since a storm in January") has a verb of its own; a
clause joined by "and", or introduced by "after"/"before", has a time of its own; and a
date inside a comparison ("up from 9% *in 2024*", "from 2,500 *in 2024*", "after a 9% rise
*in 2024*") dates the earlier figure. None of them anchors the main clause's dates.

A day told near midnight ("Tuesday night", "late Tuesday", "tonight", "last night") also
covers the next day, and "early Wednesday" the day before, since sources place such a
time on either side of midnight: "ended Tuesday night" fits "ended early Wednesday".

"By 2028" is a deadline, not the year 2028: a bound word turns the date into an interval
open at one end, so it is compatible with any date on its side. "by/until/through X" ends
at X's last day (norm ``<=2028``), "before X" the day before X, "since X" starts at X's
first day (``>=2019``) and "after X" the day after X. Ranges ("from May to September",
"between 2020 and 2024", "2019-2024", "October 27-29") are one date spanning both ends.

Entities are spaCy's, with cheap span fixes for the small model's common slips: a name
with a version number is a product, widened over its model words ("Vision Pro 2",
"Boeing 737 Max 9"); a "person" shaped like a model name ("F-150", "Mustang Mach-E") is
a product; a saint's possessive is a place ("St. Luke's hospital"); two or three
unlabelled capitalised names with a person's role as an appositive are a person ("said
Ana Ruiz, the city's mayor"). A one-word company spaCy calls a person ("Vantor") is left
as it is: nothing in the sentence says otherwise.

Roles
-----
A sentence that tells a change or a correction states figures that are not its claim (see
:func:`_with_roles`): the figure after "from" under a word of change (:data:`_CHANGE_WORDS`:
"fell to 4.2% from 4.5%", "revised up to 14 from 12"), after "up/down from", "compared
with/to" or "versus", or in "after a 9% rise", is *previous*, and so is a date longer than
a day in that phrase or right after its figure ("up from 9% in 2024"); the figure after
"to" is the current one. A figure told as a first one ("initially", "originally", "first",
"earlier", "previously"; "an earlier estimate of") is *superseded* when a later figure of
the same kind is the object of a word of change ("initially reported 12 deaths but later
revised the figure to 14"). A bare year naming its noun is an *attribute*. Comparing a
non-current value with another source's current one compares two moments.

Known gaps: round numbers written in digits count as exact; no currency conversion, and no
conversion between rate periods ("1,200 a day" is not compared with "8,400 a week") or
temperature scales; fiscal years are not read; vague time words ("recently", "in the
future") are deliberately not dates; a weekday range ("Monday to Friday") is two dates.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from functools import partial

from factcheck.types import AMOUNT_KINDS, Entity, Statement, Token, Value, ValueKind, ValueRole

__all__ = [
    "clause_tense",
    "comparable",
    "compatible",
    "display",
    "extract",
    "maybe_contains",
    "same_name",
]

# --------------------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------------------

_SMALL_WORDS: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
    "a": 1,
    "an": 1,
}
_SCALE_WORDS: dict[str, Decimal] = {
    "hundred": Decimal(100),
    "thousand": Decimal(10) ** 3,
    "million": Decimal(10) ** 6,
    "billion": Decimal(10) ** 9,
    "trillion": Decimal(10) ** 12,
}
#: Scale abbreviations written after money ("$14.3bn", "€5m", "$2B") or a count ("5m users").
_SCALE_ABBREVIATIONS: dict[str, Decimal] = {
    "k": Decimal(10) ** 3,
    "m": Decimal(10) ** 6,
    "mn": Decimal(10) ** 6,
    "mln": Decimal(10) ** 6,
    "b": Decimal(10) ** 9,
    "bn": Decimal(10) ** 9,
    "t": Decimal(10) ** 12,
    "tn": Decimal(10) ** 12,
}

_UNITS_ALT = "one|two|three|four|five|six|seven|eight|nine"
_TEENS_ALT = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS_ALT = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_SCALE_ALT = "hundred|thousand|million|billion|trillion"
# Digits may not continue a word, a model name or a time ("GPT-4", "Q2", "0/500", "3:15").
_DIGITS = r"(?<![\w.,/:])(?<![A-Za-z]-)(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![.,:]\d)"
_WORDNUM = (
    rf"(?i:\b(?:(?:{_TENS_ALT})(?:-(?:{_UNITS_ALT}))?|{_TEENS_ALT}|zero|{_UNITS_ALT}"
    rf"|a\s+dozen|dozen|(?:half\s+)?an?(?=[\s-]+(?:{_SCALE_ALT})\b))\b)"
)
#: A number: digits or number words, then up to two scale words ("14.3 billion").
_NUM = rf"(?:{_DIGITS}|{_WORDNUM})(?:[\s-]+(?i:{_SCALE_ALT})\b){{0,2}}"
_NUM_PARTS = re.compile(
    rf"^(?:(?P<digits>[\d,]+(?:\.\d+)?)|(?P<words>.+?))(?P<scales>(?:[\s-]+(?:{_SCALE_ALT}))*)$",
    re.IGNORECASE,
)
_SPLIT = re.compile(r"[\s-]+")


@dataclass(frozen=True, slots=True)
class _Number:
    """A parsed number and its precision: the written value is ``value ± step / 2``."""

    value: Decimal
    step: Decimal

    def scaled(self, factor: Decimal) -> _Number:
        return _Number(self.value * factor, self.step * factor)


def _parse_number(text: str, abbreviation: str | None = None) -> _Number | None:
    """Parse a ``_NUM`` match ("14.3 billion", "twenty-five", "a dozen", "1,200")."""
    m = _NUM_PARTS.match(text.strip())
    if m is None:
        return None
    if m["digits"] is not None:
        digits = m["digits"].replace(",", "")
        decimals = len(digits.split(".")[1]) if "." in digits else 0
        number = _Number(Decimal(digits), Decimal(1).scaleb(-decimals))
    else:
        words = _SPLIT.split(m["words"].strip().lower())
        step = Decimal(1)
        if words[0] == "half":
            words, step = words[1:], Decimal("0.1")
        if words and words[0] in ("a", "an") and words[1:] == ["dozen"]:
            words = ["dozen"]
        if not words or any(w not in _SMALL_WORDS for w in words):
            return None
        total = sum(_SMALL_WORDS[w] for w in words)
        number = _Number(Decimal(total) * (Decimal("0.5") if step < 1 else 1), step)
    for scale in _SPLIT.split(m["scales"].strip().lower()) if m["scales"].strip() else []:
        if scale:  # "$3-million" splits into "", "million"
            number = number.scaled(_SCALE_WORDS[scale])
    if abbreviation:
        number = number.scaled(_SCALE_ABBREVIATIONS[abbreviation.strip().lower()])
    return number


def _fmt(x: float) -> str:
    """Short, exact-enough display of a float: ``1.43e+10``, ``1200``, ``1234567``."""
    if math.isinf(x):
        return "inf"
    short = f"{x:g}"
    return short if float(short) == x else f"{x:.15g}"


# --------------------------------------------------------------------------------------
# Qualifiers and intervals
# --------------------------------------------------------------------------------------

_AT_LEAST = "at-least"  # [v, inf)
_AT_MOST = "at-most"  # [0, v]
_ABOUT = "about"  # ±10%
_BELOW = "below"  # [0.9v, v]
_ABOVE = "above"  # [v, 1.1v]

_QUALIFIERS: dict[str, str] = {
    "more than": _AT_LEAST,
    "over": _AT_LEAST,
    "at least": _AT_LEAST,
    "above": _AT_LEAST,
    "upwards of": _AT_LEAST,
    "in excess of": _AT_LEAST,
    "north of": _AT_LEAST,
    "greater than": _AT_LEAST,
    "no less than": _AT_LEAST,
    "no fewer than": _AT_LEAST,
    "less than": _AT_MOST,
    "fewer than": _AT_MOST,
    "under": _AT_MOST,
    "up to": _AT_MOST,
    "at most": _AT_MOST,
    "below": _AT_MOST,
    "no more than": _AT_MOST,
    "as much as": _AT_MOST,
    "as many as": _AT_MOST,
    "about": _ABOUT,
    "around": _ABOUT,
    "roughly": _ABOUT,
    "approximately": _ABOUT,
    "approx.": _ABOUT,
    "some": _ABOUT,
    "an estimated": _ABOUT,
    "estimated": _ABOUT,
    "circa": _ABOUT,
    "~": _ABOUT,
    "nearly": _BELOW,
    "almost": _BELOW,
    "close to": _BELOW,
    "just under": _BELOW,
    "just over": _ABOVE,
}
_QUALIFIER_BEFORE = re.compile(
    r"(?i)(?<![\w.])("
    + "|".join(re.escape(q) for q in sorted(_QUALIFIERS, key=len, reverse=True))
    + r")\s*$"
)
#: Qualifiers that read as "during" before a duration ("over five years").
_DURATION_NOT_QUALIFIERS = frozenset({"over", "under"})
_NORM_PREFIX = {_AT_LEAST: ">=", _AT_MOST: "<=", _ABOUT: "~", _BELOW: "~<=", _ABOVE: "~>="}
#: Qualifiers written after a count: "40-odd firefighters" is [40, 50) (up to the next
#: round figure: a ten, or a hundred for "100-odd"), "40-plus" and "40+" are [40, inf).
#: Only hyphenated: in "40 odd jobs" the word belongs to the noun.
_QUALIFIER_AFTER = re.compile(r"(?i)(?:-(?P<w>odd|plus)\b|(?P<plus>\+))")
_FROM_BEFORE = re.compile(r"(?i)\bfrom\s+$")
_BETWEEN_BEFORE = re.compile(r"(?i)\bbetween\s+$")


@dataclass(frozen=True, slots=True)
class _Interval:
    low: float
    high: float
    value: float  # the stated value, for display
    qualifier: str | None = None
    mode: str | None = None
    upper: float | None = None  # the top of a stated range


def _interval(number: _Number, qualifier: str | None = None) -> _Interval:
    """The interval a stated number allows, widened by its qualifier (see module docs)."""
    v = number.value
    low, high = float(v - number.step / 2), float(v + number.step / 2)
    mode = _QUALIFIERS.get(qualifier.lower()) if qualifier else None
    fv = float(v)
    if mode == _AT_LEAST:
        low, high = fv, math.inf
    elif mode == _AT_MOST:
        low, high = 0.0, fv
    elif mode == _ABOUT:
        low, high = min(low, float(v * Decimal("0.9"))), max(high, float(v * Decimal("1.1")))
    elif mode == _BELOW:
        low, high = float(v * Decimal("0.9")), fv
    elif mode == _ABOVE:
        low, high = fv, float(v * Decimal("1.1"))
    return _Interval(low, high, fv, qualifier.lower() if qualifier else None, mode)


def _range_interval(a: _Number, b: _Number) -> _Interval:
    lo, hi = sorted((a, b), key=lambda n: n.value)
    return _Interval(
        float(lo.value - lo.step / 2),
        float(hi.value + hi.step / 2),
        float(lo.value),
        upper=float(hi.value),
    )


def _scaled(iv: _Interval, factor: float) -> _Interval:
    return replace(
        iv,
        low=iv.low * factor,
        high=iv.high * factor,
        value=iv.value * factor,
        upper=None if iv.upper is None else iv.upper * factor,
    )


def _norm_number(iv: _Interval) -> str:
    if iv.upper is not None:
        return f"{_fmt(iv.value)}..{_fmt(iv.upper)}"
    return _NORM_PREFIX.get(iv.mode or "", "") + _fmt(iv.value)


#: "was revised up to 14": the revised figure, not a maximum.
_REVISED_BEFORE = re.compile(r"(?i)\brevis\w*\s+$")


def _qualifier_before(text: str, start: int, *, duration: bool = False) -> re.Match[str] | None:
    m = _QUALIFIER_BEFORE.search(text, max(0, start - 20), start)
    if m is None or (duration and m[1].lower() in _DURATION_NOT_QUALIFIERS):
        return None
    if m[1].lower() == "up to" and _REVISED_BEFORE.search(text, max(0, m.start() - 20), m.start()):
        return None
    return m


#: Vague amounts: "millions of", "hundreds of millions of", "dozens of".
_VAGUE = (
    r"(?P<vague>(?i:(?:(?P<mult>tens|hundreds)\s+of\s+)?"
    r"(?P<scale>dozens|hundreds|thousands|millions|billions|trillions)\s+of)\b)"
)
_VAGUE_SCALES: dict[str, tuple[float, float]] = {
    "dozens": (24.0, 144.0),
    "hundreds": (1e2, 1e3),
    "thousands": (1e3, 1e6),
    "millions": (1e6, 1e9),
    "billions": (1e9, 1e12),
    "trillions": (1e12, 1e15),
}


def _vague_interval(m: re.Match[str]) -> _Interval:
    """``[low, high)`` of a vague amount: "billions of" is [1e9, 1e12)."""
    low, high = _VAGUE_SCALES[m["scale"].lower()]
    if m["mult"]:
        low *= 10.0 if m["mult"].lower() == "tens" else 100.0
        high = low * 10.0
    qualifier = re.sub(r"\s+", " ", m["vague"].lower())
    return _Interval(low, math.nextafter(high, 0.0), low, qualifier, upper=high)


# --------------------------------------------------------------------------------------
# Money
# --------------------------------------------------------------------------------------

_CURRENCY_SYMBOLS: dict[str, str] = {
    "US$": "USD",
    "U.S.$": "USD",
    "$": "USD",
    "C$": "CAD",
    "CA$": "CAD",
    "A$": "AUD",
    "AU$": "AUD",
    "HK$": "HKD",
    "NZ$": "NZD",
    "S$": "SGD",
    "R$": "BRL",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
}
_CURRENCY_CODES = ("USD", "EUR", "GBP", "JPY", "CNY", "RMB", "CAD", "AUD", "CHF", "INR", "HKD")
_CURRENCY_WORDS: dict[str, str] = {
    "dollar": "USD",
    "euro": "EUR",
    "pound": "GBP",
    "sterling": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rupee": "INR",
    "franc": "CHF",
}
_DOLLAR_COUNTRIES: dict[str, str] = {
    "canadian": "CAD",
    "australian": "AUD",
    "hong kong": "HKD",
    "new zealand": "NZD",
    "singapore": "SGD",
}
_SYM = (
    r"(?<![A-Za-z])(?:"
    + "|".join(
        re.escape(s).replace(r"\.", r"\.\s?")
        for s in sorted(_CURRENCY_SYMBOLS, key=len, reverse=True)
    )
    + ")"
)
_CODE = "(?:" + "|".join(_CURRENCY_CODES) + ")"
_MONEY_ABBR = r"(?:\s?(?:bn|mn|mln|tn)|[bBmMkKtT])(?![A-Za-z])"
_CURRENCY_WORD = (
    r"(?i:(?:(?P<country>US|U\.S\.|American|Canadian|Australian|Hong\s+Kong|New\s+Zealand"
    r"|Singapore)\s+)?(?P<word>dollars?|euros?|pounds?(?P<sterling>\s+sterling)?|sterling|yen"
    r"|yuan|renminbi|rupees?|(?:swiss\s+)?francs?))\b"
)
_RANGE_CONN = r"\s*(?P<conn>-|–|—|\bto\b|\band\b)\s*"

_MONEY_SYMBOL = re.compile(rf"(?P<sym>{_SYM})\s?(?P<a>{_NUM})(?P<aab>{_MONEY_ABBR})?")
#: The second half of a money range: "$1-2 billion", "$1 billion to $2 billion".
_MONEY_RANGE_TAIL = re.compile(
    rf"{_RANGE_CONN}(?P<sym>{_SYM}\s?)?(?P<b>{_NUM})(?P<bab>{_MONEY_ABBR})?"
)
_MONEY_CODE_BEFORE = re.compile(
    rf"(?<![A-Za-z])(?P<code>{_CODE})\s?(?P<a>{_NUM})(?P<aab>{_MONEY_ABBR})?(?![\w])"
)
_MONEY_CODE_AFTER = re.compile(rf"(?P<a>{_NUM})(?P<aab>{_MONEY_ABBR})?\s?(?P<code>{_CODE})\b")
_MONEY_WORD = re.compile(rf"(?P<a>{_NUM})\s+{_CURRENCY_WORD}")
#: Hundredths of a currency: "312 pence" is GBP 3.12, "50 cents" USD 0.50 (EUR after
#: "euro"), "99¢". A bare "p" is not read: "1080p" is a video resolution.
_MONEY_SUBUNIT = re.compile(
    rf"(?P<a>{_NUM})(?:\s*¢|\s+(?:(?P<euro>(?i:euro))\s+)?(?P<sub>(?i:pence|penny|pennies|cents?))\b)"
)
_MONEY_VAGUE = re.compile(rf"{_VAGUE}\s+{_CURRENCY_WORD}")


def _currency_of_word(m: re.Match[str]) -> str:
    word = m["word"].lower().split()[0].rstrip("s")
    word = "franc" if word.endswith("franc") else word
    country = re.sub(r"\s+", " ", (m["country"] or "").lower())
    if word == "dollar" and country in _DOLLAR_COUNTRIES:
        return _DOLLAR_COUNTRIES[country]
    return _CURRENCY_WORDS[word]


# --------------------------------------------------------------------------------------
# Percent
# --------------------------------------------------------------------------------------

_PERCENT_UNIT = (
    r"(?P<u>%|(?i:percentage\s+points?|percent|per\s*cent|pct|basis\s+points?|bps|pp)\b)"
)
_PERCENT = re.compile(rf"(?:(?P<a0>{_NUM}){_RANGE_CONN})?(?P<a>{_NUM})(?:\s?|-){_PERCENT_UNIT}")
#: The second amount of a range that writes the unit twice: "between 10% *and 15%*".
_PERCENT_TAIL = re.compile(rf"{_RANGE_CONN}(?P<b>{_NUM})(?:\s?|-){_PERCENT_UNIT}")


#: "one in 10 residents", "three out of four voters", "1 in every 5": a proportion, not a
#: count of 10 residents. It reads as a percent, and as a round figure it gets the ±10% of
#: "about": "one in 10" is [9%, 11%], compatible with "10%" and not with "15%".
_PROPORTION = re.compile(
    rf"(?P<a>{_NUM})\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<b>{_NUM})(?!\s*(?:%|percent)|[\w-])"
)
#: Fractions in words, read as approximate percents: before "of"/"the" ("two-thirds of",
#: "half the", "a quarter of"), after "by" ("rose by a third", "cut by half"), or hyphenated
#: anywhere ("a one-third stake"). A written fraction is a round figure, so it gets the
#: ±10% of "about". "A third" alone ("a third time") is an ordinal, not a fraction.
_FRACTION = re.compile(
    rf"(?i)\b(?:(?P<n>a|one|{_UNITS_ALT})(?P<sep>[\s-]+))?"
    r"(?P<d>half|halves|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)\b"
    r"(?P<of>(?=\s+(?:of|the)\b))?"
    r"(?!\s+of\s+an?\s+(?:hundred|thousand|million|billion|trillion|dozen)\b)"
)
_BY_BEFORE = re.compile(r"(?i)\bby\s+$")
_DENOMINATORS = {"half": 2, "halve": 2, "third": 3, "quarter": 4, "fifth": 5, "sixth": 6}
_DENOMINATORS |= {"seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
#: Words before "half" or "quarter" that make it a period or a part, not a fraction
#: ("the first half of 2025", "the other half of the team").
_NOT_FRACTION_BEFORE = re.compile(
    r"(?i)\b(?:first|second|third|fourth|1st|2nd|3rd|4th|last|latter|former|other|back|front)"
    r"[\s-]+$"
)


def _percent_unit(u: str) -> tuple[str, float]:
    u = u.lower()
    if u.startswith(("basis", "bps")):
        return "pp", 0.01
    if u.startswith(("percentage", "pp")):
        return "pp", 1.0
    return "%", 1.0


# --------------------------------------------------------------------------------------
# Quantities
# --------------------------------------------------------------------------------------

_YEAR_S = 365.2425 * 86400
#: Case-sensitive unit symbols -> (SI base unit, factor).
_SYMBOL_UNITS: dict[str, tuple[str, float]] = {
    "W": ("W", 1.0),
    "kW": ("W", 1e3),
    "MW": ("W", 1e6),
    "GW": ("W", 1e9),
    "TW": ("W", 1e12),
    "Wh": ("J", 3600.0),
    "kWh": ("J", 3.6e6),
    "MWh": ("J", 3.6e9),
    "GWh": ("J", 3.6e12),
    "TWh": ("J", 3.6e15),
    "kJ": ("J", 1e3),
    "MJ": ("J", 1e6),
    "GJ": ("J", 1e9),
    "KB": ("B", 1e3),
    "kB": ("B", 1e3),
    "MB": ("B", 1e6),
    "GB": ("B", 1e9),
    "TB": ("B", 1e12),
    "PB": ("B", 1e15),
    "EB": ("B", 1e18),
    "kbps": ("bit/s", 1e3),
    "Mbps": ("bit/s", 1e6),
    "Gbps": ("bit/s", 1e9),
    "Tbps": ("bit/s", 1e12),
    "Gb/s": ("bit/s", 1e9),
    "km": ("m", 1e3),
    "cm": ("m", 1e-2),
    "mm": ("m", 1e-3),
    "ft": ("m", 0.3048),
    "kg": ("kg", 1.0),
    "mg": ("kg", 1e-6),
    "lb": ("kg", 0.45359237),
    "lbs": ("kg", 0.45359237),
    "oz": ("kg", 0.028349523125),
    "km2": ("m2", 1e6),
    "km²": ("m2", 1e6),
    "m2": ("m2", 1.0),
    "m²": ("m2", 1.0),
    "mph": ("m/s", 0.44704),
    "km/h": ("m/s", 1 / 3.6),
    "kph": ("m/s", 1 / 3.6),
    "Hz": ("Hz", 1.0),
    "kHz": ("Hz", 1e3),
    "MHz": ("Hz", 1e6),
    "GHz": ("Hz", 1e9),
    "PFLOPS": ("FLOP/s", 1e15),
    "EFLOPS": ("FLOP/s", 1e18),
    "hrs": ("s", 3600.0),
    "hr": ("s", 3600.0),
    "°C": ("degC", 1.0),
    "℃": ("degC", 1.0),
    "°F": ("degF", 1.0),
    "℉": ("degF", 1.0),
}
#: Unit words (singular; regular plurals are added) -> (SI base unit, factor).
_WORD_UNITS_SINGULAR: dict[str, tuple[str, float]] = {
    "watt": ("W", 1.0),
    "kilowatt": ("W", 1e3),
    "megawatt": ("W", 1e6),
    "gigawatt": ("W", 1e9),
    "terawatt": ("W", 1e12),
    "horsepower": ("W", 745.7),
    "watt-hour": ("J", 3600.0),
    "kilowatt-hour": ("J", 3.6e6),
    "megawatt-hour": ("J", 3.6e9),
    "gigawatt-hour": ("J", 3.6e12),
    "terawatt-hour": ("J", 3.6e15),
    "watt hour": ("J", 3600.0),
    "kilowatt hour": ("J", 3.6e6),
    "megawatt hour": ("J", 3.6e9),
    "gigawatt hour": ("J", 3.6e12),
    "terawatt hour": ("J", 3.6e15),
    "joule": ("J", 1.0),
    "kilojoule": ("J", 1e3),
    "megajoule": ("J", 1e6),
    "gigajoule": ("J", 1e9),
    "byte": ("B", 1.0),
    "kilobyte": ("B", 1e3),
    "megabyte": ("B", 1e6),
    "gigabyte": ("B", 1e9),
    "terabyte": ("B", 1e12),
    "petabyte": ("B", 1e15),
    "exabyte": ("B", 1e18),
    "meter": ("m", 1.0),
    "metre": ("m", 1.0),
    "kilometer": ("m", 1e3),
    "kilometre": ("m", 1e3),
    "centimeter": ("m", 1e-2),
    "centimetre": ("m", 1e-2),
    "millimeter": ("m", 1e-3),
    "millimetre": ("m", 1e-3),
    "mile": ("m", 1609.344),
    "nautical mile": ("m", 1852.0),
    "yard": ("m", 0.9144),
    "inch": ("m", 0.0254),
    "gram": ("kg", 1e-3),
    "kilogram": ("kg", 1.0),
    "milligram": ("kg", 1e-6),
    "tonne": ("kg", 1e3),
    "metric ton": ("kg", 1e3),
    "short ton": ("kg", 907.18474),
    "long ton": ("kg", 1016.0469088),
    # A bare "ton" is a short ton (US), a long ton (UK) or, in much world news, a tonne:
    # its own unit, never converted, so it compares only with "tons" (not kg or tonnes).
    "ton": ("ton", 1.0),
    "pound": ("kg", 0.45359237),
    "ounce": ("kg", 0.028349523125),
    "square meter": ("m2", 1.0),
    "square metre": ("m2", 1.0),
    "square kilometer": ("m2", 1e6),
    "square kilometre": ("m2", 1e6),
    "square mile": ("m2", 2589988.110336),
    "sq km": ("m2", 1e6),
    "sq mi": ("m2", 2589988.110336),
    "sq ft": ("m2", 0.09290304),
    "acre": ("m2", 4046.8564224),
    "hectare": ("m2", 1e4),
    "liter": ("m3", 1e-3),
    "litre": ("m3", 1e-3),
    "gallon": ("m3", 0.003785411784),
    "barrel": ("m3", 0.158987294928),
    "cubic meter": ("m3", 1.0),
    "cubic metre": ("m3", 1.0),
    "second": ("s", 1.0),
    "minute": ("s", 60.0),
    "hour": ("s", 3600.0),
    "day": ("s", 86400.0),
    "week": ("s", 7 * 86400.0),
    "month": ("s", _YEAR_S / 12),
    "year": ("s", _YEAR_S),
    "decade": ("s", 10 * _YEAR_S),
    "hertz": ("Hz", 1.0),
    "kilohertz": ("Hz", 1e3),
    "megahertz": ("Hz", 1e6),
    "gigahertz": ("Hz", 1e9),
    "teraflop": ("FLOP/s", 1e12),
    "petaflop": ("FLOP/s", 1e15),
    "exaflop": ("FLOP/s", 1e18),
}
_IRREGULAR_UNITS: dict[str, tuple[str, float]] = {
    "foot": ("m", 0.3048),
    "feet": ("m", 0.3048),
    "square foot": ("m2", 0.09290304),
    "square feet": ("m2", 0.09290304),
    "inches": ("m", 0.0254),
    "century": ("s", 100 * _YEAR_S),
    "centuries": ("s", 100 * _YEAR_S),
    "teraflops": ("FLOP/s", 1e12),
    "petaflops": ("FLOP/s", 1e15),
    "exaflops": ("FLOP/s", 1e18),
    # Temperatures keep their scale: Celsius and Fahrenheit differ by an offset, not a
    # factor, so they are not converted and never compared, like two currencies. A bare
    # "degrees" is its own unit (a temperature or an angle), comparable only with itself.
    "degree": ("deg", 1.0),
    "degrees": ("deg", 1.0),
    "degree celsius": ("degC", 1.0),
    "degrees celsius": ("degC", 1.0),
    "degrees centigrade": ("degC", 1.0),
    "degrees c": ("degC", 1.0),
    "degree fahrenheit": ("degF", 1.0),
    "degrees fahrenheit": ("degF", 1.0),
    "degrees f": ("degF", 1.0),
}
_WORD_UNITS: dict[str, tuple[str, float]] = {
    **_WORD_UNITS_SINGULAR,
    **{f"{w}s": u for w, u in _WORD_UNITS_SINGULAR.items() if not w.endswith(("s", "inch"))},
    **_IRREGULAR_UNITS,
}


def _alternation(words: Iterable[str]) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"[\s-]+") for w in sorted(words, key=len, reverse=True)
    )


_QUANTITY_UNIT = (
    rf"(?P<u>(?:{_alternation(_SYMBOL_UNITS)})|(?i:{_alternation(_WORD_UNITS)}))(?![\w/²])"
)
_QUANTITY = re.compile(rf"(?:(?P<a0>{_NUM}){_RANGE_CONN})?(?P<a>{_NUM})(?:\s?|-){_QUANTITY_UNIT}")
#: The second amount of a range that writes the unit twice: "10 km *to 12 km*".
_QUANTITY_TAIL = re.compile(rf"{_RANGE_CONN}(?P<b>{_NUM})(?:\s?|-){_QUANTITY_UNIT}")


def _unit_of(surface: str) -> tuple[str, float] | None:
    if surface in _SYMBOL_UNITS:
        return _SYMBOL_UNITS[surface]
    return _WORD_UNITS.get(re.sub(r"[\s-]+", " ", surface.lower())) or _WORD_UNITS.get(
        re.sub(r"\s+", "-", surface.lower())
    )


# --------------------------------------------------------------------------------------
# Counts
# --------------------------------------------------------------------------------------

#: A rate's period written after an amount: "1,200 passengers a day", "$20 an hour", "5% a
#: year", "2 million barrels per day", "$5m annually". The period joins the unit
#: ("passenger/day"), so a rate is comparable only with a rate over the same period, never
#: with a plain amount, and "1,200 a day" is not converted to compare with "8,400 a week"
#: (reporters convert loosely; a rounding there is not a conflict). "A year ago", "a day
#: later" are not rates. A per-unit figure is a rate too: "27 cents a share", "$40 a head"
#: ("USD/share", "USD/person"), never compared with a company's total.
_RATE = re.compile(
    r"(?i)\s*(?:(?:a|an|per|each|every)\s+(?P<p>second|minute|hour|day|night|week|month"
    r"|quarter|year|annum|share|person|head|capita)|/\s*(?P<s>sec|min|hr|h|hour|day|wk|week|mo|month|yr|year)"
    r"|\s(?P<adv>hourly|daily|nightly|weekly|monthly|quarterly|annually|yearly))\b"
    r"(?!\s+(?:ago|earlier|later|before|after|from)\b)"
)
_PERIODS: dict[str, str] = {
    "sec": "second",
    "min": "minute",
    "h": "hour",
    "hr": "hour",
    "hourly": "hour",
    "daily": "day",
    "nightly": "night",
    "wk": "week",
    "weekly": "week",
    "mo": "month",
    "monthly": "month",
    "quarterly": "quarter",
    "yr": "year",
    "annum": "year",
    "head": "person",
    "capita": "person",
    "annually": "year",
    "yearly": "year",
}
_RATE_KINDS = frozenset({ValueKind.MONEY, ValueKind.PERCENT, ValueKind.QUANTITY, ValueKind.COUNT})
#: Times of day ("3:15 a.m.", "9pm", "6 o'clock", "noon", "at 15:00") are claimed first so
#: that no finder reads them as counts ("3 a.m."); see :func:`_find_times`. A 24-hour time
#: needs "at" and an hour that cannot be a 12-hour one ("at 15:00", "at 09:30"; "at 10:30"
#: may be morning or evening).
_TIME_OF_DAY = re.compile(
    r"(?i)(?<![\w.:])(?P<h>\d{1,2})(?::(?P<m>[0-5]\d))?\s*"
    r"(?:(?P<ap>[ap])(?:\.m\.|m\b)|(?P<oclock>o['’]clock)\b)"
    r"|\b(?P<noon>noon|midday)\b"
    r"|(?<=\bat\s)(?P<h24>0\d|1[3-9]|2[0-3]):(?P<m24>[0-5]\d)\b(?!\s*[ap]\.?m)"
)
#: Words before a time: about-words widen it to an hour each side; bound words ("by 3
#: p.m.", "until noon") make it no moment, and it is not read.
_TIME_QUALIFIER = re.compile(
    r"(?i)\b(?:(?P<about>about|around|approximately|roughly|shortly\s+(?:after|before)"
    r"|just\s+(?:after|before)|some\s+time\s+(?:after|before))"
    r"|(?P<bound>before|after|by|until|till|since|from|between))\s+(?:at\s+)?$"
)
#: The other end of a range of times that :data:`_TIME_SPAN` did not read: not read.
_TIME_RANGE_BEFORE = re.compile(r"(?i)(?:\d|[ap]\.?m\.?)\s*(?:-|–|to|and|until)\s*$")
_TIME_RANGE_AFTER = re.compile(r"(?i)\s*(?:-|–|to|and|until)\s*\d")
_CLOCK = r"\d{1,2}(?::[0-5]\d)?\s*(?:[ap](?:\.m\.|m\b))|noon\b|midday\b"
#: A span of clock times ("from 9 a.m. to 6 p.m.", "between 9 a.m. and 6 p.m.", "9 a.m.-6
#: p.m.", "3 to 5 p.m." with the first end taking the second's a.m. or p.m.): one TIME
#: value, unit "time span", both ends claimed (see :func:`compatible`).
_TIME_SPAN = re.compile(
    rf"(?i)(?<![\w.:])(?:(?P<lead>from|between)\s+)?"
    rf"(?P<t1>{_CLOCK}|\d{{1,2}}(?::[0-5]\d)?)\s*(?P<sep>-|–|to|until|till|and)\s*(?P<t2>{_CLOCK})"
)
#: Time zones after a clock time, as hours ahead of UTC: only zones of one offset all
#: year (a season-named US zone is on :data:`_US_ZONES`). Written in capitals.
_UTC_ZONES: dict[str, float] = {
    "GMT": 0, "UTC": 0, "BST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3, "MSK": 3,
    "JST": 9, "AEST": 10, "AEDT": 11,
}  # fmt: skip
#: US time zones, as hours ahead of Eastern time: the season-free names ("ET", "Pacific")
#: and the season-named ones ("EST", "PDT"), all read on one Eastern clock, since two
#: sources telling one day's times are in one season ("3 p.m. ET" is "noon PT").
_US_ZONES: dict[str, float] = {
    "ET": 0, "EST": 0, "EDT": 0, "EASTERN": 0, "CT": -1, "CST": -1, "CDT": -1, "CENTRAL": -1,
    "MT": -2, "MST": -2, "MDT": -2, "MOUNTAIN": -2, "PT": -3, "PST": -3, "PDT": -3,
    "PACIFIC": -3,
}  # fmt: skip
#: A zone after a time: an abbreviation in capitals ("ET", "(GMT)"), a US zone by name
#: ("Eastern", "Pacific Standard Time"; not "Central Park"), or "local time", which says
#: no more than a time without a zone.
_TIME_ZONE = re.compile(
    r"\s*(?:\(\s*)?(?P<abbr>[A-Z]{2,4})\b(?:\s*\))?"
    r"|\s+(?P<name>Eastern|Central|Mountain|Pacific)(?:\s+(?:Standard|Daylight))?"
    r"(?:(?P<word>\s+[Tt]ime)\b|(?![ \t]+[A-Z]))"
    r"|\s+(?P<local>local\s+time)\b"
)

_COUNT = re.compile(rf"(?P<a>{_NUM})(?P<ab>(?:bn|mn|m|k)(?![A-Za-z]))?(?![\w%])")
_COUNT_VAGUE = re.compile(_VAGUE)
_YEAR_LIKE = re.compile(r"^(?:1[89]|20)\d{2}$")
#: Nouns a cardinal can modify without counting things ("three times", "one-third"): the
#: fraction denominators are proportions, read as percents.
_NOT_COUNTED = frozenset({"time", "percent", "%", "point", "cent", "per", "th"}) | frozenset(
    _DENOMINATORS
)


# --------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------

_MONTHS: dict[str, int] = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: A month name; only an abbreviation takes a full stop ("Mar."), so a sentence's own full
#: stop after "March" stays out of the date.
_MON = (
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
)
_MONTH_FULL = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\b"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?:19|20)\d{2}(?!\d)"
_EDGE = r"(?i:early|mid|late)"
_DASH = r"\s*(?:-|–|—|\bto\b|\bthrough\b)\s*"

_D_MD_RANGE = re.compile(
    rf"\b(?P<m1>{_MON})\s+(?P<d1>{_DAY}){_DASH}(?:(?P<m2>{_MON})\s+)?(?P<d2>{_DAY})"
    rf"(?:,?\s+(?P<y>{_YEAR}))?"
)
_D_DM_RANGE = re.compile(
    rf"\b(?P<d1>{_DAY})\s*(?:-|–|—)\s*(?P<d2>{_DAY})\s+(?P<m1>{_MON})(?:,?\s+(?P<y>{_YEAR}))?"
)
_D_ISO = re.compile(rf"\b(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b")
_D_MDY = re.compile(
    rf"\b(?:{_WEEKDAY},?\s+)?(?P<m>{_MON})\s+(?P<d>{_DAY})\b(?:,?\s+(?P<y>{_YEAR}))?"
)
_D_DMY = re.compile(rf"\b(?P<d>{_DAY})\s+(?:of\s+)?(?P<m>{_MON})(?:,?\s+(?P<y>{_YEAR}))?")
_D_MY = re.compile(rf"\b(?:(?P<edge>{_EDGE})[\s-]+)?(?P<m>{_MON}),?\s+(?:of\s+)?(?P<y>{_YEAR})")
_D_QUARTER = re.compile(
    rf"\b(?:Q(?P<q>[1-4])|(?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th))[\s-]+"
    rf"(?i:quarter))\b(?:(?:\s+of\s+|\s+|-|\s*')(?P<y>{_YEAR}|\d{{2}}\b))?"
)
_D_HALF = re.compile(
    rf"\b(?:H(?P<h>[12])|(?P<ord>(?i:first|second))\s+(?i:half)\s+of)"
    rf"(?:(?:\s+|-|\s*')(?P<y>{_YEAR}|\d{{2}}\b))"
)
_D_YEAR_RANGE = re.compile(
    rf"(?:\b(?P<prep>(?i:from|between))\s+)?\b(?P<y1>{_YEAR})"
    rf"(?:\s*(?:-|–|—)\s*(?P<y2>{_YEAR}|\d{{2}}\b)"
    rf"|\s+(?P<conn>(?i:to|until|till|through|and))\s+(?P<y3>{_YEAR}))"
)
#: "from May to September", "between March and June 2026", "May-September".
_D_MONTH_RANGE = re.compile(
    rf"(?:\b(?P<prep>(?i:from|between))\s+)?\b(?P<m1>{_MONTH_FULL})(?:\s+(?P<y1>{_YEAR}))?"
    rf"(?:\s*(?:-|–|—)\s*|\s+(?P<conn>(?i:to|until|till|through|and))\s+)"
    rf"(?P<m2>{_MONTH_FULL})(?!\s+\d{{1,2}}\b)(?:,?\s+(?P<y2>{_YEAR}))?"
)
_D_DECADE = re.compile(r"\b(?P<y>(?:19|20)\d0)s\b")
_D_YEAR = re.compile(rf"(?<![$€£¥#/])\b(?:(?P<edge>{_EDGE})[\s-]+)?(?P<y>{_YEAR})(?![-–,./]\d|%)")
#: "7/14/2025" is read month first, as US news writes it, unless the first number is > 12.
_D_NUMERIC = re.compile(
    r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>(?:19|20)\d{2}|\d{2})(?![\d/])"
)
_D_BARE_MONTH = re.compile(
    rf"(?i:\b(?P<prep>in|since|until|till|by|from|through|during|this|last|next)\s+)"
    rf"(?:(?P<edge>{_EDGE})[\s-]+)?(?P<m>{_MONTH_FULL})(?!\s+\d)"
)
_D_TODAY = re.compile(
    r"(?i)\b(?:(?P<pre>earlier|later)\s+)?(?P<w>today|tonight|yesterday|tomorrow)\b"
    r"|\bthis\s+(?:morning|afternoon|evening)\b|\b(?P<last>last\s+night)\b"
)
_D_AGO = re.compile(
    rf"(?i)\b(?:(?P<n>{_NUM}|an?|a\s+few|few|several|some)\s+)?"
    r"(?P<u>minute|hour|day|week|month|year)s?\s+ago\b"
)
_D_RELATIVE = re.compile(
    r"(?i)\b(?:(?P<pre>earlier|later|early|late|mid)[\s-]+)?"
    r"(?P<rel>this|last|next|past|coming)\s+(?P<u>week|month|year|quarter)\b"
)
#: Words that make a date a bound on when something happens rather than its time, and
#: the bound they set: "by 2028" (and "until", "through", "no later than") ends at the
#: date's last day, "before" ends the day before its first, "since" starts at its first
#: day, "after" the day after its last. The other end is open, so "by 2028" fits 2027.
_BOUNDS: dict[str, str] = {
    "by": "<=",
    "no later than": "<=",
    "until": "<=",
    "till": "<=",
    "through": "<=",
    "before": "<",
    "prior to": "<",
    "since": ">=",
    "after": ">",
}
_BOUND_BEFORE = re.compile(
    r"(?i)\b(?P<b>by|no\s+later\s+than|until|till|through|before|prior\s+to|since|after)"
    r"\s+(?:the\s+end\s+of\s+)?(?:the\s+)?$"
)
_D_WEEKDAY = re.compile(rf"\b(?:(?P<rel>(?i:last|next))\s+)?(?P<wd>{_WEEKDAY})\b(?!s\b)")

#: Granularity of a date, finest first; a relative date needs an anchor this fine.
_DAY_G, _MONTH_G, _QUARTER_G, _YEAR_G = 0, 2, 3, 4


def _month_end(year: int, month: int) -> date:
    nxt = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return nxt - timedelta(days=1)


def _month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), _month_end(year, month)


def _year_span(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def _quarter_span(year: int, q: int) -> tuple[date, date]:
    return date(year, 3 * q - 2, 1), _month_end(year, 3 * q)


def _half_span(year: int, h: int) -> tuple[date, date]:
    return date(year, 6 * h - 5, 1), _month_end(year, 6 * h)


def _day_span(anchor: date, days: int = 0) -> tuple[date, date]:
    d = anchor + timedelta(days=days)
    return d, d


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _edge(span: tuple[date, date], edge: str | None) -> tuple[date, date]:
    """Narrow a period to its early (first 40%), mid (30-70%) or late (last 40%) part.

    The parts overlap so that "mid-2025" and "early 2025" can both describe April; for a
    year they are whole months: January-May, April-September and August-December.
    """
    if not edge:
        return span
    a, b = span
    edge = edge.lower()
    if (a.month, a.day, b.month, b.day) == (1, 1, 12, 31) and a.year == b.year:
        first, last = {"early": (1, 5), "mid": (4, 9)}.get(edge, (8, 12))
        return date(a.year, first, 1), _month_end(a.year, last)
    n = (b - a).days + 1
    if edge == "early":
        return a, a + timedelta(days=round(n * 0.4) - 1)
    if edge == "mid":
        return a + timedelta(days=round(n * 0.3)), a + timedelta(days=round(n * 0.7) - 1)
    return a + timedelta(days=round(n * 0.6)), b


def _granularity(span: tuple[date, date]) -> int | None:
    a, b = span
    if a == b:
        return _DAY_G
    if (a.year, a.month) == (b.year, b.month):
        return _MONTH_G
    if a.year == b.year and (a.month - 1) // 3 == (b.month - 1) // 3:
        return _QUARTER_G
    return _YEAR_G if a.year == b.year else None


def _date_norm(a: date, b: date) -> str:
    """ISO text for a day span: ``2025-07-14``, ``2025-06``, ``2025``, ``2025-Q2``,
    ``2025-W31``, ``2020/2024``, else ``<first>/<last>``."""
    if a == b:
        return a.isoformat()
    whole_months = a.day == 1 and b == _month_end(b.year, b.month)
    if whole_months and (a.year, a.month) == (b.year, b.month):
        return f"{a:%Y-%m}"
    if whole_months and a.year == b.year:
        if (a.month, b.month) == (1, 12):
            return str(a.year)
        if a.month % 3 == 1 and b.month == a.month + 2:
            return f"{a.year}-Q{a.month // 3 + 1}"
        if a.month in (1, 7) and b.month == a.month + 5:
            return f"{a.year}-H{1 if a.month == 1 else 2}"
    if whole_months and (a.month, b.month) == (1, 12):
        return f"{a.year}/{b.year}"
    if a.weekday() == 0 and b - a == timedelta(days=6):
        iso = a.isocalendar()
        return f"{iso.year}-W{iso.week:02d}"
    if whole_months:
        return f"{a:%Y-%m}/{b:%Y-%m}"
    return f"{a.isoformat()}/{b.isoformat()}"


def _full_year(text: str, base: int | None = None) -> int:
    """A four-digit year; a two-digit one ("'25", "2023-24") joins the century of ``base``."""
    y = int(text)
    if y >= 100:
        return y
    century = (base // 100) * 100 if base else 2000
    return century + y


_YearFn = Callable[[int], tuple[date, date]]
_RelFn = Callable[[date], tuple[date, date]]


@dataclass(frozen=True, slots=True)
class _DateHit:
    """A date found in the text, before it is resolved against an anchor.

    Exactly one of ``span`` (explicit), ``by_year`` (a year from context completes it) or
    ``relative`` (an anchor date resolves it) is set. ``forward`` is the reading of a
    relative date in a clause about the future ("will vote on Thursday"), when it differs.
    """

    start: int
    end: int
    span: tuple[date, date] | None = None
    by_year: _YearFn | None = None
    relative: _RelFn | None = None
    forward: _RelFn | None = None
    need: int = _DAY_G
    partial_norm: str = ""
    qualifier: str | None = None
    bare_year: bool = False
    bound: str | None = None  # "<=" for "by 2028", ">=" for "since 2019", see _BOUNDS


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _day_of(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _month_of(text: str) -> int:
    return _MONTHS[text.rstrip(".").lower()]


def _days_hit(
    m: re.Match[str], start: int, end: int, parts: Sequence[tuple[int, int]]
) -> _DateHit | None:
    """A hit for one day or a day range given ``(month, day)`` pairs and an optional year."""
    y = m["y"]

    def build(year: int) -> tuple[date, date]:
        days = [_safe_date(year, mo, d) for mo, d in parts]
        first, last = days[0], days[-1]
        if first is None or last is None or last < first:
            raise ValueError("not a calendar date")
        return first, last

    norm = "/".join(f"--{mo:02d}-{d:02d}" for mo, d in dict.fromkeys(parts))
    if y is not None:
        try:
            return _DateHit(start, end, span=build(int(y)))
        except ValueError:
            return None
    try:
        build(2024)  # a leap year, so "February 29" passes
    except ValueError:
        return None
    return _DateHit(start, end, by_year=build, partial_norm=norm)


def _absolute_hits(text: str) -> Iterator[_DateHit]:
    """Calendar dates in ``text``, longest forms first (callers drop overlaps)."""
    for m in _D_MD_RANGE.finditer(text):
        m1 = _month_of(m["m1"])
        m2 = _month_of(m["m2"]) if m["m2"] else m1
        hit = _days_hit(m, m.start(), m.end(), [(m1, _day_of(m["d1"])), (m2, _day_of(m["d2"]))])
        if hit:
            yield hit
    for m in _D_DM_RANGE.finditer(text):
        mo = _month_of(m["m1"])
        hit = _days_hit(m, m.start(), m.end(), [(mo, _day_of(m["d1"])), (mo, _day_of(m["d2"]))])
        if hit:
            yield hit
    yield from _month_range_hits(text)
    for m in _D_ISO.finditer(text):
        d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
        if d:
            yield _DateHit(m.start(), m.end(), span=(d, d))
    for m in _D_NUMERIC.finditer(text):
        a, b = int(m["a"]), int(m["b"])
        month, day = (b, a) if a > 12 else (a, b)
        d = _safe_date(_full_year(m["y"]), month, day) if month <= 12 else None
        if d:
            yield _DateHit(m.start(), m.end(), span=(d, d))
    for m in _D_MDY.finditer(text):
        hit = _days_hit(m, m.start(), m.end(), [(_month_of(m["m"]), _day_of(m["d"]))])
        if hit:
            yield hit
    for m in _D_DMY.finditer(text):
        hit = _days_hit(m, m.start(), m.end(), [(_month_of(m["m"]), _day_of(m["d"]))])
        if hit:
            yield hit
    for m in _D_MY.finditer(text):
        yield _DateHit(
            m.start(),
            m.end(),
            span=_edge(_month_span(int(m["y"]), _month_of(m["m"])), m["edge"]),
            qualifier=m["edge"].lower() if m["edge"] else None,
        )
    yield from _quarter_hits(text)
    for m in _D_YEAR_RANGE.finditer(text):
        if _joins_two_dates(m):
            continue
        y1 = int(m["y1"])
        y2 = _full_year(m["y2"] or m["y3"], y1)
        if y1 < y2 <= y1 + 100:
            yield _DateHit(m.start(), m.end(), span=(date(y1, 1, 1), date(y2, 12, 31)))
    for m in _D_DECADE.finditer(text):
        y = int(m["y"])
        yield _DateHit(m.start(), m.end(), span=(date(y, 1, 1), date(y + 9, 12, 31)))
    for m in _D_YEAR.finditer(text):
        edge = m["edge"].lower() if m["edge"] else None
        span = _edge(_year_span(int(m["y"])), edge)
        yield _DateHit(m.start(), m.end(), span=span, qualifier=edge, bare_year=edge is None)
    for m in _D_BARE_MONTH.finditer(text):
        yield from _bare_month_hit(m)


def _joins_two_dates(m: re.Match[str]) -> bool:
    """ "2020 and 2024" names two dates; only "between 2020 and 2024" is a range."""
    conn = (m["conn"] or "").lower()
    return conn == "and" and (m["prep"] or "").lower() != "between"


def _month_range_hits(text: str) -> Iterator[_DateHit]:
    """ "from May to September": one span from the first month's first day to the second
    month's last. A range that wraps ("November to February") ends in the next year; a
    year written on either end fixes both, else the range takes its year from context."""
    for m in _D_MONTH_RANGE.finditer(text):
        if _joins_two_dates(m):
            continue
        m1, m2 = _month_of(m["m1"]), _month_of(m["m2"])
        wraps = int(m2 < m1)

        def build(year: int, m1: int = m1, m2: int = m2, wraps: int = wraps) -> tuple[date, date]:
            return date(year, m1, 1), _month_end(year + wraps, m2)

        if m["y1"] or m["y2"]:
            first = int(m["y1"]) if m["y1"] else int(m["y2"]) - wraps
            last = int(m["y2"]) if m["y2"] else first + wraps
            if (last, m2) > (first, m1):
                yield _DateHit(m.start(), m.end(), span=(date(first, m1, 1), _month_end(last, m2)))
            continue
        yield _DateHit(m.start(), m.end(), by_year=build, partial_norm=f"--{m1:02d}/--{m2:02d}")


def _quarter_hits(text: str) -> Iterator[_DateHit]:
    ordinals = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2}
    ordinals |= {"3rd": 3, "4th": 4}
    for m in _D_QUARTER.finditer(text):
        q = int(m["q"]) if m["q"] else ordinals[m["ord"].lower()]
        yield _year_or_context(m, partial(_quarter_span, q=q), f"--Q{q}")
    for m in _D_HALF.finditer(text):
        h = int(m["h"]) if m["h"] else ordinals[m["ord"].lower()]
        yield _year_or_context(m, partial(_half_span, h=h), f"--H{h}")


def _year_or_context(m: re.Match[str], build: _YearFn, partial: str) -> _DateHit:
    if m["y"]:
        return _DateHit(m.start(), m.end(), span=build(_full_year(m["y"])))
    return _DateHit(m.start(), m.end(), by_year=build, partial_norm=partial)


def _bare_month_hit(m: re.Match[str]) -> Iterator[_DateHit]:
    """ "in June", "last March": a month with its year from context or relative."""
    month = _month_of(m["m"])
    edge = m["edge"].lower() if m["edge"] else None
    start = m.start("edge") if m["edge"] else m.start("m")
    prep = m["prep"].lower()
    if prep in ("last", "next"):
        step = -1 if prep == "last" else 1

        def rel(anchor: date) -> tuple[date, date]:
            y, mo = anchor.year, anchor.month
            while True:
                y, mo = _shift_month(y, mo, step)
                if mo == month:
                    return _edge(_month_span(y, mo), edge)

        yield _DateHit(m.start("prep"), m.end(), relative=rel, need=_MONTH_G, qualifier=edge)
        return
    yield _DateHit(
        start,
        m.end(),
        by_year=lambda y: _edge(_month_span(y, month), edge),
        partial_norm=f"--{month:02d}",
        qualifier=edge,
    )


def _relative_hits(text: str) -> Iterator[_DateHit]:
    """Dates that need an anchor: today, N days ago, next year, Wednesday."""
    for m in _D_TODAY.finditer(text):
        word = "yesterday" if m["last"] else (m["w"] or "today").lower()
        shift = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
        yield _DateHit(m.start(), m.end(), relative=partial(_day_span, days=shift))
    for m in _D_AGO.finditer(text):
        hit = _ago_hit(m)
        if hit:
            yield hit
    for m in _D_RELATIVE.finditer(text):
        yield _period_hit(m)
    for m in _D_WEEKDAY.finditer(text):
        wd = _WEEKDAYS.index(m["wd"].lower())
        rel = (m["rel"] or "").lower()

        def back(a: date, wd: int = wd, rel: str = rel) -> tuple[date, date]:
            days = (a.weekday() - wd) % 7 or (7 if rel == "last" else 0)
            return _day_span(a, -days)

        def ahead(a: date, wd: int = wd, rel: str = rel) -> tuple[date, date]:
            days = (wd - a.weekday()) % 7 or (7 if rel == "next" else 0)
            return _day_span(a, days)

        if rel:  # "last Monday", "next Monday" say the direction themselves
            yield _DateHit(m.start(), m.end(), relative=back if rel == "last" else ahead)
        else:
            yield _DateHit(m.start(), m.end(), relative=back, forward=ahead)


def _ago_hit(m: re.Match[str]) -> _DateHit | None:
    unit = m["u"].lower()
    raw = (m["n"] or "").lower()
    start = m.start("n") if m["n"] else m.start("u")
    if unit in ("minute", "hour"):
        return _DateHit(start, m.end(), relative=lambda a: (a, a))
    number = _parse_number(raw) if raw and raw not in ("a few", "few", "several", "some") else None
    if number is None or number.value != number.value.to_integral_value():
        return None  # "days ago", "a few weeks ago": too vague to place
    n = int(number.value)
    if unit == "day":
        return _DateHit(start, m.end(), relative=lambda a: (a - timedelta(n), a - timedelta(n)))
    if unit == "week":

        def weeks(a: date) -> tuple[date, date]:
            monday = a - timedelta(days=a.weekday() + 7 * n)
            return monday, monday + timedelta(days=6)

        return _DateHit(start, m.end(), relative=weeks)
    if unit == "month":
        return _DateHit(
            start,
            m.end(),
            relative=lambda a: _month_span(*_shift_month(a.year, a.month, -n)),
            need=_MONTH_G,
        )
    return _DateHit(start, m.end(), relative=lambda a: _year_span(a.year - n), need=_YEAR_G)


def _period_hit(m: re.Match[str]) -> _DateHit:
    """ "this week", "last month", "earlier this year", "early next year", "the past week"."""
    unit, rel = m["u"].lower(), m["rel"].lower()
    pre = m["pre"].lower() if m["pre"] else None
    delta = {"this": 0, "last": -1, "next": 1, "coming": 1, "past": 0}[rel]
    need = {"week": _DAY_G, "month": _MONTH_G, "quarter": _QUARTER_G, "year": _YEAR_G}[unit]
    if rel in ("past", "coming") or pre in ("earlier", "later"):
        need = _DAY_G

    def period(a: date) -> tuple[date, date]:
        if unit == "week":
            monday = a - timedelta(days=a.weekday()) + timedelta(weeks=delta)
            span = (monday, monday + timedelta(days=6))
        elif unit == "month":
            span = _month_span(*_shift_month(a.year, a.month, delta))
        elif unit == "quarter":
            y, mo = _shift_month(a.year, a.month, 3 * delta)
            span = _quarter_span(y, (mo - 1) // 3 + 1)
        else:
            span = _year_span(a.year + delta)
        if rel == "past":
            length = {"week": 7, "month": 30, "quarter": 91, "year": 365}[unit]
            return a - timedelta(days=length), a
        if rel == "coming":
            length = {"week": 7, "month": 30, "quarter": 91, "year": 365}[unit]
            return a, a + timedelta(days=length)
        if pre == "earlier":
            return span[0], a
        if pre == "later":
            return a, span[1]
        return _edge(span, pre)

    return _DateHit(
        m.start(),
        m.end(),
        relative=period,
        need=need,
        qualifier=pre if pre in ("early", "mid", "late") else None,
    )


# --------------------------------------------------------------------------------------
# Entities
# --------------------------------------------------------------------------------------

_ENTITY_KINDS: dict[str, ValueKind] = {
    "PERSON": ValueKind.PERSON,
    "ORG": ValueKind.ORG,
    "GPE": ValueKind.PLACE,
    "LOC": ValueKind.PLACE,
    "FAC": ValueKind.PLACE,
    "PRODUCT": ValueKind.PRODUCT,
    "WORK_OF_ART": ValueKind.PRODUCT,
}
_NAME_KINDS = frozenset(_ENTITY_KINDS.values())
#: Kinds spaCy confuses with one another ("Scale AI" as GPE, "OpenAI" as PERSON or GPE).
_NON_PERSON_KINDS = frozenset({ValueKind.ORG, ValueKind.PLACE, ValueKind.PRODUCT})
#: Words spaCy tags as entities that name nothing in particular ("AI" as GPE, everywhere).
_NOT_NAMES = frozenset({"ai", "agi", "ceo", "cfo", "cto", "llm", "llms", "gpu", "gpus"})
_LEGAL_SUFFIXES = frozenset(
    {"inc", "incorporated", "corp", "corporation", "co", "ltd", "limited", "llc", "plc"}
    | {"ag", "sa", "s.a", "nv", "n.v", "gmbh", "se", "lp", "llp"}
)
#: Descriptors dropped when a legal suffix follows them ("Meta Platforms Inc." -> meta).
_COMPANY_DESCRIPTORS = frozenset({"platforms", "technologies", "holdings", "group", "company"})
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
_EDGE_PUNCT = "\"“”‘’'()[],;:!?«» \t"
_PRODUCT_VERSION = re.compile(
    r"(?<![\w-])(?P<name>(?:[A-Z]|i[A-Z])[A-Za-z]*[A-Za-z])(?:[- ]?)"
    r"(?P<ver>\d{1,3}(?:\.\d{1,2})?[a-z]?)(?![\w-]|[.,]\d)"
)
_NOT_PRODUCT_NAMES = frozenset(
    {m.capitalize() for m in _MONTHS}
    | {w.capitalize() for w in _WEEKDAYS}
    | {"COVID", "Covid", "Section", "Article", "Chapter", "Title", "Rule", "Phase", "Level"}
    | {"Stage", "Room", "Gate", "Route", "Highway", "Interstate", "No", "Number", "Page"}
    | {"Part", "Vol", "Top", "Item", "Table", "Figure", "Fig", "Day", "Week", "Year", "FY"}
    | {"Class", "Category", "Grade", "Zone", "Block", "Unit", "Floor", "Act", "In", "On"}
)


#: A version number after a model word ("Max 9").
_VERSION = re.compile(r"\d{1,3}(?:\.\d{1,2})?[a-z]?")
_SAINT = re.compile(r"(?:St\.?|Saint|Ste\.?)\s+[A-Z]")
_SAINT_POSSESSIVE = re.compile(r"(?P<pos>['’]s)(?:\s+(?P<noun>[A-Za-z]+))?")
#: Nouns after a saint's possessive that make it an institution ("St. Luke's hospital").
_FACILITY_NOUNS = frozenset(
    {"hospital", "clinic", "infirmary", "school", "academy", "college", "university"}
    | {"church", "cathedral", "chapel", "basilica", "abbey", "parish", "park", "square"}
    | {"hall", "home", "center", "centre", "medical", "cemetery", "stadium"}
)
#: A person's roles: an unlabelled name with one of these as an appositive is a person
#: ("Ana Ruiz, the city's mayor"). Only roles an organisation cannot hold.
_PERSON_ROLES = frozenset(
    {"mayor", "spokesperson", "spokeswoman", "spokesman", "president", "chairman"}
    | {"chairwoman", "director", "minister", "governor", "senator", "councillor", "councilor"}
    | {"councilman", "councilwoman", "commissioner", "secretary", "chief", "executive"}
    | {"founder", "cofounder", "co-founder", "manager", "professor", "economist", "analyst"}
    | {"researcher", "scientist", "engineer", "lawyer", "attorney", "judge", "resident"}
    | {"superintendent", "inspector", "sheriff", "captain", "coach", "author", "editor"}
    | {"reporter", "doctor", "nurse", "teacher", "student", "lawmaker", "legislator"}
    | {"prosecutor", "official", "officer", "deputy", "representative", "mother", "father"}
    | {"wife", "husband", "son", "daughter", "widow", "owner", "driver", "victim", "suspect"}
)


def _entity_norm(name: str) -> str:
    """Canonical entity name: lower case, no possessive, no leading "the", no "Inc."."""
    return " ".join(_entity_norm_words(name, fold=True))


def _entity_norm_words(name: str, *, fold: bool) -> list[str]:
    """The words of :func:`_entity_norm`, lower-cased only with ``fold``: the words as
    written ("The FAA's" -> ["FAA"]) for the acronym rule, which reads capitals."""
    s = name.replace("’", "'").strip(_EDGE_PUNCT)
    s = _POSSESSIVE.sub("", s).strip(_EDGE_PUNCT)
    words = [_POSSESSIVE.sub("", w) for w in (s.lower() if fold else s).replace(",", " ").split()]
    if len(words) > 1 and words[0].lower() == "the":
        words = words[1:]
    stripped = False
    while len(words) > 1 and words[-1].rstrip(".").lower() in _LEGAL_SUFFIXES:
        words, stripped = words[:-1], True
    if stripped and len(words) > 1 and words[-1].lower() in _COMPANY_DESCRIPTORS:
        words = words[:-1]
    return [w for w in words if w]


def _name_tokens(norm: str) -> frozenset[str]:
    return frozenset(w for w in re.split(r"[\s\-]+", norm) if w)


#: Function words an acronym may leave out ("NYPD" for "New York Police Department" has
#: none, "FBI" drops no word, "BoE" keeps the "of" of "Bank of England", "DOJ" drops it).
_ACRONYM_SKIPPED = frozenset({"of", "and", "for", "the", "on", "in", "&", "de"})


def _is_acronym(short: str, long: str) -> bool:
    """Whether ``short`` is one word spelling the initials of ``long``'s words (two or
    more), with or without its function words: "FAA" and "Federal Aviation
    Administration", "NYPD" and "New York Police Department", "U.S." and "United States",
    "BoE" and "Bank of England".

    The rule reads case when it has it. A name written with a capital letter is as
    written, and an acronym must then be written in capitals: every letter upper case, or
    ("BoE") upper case for the initials of content words and any case for those of
    :data:`_ACRONYM_SKIPPED`, so "Ng" is no acronym of "Nancy Grant" nor "Ed" of "Emily
    Davis". Two names with no capital at all are normalised names (``Value.norm``) whose
    case is lost, and are matched on the letters alone; callers that hold the written
    names should pass them (:func:`compatible` does)."""
    shorts = _entity_norm_words(short, fold=False)
    words = [w for n in _entity_norm_words(long, fold=False) for w in n.split("-") if w]
    if len(shorts) != 1 or len(words) < 2:
        return False
    word = shorts[0].replace(".", "")
    if len(word) < 2 or not word.isalpha():
        return False
    cased = any(c.isupper() for c in short + long)
    lower = [w.lower() for w in words]
    content = "".join(w[0] for w in lower if w not in _ACRONYM_SKIPPED)
    every = "".join(w[0] for w in lower)
    if word.lower() == content and (not cased or word.isupper()):
        return True
    if word.lower() != every:
        return False
    if not cased:
        return True
    return sum(c.isupper() for c in word) >= 2 and all(
        c.isupper() for c, w in zip(word, lower, strict=True) if w not in _ACRONYM_SKIPPED
    )


def same_name(a: str, b: str, *, acronyms: bool = True) -> bool:
    """Same name, one name's tokens a subset of the other's ("zuckerberg" and "mark
    zuckerberg"), or, with ``acronyms``, one the acronym of the other ("FAA" and "Federal
    Aviation Administration", see :func:`_is_acronym`: written in capitals when the names
    carry case). Takes names as written or normalised (``Value.norm``). Pass
    ``acronyms=False`` for people: a person's surname is no acronym of another person's
    name, whatever its case ("ng" and "nancy grant")."""
    ta, tb = _name_tokens(a.casefold()), _name_tokens(b.casefold())
    if not ta or not tb:
        return False
    if ta <= tb or tb <= ta:
        return True
    return acronyms and (_is_acronym(a, b) or _is_acronym(b, a))


#: Places of a known granularity, for :func:`maybe_contains`: countries (with the short
#: names news uses), US states and larger regions. General data, never story data.
_COUNTRIES = frozenset(
    {"afghanistan", "albania", "algeria", "andorra", "angola", "argentina", "armenia"}
    | {"australia", "austria", "azerbaijan", "bahamas", "bahrain", "bangladesh", "barbados"}
    | {"belarus", "belgium", "belize", "benin", "bhutan", "bolivia", "bosnia", "botswana"}
    | {"brazil", "brunei", "bulgaria", "burkina faso", "burundi", "cambodia", "cameroon"}
    | {"canada", "chad", "chile", "china", "colombia", "congo", "costa rica", "croatia"}
    | {"cuba", "cyprus", "czech republic", "czechia", "denmark", "djibouti", "dominica"}
    | {"dominican republic", "ecuador", "egypt", "el salvador", "eritrea", "estonia"}
    | {"eswatini", "ethiopia", "fiji", "finland", "france", "gabon", "gambia", "georgia"}
    | {"germany", "ghana", "greece", "grenada", "guatemala", "guinea", "guyana", "haiti"}
    | {"honduras", "hungary", "iceland", "india", "indonesia", "iran", "iraq", "ireland"}
    | {"israel", "italy", "ivory coast", "jamaica", "japan", "jordan", "kazakhstan", "kenya"}
    | {"kosovo", "kuwait", "kyrgyzstan", "laos", "latvia", "lebanon", "lesotho", "liberia"}
    | {"libya", "liechtenstein", "lithuania", "luxembourg", "madagascar", "malawi"}
    | {"malaysia", "maldives", "mali", "malta", "mauritania", "mauritius", "mexico"}
    | {"moldova", "monaco", "mongolia", "montenegro", "morocco", "mozambique", "myanmar"}
    | {"namibia", "nepal", "netherlands", "new zealand", "nicaragua", "niger", "nigeria"}
    | {"north korea", "north macedonia", "norway", "oman", "pakistan", "palestine", "panama"}
    | {"papua new guinea", "paraguay", "peru", "philippines", "poland", "portugal", "qatar"}
    | {"romania", "russia", "rwanda", "samoa", "san marino", "saudi arabia", "senegal"}
    | {"serbia", "seychelles", "sierra leone", "singapore", "slovakia", "slovenia"}
    | {"somalia", "south africa", "south korea", "south sudan", "spain", "sri lanka", "sudan"}
    | {"suriname", "sweden", "switzerland", "syria", "taiwan", "tajikistan", "tanzania"}
    | {"thailand", "togo", "tonga", "trinidad and tobago", "tunisia", "turkey", "turkiye"}
    | {"turkmenistan", "uganda", "ukraine", "united arab emirates", "uae", "united kingdom"}
    | {"uk", "u.k.", "britain", "great britain", "united states", "us", "u.s.", "usa"}
    | {"u.s.a.", "america", "united states of america", "uruguay", "uzbekistan", "vanuatu"}
    | {"vatican", "venezuela", "vietnam", "yemen", "zambia", "zimbabwe", "korea", "holland"}
)
_US_NAMES = frozenset(
    {"united states", "us", "u.s.", "usa", "u.s.a.", "america", "united states of america"}
)
_UK_NAMES = frozenset({"united kingdom", "uk", "u.k.", "britain", "great britain"})
_US_STATES = frozenset(
    {"alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut"}
    | {"delaware", "florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa"}
    | {"kansas", "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan"}
    | {"minnesota", "mississippi", "missouri", "montana", "nebraska", "nevada"}
    | {"new hampshire", "new jersey", "new mexico", "new york", "north carolina"}
    | {"north dakota", "ohio", "oklahoma", "oregon", "pennsylvania", "rhode island"}
    | {"south carolina", "south dakota", "tennessee", "texas", "utah", "vermont", "virginia"}
    | {"washington", "west virginia", "wisconsin", "wyoming", "puerto rico"}
)
#: Parts of a country that news names like places of their own, with the names of the
#: country that holds them: the US states, the nations of the UK, a few large provinces.
_SUBDIVISIONS: dict[str, frozenset[str]] = {
    **dict.fromkeys(_US_STATES, _US_NAMES),
    **dict.fromkeys(("england", "scotland", "wales", "northern ireland"), _UK_NAMES),
    **dict.fromkeys(("quebec", "ontario", "british columbia", "alberta"), frozenset({"canada"})),
    "bavaria": frozenset({"germany"}),
    "catalonia": frozenset({"spain"}),
    "siberia": frozenset({"russia"}),
}
#: Regions larger than a country, or across countries: they may contain any other place.
_REGIONS = frozenset(
    {"europe", "asia", "africa", "north america", "south america", "latin america"}
    | {"central america", "oceania", "antarctica", "middle east", "the gulf", "scandinavia"}
    | {"balkans", "caribbean", "southeast asia", "east asia", "south asia", "central asia"}
    | {"eastern europe", "western europe", "midwest", "new england", "west coast"}
    | {"east coast", "pacific northwest", "sahel", "european union", "eu", "patagonia"}
)


def maybe_contains(a: str, b: str) -> bool:
    """Whether one of two place names may lie inside the other, so that two sources naming
    them for one event need not contradict each other ("in Manhattan" / "in New York",
    "held in Paris" / "held in France").

    Conservative and list-based, from general data only (:data:`_COUNTRIES`,
    :data:`_SUBDIVISIONS`, :data:`_REGIONS`): True when either name is a country, a US
    state (or another listed part of a country) or a larger region, and the other is a
    place of unknown size, a region, or the country that holds the part ("Texas" /
    "United States"). False for two places at one level ("France" / "Germany", "Texas" /
    "Ohio"), a part and another country ("Scotland" / "France"), two places of unknown
    size (most often two cities: "Paris" / "Berlin") and two aliases of one place (see
    :func:`same_name`).

    >>> maybe_contains("Manhattan", "New York"), maybe_contains("Paris", "Berlin")
    (True, False)
    """
    na = _entity_norm(a).removeprefix("the ")
    nb = _entity_norm(b).removeprefix("the ")
    if not na or not nb or same_name(na, nb):
        return False

    def levels(n: str) -> set[str]:
        return {
            level
            for level, names in (
                ("country", _COUNTRIES),
                ("part", _SUBDIVISIONS),
                ("region", _REGIONS),
            )
            if n in names
        }

    la, lb = levels(na), levels(nb)
    if not la and not lb:
        return False
    if not la or not lb or "region" in la | lb:
        return True
    # Only a part and the country that holds it ("Texas" / "United States"); two
    # countries, two states, or a state and another country are one level apart at most.
    return nb in _SUBDIVISIONS.get(na, frozenset()) or na in _SUBDIVISIONS.get(nb, frozenset())


# --------------------------------------------------------------------------------------
# Extraction
# --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Context:
    text: str
    tokens: tuple[Token, ...]
    entities: tuple[Entity, ...]
    published: date | None


class _Claims:
    """Character spans already taken by a value; later finders may not overlap them."""

    __slots__ = ("spans",)

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []

    def free(self, start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in self.spans)

    def take(self, start: int, end: int) -> None:
        self.spans.append((start, end))


def _token_at(ctx: _Context, pos: int) -> int | None:
    """Index of the first token starting at or after ``pos``."""
    return next((i for i, t in enumerate(ctx.tokens) if t.start >= pos), None)


def _span_root(ctx: _Context, start: int, end: int) -> int | None:
    """The token of a span whose head lies outside it (the span's syntactic head)."""
    inside = [i for i, t in enumerate(ctx.tokens) if t.start >= start and t.end <= end]
    if not inside:
        inside = [i for i, t in enumerate(ctx.tokens) if t.start <= start < t.end]
    members = set(inside)
    for i in inside:
        head = ctx.tokens[i].head
        if head not in members or head == i:
            return i
    return inside[0] if inside else None


def _ancestors(ctx: _Context, i: int) -> list[int]:
    chain = [i]
    while 0 <= ctx.tokens[i].head < len(ctx.tokens) and ctx.tokens[i].head not in chain:
        i = ctx.tokens[i].head
        chain.append(i)
    return chain


def _roots(ctx: _Context, first: _DateHit, second: _DateHit) -> tuple[int, int] | None:
    a = _span_root(ctx, first.start, first.end)
    b = _span_root(ctx, second.start, second.end)
    return None if a is None or b is None else (a, b)


#: Prepositions whose noun is the occasion of the verb they attach to: in "In a 2024
#: letter, Zuckerberg wrote" or "During the 2024 campaign, she promised", the noun's date
#: is the verb's date.
_SETTING_PREPOSITIONS = frozenset({"in", "during", "at", "throughout"})
#: Words that put what follows them at another moment than their verb's: a comparison
#: ("up *from* 9% in 2024", "*compared* with 2% in 2023") or an offset ("two weeks *after*
#: a fire on February 20", "*before* the vote on Monday").
_OFFSET_WORDS = frozenset(
    {"from", "after", "before", "since", "until", "following", "than", "versus", "vs", "vs."}
    | {"compared", "comparing", "prior", "ahead"}
)
#: Links by which a clause is embedded in another whose date it shares: reported speech
#: ("said on Monday that it would reopen Wednesday"), a complement ("plans to open next
#: year") or an adverbial clause ("Starting next year, we expect"), but not one
#: introduced by an offset word ("after it closed in 2021").
_EMBEDDING_DEPS = frozenset({"ccomp", "xcomp", "advcl", "parataxis"})
_PREDICATE_POS = frozenset({"VERB", "AUX"})
_NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})


def _predicate(ctx: _Context, i: int) -> int | None:
    """The verb whose event the date at token ``i`` dates, or None when it dates something
    else.

    The walk climbs from the date through its direct adjuncts ("on Monday", "last year",
    "in June") to the first verb; that verb may itself be a reduced relative clause or a
    clause of a noun ("The dam, *built* in 1958, ..."), which then is the predicate. It
    stops with None at a noun: a date that modifies a noun ("the 2019 agreement",
    "Monday's crash") or is the object of a noun's preposition ("a fire on February 20",
    "a storm in January") dates that noun, except when the noun is the occasion of its
    verb (:data:`_SETTING_PREPOSITIONS`: "In a 2024 letter, Zuckerberg wrote"). It also
    stops at an offset word (:data:`_OFFSET_WORDS`) above the date's own preposition: in
    "up from 9% in 2024" the year dates the earlier figure.
    """
    toks = ctx.tokens
    own = i
    for _ in range(len(toks)):
        tok = toks[i]
        h = tok.head
        if h == i or not 0 <= h < len(toks):
            return None  # the root of a verbless sentence
        head = toks[h]
        if head.pos in _PREDICATE_POS:
            return h
        if head.pos in _NOMINAL_POS:
            if head.dep == "pobj" and 0 <= head.head < len(toks):
                prep = toks[head.head]
                verb = prep.head
                setting = prep.text.lower() in _SETTING_PREPOSITIONS
                if setting and 0 <= verb < len(toks) and toks[verb].pos in _PREDICATE_POS:
                    return verb
            return None
        if head.text.lower() in _OFFSET_WORDS and i != own:
            return None
        i = h
    return None


def _embedding_verbs(ctx: _Context, verb: int) -> list[int]:
    """``verb`` and the verbs whose clauses embed its own (see :data:`_EMBEDDING_DEPS`)."""
    toks = ctx.tokens
    chain = [verb]
    while toks[verb].dep in _EMBEDDING_DEPS and toks[verb].head != verb:
        if any(
            t.head == verb and t.dep in ("mark", "prep") and t.text.lower() in _OFFSET_WORDS
            for t in toks
        ):
            break  # "five years after it closed in 2021"
        verb = toks[verb].head
        if verb in chain:
            break
        chain.append(verb)
    return chain


def _anchors(ctx: _Context, anchor: _DateHit, target: _DateHit) -> bool:
    """Whether ``anchor`` dates ``target``'s event, so that it may resolve a relative date
    ("next year") or complete a year-less one ("March 3") there.

    Both dates must attach to the same verb through direct adjuncts (see
    :func:`_predicate`), or ``target``'s clause be embedded in ``anchor``'s (reported
    speech: "said on Monday that it would reopen Wednesday"). So the date of a reduced
    relative clause ("Meta, founded in 2004, said last year"), of an appositive, of a noun
    ("The 2019 trade agreement expired last year"), of a clause joined by "and" ("opened in
    2019 and expanded last year") or of an offset ("reopened on Monday, two weeks after a
    fire on February 20") anchors nothing else. Without a parse every date counts.
    """
    roots = _roots(ctx, anchor, target)
    if roots is None:
        return True
    a, t = (_predicate(ctx, r) for r in roots)
    return a is not None and t is not None and a in _embedding_verbs(ctx, t)


#: A date right after the earlier figure of a comparison: "up from 9% in 2024", "from
#: 2,500 in 2024", "compared with 2% in 2023", "after a 9% rise in 2024". It dates that
#: figure and anchors nothing, whatever the parse attaches it to.
_COMPARED_DATE_BEFORE = re.compile(
    r"(?i)\b(?:(?:up|down)\s+from|compared\s+(?:with|to)|versus|vs\.?|from|after|following)"
    rf"\s+(?:an?\s+)?(?:[$€£¥]\s?)?{_NUM}(?:bn|mn|m|k)?(?:\s*%|\s+(?:percent|per\s*cent)\b)?"
    r"(?:[\s-]+(?!(?:to|and|in|on|at|during|for)\b)[A-Za-z]+){0,2}"
    r"(?:\s+(?:in|during|on|at|for))?\s+$"
)


def _compared_date(ctx: _Context, hit: _DateHit) -> bool:
    return _COMPARED_DATE_BEFORE.search(ctx.text, max(0, hit.start - 80), hit.start) is not None


_PAST, _PRESENT, _FUTURE = "past", "present", "future"
_NOUN_MODIFIER_DEPS = frozenset({"poss", "compound", "nmod", "amod"})
#: Verbs and adjectives whose present tense puts their clause's date ahead: "is scheduled
#: for", "is set for", "is slated for", "is due in", "is expected to", "plans to".
_SCHEDULED = frozenset({"schedule", "set", "slate", "due", "expect", "plan", "intend", "poise"})


#: Reporting verbs (lemmas): a present clause they report keeps its own tense ("the trial
#: begins Monday, he said"), unlike one that hangs on another past verb (see :func:`_tense`).
_REPORTING_LEMMAS = frozenset(
    {"say", "tell", "announce", "report", "add", "state", "note", "confirm", "claim", "write",
     "explain", "warn", "insist", "argue", "testify", "predict", "caution", "acknowledge"}
)  # fmt: skip


def _tense(ctx: _Context, hit: _DateHit) -> str | None:
    """The tense of the clause a date sits in: past, present, future, or None if unknown.

    Read from the governing verb's auxiliaries. Future: a modal ("will vote", "would
    reopen", "could close"; "would have closed" is past), "going to", the present
    progressive ("is meeting on Thursday"), a scheduling word in the present ("is
    scheduled for", "is due in", "plans to"), or an infinitive under a present or future
    verb ("wants to open in March"). Past: a past-tense verb or auxiliary, the present
    perfect ("has closed"), a bare participle ("the plan, announced Monday"), or a verb the
    parser misread as an adjective of a verbless sentence's root (:func:`_misparsed_past`).
    Present: other present-tense verbs ("the trial begins Monday"), unless the clause hangs
    on a past-tense verb that is not a reporting verb (:data:`_REPORTING_LEMMAS`): "the
    sentence Marsh *gave* Vail on Wednesday *falls* between ..." (the parser hangs "falls"
    and its date on "gave") tells of the past event, while "the trial begins Monday, he
    *said*" stays present. A date that modifies a noun ("Monday's crash", "the Thursday
    vote") has no tense of its own: None.
    """
    root = _span_root(ctx, hit.start, hit.end)
    if root is None or ctx.tokens[root].dep in _NOUN_MODIFIER_DEPS:
        return None  # "are investigating Monday's crash": the verb does not date the crash
    chain = _ancestors(ctx, root)
    verb = next((i for i in chain[1:] if ctx.tokens[i].pos in ("VERB", "AUX")), None)
    if verb is None:
        return _PAST if _misparsed_past(ctx, chain[-1]) else None
    tense = _verb_tense(ctx, verb, 0)
    if tense == _PRESENT and any(
        ctx.tokens[k].pos in ("VERB", "AUX")
        and ctx.tokens[k].lemma.lower() not in _REPORTING_LEMMAS
        and _verb_tense(ctx, k, 0) == _PAST
        for k in _ancestors(ctx, verb)[1:]
    ):
        return _PAST
    return tense


def clause_tense(tokens: Sequence[Token], verb: int) -> str | None:
    """The tense of the clause headed by ``tokens[verb]``: ``"past"``, ``"present"``,
    ``"future"`` or None, by the rules of :func:`_tense` (a modal, "going to", the present
    progressive, a scheduling word or an infinitive under a present verb is the future:
    "would cut", "plans to cut", "is set to open", "is sending")."""
    ctx = _Context("", tuple(tokens), (), None)
    return _verb_tense(ctx, verb, 0) if 0 <= verb < len(tokens) else None


def _past_form(tok: Token) -> bool:
    return tok.tag in ("VBD", "VBN") or (tok.pos == "ADJ" and tok.text.lower().endswith("ed"))


def _misparsed_past(ctx: _Context, root: int) -> bool:
    """A past verb the parser took for an adjective: in "Vantor paused testing of its
    drones in June" the small model makes "testing" the root and "paused" its modifier, so
    no verb governs "June". A sentence with no other verb whose root is, or is modified by,
    a past-tense form ("paused", tagged VBD/VBN, or an adjective ending in -ed) is past."""
    toks = ctx.tokens
    forms = {root} if _past_form(toks[root]) else set()
    forms |= {
        i
        for i, t in enumerate(toks)
        if t.head == root and i != root and t.dep in ("amod", "compound", "acl") and _past_form(t)
    }
    verbs = {i for i, t in enumerate(toks) if t.pos in ("VERB", "AUX")}
    return bool(forms) and verbs <= forms


def _verb_tense(ctx: _Context, verb: int, depth: int) -> str | None:
    toks = ctx.tokens
    v = toks[verb]
    kids = [toks[j] for j, t in enumerate(toks) if t.head == verb and j != verb]
    auxes = [k for k in kids if k.dep in ("aux", "auxpass")]
    perfect = any(a.lemma == "have" for a in auxes) and v.tag == "VBN"
    if any(a.tag == "MD" for a in auxes):
        return _PAST if perfect else _FUTURE
    if any(a.tag == "TO" for a in auxes):  # an infinitive looks ahead of its head's time
        head = v.head
        if depth > 3 or head == verb or toks[head].pos not in ("VERB", "AUX", "ADJ"):
            return None
        outer = _verb_tense(ctx, head, depth + 1)
        return _FUTURE if outer in (_PRESENT, _FUTURE) else None
    finite = next((a for a in auxes if a.tag in ("VBD", "VBZ", "VBP")), None)
    if finite is None and v.tag in ("VBD", "VBZ", "VBP"):
        finite = v
    if finite is None:  # a bare participle: "the plan, announced Monday"
        if v.tag != "VBN":
            return None
        return _FUTURE if v.lemma in _SCHEDULED else _PAST  # "the vote, set for Thursday"
    if finite.tag == "VBD" or perfect:
        return _PAST
    scheduled = v.lemma in _SCHEDULED or any(
        k.dep == "acomp" and k.lemma in _SCHEDULED for k in kids
    )
    progressive = v.tag == "VBG" and any(a.lemma == "be" for a in auxes)
    return _FUTURE if scheduled or progressive else _PRESENT


def _numeric(
    kind: ValueKind, ctx: _Context, start: int, end: int, norm: str, iv: _Interval, unit: str
) -> Value:
    return Value(
        kind=kind,
        text=ctx.text[start:end],
        start=start,
        end=end,
        norm=norm,
        low=iv.low,
        high=iv.high,
        unit=unit,
        qualifier=iv.qualifier,
    )


def _scale_factor(num_text: str, abbreviation: str | None) -> Decimal:
    factor = Decimal(1)
    for w in re.findall(rf"(?i)\b(?:{_SCALE_ALT})\b", num_text):
        factor *= _SCALE_WORDS[w.lower()]
    if abbreviation:
        factor *= _SCALE_ABBREVIATIONS[abbreviation.strip().lower()]
    return factor


def _range_ok(ctx: _Context, conn: str, start: int, *, unit_twice: bool = False) -> bool:
    """Whether "A <conn> B" starting at ``start`` is one range: "A-B" and "A to B" are,
    "A and B" only after "between", and "from A to B" unless it tells a change ("rose
    from 35 to 40", see :func:`_is_change`). With the unit written twice, "A to B" under a
    word of change is a change too: "rose 20% to 12%" is by 20% to 12%, "rose $5 million
    to $7 million" by $5 million to $7 million (without a parse it is never a range)."""
    text = ctx.text
    conn = conn.strip().lower()
    if conn == "and":
        return _BETWEEN_BEFORE.search(text, 0, start) is not None
    if conn == "to":
        from_ = _FROM_BEFORE.search(text, 0, start)
        if from_ is not None:
            return not _is_change(ctx, from_.start())
        between = _BETWEEN_BEFORE.search(text, 0, start)
        return not unit_twice or between is not None or not _change_governs(ctx, start)
    return True


def _change_governs(ctx: _Context, pos: int) -> bool:
    """Whether a word of :data:`_CHANGE_WORDS` is among the heads of the token at ``pos``,
    up to its verb ("rose 20% to 12%"). True without a parse."""
    i = _token_at(ctx, pos)
    if i is None or not ctx.tokens:
        return True
    for k in _ancestors(ctx, i)[1:]:
        tok = ctx.tokens[k]
        if tok.lemma.lower() in _CHANGE_WORDS:
            return True
        if tok.pos in ("VERB", "AUX"):
            return False
    return False


def _range_start(text: str, conn: str, start: int) -> int:
    """Where a range starts: at its "between" or "from", else at its first number."""
    pattern = _BETWEEN_BEFORE if conn.strip().lower() == "and" else _FROM_BEFORE
    before = pattern.search(text, 0, start)
    return before.start() if before else start


#: Words of change: a "from" they govern starts a change ("rose from 35 to 40", "an
#: increase from 5%"), not a range, and its figure is the previous one. Verb and noun
#: lemmas both, since "a rise from" tells a change as well as "rose from" does.
_CHANGE_WORDS = frozenset(
    {"rise", "climb", "grow", "growth", "increase", "jump", "fall", "drop", "decline", "slip"}
    | {"soar", "plunge", "surge", "sink", "dip", "swell", "shrink", "raise", "lower", "cut"}
    | {"reduce", "reduction", "boost", "lift", "expand", "double", "triple", "halve", "slash"}
    | {"trim", "hike", "change", "shift", "go", "improve", "rebound", "recover", "slide"}
    | {"tumble", "edge", "inch", "widen", "narrow", "gain", "decrease", "revise", "revision"}
    | {"update", "adjust", "correct", "upgrade", "downgrade", "balloon", "spike", "ease"}
    | {"up", "down"}
)


def _is_change(ctx: _Context, from_pos: int) -> bool:
    """Whether the "from" at ``from_pos`` starts a change: a word of :data:`_CHANGE_WORDS`
    governs it (within three heads: "rose sharply from", "up from"). Without a parse every
    "from A to B" is taken for a change, as two values, which claims less than a range."""
    i = _token_at(ctx, from_pos)
    if i is None or not ctx.tokens:
        return True
    for _ in range(3):
        tok = ctx.tokens[i]
        if tok.lemma.lower() in _CHANGE_WORDS or tok.text.lower() in _CHANGE_WORDS:
            return True
        if tok.head == i:
            return False
        i = tok.head
    return ctx.tokens[i].lemma.lower() in _CHANGE_WORDS


def _ranged(
    low_text: str, low_abbr: str | None, high: _Number, high_text: str, high_abbr: str | None
) -> _Interval | None:
    """Interval of "A-B": the scale written once after B applies to A too ("$1-2 billion")."""
    low = _parse_number(low_text, low_abbr)
    if low is None:
        return None
    if _scale_factor(low_text, low_abbr) == 1:
        low = low.scaled(_scale_factor(high_text, high_abbr))
    if low.value >= high.value:
        return None  # a range goes up: "7% to 4.2%" is a change
    return _range_interval(low, high)


def _with_qualifier(
    text: str, start: int, number: _Number, *, duration: bool = False
) -> tuple[int, _Interval]:
    q = _qualifier_before(text, start, duration=duration)
    if q is None:
        return start, _interval(number)
    return q.start(1), _interval(number, q[1])


def _find_money(ctx: _Context, claims: _Claims) -> Iterator[Value]:
    text = ctx.text
    for m in _MONEY_VAGUE.finditer(text):
        iv, unit = _vague_interval(m), _currency_of_word(m)
        norm = f"{unit} {_norm_number(iv)}"
        yield _numeric(ValueKind.MONEY, ctx, m.start(), m.end(), norm, iv, unit)
    for m in _MONEY_SYMBOL.finditer(text):
        unit = _CURRENCY_SYMBOLS[re.sub(r"\s+", "", m["sym"])]
        amount = _parse_number(m["a"], m["aab"])
        if amount is None:
            continue
        start, end = m.start(), m.end()
        tail = _MONEY_RANGE_TAIL.match(text, end)
        ranged: _Interval | None = None
        twice = tail is not None and tail["sym"] is not None
        if tail and _range_ok(ctx, tail["conn"], start, unit_twice=twice):
            high = _parse_number(tail["b"], tail["bab"])
            if high is not None:
                span = _ranged(m["a"], m["aab"], high, tail["b"], tail["bab"])
                if span is not None:
                    start, end = _range_start(text, tail["conn"], start), tail.end()
                    start, ranged = _range_qualifier(text, start, span)
        if ranged is None:
            start, ranged = _with_qualifier(text, start, amount)
        norm = f"{unit} {_norm_number(ranged)}"
        yield _numeric(ValueKind.MONEY, ctx, start, end, norm, ranged, unit)
    for m in _MONEY_SUBUNIT.finditer(text):
        amount = _parse_number(m["a"])
        if amount is None:
            continue
        sub = (m["sub"] or "cent").lower()
        unit = "GBP" if sub.startswith(("pen", "penn")) else "EUR" if m["euro"] else "USD"
        start, iv = _with_qualifier(text, m.start(), amount.scaled(Decimal("0.01")))
        yield _numeric(ValueKind.MONEY, ctx, start, m.end(), f"{unit} {_norm_number(iv)}", iv, unit)
    for pattern in (_MONEY_CODE_BEFORE, _MONEY_CODE_AFTER, _MONEY_WORD):
        for m in pattern.finditer(text):
            if pattern is _MONEY_WORD:
                if m["word"].lower().startswith("pound") and not (
                    m["sterling"] or _scale_factor(m["a"], None) > 1
                ):
                    continue  # "5 pounds" is a weight
                unit = _currency_of_word(m)
                amount = _parse_number(m["a"])
            else:
                unit = "CNY" if m["code"] == "RMB" else m["code"]
                amount = _parse_number(m["a"], m["aab"])
            if amount is None:
                continue
            start, iv = _with_qualifier(text, m.start(), amount)
            norm = f"{unit} {_norm_number(iv)}"
            yield _numeric(ValueKind.MONEY, ctx, start, m.end(), norm, iv, unit)


def _measure(
    ctx: _Context, m: re.Match[str], tail: re.Pattern[str], *, duration: bool = False
) -> tuple[int, int, _Interval] | None:
    """Start, end and interval of a percent or quantity match. A range is one interval:
    with the unit once ("10-15%", ``a0`` is its low end) or twice ("between 10% and 15%",
    ``tail`` matching the second amount with the same unit right after ``m``)."""
    text = ctx.text
    high = _parse_number(m["a"])
    if high is None:
        return None
    if m["a0"] is None:
        t = tail.match(text, m.end())
        twice = _same_unit(m["u"], t["u"]) if t is not None else False
        if t is not None and twice and _range_ok(ctx, t["conn"], m.start(), unit_twice=True):
            top = _parse_number(t["b"])
            if top is not None and top.value > high.value:
                iv = _range_interval(high, top)
                start, iv = _range_qualifier(text, _range_start(text, t["conn"], m.start()), iv)
                return start, t.end(), iv
    elif _range_ok(ctx, m["conn"], m.start()):
        span = _ranged(m["a0"], None, high, m["a"], None)
        if span is not None:
            start, iv = _range_qualifier(text, _range_start(text, m["conn"], m.start()), span)
            return start, m.end(), iv
    start, iv = _with_qualifier(text, m.start("a"), high, duration=duration)
    return start, m.end(), iv


def _same_unit(a: str, b: str) -> bool:
    """Whether two unit words of a range name one unit ("%" and "percent", "km" and
    "kilometres")."""
    if _unit_of(a) is not None or _unit_of(b) is not None:
        return _unit_of(a) == _unit_of(b)
    return _percent_unit(a) == _percent_unit(b)


def _range_qualifier(text: str, start: int, iv: _Interval) -> tuple[int, _Interval]:
    """A range after "about"/"some" ("some 200-300 people") widens by 10% on each side;
    other qualifiers of a range are read as part of it and leave it as stated."""
    q = _qualifier_before(text, start)
    if q is None:
        return start, iv
    if _QUALIFIERS[q[1].lower()] == _ABOUT:
        iv = replace(iv, low=iv.low * 0.9, high=iv.high * 1.1, qualifier=q[1].lower())
    return q.start(1), iv


def _find_percents(ctx: _Context, claims: _Claims) -> Iterator[Value]:
    for m in _PERCENT.finditer(ctx.text):
        found = _measure(ctx, m, _PERCENT_TAIL)
        if found is None:
            continue
        start, end, iv = found
        unit, factor = _percent_unit(m["u"])
        iv = _scaled(iv, factor)
        norm = _norm_number(iv) + ("%" if unit == "%" else " pp")
        yield _numeric(ValueKind.PERCENT, ctx, start, end, norm, iv, unit)
    yield from _percentage_points(ctx)
    yield from _proportions(ctx)


#: Percentage points in words: "half a percentage point" (0.5), "a quarter of a point",
#: "a percentage point" (1). A round figure, so half a unit of its last digit each side.
_PP_WORDS = re.compile(
    r"(?i)\b(?P<w>half\s+a|a\s+half|a\s+quarter(?:\s+of\s+a)?|three\s+quarters\s+of\s+a|a|one)"
    r"\s+(?:full\s+)?(?P<pct>percentage[\s-]+)?points?\b"
)
_PP_WORD_VALUES: dict[str, Decimal] = {
    "half a": Decimal("0.5"),
    "a half": Decimal("0.5"),
    "a quarter": Decimal("0.25"),
    "a quarter of a": Decimal("0.25"),
    "three quarters of a": Decimal("0.75"),
    "a": Decimal(1),
    "one": Decimal(1),
}
#: "0.5 points", "two points": points of a rate only when the sentence states the rate as a
#: percent ("The mortgage rate rose 0.5 points to 6.5%") and they are few (at most
#: :data:`_MAX_BARE_POINTS`); else they may be index or game points and are not read, nor
#: when a percent restates them ("The Dow fell 30 points, or 0.1%").
_POINTS = re.compile(rf"(?P<a>{_NUM})(?:\s?|-)(?P<u>(?i:points?))\b")
_MAX_BARE_POINTS = 20
_POINTS_RESTATED = re.compile(
    r"(?i)\s*,?\s*(?:or|,)\s+(?:about\s+|nearly\s+|roughly\s+)?[\d.]+\s*(?:%|percent)"
)


def _percentage_points(ctx: _Context) -> Iterator[Value]:
    """Percentage points written in words (``_PP_WORDS``) or as bare "points" of a rate
    (``_POINTS``), as percents with unit "pp": comparable with each other, never with %."""
    text = ctx.text
    has_percent = any(_percent_unit(m["u"])[0] == "%" for m in _PERCENT.finditer(text))
    for m in _PP_WORDS.finditer(text):
        if not m["pct"] and not has_percent:
            continue
        v = _PP_WORD_VALUES[re.sub(r"\s+", " ", m["w"].lower())]
        step = Decimal("0.1") if v < 1 else Decimal(1)
        start, iv = _with_qualifier(text, m.start(), _Number(v, step))
        yield _numeric(ValueKind.PERCENT, ctx, start, m.end(), f"{_norm_number(iv)} pp", iv, "pp")
    if not has_percent:
        return
    for m in _POINTS.finditer(text):
        number = _parse_number(m["a"])
        if number is None or number.value > _MAX_BARE_POINTS:
            continue
        if _POINTS_RESTATED.match(text, m.end()):
            continue
        start, iv = _with_qualifier(text, m.start(), number)
        yield _numeric(ValueKind.PERCENT, ctx, start, m.end(), f"{_norm_number(iv)} pp", iv, "pp")


def _share(ctx: _Context, start: int, end: int, v: float) -> Value:
    """A proportion in words as a percent: ±10% of ``v``, or a qualifier's bound."""
    text = ctx.text
    q = _qualifier_before(text, start)
    qualifier = q[1].lower() if q else None
    mode = _QUALIFIERS.get(qualifier or "") or _ABOUT
    v = round(v, 10)
    low, high = round(0.9 * v, 10), round(1.1 * v, 10)
    if mode == _AT_LEAST:
        low, high = v, math.inf
    elif mode == _AT_MOST:
        low, high = 0.0, v
    elif mode == _BELOW:
        high = v
    elif mode == _ABOVE:
        low = v
    iv = _Interval(low, high, v, qualifier, mode)
    norm = _NORM_PREFIX.get(mode or "", "") + f"{v:.3g}%"
    return _numeric(ValueKind.PERCENT, ctx, q.start(1) if q else start, end, norm, iv, "%")


def _proportions(ctx: _Context) -> Iterator[Value]:
    """ "one in 10", "three out of four" and "two-thirds of" as percents (see ``_PROPORTION``)."""
    text = ctx.text
    for m in _PROPORTION.finditer(text):
        a, b = _parse_number(m["a"]), _parse_number(m["b"])
        if a is None or b is None or not 0 < a.value < b.value or _YEAR_LIKE.match(m["b"]):
            continue
        if _unit_of(_next_word(text, m.end())) is not None:
            continue  # "2 in 10 minutes"
        yield _share(ctx, m.start(), m.end(), 100 * float(a.value) / float(b.value))
    for m in _FRACTION.finditer(text):
        hyphenated = (m["sep"] or "").strip() == "-"
        by = m["of"] is None and not hyphenated and _BY_BEFORE.search(text, 0, m.start())
        if m["of"] is None and not hyphenated and not by:
            continue
        if by and _before_a_noun(ctx, m.end()):
            continue  # "won by a third vote": an ordinal
        if _NOT_FRACTION_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue
        d = m["d"].lower()
        n = _SMALL_WORDS.get((m["n"] or "a").lower(), 1)
        denominator = _DENOMINATORS[d[:-1] if d.endswith("s") and d[:-1] in _DENOMINATORS else d]
        if n >= denominator or (m["n"] is None and denominator != 2):
            continue  # "thirds of" alone, "five quarters"
        yield _share(ctx, m.start(), m.end(), 100 * n / denominator)


def _before_a_noun(ctx: _Context, end: int) -> bool:
    """Whether the next word after ``end`` is a noun, adjective or number in the parse."""
    i = _token_at(ctx, end)
    return i is not None and ctx.tokens[i].pos in ("NOUN", "PROPN", "ADJ", "NUM")


def _next_word(text: str, pos: int) -> str:
    m = re.match(r"\s*([A-Za-z][\w-]*)", text[pos : pos + 40])
    return m[1] if m else ""


#: An earthquake's magnitude: "magnitude 6.4", "a 6.4-magnitude quake", "6.4 on the Richter
#: scale". A quantity with unit "magnitude", rounded like any written number.
_MAGNITUDE = re.compile(
    r"(?i)\bmagnitude[\s-]+(?P<a>\d{1,2}(?:\.\d{1,2})?)(?![\d.])"
    r"|(?<![\w.])(?P<b>\d{1,2}(?:\.\d{1,2})?)(?:[\s-]*magnitude\b|\s+on\s+the\s+Richter\s+scale\b)"
)


def _find_quantities(ctx: _Context, claims: _Claims) -> Iterator[Value]:
    for m in _MAGNITUDE.finditer(ctx.text):
        number = _parse_number(m["a"] or m["b"])
        if number is not None:
            iv = _interval(number)
            norm = f"magnitude {_fmt(iv.value)}"
            yield _numeric(ValueKind.QUANTITY, ctx, m.start(), m.end(), norm, iv, "magnitude")
    for m in _QUANTITY.finditer(ctx.text):
        unit = _unit_of(m["u"])
        if unit is None:
            continue
        base, factor = unit
        if m["a"].lower() == "one" and m["u"].lower() in ("day", "year"):
            continue  # "one day" is "some day"
        found = _measure(ctx, m, _QUANTITY_TAIL, duration=base == "s")
        if found is None:
            continue
        start, end, iv = found
        iv = _scaled(iv, factor)
        norm = f"{_norm_number(iv)} {base}"
        yield _numeric(ValueKind.QUANTITY, ctx, start, end, norm, iv, base)


#: A person's age: "54-year-old", "54 years old", "aged 54", "aged 18 to 24", "at the age of
#: 54", and the appositive "The suspect, 54, was arrested" (1 to 120 between commas after a
#: noun or name). A quantity with unit "age", exact in whole years, so "54" and "45"
#: conflict and an age never compares with a duration ("a 54-year lease").
_AGE = re.compile(
    rf"(?P<n>{_NUM})[\s-]+years?[\s-]+old\b"
    r"|(?i:\b(?:aged|ages?|the\s+age\s+of))\s+(?P<a>\d{1,3})(?:\s*(?:-|–|to)\s*(?P<b>\d{1,3}))?\b"
)
_AGE_APPOSITIVE = re.compile(r"(?<=\w),\s(?P<n>\d{1,3}),(?!\s*\d)")


def _age(ctx: _Context, start: int, end: int, low: Decimal, high: Decimal) -> Value | None:
    if not 0 < low <= high <= 120:
        return None
    iv = _Interval(float(low), float(high), float(low), upper=float(high) if high > low else None)
    return _numeric(ValueKind.QUANTITY, ctx, start, end, f"age {_norm_number(iv)}", iv, "age")


#: Prepositions of place and time: "In Oakport, 12, ..." is no age.
_PLACE_PREPOSITIONS = frozenset(
    {"in", "at", "on", "near", "across", "into", "inside", "outside", "around", "from", "to"}
    | {"since", "during", "until", "by", "through", "throughout"}
)


def _appositive_age(ctx: _Context, start: int, end: int) -> bool:
    """Whether ", 54," is a person's age: the parse makes it an appositive of the noun or
    name before it, and that noun is not a place or time after a preposition."""
    root = _span_root(ctx, start, end)
    if root is None:
        return False
    tok = ctx.tokens[root]
    head = ctx.tokens[tok.head]
    if tok.dep != "appos" or head.pos not in ("NOUN", "PROPN") or head.end > start:
        return False
    preposition = ctx.tokens[head.head]
    return not (head.dep == "pobj" and preposition.text.lower() in _PLACE_PREPOSITIONS)


def _find_ages(ctx: _Context, claims: _Claims) -> Iterator[Value]:
    text = ctx.text
    for m in _AGE.finditer(text):
        if m["n"] is not None:
            number = _parse_number(m["n"])
            age = _age(ctx, m.start(), m.end(), number.value, number.value) if number else None
        else:
            low, high = Decimal(m["a"]), Decimal(m["b"] or m["a"])
            age = _age(ctx, m.start(), m.end(), low, high)
        if age is not None:
            yield age
    for m in _AGE_APPOSITIVE.finditer(text):
        if not _appositive_age(ctx, m.start("n"), m.end("n")):
            continue
        n = Decimal(m["n"])
        age = _age(ctx, m.start("n"), m.end("n"), n, n)
        if age is not None:
            yield age
    yield from _predicate_ages(ctx)


#: Nouns for a person, besides :data:`_PERSON_ROLES`: the subject of "was 34" whose age
#: the number states.
_PERSON_NOUNS = _PERSON_ROLES | frozenset(
    {"man", "woman", "boy", "girl", "child", "person", "teenager", "teen", "baby", "infant"}
    | {"toddler", "patient", "passenger", "pedestrian", "worker", "employee", "gunman"}
    | {"shooter", "cyclist", "motorcyclist", "pilot", "soldier", "player", "singer", "actor"}
    | {"actress", "survivor", "hiker", "climber", "swimmer", "diver", "tourist", "firefighter"}
)
_PERSON_PRONOUNS = frozenset({"he", "she"})


def _predicate_ages(ctx: _Context) -> Iterator[Value]:
    """A bare number that a copula says a person is: "The victim was 43", "She is 34". The
    subject must be a person (a noun of :data:`_PERSON_NOUNS`, a name spaCy tags as a
    person, "he" or "she") and the number stand alone (not "was 43rd", "is 34 points")."""
    toks = ctx.tokens
    for i, tok in enumerate(toks):
        if tok.pos != "NUM" or tok.dep not in ("attr", "acomp") or toks[tok.head].lemma != "be":
            continue
        if any(t.head == i and j != i for j, t in enumerate(toks)):
            continue  # "was one of 12", "is 34 points"
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is not None and nxt.pos in ("NOUN", "PROPN", "NUM", "SYM"):
            continue
        subject = next(
            (t for j, t in enumerate(toks) if t.head == tok.head and t.dep == "nsubj"), None
        )
        if subject is None or not _is_person(ctx, subject):
            continue
        number = _parse_number(tok.text)
        if number is None or number.value != number.value.to_integral_value():
            continue
        age = _age(ctx, tok.start, tok.end, number.value, number.value)
        if age is not None:
            yield age


def _is_person(ctx: _Context, tok: Token) -> bool:
    if tok.pos == "PRON":
        return tok.text.lower() in _PERSON_PRONOUNS
    if tok.lemma.lower() in _PERSON_NOUNS:
        return True
    return any(e.label == "PERSON" and e.start <= tok.start < e.end for e in ctx.entities)


#: Words near "N-M" that make it a vote ("voted 5-2", "by a vote of 52 to 48", "a 6-3
#: ruling") or a score ("won 3-1", "a 2-0 defeat"). Without one, "N-M" is not a tally
#: ("ages 5-12", "pages 10-20").
_TALLY_CUES = frozenset(
    {"vote", "ballot", "approve", "pass", "reject", "confirm", "elect", "adopt", "endorse"}
    | {"decide", "rule", "ruling", "decision", "margin", "majority", "split", "tally"}
    | {"overturn", "uphold", "acquit", "convict", "veto", "override", "verdict"}
    | {"win", "beat", "lose", "defeat", "draw", "tie", "lead", "trail", "score", "victory"}
    | {"loss", "final", "game", "match", "result", "edge", "rout", "clinch", "triumph"}
    | {"winner", "loser"}
)
_TALLY = re.compile(
    r"(?<![\w.,/:$€£¥-])(?P<a>\d{1,3})(?:\s*[-–—]\s*|\s+to\s+)(?P<b>\d{1,3})"
    r"(?![\w/:%-]|[.,]\d|\s*(?:%|percent|per\s*cent))"
)


def _find_tallies(ctx: _Context, claims: _Claims) -> Iterator[Value]:
    """Votes and scores: "N-M" or "N to M" next to a word of ``_TALLY_CUES`` (within the
    four words before it or the word after it). The norm puts the larger number first, so
    "won 3-1" and "lost 1-3" agree; "from 5 to 7" and "5 to 7 seats" are not tallies."""
    if not ctx.tokens:
        return
    for m in _TALLY.finditer(ctx.text):
        if _FROM_BEFORE.search(ctx.text, 0, m.start()):
            continue
        before = [t for t in ctx.tokens if t.end <= m.start()][-4:]
        after = next((t for t in ctx.tokens if t.start >= m.end()), None)
        if after is not None and after.pos == "NOUN" and after.lemma.lower() not in _TALLY_CUES:
            continue  # "won 3 to 4 seats": a range of a count
        near = [t.lemma.lower() for t in before] + ([after.lemma.lower()] if after else [])
        if not any(w in _TALLY_CUES for w in near):
            continue
        a, b = int(m["a"]), int(m["b"])
        yield Value(
            kind=ValueKind.TALLY,
            text=m[0],
            start=m.start(),
            end=m.end(),
            norm=f"{max(a, b)}-{min(a, b)}",
        )


def _group(ctx: _Context, i: int) -> bool:
    """An adjective or a participle used as a noun for a group of people, with "the": "two
    of *the injured*", "*the dead*", "*the wounded*"."""
    tok = ctx.tokens[i]
    return tok.pos in ("ADJ", "VERB") and any(
        t.head == i and k != i and t.dep == "det" and t.text.lower() == "the"
        for k, t in enumerate(ctx.tokens)
    )


def _noun_word(tok: Token) -> str:
    """What a count of ``tok`` counts: a noun's lemma, or a group word as written ("injured":
    spaCy lemmatises the participle to "injure")."""
    return tok.lemma.lower() if tok.pos in ("NOUN", "PROPN") else tok.text.lower()


def _noun_after_of(ctx: _Context, pos: int) -> int | None:
    """The noun counted in "<amount> of <noun phrase>": the object of that "of" (a noun, or
    a group word: "two of the injured")."""
    i = _token_at(ctx, pos)
    if i is None or ctx.tokens[i].text.lower() != "of":
        return None
    return next(
        (
            k
            for k, t in enumerate(ctx.tokens)
            if t.head == i and t.dep == "pobj" and (t.pos in ("NOUN", "PROPN") or _group(ctx, k))
        ),
        None,
    )


def _counted_noun(ctx: _Context, start: int, end: int, raw: str) -> int | None:
    """The token a cardinal counts: its nummod head ("three researchers") or the object of a
    following "of" ("two of the researchers", "two of the injured")."""
    root = _span_root(ctx, start, end)
    if root is None:
        return None
    tok = ctx.tokens[root]
    head = ctx.tokens[tok.head]
    counts = tok.dep == "nummod" or (tok.dep == "compound" and tok.pos in ("NUM", "NOUN"))
    if counts and tok.head != root and head.pos == "NOUN" and head.start >= end:
        return tok.head  # "three researchers"; spaCy makes "dozen" a compound
    if tok.pos == "NUM" and raw.lower() != "one":
        noun = _noun_after_of(ctx, end)
        if noun is not None and (ctx.tokens[noun].tag in ("NNS", "NNPS") or _group(ctx, noun)):
            return noun
    return None


#: Verbs whose object is the level of their subject ("Sales reached 1.2 million", "the
#: toll stood at 40", "ridership rose to 900,000"): a bare number there counts the subject.
_LEVEL_VERBS = frozenset({"reach", "total", "hit", "top", "exceed", "surpass", "number"})
#: Verbs of change whose "to"/"at" object is the new level ("rose to 40", "stood at 40",
#: "was revised to 14", "was put at 12"). "rose by 40" is a change, not a level, and is not
#: read. With an object of their own ("revised *the figure* to 14") they measure the object.
_CHANGE_VERBS = frozenset(
    {"rise", "climb", "grow", "increase", "jump", "fall", "drop", "decline", "slip", "soar"}
    | {"plunge", "surge", "sink", "dip", "stand", "swell", "shrink", "reach", "revise"}
    | {"raise", "lower", "put", "update", "adjust", "correct", "cut", "reduce", "lift"}
)
#: Nouns that name a figure rather than what it counts: "cut the number of flights to 40"
#: counts flights, and "revised the figure to 14" after "initially reported 12 deaths"
#: counts deaths, the noun of the sentence's earlier count.
_FIGURE_NOUNS = frozenset({"figure", "number", "total", "tally", "count", "estimate"})
#: Verbs whose bare numeric subject or object counts people: "Forty were injured", "The
#: crash injured 40", "The mine employs 600". Any other verb leaves a bare number unread.
_PEOPLE_VERBS = frozenset(
    {"kill", "injure", "hurt", "wound", "die", "evacuate", "arrest", "detain", "rescue"}
    | {"displace", "hospitalize", "hospitalise", "treat", "charge", "employ", "hire"}
    | {"drown", "sicken", "strand", "trap", "infect", "save", "convict", "sentence"}
)
#: Words before a bare "one" that make it a pronoun, not a count ("no one was hurt").
_NOT_A_NUMBER_BEFORE = frozenset({"no", "any", "every", "each", "some", "the", "this", "that"})


def _measured_subject(ctx: _Context, start: int, end: int) -> int | None:
    """The noun a bare number measures, when the number is the level its verb states: the
    object of a level verb ("Sales reached 1.2 million" counts sales), or the "to"/"at"
    object of a change verb, which measures the verb's object if it has one ("revised the
    figure to 14") and else its subject ("the death toll rose to 40", "was put at 12").
    A pronoun subject ("before it was revised to 14") gives -1: the caller takes the noun
    of the sentence's earlier count."""
    root = _span_root(ctx, start, end)
    if root is None:
        return None
    tok = ctx.tokens[root]
    verb = tok.head
    deps: tuple[str, ...] = ("nsubj", "nsubjpass")
    if tok.dep == "pobj" and ctx.tokens[verb].text.lower() in ("to", "at"):
        verb = ctx.tokens[verb].head
        if ctx.tokens[verb].text.lower() == "from":  # "rose from 35 to 40"
            verb = ctx.tokens[verb].head
        if ctx.tokens[verb].lemma.lower() not in _CHANGE_VERBS:
            return None
        deps = ("dobj", "nsubj", "nsubjpass")
    elif tok.dep != "dobj" or ctx.tokens[verb].lemma.lower() not in _LEVEL_VERBS:
        return None
    verbs = [verb]
    if ctx.tokens[verb].dep == "conj":  # "The toll, initially put at 12, rose to 14"
        verbs.append(ctx.tokens[verb].head)
    for v in verbs:
        kids = [(i, t) for i, t in enumerate(ctx.tokens) if t.head == v and i != v]
        for dep in deps:
            for i, t in kids:
                if t.dep == dep and t.pos == "NOUN":
                    return i
                if t.dep == dep and t.pos == "PRON":
                    return -1
    return None


def _implied_people(ctx: _Context, start: int, end: int) -> bool:
    """Whether a bare number is the subject or object of a verb of :data:`_PEOPLE_VERBS`
    ("Forty were injured", "The crash injured 40"): a count of people."""
    root = _span_root(ctx, start, end)
    if root is None:
        return False
    tok = ctx.tokens[root]
    if tok.pos != "NUM" or tok.dep not in ("nsubj", "nsubjpass", "dobj") or tok.head == root:
        return False
    if ctx.tokens[tok.head].lemma.lower() not in _PEOPLE_VERBS:
        return False
    if any(t.head == root and t.dep in ("prep", "det", "poss") for t in ctx.tokens):
        return False  # "one of the victims", "the two"
    prev = next((t for t in reversed(ctx.tokens) if t.end <= start), None)
    return prev is None or prev.text.lower() not in _NOT_A_NUMBER_BEFORE


def _year_modifier(ctx: _Context, start: int, end: int) -> bool:
    """Whether a four-digit year-like number modifies a noun as a year, naming it ("the
    2019 agreement", "the 2024 election results", "its 2025 results"), rather than
    counting it ("2000 employees"). A year: its noun is singular, or another word stands
    between the number and its noun, or a possessive precedes the number, or spaCy tags
    the number alone as a date."""
    if not _YEAR_LIKE.match(ctx.text[start:end]):
        return False
    root = _span_root(ctx, start, end)
    if root is None:
        return False
    tok = ctx.tokens[root]
    if tok.dep not in _NOUN_MODIFIER_DEPS | {"nummod"} or tok.head == root:
        return False
    head = ctx.tokens[tok.head]
    if head.pos not in ("NOUN", "PROPN") or head.start < end:
        return False
    if head.tag not in ("NNS", "NNPS") or tok.head > root + 1:
        return True
    before = ctx.tokens[root - 1] if root > 0 else None
    possessive = before is not None and (before.dep == "poss" or before.tag == "PRP$")
    dated = any(e.label == "DATE" and (e.start, e.end) == (start, end) for e in ctx.entities)
    return possessive or (dated and before is not None and before.pos == "DET")


#: Classifier nouns whose number is a label, not a count, in any case ("type 2 diabetes",
#: "a category 4 hurricane", "phase 3 trials", "stage 4 cancer", "level 2 alert"). Not
#: words that also lead into a count ("the day 300 people marched", "this week 40 ...").
_LABEL_NOUNS = frozenset(
    {"type", "category", "phase", "stage", "level", "grade", "class", "tier", "version"}
    | {"model", "series", "generation", "gen", "section", "article", "chapter", "title"}
    | {"route", "gate", "platform", "terminal", "room", "episode"}
)


def _after_model_name(ctx: _Context, start: int) -> bool:
    """A number right after a name or a classifier noun is a label, not a count: a
    capitalised proper noun makes it a version ("Llama 3", "Windows 11"), one of
    :data:`_LABEL_NOUNS` a kind or a step ("type 2 diabetes", "Category 4 hurricane")."""
    prev = next((t for t in reversed(ctx.tokens) if t.end <= start), None)
    if prev is None or start - prev.end > 1:
        return False
    if prev.text.lower().rstrip(".") in _LABEL_NOUNS:
        return True
    return prev.pos == "PROPN" and prev.text[:1].isupper() and not _POSSESSIVE.search(prev.text)


def _exact_count(number: _Number, raw: str, abbreviation: str | None) -> _Number:
    """A whole count written in full ("12 people", "three researchers") is exact: no
    rounding allowance, so "12" and "13" never touch. A scaled count ("1.2 million
    users", "5m") and "a dozen", which is often loose, keep half a unit of precision."""
    if number.step == 1 and _scale_factor(raw, abbreviation) == 1 and "dozen" not in raw.lower():
        return _Number(number.value, Decimal(0))
    return number


_ABBR = r"(?:bn|mn|m|k)(?![A-Za-z])"
#: A range of a count: "200 to 300 people", "20,000-30,000 homes", "between 2,000 and 3,000
#: people", "from 200 to 300 people" (unless a change, see :func:`_range_ok`).
_COUNT_RANGE = re.compile(
    rf"(?P<a>{_NUM})(?P<aab>{_ABBR})?{_RANGE_CONN}(?P<b>{_NUM})(?P<bab>{_ABBR})?(?![\w%])"
)


def _noun_after(ctx: _Context, end: int) -> int | None:
    """The plural noun right after ``end``, over adjectives and compound nouns ("3,000
    angry residents", "2,000 flood victims"): what a range whose parse is broken counts."""
    i = _token_at(ctx, end)
    for _ in range(4):
        if i is None or i >= len(ctx.tokens):
            return None
        tok = ctx.tokens[i]
        if tok.pos == "NOUN" and tok.tag == "NNS":
            return i
        if tok.pos not in ("ADJ", "NOUN") and tok.dep != "compound":
            return None
        i += 1
    return None


def _count_ranges(ctx: _Context, claims: _Claims) -> Iterator[Value]:
    """Ranges of counts as one interval, each end with half a unit of rounding ("20,000 to
    30,000 homes" is [19999.5, 30000.5], so it fits "25,000 homes" and "30,000 homes")."""
    text = ctx.text
    for m in _COUNT_RANGE.finditer(text):
        if not claims.free(m.start(), m.end()) or not _range_ok(ctx, m["conn"], m.start()):
            continue
        if _YEAR_LIKE.match(m["a"]) and _YEAR_LIKE.match(m["b"]):
            continue  # "2019-2024": years
        noun = _counted_noun(ctx, m.start("b"), m.end("b"), m["b"])
        if noun is None:
            noun = _counted_noun(ctx, m.start("a"), m.end("a"), m["a"])
        if noun is None or ctx.tokens[noun].start < m.end():
            noun = _noun_after(ctx, m.end())
        if noun is None:
            continue
        lemma = ctx.tokens[noun].lemma.lower()
        high = _parse_number(m["b"], m["bab"])
        if lemma in _NOT_COUNTED or lemma in _WORD_UNITS or high is None:
            continue
        iv = _ranged(m["a"], m["aab"], high, m["b"], m["bab"])
        if iv is None:
            continue
        start, iv = _range_qualifier(text, _range_start(text, m["conn"], m.start()), iv)
        end = ctx.tokens[noun].end
        yield _numeric(ValueKind.COUNT, ctx, start, end, f"{_norm_number(iv)} {lemma}", iv, lemma)


def _find_counts(ctx: _Context, claims: _Claims) -> Iterator[Value]:
    """Counts of a noun (see "Amounts" in the module docs): vague amounts ("millions of"),
    ranges, then single numbers with the noun they count, the subject whose level they
    state, or the people a verb implies."""
    if not ctx.tokens:
        return  # a count needs the parse to find its noun
    text = ctx.text
    for m in _COUNT_VAGUE.finditer(text):
        noun = _noun_after_of(ctx, m.end() - len("of"))
        if noun is None:
            continue
        lemma = ctx.tokens[noun].lemma.lower()
        iv = _vague_interval(m)
        norm = f"{_norm_number(iv)} {lemma}"
        yield _numeric(ValueKind.COUNT, ctx, m.start(), ctx.tokens[noun].end, norm, iv, lemma)
    ranges = list(_count_ranges(ctx, claims))
    yield from ranges
    taken = [(v.start, v.end) for v in ranges]
    earlier: list[str] = []  # the nouns counted so far, for "revised the figure to 14"
    for m in _COUNT.finditer(text):
        raw, abbreviation = m["a"], m["ab"]
        if any(s <= m.start() < e for s, e in taken):
            continue
        if not claims.free(m.start(), m.end()) or _after_model_name(ctx, m.start()):
            continue
        counted, noun_end = _count_noun(ctx, m, earlier)
        if counted is None or counted in _NOT_COUNTED or counted in _WORD_UNITS:
            continue
        number = _parse_number(raw, abbreviation)
        if number is None or (
            number.value != number.value.to_integral_value()
            and _scale_factor(raw, abbreviation) == 1
        ):
            continue  # "6.4 earthquakes", "2.5 people": not a count of things
        after = _QUALIFIER_AFTER.match(text, m.end())
        if after is not None:
            start, iv = m.start(), _rough(number, "plus" if after["plus"] else after["w"].lower())
        else:
            start, iv = _with_qualifier(text, m.start(), _exact_count(number, raw, abbreviation))
        after_number = noun_end is not None and claims.free(start, noun_end)
        end = noun_end if noun_end is not None and after_number else m.end()
        earlier.append(counted)
        norm = f"{_norm_number(iv)} {counted}"
        yield _numeric(ValueKind.COUNT, ctx, start, end, norm, iv, counted)


def _count_noun(
    ctx: _Context, m: re.Match[str], earlier: Sequence[str]
) -> tuple[str | None, int | None]:
    """The lemma a single number counts and, when that noun follows the number, where the
    count's text ends. ``(None, None)`` when the number counts nothing (a year, a version,
    a bare number with no noun, verb or level to say what it counts)."""
    raw, abbreviation = m["a"], m["ab"]
    if abbreviation:
        # spaCy splits "5m" into two tokens and parses them badly: take the next word.
        noun = _token_at(ctx, m.end())
        if noun is None or ctx.tokens[noun].tag != "NNS":
            return None, None
        return ctx.tokens[noun].lemma.lower(), ctx.tokens[noun].end
    if _year_modifier(ctx, m.start(), m.end()):
        return None, None  # "the 2024 election results": a year, not 2024 results
    noun = _counted_noun(ctx, m.start(), m.end(), raw)
    if noun is not None:
        tok = ctx.tokens[noun]
        if _YEAR_LIKE.match(raw) and tok.tag != "NNS":
            return None, None  # "the 2024 letter": a year, not 2024 letters
        return _noun_word(tok), tok.end if tok.start >= m.end() else None
    if _YEAR_LIKE.match(raw):
        return None, None
    measured = _measured_subject(ctx, m.start(), m.end())
    if (
        measured is not None
        and measured >= 0
        and ctx.tokens[measured].lemma.lower() in _FIGURE_NOUNS
    ):
        counted = _noun_after_of(ctx, ctx.tokens[measured].end)  # "the number of flights"
        if counted is not None and ctx.tokens[counted].tag in ("NNS", "NNPS"):
            return ctx.tokens[counted].lemma.lower(), None
        if earlier:
            return earlier[-1], None  # "reported 12 deaths ... revised the figure to 14"
    if measured == -1:
        return (earlier[-1], None) if earlier else (None, None)
    if measured is not None:
        return ctx.tokens[measured].lemma.lower(), None
    if _implied_people(ctx, m.start(), m.end()):
        return "people", None
    return None, None


def _rough(number: _Number, word: str) -> _Interval:
    """ "40-odd" is [40, 50): up to the next round figure; "40-plus" is [40, inf)."""
    v = float(number.value)
    if word == "plus":
        return _Interval(v, math.inf, v, "plus", _AT_LEAST)
    digits = str(int(number.value))
    place = 10.0 ** max(1, len(digits) - len(digits.rstrip("0")))
    return _Interval(v, math.nextafter(v + place, v), v, "odd", upper=v + place)


def _counts_years(ctx: _Context, hit: _DateHit) -> bool:
    """ "2000 employees": a four-digit number counting a plural noun is not a year (but
    "the 2024 election results" is, see :func:`_year_modifier`)."""
    root = _span_root(ctx, hit.start, hit.end)
    if root is None or _year_modifier(ctx, hit.start, hit.end):
        return False
    tok = ctx.tokens[root]
    head = ctx.tokens[tok.head]
    return tok.dep == "nummod" and head.tag == "NNS" and head.start >= hit.end


def _date_value(
    ctx: _Context, hit: _DateHit, span: tuple[date, date] | None, note: str | None
) -> Value:
    text = ctx.text[hit.start : hit.end]
    if span is None:
        return Value(
            kind=ValueKind.DATE,
            text=text,
            start=hit.start,
            end=hit.end,
            norm=(hit.bound or "") + (hit.partial_norm or " ".join(text.lower().split())),
            qualifier=hit.qualifier,
            resolved=False,
            note=note,
        )
    low, high = float(span[0].toordinal()), float(span[1].toordinal())
    if hit.bound in ("<=", "<"):
        low, high = -math.inf, high if hit.bound == "<=" else low - 1
    elif hit.bound in (">=", ">"):
        low, high = low if hit.bound == ">=" else high + 1, math.inf
    return Value(
        kind=ValueKind.DATE,
        text=text,
        start=hit.start,
        end=hit.end,
        norm=(hit.bound or "") + _date_norm(*span),
        low=low,
        high=high,
        qualifier=hit.qualifier,
        note=note,
    )


def _nearest(hits: Sequence[_DateHit], target: _DateHit) -> _DateHit | None:
    """The closest hit, preferring one before the target."""
    return min(
        hits,
        key=lambda h: (h.start > target.start, abs(h.start - target.start)),
        default=None,
    )


def _fine_enough(span: tuple[date, date], need: int) -> bool:
    """Whether an anchor is precise enough for a relative date: a day for "Wednesday", at
    least a month for "last month", at least a year for "next year"."""
    granularity = _granularity(span)
    return granularity is not None and granularity <= need


def _year_near(build: _YearFn, anchor: date, tense: str | None) -> int:
    """The year that places a year-less date ("December", "March 3", "Q4") in time.

    Past tense: the latest occurrence that starts on or before the anchor ("reached a deal
    in December", said in March 2026, is December 2025). Future tense: the earliest that
    ends on or after it ("will reopen in January", said in December 2025, is January 2026).
    Present or unknown tense: the occurrence nearest the anchor ("the deadline is January",
    said in December 2025, is January 2026; "open from May to September", said in July,
    is this year's), the anchor's own year on a tie.
    """
    spans: dict[int, tuple[date, date]] = {}
    for y in (anchor.year, anchor.year - 1, anchor.year + 1):
        try:
            spans[y] = build(y)
        except ValueError:  # "February 29" outside a leap year
            continue
    if tense == _PAST:
        fits = [y for y, (first, _) in spans.items() if first <= anchor]
        return max(fits, default=anchor.year)
    if tense == _FUTURE:
        fits = [y for y, (_, last) in spans.items() if last >= anchor]
        return min(fits, default=anchor.year)

    def distance(y: int) -> int:
        first, last = spans[y]
        return max((first - anchor).days, (anchor - last).days, 0)

    return min(spans, key=distance, default=anchor.year)  # dicts keep order: a tie keeps


def _complete_year(
    ctx: _Context, hit: _DateHit, anchors: Sequence[_DateHit], tense: str | None
) -> tuple[tuple[date, date], str] | None:
    """Span and note of a year-less date: the year of a date in its clause, else the year
    :func:`_year_near` picks around the article date, else None."""
    assert hit.by_year is not None
    anchor = _nearest([a for a in anchors if _anchors(ctx, a, hit)], hit)
    published = ctx.published
    if anchor is not None and anchor.span is not None:
        year = anchor.span[0].year
        note = f"year from {ctx.text[anchor.start : anchor.end]} in the same sentence"
    elif published is not None:
        year = _year_near(hit.by_year, published, tense)
        note = f"year from the article date {published.isoformat()}"
        if year != published.year:
            reading = f"{tense} tense" if tense else "tense unknown"
            note = f"nearest the article date {published.isoformat()} ({reading})"
    else:
        return None
    try:
        return hit.by_year(year), note
    except ValueError:
        return None


def _resolve_relative(
    ctx: _Context, hit: _DateHit, anchors: Sequence[_DateHit], tense: str | None
) -> tuple[tuple[date, date], str] | None:
    """Span and note of a relative date: against a date that governs its clause, else the
    article date, else None. A clause in the future reads a bare weekday forward."""
    assert hit.relative is not None
    usable = [
        a
        for a in anchors
        if a.span is not None and _fine_enough(a.span, hit.need) and _anchors(ctx, a, hit)
    ]
    anchor = _nearest(usable, hit)
    if anchor is not None and anchor.span is not None:
        base = anchor.span[0]
        note = f"relative to {ctx.text[anchor.start : anchor.end]} in the same sentence"
    elif ctx.published is not None:
        base, note = ctx.published, f"relative to the article date {ctx.published.isoformat()}"
    else:
        return None
    if hit.forward is not None and tense in (_FUTURE, _PRESENT):
        return hit.forward(base), f"{note}, {tense} tense"
    return hit.relative(base), note


def _spacy_month_hits(ctx: _Context) -> Iterator[_DateHit]:
    """A month name that spaCy alone tags as a date ("June" in "plans for June")."""
    for e in ctx.entities:
        if e.label == "DATE" and e.text in _MONTH_NAMES:
            month = _MONTHS[e.text.lower()]
            yield _DateHit(
                e.start,
                e.end,
                by_year=partial(_month_span, month=month),
                partial_norm=f"--{month:02d}",
            )


_MONTH_NAMES = frozenset(m.capitalize() for m in _MONTHS if len(m) > 3)


def _with_bound(ctx: _Context, hit: _DateHit, claims: _Claims) -> _DateHit:
    """Take in a word before the date that makes it a bound ("by 2028", "since May")."""
    m = _BOUND_BEFORE.search(ctx.text, max(0, hit.start - 40), hit.start)
    if m is None or not claims.free(m.start(), hit.start):
        return hit
    word = " ".join(m["b"].lower().split())
    word = "by" if word.startswith("by") else word
    return replace(hit, start=m.start(), bound=_BOUNDS[word], qualifier=word)


def _find_dates(ctx: _Context, claims: _Claims) -> Iterator[Value]:
    """Dates in three passes: explicit ones; year-less ones ("March 3"), completed by a
    year in their clause or by the tense around the article date; then relative ones
    ("Wednesday"), anchored on a date of either earlier pass that governs them."""
    local = _Claims()
    hits: list[_DateHit] = []
    candidates = (*_absolute_hits(ctx.text), *_relative_hits(ctx.text), *_spacy_month_hits(ctx))
    for hit in candidates:
        if hit.end <= hit.start or not claims.free(hit.start, hit.end):
            continue
        if not local.free(hit.start, hit.end):
            continue
        if hit.bare_year and _counts_years(ctx, hit):
            continue
        hit = _with_bound(ctx, hit, claims)
        local.take(hit.start, hit.end)
        hits.append(hit)
    explicit = [
        h
        for h in hits
        if h.span is not None and _granularity(h.span) is not None and not _compared_date(ctx, h)
    ]
    anchors = [h for h in explicit if h.bound is None]
    found: dict[int, tuple[tuple[date, date], str | None] | None] = {}
    for i, hit in enumerate(hits):
        if hit.span is not None:
            found[i] = hit.span, None
        elif hit.by_year is not None:
            found[i] = _complete_year(ctx, hit, explicit, _tense(ctx, hit))
            span = found[i]
            if span is not None and hit.bound is None and _granularity(span[0]) is not None:
                anchors.append(replace(hit, span=span[0]))  # "On July 28, ... Wednesday"
    relative = [i for i, hit in enumerate(hits) if hit.relative is not None]
    for i in relative:
        found[i] = _resolve_relative(ctx, hits[i], anchors, _tense(ctx, hits[i]))
    # A resolved relative date anchors the bare weekdays it governs: in "said Monday that the
    # bridge would reopen Wednesday" Wednesday comes after that Monday, not after the
    # article date. Periods ("last week") stay relative to the article date.
    said = [
        replace(hits[i], span=resolved[0])
        for i in relative
        if (resolved := found[i]) is not None and hits[i].bound is None
    ]
    for i in (i for i in relative if hits[i].forward is not None):
        others = [a for a in said if (a.start, a.end) != (hits[i].start, hits[i].end)]
        if others and any(_anchors(ctx, a, hits[i]) for a in others):
            found[i] = _resolve_relative(ctx, hits[i], anchors + others, _tense(ctx, hits[i]))
    for i, hit in enumerate(hits):
        resolved = found.get(i)
        if resolved is None:
            text = " ".join(ctx.text[hit.start : hit.end].split())
            yield _date_value(ctx, hit, None, f"no date to resolve '{text}' against")
        else:
            days, note = resolved
            hit, days = _near_midnight(ctx, hit, days, claims)
            yield _date_value(ctx, hit, days, note)


_LATE_EARLY_BEFORE = re.compile(r"(?i)\b(?P<w>late|early)\s+(?:on\s+)?$")
_NIGHT_AFTER = re.compile(r"(?i)\s+(?P<w>night|overnight)\b")
#: Words of a day's own text that reach past midnight: "tonight", "last night".
_NIGHT_WORDS = re.compile(r"(?i)\b(?:tonight|night)\b")


def _near_midnight(
    ctx: _Context, hit: _DateHit, span: tuple[date, date], claims: _Claims
) -> tuple[_DateHit, tuple[date, date]]:
    """Widen one day by the next or the previous when the words put its time near
    midnight, which sources place on either side: "Tuesday night", "late Tuesday",
    "tonight" and "last night" also cover the next day, "early Wednesday" the day before,
    so "ended Tuesday night" fits "ended early Wednesday". The words join the value's text.
    """
    if span[0] != span[1] or hit.bound is not None:
        return hit, span
    text = ctx.text
    first, last = span
    before = _LATE_EARLY_BEFORE.search(text, max(0, hit.start - 12), hit.start)
    after = _NIGHT_AFTER.match(text, hit.end)
    start, end, word = hit.start, hit.end, None
    if before is not None and claims.free(before.start(), hit.start):
        start, word = before.start(), before["w"].lower()
        if word == "early":
            first -= timedelta(days=1)
        else:
            last += timedelta(days=1)
    if after is not None and claims.free(hit.end, after.end()):
        end, word = after.end(), word or after["w"].lower()
        last = span[1] + timedelta(days=1)
    elif _NIGHT_WORDS.search(text, hit.start, hit.end):
        last = span[1] + timedelta(days=1)
        word = word or "night"
    if word is None:
        return hit, span
    return replace(hit, start=start, end=end, qualifier=word), (first, last)


def _trim_entity(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop edge punctuation and a possessive "'s" from an entity span."""
    while start < end and text[start] in _EDGE_PUNCT:
        start += 1
    while start < end and text[end - 1] in _EDGE_PUNCT:
        end -= 1
    m = _POSSESSIVE.search(text, start, end)
    if m is not None and m.start() > start:
        end = m.start()
    while start < end and text[end - 1] in _EDGE_PUNCT:
        end -= 1
    last = text[start:end].split()[-1] if end > start else ""
    if last.endswith(".") and last.count(".") == 1 and last[:-1].lower() not in _LEGAL_SUFFIXES:
        end -= 1  # a sentence's full stop, not an abbreviation's ("U.S.", "Inc.")
    return start, end


def _product_spans(ctx: _Context) -> list[tuple[int, int]]:
    """Names with a version number that spaCy often misses ("GPT-4", "Llama 3"), widened
    over the model name around them (see :func:`_widen_product`)."""
    out: list[tuple[int, int]] = []
    for m in _PRODUCT_VERSION.finditer(ctx.text):
        name = m["name"]
        if name in _NOT_PRODUCT_NAMES:
            continue
        i = _token_at(ctx, m.start())
        if ctx.tokens and (i is None or ctx.tokens[i].start != m.start()):
            continue
        if i is not None and not (ctx.tokens[i].pos == "PROPN" or name.isupper()):
            continue
        span = _widen_product(ctx, m.start(), m.end())
        if out and span[0] <= out[-1][1]:  # "Boeing 737" + "Max 9" -> "Boeing 737 Max 9"
            prev = out.pop()
            span = (prev[0], max(prev[1], span[1]))
        out.append(span)
    return out


def _model_word(ctx: _Context, i: int) -> bool:
    """A token that can continue a product name: a capitalised proper noun that is no month
    or weekday and not part of an organisation or place entity."""
    t = ctx.tokens[i]
    if t.pos != "PROPN" or not t.text[:1].isupper() or t.text in _NOT_PRODUCT_NAMES:
        return False
    return not any(
        e.start <= t.start and t.end <= e.end and e.label not in ("PERSON", "PRODUCT")
        for e in ctx.entities
    )


def _widen_product(ctx: _Context, start: int, end: int) -> tuple[int, int]:
    """Take in the words of a model name next to its version number, one space apart:
    capitalised words before it ("Vision" in "Vision Pro 2") and after it, each with its
    own number ("Max 9" in "Boeing 737 Max 9", "Pro Max" in "iPhone 15 Pro Max")."""
    if not ctx.tokens:
        return start, end
    first = _token_at(ctx, start)
    while first is not None and first > 0:
        prev = first - 1
        if ctx.tokens[prev].end + 1 != ctx.tokens[first].start or not _model_word(ctx, prev):
            break
        first = prev
    if first is not None:
        start = min(start, ctx.tokens[first].start)
    nxt = _token_at(ctx, end)
    while nxt is not None and ctx.tokens[nxt].start == end + 1 and _model_word(ctx, nxt):
        end = ctx.tokens[nxt].end
        nxt = _token_at(ctx, end)
        if (
            nxt is not None
            and ctx.tokens[nxt].start == end + 1
            and _VERSION.fullmatch(ctx.tokens[nxt].text)
        ):
            end = ctx.tokens[nxt].end
            nxt = _token_at(ctx, end)
    return start, end


def _model_like(name: str) -> bool:
    """A name shaped like a product model, not a person: a digit ("F-150") or a hyphenated
    part that is a lone capital or a short all-caps code ("Mach-E", "CR-V")."""
    if any(c.isdigit() for c in name):
        return True
    parts = [p for w in name.split() if "-" in w for p in w.split("-")[1:]]
    return any(p.isupper() and len(p) <= 2 for p in parts)


def _saint_place(ctx: _Context, start: int, end: int) -> int | None:
    """The end of "St. Luke's hospital" when a saint's name with a possessive is followed
    by a facility noun, or of "St. Luke's" alone: a saint's possessive names a hospital, a
    church or a school, not a person. None when the entity is not such a name."""
    text = ctx.text
    if not _SAINT.match(text, start):
        return None
    m = _SAINT_POSSESSIVE.match(text, end - 2 if text[end - 2 : end] in ("'s", "’s") else end)
    if m is None:
        return None
    return m.end() if m["noun"] and m["noun"].lower() in _FACILITY_NOUNS else m.end("pos")


def _role_named_people(ctx: _Context, taken: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Two or three capitalised proper nouns spaCy left unlabelled that have a person's role
    as an appositive ("said Ana Ruiz, the city's mayor"): a person's name."""
    toks = ctx.tokens
    out = []
    i = 0
    while i < len(toks):
        j = i
        while j < len(toks) and toks[j].pos == "PROPN" and toks[j].text[:1].isupper():
            j += 1
        run = range(i, j)
        i = max(j, i + 1)
        if not 2 <= len(run) <= 3:
            continue
        first, last = toks[run[0]], toks[run[-1]]
        if any(not (e <= first.start or s >= last.end) for s, e in taken):
            continue
        head = next((k for k in run if toks[k].head not in run or toks[k].head == k), run[-1])
        if any(
            t.head == head and t.dep == "appos" and t.lemma.lower() in _PERSON_ROLES for t in toks
        ):
            out.append((first.start, last.end))
    return out


def _entity_candidates(ctx: _Context) -> list[tuple[int, int, ValueKind, str]]:
    """(start, end, kind, note) of spaCy entities, version-numbered products and the
    corrections above: a person-labelled model name is a product, a saint's possessive a
    place, an unlabelled name with a role appositive a person."""
    products = _product_spans(ctx)
    out = []
    for e in ctx.entities:
        kind = _ENTITY_KINDS.get(e.label)
        if kind is None:
            continue
        inside_product = any(ps <= e.start and e.end <= pe for ps, pe in products)
        if inside_product:
            continue
        start, end, note = e.start, e.end, f"spaCy label {e.label}"
        place_end = _saint_place(ctx, start, end)
        if place_end is not None:
            end, kind, note = place_end, ValueKind.PLACE, f"{note}; a saint's possessive"
        elif kind is ValueKind.PERSON and _model_like(e.text):
            kind, note = ValueKind.PRODUCT, f"{note}; shaped like a model name"
        out.append((start, end, kind, note))
    for ps, pe in products:
        if all(pe <= s or ps >= e for s, e, _, _ in out):
            out.append((ps, pe, ValueKind.PRODUCT, "name with a version number"))
    taken = [(s, e) for s, e, _, _ in out]
    for ps, pe in _role_named_people(ctx, taken):
        out.append((ps, pe, ValueKind.PERSON, "name with a person's role beside it"))
    return out


def _fit_entity(start: int, end: int, numeric: Sequence[Value]) -> tuple[int, int] | None:
    """Where an entity may sit among numeric values: inside a count's noun phrase is fine
    ("millions of AWS Graviton chips"); inside any other value it is part of that value's
    wording (a unit, a quarter); a value at an edge of the entity is cut off
    ("TechCrunch Disrupt 2025")."""
    for v in numeric:
        if end <= v.start or start >= v.end:
            continue
        if v.start <= start and end <= v.end:
            if v.kind is not ValueKind.COUNT or (v.start, v.end) == (start, end):
                return None  # "MW" in "300 MW", "Q2" in "Q2 2025" name no one
            continue
        if start < v.start and end <= v.end:
            end = v.start
        elif v.start <= start and end > v.end:
            start = v.end
        else:
            return None
    return (start, end) if start < end else None


def _find_entities(ctx: _Context, numeric: Sequence[Value]) -> list[Value]:
    out = []
    for start, end, kind, note in _entity_candidates(ctx):
        fitted = _fit_entity(start, end, numeric)
        if fitted is None:
            continue
        start, end = _trim_entity(ctx.text, *fitted)
        norm = _entity_norm(ctx.text[start:end])
        if start >= end or norm in _NOT_NAMES or not any(c.isalpha() for c in norm):
            continue
        out.append(
            Value(kind=kind, text=ctx.text[start:end], start=start, end=end, norm=norm, note=note)
        )
    return out


#: A bare number compared with an amount the sentence states takes that amount's kind and
#: unit: "1.2 million passengers, up from 900,000", "6.1%, down from 5.8", "$5bn, compared
#: with 4.2bn"; in "from 900,000 to 1.2 million passengers" the amount after "to" gives it,
#: and a bare "from" may follow its amount by two words at most ("rose to 40 from 35").
_COMPARED = re.compile(
    r"(?i)\b(?P<how>(?:up|down)\s+from|compared\s+(?:with|to)|versus|vs\.|vs|from)\s+"
    r"(?:(?:an?|the|its)\s+(?:earlier|previous|initial|original|prior|preliminary)\s+"
    r"(?:estimate|figure|forecast|count|tally|total|reading)\s+of\s+)?"
    r"(?:(?P<q>"
    + "|".join(re.escape(q) for q in sorted(_QUALIFIERS, key=len, reverse=True))
    + rf")\s+)?(?P<a>{_NUM})(?P<ab>(?:bn|mn|m|k)(?![A-Za-z]))?"
    r"(?![\w%$€£¥]|[.,]\d|\s*(?:%|percent))"
)
_TO_AFTER = re.compile(r"\s+to\s+")
_ELIDED_KINDS = frozenset({ValueKind.MONEY, ValueKind.PERCENT, ValueKind.COUNT})


def _find_elided(ctx: _Context, claims: _Claims, found: Sequence[Value]) -> Iterator[Value]:
    """Bare numbers of a comparison, typed like the amount they are compared with (see
    ``_COMPARED``). Percentage points and quantities are left out: their unit's scale
    ("basis points", "GW") is not on the value."""
    text = ctx.text
    amounts = [v for v in found if v.kind in _ELIDED_KINDS and v.unit and "pp" not in v.unit]
    for m in _COMPARED.finditer(text):
        if not claims.free(m.start("a"), m.end()) or _YEAR_LIKE.match(m["a"]):
            continue
        to = _TO_AFTER.match(text, m.end())
        before = max((v for v in amounts if v.end <= m.start()), key=lambda v: v.end, default=None)
        if m["how"].lower() == "from":  # "from 900,000 to 1.2 million", "rose to 40 from 35"
            ref = next((v for v in amounts if to and v.start == to.end()), None)
            if ref is None and before is not None:
                ref = before if len(text[before.end : m.start()].split()) <= 2 else None
        else:
            ref = before
        number = _parse_number(m["a"], m["ab"])
        if ref is None or ref.unit is None or number is None:
            continue
        if ref.kind is ValueKind.COUNT:
            number = _exact_count(number, m["a"], m["ab"])
        start = m.start("q") if m["q"] else m.start("a")
        iv = _interval(number, m["q"])
        base, _, period = ref.unit.partition("/")
        amount = _norm_number(iv)
        norm = {
            ValueKind.MONEY: f"{base} {amount}",
            ValueKind.PERCENT: f"{amount}%",
            ValueKind.COUNT: f"{amount} {base}",
        }[ref.kind] + (f"/{period}" if period else "")
        yield _numeric(ref.kind, ctx, start, m.end(), norm, iv, ref.unit)


# --------------------------------------------------------------------------------------
# Roles: the claim, and the figures it is compared with
# --------------------------------------------------------------------------------------

#: Words right before a figure that make it a change's starting point: "up from 9%",
#: "compared with $25 million", "from 4.5%" (when a word of change governs that "from"),
#: "from an earlier estimate of 12".
_PREVIOUS_BEFORE = re.compile(
    r"(?i)\b(?P<cue>(?:up|down)\s+from|compared\s+(?:with|to)|versus|vs\.?|from)\s+"
    r"(?:(?:an?|the|its)\s+(?:earlier|previous|initial|original|prior|preliminary)\s+"
    r"(?:estimate|figure|forecast|count|tally|total|reading)\s+of\s+)?$"
)
#: A date right after a previous figure dates that figure: "from 2,500 in 2024", "up from
#: 900,000 a year ago".
_DATE_OF_PREVIOUS = re.compile(r"(?i)^\s*,?\s*(?:(?:in|during|on|at|for|as\s+of)\s+)?$")
#: Adverbs that make a figure one since corrected, when a later figure of the same kind is
#: the object of a word of change: "initially reported 12 deaths but later revised the
#: figure to 14", "the toll, initially put at 12, rose to 14".
_FIRST_WORDS = frozenset({"initially", "originally", "first", "earlier", "previously"})
_EARLIER_FIGURE_BEFORE = re.compile(
    r"(?i)\b(?:an?|the|its)\s+(?:earlier|previous|initial|original|preliminary|first)\s+"
    r"(?:estimate|figure|forecast|count|tally|total|report)\s+of\s+$"
)
_BARE_YEAR = re.compile(r"^(?:19|20)\d{2}$")


def _with_roles(ctx: _Context, values: Sequence[Value]) -> tuple[Value, ...]:
    """Each value with its :class:`~factcheck.types.ValueRole`.

    - *previous*: the figure a change starts from or is compared with: after "from" (when
      a word of :data:`_CHANGE_WORDS` governs it: "fell to 4.2% from 4.5%", "revised up
      to 14 from 12"), "up/down from", "compared with/to", "versus", or inside "after a 9%
      rise"; and a date longer than a day in such a phrase or right after its figure ("up
      from 9% in 2024", "from 2,500 in 2024"; a day, "from 12 on Tuesday", dates the
      change itself). The figure after "to" is the current one.
    - *superseded*: a figure governed by "initially", "originally", "first", "earlier" or
      "previously" (or after "an earlier estimate of") when a later figure of the same kind
      is the object of a word of change: "initially reported 12 deaths but later revised
      the figure to 14".
    - *attribute*: a bare year that names its noun ("the 2019 trade agreement", "its 2025
      results"), which dates that thing, not the sentence's event (see
      :func:`_year_modifier`; "In a 2024 letter, ... wrote" dates the writing and stays
      current).
    - *current*: everything else.
    """
    roles = [ValueRole.CURRENT] * len(values)
    for k, v in enumerate(values):
        if v.kind in AMOUNT_KINDS and _comparison_cue(ctx, v, own_preposition=True) is not None:
            roles[k] = ValueRole.PREVIOUS
    for k, v in enumerate(values):
        if v.kind is not ValueKind.DATE:
            continue
        after_previous = any(
            roles[j] is ValueRole.PREVIOUS
            and p.end <= v.start
            and _DATE_OF_PREVIOUS.match(ctx.text[p.end : v.start])
            for j, p in enumerate(values)
        )
        if v.low is not None and v.low == v.high:
            continue  # a day ("revised to 14 from 12 on Tuesday") dates the change itself
        cue = _comparison_cue(ctx, v, own_preposition=False)
        in_comparison = cue is not None and any(
            roles[j] is ValueRole.PREVIOUS and cue <= p.start < v.start
            for j, p in enumerate(values)
        )  # the phrase holds the earlier figure: not "cut $8m from next year's budget"
        if after_previous or in_comparison:
            roles[k] = ValueRole.PREVIOUS
        elif _attribute_year(ctx, v):
            roles[k] = ValueRole.ATTRIBUTE
    for k, v in enumerate(values):
        if roles[k] is ValueRole.CURRENT and v.kind in AMOUNT_KINDS and _initially(ctx, v):
            verb = _verb_of(ctx, v)
            if any(
                w.kind is v.kind
                and w.start >= v.end
                and roles[j] is ValueRole.CURRENT
                and (wv := _verb_of(ctx, w)) is not None
                and wv != verb
                and ctx.tokens[wv].lemma.lower() in _CHANGE_WORDS
                for j, w in enumerate(values)
            ):
                roles[k] = ValueRole.SUPERSEDED
    return tuple(
        v if r is ValueRole.CURRENT else replace(v, role=r)
        for v, r in zip(values, roles, strict=True)
    )


def _comparison_cue(ctx: _Context, v: Value, *, own_preposition: bool) -> int | None:
    """Where the comparison phrase ``v`` sits in starts (see :func:`_with_roles`), or None:
    the cue right before it, or a cue among its heads below its verb. ``own_preposition``
    says whether the value's own preposition counts (it does for a figure, "from 4.5%";
    not for a date, whose "from" starts a range: "from May to June")."""
    cue = _PREVIOUS_BEFORE.search(ctx.text, max(0, v.start - 60), v.start)
    if own_preposition and cue is not None:
        if cue["cue"].lower() != "from" or _is_change(ctx, cue.start("cue")):
            return cue.start("cue")
        return None
    root = _span_root(ctx, v.start, v.end)
    if root is None:
        return None
    toks = ctx.tokens
    i, first = root, True
    for _ in range(len(toks)):
        h = toks[i].head
        if h == i:
            return None
        head = toks[h]
        word = head.text.lower()
        own = first and head.pos == "ADP"
        first = False
        if word == "to":  # "from 35 to 40": the figure after "to" is the current one
            return head.start if toks[head.head].lemma.lower() == "compare" else None
        if not own or own_preposition:
            if word == "from" and _is_change(ctx, head.start):
                return head.start
            if head.lemma.lower() == "compare" or word in ("versus", "vs", "vs."):
                return head.start
            if word in ("after", "following") and any(
                t.head == h and t.dep == "pobj" and t.lemma.lower() in _CHANGE_WORDS for t in toks
            ):
                return head.start  # "after a 9% rise in 2024"
        if head.pos in _PREDICATE_POS:
            return None
        i = h
    return None


def _verb_of(ctx: _Context, v: Value) -> int | None:
    """The first verb above a value, if the sentence is parsed."""
    root = _span_root(ctx, v.start, v.end)
    if root is None:
        return None
    return next((i for i in _ancestors(ctx, root)[1:] if ctx.tokens[i].pos in _PREDICATE_POS), None)


def _initially(ctx: _Context, v: Value) -> bool:
    """Whether ``v`` is told as a first figure: its verb has an adverb of
    :data:`_FIRST_WORDS` ("initially reported 12 deaths", "initially put at 12"), or it
    follows "an earlier estimate of"."""
    if _EARLIER_FIGURE_BEFORE.search(ctx.text, max(0, v.start - 50), v.start):
        return True
    verb = _verb_of(ctx, v)
    return verb is not None and any(
        t.head == verb and t.dep == "advmod" and t.lemma.lower() in _FIRST_WORDS for t in ctx.tokens
    )


def _attribute_year(ctx: _Context, v: Value) -> bool:
    """A bare year that modifies a noun which is not its verb's occasion (see
    :func:`_predicate`): "the 2019 agreement", not "in a 2024 letter"."""
    if not _BARE_YEAR.match(v.text) or not _year_modifier(ctx, v.start, v.end):
        return False
    root = _span_root(ctx, v.start, v.end)
    return root is not None and _predicate(ctx, root) is None


def _per_period(text: str, v: Value) -> Value:
    """``v`` as a rate when a period follows it ("1,200 passengers a day"; see ``_RATE``).

    The period goes into ``unit`` and ``norm`` ("passenger/day"); ``text`` stays the amount
    as written ("1,200 passengers"), like a count's text that stops at its noun.
    """
    m = _RATE.match(text, v.end) if v.kind in _RATE_KINDS else None
    if m is None:
        return v
    word = (m["p"] or m["s"] or m["adv"]).lower()
    period = _PERIODS.get(word, word)
    return replace(v, unit=f"{v.unit}/{period}", norm=f"{v.norm}/{period}")


_FINDERS: tuple[Callable[[_Context, _Claims], Iterator[Value]], ...] = (
    _find_money,
    _find_percents,
    _find_dates,
    _find_ages,
    _find_quantities,
    _find_tallies,
    _find_counts,
)


def extract(statement: Statement, *, published: date | None) -> Statement:
    """Fill ``statement.values`` with the typed values its text states.

    Times of day are set aside first. Finders then run in a fixed order (money, percent,
    date, age, quantity, tally, count, then bare numbers of a comparison) and a later one
    may not reuse characters an earlier one took, so "$14" is never also a count and
    "two years ago" never also a duration. Clock times and named entities come last
    (entities may sit inside a larger value: "millions of AWS Graviton chips"), and then
    every value gets its role (:func:`_with_roles`).

    Args:
        statement: a segmented statement with its spaCy tokens and entities.
        published: the article's date; anchors relative dates ("next year", "Wednesday")
            and gives a year to "July 14". None leaves such dates unresolved.

    Returns:
        A copy of ``statement`` whose ``values`` are sorted by ``(start, end, kind)``.
    """
    ctx = _Context(statement.text, statement.tokens, statement.entities, published)
    claims = _Claims()
    for pattern in (_TIME_SPAN, _TIME_OF_DAY):
        for m in pattern.finditer(ctx.text):
            claims.take(m.start(), m.end())
    values: list[Value] = []
    for finder in _FINDERS:
        for v in finder(ctx, claims):
            v = _per_period(ctx.text, v)
            if v.text.strip() and claims.free(v.start, v.end):
                claims.take(v.start, v.end)
                values.append(v)
    for v in _find_elided(ctx, claims, values):
        claims.take(v.start, v.end)
        values.append(v)
    values += _find_times(ctx, values)
    values += _find_entities(ctx, values)
    values.sort(key=lambda v: (v.start, v.end, v.kind.value))
    return replace(statement, values=_with_roles(ctx, values))


def _find_times(ctx: _Context, found: Sequence[Value]) -> list[Value]:
    """Clock times as minutes of the day ("3 p.m." is 900), or of the one day the sentence
    states ("at 3 p.m. on Monday"): unit "time" without a day, "datetime" with one, so a
    time compares only with a time that carries a day the same way.

    A time written to the hour allows 30 minutes each side, one to the minute 10, one after
    "about"/"shortly after" an hour. A span ("from 9 a.m. to 6 p.m.", :data:`_TIME_SPAN`)
    is one value from its first end's low limit to its last end's high one, unit "time
    span" (or "datetime span"), whose ends :func:`compatible` compares; "between 3 and 5
    p.m." is a moment in that window, unit "time". A zone after the time (:func:`_zone`)
    puts it on a zone's clock: US zones on Eastern time (unit suffix "@ET", "noon PT" is
    15:00 ET), fixed zones on UTC ("@UTC"); a time with a zone never compares with one
    without, nor an Eastern clock with UTC. Not read: "6 o'clock" (morning or evening?),
    times within an hour of midnight (sources put them on either day), spans that cross
    midnight or whose ends are out of order, the ends of other ranges ("9 and 11 a.m."
    without "between"), bounds ("by 3 p.m."), and times in a sentence with two days.
    """
    text = ctx.text
    days = {
        v.low for v in found if v.kind is ValueKind.DATE and v.low is not None and v.low == v.high
    }
    if len(days) > 1:
        return []
    out: list[Value] = []
    spans: list[tuple[int, int]] = []
    for m in _TIME_SPAN.finditer(text):
        if m["sep"].lower() == "and" and (m["lead"] or "").lower() != "between":
            continue
        last = _clock(m["t2"], None)
        first = _clock(m["t1"], m["t2"])
        if first is None or last is None or not _in_day(first[0]) or not _in_day(last[0]):
            continue
        if first[0] >= last[0]:
            continue
        start = m.start()
        spans.append((m.start(), m.end()))
        zone, end = _zone(text, m.end())
        window = (m["lead"] or "").lower() == "between"  # a moment within it, not a span
        out.append(_time_value(text, (start, end), days, zone, (first, last), window=window))
    for m in _TIME_OF_DAY.finditer(text):
        if m["oclock"] or any(a <= m.start() < b for a, b in spans):
            continue
        clock = _clock(m[0], None)
        if clock is None or not _in_day(clock[0]):
            continue
        minutes, tolerance = clock
        if _TIME_RANGE_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue
        if _TIME_RANGE_AFTER.match(text, m.end()):
            continue
        start, qualifier = m.start(), None
        q = _TIME_QUALIFIER.search(text, max(0, m.start() - 25), m.start())
        if q is not None and q["bound"]:
            continue
        if q is not None:
            start, qualifier, tolerance = q.start(), " ".join(q["about"].lower().split()), 60
        zone, end = _zone(text, m.end())
        ends = ((minutes, tolerance),)
        out.append(_time_value(text, (start, end), days, zone, ends, qualifier=qualifier))
    return out


def _in_day(minutes: int) -> bool:
    """Not within an hour of midnight, where sources put a time on either day."""
    return 60 <= minutes < 23 * 60


#: The parts of one written clock time: hour, minutes, "a" or "p".
_CLOCK_PARTS = re.compile(r"(?i)(\d{1,2})(?::([0-5]\d))?\s*(?:([ap])(?:\.m\.|m))?")


def _clock(written: str, partner: str | None) -> tuple[int, int] | None:
    """Minutes of the day and the rounding allowance of a written time ("3:15 p.m." is
    (915, 10), "noon" (720, 30), "15:00" (900, 10)); a bare hour ("3" of "3 to 5 p.m.")
    takes its ``partner``'s a.m. or p.m. None for an hour that is no clock's."""
    w = written.strip()
    if w.lower() in ("noon", "midday"):
        return 12 * 60, 30
    m = _CLOCK_PARTS.fullmatch(w)
    if m is None:
        return None
    hour, minute = int(m[1]), int(m[2] or 0)
    ap = m[3]
    if ap is None and partner is not None:
        other = _CLOCK_PARTS.fullmatch(partner.strip())
        ap = other[3] if other else None
    if ap is None:  # a 24-hour clock ("at 15:00"; :data:`_TIME_OF_DAY` needs the "at")
        return (hour * 60 + minute, 10) if partner is None and m[2] and hour <= 23 else None
    if not 1 <= hour <= 12:
        return None
    hour = hour % 12 + (12 if ap.lower() == "p" else 0)
    return hour * 60 + minute, 10 if m[2] else 30


def _zone(text: str, end: int) -> tuple[tuple[str, float] | None, int]:
    """The zone written right after a time ending at ``end`` (:data:`_TIME_ZONE`): its
    clock ("ET" or "UTC") and its hours ahead of that clock, and where it ends; (None,
    ``end``) for no zone, an unknown one, or "local time" (which is read over, as no
    zone)."""
    m = _TIME_ZONE.match(text, end)
    if m is None:
        return None, end
    if m["local"]:
        return None, m.end()
    key = (m["abbr"] or m["name"] or "").upper()
    if key in _US_ZONES:
        return ("ET", _US_ZONES[key]), m.end()
    if key in _UTC_ZONES:
        return ("UTC", _UTC_ZONES[key]), m.end()
    return None, end


def _time_value(
    text: str,
    where: tuple[int, int],
    days: set[float],
    zone: tuple[str, float] | None,
    ends: Sequence[tuple[int, int]],
    *,
    qualifier: str | None = None,
    window: bool = False,
) -> Value:
    """A TIME value at ``where`` in ``text``: one time, a span or (``window``) a moment
    between two times, from its ``ends`` (minutes of the local clock, allowance), moved
    onto the zone's clock and onto the sentence's one day, if any (see
    :func:`_find_times`)."""
    shift = 0.0 if zone is None else -zone[1] * 60
    base = next(iter(days)) * 1440 if days else 0.0
    (first, low_by), (last, high_by) = ends[0], ends[-1]

    def shown(minutes: float) -> str:
        clock = f"{int(minutes % 1440) // 60:02d}:{int(minutes % 60):02d}"
        return f"{date.fromordinal(int(minutes // 1440)).isoformat()} {clock}" if days else clock

    norm = "-".join(shown(base + m + shift) for m, _ in ends)
    unit = ("datetime" if days else "time") + (" span" if len(ends) > 1 and not window else "")
    if zone is not None:
        norm, unit = f"{norm} {zone[0]}", f"{unit}@{zone[0]}"
    return Value(
        kind=ValueKind.TIME,
        text=text[where[0] : where[1]],
        start=where[0],
        end=where[1],
        norm=norm,
        low=base + first - low_by + shift,
        high=base + last + high_by + shift,
        unit=unit,
        qualifier=qualifier,
    )


def _closed(v: Value) -> bool:
    """Whether the ends of ``v``'s interval are stated values rather than rounding limits.

    An exact value (``low == high``: a whole count, an age) and a qualified one ("at least
    200", "up to $5m", "about 8%") end at numbers the text states, so another value may sit
    exactly there. A rounding interval ends half a unit of the last digit away, at a number
    the text rounds away from ("12" stops short of 12.5, where "13" starts).
    """
    qualifier = v.qualifier or ""
    return v.low == v.high or qualifier in _QUALIFIERS or qualifier in ("odd", "plus")


def _overlap(a: Value, b: Value) -> bool:
    """Whether two intervals can hold one true value (see :func:`compatible`)."""
    if a.low is None or a.high is None or b.low is None or b.high is None:
        return True
    if a.kind is ValueKind.DATE:
        return a.low <= b.high and b.low <= a.high  # whole days, both ends included
    if a.low < b.high and b.low < a.high:
        return True  # they share more than one point
    touching = a.high == b.low or b.high == a.low
    return touching and _closed(a) and _closed(b)


#: Scale words a large sum is shown with (see :func:`display`): "USD 14.3 billion".
_DISPLAY_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
#: Units a duration is shown in, largest first (see :func:`display`): "8 years", "16 weeks".
_DISPLAY_DURATIONS = (
    ("year", _YEAR_S), ("month", _YEAR_S / 12), ("week", 7 * 86400.0), ("day", 86400.0),
    ("hour", 3600.0), ("minute", 60.0), ("second", 1.0),
)  # fmt: skip
_NORM_NUMBER = r"-?\d+(?:\.\d+)?(?:e[-+]\d+)?"
_NORM_FIGURE = re.compile(
    rf"^(?P<pre>~<=|~>=|>=|<=|~)?(?P<a>{_NORM_NUMBER})(?:\.\.(?P<b>{_NORM_NUMBER}))?$"
)


def display(value: Value) -> str:
    """The normalised figure of ``value`` as a reader writes it, for reasons and tags; the
    same value always shows the same way. A sum has a scale word ("USD 1.43e+10" -> "USD
    14.3 billion", a range "USD 4.6-4.8 billion"); a duration the largest unit that counts
    it whole ("2.52e+08 s" -> "8 years", "9.68e+06 s" -> "16 weeks"); another quantity an
    SI prefix or a larger unit (:data:`_DISPLAY_PREFIXES`: "5e+09 W" -> "5 GW", "4e+07 kg"
    -> "40,000 t") or its written unit ("40000 ton" -> "40,000 ton"); percents and counts
    their figures with thousands separators ("20000..30000 home" -> "20,000-30,000 home").
    Qualifier signs stay ("<=3 years", "~10%"). Dates, times, tallies, names, and a norm
    of another shape show ``norm`` itself, which stays the figure compared."""
    norm = value.norm
    if value.kind is ValueKind.MONEY:
        unit, _, figure = norm.partition(" ")
        m = _NORM_FIGURE.match(figure)
        return f"{unit} {m['pre'] or ''}{_sum_range(m['a'], m['b'])}" if m else norm
    if value.kind is ValueKind.QUANTITY and norm.endswith(" s"):
        m = _NORM_FIGURE.match(norm[:-2])
        if m is None:
            return norm
        a = float(m["a"])
        name, size = next(
            ((n, z) for n, z in _DISPLAY_DURATIONS if a >= z and _whole(a / z)),
            next(((n, z) for n, z in _DISPLAY_DURATIONS if a >= z), _DISPLAY_DURATIONS[-1]),
        )
        figures = [f"{x / size:.4g}" for x in (a, float(m["b"]) if m["b"] else None) if x]
        plural = "" if figures == ["1"] else "s"
        return f"{m['pre'] or ''}{'-'.join(figures)} {name}{plural}"
    if value.kind is ValueKind.PERCENT:
        for suffix in ("%", " pp"):
            m = _NORM_FIGURE.match(norm.removesuffix(suffix)) if norm.endswith(suffix) else None
            if m is not None:
                return f"{m['pre'] or ''}{_figures(m['a'], m['b'], 1.0)}{suffix}"
        return norm
    if value.kind in (ValueKind.QUANTITY, ValueKind.COUNT):
        figure, _, unit = norm.partition(" ")
        m = _NORM_FIGURE.match(figure)
        if m is None or not unit:
            return norm
        base, slash, period = unit.partition("/")
        scale, shown = 1.0, base
        if value.kind is ValueKind.QUANTITY and base in _DISPLAY_PREFIXES:
            top = max(abs(float(m["b"] or m["a"])), abs(float(m["a"])))
            scale, shown = next(
                ((z, u) for z, u in _DISPLAY_PREFIXES[base] if top >= z), (1.0, base)
            )
        return f"{m['pre'] or ''}{_figures(m['a'], m['b'], scale)} {shown}{slash}{period}"
    return norm


#: Larger units a quantity in an SI base unit is shown in (see :func:`display`), largest
#: first: the first whose size the figure reaches. Mass in tonnes, not megagrams.
_DISPLAY_PREFIXES: dict[str, tuple[tuple[float, str], ...]] = {
    base: tuple((z, f"{p}{base}") for z, p in ((1e18, "E"), (1e15, "P"), (1e12, "T"),
                                                (1e9, "G"), (1e6, "M"), (1e3, "k")))
    for base in ("W", "J", "B", "Hz", "FLOP/s")
} | {
    "kg": ((1e3, "t"),),
    "m": ((1e3, "km"),),
    "m2": ((1e6, "km2"),),
}  # fmt: skip


def _figures(a: str, b: str | None, scale: float) -> str:
    """One figure or a range of two ("20,000-30,000"), divided by ``scale``, as
    :func:`_readable` writes them."""
    return "-".join(_readable(float(x) / scale) for x in (a, b) if x)


def _readable(x: float) -> str:
    """A figure for a reader, always written one way: thousands separators and at most two
    decimals ("36,287.39", "40,000", "1.5"), a scale word from a million ("36.29
    million"), three significant digits below one ("0.0254")."""
    if not math.isfinite(x):
        return "inf" if x > 0 else "-inf"
    if abs(x) >= 1e6:
        figure, word = _scaled_sum(abs(x))
        return f"{'-' if x < 0 else ''}{figure}{word}"
    if abs(x) >= 1 or x == 0:
        return f"{x:,.2f}".rstrip("0").rstrip(".")
    return f"{x:.3g}"


def _whole(x: float) -> bool:
    return abs(x - round(x)) < 1e-6 * max(1.0, x)


def _sum_range(a: str, b: str | None) -> str:
    """A sum or a range of sums, with one scale word when both ends share it: "14.3
    billion", "4.6-4.8 billion", "900 million-1.2 billion"."""
    ends = [_scaled_sum(float(x)) for x in (a, b) if x]
    if len(ends) == 2 and ends[0][1] == ends[1][1]:
        return f"{ends[0][0]}-{ends[1][0]}{ends[1][1]}"
    return "-".join(f"{n}{w}" for n, w in ends)


def _scaled_sum(x: float) -> tuple[str, str]:
    """A sum's figure and scale word: (14.3, " billion"), ("12,500", "")."""
    scale, word = next(((z, w) for z, w in _DISPLAY_SCALES if x >= z), (1.0, ""))
    if not word:
        return f"{x:,.2f}".removesuffix(".00"), ""
    return f"{x / scale:.4g}", f" {word}"


def comparable(a: Value, b: Value) -> bool:
    """Whether ``a`` and ``b`` measure the same kind of thing, so they could conflict.

    Money needs one currency (no exchange rates are applied), quantities one SI base unit,
    counts one counted-noun lemma ("3 researchers" vs "3 data centers" are not comparable),
    rates one period ("a day" vs "a week" are not), dates need both resolved. Tallies
    compare with tallies. Entities are comparable within a kind, and across
    ORG/PLACE/PRODUCT because spaCy mixes those labels up.
    """
    if a.kind in _NAME_KINDS or b.kind in _NAME_KINDS:
        if a.kind is b.kind:
            return True
        return a.kind in _NON_PERSON_KINDS and b.kind in _NON_PERSON_KINDS
    if a.kind is not b.kind:
        return False
    if a.kind is ValueKind.DATE:
        return a.resolved and b.resolved and None not in (a.low, a.high, b.low, b.high)
    return a.unit == b.unit


def compatible(a: Value, b: Value) -> bool:
    """Whether ``a`` and ``b`` can both be true.

    Numbers and dates: comparable and with overlapping intervals ("$14.3 billion" and
    "more than $14 billion" are). Numeric intervals that only touch at a rounding limit
    do not overlap ("$42 million" ends where "$43 million" starts); day intervals include
    both ends. An unresolved date is compatible with any date. Entities:
    the same normalised name or aliases by the token-subset rule ("zuckerberg" and "mark
    zuckerberg"; "meta" and "meta platforms"), whatever their labels, or, when neither is
    a person, one the acronym of the other as written ("FAA" and "Federal Aviation
    Administration"; not "Ng" and "Nancy Grant", see :func:`_is_acronym`).
    """
    if a.kind in _NAME_KINDS and b.kind in _NAME_KINDS:
        if same_name(a.norm, b.norm, acronyms=False):
            return True
        if ValueKind.PERSON in (a.kind, b.kind):  # a surname is no acronym of a person
            return False
        return _is_acronym(a.text, b.text) or _is_acronym(b.text, a.text)
    if a.kind is not b.kind:
        return False
    if a.kind is ValueKind.DATE and not (a.resolved and b.resolved):
        return True
    if a.kind is ValueKind.TALLY:  # the same two numbers, in either order
        return a.norm == b.norm
    if a.kind is ValueKind.TIME and " span" in (a.unit or ""):
        return comparable(a, b) and _ends_agree(a, b)
    if a.kind is ValueKind.DATE and _deadline(a) and _deadline(a) == _deadline(b):
        return a.low == b.low and a.high == b.high  # "by March 15" / "by April 15": two dates
    return comparable(a, b) and _overlap(a, b)


def _deadline(v: Value) -> str:
    """The bound a date states ("<=" for "by March 15", ">" for "after March 3"), or "".
    Two deadlines of one bound are compared by their dates: both "by March 15" and "by
    April 15" could hold, but a report that gives one is not telling the other."""
    return next((op for op in ("<=", ">=", "<", ">") if v.norm.startswith(op)), "")


#: How far apart, in minutes, the ends of two spans of clock times may lie and still be
#: one end: the two allowances of times to the hour (30 minutes each).
_SPAN_END_SLACK = 60.0


def _ends_agree(a: Value, b: Value) -> bool:
    """Whether two spans of clock times ("from 9 a.m. to 6 p.m.") can both be true. A span
    claims both its ends (a clinic open from 9 to 6 is not open until 8), so each end
    must lie within :data:`_SPAN_END_SLACK` of the other span's: "9 a.m. to 6 p.m." fits
    "9 a.m. to 6:30 p.m.", not "9 a.m. to 8 p.m.", though the two overlap."""
    if a.low is None or a.high is None or b.low is None or b.high is None:
        return True
    return abs(a.low - b.low) < _SPAN_END_SLACK and abs(a.high - b.high) < _SPAN_END_SLACK
