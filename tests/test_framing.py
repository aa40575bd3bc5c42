"""Framing, first version: hedging and loaded words that only some sources use."""

from __future__ import annotations

from conftest import StatementFactory

from factcheck.framing import framing_notes
from factcheck.types import FramingKind


def test_framing_flags_a_hedged_version_of_a_flat_claim(
    statement_factory: StatementFactory,
) -> None:
    a = statement_factory("Meta will keep its best models closed.", "a")
    b = statement_factory("Meta may reportedly keep its best models closed.", "b")
    (note,) = framing_notes([a, b])
    assert note.kind is FramingKind.HEDGING
    assert note.marked == ("b:1",)
    assert note.words == (("may", "reportedly"),)
    assert note.unmarked == ("a:1",)


def test_framing_is_silent_when_every_source_hedges(statement_factory: StatementFactory) -> None:
    a = statement_factory("Meta could keep its best models closed.", "a")
    b = statement_factory("Meta may keep its best models closed.", "b")
    assert framing_notes([a, b]) == []


def test_framing_flags_loaded_words_only_one_source_uses(
    statement_factory: StatementFactory,
) -> None:
    a = statement_factory("Executives focused on beating OpenAI.", "a")
    b = statement_factory("Executives became obsessed with beating OpenAI.", "b")
    (note,) = framing_notes([a, b])
    assert note.kind is FramingKind.LOADED
    assert note.marked == ("b:1",)
    assert note.words == (("obsessed",),)


def test_framing_needs_two_sources(statement_factory: StatementFactory) -> None:
    a = statement_factory("Meta may keep its models closed.", "a", 1)
    b = statement_factory("Meta keeps its models closed.", "a", 2)
    assert framing_notes([a, b]) == []
