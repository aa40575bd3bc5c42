"""Docstring examples that are meant to run, run (so they stay true)."""

from __future__ import annotations

import doctest
import importlib

import pytest


@pytest.mark.parametrize(
    "module",
    [
        "factcheck.clean",
        "factcheck.encoding",
        "factcheck.filenames",
        "factcheck.ingest",
        "factcheck.provenance",
        "factcheck.textdiff",
    ],
)
def test_doctests_examples_in_docstrings_hold(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0
    assert result.failed == 0
