"""Cue and source spans drawn as PolNeAR draws them, on sentences written for these tests:
the adjective predicate before an infinitive cue, words the guidelines keep inside a cue
("put it", "pleaded guilty", "expressed concern", "said with a laugh", "called upon"); the
source phrase without a time phrase, with a quoted title's closing mark, a parenthetical's
closing comma after the cue, a name parsed as a second subject; an unnamed source is its cue."""

from __future__ import annotations

import pytest

from claimkit import pipeline
from claimkit.records import Document


@pytest.fixture(scope="module")
def build(nlp):
    def run(text: str):
        _, statements = pipeline.build(Document("t", text), nlp(text))
        return [s for s in statements if s.cue is not None]

    return run


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Rural voters were more likely to say that the ferry fares were too high.", "were more likely to say"),
        ("The harbour master was quick to add that no ships had been damaged.", "was quick to add"),
        ("Local farmers are also likely to argue that the new levy is unfair.", "are also likely to argue"),
    ],
)
def test_an_adjective_predicate_before_an_infinitive_cue_joins_it(build, text: str, cue: str) -> None:
    (st,) = build(text)
    assert st.cue.text == cue


def test_a_plain_infinitive_cue_keeps_its_own_span(build) -> None:
    (st,) = build("The union wants to argue that the contract was broken.")
    assert st.cue.text == "wants to argue"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("“The quotas will not change this season,” as the fisheries minister put it.", "put it"),
        ("Or, as the fisheries minister put it: “The quotas will not change this season.”", "put it:"),
        ("The former treasurer pleaded guilty to taking bribes from two builders.", "pleaded guilty"),
        ("The mayor expressed concern that the bridge repairs would run late.", "expressed concern"),
        ("“We will win the seat,” the organiser said with a laugh.", "said with a laugh"),
        ("The senator also called upon the governor to resign.", "also called upon"),
        ("The senator remarked upon the governor’s long silence.", "remarked upon"),
    ],
)
def test_words_inside_the_cue(build, text: str, cue: str) -> None:
    (st,) = build(text)
    assert st.cue.text == cue


def test_an_object_the_cue_does_not_take_stays_out(build) -> None:
    (st,) = build("The mayor expressed support for the new harbour plan.")
    assert st.cue.text == "expressed"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a time phrase after the speaker tells when, not who
        ("Harbour union leaders on Monday predicted a long strike.", "Harbour union leaders"),
        ("The port authority at the time said the cranes were safe.", "The port authority"),
        # a name the parser took for a second subject after its title
        (
            "Port spokesman the Rev. Tom Ames told reporters that the cranes were safe.",
            "Port spokesman the Rev. Tom Ames",
        ),
        # a quoted title the source phrase opens keeps its closing mark
        (
            "Nora Vance, host of the radio show “Harbour Talk,” said the fares were too high.",
            "Nora Vance, host of the radio show “Harbour Talk,”",
        ),
        # after the cue, the closing comma of a parenthetical stays with the source
        (
            "“The fares are too high,” said Nora Vance, a ferry commuter from Kingston, as she boarded.",
            "Nora Vance, a ferry commuter from Kingston,",
        ),
    ],
)
def test_source_phrase(build, text: str, source: str) -> None:
    (st,) = build(text)
    assert text[st.source.start : st.source.end] == source


def test_a_poll_keeps_its_date(build) -> None:
    text = "A harbour survey in March found that most commuters wanted more ferries."
    (st,) = build(text)
    assert text[st.source.start : st.source.end] == "A harbour survey in March"


def test_an_unnamed_source_is_the_whole_cue(build) -> None:
    text = "The ferry may seem to be the cheapest way to cross the bay."
    sts = build(text)
    for st in sts:
        if st.cue.lemma in {"seem", "appear"}:
            assert (st.source.start, st.source.end) == (st.cue.start, st.cue.end)


def test_an_apposition_opened_by_now_or_then_stays_in_the_source(build) -> None:
    text = "Tom Ames, now a ferry captain in Kingston, said the fares were too high."
    (st,) = build(text)
    assert text[st.source.start : st.source.end] == "Tom Ames, now a ferry captain in Kingston,"
    text = "Tom Ames, clearly annoyed, said the fares were too high."
    (st,) = build(text)
    assert text[st.source.start : st.source.end] == "Tom Ames"


def test_where_or_when_the_saying_happened_stays_out_of_the_cue(build) -> None:
    (st,) = build("The mayor said at a news conference that the bridge would reopen in May.")
    assert st.cue.text == "said"
    (st,) = build("The mayor said during the debate that the bridge would reopen in May.")
    assert st.cue.text == "said"
    (st,) = build("The mayor said in a statement that the bridge would reopen in May.")
    assert st.cue.text == "said in a statement"
    (st,) = build("The mayor said in Kingston that the bridge would reopen in May.")
    assert st.cue.text == "said"


def test_a_floating_quantifier_before_the_verb_joins_the_cue(build) -> None:
    (st,) = build("The two ferry unions have both urged the council to lower the fares.")
    assert st.cue.text == "have both urged"
    (st,) = build("All the captains said the harbour was safe.")
    assert st.cue.text == "said"


def test_the_closing_dash_of_a_parenthetical_belongs_to_the_source(build) -> None:
    text = "Tom Ames — a ferry captain from Kingston — said the fares were too high."
    (st,) = build(text)
    assert text[st.source.start : st.source.end] == "Tom Ames — a ferry captain from Kingston —"


@pytest.mark.parametrize(
    "text",
    [
        "Tom Ames, eager to end the strike, said the fares would fall.",
        "Tom Ames, with obvious relief, said the fares would fall.",
        "Tom Ames, himself a ferry captain, said the fares would fall.",
    ],
)
def test_the_speakers_mood_or_manner_after_a_comma_is_no_part_of_the_source(build, text: str) -> None:
    (st,) = build(text)
    assert text[st.source.start : st.source.end] == "Tom Ames"


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        # two subjects in the parse: the one next to a parenthetical verb speaks
        (
            "Commuters, the harbour master suggested, don’t have to worry that the fares will rise.",
            "the harbour master",
            ["Commuters", "don’t have to worry that the fares will rise"],
        ),
        (
            "The main problem with the old ferry, say engineers like Tom Ames, is the hull itself.",
            "engineers like Tom Ames",
            ["The main problem with the old ferry", "is the hull itself"],
        ),
        # the phrase after an inverted verb, set off by a comma, is who speaks
        (
            "The biggest risk to the harbour, said Tom Ames, an engineer at the port, is the storm season.",
            "Tom Ames, an engineer at the port,",
            ["The biggest risk to the harbour", "is the storm season"],
        ),
        (
            "Any fair reading of the budget, said Nora Vance, the port treasurer, would show a gap.",
            "Nora Vance, the port treasurer,",
            ["Any fair reading of the budget", "would show a gap"],
        ),
    ],
)
def test_a_noun_before_a_parenthetical_frame_is_what_is_said(
    build, text: str, speaker: str, content: list[str]
) -> None:
    (st,) = build(text)
    assert text[st.source.start : st.source.end] == speaker
    assert [p.text for p in st.content.parts] == content


@pytest.mark.parametrize(
    "text",
    [
        "Nora Vance, who says the ferry is late, said commuters should complain.",
        "Even the ferry’s loudest critics, like Vance and Ames, say the new fares should stay.",
    ],
)
def test_a_subject_with_an_aside_before_the_verb_still_speaks(build, text: str) -> None:
    (st,) = build(text)
    assert text[st.source.start : st.source.end].startswith(("Nora Vance", "the ferry’s loudest critics"))


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # a text put out right before the participle: the cue runs from the verb that put it out
        (
            "The harbour union sent a letter this week urging the mayor to reopen the pier.",
            "sent a letter this week urging",
            "the mayor to reopen the pier",
        ),
        (
            "The ferry company sent an email Monday saying that the new fares were legal.",
            "sent an email Monday saying",
            "that the new fares were legal",
        ),
        # a verb placing the saying in the course of a talk
        ("The captain responded by saying that the ferry was safe.", "responded by saying", "that the ferry was safe"),
        ("The mayor began by thanking the crews for their work.", "began by thanking", "the crews for their work"),
    ],
)
def test_a_participle_cue_runs_from_the_verb_it_completes(build, text: str, cue: str, content: str) -> None:
    (st,) = build(text)
    assert st.cue.text == cue
    assert st.content.text == content


def test_a_participle_after_other_words_keeps_its_own_cue(build) -> None:
    sts = build("The ferry company sent a long report to the harbour board explaining why the fares would rise.")
    assert sts[-1].cue.text == "explaining"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("“The pier is safe,” the captain said on Tuesday’s harbour radio show.", "said"),
        ("“We will reopen in May,” the mayor said to a crowd of commuters.", "said"),
        ("The harbour master wrote to the mayor about the broken crane.", "wrote"),
        # a preposition that links the verb to what is said stays in
        ("The union responded to the mayor’s plan.", "responded to"),
    ],
)
def test_a_preposition_of_the_occasion_or_addressee_stays_out_of_the_cue(build, text: str, cue: str) -> None:
    (st,) = build(text)
    assert st.cue.text == cue


def test_a_plural_title_before_the_names_it_introduces_is_those_persons(build) -> None:
    (st,) = build("Senate candidates Maria Lopez and John Ames have promised to protect the harbour.")
    assert st.speaker.name == "Maria Lopez and John Ames"
    assert st.speaker.type == "group"
    assert st.speaker.description == "Senate candidates"


def test_a_plural_title_alone_stays_the_speaker(build) -> None:
    (st,) = build("Senate candidates have promised to protect the harbour.")
    assert st.speaker.name.lower() == "senate candidates"
