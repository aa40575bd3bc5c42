"""An optional NLI cross-encoder: a second, learned signal for conflicts.

Off by default: no NLI model with a known licence ships its weights on PyPI (see
``docs/evaluation.md``), so the product's conflicts come from typed values and events.
A user who has a sentence-transformers ``CrossEncoder`` NLI model on disk (any model whose
``config.id2label`` has a "contradiction" label) passes ``--nli PATH`` and each pair of
aligned statements from different sources is scored. A pair is scored in both directions
and the larger contradiction probability counts, since contradiction is symmetric and
cross-encoders are not.

Scores are cached like embeddings, keyed by model id and the two texts.
"""

from __future__ import annotations

import logging
import os
import struct
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any, Protocol

from factcheck.cache import Cache, content_key
from factcheck.embed import check_local_model, quiet_transformers, read_model_json
from factcheck.errors import ConfigError, ModelError, first_line

__all__ = ["NLI_THRESHOLD", "ContradictionScorer", "CrossEncoderNLI", "check_nli", "scores"]

log = logging.getLogger(__name__)

#: Contradiction probability from which the NLI model's verdict is reported.
NLI_THRESHOLD = 0.5
_NS = "nli-v1"


class ContradictionScorer(Protocol):
    """Anything that gives P(contradiction) for pairs of texts."""

    @property
    def model_id(self) -> str: ...

    def contradiction(self, pairs: Sequence[tuple[str, str]]) -> list[float]: ...


@cache
def _load(target: str) -> tuple[Any, int]:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    try:
        from sentence_transformers import CrossEncoder

        quiet_transformers()
        model = CrossEncoder(target, device="cpu")
    except Exception as err:
        raise ModelError(
            f"cannot load NLI model '{target}': {first_line(err)}. --nli takes a "
            "folder holding a sentence-transformers CrossEncoder NLI model"
        ) from err
    labels = {int(k): str(v).lower() for k, v in model.config.id2label.items()}
    index = next((k for k, v in sorted(labels.items()) if v.startswith("contradict")), None)
    if index is None:
        raise ModelError(
            f"--nli {target}: not an NLI model; its labels are {sorted(labels.values())}, "
            "none of them 'contradiction'"
        )
    return model, index


def check_nli(name: str) -> None:
    """Raise a :class:`~factcheck.errors.ConfigError` when ``--nli`` cannot be resolved to a
    model folder or a cached name, before any work (nothing is loaded).

    A folder must hold a model (see :func:`~factcheck.embed.check_local_model`) whose
    ``config.json`` names its labels (``id2label``), one of them "contradiction": the label
    the conflicts read. A classifier of anything else would load and then fail the run.
    """
    option = "--nli"
    folder = check_local_model(name, option=option, expected="a CrossEncoder NLI model folder")
    if folder is None:
        return
    config = read_model_json(folder, "config.json", option=option, name=name)
    labels = config.get("id2label") if isinstance(config, dict) else None
    if not isinstance(labels, dict) or not labels:
        raise ConfigError(
            f"{option} {name}: not an NLI model; its config.json names no labels (id2label), "
            "and an NLI model's include 'contradiction'"
        )
    if not any(str(v).lower().startswith("contradict") for v in labels.values()):
        raise ConfigError(
            f"{option} {name}: not an NLI model; its labels are "
            f"{sorted(str(v) for v in labels.values())}, none of them 'contradiction'"
        )


class CrossEncoderNLI:
    """A sentence-transformers CrossEncoder NLI model from a local folder or cached name."""

    def __init__(self, name: str) -> None:
        path = Path(name).expanduser()
        if not path.exists() and (os.sep in name or name.startswith((".", "~"))):
            raise ModelError(f"--nli {name}: no such folder; expected a CrossEncoder NLI model")
        self._target = str(path.resolve()) if path.exists() else name
        self._id = f"nli:{self._target}"

    @property
    def model_id(self) -> str:
        return self._id

    def contradiction(self, pairs: Sequence[tuple[str, str]]) -> list[float]:
        if not pairs:
            return []
        model, index = _load(self._target)
        both = [*pairs, *((b, a) for a, b in pairs)]
        probs = model.predict(both, apply_softmax=True, show_progress_bar=False)
        n = len(pairs)
        return [max(float(probs[i][index]), float(probs[n + i][index])) for i in range(n)]


def scores(
    pairs: Sequence[tuple[str, str]], *, scorer: ContradictionScorer, cache: Cache
) -> list[float]:
    """Contradiction probabilities for ``pairs``, scoring only what is not cached."""
    keys = [content_key(scorer.model_id, a, b) for a, b in pairs]
    found = cache.get_many(_NS, keys)
    todo = [i for i, k in enumerate(keys) if k not in found]
    if todo:
        log.info("scoring %d statement pairs with the NLI model", len(todo))
        fresh = scorer.contradiction([pairs[i] for i in todo])
        computed = {keys[i]: struct.pack("<d", p) for i, p in zip(todo, fresh, strict=True)}
        cache.put_many(_NS, computed)
        found.update(computed)
    return [struct.unpack("<d", found[k])[0] for k in keys]
