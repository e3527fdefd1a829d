"""Cleaning: every kind of scraped-page noise becomes a typed region; body text never does."""

from __future__ import annotations

import pytest

from claimkit.clean import caption_regions, clean, line_type, looks_like_title

BODY = "The ministry said on Monday that the talks would resume."


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("No menu items!", "navigation"),
        ("Skip to content", "navigation"),
        ("Share This Post", "share"),
        ("Share on Facebook", "share"),
        ("Facebook Twitter Email", "share"),
        ("- Advertisement -", "advertisement"),
        ("ADVERTISEMENT", "advertisement"),
        ("Related Posts", "related"),
        ("Read more: How the talks collapsed", "related"),
        ("ⓒ News1 DB", "credit"),
        ("© 2024 Example Media", "credit"),
        ("Photo: Reuters", "credit"),
        (BODY, None),
        ("Share prices fell sharply on Monday after the announcement.", None),
        ("Related talks are planned for next week, officials said.", None),
    ],
)
def test_line_types(line: str, kind: str | None) -> None:
    assert line_type(line) == kind


def test_two_captions_run_together_split_at_each_credit() -> None:
    text = "Missile 'Hwasong-18'.  Pyongyang Rodong Sinmun = News 1North Korea’s missile ‘Hwasong-18’. Pyongyang Rodong Sinmun = News 1"
    regions = caption_regions(text, 0, len(text))
    assert [r.type for r in regions] == ["caption", "caption"]
    assert regions[0].text.endswith("= News 1") and regions[1].text.startswith("North Korea’s")
    assert regions[1].end == len(text)


def test_publisher_line_fills_publisher_and_is_a_region() -> None:
    text = f"Headline Of The Day\n\n{BODY}\n\nSource: Donga\n"
    cleaned = clean(text)
    assert cleaned.publisher == "Donga"
    assert cleaned.title == "Headline Of The Day"
    kinds = {r.type: r for r in cleaned.regions}
    assert text[kinds["publisher"].start : kinds["publisher"].end] == "Source: Donga"
    body_start = text.index(BODY)
    assert not cleaned.is_excluded(body_start, body_start + len(BODY))


def test_regions_point_into_original_text(sample_text: str) -> None:
    cleaned = clean(sample_text)
    assert cleaned.publisher == "Donga"
    assert cleaned.title and cleaned.title.startswith("Russian and North Korean officials")
    for region in cleaned.regions:
        assert sample_text[region.start : region.end] == region.text
    types = [r.type for r in cleaned.regions]
    for kind in ("navigation", "share", "advertisement", "credit", "caption", "publisher", "related", "title"):
        assert kind in types, kind
    assert types.count("caption") == 2


def test_single_body_line_is_not_a_title() -> None:
    assert clean("Prices rose.").title is None


def test_meta_publisher_used_when_text_names_none() -> None:
    assert clean(BODY, {"publisher": "The Post"}).publisher == "The Post"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Stealth Over Health: Hillary Clinton Was Headed to ER But Diverted to Avoid Bad Optics.", True),
        ("Has the three-party solidarity started to ‘warm up’?", True),
        ("Officials met in Beijing on Monday and agreed to continue the talks.", False),
    ],
)
def test_titles(line: str, expected: bool) -> None:
    assert looks_like_title(line) is expected
