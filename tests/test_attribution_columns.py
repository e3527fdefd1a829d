"""Issue 19: columns, posts and bylines. A cue needs reported content; speech that is not
"said" (posts, statements, letters); the author's first person; hearsay ("I'm told").

Texts written for these tests (not taken from the evaluation set or any corpus).
"""

from __future__ import annotations

import pytest

from claimkit.attribution import Attribution, attribute
from claimkit.clean import clean
from claimkit.records import Document
from claimkit.segment import segment


def _run(nlp, text: str, meta: dict[str, str] | None = None) -> list[tuple[str, Attribution]]:
    doc = nlp(text)
    cleaned = clean(text, meta)
    cands = segment(doc, cleaned)
    return [(text[c.start : c.end], a) for c, a in zip(cands, attribute(doc, cands, cleaned), strict=True)]


def _one(nlp, text: str, meta: dict[str, str] | None = None) -> Attribution:
    results = _run(nlp, text, meta)
    assert len(results) == 1, results
    return results[0][1]


@pytest.mark.parametrize(
    "text",
    [
        "The novel was far longer than I expected.",
        "The leaders could have rallied the party to reject him.",
        "The mayors could have pushed the town to oppose the levy.",
        "Both teams should have to explain it.",
        "The trustees ought to have asked the parents.",
        "The governors could have urged the assembly to reject the treaty.",
        "The chiefs could have persuaded the tribe to denounce him.",
        "After the magazine endorsed a senator, sales fell by a fifth.",
        "The new runway will add two gates to the terminal.",
        "Talk had been growing about a Democrat challenging her in the primary.",
        "The pressure may ease now that the mayor has endorsed the levy.",
        "The tally leaves out money from the trade groups that do not disclose their donors.",
    ],
)
def test_no_cue_without_reported_content(nlp, text: str) -> None:
    attr = _one(nlp, text)
    assert attr.cue is None and attr.speaker is None


@pytest.mark.parametrize(
    ("text", "speaker", "cue_word"),
    [
        ('The fire chief posted: "Stay off the ridge road tonight."', "fire chief", "posted"),
        ("The rail union issued a statement saying the strike would start on Monday.", "rail union", "saying"),
        ("Her office released a statement saying she is recovering at home.", "office", "saying"),
        ("The coach took to social media to write that the referees had cost his team the match.", "coach", "write"),
        ('Mayor Lin Ott swiped at the governor in a series of posts: "He has no plan at all."', "Lin Ott", "swiped"),
        ("The senator tweeted that the bill was dead.", "senator", "tweeted"),
    ],
)
def test_speech_that_is_not_said(nlp, text: str, speaker: str, cue_word: str) -> None:
    attr = _one(nlp, text)
    assert attr.speaker is not None and speaker in attr.speaker.name
    assert attr.cue is not None and cue_word in attr.cue.text


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # "as X said" is a report (PolNeAR); only "than" ("worse than I expected") is not
        ("The ferry left without its permit, as harbor officials have said.", "harbor officials"),
        ("Several economists warned, as did the bank itself, that the rates might rise again.", "economists"),
        # a document or poll that shows or finds something speaks (PolNeAR)
        ("Two new polls show a close race in the county.", "polls"),
        ("The study found a sharp drop in ferry traffic.", "study"),
    ],
)
def test_reports_polnear_counts(nlp, text: str, speaker: str) -> None:
    attr = _one(nlp, text)
    assert attr.speaker is not None and speaker in attr.speaker.name and attr.cue is not None


def test_a_person_who_finds_a_thing_reports_nothing(nlp) -> None:
    assert _one(nlp, "The guard found the keys under a bench.").speaker is None


def test_an_object_the_speech_act_is_about_is_content_as_in_polnear(nlp) -> None:
    attr = _one(nlp, "Governor Eva Lund praised the budget deal on Friday.")
    assert attr.speaker is not None and attr.speaker.name == "Eva Lund" and attr.cue.lemma == "praise"


@pytest.mark.parametrize(
    "text",
    [
        "I argued in March that the school board should delay the vote.",
        "I wrote last spring that the mill would close.",
        "I think the museum deserves a second chance.",
    ],
)
def test_the_authors_first_person_is_the_authors_voice(nlp, text: str) -> None:
    attr = _one(nlp, text)
    assert attr.speaker is None and attr.cue is None


def test_editorial_we_is_the_author_only_in_opinion_genres(nlp) -> None:
    text = "We believe the council should publish the audit."
    assert _one(nlp, text, {"section": "Editorial"}).speaker is None
    assert _one(nlp, text, {"section": "World"}).speaker is not None


@pytest.mark.parametrize(
    "text",
    ["I'm told the director considered resigning in May.", "I am told that the deal collapsed over pensions."],
)
def test_im_told_is_an_anonymous_source(nlp, text: str) -> None:
    attr = _one(nlp, text)
    assert attr.speaker is not None and attr.speaker.type == "anonymous" and attr.speaker.name == "unnamed source"
    assert attr.cue is not None and attr.cue.lemma == "tell"
    assert attr.source is not None and attr.source.type == "anonymous"


def test_office_holder_is_an_official_source_also_through_a_pronoun(nlp) -> None:
    text = "Commissioner Ada Frey voted against the plan.\n\nShe said the plan was rushed."
    attr = _run(nlp, text)[1][1]
    assert attr.speaker is not None and attr.speaker.name == "Ada Frey"
    assert attr.source is not None and attr.source.type == "official"


def test_union_president_is_not_an_official(nlp) -> None:
    attr = _one(nlp, "Union president Rob Kell said the offer was too low.")
    assert attr.source is not None and attr.source.type == "named"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("I drove out to the quarry on Tuesday and spoke with the night crew.", "fact"),
        ("We have read the council's own audit of the fund.", "fact"),
        ("I wrote in May that the ferry service was heading for collapse.", "opinion"),
        ("I argued last winter that the depot was in the wrong place.", "opinion"),
    ],
)
def test_the_authors_first_person_kind_in_a_column(extractor, text: str, kind: str) -> None:
    """In a column, what the author did is a fact; what the author said or thinks, an opinion."""
    doc = Document(doc_id="c", text=text, meta={"section": "Opinion"})
    _, statements = extractor.extract_one(doc)
    assert len(statements) == 1 and statements[0].kind == kind and statements[0].speaker is None


def test_it_found_speaks_for_the_document_named_before(nlp) -> None:
    text = "We have read the county's own audit of the fund. It found that the fund lost money in 2021."
    attr = _run(nlp, text, {"section": "Editorial"})[1][1]
    assert attr.cue is not None and attr.cue.lemma == "find"
    assert attr.speaker is not None and attr.speaker.mention == "It" and "county" in attr.speaker.name
    assert attr.source is not None and attr.source.type == "document"


@pytest.mark.parametrize(
    ("text", "source_type"),
    [
        ("Mayor Ida Berg missed the vote.\n\nHer office released a statement saying she was ill.", "official"),
        ("The rise costs $3 million, according to the department's own budget office.", "official"),
    ],
)
def test_someones_office_and_a_public_bodys_office_are_official(nlp, text: str, source_type: str) -> None:
    attr = _run(nlp, text)[-1][1]
    assert attr.source is not None and attr.source.type == source_type


def test_a_colon_frame_gives_its_speaker_to_the_unquoted_paragraph_after_it(nlp) -> None:
    text = (
        "The pool\nBy Ann Lee\n\nThe council closed the Eastside pool in May. "
        "Alderman Tomas Reyes, who chairs the parks committee, wrote on his blog:\n\n"
        "The pool should never have closed. We owe the children of Eastside an apology.\n\n"
        "The pool reopened on Saturday."
    )
    results = _run(nlp, text)
    assert [t for t, _ in results][-1] == "The pool reopened on Saturday."
    before, frame, first, second, after = (a for _, a in results)
    assert before.speaker is None
    for attr in (frame, first, second):
        assert attr.speaker is not None and attr.speaker.name == "Tomas Reyes"
        assert attr.cue is not None and attr.cue.lemma == "write" and attr.quote == "direct"
    assert after.speaker is None  # the next paragraph is the author's again


def test_a_colon_frame_before_a_quotation_mark_is_left_to_the_quotation_rules(nlp) -> None:
    text = 'Road closed\n\nThe fire chief posted:\n\n"Stay off the ridge road tonight."\n\nThe road reopened at dawn.'
    frame, quotation, after = (a for _, a in _run(nlp, text))
    assert frame.quote == "indirect" and after.speaker is None
    assert quotation.speaker is not None and quotation.speaker.name == "fire chief" and quotation.quote == "direct"


@pytest.mark.parametrize(
    "text",
    [
        "The county's own audit tells a different story.",
        "The harbor's accounts tell another story.",
        "And the audit only tells part of the story of the harbor's debts.",
    ],
)
def test_a_different_story_is_no_reported_content(nlp, text: str) -> None:
    attr = _one(nlp, text)
    assert attr.cue is None and attr.speaker is None


@pytest.mark.parametrize(
    "text",
    [
        "A nurse who asked not to be named told me the ward had been closed twice.",
        "An aide, who spoke on condition of anonymity, said the bill would be withdrawn.",
    ],
)
def test_a_speaker_kept_unnamed_by_request_is_anonymous(nlp, text: str) -> None:
    attr = _one(nlp, text)
    assert attr.speaker is not None and attr.speaker.type == "anonymous"
    assert attr.source is not None and attr.source.type == "anonymous"


def test_most_of_them_is_part_of_the_group_named_before(nlp) -> None:
    text = "Marine biologists have tracked the reef for years. Most of them have found that it is shrinking."
    attr = _run(nlp, text)[1][1]
    assert attr.speaker is not None and attr.speaker.type == "group"
    assert attr.speaker.name.lower() == "marine biologists" and attr.speaker.mention == "Most"
    alone = _one(nlp, "Most of them have found that the reef is shrinking.")
    assert alone.speaker is not None and alone.speaker.type == "anonymous"


def test_a_title_before_a_name_makes_a_person_whatever_the_entity_tag(nlp) -> None:
    text = "City Councilwoman Priya Shah said the council would meet on Monday.\n\nShe urged both sides to talk."
    first, second = (a for _, a in _run(nlp, text))
    assert first.speaker is not None and first.speaker.name == "Priya Shah" and first.speaker.type == "person"
    assert first.source is not None and first.source.type == "official"
    assert second.speaker is not None and second.speaker.name == "Priya Shah"


def test_the_byline_is_never_the_antecedent_of_a_pronoun(nlp) -> None:
    text = (
        "Why the pipes burst\nBy Samir Okonjo\n\n"
        "The utility's general manager, Renata Quist, posted a video on Tuesday. "
        "In it, she said crews had isolated the break."
    )
    attr = _run(nlp, text)[-1][1]
    assert attr.speaker is not None and attr.speaker.name == "Renata Quist"


def test_the_paper_that_publishes_is_the_newspaper_a_medium(nlp) -> None:
    text = (
        "After the Harbor Herald endorsed the deal in an editorial, readers flooded the paper with letters. "
        "The paper has published 40 of them."
    )
    attr = _run(nlp, text)[-1][1]
    assert attr.speaker is not None and attr.speaker.name == "Harbor Herald"
    assert attr.source is not None and attr.source.type == "media"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The company's spokesman, John Miller, said the plant would close.", "John Miller"),
        ("The utility's general manager, Renata Quist, said the pipe had burst.", "Renata Quist"),
    ],
)
def test_a_job_with_the_name_in_apposition_is_that_person(nlp, text: str, name: str) -> None:
    attr = _run(nlp, "Title here\n\n" + text)[-1][1]
    assert attr.speaker is not None and attr.speaker.name == name and attr.speaker.type == "person"
    assert attr.speaker.mention == text.split(",")[0]  # the mention (the source span) stays the job
    assert attr.speaker.description is not None and attr.speaker.description in text


def test_a_contest_verb_reports_with_an_issue(nlp) -> None:
    attr = _one(nlp, "The governor challenged her rival on the tax plan.")
    assert attr.cue is not None and attr.cue.text == "challenged"


def test_a_frame_ending_in_a_colon_gives_the_paragraph_after_it_its_speaker(nlp) -> None:
    text = "The mayor spoke for an hour.\n\nThe governor added:\n\nIt is typical of the council. They never listen."
    results = _run(nlp, text)
    said = [(t, a) for t, a in results if t.startswith(("It is", "They never"))]
    assert len(said) == 2
    for _, attr in said:
        assert attr.speaker is not None and attr.speaker.mention == "The governor"
        assert attr.cue is not None and attr.quote == "direct"
    # a colon after a verb that reports nothing introduces no one's words
    results = _run(nlp, "The results were as follows:\n\nThe east ward voted first.")
    assert all(a.speaker is None for t, a in results if t.startswith("The east"))
