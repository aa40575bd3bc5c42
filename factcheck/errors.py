"""The one error hierarchy of factcheck.

Every error the library raises on purpose is a :class:`FactcheckError`; ``str(err)`` is a
one-line message meant for the user: what failed, where, and how to fix it. The CLI turns
these into ``error: <message>`` and an exit code; nothing else in the library exits.

::

    FactcheckError        base; str(err) is shown to the user
    ├── CorpusError       missing or empty folder, unreadable, binary, undecodable or
    │                     oversized article (.path names the file or folder)
    ├── ConfigError       bad option value, threshold or story.toml
    ├── FetchError        a page cannot be added to a story: unreachable, HTTP error,
    │                     not HTML, too large, no article text, or already stored (.url)
    ├── ModelError        the embedding / NLP / NLI model cannot be loaded
    │                     (names the package that provides it)
    └── StageError        a pipeline stage failed unexpectedly (.stage names it)
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "ConfigError",
    "CorpusError",
    "FactcheckError",
    "FetchError",
    "ModelError",
    "StageError",
    "first_line",
]


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


class FetchError(FactcheckError):
    """A web page could not be fetched and stored as an article.

    The message is complete ("cannot reach <url>: connection refused", "<url>: HTTP 404 Not
    Found"); ``.url`` is the page asked for, so a caller adding many pages can tell which
    one failed without parsing the message.
    """

    def __init__(self, url: str, message: str) -> None:
        self.url = url
        super().__init__(message)


class ModelError(FactcheckError):
    """A model could not be loaded."""


class StageError(FactcheckError):
    """A pipeline stage raised an unexpected exception; names the stage and the story."""

    def __init__(self, stage: str, story: str, err: BaseException) -> None:
        self.stage = stage
        self.story = story
        super().__init__(f"{story}: stage '{stage}' failed: {type(err).__name__}: {err}")


def first_line(err: BaseException) -> str:
    """The first line of ``err``'s message without a final period, to quote inside a
    one-line error that goes on ("cannot load model 'x': <first line>. --model takes ...")."""
    lines = str(err).strip().splitlines()
    return (lines[0] if lines else type(err).__name__).rstrip(". ")
