"""factcheck: what news sources agree on, add, contradict and slant.

Call it from Python::

    from factcheck import Settings, check, render_markdown
    for result in check("corpora/meta-superintelligence", settings=Settings()):
        print(render_markdown(result))

or from the terminal: ``factcheck check corpora/``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factcheck.errors import (
        ConfigError,
        CorpusError,
        FactcheckError,
        FetchError,
        ModelError,
        StageError,
    )
    from factcheck.pipeline import check, check_story
    from factcheck.report import render_markdown, write_reports
    from factcheck.report_json import to_json
    from factcheck.settings import Settings
    from factcheck.types import Conflict, Fact, Label, Statement, StoryResult

__version__ = "0.1.0"

# The public API is imported lazily (PEP 562) so that `factcheck --help` and `import
# factcheck.cli` stay fast and never import pandas, spaCy or torch.
_EXPORTS = {
    "check": "factcheck.pipeline",
    "check_story": "factcheck.pipeline",
    "render_markdown": "factcheck.report",
    "to_json": "factcheck.report_json",
    "write_reports": "factcheck.report",
    "Settings": "factcheck.settings",
    "FactcheckError": "factcheck.errors",
    "CorpusError": "factcheck.errors",
    "ConfigError": "factcheck.errors",
    "FetchError": "factcheck.errors",
    "ModelError": "factcheck.errors",
    "StageError": "factcheck.errors",
    "StoryResult": "factcheck.types",
    "Fact": "factcheck.types",
    "Statement": "factcheck.types",
    "Conflict": "factcheck.types",
    "Label": "factcheck.types",
}

__all__ = [
    "ConfigError",
    "Conflict",
    "CorpusError",
    "Fact",
    "FactcheckError",
    "FetchError",
    "Label",
    "ModelError",
    "Settings",
    "StageError",
    "Statement",
    "StoryResult",
    "__version__",
    "check",
    "check_story",
    "render_markdown",
    "to_json",
    "write_reports",
]


def __getattr__(name: str) -> object:
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
