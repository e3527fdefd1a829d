"""Speaker entities: one canonical name, type and id per person across an article (texts written for these tests)."""

from __future__ import annotations

import json

import pytest

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


def test_pronoun_after_an_unnamed_role_subject_is_that_person(nlp) -> None:
    """ "The harbour master wrote to the council. In it, he ..." is the harbour master, not the
    last named speaker; a description with a name in it is news's way to name a known person."""
    text = (
        "Dock worker Ruth Mensah said the cranes were idle.\n\n"
        "The port engineer sent a report to the council in March. In it, she wrote that the pier was sinking."
    )
    assert _speaker(_run(nlp, text), "In it").name == "port engineer"
    named = (
        "Senator Ruth Mensah said the cranes were idle.\n\n"
        "The former Ohio senator sent a report to the council. In it, she wrote that the pier was sinking."
    )
    assert _speaker(_run(nlp, named), "In it").name == "Ruth Mensah"


def test_pronoun_never_resolves_to_a_document(nlp) -> None:
    text = (
        "Peter Alvik met the inspectors on Monday.\n\n"
        "The report said the harbour walls were unsafe.\n\n"
        "“We will repair them,” he said."
    )
    results = _run(nlp, text)
    assert _speaker(results, "“We will").name == "Peter Alvik"


def test_document_with_an_issuer_gives_the_issuer_and_a_document_source(nlp) -> None:
    results = _run(nlp, "The RCMP statement said the two men were arrested on Friday.")
    attr = results[0][1]
    assert attr.speaker is not None and attr.speaker.name == "RCMP"
    assert attr.source is not None and attr.source.type == "document"


def test_document_without_an_issuer_is_the_speaker_but_never_a_person(nlp) -> None:
    text = "The white paper said rail traffic would fall.\n\nThe poem says the river remembers everything."
    results = _run(nlp, text)
    for prefix, name in (("The white paper", "white paper"), ("The poem", "poem")):
        attr = next(a for t, a in results if t.startswith(prefix))
        assert attr.speaker is not None and attr.speaker.type != "person", prefix
        assert attr.speaker.name == name
        assert attr.source is not None and attr.source.type == "document"


def test_earlier_issuer_of_the_same_document(nlp) -> None:
    text = (
        "Harbour Rail released a report on Monday about winter delays.\n\n"
        "The report says cold weather slows every train."
    )
    attr = _run(nlp, text)[-1][1]
    assert attr.speaker is not None and attr.speaker.name == "Harbour Rail"
    assert attr.source is not None and attr.source.type == "document"


def test_possessive_pronoun_issuer_is_resolved(nlp) -> None:
    text = "Linda Farrow resigned on Monday.\n\nHer statement said the board had ignored her warnings."
    attr = _run(nlp, text)[-1][1]
    assert attr.speaker is not None and attr.speaker.name == "Linda Farrow"


def test_a_number_is_never_a_speaker(nlp) -> None:
    attr = _run(nlp, "The number of cases suggests that the outbreak is spreading.")[0][1]
    assert attr.speaker is None


@pytest.mark.parametrize(
    "text",
    [
        "Lawmakers have not said when the vote will take place.",
        "The president declined to declare an emergency.",
        "The mayor refused to say whether the budget would pass.",
        "A spokesman for the company would not comment.",
        "Officials declined to comment on the investigation.",
    ],
)
def test_negated_or_refused_speech_has_no_attributed_content(nlp, text: str) -> None:
    attr = _run(nlp, text)[0][1]
    assert attr.speaker is None and attr.cue is None, text


def test_negated_speech_with_content_is_still_reported(nlp) -> None:
    attr = _run(nlp, "The senator did not say that the bill was dead.")[0][1]
    assert attr.speaker is not None and attr.cue is not None and attr.cue.text == "say"


TRANSCRIPT = (
    "Dana Whitfield interviewed the governor on Sunday.\n\n"
    "WHITFIELD: Governor, will you sign the bill?\n\n"
    "MR. OKONKWO: We will sign it. The budget allows it.\n\n"
    "Q: And the deficit?\n\n"
    "MR. OKONKWO: It will shrink next year.\n"
)


def test_transcript_lines_attribute_the_following_text_to_the_label(nlp) -> None:
    results = _run(nlp, TRANSCRIPT)
    assert _speaker(results, "Governor, will").name == "Dana Whitfield"
    assert _speaker(results, "The budget").name == "Okonkwo"
    assert _speaker(results, "Q: And").name == "interviewer"
    assert _speaker(results, "It will shrink").name == "Okonkwo"
    assert _speaker(results, "It will shrink").id == _speaker(results, "The budget").id
    assert _run(nlp, "Dana Whitfield met the governor.")[0][1].speaker is None


def test_transcript_labels_are_not_statements(extractor) -> None:
    from claimkit.records import Document

    _, statements = extractor.extract_one(Document("t", TRANSCRIPT))
    texts = [s.text for s in statements]
    assert not any(t.strip(" :.") in {"WHITFIELD", "MR", "OKONKWO", "MR. OKONKWO"} for t in texts), texts


def test_a_single_capitalised_label_is_not_a_transcript() -> None:
    from claimkit.attribution import transcript_turns

    assert transcript_turns("UPDATE: the road reopened.\n\nWATCH: the video.\n") == []
    assert transcript_turns("OTTAWA: The budget passed on Monday.\n") == []
    assert len(transcript_turns("A: yes.\nQ: why?\nA: because.\n")) == 3
    headings = "KEEPING SCORE: stocks fell.\nTHE DAY IN ASIA: calm.\nENERGY: oil rose.\nCURRENCIES: flat.\n"
    assert transcript_turns(headings) == []


def test_speaker_table_and_export(tmp_path, extractor) -> None:
    from typer.testing import CliRunner

    from claimkit.cli import app
    from claimkit.records import Document

    text = (
        "Linda Farrow, a nurse in Leeds, said the ward was full.\n\n"
        "Farrow said staff were exhausted and might leave.\n\n"
        "Tomas Varga said operations were delayed."
    )
    record, statements = extractor.extract_one(Document("ward", text))
    table = record.to_dict()["speakers"]
    assert [(s["id"], s["name"], s["type"], s["statements"]) for s in table] == [
        ("e1", "Linda Farrow", "person", 2),
        ("e2", "Tomas Varga", "person", 1),
    ]
    assert table[0]["description"] == "a nurse in Leeds" and table[0]["mentions"] >= 2
    st_path, docs_path = tmp_path / "s.jsonl", tmp_path / "d.jsonl"
    st_path.write_text("".join(json.dumps(s.to_dict()) + "\n" for s in statements))
    docs_path.write_text(json.dumps(record.to_dict()) + "\n")
    out = tmp_path / "speakers.csv"
    res = CliRunner().invoke(
        app, ["export", str(st_path), "--format", "speakers", "--docs", str(docs_path), "-o", str(out)]
    )
    assert res.exit_code == 0, res.output
    lines = out.read_text().splitlines()
    assert lines[0] == "doc_id,speaker_id,name,type,description,mentions,statements,fact,opinion,speculation"
    assert lines[1].startswith("ward,e1,Linda Farrow,person,a nurse in Leeds,")
    assert len(lines) == 3


def test_a_person_typed_organization_by_the_parser_is_a_person_when_the_first_name_says_so() -> None:
    from claimkit.entities import Names, canonical
    from claimkit.records import Speaker

    class _Empty:
        ents = ()
        sents = ()

        def __iter__(self):
            return iter(())

    names = Names(_Empty())  # type: ignore[arg-type]
    speaker = Speaker("economist Philip Morrow", "economist Philip Morrow", 0, 23, "organization")
    assert canonical(speaker, names) == ("Philip Morrow", "person")
    company = Speaker("Harbour Rail Services", "Harbour Rail Services", 0, 21, "organization")
    assert canonical(company, names) == ("Harbour Rail Services", "organization")


def test_title_nouns_make_persons_and_a_dangling_and_is_not_part_of_a_name(nlp) -> None:
    results = _run(nlp, "The Republican presidential nominee has repeatedly wondered whether the vote will be fair.")
    assert results[0][1].speaker is not None and results[0][1].speaker.type == "person"
    from claimkit.speakers import noun_phrase

    doc = nlp("Farrow and has staff said the ward was full.")
    head = next(t for t in doc if t.text == "Farrow")
    assert noun_phrase(doc, head).text == "Farrow"


def test_pronoun_skips_place_names_and_the_state_is_not_a_person(nlp) -> None:
    text = (
        "Secretary Jon Hallam said the rolls were accurate.\n\n"
        "The climbers reached Mt. Kenlow on Monday.\n\n"
        "He said the state would appeal.\n\n"
        "The state said it had followed the law."
    )
    results = _run(nlp, text)
    assert _speaker(results, "He said").name == "Jon Hallam"
    assert _speaker(results, "The state said").type != "person"


def test_bare_surname_shared_by_relatives_is_the_person_met_first(nlp) -> None:
    text = (
        "Donald Trump unveiled a child-care plan on Tuesday.\n\n"
        "Ivanka Trump, his daughter, said the plan would help working mothers.\n\n"
        "Trump said he would pay for it by cutting fraud."
    )
    results = _run(nlp, text)
    assert _speaker(results, "Ivanka").name == "Ivanka Trump"
    assert _speaker(results, "Trump said").name == "Donald Trump"


def test_pronoun_gender_comes_from_the_name_inside_a_described_mention(nlp) -> None:
    text = (
        "Harbour Trust senior manager Linda Farrow says the plan will work.\n\n"
        "Dock worker Peter Alvik, who lost his job in May, says the plan changed his life. "
        "“I finally have hope,” he says."
    )
    assert _speaker(_run(nlp, text), "“I finally").name == "Peter Alvik"


def test_a_person_introduced_as_the_topic_outranks_the_last_speaker(nlp) -> None:
    text = (
        "“The market is calm,” said analyst Peter Alvik.\n\n"
        "The new rules produced good results for Toronto baker Tomas Varga, 50. "
        "“My sales doubled,” he says.\n\n"
        "Alvik praised Varga. “He works hard,” he said."
    )
    results = _run(nlp, text)
    assert _speaker(results, "“My sales").name == "Tomas Varga"
    assert _speaker(results, "“He works").name == "Peter Alvik"  # the newcomer is only the object


def test_a_noun_before_a_name_gives_its_gender(nlp) -> None:
    text = (
        "For Dana Okonkwo, Friday is the day she has waited for. Her father Rafiq was among the victims.\n\n"
        "“I want to see justice,” she said."
    )
    assert _speaker(_run(nlp, text), "“I want").name == "Dana Okonkwo"


def test_a_definite_description_takes_the_name_given_that_role(nlp) -> None:
    text = (
        "“We will review the claim,” league commissioner Ron Abara said on Monday.\n\n"
        "Prime Minister Justin Trudeau met Foreign Minister Leila Osei. "
        "Osei said the talks went well.\n\n"
        "Later the league commissioner said the league had not been served.\n\n"
        "“We are talking about a human being,” the minister said.\n\n"
        "The Brenner Shipping Company said it would hire 200 workers. "
        "The company said the new port was essential."
    )
    results = _run(nlp, text)
    assert _speaker(results, "Later the league").name == "Ron Abara"
    assert _speaker(results, "“We are talking").name == "Leila Osei"  # not the prime minister
    assert _speaker(results, "The company").name == "Brenner Shipping Company"


def test_possessive_full_name_and_hyphenated_surname(nlp) -> None:
    text = (
        "If you worried about Damon Greer’s future, relax.\n\n"
        "“It didn’t take me long to get a job,” Greer said.\n\n"
        "Justice Minister Jody Wilson-Raybould introduced the bill in 2016.\n\n"
        "“We are confident in the law,” Wilson-Raybould said in November."
    )
    results = _run(nlp, text)
    assert _speaker(results, "“It didn’t").name == "Damon Greer"
    hyphen = _speaker(results, "“We are confident")
    assert hyphen.name == "Jody Wilson-Raybould" and hyphen.mention == "Wilson-Raybould"


def test_a_document_takes_the_issuer_of_an_earlier_document_mention(nlp) -> None:
    text = (
        "“Cold weather is a hard reality,” says a document on Northern Prairie Railway's website.\n\n"
        "The white paper said the cold increases air leakage in brakes.\n\n"
        "The Canadian Juice Council said in a statement that juice is healthy. "
        "The statement also said that removing it could have serious consequences."
    )
    results = _run(nlp, text)
    assert _speaker(results, "The white paper").name == "Northern Prairie Railway"
    assert _speaker(results, "The statement also").name == "Canadian Juice Council"


def test_a_document_brought_in_without_issuer_does_not_borrow_another(nlp) -> None:
    text = (
        "“We do not comment,” spokesperson Andrea Gold said in an e-mailed statement.\n\n"
        "A memo has circulated among the staff. The memo said the offer would keep every job."
    )
    assert _speaker(_run(nlp, text), "The memo said").name != "Andrea Gold"


def test_unnamed_speakers_keep_the_words_that_say_who_they_are(nlp) -> None:
    text = (
        "The deal could close by June, sources familiar with the negotiations said.\n\n"
        "An official with the Harbour Safety Agency said the dock was unsafe."
    )
    results = _run(nlp, text)
    assert _speaker(results, "The deal").name == "sources familiar with the negotiations"
    official = _speaker(results, "An official")
    assert official.name.startswith("official with the Harbour Safety Agency") and official.type == "person"


def test_a_surname_typed_organization_is_remembered_as_the_person_for_pronouns(nlp) -> None:
    text = (
        "Economist Ben Myers studies rents. Analyst Matt Danison says rents will rise.\n\n"
        "Myers cited a new report on housing supply.\n\n"
        "“Supply is what matters,” he said."
    )
    assert _speaker(_run(nlp, text), "“Supply").name == "Ben Myers"


def test_transcript_lines_may_open_with_a_quote_mark(nlp) -> None:
    text = (
        "Partial transcript as follows:\n\n"
        '"HARLOW: Why would the mayor do that? Will the budget pass?\n\n'
        '"OKONKWO: Well, look, the council will decide. It is serious business.\n\n'
        '"HARLOW: If I may, we have limited time.\n\n'
        '"OKONKWO: The budget will pass."'
    )
    results = _run(nlp, text)
    assert _speaker(results, "Will the budget").name == "Harlow"  # not the label in capitals
    assert _speaker(results, "It is serious").name == "Okonkwo"
    assert _speaker(results, "It is serious").mention == "OKONKWO"


def test_which_speaks_only_for_an_organisation_or_a_document(nlp) -> None:
    text = (
        "Among the newest terms is “yeet,” which variously refers to a dance or a taunt.\n\n"
        "The agency published a report, which said that rents would rise."
    )
    results = _run(nlp, text)
    assert next(a for t, a in results if t.startswith("Among")).speaker is None
    assert _speaker(results, "The agency").type != "person"


def test_a_speaker_in_a_concessive_clause_is_not_the_one_a_pronoun_means(nlp) -> None:
    text = (
        "University spokesman John Shibley said the school received 3,000 votes. "
        "Although Governor Mark Whitfield has repeatedly said that the vote was rigged, "
        "its result should not be read as a political statement.\n\n"
        "“I can usually spot a political nomination,” he said."
    )
    assert _speaker(_run(nlp, text), "“I can").name == "John Shibley"


def test_a_headline_in_title_case_gives_no_names(nlp) -> None:
    # the headline's capitals made "Robert Keane Auctioning Off Car" a person name
    text = (
        "Robert Keane Auctioning Off Car Used To Kill Jordan Wells.\n"
        "Robert Keane is selling the car.\n"
        "“I can do what I like with it,” Keane told reporters."
    )
    sp = _speaker(_run(nlp, text), "“I can do")
    assert sp.name == "Robert Keane"


def test_a_photo_position_is_not_a_description(nlp) -> None:
    # the parse of a caption, "Robert Keane (left) shot ...", as the parser gave it for a real one
    from spacy.tokens import Doc

    from claimkit.speakers import description_of

    words = ["Robert", "Keane", "(", "left", ")", "shot", ",", "a", "farmer", ",", "left"]
    heads = [1, 5, 3, 1, 3, 5, 5, 8, 5, 5, 5]
    deps = ["compound", "nsubj", "punct", "appos", "punct", "ROOT", "punct", "det", "dobj", "punct", "advmod"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps)
    assert description_of(doc, doc[1]) is None
    words, heads = ["Keane", ",", "a", "farmer", ",", "left"], [5, 0, 3, 0, 0, 5]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=["nsubj", "punct", "det", "appos", "punct", "ROOT"])
    assert description_of(doc, doc[0]) == "a farmer"


def test_a_description_stands_for_the_person_a_sentence_before_is_about(nlp) -> None:
    text = (
        "Anneli Korhonen started the battery company in 2015.\n\n"
        "Korhonen is aware that she is entering uncharted waters.\n\n"
        "“Nobody makes money on small cars,” the soft-spoken founder said."
    )
    sp = _speaker(_run(nlp, text), "“Nobody")
    assert sp.name == "Anneli Korhonen" and sp.type == "person"


def test_a_description_with_a_qualifier_is_someone_new(nlp) -> None:
    text = (
        "Officers found Dolores Whitcombe at the farm on Monday.\n\n"
        "According to the lawyer for the animal shelter, the dogs were starving."
    )
    sp = _speaker(_run(nlp, text), "According to")
    assert "Whitcombe" not in sp.name


def test_the_company_is_the_organisation_a_sentence_before_is_about(nlp) -> None:
    text = (
        "Halvorsen Energy received its second payment from the insurer earlier this year.\n\n"
        "The company noted it might have to repay some of that sum."
    )
    sp = _speaker(_run(nlp, text), "The company")
    assert sp.name == "Halvorsen Energy" and sp.type == "organization"


def test_a_name_in_apposition_to_a_description_is_the_speaker(nlp) -> None:
    text = (
        "Marek Novak was sentenced to ten years in prison on Monday.\n\n"
        "His lawyer, Daniel Ferreira, said his client would appeal the sentence."
    )
    sp = _speaker(_run(nlp, text), "His lawyer")
    assert sp.name == "Daniel Ferreira" and sp.type == "person"


def test_names_in_video_teasers_and_photo_captions_are_no_antecedents(nlp) -> None:
    text = (
        "Security analyst Kevin Marlowe studied the emails for a week.\n\n"
        "WATCH: Mayor Susan Delgado warns of rise in phone scams\n\n"
        "Mayor Linda Farrow speaks to reporters in Halifax on Monday. (Tom Reyes/Canadian Press)\n\n"
        "“This game is all about getting a few people to respond,” he said."
    )
    cleaned = clean(text)
    assert [r.type for r in cleaned.regions] == ["related", "caption"]
    assert _speaker(_run(nlp, text), "“This game").name == "Kevin Marlowe"


def test_persons_named_together_keep_both_full_names(nlp) -> None:
    text = (
        "Liam Okafor, a student, met Nathan Whitehorse, an elder, at the memorial.\n\n"
        "Both Okafor and Whitehorse have said they were trying to keep the peace.\n\n"
        "“I was scared,” Okafor said."
    )
    results = _run(nlp, text)
    assert _speaker(results, "Both").name == "Liam Okafor and Nathan Whitehorse"
    assert _speaker(results, "“I was").name == "Liam Okafor"


def test_an_acronym_typed_person_is_the_organisation_it_abbreviates(nlp) -> None:
    from claimkit.entities import Names, canonical
    from claimkit.records import Speaker

    doc = nlp("Export Development Canada insured the mine.\n\nEDC says it is self-funding.")
    at = doc.text.index("EDC")
    assert canonical(Speaker("EDC", "EDC", at, at + 3, "person"), Names(doc)) == (
        "Export Development Canada",
        "organization",
    )


def test_they_stands_for_the_named_group_just_before(nlp) -> None:
    text = (
        "Both parties think the tax debate is a winner for them.\n\n"
        "The Greens hope it will bring out younger voters. The Conservatives believe they can call it a tax grab; "
        "they say their research shows voters care more about prices."
    )
    results = _run(nlp, text)
    sp = next(a.speaker for t, a in results if a.speaker is not None and a.speaker.mention == "they")
    assert sp.name == "Conservatives"


def test_a_name_typed_organisation_is_a_person_when_she_follows(nlp) -> None:
    text = (
        "Kenza Tarek said there was a wave of compassion after the attack.\n\n"
        "For Megda Belkacemi, Friday is a day she has been awaiting eagerly.\n\n"
        "“I am looking forward to the sentence,” she said."
    )
    assert _speaker(_run(nlp, text), "“I am").name == "Megda Belkacemi"


def test_a_possessor_is_not_the_speaker(nlp) -> None:
    text = (
        "Linda Farrow was arrested in May.\n\n"
        "Linda Farrow's lawyers said she would plead not guilty.\n\n"
        "Senator Anne Whitfield spoke on Monday.\n\n"
        "Whitfield's campaign said the ad was false."
    )
    results = _run(nlp, text)
    assert _speaker(results, "Linda Farrow's lawyers").name == "Linda Farrow's lawyers"
    campaign = _speaker(results, "Whitfield's campaign")
    assert campaign.name == "Whitfield's campaign" and campaign.type == "organization"


def test_surname_typed_organization_is_the_person_whose_full_name_was_typed_organization(nlp) -> None:
    # the small model types "Anne Marie Cerato" and the bare "Cerato" ORG here; an organisation
    # name that is the person's full name does not make the surname an organisation's word
    text = (
        "Anne Marie Cerato met Patrick Bardos in Toronto.\n\n"
        "To Bardos' disappointment, Cerato admitted she was not a member of the club.\n\n"
        "This was his chance to leave, Cerato said."
    )
    results = _run(nlp, text)
    for prefix in ("To Bardos'", "This was"):
        speaker = _speaker(results, prefix)
        assert (speaker.name, speaker.type) == ("Anne Marie Cerato", "person")


def test_surname_of_a_real_organisation_name_stays_the_organisation(nlp) -> None:
    text = (
        "Ford Motor Co. will close two plants, the automaker announced.\n\n"
        "Ford said the plants had lost money for years."
    )
    speaker = _speaker(_run(nlp, text), "Ford said")
    assert speaker.type == "organization"


def test_transcript_labels_count_as_one_speaker_under_the_full_name_and_the_surname() -> None:
    from claimkit.attribution import transcript_turns

    text = (
        "KATE MARLOW: Why not debate?\n\n"
        "JON REYES: The senator does not decide when we debate.\n\n"
        "MARLOW: Then when?\n\n"
        "REYES: After the primary.\n"
    )
    assert len(transcript_turns(text)) == 4


def test_a_name_in_a_disease_is_no_antecedent_of_he(nlp) -> None:
    text = (
        "Lena Park was treated for Hodgkin lymphoma at the clinic last year.\n\n"
        "The clinic now runs a trial of a new drug.\n\n"
        "“We are seeing results,” he said."
    )
    assert _speaker(_run(nlp, text), "“We are").name != "Hodgkin"


def test_a_hyphenated_noun_stays_whole_and_takes_its_apposition(nlp) -> None:
    text = "His co-founder agreed that the firm was too small.\n\nHer ex-husband, Tomas Berg, told reporters the house was sold."
    results = _run(nlp, text)
    assert _speaker(results, "His co-founder").mention == "His co-founder"
    berg = _speaker(results, "Her ex-husband")
    assert berg.mention == "Her ex-husband" and berg.name == "Tomas Berg"


def test_the_judge_is_the_one_person_introduced_as_a_justice(nlp) -> None:
    text = (
        "A lawsuit over the estate was heard in Albany.\n\n"
        "State Supreme Court Justice Alan Verro ruled on Friday that the records stay sealed.\n\n"
        "The judge said the family had a right to privacy."
    )
    assert _speaker(_run(nlp, text), "The judge").name == "Alan Verro"


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        (
            "Ohio Sen. Maria Delgado opposes the bill.\n\nThe senator said the vote would fail.",
            "The senator",
            "Maria Delgado",
        ),
        (
            "Gov. Tom Reyes signed the order on Monday.\n\nThe governor said it would save money.",
            "The governor",
            "Tom Reyes",
        ),
        # two senators introduced by the title: "the senator" stays itself
        (
            "Sen. Maria Delgado met Sen. Paul Okoro.\n\nThe senator said the vote would fail.",
            "The senator",
            "senator",
        ),
    ],
)
def test_the_senator_is_the_one_person_introduced_by_the_abbreviated_title(nlp, text, mention, name) -> None:
    assert _speaker(_run(nlp, text), mention).name == name


def test_a_news_organisation_or_company_is_an_organisation(nlp) -> None:
    text = (
        "Gannett said in a statement that it would appeal the order.\n\n"
        "The Ledger and the Gannett newspaper chain argued that the public had a right to know."
    )
    results = _run(nlp, text)
    assert _speaker(results, "Gannett said").type == "organization"
    assert _speaker(results, "The Ledger").type == "organization"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the only person the article named: the candidacy description is that person
        (
            "Debates draw complaints\n\nRuth Alvarez spent Monday in Dayton.\n\n"
            "The Green Party nominee has said that the debates are unfair.",
            "Ruth Alvarez",
        ),
        # two people named before it: the description stays itself
        (
            "Debates draw complaints\n\nRuth Alvarez and Tom Becker spent Monday in Dayton.\n\n"
            "The Green Party nominee has said that the debates are unfair.",
            "Green Party nominee",
        ),
    ],
)
def test_candidacy_description_takes_the_only_person_named(nlp, text: str, name: str) -> None:
    speaker = _speaker(_run(nlp, text), "The Green")
    assert speaker is not None and speaker.name == name


def test_an_apposition_across_the_verb_is_no_description(nlp) -> None:
    # the parser hangs a sentence-final "another example of ..." on the subject across the verb
    from claimkit.speakers import description_of

    doc = nlp("A union representing pilots endorsed the mayor on Friday, another sign of labor backing him.")
    subject = next(t for t in doc if t.dep_ == "nsubj")
    assert description_of(doc, subject) is None
    doc = nlp("Anna Berg, a nurse at the clinic, said the ward was full.")
    assert description_of(doc, doc[1]) == "a nurse at the clinic"


def test_a_bare_surname_never_takes_a_full_name_of_the_other_gender(extractor) -> None:
    from claimkit.records import Document

    text = (
        "Governor Castillo is touring the coast this week.\n\n"
        '"We will rebuild every pier," Mr. Castillo said on Monday.\n\n'
        "The governor and his wife, Elena Castillo, visited the harbor on Tuesday."
    )
    _, statements = extractor.extract_one(Document("g", text))
    said = next(s for s in statements if s.cue is not None and s.cue.text == "said")
    assert said.speaker is not None and said.speaker.name == "Castillo"
    text = text.replace("Mr. Castillo", "Mrs. Castillo")
    _, statements = extractor.extract_one(Document("g", text))
    said = next(s for s in statements if s.cue is not None and s.cue.text == "said")
    assert said.speaker is not None and said.speaker.name == "Elena Castillo"


def test_a_name_after_an_opening_phrase_is_the_speaker_and_its_mention(nlp) -> None:
    # the parse the parser gave a real sentence: "the vote" subject, the name in apposition to it
    from spacy.tokens import Doc

    from claimkit.attribution import _name_after_phrase

    words = ["With", "ten", "days", "until", "the", "vote", ",", "Dana", "Whitfield", ",", "called", "it", "bad"]
    heads = [10, 2, 0, 2, 5, 10, 5, 8, 5, 8, 10, 12, 10]
    deps = ["prep", "nummod", "pobj", "prep", "det", "nsubj", "punct", "compound", "appos", "punct", "ROOT"]
    deps += ["nsubj", "ccomp"]
    pos = ["ADP", "NUM", "NOUN", "ADP", "DET", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", "VERB", "PRON", "ADJ"]
    ents = ["O", "O", "O", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, ents=ents)
    assert _name_after_phrase(doc, doc[5]).text == "Whitfield"
    # a subject that opens the sentence keeps its place ("The vote, Dana Whitfield, ...")
    doc = Doc(nlp.vocab, words=words[4:], heads=[h - 4 for h in heads[4:]], deps=deps[4:], pos=pos[4:], ents=ents[4:])
    assert _name_after_phrase(doc, doc[1]).text == "vote"


def test_a_name_with_a_generational_suffix_is_a_person(nlp) -> None:
    from spacy.tokens import Doc

    from claimkit.speakers import speaker_type

    words = ["Vann", "P.", "Mendel", "II", "said", "it"]
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=[3, 3, 3, 4, 4, 4],
        deps=["compound", "compound", "compound", "nsubj", "ROOT", "dobj"],
        pos=["PROPN", "PROPN", "PROPN", "PROPN", "VERB", "PRON"],
        ents=["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O"],
    )
    assert speaker_type(doc[0:4]) == "person"
    words = ["Acme", "Holdings", "said", "it"]
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=[1, 2, 2, 2],
        deps=["compound", "nsubj", "ROOT", "dobj"],
        pos=["PROPN", "PROPN", "VERB", "PRON"],
        ents=["B-ORG", "I-ORG", "O", "O"],
    )
    assert speaker_type(doc[0:2]) == "organization"  # no suffix: still the organisation it was typed


def test_a_title_from_a_place_is_not_named_after_the_place(extractor) -> None:
    from claimkit.records import Document

    _, (st,) = extractor.extract_one(Document("t", "Senator from Vermont says she cannot support the dam."))
    assert st.speaker is not None and st.speaker.name == "Senator from Vermont"


def test_a_masthead_in_capitals_stays_an_organization(extractor) -> None:
    from claimkit.records import Document

    text = (
        "Donations to the harbor fund hit nearly $1.1 million through the end of May, a USA TODAY analysis of"
        " newly filed reports shows.\n\nUSA TODAY's tally leaves out the money raised by the mayor."
    )
    _, (st, _) = extractor.extract_one(Document("t", text))
    assert st.speaker is not None and (st.speaker.name, st.speaker.type) == ("USA TODAY", "organization")


def test_titled_surnames_named_together_are_both_people_and_then_they(extractor) -> None:
    from claimkit.records import Document

    text = (
        "Critics, like Senators Mark T. Ortiz of Maine and Helen R. Lane of Ohio, want a new audit.\n\n"
        "But Mr. Ortiz and Ms. Lane say other changes are needed.\n\n"
        "The fund has grown well beyond its first purpose, they say."
    )
    _, statements = extractor.extract_one(Document("t", text))
    both, they = statements[-2], statements[-1]
    assert both.speaker is not None and both.speaker.name == "Mark T. Ortiz and Helen R. Lane"
    assert both.speaker.type == "group"
    assert they.speaker is not None and they.speaker.name == "Mark T. Ortiz and Helen R. Lane"


def test_a_document_filed_by_someone_speaks_for_them(nlp) -> None:
    text = "According to a civil complaint filed by the Harbor Safety Agency, the pier was unsafe for years."
    sp = _speaker(_run(nlp, text), "According")
    assert sp.name == "Harbor Safety Agency" and sp.type == "organization"


def test_a_name_modifying_a_common_noun_is_not_the_speaker(nlp) -> None:
    # the parse of a real phrase, with the name typed PERSON by the parser
    from spacy.tokens import Doc

    from claimkit.speakers import name_of, speaker_type

    doc = Doc(
        nlp.vocab,
        words=["Brexit", "backers", "said", "no"],
        heads=[1, 2, 2, 2],
        deps=["compound", "nsubj", "ROOT", "dobj"],
        pos=["PROPN", "NOUN", "VERB", "DET"],
        tags=["NNP", "NNS", "VBD", "DT"],
        ents=["B-PERSON", "O", "O", "O"],
    )
    assert (name_of(doc[0:2]), speaker_type(doc[0:2])) == ("Brexit backers", "group")
