"""The one error hierarchy of factcheck.

Every error the library raises on purpose is a :class:`FactcheckError`; ``str(err)`` is a
one-line message meant for the user: what failed, where, and how to fix it. The CLI turns
these into ``error: <message>`` and an exit code; nothing else in the library exits.

::

    FactcheckError        base; str(err) is shown to the user
    ├── CorpusError       missing or empty folder, unreadable, binary, undecodable or
    │                     oversized article (.path names the file or folder)
    ├── ConfigError       bad option value, threshold or story.toml
    ├── ModelError        the embedding / NLP / NLI model cannot be loaded
    │                     (names the package that provides it)
    └── StageError        a pipeline stage failed unexpectedly (.stage names it)
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["ConfigError", "CorpusError", "FactcheckError", "ModelError", "StageError"]


class FactcheckError(Exception):
    """Base class; the message is complete and fit to show to a user."""


class CorpusError(FactcheckError):
    """An article file or story folder cannot be used."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class ConfigError(FactcheckError):
    """An option, threshold or settings file is invalid."""


class ModelError(FactcheckError):
    """A model could not be loaded."""


class StageError(FactcheckError):
    """A pipeline stage raised an unexpected exception; names the stage and the story."""

    def __init__(self, stage: str, story: str, err: BaseException) -> None:
        self.stage = stage
        self.story = story
        super().__init__(f"{story}: stage '{stage}' failed: {type(err).__name__}: {err}")
