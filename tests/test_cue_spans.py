"""Cue and source spans drawn as PolNeAR draws them, on sentences written for these tests:
the adjective predicate before an infinitive cue, words the guidelines keep inside a cue
("put it", "pleaded guilty", "expressed concern", "said with a laugh", "called upon")."""

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
