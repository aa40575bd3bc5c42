"""Tests for factcheck.ingest: finding stories, decoding files, metadata, failures."""

from __future__ import annotations

import logging
import os
import shutil
from datetime import date, datetime
from pathlib import Path

import pytest

from factcheck.errors import ConfigError, CorpusError
from factcheck.ingest import _meta_from_mapping, find_stories, iso_date, read_story
from factcheck.types import Article, FileFailure, TextFormat

DATA = Path(__file__).parent / "data" / "ingest"
STORY = DATA / "story"
SEEDS = Path(__file__).parents[1] / "corpora" / "meta-superintelligence"
LIMIT = 1024 * 1024

ARTICLE = (
    "Acme Robotics said on Tuesday that it had raised $40 million.\n"
    "The company plans to double its engineering staff.\n"
)


@pytest.fixture
def story(tmp_path: Path) -> Path:
    folder = tmp_path / "acme"
    folder.mkdir()
    return folder


def _write(folder: Path, name: str, data: str | bytes) -> Path:
    path = folder / name
    if isinstance(data, str):
        path.write_bytes(data.encode("utf-8"))
    else:
        path.write_bytes(data)
    return path


def _read(folder: Path, limit: int = LIMIT) -> tuple[list[Article], list[FileFailure]]:
    return read_story(folder, max_file_bytes=limit)


def _only_failure(folder: Path, limit: int = LIMIT) -> FileFailure:
    articles, failures = _read(folder, limit)
    assert articles == []
    assert len(failures) == 1
    return failures[0]


def _only_article(folder: Path) -> Article:
    articles, failures = _read(folder)
    assert failures == []
    assert len(articles) == 1
    return articles[0]


# --------------------------------------------------------------------------- find_stories


def test_ingest_find_stories_accepts_one_story_folder() -> None:
    assert find_stories(STORY) == [STORY]


def test_ingest_find_stories_lists_story_folders_sorted(tmp_path: Path) -> None:
    for name in ("zeta", "alpha", "mid"):
        (tmp_path / name).mkdir()
        _write(tmp_path / name, "a.txt", ARTICLE)
    (tmp_path / "no-articles").mkdir()
    _write(tmp_path / "no-articles", "notes.csv", "a,b\n")
    assert find_stories(tmp_path) == [tmp_path / "alpha", tmp_path / "mid", tmp_path / "zeta"]


def test_ingest_find_stories_ignores_hidden_folders(tmp_path: Path) -> None:
    for name in (".cache", "story"):
        (tmp_path / name).mkdir()
        _write(tmp_path / name, "a.txt", ARTICLE)
    assert find_stories(tmp_path) == [tmp_path / "story"]


def test_ingest_find_stories_missing_path_raises(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="no such file or folder") as err:
        find_stories(tmp_path / "nope")
    assert err.value.path == tmp_path / "nope"


def test_ingest_find_stories_file_path_raises_saying_it_is_a_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.txt", ARTICLE)
    with pytest.raises(CorpusError, match="is a file; expected a story folder"):
        find_stories(path)


def test_ingest_find_stories_empty_folder_raises(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="folder is empty"):
        find_stories(tmp_path)


def test_ingest_find_stories_folder_without_articles_raises(tmp_path: Path) -> None:
    _write(tmp_path, "notes.csv", "a,b\n")
    (tmp_path / "sub").mkdir()
    _write(tmp_path / "sub", "image.png", b"\x89PNG")
    with pytest.raises(CorpusError) as err:
        find_stories(tmp_path)
    assert str(err.value) == (
        f"{tmp_path}: no .txt, .md or .html files; expected one article per file"
    )


def test_ingest_find_stories_too_deep_names_an_example(tmp_path: Path) -> None:
    deep = tmp_path / "2025" / "acme"
    deep.mkdir(parents=True)
    _write(deep, "a.md", ARTICLE)
    with pytest.raises(CorpusError, match=r"nested too deep \(e\.g\. 2025/acme/a\.md\)"):
        find_stories(tmp_path)


def test_ingest_find_stories_names_a_story_given_as_dot_after_its_folder(
    story: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(story, "a.txt", ARTICLE)
    monkeypatch.chdir(story)
    (found,) = find_stories(Path())  # "."
    assert found.name == "acme"
    assert found.samefile(story)


def test_ingest_find_stories_names_a_story_given_as_dot_dot_after_its_folder(
    story: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(story, "a.txt", ARTICLE)
    (story / "sub").mkdir()
    monkeypatch.chdir(story / "sub")
    assert [p.name for p in find_stories(Path(".."))] == ["acme"]


REPORT = "# factcheck report: acme\n\n<!-- factcheck 0.1.0 · model m · threshold 0.45 -->\n"


def test_ingest_find_stories_ignores_reports_beside_story_folders(tmp_path: Path) -> None:
    (tmp_path / "acme").mkdir()
    _write(tmp_path / "acme", "a.txt", ARTICLE)
    _write(tmp_path, "acme.md", REPORT)
    assert find_stories(tmp_path) == [tmp_path / "acme"]


# --------------------------------------------------------------------------- reading


def test_ingest_read_story_skips_factcheck_reports_with_one_warning(
    story: Path, caplog: pytest.LogCaptureFixture
) -> None:
    _write(story, "a.txt", ARTICLE)
    _write(story, "acme.md", REPORT)
    _write(story, "old.md", REPORT.replace("acme", "old"))
    with caplog.at_level(logging.WARNING, logger="factcheck.ingest"):
        articles, failures = _read(story)
    assert [a.path.name for a in articles] == ["a.txt"]
    assert failures == []
    (warning,) = [r.getMessage() for r in caplog.records if "report" in r.getMessage()]
    assert "acme.md" in warning and "old.md" in warning


def test_ingest_article_that_mentions_a_factcheck_report_is_read(story: Path) -> None:
    _write(story, "a.md", "# factcheck report: what the tool found\n\n" + ARTICLE)
    assert _only_article(story).path.name == "a.md"


def test_ingest_read_story_reads_articles_in_name_order() -> None:
    articles, failures = _read(STORY)
    assert failures == []
    assert [a.path.name for a in articles] == [
        "01_plain.txt",
        "02_yaml.md",
        "03_toml.md",
        "04_page.html",
    ]


def test_ingest_read_story_sets_format_from_suffix() -> None:
    articles, _ = _read(STORY)
    assert [a.format for a in articles] == [
        TextFormat.TXT,
        TextFormat.MD,
        TextFormat.MD,
        TextFormat.HTML,
    ]


def test_ingest_read_story_skips_other_extensions_with_a_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger="factcheck.ingest"):
        articles, _ = _read(STORY)
    assert "notes.csv" not in {a.path.name for a in articles}
    assert any("notes.csv" in r.getMessage() for r in caplog.records)


def test_ingest_read_story_ignores_hidden_files_and_story_toml() -> None:
    names = {a.path.name for a in _read(STORY)[0]}
    assert ".draft.txt" not in names
    assert "story.toml" not in names


def test_ingest_source_id_is_the_file_stem() -> None:
    articles, _ = _read(STORY)
    assert articles[0].source_id == "01_plain"


def test_ingest_source_ids_of_files_sharing_a_stem_keep_the_stem_for_one(
    story: Path, caplog: pytest.LogCaptureFixture
) -> None:
    _write(story, "reuters.txt", ARTICLE)
    _write(story, "reuters.md", ARTICLE)
    _write(story, "ap.txt", ARTICLE)
    with caplog.at_level(logging.WARNING, logger="factcheck.ingest"):
        ids = [a.source_id for a in _read(story)[0]]
    assert ids == ["ap", "reuters.md", "reuters"]
    assert any("share the stem 'reuters'" in r.getMessage() for r in caplog.records)


def test_ingest_adding_a_file_with_the_same_stem_keeps_the_old_source_id(story: Path) -> None:
    _write(story, "herald.txt", ARTICLE)
    _write(story, "wire.txt", ARTICLE)
    before = {a.path.name: a.source_id for a in _read(story)[0]}
    _write(story, "herald.md", ARTICLE)
    _write(story, "herald.markdown", ARTICLE)
    after = {a.path.name: a.source_id for a in _read(story)[0]}
    assert {name: after[name] for name in before} == before
    assert (after["herald.md"], after["herald.markdown"]) == ("herald.md", "herald.markdown")


def test_ingest_adding_a_file_with_another_stem_changes_no_source_id(story: Path) -> None:
    _write(story, "herald.txt", ARTICLE)
    _write(story, "herald.md", ARTICLE)
    before = {a.path.name: a.source_id for a in _read(story)[0]}
    _write(story, "post.txt", ARTICLE)
    after = {a.path.name: a.source_id for a in _read(story)[0]}
    assert {name: after[name] for name in before} == before


def test_ingest_source_ids_are_unique_when_a_full_name_is_another_stem(story: Path) -> None:
    for name in ("a.txt", "a.md", "a.md.txt"):
        _write(story, name, ARTICLE)
    ids = {a.path.name: a.source_id for a in _read(story)[0]}
    assert len(set(ids.values())) == 3
    assert ids["a.txt"] == "a"


def test_ingest_plain_text_is_the_whole_file() -> None:
    article = _read(STORY)[0][0]
    assert article.text == (STORY / "01_plain.txt").read_text(encoding="utf-8")
    assert article.body_start == 0
    assert article.encoding == "utf-8"


def test_ingest_newlines_are_normalised(story: Path) -> None:
    _write(story, "a.txt", "First line.\r\nSecond line.\rThird line.\n")
    assert _only_article(story).text == "First line.\nSecond line.\nThird line.\n"


def test_ingest_utf8_bom_is_dropped_and_recorded(story: Path) -> None:
    _write(story, "a.txt", b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    article = _only_article(story)
    assert article.text == ARTICLE
    assert article.encoding == "utf-8-sig"


def test_ingest_utf16_file_with_bom_is_decoded(story: Path) -> None:
    _write(story, "a.txt", ARTICLE.encode("utf-16"))
    article = _only_article(story)
    assert article.text == ARTICLE
    assert article.encoding == "utf-16"


def test_ingest_cp1252_file_is_decoded_by_detection(
    story: Path, caplog: pytest.LogCaptureFixture
) -> None:
    text = (
        "“Café owners say the new rules are unfair,” said Renée Dubois, who runs a bakery "
        "in the old town. The council voted on Monday to raise the levy by 12%, effective "
        "from 1 March, after a long and heated debate about the cost of living.\n"
    )
    _write(story, "a.txt", text.encode("cp1252"))
    with caplog.at_level(logging.WARNING, logger="factcheck.ingest"):
        article = _only_article(story)
    assert article.text == text
    assert article.encoding not in ("utf-8", "utf-8-sig")
    assert any(
        "a.txt" in r.getMessage() and article.encoding in r.getMessage() for r in caplog.records
    )


def test_ingest_utf8_file_with_a_stray_cp1252_byte_stays_utf8(
    story: Path, caplog: pytest.LogCaptureFixture
) -> None:
    head = "“Acme will pay $42 million,” the company said. The caf".encode()
    _write(story, "a.txt", head + b"\xe9" + " on Main Street will close — for good.\n".encode())
    with caplog.at_level(logging.WARNING, logger="factcheck.ingest"):
        article = _only_article(story)
    assert article.text == (
        "“Acme will pay $42 million,” the company said. The café on Main Street will close "
        "— for good.\n"
    )
    assert article.encoding == "utf-8+cp1252"
    (message,) = [r.getMessage() for r in caplog.records]
    assert "a.txt" in message and "1 byte" in message and f"byte {len(head)}" in message


def test_ingest_html_meta_charset_is_honoured(story: Path) -> None:
    page = (
        '<html><head><meta charset="windows-1252"><title>Café</title></head><body><article>'
        + "<p>Renée Dubois said the café would reopen on Monday after the long repairs.</p>" * 5
        + "</article></body></html>"
    )
    _write(story, "a.html", page.encode("cp1252"))
    article = _only_article(story)
    assert article.encoding == "cp1252"
    assert "Renée Dubois said the café" in article.text


# --------------------------------------------------------------------------- bad files


def test_ingest_zero_byte_file_is_a_failure(story: Path) -> None:
    _write(story, "a.txt", b"")
    assert _only_failure(story).problem == "file is empty (0 bytes)"


def test_ingest_whitespace_only_file_is_a_failure(story: Path) -> None:
    _write(story, "a.txt", " \n\t\r\n  \n")
    assert _only_failure(story).problem == "file is empty (whitespace only)"


def test_ingest_file_with_nul_bytes_is_binary(story: Path) -> None:
    _write(story, "a.txt", b"\x00\x01\x02\x00\x00\x08\x00" + b"x" * 100)
    assert _only_failure(story).problem.startswith("binary file (contains NUL bytes)")


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document"),
        (b"PK\x03\x04\x14\x00\x06\x00", "a ZIP archive"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
        (b"GIF89a\x01\x00\x01\x00", "a GIF image"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "a gzip archive"),
    ],
)
def test_ingest_binary_format_is_named_by_its_signature(
    story: Path, head: bytes, kind: str
) -> None:
    _write(story, "a.txt", head + bytes(range(128, 256)) * 4)
    problem = _only_failure(story).problem
    assert problem.startswith(f"binary file ({kind}")
    assert problem.endswith("expected a text or HTML article")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_ingest_utf16_file_without_bom_is_decoded(
    story: Path, codec: str, caplog: pytest.LogCaptureFixture
) -> None:
    _write(story, "a.txt", ARTICLE.encode(codec))
    with caplog.at_level(logging.WARNING, logger="factcheck.ingest"):
        article = _only_article(story)
    assert article.text == ARTICLE
    assert article.encoding == codec
    assert any("no byte-order mark" in r.getMessage() for r in caplog.records)


def test_ingest_koi8_text_is_refused_rather_than_read_as_mojibake(story: Path) -> None:
    # charset-normalizer's best guess for these bytes is shift_jis_2004, with no confidence.
    text = "Гавань\nСовет одобрил ремонт пирса за 3 миллиона долларов во вторник.\n"
    _write(story, "a.txt", text.encode("koi8-r"))
    problem = _only_failure(story).problem
    assert problem.startswith("cannot decode: not UTF-8, and the best guess")
    assert "unusual characters" in problem and "convert the file to UTF-8" in problem


def test_ingest_koi8_text_detected_with_confidence_is_decoded(story: Path) -> None:
    text = "Городской совет одобрил ремонт пирса за 3 миллиона долларов во вторник.\n"
    _write(story, "a.txt", text.encode("koi8-r"))
    assert _only_article(story).text == text


def test_ingest_latin1_german_text_is_still_decoded(story: Path) -> None:
    text = (
        "Der Stadtrat hat die Reparatur für 3 Millionen Euro genehmigt, sagte "
        "Bürgermeisterin Jürgens.\nDie Arbeiten beginnen im Juni.\n"
    )
    _write(story, "a.txt", text.encode("latin-1"))
    assert _only_article(story).text == text


def test_ingest_file_full_of_control_characters_is_binary(story: Path) -> None:
    _write(story, "a.txt", bytes(range(1, 9)) * 20 + b"some text")
    assert _only_failure(story).problem.startswith("binary file (")


def test_ingest_undecodable_file_is_a_failure(story: Path) -> None:
    _write(story, "a.txt", bytes(range(128, 256)) * 16)
    problem = _only_failure(story).problem
    assert problem.startswith("cannot decode: not UTF-8")
    assert "convert the file to UTF-8" in problem


def test_ingest_bad_bytes_after_a_utf8_bom_are_a_failure(story: Path) -> None:
    _write(story, "a.txt", b"\xef\xbb\xbfGood start \xff\xfe then junk")
    problem = _only_failure(story).problem
    assert "starts with a UTF-8 byte-order mark but is not valid UTF-8 (byte 11)" in problem


def test_ingest_file_over_the_limit_is_a_failure_naming_size_and_limit(story: Path) -> None:
    _write(story, "a.txt", "word " * 500)  # 2,500 bytes
    problem = _only_failure(story, limit=2000).problem
    assert problem.startswith("file too large: 2,500 bytes")
    assert "limit of 2,000 bytes" in problem
    assert "--max-file-mb" in problem


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="root can read files without read permission",
)
def test_ingest_unreadable_file_is_a_failure(story: Path) -> None:
    path = _write(story, "a.txt", ARTICLE)
    path.chmod(0)
    try:
        assert _only_failure(story).problem == "cannot read file: permission denied"
    finally:
        path.chmod(0o644)


def test_ingest_permission_error_becomes_a_failure(
    story: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(story, "a.txt", ARTICLE)
    real_open = Path.open

    def deny(self: Path, *args: object, **kwargs: object) -> object:
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", deny)
    assert _only_failure(story).problem == "cannot read file: permission denied"


def test_ingest_other_files_are_read_after_a_failure(story: Path) -> None:
    _write(story, "a.txt", b"")
    _write(story, "b.txt", ARTICLE)
    articles, failures = _read(story)
    assert [a.path.name for a in articles] == ["b.txt"]
    assert [f.path.name for f in failures] == ["a.txt"]


# --------------------------------------------------------------------------- metadata


def test_ingest_yaml_front_matter_fills_meta_through_aliases() -> None:
    article = _read(STORY)[0][1]
    assert article.meta.title == "Acme Robotics Raises $40 Million"
    assert article.meta.url == "https://lbd.example/acme-40m"
    assert article.meta.published == "2025-03-04"


def test_ingest_front_matter_body_start_is_after_the_closing_fence() -> None:
    article = _read(STORY)[0][1]
    assert article.text[article.body_start :].startswith("Acme Robotics, a Leeds startup")
    assert article.text[: article.body_start].endswith("---\n")


def test_ingest_toml_front_matter_fills_meta() -> None:
    article = _read(STORY)[0][2]
    assert article.meta.title == "Warehouse robot maker Acme lands $40m"
    assert article.meta.outlet == "Northern Tech Review"
    assert article.meta.published == "2025-03-05T08:30:00+00:00"
    assert article.text[article.body_start :].startswith("Acme Robotics has closed")


def test_ingest_front_matter_date_string_is_stored_as_iso(story: Path) -> None:
    _write(story, "a.md", '---\npublished: "July 30, 2025"\n---\n' + ARTICLE)
    assert _only_article(story).meta.published == "2025-07-30"


def test_ingest_invalid_yaml_front_matter_is_a_failure(story: Path) -> None:
    _write(story, "a.md", "---\ntitle: [unclosed\n---\n" + ARTICLE)
    problem = _only_failure(story).problem
    assert problem.startswith("invalid YAML front matter:")
    assert "\n" not in problem


def test_ingest_invalid_toml_front_matter_is_a_failure(story: Path) -> None:
    _write(story, "a.md", '+++\ntitle = "no closing quote\n+++\n' + ARTICLE)
    assert _only_failure(story).problem.startswith("invalid TOML front matter:")


def test_ingest_unclosed_front_matter_is_a_failure(story: Path) -> None:
    _write(story, "a.md", "---\ntitle: Acme\n" + ARTICLE)
    assert "never closed" in _only_failure(story).problem


def test_ingest_front_matter_that_is_not_a_table_is_a_failure(story: Path) -> None:
    _write(story, "a.md", "---\n- just\n- a list\n---\n" + ARTICLE)
    assert "must be a table" in _only_failure(story).problem


def test_ingest_front_matter_bad_date_is_a_failure(story: Path) -> None:
    _write(story, "a.md", "---\ndate: last Tuesday\n---\n" + ARTICLE)
    assert _only_failure(story).problem == (
        "front matter key 'date' is not a date: 'last Tuesday'; write it as YYYY-MM-DD"
    )


@pytest.mark.parametrize("value", ["2026-13-45", "2026-02-30"])
def test_ingest_impossible_yaml_date_fails_that_file_only(story: Path, value: str) -> None:
    _write(story, "a.md", f"---\noutlet: Ledger\npublished: {value}\n---\n" + ARTICLE)
    _write(story, "b.md", "---\noutlet: Wire\npublished: 2026-02-28\n---\n" + ARTICLE)
    articles, failures = _read(story)
    assert [a.path.name for a in articles] == ["b.md"]
    (failure,) = failures
    assert failure.path.name == "a.md"
    assert failure.problem.startswith(
        f"invalid YAML front matter: key 'published' is not a real date: {value} ("
    )
    assert "\n" not in failure.problem


def test_ingest_unknown_front_matter_key_warns_naming_file_key_and_known_keys(
    story: Path, caplog: pytest.LogCaptureFixture
) -> None:
    _write(story, "a.md", "---\noutlett: Typo\nfetched: '2026-03-01T08:00:00Z'\n---\n" + ARTICLE)
    with caplog.at_level(logging.WARNING, logger="factcheck.ingest"):
        article = _only_article(story)
    assert article.meta.outlet is None
    (message,) = [r.getMessage() for r in caplog.records]
    assert "a.md: front matter: unknown key 'outlett' (did you mean 'outlet'?)" in message
    assert "known keys: outlet, source" in message
    assert "'fetched'" not in message


def test_ingest_unknown_story_toml_key_warns(story: Path, caplog: pytest.LogCaptureFixture) -> None:
    _write(story, "a.txt", ARTICLE)
    _write(story, "story.toml", '[sources."a.txt"]\noutlett = "Typo"\ntitle = "Acme"\n')
    with caplog.at_level(logging.WARNING, logger="factcheck.ingest"):
        article = _only_article(story)
    assert article.meta.title == "Acme"
    (message,) = [r.getMessage() for r in caplog.records]
    assert "story.toml: [sources.\"a.txt\"]: unknown key 'outlett'" in message
    assert "known keys:" in message


def test_ingest_known_keys_do_not_warn(story: Path, caplog: pytest.LogCaptureFixture) -> None:
    _write(story, "a.md", '+++\nSource = "Wire"\nlink = "https://x.example"\n+++\n' + ARTICLE)
    with caplog.at_level(logging.WARNING, logger="factcheck.ingest"):
        article = _only_article(story)
    assert article.meta.outlet == "Wire"
    assert caplog.records == []


def test_ingest_story_toml_wins_over_front_matter() -> None:
    article = _read(STORY)[0][1]
    assert article.meta.outlet == "Leeds Business Daily (print edition)"  # not "source:"


def test_ingest_story_toml_wins_over_html_metadata() -> None:
    article = _read(STORY)[0][3]
    assert article.meta.title == "Acme Robotics raises $40m"


def test_ingest_invalid_story_toml_raises_config_error(story: Path) -> None:
    _write(story, "a.txt", ARTICLE)
    _write(story, "story.toml", '[sources."a.txt"\noutlet = "x"\n')
    with pytest.raises(ConfigError, match=r"story\.toml: invalid TOML"):
        _read(story)


@pytest.mark.parametrize(
    "data", [b"\xff\xfe[x]", '[sources."a.txt"]\noutlet = "x"\n'.encode("utf-16")]
)
def test_ingest_story_toml_that_is_not_utf8_raises_config_error(story: Path, data: bytes) -> None:
    _write(story, "a.txt", ARTICLE)
    _write(story, "story.toml", data)
    with pytest.raises(ConfigError, match=r"story\.toml: not UTF-8 \(byte 0: b'\\xff'\)"):
        _read(story)


def test_ingest_story_toml_number_is_not_text(story: Path) -> None:
    _write(story, "a.txt", ARTICLE)
    _write(story, "story.toml", '[sources."a.txt"]\noutlet = 5\n')
    with pytest.raises(ConfigError, match=r"key 'outlet' must be text in quotes.*got int"):
        _read(story)


def test_ingest_front_matter_number_is_text() -> None:
    meta = _meta_from_mapping({"title": 1984}, "front matter")
    assert meta == {"title": "1984"}


def test_ingest_story_toml_entry_for_a_missing_file_warns(
    story: Path, caplog: pytest.LogCaptureFixture
) -> None:
    _write(story, "a.txt", ARTICLE)
    _write(story, "story.toml", '[sources."gone.txt"]\noutlet = "Gone Gazette"\n')
    with caplog.at_level(logging.WARNING, logger="factcheck.ingest"):
        articles, _ = _read(story)
    assert len(articles) == 1
    assert any("gone.txt" in r.getMessage() for r in caplog.records)


# --------------------------------------------------------------------------- HTML


def test_ingest_html_text_is_the_main_text_without_page_chrome() -> None:
    text = _read(STORY)[0][3].text
    assert "Acme Robotics, a startup based in Leeds" in text
    for chrome in ("Subscribe", "Privacy policy", "All rights reserved", "Cookie settings"):
        assert chrome not in text


def test_ingest_html_paragraphs_are_on_separate_lines() -> None:
    lines = _read(STORY)[0][3].text.split("\n")
    assert "Growing demand" in lines
    assert any(line.startswith("Chief executive Dana Okafor said") for line in lines)
    assert any(line.startswith("The company plans to use the money") for line in lines)


def test_ingest_html_metadata_comes_from_the_page(tmp_path: Path) -> None:
    story = tmp_path / "acme"
    story.mkdir()
    shutil.copy(STORY / "04_page.html", story / "page.html")
    meta = _only_article(story).meta
    assert meta.title == "Acme Robotics raises $40 million to build warehouse robots"
    assert meta.outlet == "The Daily Widget"
    assert meta.url == "https://dailywidget.example/acme-raises"
    assert meta.published == "2025-03-04T09:00:00+00:00"  # the time too: updates order


def test_ingest_html_without_main_text_is_a_failure(story: Path) -> None:
    page = (
        "<html><head><title>Loading</title></head>"
        '<body><div id="app"></div><script src="/app.js"></script></body></html>'
    )
    _write(story, "a.html", page)  # a page that only renders with JavaScript
    assert _only_failure(story).problem == "no main text found in HTML"


# --------------------------------------------------------------------------- inputs


@pytest.mark.parametrize("folder", [STORY, SEEDS], ids=["fixtures", "seeds"])
def test_ingest_reading_leaves_input_files_unchanged(folder: Path) -> None:
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir()}
    _read(folder)
    after = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir()}
    assert after == before


# --------------------------------------------------------------------------- iso_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-07-30", "2025-07-30"),
        ("2025-07-30T14:03:00Z", "2025-07-30T14:03:00+00:00"),
        ("July 30, 2025", "2025-07-30"),
        ("30 July 2025", "2025-07-30"),
        ("Wednesday, Jul. 30, 2025 10:15 AM ET", "2025-07-30"),
        ("2025/07/30", "2025-07-30"),
        (date(2025, 7, 30), "2025-07-30"),
        (datetime(2025, 7, 30, 9, 5), "2025-07-30T09:05:00"),
        ("October 27-29, 2025", None),
        ("February 30, 2025", None),
        ("last Tuesday", None),
        (20250730, None),
    ],
)
def test_ingest_iso_date_accepts_unambiguous_forms_only(
    value: object, expected: str | None
) -> None:
    assert iso_date(value) == expected


# --------------------------------------------------------------------------- third review


def _folder_of_stories(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpora"
    for name in ("dam-repair", "road-vote"):
        (corpus / name).mkdir(parents=True)
        _write(corpus / name, "times.txt", ARTICLE)
    return corpus


def test_ingest_a_readme_beside_story_folders_is_not_a_story(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    corpus = _folder_of_stories(tmp_path)
    _write(corpus, "README.md", "# About this corpus\n")
    _write(corpus, "notes.txt", "To do\n")
    with caplog.at_level(logging.WARNING, logger="factcheck.ingest"):
        stories = find_stories(corpus)
    assert [p.name for p in stories] == ["dam-repair", "road-vote"]
    (message,) = [r.getMessage() for r in caplog.records]
    assert "README.md" in message and "notes.txt" in message
    assert "not inside a story folder; ignored" in message


def test_ingest_subfolders_without_articles_are_named(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    corpus = _folder_of_stories(tmp_path)
    (corpus / "empty").mkdir()
    (corpus / "pdfs").mkdir()
    _write(corpus / "pdfs", "scan.pdf", b"%PDF-1.4")
    with caplog.at_level(logging.WARNING, logger="factcheck.ingest"):
        stories = find_stories(corpus)
    assert [p.name for p in stories] == ["dam-repair", "road-vote"]
    messages = [r.getMessage() for r in caplog.records]
    assert len(messages) == 2
    assert any("empty" in m and "not a story" in m for m in messages)
    assert any("pdfs" in m and "not a story" in m for m in messages)


def test_ingest_find_stories_can_leave_warnings_out(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    corpus = _folder_of_stories(tmp_path)
    _write(corpus, "README.md", "# About\n")
    (corpus / "empty").mkdir()
    with caplog.at_level(logging.WARNING, logger="factcheck.ingest"):
        assert len(find_stories(corpus, warn=False)) == 2
    assert not caplog.records


def test_ingest_unreadable_story_entries_are_failures_or_warnings(
    story: Path, caplog: pytest.LogCaptureFixture
) -> None:
    _write(story, "good.txt", ARTICLE)
    (story / "x.txt").symlink_to(story / "gone.txt")
    os.mkfifo(story / "f.txt")
    (story / "folder.txt").mkdir()
    with caplog.at_level(logging.WARNING, logger="factcheck.ingest"):
        articles, failures = read_story(story, max_file_bytes=LIMIT)  # never blocks on f.txt
    assert [a.source_id for a in articles] == ["good"]
    problems = {f.path.name: f.problem for f in failures}
    assert problems["x.txt"].startswith("broken symbolic link")
    assert problems["f.txt"].startswith("a named pipe (FIFO), not a regular file")
    assert "folder.txt" not in problems
    assert any(
        "folder.txt: a folder, not an article file" in r.getMessage() for r in caplog.records
    )


def test_ingest_a_story_holding_only_a_broken_link_is_still_found(tmp_path: Path) -> None:
    corpus = _folder_of_stories(tmp_path)
    (corpus / "linked").mkdir()
    (corpus / "linked" / "a.txt").symlink_to(tmp_path / "nowhere.txt")
    assert [p.name for p in find_stories(corpus)] == ["dam-repair", "linked", "road-vote"]


def test_ingest_a_file_name_that_is_not_utf8_gets_a_printable_id(
    story: Path, caplog: pytest.LogCaptureFixture
) -> None:
    name = os.fsdecode(b"caf\xe9.txt")
    _write(story, name, ARTICLE)
    with caplog.at_level(logging.WARNING, logger="factcheck.ingest"):
        (article,), failures = read_story(story, max_file_bytes=LIMIT)
    assert not failures
    assert article.source_id == "caf\\xe9"
    article.source_id.encode("utf-8")  # no lone surrogate left
    assert article.text.startswith("Acme Robotics")
    (message,) = [r.getMessage() for r in caplog.records]
    assert "not valid UTF-8" in message and "caf\\xe9" in message
    message.encode("utf-8")


def test_ingest_an_article_with_too_many_sentences_is_refused(story: Path) -> None:
    from factcheck.ingest import MAX_SENTENCES

    _write(story, "good.txt", ARTICLE)
    _write(story, "wall.txt", "The board met on day one. " * (MAX_SENTENCES + 1))
    _write(story, "long.txt", "The board met on day one. " * (MAX_SENTENCES // 2))
    articles, (failure,) = read_story(story, max_file_bytes=10 * LIMIT)
    assert sorted(a.source_id for a in articles) == ["good", "long"]
    assert failure.path.name == "wall.txt"
    assert failure.problem.startswith(
        f"too many statements for one article: about {MAX_SENTENCES + 1:,} sentences "
        f"(limit {MAX_SENTENCES:,})"
    )


def test_ingest_html_publication_time_comes_from_the_page_meta_or_json_ld(tmp_path: Path) -> None:
    story = tmp_path / "quake"
    story.mkdir()
    body = (
        "<article><h1>Quake</h1>"
        + "".join(
            f"<p>The earthquake damaged {n} buildings in the old town, officials said.</p>"
            for n in range(12, 20)
        )
        + "</article>"
    )
    (story / "a.html").write_text(
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2026-03-05T18:00:00+00:00"}</script></head><body>'
        + body + "</body></html>"
    )  # fmt: skip
    assert _only_article(story).meta.published == "2026-03-05T18:00:00+00:00"
