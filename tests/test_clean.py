"""Cleaning: every kind of scraped-page noise becomes a typed region; body text never does."""

from __future__ import annotations

import pytest

from claimkit.clean import caption_regions, clean, line_type, looks_like_title, pull_quote_speaker, source_tag
from claimkit.records import Document

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
        ("Story continues below advertisement.", "advertisement"),
        ("WATCH: Mayor warns of rise in phone scams", "related"),
        ("Watch highlights of the team's loss to Calgary:", "related"),
        ("The mayor speaks in Halifax on Monday. (Tom Reyes/Canadian Press)", "caption"),
        ("A retired porter looks at photos at the station. ( THE CANADIAN PRESS FILE PHOTO )", "caption"),
        ("Tijana Lind / The Canadian Press Ana Marin sits in her kitchen in Hamilton.", "caption"),
        ("Lou Park/CP Finance Minister Dana Roy speaks to reporters in Ottawa on Monday.", "caption"),
        ("Premier Jo Diaz speaks in Regina on Friday. Lou Park/The Canadian Press.", "caption"),
        ("A crane lifts a beam on Jan. 3, 2019. Mo Chan/Reuters", "caption"),
        ("Open this photo in gallery The premier speaks in Regina. He won in 2016.", "caption"),
        ("Lou Park/The Canadian Press.", "credit"),
        ("A Reuters/Ipsos poll found that most voters disagreed with the plan.", None),
        ("Support fell to 40 percent, according to a Register/Bloomberg Politics poll.", None),
        ("Mo Chan/Reuters reported the deal first.", None),
        ("Also on CityPost:", "related"),
        ("For more news from the Daily Ledger, check out our morning brief.", "related"),
        ("For more, sign up for the Weekend Ledger newsletter.", "related"),
        ("Want more from Tess? Sign up for her newsletter, Field Notes.", "advertisement"),
        ("LEDGER BY EMAIL! - Get this brief every morning! Just click here and enter your email.", "advertisement"),
        ("Send tips/scoops to Ray Lind at ray@example.com.", "credit"),
        ("Also on Friday, the mayor said the bridge would reopen.", None),
        ("For more than a decade, the council has argued over the bridge.", None),
        ("Voters who sign up before March can vote by mail, the clerk said.", None),
        ("Article Continued Below", "advertisement"),
        ("Tess Ray/LinkedIn.", "credit"),
        ("Facebook/Omar Lind.", "credit"),
        (".card-wrap img {", "boilerplate"),
        ("@media screen and (max-width: 480px) {", "boilerplate"),
        ("margin-left: 12px;", "boilerplate"),
        ("}", "boilerplate"),
        ("Gabe Ortiz is senior media editor at The Daily Ledger.", "credit"),
        ("Gabe Ortiz is an editor at the Ledger and a former city councillor who ran in 2019 on a promise.", None),
        ("Mayor backs new tax plan;", None),  # a headline, not a style sheet
        ("Watchdogs said the rules were weak.", None),
        ("He said the plan (and/or its budget) was fine.", None),
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


@pytest.mark.parametrize(
    "line",
    [
        "Twitter: @martaquill",
        "X: @jdoe_writes",
        "@martaquill",
        "Follow Marta Quill on Twitter @martaquill.",
        "Follow her on X.",
        "Contact the author at mquill@example.com.",
        "Reach Jon Abel at 555-0100 or jabel@example.com",
        "Eli Moss contributed to this report.",
        "Staff writers Ann Lee and Bo Kim contributed reporting to this article.",
        "Tove Brandt and Iker Sola contributed reporting.",
        "Nell Hardy reported from Port Ellis, and Ravi Mehta and Ona Ruiz from Lake Tarn, Ostland.",
        "Additional reporting by Ann Lee; editing by Bo Kim",
        "The views expressed in this column are the author's own.",
        "The writer is a senior fellow at the Harbor Institute.",
        "Handout/Reuters.",
        "POOL New/Reuters.",
        "Tove Brandt / Getty Images",
        "His views are his own.",
        "The opinions expressed here are the writer's own.",
        "Email: aquill@example.org",
        "Email: aquill@example.org | Twitter: aquill",
        "• Email: aquill@example.org | Twitter: aquill",
        "Wire researcher Ona Ruiz of the Harbor Bureau in Port Ellis contributed to this report.",
        "(Reporting by Tove Brandt in Port Ellis; Additional reporting by Iker Sola; Editing by Nell Hardy.)",
        "(Writing by Ann Lee; Editing by Bo Kim)",
    ],
)
def test_credit_and_social_lines_are_credit_regions(line: str) -> None:
    assert line_type(line) == "credit"


@pytest.mark.parametrize(
    "line",
    [
        "Contact with the rebels was lost at dawn, the army said.",
        "The writer Ann Lee said on Monday that she would not attend.",
        "Several lawmakers contributed to the fund last year.",
        "Follow-up talks on trade are planned for next week.",
        "I follow the council closely, and on Twitter its members rarely agree.",
        "The radio station reported from Port Ellis that the ferry had sunk.",
        "Ms. Hardy reported from the scene of the fire for three hours before the police came.",
        "The shares rose to $40/share at the close, Reuters said.",
        "Police and/or AP",
        "Her views are shared by most of the board.",
        "Email: the mayor's office did not answer it.",
        "(Editing by hand took the clerks three weeks, the council said.)",
    ],
)
def test_body_sentences_are_not_credit(line: str) -> None:
    assert line_type(line) is None


def test_byline_and_role_are_regions_and_never_body() -> None:
    text = "Council stops listening\nBy Marta Quill\nColumnist\n\nThe council voted 5 to 2 on Tuesday.\n"
    cleaned = clean(text)
    kinds = {r.text: r.type for r in cleaned.regions}
    assert kinds["By Marta Quill"] == "byline" and kinds["Columnist"] == "byline"
    assert cleaned.byline == "By Marta Quill"
    assert not cleaned.is_excluded(text.index("The council"), len(text) - 1)


@pytest.mark.parametrize(
    "line",
    [
        "Editor's note: This column was updated to correct the name of the ferry.",
        "Editor’s Note — An earlier version of this post gave the wrong date.",
        "Correction: An earlier version of this article misstated the fare.",
    ],
)
def test_editors_notes_and_corrections_are_note_regions(line: str) -> None:
    assert line_type(line) == "note"


@pytest.mark.parametrize(
    "line",
    [
        "The editor's notes from the trial were later published.",
        "Correction officers at the prison walked out on Monday.",
        "Clarification: The first sentence was clarified to reflect that Ann Lee is calling for a vote.",
    ],
)
def test_body_sentences_are_not_notes(line: str) -> None:
    assert line_type(line) is None


def test_credit_sentences_that_end_a_body_paragraph_are_credit() -> None:
    text = (
        "Title\n\nThe ferry ran late again, she says. “We waited an hour,” she says. "
        "Follow her on Twitter: @npell Reach her at npell@example.org\n\n"
        "The board met on Monday. The ferry writes about nothing.\n"
    )
    cleaned = clean(text)
    credits = [r.text for r in cleaned.regions if r.type == "credit"]
    assert credits == ["Follow her on Twitter: @npell Reach her at npell@example.org"]
    assert cleaned.region_at(text.index("“We waited")) is None


def test_author_bio_lines_at_the_end_are_credit_and_only_there() -> None:
    text = (
        "OPINION\nFares are too high\nBy Nora Pell\n\n"
        "Nora Pell rode the ferry for a week, a reader wrote to me.\n\n"
        "The board raised the fare on Monday.\n\n"
        "Nora Pell is a contributing columnist. Her views are her own.\n"
        "Nora Pell's newsletter appears on Fridays.\nEmail: npell@example.org\n"
    )
    cleaned = clean(text)
    credits = [r.text for r in cleaned.regions if r.type == "credit"]
    assert credits == [
        "Nora Pell is a contributing columnist. Her views are her own.",
        "Nora Pell's newsletter appears on Fridays.",
        "Email: npell@example.org",
    ]
    assert cleaned.region_at(text.index("Nora Pell rode")) is None  # not at the end: body
    assert clean(text.replace("By Nora Pell", "By Ann Lee")).region_at(text.index("Nora Pell is")) is None


def test_by_inside_a_sentence_is_not_a_byline() -> None:
    text = "Title here\nBy the end of the year, the plant had closed.\n"
    assert all(r.type != "byline" for r in clean(text).regions)


@pytest.mark.parametrize(
    ("text", "meta", "genre"),
    [
        ("OPINION\nThe bridge vote\nBy Ann Lee\n\nThe council voted on Tuesday.\n", None, "opinion"),
        ("Editorial\nA false economy\n\nThe department cut the program.\n", None, "editorial"),
        ("Opinion | A false economy\n\nThe department cut the program.\n", None, "opinion"),
        ("A false economy\nBy the Editorial Board\n\nThe department cut the program.\n", None, "editorial"),
        ("The department cut the program.\n", {"section": "Opinion/Columns"}, "opinion"),
        ("The department cut the program.\n", {"section": "World"}, "news"),
        ("The department cut the program.\n", {"genre": "editorial"}, "editorial"),
        ("SEOUL, Dec. 19 (Yonhap) -- The ministry said the talks would resume.\n", None, "news"),
        ("WASHINGTON — The senator said the bill would pass.\n", None, "news"),
        ("The department cut the program.\n", None, "unknown"),
        (
            "I read the report. It worries me. My view is that the council failed.\n",
            None,
            "opinion",
        ),
        (
            "“I think I made my point,” Lee said. “I am done,” she added. The vote failed.\n",
            None,
            "unknown",
        ),
    ],
)
def test_genre(text: str, meta: dict[str, str] | None, genre: str) -> None:
    assert clean(text, meta).genre == genre


def test_section_label_line_is_not_the_title() -> None:
    cleaned = clean("OPINION\nThe bridge vote shows a council that stopped listening\n\nThe council voted.\n")
    assert cleaned.title == "The bridge vote shows a council that stopped listening"


def test_documents_record_carries_genre_and_credit_lines_make_no_statement(extractor) -> None:
    from claimkit.records import Document
    from claimkit.schema import validate

    text = (
        "OPINION\nThe bridge vote shows a council that stopped listening\nBy Marta Quill\n\n"
        "The council voted 5 to 2 on Tuesday to delay the repairs.\n\n"
        "Eli Moss contributed to this report.\nTwitter: @martaquill\n"
    )
    record, statements = extractor.extract_one(Document("col", text))
    assert record.genre == "opinion"
    validate(record.to_dict(), "document")
    assert [s.text for s in statements] == ["The council voted 5 to 2 on Tuesday to delay the repairs."]


@pytest.mark.parametrize(
    ("line", "tag"),
    [
        ("Turnout is up in Ohio. [Ledger, KTV/Marist]", "[Ledger, KTV/Marist]"),
        ("Tess Ray explains why the county is “odd.” [538]", "[538]"),
        ("Prices rose again. [CityPost.]", "[CityPost.]"),
        ("Prices rose again. [CityPo", "[CityPo"),  # the scraper cut it
        ("[Ledger]", "[Ledger]"),
        ("The crowd cheered for [Tess Ray]", None),  # an editor's insertion, no sentence end before it
        ("He called it “a fine plan [sic]”", None),
        ("The list was numbered. [a]", None),
    ],
)
def test_source_tag_ends_a_round_up_item(line: str, tag: str | None) -> None:
    region = source_tag(line, 0, len(line))
    assert (region.text if region else None) == tag
    assert region is None or (region.type == "credit" and line[region.start : region.end] == tag)


def test_clip_drops_a_region_at_the_end_of_a_span() -> None:
    text = "Intro Line Here\n\nTurnout is up in Ohio. [Ledger]\nMore text follows here."
    cleaned = clean(text)
    start = text.index("Turnout")
    end = text.index("]") + 1
    assert cleaned.clip(start, end) == (start, text.index("[Ledger]"))
    assert cleaned.clip(start, text.index("Ohio")) == (start, text.index("Ohio"))


def test_a_name_under_a_pull_quote_is_its_caption_and_its_speaker() -> None:
    text = (
        "Nurses Ask For More Staff\n\nNurses asked the board for more staff on Monday.\n\n"
        "“We have to do better for our patients.”\n\nMorgan Lake\n\n"
        "Lake has worked there for 12 years.\n\nThe board met.\n\nTess Ray, a nurse\n"
    )
    cleaned = clean(text)
    captions = [r.text for r in cleaned.regions if r.type == "caption"]
    assert captions == ["Morgan Lake"]  # "Tess Ray, a nurse" follows no pull quote
    quote = text.index("“We")
    found = pull_quote_speaker(text, cleaned, quote, text.index("”") + 1)
    assert found is not None and found[0] == "Morgan Lake" and text[found[1] : found[2]] == "Morgan Lake"
    lake = text.index("Lake has")
    assert pull_quote_speaker(text, cleaned, lake, lake + 8) is None


@pytest.mark.parametrize(
    ("text", "deck"),
    [
        # a headline cut at a semicolon is continued by its deck: part of the headline
        (
            "Council delays the ferry vote;\nMembers want a study of low fares first.\n\nThe council met on Monday.",
            True,
        ),
        # a headline that ends on its own: the next line is the body
        (
            "Council delays the ferry vote\nMembers want a study of low fares first.\n\nThe council met on Monday.",
            False,
        ),
    ],
)
def test_deck_under_a_headline_is_part_of_it(text: str, deck: bool) -> None:
    cleaned = clean(text)
    assert cleaned.in_deck(text.index("Members")) == deck
    assert not cleaned.in_deck(text.index("The council met"))
    assert cleaned.title is not None and cleaned.title.startswith("Council delays")


def test_deck_keeps_only_what_it_attributes(extractor) -> None:
    text = (
        "Council delays the ferry vote;\nRiders face a longer wait for lower fares.\n\nThe council met on Monday.\n\n"
    )
    _, statements = extractor.extract_one(Document("deck", text))
    assert [s.text for s in statements] == ["The council met on Monday."]
    text = (
        "Council delays the ferry vote;\nMayor Ann Roe says the delay will cost riders.\n\nThe council met on Monday.\n"
    )
    _, statements = extractor.extract_one(Document("deck2", text))
    said = [s for s in statements if s.text.startswith("Mayor")]
    assert len(said) == 1 and said[0].speaker is not None and said[0].speaker.name == "Ann Roe"
