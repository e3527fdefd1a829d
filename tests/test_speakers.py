"""Speaker entities: one canonical name, type and id per person across an article (texts written for these tests)."""

from __future__ import annotations

from claimkit.attribution import Attribution, attribute
from claimkit.clean import clean
from claimkit.entities import gender_of, initials, proper_name
from claimkit.segment import segment


def _run(nlp, text: str) -> list[tuple[str, Attribution]]:
    doc = nlp(text)
    cleaned = clean(text)
    cands = segment(doc, cleaned)
    return [(text[c.start : c.end], a) for c, a in zip(cands, attribute(doc, cands, cleaned), strict=True)]


def _speaker(results, prefix: str):
    attr = next(a for t, a in results if t.startswith(prefix))
    assert attr.speaker is not None, prefix
    return attr.speaker


def test_proper_name_strips_titles_descriptions_and_nicknames() -> None:
    assert proper_name("Harbour Trust senior manager Leila Osei") == "Leila Osei"
    assert proper_name("Mayor Bill de Blasio") == "Bill de Blasio"
    assert proper_name("Hamilton's Tomas Varga") == "Tomas Varga"
    assert proper_name("singer Marta “Mimi” Oduya") == "Marta Oduya"
    assert proper_name("Ms. May") == "May"
    assert proper_name("the security firm") is None


def test_initials_and_gender_words() -> None:
    assert initials("Office of Water and Coastal Safety") == "OWCS"
    assert gender_of("Linda Farrow") == "f" and gender_of("Peter Alvik") == "m"
    assert gender_of("Farrow", titles="Mr.") == "m" and gender_of("Okonkwo") is None


def test_surname_takes_the_fullest_name_even_when_it_comes_later(nlp) -> None:
    text = (
        "The harbour will close in May, Alvik said on Tuesday.\n\n"
        "Port director Peter J. Alvik has run the harbour since 2011.\n\n"
        "“We have no choice,” Mr. Alvik said."
    )
    results = _run(nlp, text)
    first, last = _speaker(results, "The harbour"), _speaker(results, "“We have")
    assert first.name == last.name == "Peter J. Alvik"
    assert first.type == last.type == "person"
    assert first.id == last.id == "e1"


def test_case_and_apostrophe_insensitive_matching(nlp) -> None:
    text = (
        "Mayor Bill de Blasio said the budget was balanced.\n\n"
        "De Blasio said the city would hire more teachers.\n\n"
        "Police Commissioner James O’Neill said crime had fallen.\n\n"
        "O'Neill said the department needed more officers."
    )
    results = _run(nlp, text)
    assert _speaker(results, "De Blasio").name == "Bill de Blasio"
    assert _speaker(results, "Mayor Bill").id == _speaker(results, "De Blasio").id == "e1"
    assert _speaker(results, "O'Neill").name == "James O’Neill"
    assert _speaker(results, "O'Neill").id == _speaker(results, "Police").id == "e2"


def test_ids_follow_first_appearance_and_differ_between_people(nlp) -> None:
    text = (
        "Linda Farrow, a nurse in Leeds, said the ward was full.\n\n"
        "Tomas Varga, a surgeon, said operations were delayed.\n\n"
        "Farrow said staff were exhausted."
    )
    results = _run(nlp, text)
    ids = [_speaker(results, p).id for p in ("Linda", "Tomas", "Farrow said")]
    assert ids == ["e1", "e2", "e1"]


def test_pronoun_respects_gender(nlp) -> None:
    text = (
        "Linda Farrow, a nurse, said the ward was full.\n\n"
        "Peter Alvik, who runs the clinic, has worked there for years.\n\n"
        "“We are turning people away,” he said.\n\n"
        "“Nobody listens to us,” she said."
    )
    results = _run(nlp, text)
    assert _speaker(results, "“We are").name == "Peter Alvik"
    assert _speaker(results, "“Nobody").name == "Linda Farrow"


def test_pronoun_never_resolves_to_a_document(nlp) -> None:
    text = (
        "Peter Alvik met the inspectors on Monday.\n\n"
        "The report said the harbour walls were unsafe.\n\n"
        "“We will repair them,” he said."
    )
    results = _run(nlp, text)
    assert _speaker(results, "“We will").name == "Peter Alvik"
