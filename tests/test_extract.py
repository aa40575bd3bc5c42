"""Typed value extraction: money, percents, quantities, counts, dates and entities.

Statements are parsed by the real spaCy model (``statement_factory``), because counts and
relative dates depend on the dependency parse.
"""

from __future__ import annotations

import itertools
import math
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date

import pytest

from factcheck.extract import comparable, compatible, display, extract, maybe_contains, same_name
from factcheck.types import Statement, Value, ValueKind, ValueRole

Make = Callable[..., Statement]

#: A Wednesday; the seed articles were published that day.
PUBLISHED = date(2025, 7, 30)


def run(make: Make, text: str, published: date | None = PUBLISHED) -> Statement:
    return extract(make(text), published=published)


def values(
    make: Make, text: str, kind: ValueKind, published: date | None = PUBLISHED
) -> list[Value]:
    return [v for v in run(make, text, published).values if v.kind is kind]


def one(make: Make, text: str, kind: ValueKind, published: date | None = PUBLISHED) -> Value:
    found = values(make, text, kind, published)
    assert len(found) == 1, found
    return found[0]


def day(d: date) -> float:
    return float(d.toordinal())


# --- money ------------------------------------------------------------------------------


def test_extract_money_interval_follows_stated_precision(statement_factory: Make) -> None:
    v = one(statement_factory, "Meta invested $14.3 billion in Scale AI.", ValueKind.MONEY)
    assert (v.text, v.unit, v.norm) == ("$14.3 billion", "USD", "USD 1.43e+10")
    assert (v.low, v.high) == (14.25e9, 14.35e9)


def test_extract_money_whole_number_allows_half_a_unit(statement_factory: Make) -> None:
    v = one(statement_factory, "Meta invested $14 billion in Scale AI.", ValueKind.MONEY)
    assert (v.low, v.high) == (13.5e9, 14.5e9)


@pytest.mark.parametrize("other", ["$14.3bn", "$14.3B", "$14.3 bn", "US$14.3 billion"])
def test_extract_money_abbreviations_compatible(statement_factory: Make, other: str) -> None:
    a = one(statement_factory, "Meta invested $14.3 billion in Scale AI.", ValueKind.MONEY)
    b = one(statement_factory, f"Meta invested {other} in Scale AI.", ValueKind.MONEY)
    assert b.text == other
    assert comparable(a, b) and compatible(a, b)


def test_extract_money_more_than_compatible(statement_factory: Make) -> None:
    a = one(statement_factory, "Meta invested $14.3 billion in Scale AI.", ValueKind.MONEY)
    b = one(statement_factory, "Meta invested more than $14 billion in Scale AI.", ValueKind.MONEY)
    assert (b.text, b.qualifier, b.low, b.high) == (
        "more than $14 billion",
        "more than",
        14e9,
        math.inf,
    )
    assert compatible(a, b)


def test_extract_money_different_amount_incompatible(statement_factory: Make) -> None:
    a = one(statement_factory, "Meta invested $14.3 billion in Scale AI.", ValueKind.MONEY)
    b = one(statement_factory, "Meta invested $2 billion in Scale AI.", ValueKind.MONEY)
    assert comparable(a, b) and not compatible(a, b)


def test_extract_money_about_widens_by_ten_percent(statement_factory: Make) -> None:
    a = one(statement_factory, "Meta invested $14.3 billion in Scale AI.", ValueKind.MONEY)
    b = one(statement_factory, "Meta invested about $14 billion in Scale AI.", ValueKind.MONEY)
    assert b.low == pytest.approx(12.6e9) and b.high == pytest.approx(15.4e9)
    assert compatible(a, b)


def test_extract_money_nearly_stays_below_the_value(statement_factory: Make) -> None:
    v = one(statement_factory, "The deal was worth nearly $2bn last year.", ValueKind.MONEY)
    assert (v.qualifier, v.low, v.high) == ("nearly", pytest.approx(1.8e9), 2e9)


def test_extract_money_up_to_is_an_upper_bound(statement_factory: Make) -> None:
    v = one(statement_factory, "Meta will spend up to $500 million on chips.", ValueKind.MONEY)
    assert (v.text, v.low, v.high) == ("up to $500 million", 0.0, 5e8)


@pytest.mark.parametrize(
    ("text", "surface", "unit", "value"),
    [
        ("It paid US$2 million for the firm.", "US$2 million", "USD", 2e6),
        ("It paid €5m for the firm.", "€5m", "EUR", 5e6),
        ("It paid £300,000 for the firm.", "£300,000", "GBP", 3e5),
        ("It paid 5 million dollars for the firm.", "5 million dollars", "USD", 5e6),
        ("It paid 5 million euros for the firm.", "5 million euros", "EUR", 5e6),
    ],
)
def test_extract_money_currency_forms(
    statement_factory: Make, text: str, surface: str, unit: str, value: float
) -> None:
    v = one(statement_factory, text, ValueKind.MONEY)
    assert (v.text, v.unit) == (surface, unit)
    assert v.low is not None and v.high is not None and v.low <= value <= v.high


def test_extract_money_vague_billions_of_dollars(statement_factory: Make) -> None:
    text = "Meta has spent billions of dollars to acquire researchers."
    v = one(statement_factory, text, ValueKind.MONEY)
    assert (v.text, v.qualifier, v.low) == ("billions of dollars", "billions of", 1e9)
    assert v.high is not None and v.high < 1e12 and v.high == pytest.approx(1e12)  # [1e9, 1e12)


def test_extract_money_range_between(statement_factory: Make) -> None:
    text = "The company raised between $1 billion and $2 billion from investors."
    v = one(statement_factory, text, ValueKind.MONEY)
    assert (v.text, v.low, v.high) == ("between $1 billion and $2 billion", 0.5e9, 2.5e9)


def test_extract_money_from_to_is_two_amounts(statement_factory: Make) -> None:
    text = "Revenue grew from $5bn to $7bn in a year."
    assert [v.text for v in values(statement_factory, text, ValueKind.MONEY)] == ["$5bn", "$7bn"]


def test_extract_money_different_currencies_not_comparable(statement_factory: Make) -> None:
    a = one(statement_factory, "It paid $5 million for the firm.", ValueKind.MONEY)
    b = one(statement_factory, "It paid €5 million for the firm.", ValueKind.MONEY)
    assert not comparable(a, b) and not compatible(a, b)


# --- interval compatibility -------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The storm killed 12 people.", "The storm killed 13 people."),
        ("The storm killed 2 people.", "The storm killed 3 people."),
        ("Turnout rose 6% this year.", "Turnout rose 7% this year."),
        ("The repairs cost $42 million.", "The repairs cost $43 million."),
    ],
)
def test_extract_values_one_unit_apart_are_incompatible(
    statement_factory: Make, a: str, b: str
) -> None:
    (va,) = [v for v in run(statement_factory, a).values if v.kind in _AMOUNTS]
    (vb,) = [v for v in run(statement_factory, b).values if v.kind in _AMOUNTS]
    assert comparable(va, vb) and not compatible(va, vb)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Meta invested $14.3 billion.", "Meta invested $14.3bn."),
        ("Meta invested $14.3 billion.", "Meta invested more than $14 billion."),
        ("Meta invested $14.3 billion.", "Meta invested about $14 billion."),
        ("Meta invested $14 billion.", "Meta invested $14.3 billion."),
        ("More than 200 people joined the lab.", "200 people joined the lab."),
        ("Nearly 200 people joined the lab.", "200 people joined the lab."),
        ("Twelve people joined the lab.", "12 people joined the lab."),
    ],
)
def test_extract_roundings_and_qualifiers_stay_compatible(
    statement_factory: Make, a: str, b: str
) -> None:
    (va,) = [v for v in run(statement_factory, a).values if v.kind not in _NAMES]
    (vb,) = [v for v in run(statement_factory, b).values if v.kind not in _NAMES]
    assert compatible(va, vb)


def test_extract_count_in_full_is_exact(statement_factory: Make) -> None:
    v = one(statement_factory, "The storm killed 12 people.", ValueKind.COUNT)
    assert (v.low, v.high) == (12.0, 12.0)
    scaled = one(statement_factory, "The app has 1.2 million users.", ValueKind.COUNT)
    assert (scaled.low, scaled.high) == (1.15e6, 1.25e6)


def test_extract_count_with_decimals_is_not_a_count(statement_factory: Make) -> None:
    assert values(statement_factory, "The quake left 6.4 families homeless.", ValueKind.COUNT) == []


# --- percent ----------------------------------------------------------------------------


@pytest.mark.parametrize("form", ["20%", "20 percent", "20 per cent"])
def test_extract_percent_forms_compatible(statement_factory: Make, form: str) -> None:
    v = one(statement_factory, f"Shares rose {form} after the announcement.", ValueKind.PERCENT)
    assert (v.text, v.unit, v.norm, v.low, v.high) == (form, "%", "20%", 19.5, 20.5)


def test_extract_percent_about_compatible_with_exact(statement_factory: Make) -> None:
    a = one(statement_factory, "Acme will cut about 8% of its workforce.", ValueKind.PERCENT)
    b = one(statement_factory, "Acme will cut 8 percent of its staff.", ValueKind.PERCENT)
    c = one(statement_factory, "Acme will cut 12 percent of its staff.", ValueKind.PERCENT)
    assert compatible(a, b) and not compatible(a, c)


def test_extract_percentage_points_not_comparable_with_percent(statement_factory: Make) -> None:
    a = one(statement_factory, "The share rose 20 percentage points.", ValueKind.PERCENT)
    b = one(statement_factory, "The share rose 20% this year.", ValueKind.PERCENT)
    assert a.unit == "pp" and not comparable(a, b)


# --- quantities -------------------------------------------------------------------------


def test_extract_quantity_gigawatts_normalised_to_watts(statement_factory: Make) -> None:
    text = "Zuckerberg announced plans for a massive 5GW AI data center."
    v = one(statement_factory, text, ValueKind.QUANTITY)
    assert (v.text, v.unit, v.norm, v.low, v.high) == ("5GW", "W", "5e+09 W", 4.5e9, 5.5e9)


def test_extract_quantity_symbol_and_word_compatible(statement_factory: Make) -> None:
    a = one(statement_factory, "Meta plans a 5GW data center.", ValueKind.QUANTITY)
    b = one(statement_factory, "Meta plans a data center of 5 gigawatts.", ValueKind.QUANTITY)
    c = one(statement_factory, "Meta plans a 1GW data center.", ValueKind.QUANTITY)
    assert compatible(a, b) and not compatible(a, c)


def test_extract_quantity_number_words(statement_factory: Make) -> None:
    v = one(statement_factory, "The site will draw five gigawatts of power.", ValueKind.QUANTITY)
    assert (v.text, v.low, v.high) == ("five gigawatts", 4.5e9, 5.5e9)


def test_extract_quantity_dimensions_not_comparable(statement_factory: Make) -> None:
    a = one(statement_factory, "Meta plans a 5GW data center.", ValueKind.QUANTITY)
    b = one(statement_factory, "The cluster stores 5 TB of data.", ValueKind.QUANTITY)
    assert (b.unit, comparable(a, b)) == ("B", False)


@pytest.mark.parametrize(
    "text",
    [
        "Walnuts may cure type 2 diabetes, a study found.",
        "The storm became a category 4 hurricane on Monday.",
        "The drug entered phase 3 trials last year.",
        "Patients with stage 4 cancer were enrolled.",
        "The Model 3 sold well in Europe.",
    ],
)
def test_extract_number_in_a_name_is_no_count(statement_factory: Make, text: str) -> None:
    assert values(statement_factory, text, ValueKind.COUNT) == []


def test_extract_label_noun_leaves_other_counts(statement_factory: Make) -> None:
    text = "The phase 3 trial enrolled 300 patients."
    assert [v.norm for v in values(statement_factory, text, ValueKind.COUNT)] == ["300 patient"]


def test_extract_quantity_ton_is_its_own_unit(statement_factory: Make) -> None:
    tons = one(statement_factory, "The ship carried 40,000 tons of grain.", ValueKind.QUANTITY)
    tonnes = one(statement_factory, "The ship carried 40,000 tonnes of grain.", ValueKind.QUANTITY)
    more = one(statement_factory, "The ship carried 52,000 tons of grain.", ValueKind.QUANTITY)
    assert (tons.norm, tons.unit) == ("40000 ton", "ton")
    assert not comparable(tons, tonnes)  # short, long or metric: not told
    assert comparable(tons, more) and not compatible(tons, more)


def test_extract_quantity_metric_ton_is_a_tonne(statement_factory: Make) -> None:
    metric = one(statement_factory, "The ship carried 40,000 metric tons.", ValueKind.QUANTITY)
    tonnes = one(statement_factory, "The ship carried 40,000 tonnes.", ValueKind.QUANTITY)
    assert metric.unit == "kg" and compatible(metric, tonnes)


def test_extract_quantity_duration(statement_factory: Make) -> None:
    text = "Construction will begin in March 2027 and is expected to last three years."
    v = one(statement_factory, text, ValueKind.QUANTITY)
    assert (v.text, v.unit) == ("three years", "s")
    assert v.low is not None and v.high is not None and v.low < 3 * 365.2425 * 86400 < v.high


# --- counts -----------------------------------------------------------------------------


def test_extract_count_word_and_digits_compatible(statement_factory: Make) -> None:
    a = one(statement_factory, "Meta hired three researchers from OpenAI.", ValueKind.COUNT)
    b = one(statement_factory, "Meta hired 3 researchers from OpenAI.", ValueKind.COUNT)
    assert (a.text, a.unit, a.norm) == ("three researchers", "researcher", "3 researcher")
    assert comparable(a, b) and compatible(a, b)


def test_extract_count_different_nouns_not_comparable(statement_factory: Make) -> None:
    a = one(statement_factory, "Meta hired 3 researchers from OpenAI.", ValueKind.COUNT)
    b = one(statement_factory, "Meta built 3 data centers in Texas.", ValueKind.COUNT)
    assert (b.unit, comparable(a, b)) == ("center", False)


def test_extract_count_different_numbers_incompatible(statement_factory: Make) -> None:
    a = one(statement_factory, "The bridge carries 40,000 vehicles a day.", ValueKind.COUNT)
    b = one(statement_factory, "The bridge carries 25,000 vehicles a day.", ValueKind.COUNT)
    assert comparable(a, b) and not compatible(a, b)


def test_extract_count_with_qualifier(statement_factory: Make) -> None:
    v = one(statement_factory, "More than 200 people joined the lab.", ValueKind.COUNT)
    assert (v.text, v.qualifier, v.low, v.high) == (
        "More than 200 people",
        "more than",
        200.0,
        math.inf,
    )


def test_extract_count_vague_millions_of_chips(statement_factory: Make) -> None:
    text = "Meta has agreed to deploy millions of AWS Graviton chips."
    v = one(statement_factory, text, ValueKind.COUNT)
    assert (v.text, v.unit, v.qualifier, v.low) == (
        "millions of AWS Graviton chips",
        "chip",
        "millions of",
        1e6,
    )
    assert v.high is not None and v.high < 1e9


def test_extract_count_skips_years(statement_factory: Make) -> None:
    text = "In a 2024 letter, Zuckerberg wrote about 2025."
    assert values(statement_factory, text, ValueKind.COUNT) == []


def test_extract_count_skips_ordinals(statement_factory: Make) -> None:
    text = "The 20th anniversary event takes place in San Francisco."
    assert values(statement_factory, text, ValueKind.COUNT) == []


def test_extract_count_skips_model_names(statement_factory: Make) -> None:
    text = "Executives became obsessed with beating OpenAI’s GPT-4 model while developing Llama 3."
    assert values(statement_factory, text, ValueKind.COUNT) == []
    products = [v.text for v in values(statement_factory, text, ValueKind.PRODUCT)]
    assert products == ["GPT-4", "Llama 3"]


def test_extract_count_skips_version_before_a_noun(statement_factory: Make) -> None:
    text = "Meta’s Llama 3 models beat 4 rivals on most benchmarks."
    assert [v.text for v in values(statement_factory, text, ValueKind.COUNT)] == ["4 rivals"]


def test_extract_count_skips_day_numbers_of_dates(statement_factory: Make) -> None:
    text = "The event runs October 27-29, 2025 with 300 speakers."
    assert [v.text for v in values(statement_factory, text, ValueKind.COUNT)] == ["300 speakers"]


def test_extract_count_rate_keeps_its_period(statement_factory: Make) -> None:
    day = one(statement_factory, "The line carries 1,200 passengers a day.", ValueKind.COUNT)
    week = one(statement_factory, "The line carries 8,400 passengers a week.", ValueKind.COUNT)
    plain = one(statement_factory, "The line carried 8,400 passengers.", ValueKind.COUNT)
    assert (day.text, day.unit, day.norm) == (
        "1,200 passengers",
        "passenger/day",
        "1200 passenger/day",
    )
    assert week.unit == "passenger/week"
    assert not comparable(day, week) and not comparable(week, plain)


@pytest.mark.parametrize(
    ("text", "kind", "unit"),
    [
        ("Workers earn $20 an hour.", ValueKind.MONEY, "USD/hour"),
        ("The firm pays $5 million annually.", ValueKind.MONEY, "USD/year"),
        ("The well pumps 2 million barrels per day.", ValueKind.QUANTITY, "m3/day"),
        ("Rents rise 5% a year.", ValueKind.PERCENT, "%/year"),
    ],
)
def test_extract_rates_of_other_kinds(
    statement_factory: Make, text: str, kind: ValueKind, unit: str
) -> None:
    assert one(statement_factory, text, kind).unit == unit


def test_extract_count_a_year_ago_is_not_a_rate(statement_factory: Make) -> None:
    v = one(statement_factory, "The firm hired 300 people a year ago.", ValueKind.COUNT)
    assert (v.text, v.unit) == ("300 people", "people")


def test_extract_one_in_n_is_a_proportion(statement_factory: Make) -> None:
    text = "Roughly one in 10 residents, about 1,000 people, left the town."
    found = run(statement_factory, text).values
    assert [(v.kind, v.text, v.norm) for v in found if v.kind in _AMOUNTS] == [
        (ValueKind.PERCENT, "Roughly one in 10", "~10%"),
        (ValueKind.COUNT, "about 1,000 people", "~1000 people"),
    ]
    ten = one(statement_factory, "About 10% of residents left the town.", ValueKind.PERCENT)
    assert compatible(found[0], ten)


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Two-thirds of the residents left.", "Two-thirds", 200 / 3),
        ("Half of the 300 residents left.", "Half", 50.0),
        ("A quarter of the staff quit.", "A quarter", 25.0),
    ],
)
def test_extract_fractions_are_proportions(
    statement_factory: Make, text: str, surface: str, value: float
) -> None:
    v = one(statement_factory, text, ValueKind.PERCENT)
    assert (v.text, v.unit) == (surface, "%")
    assert v.low is not None and v.high is not None and v.low < value < v.high
    assert all(c.unit != "third" for c in values(statement_factory, text, ValueKind.COUNT))


def test_extract_half_of_a_year_is_a_date_not_a_fraction(statement_factory: Make) -> None:
    text = "Sales rose in the first half of 2025."
    assert values(statement_factory, text, ValueKind.PERCENT) == []
    assert one(statement_factory, text, ValueKind.DATE).norm == "2025-H1"


def test_extract_count_half_of_keeps_the_count(statement_factory: Make) -> None:
    v = one(statement_factory, "Half of the 300 residents left.", ValueKind.COUNT)
    assert (v.text, v.low) == ("300 residents", 300.0)


@pytest.mark.parametrize(
    ("text", "surface", "unit", "low", "high"),
    [
        ("The ticket costs 312 pence.", "312 pence", "GBP", 3.115, 3.125),
        ("A stamp costs 50 cents.", "50 cents", "USD", 0.495, 0.505),
        ("A stamp costs 50 euro cents.", "50 euro cents", "EUR", 0.495, 0.505),
    ],
)
def test_extract_money_pence_and_cents(
    statement_factory: Make, text: str, surface: str, unit: str, low: float, high: float
) -> None:
    v = one(statement_factory, text, ValueKind.MONEY)
    assert (v.text, v.unit) == (surface, unit)
    assert (v.low, v.high) == pytest.approx((low, high))
    assert values(statement_factory, text, ValueKind.COUNT) == []


def test_extract_pence_compatible_with_pounds(statement_factory: Make) -> None:
    a = one(statement_factory, "The ticket costs 312 pence.", ValueKind.MONEY)
    b = one(statement_factory, "The ticket costs £3.12.", ValueKind.MONEY)
    assert compatible(a, b)


def test_extract_times_of_day_are_not_counts(statement_factory: Make) -> None:
    text = "The quake hit at 3:15 a.m., and a second one at 4 am."
    assert [v for v in run(statement_factory, text).values if v.kind in _AMOUNTS] == []


@pytest.mark.parametrize(
    "text",
    [
        "A magnitude 6.4 earthquake struck the coast.",
        "A 6.4-magnitude earthquake struck the coast.",
        "The earthquake measured 6.4 on the Richter scale.",
    ],
)
def test_extract_magnitude_is_a_quantity(statement_factory: Make, text: str) -> None:
    v = one(statement_factory, text, ValueKind.QUANTITY)
    assert (v.unit, v.norm, v.low, v.high) == ("magnitude", "magnitude 6.4", 6.35, 6.45)
    assert values(statement_factory, text, ValueKind.COUNT) == []


def test_extract_magnitudes_a_tenth_apart_conflict(statement_factory: Make) -> None:
    a = one(statement_factory, "A magnitude 6.4 earthquake struck.", ValueKind.QUANTITY)
    b = one(statement_factory, "A magnitude 6.5 earthquake struck.", ValueKind.QUANTITY)
    assert comparable(a, b) and not compatible(a, b)


def test_extract_count_odd_and_plus(statement_factory: Make) -> None:
    odd = one(statement_factory, "40-odd firefighters fought the blaze.", ValueKind.COUNT)
    assert (odd.text, odd.qualifier, odd.low) == ("40-odd firefighters", "odd", 40.0)
    assert odd.high is not None and 49.9 < odd.high < 50
    plus = one(statement_factory, "40-plus firefighters fought the blaze.", ValueKind.COUNT)
    assert (plus.low, plus.high) == (40.0, math.inf)
    exact = one(statement_factory, "45 firefighters fought the blaze.", ValueKind.COUNT)
    fifty = one(statement_factory, "50 firefighters fought the blaze.", ValueKind.COUNT)
    assert compatible(odd, exact) and not compatible(odd, fifty)


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("Sales reached 1.2 million, up from 900,000 in 2024.", "900,000", "sale"),
        ("The airport handled 1.2 million passengers, up from 900,000.", "900,000", "passenger"),
        ("Ridership rose from 900,000 to 1.2 million passengers.", "900,000", "passenger"),
        ("The line carries 1,200 passengers a day, down from 1,500.", "1,500", "passenger/day"),
    ],
)
def test_extract_count_compared_number_takes_the_unit(
    statement_factory: Make, text: str, surface: str, unit: str
) -> None:
    counts = values(statement_factory, text, ValueKind.COUNT)
    assert len(counts) == 2 and {v.unit for v in counts} == {unit}
    assert surface in [v.text for v in counts]


def test_extract_count_from_right_after_its_amount(statement_factory: Make) -> None:
    text = "The death toll rose to 40 from 35."
    found = values(statement_factory, text, ValueKind.COUNT)
    assert [(v.text, v.unit) for v in found] == [("40", "toll"), ("35", "toll")]


def test_extract_fraction_of_a_number_is_no_proportion(statement_factory: Make) -> None:
    text = "A quarter of a million people marched."
    assert values(statement_factory, text, ValueKind.PERCENT) == []


def test_extract_percent_compared_number_takes_the_unit(statement_factory: Make) -> None:
    text = "Unemployment rose to 6.1%, up from 5.8 a year earlier."
    found = values(statement_factory, text, ValueKind.PERCENT)
    assert [(v.text, v.norm) for v in found] == [("6.1%", "6.1%"), ("5.8", "5.8%")]


def test_extract_count_level_of_the_subject(statement_factory: Make) -> None:
    a = one(statement_factory, "The death toll rose to 40 on Sunday.", ValueKind.COUNT)
    b = one(statement_factory, "The death toll rose to 45 on Sunday.", ValueKind.COUNT)
    assert (a.text, a.unit) == ("40", "toll")
    assert comparable(a, b) and not compatible(a, b)
    assert values(statement_factory, "The death toll rose by 40 on Sunday.", ValueKind.COUNT) == []


@pytest.mark.parametrize(
    ("text", "surface", "norm"),
    [
        ("The council voted 5-2 to approve the budget.", "5-2", "5-2"),
        ("United won the final 3-1.", "3-1", "3-1"),
        ("City lost 1-3 to United on Sunday.", "1-3", "3-1"),
        ("The bill passed by a vote of 52 to 48.", "52 to 48", "52-48"),
        ("The court ruled 6-3 in the case.", "6-3", "6-3"),
    ],
)
def test_extract_tallies(statement_factory: Make, text: str, surface: str, norm: str) -> None:
    v = one(statement_factory, text, ValueKind.TALLY)
    assert (v.text, v.norm) == (surface, norm)
    assert values(statement_factory, text, ValueKind.COUNT) == []


def test_extract_tallies_compared_as_pairs(statement_factory: Make) -> None:
    a = one(statement_factory, "The council voted 5-2 to approve the budget.", ValueKind.TALLY)
    b = one(statement_factory, "The council voted 6-1 to approve the budget.", ValueKind.TALLY)
    c = one(statement_factory, "The council approved the budget in a 5-2 vote.", ValueKind.TALLY)
    assert comparable(a, b) and not compatible(a, b) and compatible(a, c)
    count = one(statement_factory, "The council has 7 members.", ValueKind.COUNT)
    assert not comparable(a, count)


def test_extract_tally_before_its_noun(statement_factory: Make) -> None:
    text = "The team, 3-1 winners last week, lost 2-0 on Sunday."
    found = run(statement_factory, text).values
    assert [v.norm for v in found if v.kind is ValueKind.TALLY] == ["3-1", "2-0"]
    assert [v for v in found if v.kind is ValueKind.COUNT] == []
    last_week = next(v for v in found if v.text == "last week")
    assert last_week.note == "relative to the article date 2025-07-30"  # not to Sunday


@pytest.mark.parametrize(
    "text",
    ["Read pages 10-20 tonight.", "Prices rose from 5 to 7 in a week.", "Children aged 5-12 came."],
)
def test_extract_tallies_need_a_vote_or_score_word(statement_factory: Make, text: str) -> None:
    assert values(statement_factory, text, ValueKind.TALLY) == []


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("The suspect, 54, was arrested.", "54"),
        ("A 54-year-old man was arrested.", "54-year-old"),
        ("The suspect, aged 54, was arrested.", "aged 54"),
        ("The man was arrested at the age of 54.", "the age of 54"),
    ],
)
def test_extract_ages(statement_factory: Make, text: str, surface: str) -> None:
    v = one(statement_factory, text, ValueKind.QUANTITY)
    assert (v.text, v.unit, v.norm, v.low, v.high) == (surface, "age", "age 54", 54.0, 54.0)


def test_extract_ages_conflict_and_never_meet_durations(statement_factory: Make) -> None:
    a = one(statement_factory, "The suspect, 54, was arrested.", ValueKind.QUANTITY)
    b = one(statement_factory, "The suspect, 45, was arrested.", ValueKind.QUANTITY)
    lease = one(statement_factory, "The firm signed a 54-year lease.", ValueKind.QUANTITY)
    assert comparable(a, b) and not compatible(a, b) and not comparable(a, lease)


def test_extract_ages_of_two_people(statement_factory: Make) -> None:
    text = "Smith, 54, and Jones, 45, were charged."
    assert [v.norm for v in values(statement_factory, text, ValueKind.QUANTITY)] == [
        "age 54",
        "age 45",
    ]


def test_extract_number_after_a_place_is_not_an_age(statement_factory: Make) -> None:
    text = "In Oakport, 12, the number of schools, rose."
    assert values(statement_factory, text, ValueKind.QUANTITY) == []


def test_extract_list_numbers_are_not_ages(statement_factory: Make) -> None:
    text = "The winning numbers were 4, 12, 31 and 40."
    assert values(statement_factory, text, ValueKind.QUANTITY) == []


# --- dates ------------------------------------------------------------------------------


def test_extract_date_month_covers_whole_month(statement_factory: Make) -> None:
    v = one(statement_factory, "In June 2025, Meta invested in Scale AI.", ValueKind.DATE)
    assert (v.norm, v.low, v.high) == ("2025-06", day(date(2025, 6, 1)), day(date(2025, 6, 30)))


def test_extract_date_month_compatible_with_day_inside(statement_factory: Make) -> None:
    month = one(statement_factory, "In June 2025, Meta invested in Scale AI.", ValueKind.DATE)
    inside = one(statement_factory, "On June 14, 2025, Meta invested in Scale AI.", ValueKind.DATE)
    other = one(statement_factory, "In July 2025, Meta invested in Scale AI.", ValueKind.DATE)
    assert compatible(month, inside) and not compatible(month, other)


def test_extract_date_month_day_takes_published_year(statement_factory: Make) -> None:
    text = "A July 14 article in TechCrunch highlighted discussions within Meta."
    v = one(statement_factory, text, ValueKind.DATE)
    assert (v.norm, v.note) == ("2025-07-14", "year from the article date 2025-07-30")


def test_extract_date_month_day_takes_sentence_year(statement_factory: Make) -> None:
    text = "In 2023, Meta reported on March 3 that sales rose."
    dates = values(statement_factory, text, ValueKind.DATE)
    assert [(v.text, v.norm) for v in dates] == [("2023", "2023"), ("March 3", "2023-03-03")]


def test_extract_date_month_day_ignores_year_of_an_after_clause(statement_factory: Make) -> None:
    # 2023 dates the closing; the year of March 3 comes from the tense and the article date.
    text = "After the deal closed in 2023, Meta reported on March 3 that sales rose."
    dates = values(statement_factory, text, ValueKind.DATE)
    assert [(v.text, v.norm) for v in dates] == [("2023", "2023"), ("March 3", "2025-03-03")]


def test_extract_date_relative_resolved_from_sentence_year(statement_factory: Make) -> None:
    text = (
        "In a 2024 letter, Zuckerberg wrote, “Starting next year, we expect future Llama "
        "models to become the most advanced in the industry.”"
    )
    v = next(v for v in values(statement_factory, text, ValueKind.DATE) if v.text == "next year")
    assert (v.norm, v.resolved, v.note) == ("2025", True, "relative to 2024 in the same sentence")


def test_extract_date_relative_resolved_from_published(statement_factory: Make) -> None:
    text = "Zuckerberg pointed out last year that Meta’s business isn’t reliant on selling access."
    v = one(statement_factory, text, ValueKind.DATE)
    assert (v.norm, v.note) == ("2024", "relative to the article date 2025-07-30")


def test_extract_date_relative_ignores_date_of_another_clause(statement_factory: Make) -> None:
    text = "Meta, founded in 2004, said last year that it would grow."
    v = next(v for v in values(statement_factory, text, ValueKind.DATE) if v.text == "last year")
    assert v.norm == "2024"


def test_extract_date_weekday_most_recent_on_or_before(statement_factory: Make) -> None:
    wednesday = one(statement_factory, "Zuckerberg shared his vision on Wednesday.", ValueKind.DATE)
    monday = one(statement_factory, "The company announced the cuts on Monday.", ValueKind.DATE)
    assert (wednesday.norm, monday.norm) == ("2025-07-30", "2025-07-28")


@pytest.mark.parametrize(
    "text",
    [
        "The company opened its first terminal in 2019 and expanded to Oakport last year.",
        "In 2019, the company opened its first store, and last year it opened its 100th.",
    ],
)
def test_extract_date_relative_ignores_year_of_a_joined_clause(
    statement_factory: Make, text: str
) -> None:
    last = next(v for v in values(statement_factory, text, ValueKind.DATE) if "last" in v.text)
    assert (last.norm, last.note) == ("2024", "relative to the article date 2025-07-30")
    alone = [v for v in values(statement_factory, text, ValueKind.DATE, None) if "last" in v.text]
    assert [v.resolved for v in alone] == [False]


def test_extract_date_month_day_ignores_year_of_a_joined_clause(statement_factory: Make) -> None:
    text = "The firm opened a terminal in 2019 and will open another on March 3."
    v = next(v for v in values(statement_factory, text, ValueKind.DATE) if v.text == "March 3")
    assert v.norm == "2026-03-03"  # the future tense, after the article date


@pytest.mark.parametrize(
    ("text", "published", "norm"),
    [
        (
            "The transit board will vote on the new contract on Thursday.",
            date(2026, 3, 9),
            "2026-03-12",
        ),
        ("The bridge will reopen on Monday.", PUBLISHED, "2025-08-04"),
        ("The council is meeting on Thursday.", date(2026, 3, 9), "2026-03-12"),
        ("The union is going to strike on Friday.", date(2026, 3, 9), "2026-03-13"),
        ("The vote is scheduled for Thursday.", date(2026, 3, 9), "2026-03-12"),
        ("The trial begins Monday.", PUBLISHED, "2025-08-04"),
        ("The trial begins Monday, prosecutors said.", PUBLISHED, "2025-08-04"),
        (
            "The six-year sentence Judge Elena Marsh gave Dennis Vail on Wednesday falls"
            " between what prosecutors and the defense asked for.",
            date(2026, 5, 16),
            "2026-05-13",
        ),
        ("The council voted on the contract on Thursday.", date(2026, 3, 9), "2026-03-05"),
    ],
)
def test_extract_date_weekday_follows_the_tense(
    statement_factory: Make, text: str, published: date, norm: str
) -> None:
    assert one(statement_factory, text, ValueKind.DATE, published).norm == norm


def test_extract_date_weekday_modifying_a_noun_ignores_the_verb(statement_factory: Make) -> None:
    text = "Officials are investigating Monday's crash."
    assert one(statement_factory, text, ValueKind.DATE).norm == "2025-07-28"


def test_extract_date_weekday_in_reported_future_counts_from_the_anchor(
    statement_factory: Make,
) -> None:
    text = "On July 28, the agency said the bridge would reopen Wednesday."
    dates = values(statement_factory, text, ValueKind.DATE, date(2025, 7, 29))
    assert [(v.text, v.norm) for v in dates] == [
        ("July 28", "2025-07-28"),
        ("Wednesday", "2025-07-30"),
    ]
    assert dates[1].note == "relative to July 28 in the same sentence, future tense"


def test_extract_date_weekday_anchored_on_a_relative_date(statement_factory: Make) -> None:
    # Published on a Friday: the Wednesday after that Monday, not the one after the Friday.
    text = "The agency said Monday that the bridge would reopen Wednesday."
    dates = values(statement_factory, text, ValueKind.DATE, date(2025, 8, 8))
    assert [v.norm for v in dates] == ["2025-08-04", "2025-08-06"]
    assert dates[1].note == "relative to Monday in the same sentence, future tense"


@pytest.mark.parametrize(
    ("text", "published", "norm"),
    [
        (
            "The union reached a tentative deal with the city in December.",
            date(2026, 3, 9),
            "2025-12",
        ),
        ("The bridge will reopen in January.", date(2025, 12, 15), "2026-01"),
        ("The bridge is expected to reopen in January.", date(2025, 12, 15), "2026-01"),
        ("The report is due in January.", date(2025, 12, 15), "2026-01"),
        ("The bridge reopened in January.", date(2025, 12, 15), "2025-01"),
        ("The crews finished the work on December 20.", date(2026, 1, 5), "2025-12-20"),
    ],
)
def test_extract_date_without_year_follows_the_tense(
    statement_factory: Make, text: str, published: date, norm: str
) -> None:
    assert one(statement_factory, text, ValueKind.DATE, published).norm == norm


def test_extract_date_by_is_a_deadline(statement_factory: Make) -> None:
    by = one(statement_factory, "The arena will grow to 18,000 seats by 2028.", ValueKind.DATE)
    assert (by.text, by.norm, by.qualifier) == ("by 2028", "<=2028", "by")
    assert (by.low, by.high) == (-math.inf, day(date(2028, 12, 31)))
    inside = one(statement_factory, "The arena will grow to 18,000 seats in 2027.", ValueKind.DATE)
    later = one(statement_factory, "The arena will grow to 18,000 seats in 2030.", ValueKind.DATE)
    assert compatible(by, inside) and comparable(by, later) and not compatible(by, later)


@pytest.mark.parametrize(
    ("text", "norm", "low", "high"),
    [
        ("Prices have risen since 2019.", ">=2019", day(date(2019, 1, 1)), math.inf),
        ("The road stays shut until March 2026.", "<=2026-03", -math.inf, day(date(2026, 3, 31))),
        ("The work must end before 2027.", "<2027", -math.inf, day(date(2026, 12, 31))),
        ("Prices will fall after 2027.", ">2027", day(date(2028, 1, 1)), math.inf),
        (
            "The plan will be ready by the end of next year.",
            "<=2026",
            -math.inf,
            day(date(2026, 12, 31)),
        ),
    ],
)
def test_extract_date_bounds(
    statement_factory: Make, text: str, norm: str, low: float, high: float
) -> None:
    v = one(statement_factory, text, ValueKind.DATE)
    assert (v.norm, v.low, v.high) == (norm, low, high)


@pytest.mark.parametrize(
    ("text", "surface", "norm"),
    [
        ("The museum is open from May to September.", "from May to September", "2025-05/2025-09"),
        (
            "The rink is open from November to February.",
            "from November to February",
            "2025-11/2026-02",
        ),
        ("Sales fell between 2020 and 2024.", "between 2020 and 2024", "2020/2024"),
        ("The road closes from March to June 2026.", "from March to June 2026", "2026-03/2026-06"),
    ],
)
def test_extract_date_ranges(statement_factory: Make, text: str, surface: str, norm: str) -> None:
    v = one(statement_factory, text, ValueKind.DATE)
    assert (v.text, v.norm) == (surface, norm)


def test_extract_date_two_years_joined_by_and_stay_two(statement_factory: Make) -> None:
    text = "Floods hit the town in 2020 and 2024."
    assert [v.norm for v in values(statement_factory, text, ValueKind.DATE)] == ["2020", "2024"]


def test_extract_date_leaves_the_full_stop_out(statement_factory: Make) -> None:
    v = one(statement_factory, "The fair opens on the 3rd of March.", ValueKind.DATE)
    assert (v.text, v.norm) == ("3rd of March", "2025-03-03")
    abbreviated = one(statement_factory, "The fair opened on Mar. 3 as planned.", ValueKind.DATE)
    assert (abbreviated.text, abbreviated.norm) == ("Mar. 3", "2025-03-03")


def test_extract_date_unresolved_without_anchor(statement_factory: Make) -> None:
    text = "Meta expects its models to lead starting next year."
    v = one(statement_factory, text, ValueKind.DATE, published=None)
    assert (v.resolved, v.low, v.high) == (False, None, None)
    assert v.note == "no date to resolve 'next year' against"


def test_extract_date_unresolved_is_never_a_conflict(statement_factory: Make) -> None:
    unknown = one(statement_factory, "Meta will lead next year.", ValueKind.DATE, published=None)
    known = one(statement_factory, "Meta will lead in 2031.", ValueKind.DATE)
    assert compatible(unknown, known) and not comparable(unknown, known)


def test_extract_date_day_range(statement_factory: Make) -> None:
    text = "The 20th anniversary event takes place October 27-29, 2025 in San Francisco."
    v = one(statement_factory, text, ValueKind.DATE)
    assert (v.text, v.norm) == ("October 27-29, 2025", "2025-10-27/2025-10-29")
    assert (v.low, v.high) == (day(date(2025, 10, 27)), day(date(2025, 10, 29)))


def test_extract_date_quarters(statement_factory: Make) -> None:
    a = one(statement_factory, "Meta reported its Q2 2025 results.", ValueKind.DATE)
    b = one(statement_factory, "Meta reported results for the second quarter.", ValueKind.DATE)
    assert (a.norm, b.norm) == ("2025-Q2", "2025-Q2")


def test_extract_date_hours_ago_is_the_article_day(statement_factory: Make) -> None:
    text = "As detailed in a PCMag report hours ago, this walks back prior pledges."
    v = one(statement_factory, text, ValueKind.DATE)
    assert (v.text, v.norm) == ("hours ago", "2025-07-30")


def test_extract_date_this_week_is_the_iso_week(statement_factory: Make) -> None:
    v = one(statement_factory, "Zuckerberg outlined his vision this week.", ValueKind.DATE)
    assert (v.norm, v.low, v.high) == ("2025-W31", day(date(2025, 7, 28)), day(date(2025, 8, 3)))


def test_extract_date_skips_vague_time_words(statement_factory: Make) -> None:
    text = "Meta recently said it historically trained models and will in the future."
    assert values(statement_factory, text, ValueKind.DATE) == []


# --- entities ---------------------------------------------------------------------------


def test_extract_entity_company_suffix_stripped(statement_factory: Make) -> None:
    text = "Meta Platforms Inc. Chief Executive Mark Zuckerberg wrote a letter."
    v = one(statement_factory, text, ValueKind.ORG)
    assert (v.text, v.norm) == ("Meta Platforms Inc.", "meta")


def test_extract_entity_possessive_stripped(statement_factory: Make) -> None:
    text = "Meta's natural gas surge may fuel South Dakota's power grid."
    places = values(statement_factory, text, ValueKind.PLACE)
    assert [(v.text, v.norm) for v in places] == [("South Dakota", "south dakota")]


def test_extract_entity_aliases_compatible(statement_factory: Make) -> None:
    full = one(statement_factory, "Mark Zuckerberg wrote the letter.", ValueKind.PERSON)
    short = one(statement_factory, "Zuckerberg wrote the letter.", ValueKind.PERSON)
    text = "Figures like Elon Musk have warned about unchecked AI development."
    other = one(statement_factory, text, ValueKind.PERSON)
    assert compatible(full, short) and not compatible(full, other)


def test_extract_entity_company_alias_compatible(statement_factory: Make) -> None:
    text = "Meta Platforms Inc. Chief Executive Mark Zuckerberg wrote a letter."
    long = one(statement_factory, text, ValueKind.ORG)
    short = Value(ValueKind.ORG, "Meta", 0, 4, "meta")
    assert compatible(long, short)


def test_extract_entity_label_mismatch_alone_not_incompatible() -> None:
    # spaCy labels "Scale AI" a GPE in one sentence and an ORG in another.
    place = Value(ValueKind.PLACE, "Scale AI", 0, 8, "scale ai", note="spaCy label GPE")
    org = Value(ValueKind.ORG, "Scale AI", 0, 8, "scale ai", note="spaCy label ORG")
    assert comparable(place, org) and compatible(place, org)


def test_extract_entity_generic_ai_is_not_a_place(statement_factory: Make) -> None:
    text = "Meta’s goal has been to create open AI models that were as good as closed models."
    assert values(statement_factory, text, ValueKind.PLACE) == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("The F-150 and the Mustang Mach-E were recalled.", ["F-150", "Mustang Mach-E"]),
        ("Apple unveiled the Vision Pro 2 on Monday.", ["Vision Pro 2"]),
        ("The Boeing 737 Max 9 was grounded.", ["Boeing 737 Max 9"]),
        ("The iPhone 15 Pro Max sold better.", ["iPhone 15 Pro Max"]),
    ],
)
def test_extract_entity_product_model_names(
    statement_factory: Make, text: str, names: list[str]
) -> None:
    found = run(statement_factory, text).values
    assert [v.text for v in found if v.kind is ValueKind.PRODUCT] == names
    assert [v.text for v in found if v.kind is ValueKind.PERSON] == []


def test_extract_entity_hyphenated_person_stays_a_person(statement_factory: Make) -> None:
    v = one(statement_factory, "Jean-Pierre Martin said the plan works.", ValueKind.PERSON)
    assert v.text == "Jean-Pierre Martin"


def test_extract_entity_saint_possessive_is_a_place(statement_factory: Make) -> None:
    text = "Patients were moved to St. Luke's hospital."
    found = run(statement_factory, text).values
    assert [(v.kind, v.text) for v in found if v.kind in _NAMES] == [
        (ValueKind.PLACE, "St. Luke's hospital")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The plan is good, said Ana Ruiz, the city's mayor.",
        "Ana Ruiz, a spokeswoman for the city, said the bridge was safe.",
    ],
)
def test_extract_entity_name_with_a_role_is_a_person(statement_factory: Make, text: str) -> None:
    assert one(statement_factory, text, ValueKind.PERSON).text == "Ana Ruiz"


# --- seed sentences and invariants ------------------------------------------------------

SEEDS = (
    "In June 2025, Meta initiated a significant push towards achieving artificial general "
    "intelligence (AGI) by investing $14.3 billion in Scale AI, acquiring its founder and CEO, "
    "and establishing a new division called Meta Superintelligence Labs.",
    "Zuckerberg recently announced plans for a massive 5GW AI data center, as reported in "
    "another TechCrunch piece from July 14, aimed at rivaling the computational might of "
    "OpenAI and Anthropic.",
    "This revelation came in a letter published Wednesday, where Zuckerberg outlined a vision "
    "for personalized AI assistants integrated into everyday devices like smart glasses, "
    "potentially empowering billions of users.",
    "Meta has agreed to deploy millions of AWS Graviton chips to meet its expanding AI demands, "
    "Amazon confirmed on Friday.",
)


def test_extract_seed_investment_sentence(statement_factory: Make) -> None:
    found = run(statement_factory, SEEDS[0]).values
    money = [v for v in found if v.kind is ValueKind.MONEY]
    dates = [v for v in found if v.kind is ValueKind.DATE]
    assert [(v.text, v.unit, v.norm) for v in money] == [("$14.3 billion", "USD", "USD 1.43e+10")]
    assert [(v.text, v.norm) for v in dates] == [("June 2025", "2025-06")]
    assert any(v.norm == "scale ai" for v in found)


def test_extract_seed_data_center_sentence(statement_factory: Make) -> None:
    found = run(statement_factory, SEEDS[1]).values
    assert [
        (v.kind, v.text, v.norm) for v in found if v.kind in {ValueKind.QUANTITY, ValueKind.DATE}
    ] == [
        (ValueKind.QUANTITY, "5GW", "5e+09 W"),
        (ValueKind.DATE, "July 14", "2025-07-14"),
    ]


@pytest.mark.parametrize("text", SEEDS)
def test_extract_values_sorted_non_overlapping_and_exact(
    statement_factory: Make, text: str
) -> None:
    found = run(statement_factory, text).values
    assert list(found) == sorted(found, key=lambda v: (v.start, v.end, v.kind.value))
    for v in found:
        assert v.text and text[v.start : v.end] == v.text
    numeric = [v for v in found if v.kind not in _NAMES]
    for a, b in itertools.pairwise(numeric):
        assert a.end <= b.start, (a, b)
    for e in (v for v in found if v.kind in _NAMES):
        overlapping = [v for v in numeric if v.start < e.end and e.start < v.end]
        assert all(v.start <= e.start and e.end <= v.end for v in overlapping), (e, overlapping)


_NAMES = frozenset({ValueKind.PERSON, ValueKind.ORG, ValueKind.PLACE, ValueKind.PRODUCT})
_AMOUNTS = frozenset({ValueKind.MONEY, ValueKind.PERCENT, ValueKind.QUANTITY, ValueKind.COUNT})


def test_extract_is_deterministic(statement_factory: Make) -> None:
    stmt = statement_factory(SEEDS[0])
    assert extract(stmt, published=PUBLISHED) == extract(stmt, published=PUBLISHED)


def test_extract_keeps_the_rest_of_the_statement(statement_factory: Make) -> None:
    stmt = statement_factory(SEEDS[0])
    assert replace(extract(stmt, published=PUBLISHED), values=()) == stmt


def test_extract_works_without_a_parse() -> None:
    text = "Meta invested $14.3 billion in June 2025."
    stmt = Statement(
        id="s:1", source_id="s", index=1, text=text, start=0, end=len(text), line=1, block=0
    )
    found = extract(stmt, published=None).values
    assert [(v.kind, v.text) for v in found] == [
        (ValueKind.MONEY, "$14.3 billion"),
        (ValueKind.DATE, "June 2025"),
    ]


def test_extract_is_fast(statement_factory: Make) -> None:
    statements = [statement_factory(t) for t in SEEDS] * 40  # a story is ~150 statements
    t0 = time.perf_counter()
    for s in statements:
        extract(s, published=PUBLISHED)
    assert time.perf_counter() - t0 < 1.0


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("It paid $3-million for the site.", 2.5e6, 3.5e6),
        ("It raised $6.8-billion.", 6.75e9, 6.85e9),
    ],
)
def test_extract_hyphenated_amount(
    statement_factory: Callable[..., Statement], text: str, low: float, high: float
) -> None:
    st = extract(statement_factory(text), published=None)
    (money,) = [v for v in st.values if v.kind is ValueKind.MONEY]
    assert (money.low, money.high) == pytest.approx((low, high))


# --- ranges -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "low", "high"),
    [
        ("Between 200 and 300 people attended.", "Between 200 and 300 people", 199.5, 300.5),
        ("200 to 300 people attended the rally.", "200 to 300 people", 199.5, 300.5),
        (
            "Between 2,000 and 3,000 people rallied on Monday.",
            "Between 2,000 and 3,000 people",
            1999.5,
            3000.5,
        ),
        (
            "The storm left 20,000 to 30,000 homes without power.",
            "20,000 to 30,000 homes",
            19999.5,
            30000.5,
        ),
        ("From 200 to 300 people attended the rally.", "From 200 to 300 people", 199.5, 300.5),
    ],
)
def test_extract_count_range_is_one_interval(
    statement_factory: Make, text: str, surface: str, low: float, high: float
) -> None:
    v = one(statement_factory, text, ValueKind.COUNT)
    assert (v.text, v.low, v.high) == (surface, low, high)


def test_extract_count_range_fits_a_figure_inside(statement_factory: Make) -> None:
    rng = one(statement_factory, "The storm left 20,000 to 30,000 homes dark.", ValueKind.COUNT)
    inside = one(statement_factory, "The storm left 25,000 homes dark.", ValueKind.COUNT)
    top = one(statement_factory, "The storm left 30,000 homes dark.", ValueKind.COUNT)
    outside = one(statement_factory, "The storm left 40,000 homes dark.", ValueKind.COUNT)
    assert compatible(rng, inside) and compatible(rng, top)
    assert comparable(rng, outside) and not compatible(rng, outside)


def test_extract_count_range_after_about_widens(statement_factory: Make) -> None:
    v = one(statement_factory, "Some 200-300 people attended.", ValueKind.COUNT)
    assert (v.text, v.qualifier) == ("Some 200-300 people", "some")
    assert v.low == pytest.approx(179.55) and v.high == pytest.approx(330.55)


def test_extract_from_to_of_a_change_stays_two_values(statement_factory: Make) -> None:
    text = "The death toll rose from 35 to 40."
    assert [v.text for v in values(statement_factory, text, ValueKind.COUNT)] == ["35", "40"]


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Between 10% and 15% of the teachers took part.", "Between 10% and 15%"),
        ("Some 10% to 15% of the teachers took part.", "Some 10% to 15%"),
        ("Between 10 and 15 percent of the teachers took part.", "Between 10 and 15 percent"),
    ],
)
def test_extract_percent_range_with_the_unit_once_or_twice(
    statement_factory: Make, text: str, surface: str
) -> None:
    v = one(statement_factory, text, ValueKind.PERCENT)
    about = one(statement_factory, "About 12% of the teachers took part.", ValueKind.PERCENT)
    assert v.text == surface and compatible(v, about)


def test_extract_quantity_range_of_temperatures(statement_factory: Make) -> None:
    text = "Temperatures reached 40 to 45 degrees Celsius."
    v = one(statement_factory, text, ValueKind.QUANTITY)
    assert (v.text, v.unit, v.low, v.high) == ("40 to 45 degrees Celsius", "degC", 39.5, 45.5)
    assert values(statement_factory, text, ValueKind.COUNT) == []
    fahrenheit = one(statement_factory, "Temperatures reached 104 °F.", ValueKind.QUANTITY)
    assert not comparable(v, fahrenheit)  # no conversion, as with currencies


# --- percentage points and fractions ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("The mortgage rate rose by half a percentage point to 6.5%.", "half a percentage point"),
        ("The mortgage rate rose 0.5 points to 6.5%.", "0.5 points"),
        ("The mortgage rate rose 50 basis points to 6.5%.", "50 basis points"),
    ],
)
def test_extract_percentage_points_in_words_and_bare_points(
    statement_factory: Make, text: str, surface: str
) -> None:
    pp = [v for v in values(statement_factory, text, ValueKind.PERCENT) if v.unit == "pp"]
    assert [v.text for v in pp] == [surface]
    assert pp[0].low is not None and pp[0].high is not None and pp[0].low < 0.5 < pp[0].high
    percent = one(statement_factory, "The mortgage rate rose 0.5%.", ValueKind.PERCENT)
    assert not comparable(pp[0], percent)


def test_extract_bare_points_without_a_rate_are_not_read(statement_factory: Make) -> None:
    assert run(statement_factory, "The team scored 30 points.").values == ()


@pytest.mark.parametrize(
    "text",
    [
        "Ticket sales rose by a third.",
        "Ticket sales rose by one-third.",
        "It took a one-third stake.",
    ],
)
def test_extract_fractions_after_by_or_hyphenated_are_percents(
    statement_factory: Make, text: str
) -> None:
    v = one(statement_factory, text, ValueKind.PERCENT)
    assert v.low is not None and v.high is not None and v.low < 100 / 3 < v.high
    assert values(statement_factory, text, ValueKind.COUNT) == []
    sixty = one(statement_factory, "Ticket sales rose by 60%.", ValueKind.PERCENT)
    assert comparable(v, sixty) and not compatible(v, sixty)


def test_extract_a_third_alone_is_an_ordinal(statement_factory: Make) -> None:
    assert values(statement_factory, "It rose for a third year.", ValueKind.PERCENT) == []


# --- counts without a counted noun ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "n"),
    [
        ("Forty were injured in the crash.", "Forty", 40.0),
        ("Forty-five were injured in the crash.", "Forty-five", 45.0),
        ("The crash injured 40.", "40", 40.0),
        ("The mine employs 600.", "600", 600.0),
    ],
)
def test_extract_bare_number_of_a_people_verb_counts_people(
    statement_factory: Make, text: str, surface: str, n: float
) -> None:
    v = one(statement_factory, text, ValueKind.COUNT)
    assert (v.text, v.unit, v.low) == (surface, "people", n)


@pytest.mark.parametrize("text", ["No one was hurt in the crash.", "The company sold 40."])
def test_extract_bare_number_needs_a_people_verb(statement_factory: Make, text: str) -> None:
    assert values(statement_factory, text, ValueKind.COUNT) == []


@pytest.mark.parametrize(
    "text",
    [
        "The 2024 election results were certified last year.",
        "The company reported its 2025 results last month.",
    ],
)
def test_extract_year_modifying_a_noun_is_no_count(statement_factory: Make, text: str) -> None:
    assert values(statement_factory, text, ValueKind.COUNT) == []
    assert any(v.text in ("2024", "2025") for v in values(statement_factory, text, ValueKind.DATE))


def test_extract_four_digit_count_of_a_plural_stays_a_count(statement_factory: Make) -> None:
    v = one(statement_factory, "The firm has 2000 employees.", ValueKind.COUNT)
    assert v.norm == "2000 employee"


def test_extract_revised_figure_counts_the_earlier_noun(statement_factory: Make) -> None:
    text = "Officials initially reported 12 deaths but later revised the figure to 14."
    found = values(statement_factory, text, ValueKind.COUNT)
    assert [(v.text, v.norm) for v in found] == [("12 deaths", "12 death"), ("14", "14 death")]


def test_extract_revised_up_to_is_no_maximum(statement_factory: Make) -> None:
    text = "The death toll was revised up to 14 from 12 on Tuesday."
    found = values(statement_factory, text, ValueKind.COUNT)
    assert [(v.text, v.low, v.high) for v in found] == [("14", 14.0, 14.0), ("12", 12.0, 12.0)]


# --- ages as a predicate ----------------------------------------------------------------


@pytest.mark.parametrize("text", ["The victim was 43.", "The victim is 43.", "She was 43 then."])
def test_extract_age_as_a_predicate(statement_factory: Make, text: str) -> None:
    v = one(statement_factory, text, ValueKind.QUANTITY)
    assert (v.text, v.norm) == ("43", "age 43")
    other = one(statement_factory, "The victim was 34 years old.", ValueKind.QUANTITY)
    assert comparable(v, other) and not compatible(v, other)


def test_extract_predicate_number_of_a_thing_is_no_age(statement_factory: Make) -> None:
    assert values(statement_factory, "The score was 43.", ValueKind.QUANTITY) == []


# --- which date anchors which -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Home prices climbed 12% last year, up from 9% in 2024.",
        "Home prices climbed 12% last year after a 9% rise in 2024.",
        "Sales rose to 3,000 last year from 2,500 in 2024.",
        "The 2019 trade agreement expired last year.",
        "The firm, which lost money in 2024, turned a profit last year.",
    ],
)
def test_extract_date_of_a_comparison_or_a_noun_anchors_nothing(
    statement_factory: Make, text: str
) -> None:
    published = date(2026, 3, 10)
    last = next(
        v for v in values(statement_factory, text, ValueKind.DATE, published) if "last" in v.text
    )
    assert (last.norm, last.note) == ("2025", "relative to the article date 2026-03-10")


def test_extract_date_of_an_after_adjunct_anchors_nothing(statement_factory: Make) -> None:
    text = "The bakery reopened on Monday, two weeks after a fire on February 20."
    dates = values(statement_factory, text, ValueKind.DATE, date(2026, 3, 10))
    assert [(v.text, v.norm) for v in dates] == [
        ("Monday", "2026-03-09"),
        ("February 20", "2026-02-20"),
    ]


def test_extract_date_of_a_reduced_relative_clause_gives_no_year(statement_factory: Make) -> None:
    text = "The dam, built in 1958, has leaked since a storm in January."
    dates = values(statement_factory, text, ValueKind.DATE, date(2026, 3, 10))
    assert [(v.text, v.norm) for v in dates] == [("1958", "1958"), ("January", "2026-01")]


@pytest.mark.parametrize(
    "text",
    [
        "In 2024, the company said it would expand next year.",
        "During the 2024 campaign, she promised to cut taxes next year.",
    ],
)
def test_extract_date_of_the_occasion_anchors_its_verb(statement_factory: Make, text: str) -> None:
    v = next(v for v in values(statement_factory, text, ValueKind.DATE) if v.text == "next year")
    assert (v.norm, v.note) == ("2025", "relative to 2024 in the same sentence")


# --- tense of a misparsed verb ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Vantor paused testing of its delivery drones in June.",  # "paused" parsed as amod
        "Vantor halted testing of its delivery drones in June.",
    ],
)
def test_extract_date_month_of_a_past_verb_the_parser_missed(
    statement_factory: Make, text: str
) -> None:
    v = one(statement_factory, text, ValueKind.DATE, date(2026, 3, 10))
    assert v.norm == "2025-06"


# --- times of day near midnight ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "norm"),
    [
        ("The strike ended Tuesday night.", "Tuesday night", "2026-03-10/2026-03-11"),
        ("The strike ended late Tuesday.", "late Tuesday", "2026-03-10/2026-03-11"),
        ("The strike ended early Wednesday.", "early Wednesday", "2026-03-10/2026-03-11"),
        ("The fire broke out last night.", "last night", "2026-03-11/2026-03-12"),
    ],
)
def test_extract_date_near_midnight_widens_by_a_day(
    statement_factory: Make, text: str, surface: str, norm: str
) -> None:
    v = one(statement_factory, text, ValueKind.DATE, date(2026, 3, 12))  # a Thursday
    assert (v.text, v.norm) == (surface, norm)


def test_extract_date_tuesday_night_fits_early_wednesday(statement_factory: Make) -> None:
    published = date(2026, 3, 12)
    night = one(statement_factory, "The strike ended Tuesday night.", ValueKind.DATE, published)
    early = one(statement_factory, "The strike ended early Wednesday.", ValueKind.DATE, published)
    thursday = one(statement_factory, "The strike ended on Thursday.", ValueKind.DATE, published)
    assert compatible(night, early) and not compatible(night, thursday)


# --- clock times ------------------------------------------------------------------------


def test_extract_time_of_day(statement_factory: Make) -> None:
    three = one(statement_factory, "The fire started at 3 p.m.", ValueKind.TIME)
    assert (three.text, three.norm, three.unit, three.low, three.high) == (
        "3 p.m.",
        "15:00",
        "time",
        870.0,
        930.0,
    )
    five = one(statement_factory, "The fire started at 5 p.m.", ValueKind.TIME)
    half = one(statement_factory, "The fire started at 3:20 p.m.", ValueKind.TIME)
    assert comparable(three, five) and not compatible(three, five) and compatible(three, half)


def test_extract_time_with_a_day_compares_only_with_a_day(statement_factory: Make) -> None:
    with_day = one(statement_factory, "The fire started at 3 p.m. on Monday.", ValueKind.TIME)
    other_day = one(statement_factory, "The fire started at 3 p.m. on Sunday.", ValueKind.TIME)
    bare = one(statement_factory, "The fire started at 3 p.m.", ValueKind.TIME)
    assert (with_day.unit, with_day.norm) == ("datetime", "2025-07-28 15:00")
    assert comparable(with_day, other_day) and not compatible(with_day, other_day)
    assert not comparable(with_day, bare)


def test_extract_time_zone_puts_us_times_on_eastern_time(statement_factory: Make) -> None:
    et = one(statement_factory, "The launch took place at 3 p.m. ET on Monday.", ValueKind.TIME)
    pt = one(statement_factory, "The launch took place at noon PT on Monday.", ValueKind.TIME)
    late = one(statement_factory, "The launch took place at 3 p.m. PT on Monday.", ValueKind.TIME)
    assert (et.text, et.unit, et.norm) == ("3 p.m. ET", "datetime@ET", "2025-07-28 15:00 ET")
    assert pt.norm == "2025-07-28 15:00 ET"
    assert compatible(et, pt)
    assert comparable(et, late) and not compatible(et, late)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The rally began at 3 p.m. GMT.", "The rally began at 4 p.m. BST."),
        ("The rally began at 15:00 UTC.", "The rally began at 5 p.m. CEST."),
        ("The speech began at 3 p.m. Eastern.", "The speech began at 1 p.m. Mountain time."),
    ],
)
def test_extract_time_zones_of_one_instant_are_compatible(
    statement_factory: Make, a: str, b: str
) -> None:
    x, y = one(statement_factory, a, ValueKind.TIME), one(statement_factory, b, ValueKind.TIME)
    assert comparable(x, y) and compatible(x, y)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The rally began at 3 p.m. ET.", "The rally began at 3 p.m."),
        ("The rally began at 3 p.m. ET.", "The rally began at 8 p.m. GMT."),
    ],
)
def test_extract_time_with_and_without_zone_not_compared(
    statement_factory: Make, a: str, b: str
) -> None:
    x, y = one(statement_factory, a, ValueKind.TIME), one(statement_factory, b, ValueKind.TIME)
    assert not comparable(x, y)


def test_extract_local_time_is_no_zone(statement_factory: Make) -> None:
    text = "The rally began at 3 p.m. local time."
    local = one(statement_factory, text, ValueKind.TIME)
    bare = one(statement_factory, "The rally began at 3 p.m.", ValueKind.TIME)
    assert local.text == "3 p.m. local time" and local.unit == "time"
    assert compatible(local, bare)


def test_extract_time_zone_needs_a_zone_word(statement_factory: Make) -> None:
    text = "Crowds gathered at 3 p.m. in Central Park."
    assert one(statement_factory, text, ValueKind.TIME).unit == "time"
    text = "He arrived at 3 p.m. IBM said."
    assert one(statement_factory, text, ValueKind.TIME).text == "3 p.m."


@pytest.mark.parametrize(
    ("text", "written", "norm"),
    [
        ("The clinic runs from 9 a.m. to 6 p.m.", "from 9 a.m. to 6 p.m.", "09:00-18:00"),
        ("Doors are open 9 a.m.-6 p.m. daily.", "9 a.m.-6 p.m.", "09:00-18:00"),
        ("The meeting runs 3 to 5 p.m.", "3 to 5 p.m.", "15:00-17:00"),
    ],
)
def test_extract_time_span(statement_factory: Make, text: str, written: str, norm: str) -> None:
    v = one(statement_factory, text, ValueKind.TIME)
    assert (v.text, v.norm, v.unit) == (written, norm, "time span")
    assert not values(statement_factory, text, ValueKind.COUNT)


def test_extract_time_span_claims_both_ends(statement_factory: Make) -> None:
    six = one(statement_factory, "The clinic runs from 9 a.m. to 6 p.m.", ValueKind.TIME)
    eight = one(statement_factory, "The clinic runs from 9 a.m. to 8 p.m.", ValueKind.TIME)
    half = one(statement_factory, "The clinic runs from 9 a.m. to 6:30 p.m.", ValueKind.TIME)
    single = one(statement_factory, "The clinic opens at 9 a.m.", ValueKind.TIME)
    assert comparable(six, eight) and not compatible(six, eight)
    assert compatible(six, half)
    assert not comparable(six, single)


def test_extract_time_between_is_a_window(statement_factory: Make) -> None:
    text = "The fire started between 3 and 5 p.m."
    window = one(statement_factory, text, ValueKind.TIME)
    inside = one(statement_factory, "The fire started at 4 p.m.", ValueKind.TIME)
    outside = one(statement_factory, "The fire started at 7 p.m.", ValueKind.TIME)
    assert (window.unit, window.norm) == ("time", "15:00-17:00")
    assert compatible(window, inside) and not compatible(window, outside)


@pytest.mark.parametrize(
    "text",
    [
        "The road stays shut until 6 p.m.",
        "The fire started at 11:45 p.m.",
        "The bells rang at 6 o'clock.",
        "The bar is open from 10 p.m. to 2 a.m.",
    ],
)
def test_extract_time_ranges_bounds_and_midnight_are_not_read(
    statement_factory: Make, text: str
) -> None:
    found = run(statement_factory, text).values
    assert [v for v in found if v.kind in (ValueKind.TIME, ValueKind.COUNT)] == []


# --- roles ------------------------------------------------------------------------------


def roles(make: Make, text: str) -> list[tuple[str, ValueRole]]:
    published = date(2026, 3, 10)
    return [(v.text, v.role) for v in run(make, text, published).values if v.kind not in _NAMES]


_CUR, _PREV, _SUP = ValueRole.CURRENT, ValueRole.PREVIOUS, ValueRole.SUPERSEDED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The unemployment rate fell to 4.2% in February from 4.5%.",
            [("4.2%", _CUR), ("February", _CUR), ("4.5%", _PREV)],
        ),
        (
            "The death toll was revised up to 14 from 12 on Tuesday.",
            [("14", _CUR), ("12", _PREV), ("Tuesday", _CUR)],
        ),
        (
            "Home prices climbed 12% last year, up from 9% in 2024.",
            [("12%", _CUR), ("last year", _CUR), ("9%", _PREV), ("2024", _PREV)],
        ),
        (
            "Home prices climbed 12% last year after a 9% rise in 2024.",
            [("12%", _CUR), ("last year", _CUR), ("9%", _PREV), ("2024", _PREV)],
        ),
        (
            "Sales rose to 3,000 last year from 2,500 in 2024.",
            [("3,000", _CUR), ("last year", _CUR), ("2,500", _PREV), ("2024", _PREV)],
        ),
        ("Revenue grew from $5bn to $7bn.", [("$5bn", _PREV), ("$7bn", _CUR)]),
        ("The toll rose to 14 from an earlier estimate of 12.", [("14", _CUR), ("12", _PREV)]),
        (
            "The company earned $40 million, compared with $25 million a year ago.",
            [("$40 million", _CUR), ("$25 million", _PREV), ("a year ago", _PREV)],
        ),
    ],
)
def test_extract_role_of_a_change_previous_figure(
    statement_factory: Make, text: str, expected: list[tuple[str, ValueRole]]
) -> None:
    assert roles(statement_factory, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Officials initially reported 12 deaths but later revised the figure to 14.",
            [("12 deaths", _SUP), ("14", _CUR)],
        ),
        (
            "The death toll was initially put at 12 before it was revised to 14.",
            [("12", _SUP), ("14", _CUR)],
        ),
        ("Officials initially reported 12 deaths.", [("12 deaths", _CUR)]),
    ],
)
def test_extract_role_of_a_corrected_figure(
    statement_factory: Make, text: str, expected: list[tuple[str, ValueRole]]
) -> None:
    assert roles(statement_factory, text) == expected


def test_extract_role_from_without_a_change_is_current(statement_factory: Make) -> None:
    assert roles(statement_factory, "Delegates from 12 countries came.") == [("12 countries", _CUR)]


def test_extract_role_of_a_year_naming_its_noun(statement_factory: Make) -> None:
    assert roles(statement_factory, "The 2019 trade agreement expired last year.") == [
        ("2019", ValueRole.ATTRIBUTE),
        ("last year", _CUR),
    ]
    text = "In a 2024 letter, Zuckerberg wrote that next year would be big."
    assert roles(statement_factory, text) == [("2024", _CUR), ("next year", _CUR)]


# --- names and places -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("faa", "federal aviation administration"),
        ("nypd", "new york police department"),
        ("doj", "department of justice"),
        ("u.s.", "united states"),
    ],
)
def test_extract_same_name_acronym(a: str, b: str) -> None:
    assert same_name(a, b) and same_name(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("NTSB", "National Transportation Safety Board"),
        ("IBM", "International Business Machines"),
        ("the FAA's", "the Federal Aviation Administration"),
        ("BoE", "Bank of England"),
        ("U.S.", "United States"),
        ("HP", "Hewlett-Packard"),
    ],
)
def test_extract_same_name_acronym_as_written(a: str, b: str) -> None:
    assert same_name(a, b) and same_name(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ng", "Nancy Grant"),
        ("Ed", "Emily Davis"),
        ("Lee", "Laura Ellen Evans"),
        ("Boe", "Bank of England"),
    ],
)
def test_extract_same_name_written_acronym_needs_capitals(a: str, b: str) -> None:
    assert not same_name(a, b) and not same_name(b, a)


def test_extract_same_name_no_acronyms_for_people() -> None:
    assert not same_name("ng", "nancy grant", acronyms=False)
    assert same_name("grant", "nancy grant", acronyms=False)


def test_extract_person_surname_is_no_acronym_of_another_person(statement_factory: Make) -> None:
    a = one(statement_factory, "The motion was filed by Nancy Grant on Monday.", ValueKind.PERSON)
    b = replace(a, text="NG", norm="ng")  # even written in capitals
    assert a.norm == "nancy grant"
    assert not compatible(a, b) and not compatible(b, a)


def test_extract_entity_acronym_compatible_only_in_capitals(statement_factory: Make) -> None:
    text = "The National Transportation Safety Board opened an inquiry on Monday."
    full = one(statement_factory, text, ValueKind.ORG)
    short = one(statement_factory, "The NTSB opened an inquiry on Monday.", ValueKind.ORG)
    assert compatible(full, short)
    assert not compatible(full, replace(short, text="Ntsb"))


def test_extract_same_name_acronym_needs_every_initial() -> None:
    assert not same_name("fbi", "federal aviation administration")
    assert not same_name("faa", "federal aviation")


def test_extract_entity_acronym_compatible(statement_factory: Make) -> None:
    text = "The Federal Aviation Administration grounded the jets on Monday."
    full = one(statement_factory, text, ValueKind.ORG)
    short = one(statement_factory, "The FAA grounded the jets on Monday.", ValueKind.ORG)
    assert compatible(full, short)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Manhattan", "New York", True),
        ("Paris", "France", True),
        ("Texas", "the United States", True),
        ("Scotland", "the UK", True),
        ("Europe", "France", True),
        ("Paris", "Berlin", False),
        ("France", "Germany", False),
        ("Texas", "Ohio", False),
        ("Scotland", "France", False),
    ],
)
def test_extract_maybe_contains(a: str, b: str, expected: bool) -> None:
    assert maybe_contains(a, b) is expected and maybe_contains(b, a) is expected


def test_extract_docstring_examples_hold() -> None:
    import doctest

    import factcheck.extract

    result = doctest.testmod(factcheck.extract)
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.parametrize(
    "text", ["The Dow fell 300 points, or 1.2%.", "The Dow fell 15 points, or 0.1%."]
)
def test_extract_index_points_restated_as_a_percent_are_not_pp(
    statement_factory: Make, text: str
) -> None:
    assert [v.unit for v in values(statement_factory, text, ValueKind.PERCENT)] == ["%"]


def test_extract_by_a_third_before_a_noun_is_an_ordinal(statement_factory: Make) -> None:
    assert values(statement_factory, "The bill passed by a third vote.", ValueKind.PERCENT) == []


def test_extract_time_24_hour_needs_an_unambiguous_hour(statement_factory: Make) -> None:
    assert one(statement_factory, "They met at 15:00.", ValueKind.TIME).norm == "15:00"
    assert values(statement_factory, "They met at 10:30.", ValueKind.TIME) == []


@pytest.mark.parametrize(
    ("text", "norm"),
    [
        ("Officials raised the number of deaths to 14.", "14 death"),
        ("Officials put the number of victims at 12.", "12 victim"),
    ],
)
def test_extract_number_of_a_plural_counts_the_plural(
    statement_factory: Make, text: str, norm: str
) -> None:
    assert one(statement_factory, text, ValueKind.COUNT).norm == norm


@pytest.mark.parametrize(
    ("text", "kind", "surfaces"),
    [
        ("The tax rate rose 20% to 12%.", ValueKind.PERCENT, ["20%", "12%"]),
        ("The price rose $2 to $12.", ValueKind.MONEY, ["$2", "$12"]),
        ("The unemployment rate fell 7% to 4.2%.", ValueKind.PERCENT, ["7%", "4.2%"]),
    ],
)
def test_extract_change_by_and_to_is_no_range(
    statement_factory: Make, text: str, kind: ValueKind, surfaces: list[str]
) -> None:
    assert [v.text for v in values(statement_factory, text, kind)] == surfaces


def test_extract_role_date_of_a_from_without_an_earlier_figure(statement_factory: Make) -> None:
    text = "The board voted on Monday to cut $8 million from next year's budget."
    assert ("next year", ValueRole.CURRENT) in roles(statement_factory, text)


def test_extract_counts_a_partitive_group(statement_factory: Make) -> None:
    v = one(statement_factory, "Two of the injured were taken to a hospital.", ValueKind.COUNT)
    assert (v.text, v.unit) == ("Two of the injured", "injured")


@pytest.mark.parametrize(
    ("text", "kind", "shown"),
    [
        ("Meta invested $14.3 billion.", ValueKind.MONEY, "USD 14.3 billion"),
        ("Meta invested more than $14 billion.", ValueKind.MONEY, "USD >=14 billion"),
        ("Revenue of $4.6 billion to $4.8 billion.", ValueKind.MONEY, "USD 4.6-4.8 billion"),
        ("It costs $12,500.", ValueKind.MONEY, "USD 12,500"),
        ("He was sentenced to eight years.", ValueKind.QUANTITY, "8 years"),
        ("He asked for no more than three years.", ValueKind.QUANTITY, "<=3 years"),
        ("The strike lasted 16 weeks.", ValueKind.QUANTITY, "16 weeks"),
        ("The delay lasted 90 minutes.", ValueKind.QUANTITY, "90 minutes"),
        ("Prices rose 8%.", ValueKind.PERCENT, "8%"),
        ("Between 10% and 15% of voters agreed.", ValueKind.PERCENT, "10-15%"),
        ("The ship carried 40,000 tonnes of grain.", ValueKind.QUANTITY, "40,000 t"),
        ("The ship carried 40,000 tons of grain.", ValueKind.QUANTITY, "40,000 ton"),
        ("The ship carried 40,000 short tons of grain.", ValueKind.QUANTITY, "36,287.39 t"),
        ("The plant will supply 5GW.", ValueKind.QUANTITY, "5 GW"),
        ("The road is 2.5 miles long.", ValueKind.QUANTITY, "4.02 km"),
        ("It destroyed 20,000 to 30,000 homes.", ValueKind.COUNT, "20,000-30,000 home"),
        ("More than 1.2 million users signed up.", ValueKind.COUNT, ">=1.2 million user"),
    ],
)
def test_extract_display_shows_figures_as_written(
    statement_factory: Make, text: str, kind: ValueKind, shown: str
) -> None:
    v = one(statement_factory, text, kind)
    assert display(v) == shown


def test_extract_a_per_share_figure_is_a_rate_never_a_companys_total(
    statement_factory: Make,
) -> None:
    per_share = one(statement_factory, "Adobe earned 27 cents a share.", ValueKind.MONEY)
    total = one(statement_factory, "Adobe earned $54.3 million.", ValueKind.MONEY)
    assert per_share.unit == "USD/share"
    assert not comparable(per_share, total)
    assert one(statement_factory, "Tickets cost $40 a head.", ValueKind.MONEY).unit == (
        "USD/person"
    )


def test_extract_two_deadlines_are_compared_by_their_dates(statement_factory: Make) -> None:
    def when(text: str) -> Value:
        return one(statement_factory, text, ValueKind.DATE)

    march = when("The report is due by March 15, 2027.")
    assert not compatible(march, when("The report is due by April 15, 2027."))
    assert compatible(march, when("The report is due by March 15, 2027, officials said."))
    assert compatible(march, when("The report was filed on March 3, 2027."))  # not a deadline
