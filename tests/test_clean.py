"""Tests for factcheck.clean: blocks, offsets, every removal rule, and the seed corpus."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import pytest

from factcheck.clean import CORRECTION_DETAIL, clean_article, clean_story
from factcheck.ingest import read_story
from factcheck.types import (
    Article,
    ArticleMeta,
    BlockKind,
    CleanArticle,
    RemovalReason,
    TextFormat,
)

DATA = Path(__file__).parent / "data" / "clean"
SEEDS = Path(__file__).parents[1] / "corpora" / "meta-superintelligence"
INGEST_STORY = Path(__file__).parent / "data" / "ingest" / "story"

R = RemovalReason

PARAGRAPHS = (
    "The Harbor City Council voted 7-2 on Tuesday to build 14 miles of protected bike lanes.\n"
    "The plan will cost $38 million and take three years to finish, the city said.\n"
)


def _article(
    text: str,
    fmt: TextFormat = TextFormat.TXT,
    meta: ArticleMeta | None = None,
    body_start: int = 0,
) -> Article:
    return Article(
        source_id="s",
        path=Path(f"s.{fmt.value}"),
        text=text,
        body_start=body_start,
        format=fmt,
        encoding="utf-8",
        meta=meta or ArticleMeta(),
    )


def _clean(
    text: str, fmt: TextFormat = TextFormat.TXT, meta: ArticleMeta | None = None
) -> CleanArticle:
    return clean_article(_article(text, fmt, meta))


def _load(folder: Path) -> dict[str, CleanArticle]:
    articles, failures = read_story(folder, max_file_bytes=10 * 1024 * 1024)
    assert failures == []
    return {a.path.name: clean_article(a) for a in articles}


def _fixture(name: str) -> CleanArticle:
    return _load(DATA)[name]


def _seed(prefix: str) -> CleanArticle:
    return next(c for name, c in _load(SEEDS).items() if name.startswith(prefix))


def _reasons(cleaned: CleanArticle) -> dict[int, RemovalReason]:
    return {r.line: r.reason for r in cleaned.removed}


def _reason_of(cleaned: CleanArticle, text: str) -> RemovalReason | None:
    """Reason the first removed line containing ``text`` was removed for."""
    return next((r.reason for r in cleaned.removed if text in r.text), None)


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _kept_lines(cleaned: CleanArticle) -> set[int]:
    text = cleaned.article.text
    return {_line_of(text, o) for b in cleaned.blocks for o in b.offsets}


def _reasons_detail(cleaned: CleanArticle, line: int) -> str:
    return next(r.detail for r in cleaned.removed if r.line == line)


def _kept_texts(cleaned: CleanArticle) -> list[str]:
    return [b.text for b in cleaned.blocks]


def _assert_offsets_exact(cleaned: CleanArticle) -> None:
    source = cleaned.article.text
    for block in cleaned.blocks:
        assert list(block.offsets) == sorted(set(block.offsets))
        for ch, off in zip(block.text, block.offsets, strict=True):
            assert off >= cleaned.article.body_start
            assert source[off] == ch or (ch == " " and source[off].isspace()), (block, off)


def _assert_accounted(cleaned: CleanArticle) -> None:
    """Every non-blank body line is in exactly one kept block or one removed entry (a cut
    wire dateline is listed besides the block that keeps the rest of its line)."""
    text = cleaned.article.text
    expected: Counter[int] = Counter()
    pos = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if pos >= cleaned.article.body_start and line.strip():
            expected[number] = 1
        pos += len(line) + 1
    seen: Counter[int] = Counter()
    for block in cleaned.blocks:
        seen.update({_line_of(text, o) for o in block.offsets})
    seen.update(r.line for r in cleaned.removed if not r.detail.startswith("dateline prefix"))
    assert seen == expected


ALL_INPUTS = [
    *sorted(DATA.iterdir()),
    *sorted(INGEST_STORY.glob("0*")),
    *sorted(p for p in SEEDS.iterdir() if p.suffix in {".txt", ".md", ".html"}),
]


# --------------------------------------------------------------------------- invariant


@pytest.mark.parametrize("path", ALL_INPUTS, ids=lambda p: p.name)
def test_clean_accounts_for_every_body_line_exactly_once(path: Path) -> None:
    _assert_accounted(_load(path.parent)[path.name])


@pytest.mark.parametrize("path", ALL_INPUTS, ids=lambda p: p.name)
def test_clean_block_offsets_point_at_the_same_characters(path: Path) -> None:
    _assert_offsets_exact(_load(path.parent)[path.name])


def test_clean_is_deterministic() -> None:
    first = _load(SEEDS)
    second = _load(SEEDS)
    assert first == second


def test_clean_removed_lines_are_sorted_and_carry_one_line_details() -> None:
    removed = _fixture("promo.txt").removed
    assert [r.line for r in removed] == sorted(r.line for r in removed)
    assert all(r.detail and "\n" not in r.detail for r in removed)


def test_clean_blocks_are_numbered_from_zero() -> None:
    blocks = _fixture("promo.txt").blocks
    assert [b.index for b in blocks] == list(range(len(blocks)))


def test_clean_seeds_take_milliseconds() -> None:
    articles, _ = read_story(SEEDS, max_file_bytes=10 * 1024 * 1024)
    start = time.perf_counter()
    for article in articles:
        clean_article(article)
    assert time.perf_counter() - start < 0.5


# --------------------------------------------------------------------------- blocks


def test_clean_txt_gives_one_block_per_line() -> None:
    cleaned = _clean(PARAGRAPHS)
    assert _kept_texts(cleaned) == PARAGRAPHS.strip().split("\n")


def test_clean_txt_squeezes_whitespace() -> None:
    cleaned = _clean("The council  voted\t7-2 on Tuesday to build new bike lanes.  \n")
    assert _kept_texts(cleaned) == ["The council voted 7-2 on Tuesday to build new bike lanes."]
    _assert_offsets_exact(cleaned)


def test_clean_txt_joins_a_line_continued_in_lower_case() -> None:
    cleaned = _clean("The council voted on Tuesday to build\nnew bike lanes across the city.\n")
    assert _kept_texts(cleaned) == [
        "The council voted on Tuesday to build new bike lanes across the city."
    ]


def test_clean_hard_wrapped_txt_is_read_as_paragraphs() -> None:
    cleaned = _fixture("wrapped.txt")
    assert len(cleaned.blocks) == 3
    assert cleaned.blocks[1].text.startswith("The 1.9-mile tunnel will carry two tracks")
    assert cleaned.blocks[1].text.endswith("the first trains could run by late 2027.")


def test_clean_list_items_lose_their_marker() -> None:
    cleaned = _clean(
        "The plan includes:\n- Protected lanes on Market Street\n• New signals at 22 junctions\n"
        "3. A bike hub at the ferry terminal\n"
    )
    items = [b for b in cleaned.blocks if b.kind is BlockKind.LIST_ITEM]
    assert [b.text for b in items] == [
        "Protected lanes on Market Street",
        "New signals at 22 junctions",
        "A bike hub at the ferry terminal",
    ]


def test_clean_list_item_of_three_words_is_content() -> None:
    cleaned = _clean("The plan includes:\n- Protected bike lanes\n")
    assert "Protected bike lanes" in _kept_texts(cleaned)


def test_clean_list_item_under_three_words_is_dropped() -> None:
    cleaned = _clean("The plan includes:\n- Bike parking\n- Protected bike lanes\n")
    assert _reasons(cleaned)[2] is R.NAVIGATION


SHORT_LIST = "- Innovation acceleration\n- Commercial viability\n- Safety considerations\n"


@pytest.mark.parametrize("fmt", [TextFormat.TXT, TextFormat.MD])
def test_clean_short_list_items_after_a_lead_in_join_it_as_one_block(fmt: TextFormat) -> None:
    lead_in = "The tech community continues debating open AI models, balancing:"
    gap = "\n" if fmt is TextFormat.MD else ""
    cleaned = _clean(PARAGRAPHS + gap + lead_in + "\n" + gap + SHORT_LIST, fmt)
    assert _kept_texts(cleaned)[-1] == (
        lead_in + " - Innovation acceleration - Commercial viability - Safety considerations"
    )
    assert cleaned.removed == ()
    _assert_offsets_exact(cleaned)
    _assert_accounted(cleaned)


def test_clean_short_list_items_without_a_lead_in_are_navigation() -> None:
    cleaned = _clean(PARAGRAPHS + "- Home\n- World news\n- Sport\n")
    assert [r.reason for r in cleaned.removed] == [R.NAVIGATION] * 3
    assert all(b.kind is BlockKind.PARAGRAPH for b in cleaned.blocks)


def test_clean_short_list_after_a_call_to_action_is_not_joined() -> None:
    cleaned = _clean(PARAGRAPHS + "Share this article with your friends on:\n- Facebook\n- X\n")
    assert _reason_of(cleaned, "Facebook") is R.NAVIGATION


def test_clean_markdown_joins_a_hard_wrapped_paragraph() -> None:
    cleaned = _clean(
        "A late frost damaged apple blossoms\nacross the valley, growers said.\n",
        TextFormat.MD,
    )
    assert _kept_texts(cleaned) == [
        "A late frost damaged apple blossoms across the valley, growers said."
    ]


def test_clean_markdown_strips_emphasis_links_and_quotes_with_exact_offsets() -> None:
    cleaned = _fixture("chrome.md")
    assert _kept_texts(cleaned)[:2] == [
        "A late frost on Sunday night damaged apple blossoms across the valley, growers said, "
        "with losses estimated at up to 40% in the worst-hit orchards.",
        '"We have never seen it this cold this late," said grower Ana Lindqvist, whose family '
        "has farmed here since 1952.",
    ]
    _assert_offsets_exact(cleaned)


def test_clean_markdown_offsets_skip_the_markup() -> None:
    text = "Growers said **losses** reached [40%](https://x.example/r) this week.\n"
    cleaned = _clean(text, TextFormat.MD)
    block = cleaned.blocks[0]
    assert block.text == "Growers said losses reached 40% this week."
    assert block.offsets[block.text.index("losses")] == text.index("losses")
    assert block.offsets[block.text.index("40%")] == text.index("40%")


def test_clean_markdown_numbered_items_are_list_items() -> None:
    cleaned = _fixture("chrome.md")
    items = [b.text for b in cleaned.blocks if b.kind is BlockKind.LIST_ITEM]
    assert items == [
        "Orchards in the northern valley were hit hardest by the frost",
        "Early-blooming varieties lost most of their blossoms",
    ]


def test_clean_markdown_image_line_is_dropped_as_markup() -> None:
    assert _reason_of(_fixture("chrome.md"), "![Frost on blossoms]") is R.NAVIGATION


def test_clean_markdown_code_fence_lines_are_accounted_for() -> None:
    reasons = [r for r in _fixture("chrome.md").removed if r.text == "```"]
    assert len(reasons) == 2
    assert all(r.reason is R.NAVIGATION for r in reasons)


def test_clean_markdown_heading_is_a_heading() -> None:
    assert _reason_of(_fixture("chrome.md"), "## Growers Count the Cost") is R.HEADING


def test_clean_markdown_underlined_heading_is_a_heading_with_its_underline() -> None:
    text = "Growers Count the Cost\n----------------------\n\n" + PARAGRAPHS
    reasons = _reasons(_clean(text, TextFormat.MD))
    assert (reasons[1], reasons[2]) == (R.METADATA, R.METADATA)  # the title, underline included


def test_clean_markdown_rule_between_paragraphs_is_markup() -> None:
    text = PARAGRAPHS + "\n* * *\n\n" + PARAGRAPHS.replace("7-2", "6-3")
    cleaned = _clean(text, TextFormat.MD)
    assert _reasons(cleaned)[4] is R.NAVIGATION
    assert len(cleaned.blocks) == 2


def test_clean_front_matter_lines_are_not_reported() -> None:
    cleaned = _fixture("chrome.md")
    assert min(r.line for r in cleaned.removed) == 5


# --------------------------------------------------------------------------- duplicates


def test_clean_duplicate_line_names_the_first_occurrence() -> None:
    cleaned = _clean(
        PARAGRAPHS + "The Harbor City Council voted 7-2 on Tuesday to build 14 "
        "miles of protected bike lanes!\n"
    )
    (removed,) = cleaned.removed
    assert removed.reason is R.DUPLICATE
    assert removed.detail == "repeats line 1"


def test_clean_body_printed_twice_keeps_the_first_copy() -> None:
    cleaned = _fixture("doubled.txt")
    assert _kept_lines(cleaned) == {3, 4, 5, 6}
    assert all(_reasons(cleaned)[n] is R.DUPLICATE for n in (8, 9, 10, 11))
    assert "body printed twice" in cleaned.removed[-2].detail


def test_clean_body_printed_twice_with_other_paragraphing_is_duplicate() -> None:
    cleaned = _fixture("redoubled.txt")
    assert _kept_lines(cleaned) == {1, 2, 3}
    assert [_reasons(cleaned)[n] for n in (5, 6, 7)] == [R.DUPLICATE] * 3
    assert "repeats lines 2, 3" in _reasons_detail(cleaned, 7)


def test_clean_body_printed_twice_with_lines_joined_is_duplicate() -> None:
    text = (
        "The ferry will stop at the new pier from May.\n"
        "Tickets will cost $4.\n"
        "The old pier will close in June.\n"
        "Share this article\n"
        "The ferry will stop at the new pier from May. Tickets will cost $4.\n"
        "The old pier will close in June.\n"
    )
    cleaned = _clean(text)
    assert _kept_lines(cleaned) == {1, 2, 3}
    assert [_reasons(cleaned)[n] for n in (5, 6)] == [R.DUPLICATE] * 2


def test_clean_one_repeated_sentence_is_kept() -> None:
    quote = '"We are simply asking for safe wards," said union steward Tom Ellery.'
    text = (
        f"Nurses walked out on Wednesday, closing two wards. {quote}\n"
        "Hospital managers moved 40 patients to the Northgate clinic.\n"
        f"{quote}\n"
        "Talks are due to resume on Monday.\n"
    )
    assert quote in _kept_texts(_clean(text))


# --------------------------------------------------------------------------- metadata


def test_clean_first_headline_becomes_the_title() -> None:
    cleaned = _fixture("promo.txt")
    assert cleaned.meta.title == "Harbor City Council Approves Downtown Bike Lane Plan"
    assert _reasons(cleaned)[1] is R.METADATA


def test_clean_title_does_not_override_a_known_title() -> None:
    meta = ArticleMeta(title="Council backs bike lanes")
    cleaned = _clean(
        "Harbor City Council Approves Downtown Bike Lane Plan\n" + PARAGRAPHS, meta=meta
    )
    assert cleaned.meta.title == "Council backs bike lanes"


def test_clean_line_repeating_a_known_title_is_metadata() -> None:
    meta = ArticleMeta(title="Council Backs Bike Lanes")
    cleaned = _clean(PARAGRAPHS + "Council backs bike lanes\n", meta=meta)
    assert _reasons(cleaned)[3] is R.METADATA


def test_clean_standfirst_under_the_title_is_metadata() -> None:
    text = (
        "Energy Firms Told to Cut Bills\n"
        "Regulator says suppliers must pass on savings within three months or face fines\n"
        + PARAGRAPHS
    )
    assert _reasons(_clean(text))[2] is R.METADATA


def test_clean_dateline_fills_published() -> None:
    cleaned = _fixture("promo.txt")
    assert cleaned.meta.published == "2025-03-12"
    assert _reasons(cleaned)[3] is R.METADATA


def test_clean_dateline_does_not_override_a_known_date() -> None:
    meta = ArticleMeta(published="2025-03-11")
    cleaned = _clean("March 12, 2025\n" + PARAGRAPHS, meta=meta)
    assert cleaned.meta.published == "2025-03-11"
    assert _reasons(cleaned)[1] is R.METADATA


def test_clean_date_range_is_not_a_dateline() -> None:
    cleaned = _clean(PARAGRAPHS + "October 27-29, 2025\n" + PARAGRAPHS.replace("7-2", "8-1"))
    assert cleaned.meta.published is None
    assert _reasons(cleaned)[3] is R.NAVIGATION


def test_clean_updated_note_fills_updated_with_its_date() -> None:
    cleaned = _fixture("chrome.md")
    assert cleaned.meta.updated == "2025-04-22"
    assert _reason_of(cleaned, "Updated: April 22, 2025") is R.METADATA


@pytest.mark.parametrize(
    ("line", "published", "updated"),
    [
        ("Updated Mar. 5, 2026 at 4:10 p.m. ET", None, "2026-03-05"),
        ("Updated Thursday, March 5, 2026", None, "2026-03-05"),
        ("Published March 4, 2026; updated March 5, 2026", "2026-03-04", "2026-03-05"),
        (
            "Posted: 2026-03-04 08:00 | Updated: 2026-03-05 09:30",
            "2026-03-04T08:00:00",
            "2026-03-05T09:30:00",
        ),
        ("Updated: 2026-03-05 | Published: 2026-03-04", "2026-03-04", "2026-03-05"),
    ],
)
def test_clean_dateline_date_after_updated_is_the_update_date(
    line: str, published: str | None, updated: str
) -> None:
    cleaned = _clean("Ferry Fares Rise Again\n" + line + "\n" + PARAGRAPHS)
    assert (cleaned.meta.published, cleaned.meta.updated) == (published, updated)
    assert _reasons(cleaned)[2] is R.METADATA


@pytest.mark.parametrize(
    ("line", "published", "updated"),
    [
        ("Wednesday, March 4, 2026 · 4 min read", "2026-03-04", None),
        ("March 4, 2026 · 4 min read", "2026-03-04", None),
        ("By Jane Doe · March 4, 2026", "2026-03-04", None),
        ("Jane Doe | March 4, 2026", "2026-03-04", None),
        (
            "Published 10:15 a.m. ET Mar. 4, 2026 Updated 6:02 p.m. ET Mar. 5, 2026",
            "2026-03-04",
            "2026-03-05",
        ),
        ("By Jane Doe, Staff Writer. Updated March 5, 2026.", None, "2026-03-05"),
        ("Tom Hale — Harbor Daily — 5 min read — 4 March 2026", "2026-03-04", None),
    ],
)
def test_clean_dateline_with_byline_or_reading_time_fills_the_dates(
    line: str, published: str | None, updated: str | None
) -> None:
    cleaned = _clean("Ferry Fares Rise Again\n" + line + "\n" + PARAGRAPHS)
    assert (cleaned.meta.published, cleaned.meta.updated) == (published, updated)
    assert _reasons(cleaned)[2] is R.METADATA
    assert "dateline" in _reasons_detail(cleaned, 2)
    assert len(cleaned.blocks) == 2


def test_clean_byline_with_a_date_after_the_head_is_a_byline_and_sets_no_date() -> None:
    cleaned = _clean(PARAGRAPHS + "By Jane Doe · March 4, 2026\n")
    assert cleaned.meta.published is None
    assert _reasons(cleaned)[3] is R.METADATA
    assert _reasons_detail(cleaned, 3) == "byline"


def test_clean_line_of_a_name_and_a_sentence_is_no_dateline() -> None:
    line = "Jane Doe | The council met on March 4, 2026 to vote on the plan."
    cleaned = _clean("Ferry Fares Rise Again\n" + line + "\n" + PARAGRAPHS)
    assert cleaned.meta.published is None
    assert 2 not in _reasons(cleaned)


def test_clean_update_note_sentence_fills_updated_with_the_date_after_updated() -> None:
    note = "This article was updated on May 13, 2026 to correct the name of the union."
    cleaned = _clean(PARAGRAPHS + note + "\n")
    assert cleaned.meta.updated == "2026-05-13"
    assert cleaned.meta.published is None


def test_clean_update_note_sentence_does_not_set_published_from_its_content() -> None:
    note = "This story was updated to say the plan was first published on March 1, 2025."
    cleaned = _clean(PARAGRAPHS + note + "\n")
    assert cleaned.meta.published is None
    assert cleaned.meta.updated is None  # the date is what the note talks about
    assert cleaned.removed[-1].text == note


def test_clean_correction_keeps_its_text_when_its_date_is_content() -> None:
    note = "Correction: An earlier version of this story gave the vote as March 3, 2026."
    cleaned = _clean(PARAGRAPHS + note + "\n")
    assert cleaned.meta.updated is None  # never a sentence, and this date is content
    assert [(r.text, r.reason, r.detail) for r in cleaned.removed] == [
        (note, R.METADATA, CORRECTION_DETAIL)
    ]


@pytest.mark.parametrize(
    "note",
    [
        "An earlier version of this story misstated the number of people injured. Twenty-seven "
        "people were injured and about 1,200 residents were evacuated.",
        "Clarification: The council's vote was 7-2, not 8-1 as first reported.",
        "Corrections - A photo caption misidentified the fire chief.",
    ],
)
def test_clean_correction_note_is_listed_as_a_correction(note: str) -> None:
    cleaned = _clean(PARAGRAPHS + note + "\n")
    assert [(r.line, r.reason, r.detail) for r in cleaned.removed] == [
        (3, R.METADATA, CORRECTION_DETAIL)
    ]
    assert cleaned.meta.updated is None


def test_clean_correction_note_with_its_date_fills_updated_with_the_date_only() -> None:
    note = "Corrected March 5, 2026: An earlier version of this story misstated the cost."
    cleaned = _clean(PARAGRAPHS + note + "\n")
    assert cleaned.meta.updated == "2026-03-05"
    assert cleaned.removed[0].detail == CORRECTION_DETAIL + "; its date moved to meta.updated"


def test_clean_sentence_about_corrections_is_not_a_note() -> None:
    text = PARAGRAPHS + "Corrections officers walked out on Monday over pay.\n"
    assert _clean(text).removed == ()


def test_clean_updated_note_without_date_leaves_updated_empty() -> None:
    note = "This article has been updated to include the mayor's comments."
    cleaned = _clean(PARAGRAPHS + note + "\n")
    assert cleaned.meta.updated is None  # a date or nothing, never a sentence
    assert [(r.text, r.reason, r.detail) for r in cleaned.removed] == [
        (note, R.METADATA, "update note")
    ]


def test_clean_editors_note_is_metadata() -> None:
    cleaned = _clean(PARAGRAPHS + "Editor's note: An earlier version misspelled a name.\n")
    assert _reasons(cleaned)[3] is R.METADATA


def test_clean_byline_is_metadata() -> None:
    assert _reasons(_fixture("promo.txt"))[2] is R.METADATA
    assert _reason_of(_fixture("chrome.md"), "*By Tomás Ferreira*") is R.METADATA


# --------------------------------------------------------------------------- line rules


def test_clean_hashtag_line_is_removed() -> None:
    cleaned = _clean(PARAGRAPHS + "#Council#bike lanes#Harbor City\n")
    assert _reasons(cleaned)[3] is R.HASHTAGS


def test_clean_spaced_hashtags_are_removed() -> None:
    assert _reason_of(_fixture("chrome.md"), "#frost #apples #farming") is R.HASHTAGS


@pytest.mark.parametrize(
    "line", ["Comments (0)", "0/500", "12 comments", "1.2K shares", "Shares: 40", "5 min read"]
)
def test_clean_counter_is_removed(line: str) -> None:
    assert _reasons(_clean(PARAGRAPHS + line + "\n"))[3] is R.COUNTER


@pytest.mark.parametrize(
    "line",
    [
        "Read the full article here",
        "Read more",
        "Advertisement",
        "Subscribe to our newsletter",
        "Sign up for our daily newsletter.",
        "Share this article",
        "Follow us on Mastodon",
        "Click here to see the map",
        "We use cookies to improve your experience.",
        "© 2025 Harbor Daily. All rights reserved.",
        "Terms of Use | Privacy Policy",
        "Skip to main content",
        "Photo: Harbor Daily",
        "A cyclist on Market Street. Photograph: Harbor Daily",
    ],
)
def test_clean_web_chrome_line_is_boilerplate(line: str) -> None:
    assert _reasons(_clean(PARAGRAPHS + line + "\n"))[3] is R.BOILERPLATE


@pytest.mark.parametrize(
    "line",
    [
        "Residents can subscribe to text alerts about road closures during the works.",
        "The mayor said the council would read more reports before the final vote.",
        "Advertising revenue at the local paper fell by 12% last year, its owner said.",
    ],
)
def test_clean_chrome_word_inside_a_sentence_is_kept(line: str) -> None:
    assert line in _kept_texts(_clean(PARAGRAPHS + line + "\n"))


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement revenue fell by half during the strike.",
        "Related talks with the ferry operators will start in June.",
        "Sponsored events were cancelled.",
        "Subscribers will pay $2 more a month.",
    ],
)
def test_clean_short_sentence_starting_with_a_chrome_word_is_kept(line: str) -> None:
    assert line in _kept_texts(_clean(PARAGRAPHS + line + "\n"))


@pytest.mark.parametrize(
    "line",
    [
        "Read more: Council approved the budget.",
        "Sign up and you will never miss a story.",
        "Recommended videos powered by Taboola.",
    ],
)
def test_clean_short_chrome_sentence_with_a_verb_is_still_boilerplate(line: str) -> None:
    assert _reasons(_clean(PARAGRAPHS + line + "\n"))[3] is R.BOILERPLATE


def test_clean_two_word_sentence_with_a_verb_is_kept() -> None:
    cleaned = _clean(PARAGRAPHS + "Two died.\n" + "Very sad.\n")
    assert "Two died." in _kept_texts(cleaned)
    assert _reasons(cleaned)[4] is R.NAVIGATION


# --------------------------------------------------------------------------- structure


@pytest.mark.parametrize("line", ["Home", "LOGO", "|", "News", "Menu"])
def test_clean_lone_word_or_symbol_is_navigation(line: str) -> None:
    assert _reasons(_clean(line + "\n" + PARAGRAPHS))[1] is R.NAVIGATION


def test_clean_title_case_line_before_prose_is_a_heading() -> None:
    cleaned = _clean(PARAGRAPHS + "Opposition From Businesses\n" + PARAGRAPHS.replace("7-2", "6-3"))
    assert _reasons(cleaned)[3] is R.HEADING


def test_clean_sentence_case_heading_before_prose_is_a_heading() -> None:
    text = PARAGRAPHS + "What the plan means for drivers\n" + PARAGRAPHS.replace("7-2", "6-3")
    assert _reasons(_clean(text))[3] is R.HEADING


def test_clean_seed_headings_are_headings() -> None:
    cleaned = _seed("003")
    assert [(r.line, r.reason) for r in cleaned.removed] == [
        (3, R.HEADING),
        (6, R.HEADING),
        (9, R.HEADING),
        (12, R.HEADING),
    ]


def test_clean_title_case_line_after_prose_without_prose_following_is_navigation() -> None:
    assert _reasons(_clean(PARAGRAPHS + "San Francisco\n"))[3] is R.NAVIGATION


# --------------------------------------------------------------------------- teasers


def test_clean_related_heading_is_boilerplate() -> None:
    assert _reason_of(_fixture("promo.txt"), "Related stories") is R.BOILERPLATE


def test_clean_headlines_under_a_related_heading_are_teasers() -> None:
    cleaned = _fixture("promo.txt")
    assert _reason_of(cleaned, "Ferry fares to rise in the autumn") is R.TEASER
    assert _reason_of(cleaned, "Library extends weekend hours") is R.TEASER


def test_clean_blurb_cut_off_mid_word_is_truncated() -> None:
    cleaned = _fixture("promo.txt")
    assert _reason_of(cleaned, "The regional ferry authority said fares") is R.TRUNCATED


def test_clean_headline_before_a_cut_off_blurb_is_a_teaser_without_related_heading() -> None:
    text = (
        PARAGRAPHS
        + "Ferry fares to rise in the autumn\n"
        + "The regional ferry authority said fares would climb by 8% from September, citing "
        "fuel costs. Commuters who buy monthly passes will see the larg\n"
    )
    reasons = _reasons(_clean(text))
    assert (reasons[3], reasons[4]) == (R.TEASER, R.TRUNCATED)


def test_clean_last_sentence_missing_its_period_is_kept() -> None:
    cleaned = _clean(PARAGRAPHS + "The ferry will resume full service on Friday\n")
    assert _kept_texts(cleaned)[-1] == "The ferry will resume full service on Friday"
    assert cleaned.removed == ()


def test_clean_long_sentence_missing_its_period_before_prose_is_kept() -> None:
    line = (
        "The transport department said the new timetable would add four crossings a day "
        "and cut the wait at the Harbor pier by half during the morning rush\n"
    )
    cleaned = _clean(line + PARAGRAPHS)
    assert len(cleaned.blocks) == 3


@pytest.mark.parametrize(
    "line",
    [
        "The board chose a longtime teacher after a six-month search that drew applicants from",
        "Fares will rise by 8% in September, the authority said, and commuters who buy the",
        "Commuters who buy monthly passes will see the largest increase,",
    ],
)
def test_clean_block_that_breaks_off_mid_sentence_is_truncated(line: str) -> None:
    assert _reasons(_clean(PARAGRAPHS + line + "\n"))[3] is R.TRUNCATED


def test_clean_unpunctuated_line_speaking_to_the_reader_is_not_kept() -> None:
    cleaned = _clean(PARAGRAPHS + "You have reached the limit of free articles this month\n")
    assert len(cleaned.blocks) == 2


@pytest.mark.parametrize("line", ['"No comment."', "“Never again.”"])
def test_clean_short_quoted_sentence_is_kept(line: str) -> None:
    cleaned = _clean(PARAGRAPHS + line + "\n")
    assert _kept_texts(cleaned)[-1] == line


def test_clean_related_section_ends_at_a_long_paragraph() -> None:
    long_paragraph = (
        "Council members spent most of the four-hour meeting on the question of parking, "
        "which business owners on Market Street say is already scarce at weekends. The "
        "transport department said its survey found that fewer than a third of downtown "
        "shoppers arrive by car, and that the loading zones agreed on Tuesday would keep "
        "deliveries moving. Opponents said the survey was taken in winter, when fewer "
        "visitors come to the waterfront, and asked for a second count in the summer.\n"
    )
    text = (
        PARAGRAPHS
        + "Related articles\n"
        + "Ferry Fares to Rise in the Autumn\n"
        + "How the Vote Unfolded\n"
        + long_paragraph
    )
    reasons = _reasons(_clean(text))
    assert reasons[4] is R.TEASER
    assert reasons[5] is R.HEADING
    assert 6 not in reasons


def test_clean_complete_blurb_under_a_related_heading_is_a_teaser() -> None:
    text = (
        PARAGRAPHS
        + "More from Harbor City\n"
        + "Library Extends Weekend Hours\n"
        + "The central library will open on Sundays from May, the city said.\n"
    )
    assert _reasons(_clean(text))[5] is R.TEASER


def test_clean_html_title_line_equal_to_the_page_title_is_metadata(tmp_path: Path) -> None:
    story = tmp_path / "acme"
    story.mkdir()
    (story / "page.html").write_bytes((INGEST_STORY / "04_page.html").read_bytes())
    cleaned = _load(story)["page.html"]
    assert cleaned.removed[0].text == "Acme Robotics raises $40 million to build warehouse robots"
    assert cleaned.removed[0].reason is R.METADATA
    assert cleaned.blocks[0].text.startswith("Acme Robotics, a startup based in Leeds")


# --------------------------------------------------------------------------- off-topic


def test_clean_off_topic_promo_section_is_removed_with_its_heading() -> None:
    cleaned = _fixture("promo.txt")
    assert [n for n, r in _reasons(cleaned).items() if r is R.OFF_TOPIC] == [18, 19, 20, 21, 22]
    heading = next(r for r in cleaned.removed if r.line == 18)
    assert "section 'Spring Garden Show Tickets On Sale'" in heading.detail


def test_clean_on_topic_sections_are_kept() -> None:
    cleaned = _fixture("promo.txt")
    assert _kept_lines(cleaned) == {7, 8, 10, 11, 12, 13, 17}


def test_clean_short_article_sections_are_not_judged_off_topic() -> None:
    text = (
        "Acme Robotics raised $40 million in a round led by Northwind Ventures.\n"
        "Growing Demand\n"
        "Chief executive Dana Okafor said demand for automation had grown sharply since "
        "2023, as retailers struggled to hire warehouse staff.\n"
    )
    cleaned = _clean(text)
    assert all(r.reason is not R.OFF_TOPIC for r in cleaned.removed)
    assert len(cleaned.blocks) == 2


def test_clean_promo_section_after_a_one_section_body_is_off_topic() -> None:
    cleaned = _fixture("promo-brief.txt")
    assert [n for n, r in _reasons(cleaned).items() if r is R.OFF_TOPIC] == [7, 8, 9]
    assert _kept_lines(cleaned) == {2, 3, 4, 5, 6}
    assert "the body's paragraphs" in _reasons_detail(cleaned, 7)


def test_clean_promo_section_of_an_html_page_is_off_topic() -> None:
    cleaned = _fixture("promo-brief.html")
    assert not any("Join 200 chefs" in t or "book yours" in t for t in _kept_texts(cleaned))
    assert len(cleaned.blocks) == 5


BRIEF = (
    "Nurses at Eastfield General Hospital walked out on Wednesday, closing two surgical wards.\n"
    "The nurses' union said the strike would last until the hospital board agreed to hire "
    "more staff.\n"
    "Hospital managers moved 40 patients to wards at the Northgate clinic, a spokesperson "
    "said.\n"
    "The board said it had offered the nurses a 4% pay rise, which the union rejected.\n"
    "Talks between the union and the board are due to resume on Monday.\n"
)


def test_clean_last_section_sharing_little_is_kept_when_it_sells_nothing() -> None:
    text = (
        BRIEF + "A Long Career\n"
        '"I have cared for people in this town for thirty years, and I have never felt so '
        'tired," said Maria Lopes, who joined the picket line at dawn with her daughter.\n'
    )
    cleaned = _clean(text)
    assert all(r.reason is not R.OFF_TOPIC for r in cleaned.removed)


def test_clean_ad_copy_after_an_ad_label_is_off_topic() -> None:
    cleaned = _fixture("ad-label.txt")
    reasons = _reasons(cleaned)
    assert reasons[4] is R.OFF_TOPIC
    assert "ad copy after 'Advertisement' (line 3)" in _reasons_detail(cleaned, 4)


def test_clean_paragraph_after_an_ad_label_that_sells_nothing_is_kept() -> None:
    cleaned = _fixture("ad-label.txt")
    assert 7 in _kept_lines(cleaned)  # a quote sharing no word with the rest


def test_clean_promo_between_paragraphs_without_a_heading_is_off_topic() -> None:
    lines = BRIEF.splitlines(keepends=True)
    promo = (
        "Join 200 chefs, bakers and street-food traders on the riverside lawn on July 9-10.\n"
        "Weekend passes sell out fast, so book yours today.\n"
    )
    cleaned = _clean("".join(lines[:3]) + promo + "".join(lines[3:]))
    assert [n for n, r in _reasons(cleaned).items() if r is R.OFF_TOPIC] == [4, 5]
    assert len(cleaned.blocks) == 5


def test_clean_call_to_action_that_shares_words_with_the_article_is_kept() -> None:
    line = "Register with the union before Monday to join the strike ballot on hospital staff.\n"
    cleaned = _clean(BRIEF + line)
    assert all(r.reason is not R.OFF_TOPIC for r in cleaned.removed)


SIGNING = (
    "Brentmoor United have signed striker Kofi Mensah from Aldgate for 62 million pounds.\n"
    "Mensah signed a five-year contract at the club's training ground on Thursday.\n"
    "The deal includes a sell-on clause and a premium if the club wins the league.\n"
    "Mensah scored 23 goals in the league last season and was named player of the year.\n"
    "He could make his debut against Harlow Town on Saturday, the manager said.\n"
)


@pytest.mark.parametrize(
    "promo",
    [
        "Watch every goal live. Sign up for FanZone Plus today and get your first month free!",
        "Join our Deals Insider newsletter - register today for 20% off premium.",
        "Download the FanZone app now and never miss a signing.",
    ],
)
def test_clean_call_to_action_is_removed_whatever_words_it_shares(promo: str) -> None:
    # "Sign" shares a stem with "signed", "deal" and "premium" occur in the article:
    # the overlap would keep these, but their wording alone makes them ads.
    lines = SIGNING.splitlines(keepends=True)
    cleaned = _clean("".join(lines[:3]) + promo + "\n" + "".join(lines[3:]))
    assert _reasons(cleaned) == {4: R.OFF_TOPIC}
    assert "a call to action in every sentence" in _reasons_detail(cleaned, 4)
    assert len(cleaned.blocks) == 5


@pytest.mark.parametrize(
    "line",
    [
        "Netflix said subscribers can sign up for the ad tier from today.",
        '"Sign up today and get your first month free," the club said in its advert.',
        "Sign up today, the club urged its supporters on Thursday.",
        "Season-ticket holders can watch every game live on the club's new channel.",
        "The club opened a new ticket office on Friday. Sign up for alerts at the stadium.",
        "Book early: the club says deals on season tickets end on Friday.",
    ],
)
def test_clean_reported_or_news_call_to_action_is_kept(line: str) -> None:
    cleaned = _clean(SIGNING + line + "\n")
    assert _kept_texts(cleaned)[-1] == line
    assert all(r.reason is not R.OFF_TOPIC for r in cleaned.removed)


@pytest.mark.parametrize(
    "line",
    [
        "Order was restored within minutes after a scuffle near the main stage.",
        "Call volumes to the emergency line doubled on Saturday night.",
        "Book sales at the literary tent reached 1,800 copies.",
        "Start times for the concerts slipped by an hour because of rain.",
        "Watch parties for the fireworks were held in three parks.",
        "Save the Children ran a tent for lost kids.",
        "Free shipping of lost property is offered by the organisers.",
    ],
)
def test_clean_sentence_opening_with_a_noun_that_is_also_a_verb_is_kept(line: str) -> None:
    festival = (
        "The Harbor summer festival drew a record 52,000 visitors over the weekend.\n"
        "The festival ran for three days on the waterfront, organisers said.\n"
        "Ticket prices rose by a fifth, but most evening concerts still sold out.\n"
        "Local hotels reported full bookings from Thursday to Monday morning.\n"
        "Next year's festival will run from July 9 to July 12 on the same site.\n"
    )
    cleaned = _clean(festival + line + "\n")
    assert _kept_texts(cleaned)[-1] == line


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Order was restored within minutes.", False),
        ("Call volumes doubled on Saturday night.", False),
        ("Start times for the concerts slipped by an hour.", False),
        ("Book sales at the literary tent reached 1,800 copies.", False),
        ("Watch parties for the fireworks were held in three parks.", False),
        ("Save the Children ran a tent for lost kids.", False),
        ("The store offered 20% off all garden furniture.", False),
        ("Join 300 founders and investors on September 14-15.", True),
        ("Save 20% on selected mattresses this weekend only.", True),
        ("Weekend passes sell out fast, so book yours today.", True),
        ("Free delivery and a 100-night trial on every order.", True),
        ('"Order now," the ad said, before the site crashed.', False),
    ],
)
def test_clean_promotion_is_a_call_to_action_or_verbless_ad_copy(text: str, expected: bool) -> None:
    from factcheck.clean import _is_promotion

    assert _is_promotion(text) is expected


def test_clean_promo_section_after_a_short_article_is_off_topic() -> None:
    text = (
        "Ferry workers on the Bayline route returned to work on Monday after a nine-day "
        "strike, the union said.\n"
        "The deal raises wages by 6% over two years, according to union leader Tomas Reyes.\n"
        "About 4,000 commuters use the ferry each day.\n"
        "Bayline chief executive Anne Cole said fares would not rise this year.\n"
        "Harbor Tribune Business Summit 2026\n"
        "Join 300 founders, investors and executives on September 14-15 at the Pier 9 "
        "Convention Hall for panels on venture funding and startup growth. Early-bird "
        "tickets end Friday.\n"
    )
    cleaned = _clean(text)
    assert [n for n, r in _reasons(cleaned).items() if r is R.OFF_TOPIC] == [5, 6]
    assert len(cleaned.blocks) == 4


def test_clean_ad_copy_after_an_ad_label_in_a_short_article_is_off_topic() -> None:
    text = (
        "The Millbrook town council voted 7-2 on Tuesday to approve a $42 million repair of "
        "the Lakeside Dam.\n"
        "The dam, built in 1958, has leaked since a storm in January.\n"
        "Mayor Ellen Voss said the work will begin in March and take two years.\n"
        "Residents living below the dam will not have to move during the repairs.\n"
        "Advertisement\n"
        "Save 20% on premium mattresses this weekend only. Free delivery and a 100-night "
        "trial on every order.\n"
    )
    cleaned = _clean(text)
    assert _reasons(cleaned)[6] is R.OFF_TOPIC
    assert len(cleaned.blocks) == 4


def test_clean_short_article_with_a_sentence_sharing_nothing_keeps_it() -> None:
    text = (
        "The Millbrook town council voted 7-2 on Tuesday to approve a $42 million repair of "
        "the Lakeside Dam.\n"
        "The dam, built in 1958, has leaked since a storm in January.\n"
        "Mayor Ellen Voss said the work will begin in March and take two years.\n"
        "Book sales at the county library reached 1,800 copies last summer.\n"
        "Visitors describe the view across the water as the finest in the valley.\n"
    )
    cleaned = _clean(text)
    assert len(cleaned.blocks) == 5


# --------------------------------------------------------------------------- seeds


def test_clean_seed_000_keeps_every_real_paragraph_and_list_item() -> None:
    cleaned = _seed("000")
    kept = {4, 6, 7, 8, 10, 11, 12, 13, 14, 15, 17, 18, 20, 21, 23, 24, 25, 26, 27}
    assert _kept_lines(cleaned) == kept  # 24-27: the short items "balancing:" introduces
    assert "$14.3 billion investment in Scale AI" in _kept_texts(cleaned)


def test_clean_seed_000_drops_the_second_copy_of_the_body() -> None:
    reasons = _reasons(_seed("000"))
    assert {reasons[n] for n in range(46, 84)} == {R.DUPLICATE}


def test_clean_seed_000_drops_the_event_promo() -> None:
    reasons = _reasons(_seed("000"))
    assert [reasons[n] for n in range(28, 35)] == [R.OFF_TOPIC] * 7


def test_clean_seed_000_drops_teasers_and_widgets() -> None:
    reasons = _reasons(_seed("000"))
    assert [reasons[n] for n in range(35, 45)] == [
        R.BOILERPLATE,  # Related article
        R.TEASER,
        R.TRUNCATED,
        R.TEASER,
        R.TRUNCATED,
        R.TEASER,
        R.TRUNCATED,
        R.BOILERPLATE,  # Related Special Topic Recommendations
        R.COUNTER,  # Comments (0)
        R.COUNTER,  # 0/500
    ]
    assert reasons[89] is R.NAVIGATION  # Home


def test_clean_seed_001_moves_title_dateline_and_update_note_to_meta() -> None:
    cleaned = _seed("001")
    assert cleaned.meta.title == "Zuckerberg: Meta Won't Open Source All AI Models"
    assert cleaned.meta.published == "2025-07-30"
    assert cleaned.meta.updated is None  # the note gives no date
    reasons = _reasons(cleaned)
    assert [reasons[n] for n in (1, 3, 5, 6, 72, 74)] == [
        R.NAVIGATION,  # LOGO
        R.METADATA,  # title
        R.METADATA,  # July 30, 2025
        R.DUPLICATE,  # the title again
        R.METADATA,  # update note
        R.HASHTAGS,
    ]


def test_clean_seed_001_drops_headings_and_keeps_paragraphs() -> None:
    cleaned = _seed("001")
    headings = [n for n, r in _reasons(cleaned).items() if r is R.HEADING]
    assert headings == [8, 12, 18, 24, 30, 34, 42, 46, 52, 56, 64]
    assert len(cleaned.blocks) == 21


def test_clean_seed_002_drops_event_widget_and_read_more_only() -> None:
    cleaned = _seed("002")
    assert sorted(_reasons(cleaned)) == [8, 9, 10, 11, 18]
    assert _reasons(cleaned)[18] is R.BOILERPLATE
    assert _kept_lines(cleaned) == {1, 2, 3, 4, 5, 6, 7, 12, 13, 14, 15, 16, 17}


def test_clean_seed_003_keeps_all_paragraphs() -> None:
    assert _kept_lines(_seed("003")) == {1, 2, 4, 5, 7, 8, 10, 11, 13, 14}


# --------------------------------------------------------------------------- third review


@pytest.mark.parametrize(
    ("first", "dateline", "rest"),
    [
        ("BOISE, Idaho (CP) — Continental flight 12 landed safely.", "BOISE, Idaho (CP)", "Cont"),
        ("WASHINGTON (AP) - The Senate voted 52-48 on Tuesday.", "WASHINGTON (AP)", "The "),
        ("LONDON — Britain's economy grew 0.3% in the quarter.", "LONDON", "Brit"),
        (
            "ST. PAUL, Minn. (AP) — “We are ready,” the governor said.",
            "ST. PAUL, Minn. (AP)",
            "“We",
        ),
        ("RIO DE JANEIRO -- Brazil's central bank raised its rate.", "RIO DE JANEIRO", "Braz"),
    ],
)
def test_clean_a_wire_dateline_is_cut_from_the_first_paragraph(
    first: str, dateline: str, rest: str
) -> None:
    text = f"{first}\nSALEM (AP) — The second paragraph keeps its capitals, he said.\n"
    cleaned = _clean(text)
    block = cleaned.blocks[0]
    assert block.text.startswith(rest)
    assert block.text == first[first.index(rest) :]
    assert [text[o] for o in block.offsets] == list(block.text)  # offsets stay exact
    assert cleaned.blocks[1].text.startswith("SALEM (AP)")  # only the first paragraph
    (entry,) = cleaned.removed
    assert (entry.line, entry.text, entry.reason) == (1, dateline, R.METADATA)
    assert entry.detail.startswith("dateline prefix")
    _assert_accounted(cleaned)


@pytest.mark.parametrize(
    "first",
    [
        "NASA — the agency said it would delay the launch.",
        "FBI agents searched the home on Monday, officials said.",
        "Acme — a robotics firm — raised $40 million.",
        "The UN — and its agencies — asked for $2 billion.",
    ],
)
def test_clean_a_paragraph_without_a_wire_dateline_is_kept_whole(first: str) -> None:
    cleaned = _clean(f"{first}\n{PARAGRAPHS}")
    assert cleaned.blocks[0].text == first
    assert not cleaned.removed


@pytest.mark.parametrize(
    ("text", "fmt", "removed"),
    [
        ("Home\nNews\nSport\nShare this article\n", TextFormat.TXT, 4),
        ("word " * 5000 + "\n", TextFormat.TXT, 1),
        ("[Home](/) | [News](/news)\n", TextFormat.MD, 1),
    ],
)
def test_clean_story_a_file_of_page_chrome_only_is_a_failure(
    text: str, fmt: TextFormat, removed: int
) -> None:
    kept, failures = clean_story([_article(PARAGRAPHS), _article(text, fmt)])
    assert [len(c.blocks) for c in kept] == [2]
    (failure,) = failures
    assert failure.path == Path(f"s.{fmt.value}")
    lines = "line" if removed == 1 else "lines"
    assert failure.problem == (
        f"no article text after removing page chrome ({removed} {lines} removed)"
    )
