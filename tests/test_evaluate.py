"""The evaluation harness: loaders on the sets' quirks, metrics against hand-computed values,
and a whole run on the hand-written fixture folder with the fake embedder.

The tests never read the real evaluation data; ``tests/data/eval`` mimics its layout.
"""

from __future__ import annotations

import math
import shutil
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from helpers import FakeEmbedder

from factcheck import evaluate as ev
from factcheck.cache import Cache
from factcheck.errors import CorpusError
from factcheck.settings import Settings

DATA = Path(__file__).parent / "data" / "eval"
ROOT = Path(__file__).parent.parent


#: Not the product default, so a test can tell that the settings reach the product row.
SETTINGS = Settings(threshold=0.55)


@pytest.fixture(scope="module")
def report() -> ev.EvalReport:
    return ev.run_all(DATA, settings=SETTINGS, embedder=FakeEmbedder(), cache=Cache(None))


# --- loaders -------------------------------------------------------------------------------


def test_evaluate_read_tsv_drops_the_bom_and_keeps_bare_quotes() -> None:
    rows = ev.read_tsv(DATA / ev.MRPC_FILE)
    assert rows[0][0] == "1"  # not "\ufeff1"
    assert '"river park"' in rows[0][3]
    assert all(len(r) == 5 for r in rows)


def test_evaluate_load_mrpc_reads_every_row_with_crlf() -> None:
    rows = ev.load_mrpc(DATA / ev.MRPC_FILE)
    assert len(rows) == 10
    assert [int(r.label) for r in rows[:3]] == [1, 0, 1]
    assert rows[1].id == "102-202"
    assert not rows[0].b.endswith("\r")


def test_evaluate_load_mrpc_skips_a_header_row(tmp_path: Path) -> None:
    path = tmp_path / "mrpc.txt"
    path.write_text(
        "Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\n1\t1\t2\tA cat sat.\tThe cat sat.\n",
        encoding="utf-8",
    )
    assert [(r.a, r.label) for r in ev.load_mrpc(path)] == [("A cat sat.", 1)]


def test_evaluate_load_mrpc_rejects_a_bad_quality_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "mrpc.txt"
    path.write_text("1\t1\t2\tA.\tB.\nyes\t3\t4\tC.\tD.\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="line 2"):
        ev.load_mrpc(path)


def test_evaluate_load_stsb_keeps_news_rows_and_ignores_extra_columns() -> None:
    rows = ev.load_stsb(DATA / ev.STSB_FILE)
    assert [r.label for r in rows] == [4.8, 0.4, 3.2, 1.5, 2.6]
    extra = rows[2]
    assert (extra.a, extra.b) == (
        "The mayor opened the library on Monday.",
        "The library opened after renovation.",
    )
    assert len(ev.load_stsb(DATA / ev.STSB_FILE, genre=None)) == 7


def test_evaluate_load_sick_reads_the_header_and_crlf() -> None:
    rows = ev.load_sick(DATA / ev.SICK_FILE)
    assert len(rows) == 6
    assert [r.kind for r in rows[:2]] == ["CONTRADICTION", "ENTAILMENT"]
    assert sum(r.label for r in rows) == 3
    assert rows[5].a == 'A cat is sitting on a "soft" chair'


def test_evaluate_load_sick_needs_its_columns(tmp_path: Path) -> None:
    path = tmp_path / "sick.txt"
    path.write_text("id\tA\tB\n1\tx\ty\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="entailment_label"):
        ev.load_sick(path)


def test_evaluate_detokenise_undoes_ptb_tokens() -> None:
    assert ev.detokenise("Police said the fire was `` suspicious '' and did n't rule it out .") == (
        'Police said the fire was "suspicious" and didn\'t rule it out.'
    )
    assert (
        ev.detokenise("Riverton 's mill ( built 1901 ) , gone")
        == "Riverton's mill (built 1901), gone"
    )


def test_evaluate_load_ecb_pairs_labels_topics_and_detokenises() -> None:
    rows = ev.load_ecb_pairs(DATA / ev.ECB_PAIRS_FILE)
    assert len(rows) == 8
    assert sum(r.label for r in rows) == 4
    assert {r.group for r in rows} == {"1", "2"}
    assert rows[0].b == "Flames destroyed Riverton's historic mill early Sunday."


def test_evaluate_load_ecb_docs_keeps_annotated_sentences_and_cross_event_chains() -> None:
    docs = {d.doc: d for d in ev.load_ecb_docs(DATA / ev.ECB_DOCS_FILE)}
    assert len(docs) == 4  # the trailing blank line is skipped
    first = docs["1_1ecb"]
    assert [s for s, _ in first.sentences] == [0, 1, 3]
    # LOC chains and null chains are not events; NEG_ actions are.
    assert first.chains[3] == ("ACT_SAID1", "ACT_RULEOUT", "ACT_FIRE")
    assert 2 not in first.chains
    assert docs["1_2ecb"].chains[1] == ("ACT_FIGHT",)  # its intra-document chain is left out
    assert 2 not in docs["1_2ecb"].chains
    assert docs["1_3ecbplus"].sentences[0] == (
        1,
        "A fire gutted a warehouse in Lakeside on Friday night.",
    )


def test_evaluate_gold_chain_is_the_one_most_documents_mention() -> None:
    docs = [d for d in ev.load_ecb_docs(DATA / ev.ECB_DOCS_FILE) if d.subtopic == "1_ecb"]
    gold, multi = ev._gold_chains(docs)
    assert gold[("1_1ecb", 3)] == "ACT_FIRE"  # 2 documents, against 1 for the others
    assert multi == 1
    assert ("1_2ecb", 2) not in gold


def test_evaluate_load_jsonl_names_a_broken_line(tmp_path: Path) -> None:
    path = tmp_path / "pairs.jsonl"
    path.write_text('{"label": "same_event"}\n{not json\n', encoding="utf-8")
    with pytest.raises(CorpusError, match="line 2"):
        list(ev._jsonl(path))


def test_evaluate_load_basil_places_spans_on_flattened_sentences() -> None:
    first, second = ev.load_basil(DATA / ev.BASIL_FILE)
    assert [a.source for a in first] == ["fox", "nyt", "hpo"]  # NYT lower-cased, fixed order
    fox, _, hpo = first
    assert hpo.sentences[1].startswith("A massive fire")
    assert hpo.spans == (("lex", 1), ("inf", 2))
    assert fox.spans == (("lex", 0),)  # the title span sits on sentence 0
    assert fox.unplaced == 1  # p9 does not exist
    assert fox.published == "2015-03-02"
    assert second[0].spans == (("lex", 2), ("lex", 2))


# --- metrics -------------------------------------------------------------------------------


def test_evaluate_confusion_matches_hand_computed_scores() -> None:
    c = ev.Confusion.of(
        [True, True, True, True, False, False, False, False, False, False],
        [True, True, True, False, True, True, False, False, False, False],
    )
    assert (c.tp, c.fp, c.fn, c.tn) == (3, 1, 2, 4)
    assert c.accuracy == pytest.approx(0.7)
    assert c.precision == pytest.approx(0.75)
    assert c.recall == pytest.approx(0.6)
    assert c.f1 == pytest.approx(2 / 3)
    assert c.balanced_accuracy == pytest.approx((0.6 + 0.8) / 2)


def test_evaluate_confusion_with_empty_denominators_is_zero_not_nan() -> None:
    c = ev.Confusion.of([False, False], [False, False])
    assert (c.precision, c.recall, c.f1) == (0.0, 0.0, 0.0)
    assert c.balanced_accuracy == 1.0  # only the negative class is present, all right


def test_evaluate_spearman_averages_tied_ranks() -> None:
    # ranks of y: 1, 2, 3.5, 5, 3.5 -> rho = 8 / sqrt(10 * 9.5)
    rho = ev.spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7])
    assert rho == pytest.approx(8 / math.sqrt(95))


def test_evaluate_spearman_agrees_with_scipy() -> None:
    stats = pytest.importorskip("scipy.stats")
    rng = np.random.default_rng(3)
    x, y = rng.integers(0, 6, 40).astype(float), rng.normal(size=40)
    assert ev.spearman(x, y) == pytest.approx(stats.spearmanr(x, y).statistic)


def test_evaluate_spearman_of_a_constant_is_nan() -> None:
    assert math.isnan(ev.spearman([1, 1, 1], [1, 2, 3]))


def test_evaluate_purity_matches_hand_computed_values() -> None:
    groups = [["a", "b", "c"], ["d"], ["e", "x"]]
    gold = {"a": "1", "b": "1", "c": "2", "d": "2", "e": "2"}  # x has no gold class
    p, q, n = ev.purity(groups, gold)
    assert n == 5
    assert p == pytest.approx((2 + 1 + 1) / 5)
    assert q == pytest.approx((2 + 1) / 5)  # class 1: 2 in one group; class 2: 1 at best


def test_evaluate_tune_threshold_picks_the_best_balanced_accuracy() -> None:
    scores = [0.2, 0.4, 0.55, 0.61, 0.7, 0.9]
    gold = [False, False, False, True, True, True]
    assert ev.tune_threshold(scores, gold) == pytest.approx(0.56)  # lowest perfect threshold


def test_evaluate_cv_keeps_a_group_in_one_fold() -> None:
    groups = ["t1", "t1", "t2", "t2", "t3", "t3", "t4"]
    folds = ev._folds(len(groups), 3, seed=13, groups=groups)
    assert sorted(i for f in folds for i in f) == list(range(len(groups)))
    for f in folds:
        for g in {groups[i] for i in f}:
            assert all(i in f for i, h in enumerate(groups) if h == g)


def test_evaluate_cv_threshold_scores_every_row_once() -> None:
    rng = np.random.default_rng(0)
    scores = rng.random(50)
    gold = scores + rng.normal(0, 0.2, 50) > 0.5
    total, chosen = ev.cv_threshold(scores, gold, k=5, seed=13)
    assert total.n == 50
    assert len(chosen) == 5


def test_evaluate_product_links_is_the_cosine_rule() -> None:
    """The pair evaluations sweep thresholds on the cosine; this guards that the aligner
    still links two single-statement sources exactly when their cosine reaches the
    threshold. If the product rule changes, update ``_pair_eval`` to sweep the new rule."""
    rng = np.random.default_rng(7)
    settings = Settings()
    for _ in range(200):
        a, b = rng.normal(size=(2, 8)).astype(np.float32)
        a, b = a / np.linalg.norm(a), b / np.linalg.norm(b)
        b = (a * 2.5 + b) / np.linalg.norm(a * 2.5 + b)  # spread cosines around 0.6
        linked = ev.product_links(a, b, settings=settings, texts=("x", "y"))
        assert linked == (float(a @ b) >= settings.threshold)


# --- whole runs ----------------------------------------------------------------------------


def test_evaluate_run_all_scores_every_set_of_the_fixture(report: ev.EvalReport) -> None:
    assert report.skipped == ()
    assert report.mrpc is not None and (report.mrpc.n, report.mrpc.positives) == (10, 5)
    assert report.ecb_pairs is not None and report.ecb_pairs.n == 8
    assert report.stsb is not None and report.stsb.n == 5
    assert report.sick is not None and (report.sick.n, report.sick.contradictions) == (6, 3)
    numeric = report.mrpc_numeric
    assert numeric is not None and (numeric.pool, numeric.control_pool) == (3, 3)
    docs = report.ecb_docs
    assert docs is not None
    assert (docs.subtopics, docs.documents, docs.sentences, docs.scored) == (2, 4, 10, 9)
    basil = report.basil
    assert basil is not None
    assert (basil.triplets, basil.sentences, basil.lex_spans, basil.inf_spans) == (2, 18, 4, 3)
    assert basil.unplaced == 1


def test_evaluate_basil_sweep_agrees_with_the_product_run_at_the_default(
    report: ev.EvalReport,
) -> None:
    from factcheck.framing import MIN_SHARED_CONTENT

    basil = report.basil
    assert basil is not None
    assert [row.min_shared for row in basil.sweep] == list(ev.FRAMING_SWEEP)
    (default,) = [row for row in basil.sweep if row.min_shared == MIN_SHARED_CONTENT]
    assert default.marked_statements == basil.marked_statements  # only framing reran
    assert default.lex_in_marked == basil.lex_in_marked
    marked = [row.marked_statements for row in basil.sweep]
    assert marked == sorted(marked, reverse=True)  # a higher overlap only removes notes
    assert MIN_SHARED_CONTENT == 0.25  # the value docs/evaluation.md reports as chosen
    assert len(basil.examples) == default.notes  # fewer notes than the sample size: all shown
    assert all(e.marked and e.against and e.explanation for e in basil.examples)


def test_evaluate_run_all_product_row_uses_the_settings_threshold(
    report: ev.EvalReport,
) -> None:
    assert report.mrpc is not None
    product = report.mrpc.methods[0]
    assert product.threshold == "0.55"
    assert product.scores.n == 10


def test_evaluate_reference_groupings_bound_purity(report: ev.EvalReport) -> None:
    assert report.ecb_docs is not None
    by_name = {m.method: m for m in report.ecb_docs.methods}
    alone = by_name["reference: every sentence alone"]
    one = by_name["reference: one group per subtopic"]
    assert alone.purity == 1.0
    assert one.inverse_purity == 1.0
    for m in report.ecb_docs.methods:
        assert 0.0 < m.purity <= 1.0
        assert 0.0 < m.inverse_purity <= 1.0


def test_evaluate_sick_finds_a_negation_contradiction(report: ev.EvalReport) -> None:
    assert report.sick is not None
    assert report.sick.end_to_end.tp >= 1  # "is playing" / "is not playing"


def test_evaluate_run_all_is_deterministic_apart_from_runtimes(report: ev.EvalReport) -> None:
    again = ev.run_all(DATA, settings=SETTINGS, embedder=FakeEmbedder(), cache=Cache(None))
    assert ev.render_evaluation_md(_no_times(again)) == ev.render_evaluation_md(_no_times(report))


def _no_times(r: ev.EvalReport) -> ev.EvalReport:
    fields = ("mrpc", "stsb", "ecb_pairs", "ecb_docs", "sick", "mrpc_numeric", "basil")
    changes = {f: replace(getattr(r, f), runtime_s=0.0) for f in fields if getattr(r, f)}
    return replace(r, runtime_s=0.0, **changes)


def test_evaluate_render_states_command_samples_and_tuning(report: ev.EvalReport) -> None:
    run = ev.RunInfo(command="factcheck eval DATA", date="2025-01-01", machine="test box")
    text = ev.render_evaluation_md(report, run)
    assert "`factcheck eval DATA`" in text
    assert "2025-01-01" in text and "test box" in text
    assert "seed 13" in text
    for heading in ("## Summary", "## Tuning: which set tuned what", "## Samples", "## Framing"):
        assert heading in text
    assert "MRPC train, 10 pairs" in text


def test_evaluate_missing_folder_says_where_to_get_data(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match=r"launchnlp/BASIL") as err:
        ev.run_all(tmp_path / "nowhere", settings=Settings(), embedder=FakeEmbedder())
    assert "mrpc/msr_paraphrase_train.txt" in str(err.value)


def test_evaluate_folder_without_any_set_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="none of the evaluation sets"):
        ev.run_all(tmp_path, settings=Settings(), embedder=FakeEmbedder())


def test_evaluate_a_missing_set_is_skipped_not_fatal(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA / "stsb", data / "stsb")
    result = ev.run_all(data, settings=Settings(), embedder=FakeEmbedder(), cache=Cache(None))
    assert result.stsb is not None and result.stsb.n == 5
    assert result.mrpc is None and result.basil is None
    assert ("basil", "basil/basil_triplets.jsonl not found") in result.skipped
    assert "Skipped: " in ev.render_evaluation_md(result)


def test_evaluate_eval_main_writes_the_document(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA / "mrpc", data / "mrpc")
    out = tmp_path / "docs" / "evaluation.md"
    seen: list[str] = []
    report, text = ev.eval_main(
        data,
        out=out,
        settings=Settings(cache_dir=None),
        embedder=FakeEmbedder(),
        command="factcheck eval data",
        on_set=seen.append,
    )
    assert out.read_text(encoding="utf-8") == text
    assert "`factcheck eval data`" in text
    assert seen == ["mrpc", "mrpc-numeric"]
    assert report.mrpc is not None and report.cache == "off"


def test_evaluate_one_per_document_reference_keeps_a_document_once_per_event() -> None:
    keys = [("d1", 0), ("d1", 1), ("d2", 0), ("d2", 1)]
    gold = {("d1", 0): "fire", ("d1", 1): "fire", ("d2", 0): "fire"}
    groups = ev._one_per_document(keys, gold)
    assert groups == [[("d1", 0), ("d2", 0)], [("d1", 1)], [("d2", 1)]]


def test_evaluate_basil_counts_citations_apart_from_rewrites() -> None:
    from collections import Counter

    from factcheck.pipeline import analyse, article_from_paragraphs
    from factcheck.types import Derivation, DerivationKind

    articles = [
        article_from_paragraphs(src, ["The council approved the plan on Tuesday."])
        for src in ("fox", "nyt", "hpo")
    ]
    result = analyse(
        articles, name="t", settings=SETTINGS, embedder=FakeEmbedder(), cache=Cache(None)
    )
    cites = Derivation("fox", "nyt", DerivationKind.CITES, 0.1, 0.5, 0.3, 0, "")
    copy = Derivation("hpo", "nyt", DerivationKind.COPY, 0.9, 1.0, 1.0, 20, "")
    c: Counter[str] = Counter()
    ev._count_basil([], replace(result, derivations=(cites, copy)), c)
    assert (c["source_pairs"], c["derived_pairs"], c["cited_pairs"]) == (3, 1, 1)
