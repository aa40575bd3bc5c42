"""The optional NLI slot: loading a real CrossEncoder folder, folding verdicts into conflicts."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import networkx as nx
import pytest
from conftest import StatementFactory
from typer.testing import CliRunner

from factcheck.cache import Cache
from factcheck.classify import classify
from factcheck.cli import app
from factcheck.errors import ConfigError, ModelError
from factcheck.extract import extract
from factcheck.nli import CrossEncoderNLI, check_nli, scores
from factcheck.types import ConflictKind, Label, Statement

STORY = Path(__file__).parent / "data" / "stories" / "acme-layoffs"


@pytest.fixture(scope="module")
def tiny_nli(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A randomly initialised 2-layer BERT cross-encoder with NLI labels, built offline."""
    from transformers import BertConfig, BertForSequenceClassification, BertTokenizerFast

    folder = tmp_path_factory.mktemp("tiny-nli")
    words = ["the", "a", "meta", "acme", "will", "cut", "jobs", "not", "did", "release"]
    vocab = folder / "vocab.txt"
    vocab.write_text("\n".join(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *words]))
    BertTokenizerFast(vocab_file=str(vocab)).save_pretrained(folder)
    config = BertConfig(
        vocab_size=5 + len(words),
        hidden_size=16,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=32,
        num_labels=3,
        id2label={0: "contradiction", 1: "entailment", 2: "neutral"},
        label2id={"contradiction": 0, "entailment": 1, "neutral": 2},
    )
    BertForSequenceClassification(config).save_pretrained(folder)
    return folder


def test_nli_loads_a_cross_encoder_folder_and_scores_probabilities(tiny_nli: Path) -> None:
    probs = CrossEncoderNLI(str(tiny_nli)).contradiction([("acme will cut jobs", "acme did not")])
    assert len(probs) == 1
    assert 0.0 <= probs[0] <= 1.0


def test_nli_refuses_a_model_without_a_contradiction_label(tmp_path: Path, tiny_nli: Path) -> None:
    from transformers import AutoConfig

    folder = tmp_path / "no-nli"
    folder.mkdir()
    for f in tiny_nli.iterdir():
        (folder / f.name).write_bytes(f.read_bytes())
    config = AutoConfig.from_pretrained(folder)
    config.id2label = {0: "positive", 1: "negative", 2: "mixed"}
    config.label2id = {v: k for k, v in config.id2label.items()}
    config.save_pretrained(folder)
    with pytest.raises(ModelError, match="not an NLI model"):
        CrossEncoderNLI(str(folder)).contradiction([("a", "b")])


def test_nli_scores_are_cached(tmp_path: Path) -> None:
    class Counting:
        model_id = "counting"
        calls = 0

        def contradiction(self, pairs: Sequence[tuple[str, str]]) -> list[float]:
            Counting.calls += 1
            return [0.25 for _ in pairs]

    scorer = Counting()
    assert scores([("a", "b")], scorer=scorer, cache=Cache(tmp_path)) == [0.25]
    assert scores([("a", "b")], scorer=scorer, cache=Cache(tmp_path)) == [0.25]
    assert Counting.calls == 1


def _two(make: StatementFactory) -> tuple[list[Statement], nx.Graph[str]]:
    a = extract(make("Acme will cut 1,200 jobs this year.", "a"), published=None)
    b = extract(make("Acme will hire 1,200 people this year.", "b"), published=None)
    g: nx.Graph[str] = nx.Graph()
    g.add_edge(a.id, b.id, weight=0.8, rule="mutual-best")
    return [a, b], g


def test_nli_verdict_alone_adds_a_contradiction(statement_factory: StatementFactory) -> None:
    statements, graph = _two(statement_factory)
    (fact,) = classify(statements, graph, sources=["a", "b"], contradiction=lambda p: [0.9])
    (c,) = fact.conflicts
    assert c.kind is ConflictKind.CONTRADICTION
    assert fact.label is Label.CONFLICT
    assert "p=0.90" in c.reason
    assert c.confidence == 0.72


def test_nli_below_threshold_adds_nothing(statement_factory: StatementFactory) -> None:
    statements, graph = _two(statement_factory)
    (fact,) = classify(statements, graph, sources=["a", "b"], contradiction=lambda p: [0.2])
    assert fact.conflicts == ()


def test_nli_cli_missing_model_is_a_one_line_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app,
        [
            "check",
            str(STORY),
            "--nli",
            str(tmp_path / "missing"),
            "-o",
            str(tmp_path / "r"),
            "--cache-dir",
            str(tmp_path / "c"),
        ],
    )
    assert result.exit_code == 2  # a usage error, found before any work
    assert result.stderr.startswith("error: --nli ")
    assert "no such folder" in result.stderr
    assert result.stderr.count("\n") == 1
    assert not (tmp_path / "c").exists()


def test_nli_check_accepts_a_model_folder(tiny_nli: Path) -> None:
    check_nli(str(tiny_nli))


def test_nli_check_refuses_a_folder_without_a_model(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="holds no model"):
        check_nli(str(tmp_path))


def test_nli_check_refuses_a_model_without_a_contradiction_label(tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text('{"id2label": {"0": "positive", "1": "negative"}}')
    (tmp_path / "model.safetensors").write_bytes(b"x")
    with pytest.raises(ConfigError, match="not an NLI model; its labels are"):
        check_nli(str(tmp_path))


def test_nli_check_refuses_a_config_without_labels(tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text("{}")
    (tmp_path / "model.bin").write_bytes(b"x")
    with pytest.raises(ConfigError, match=r"names no labels \(id2label\)"):
        check_nli(str(tmp_path))
