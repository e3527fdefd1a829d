"""Attribution: speakers, cues, sources, quote types and speaker resolution on small texts."""

from __future__ import annotations

import pytest

from claimkit.attribution import Attribution, attribute
from claimkit.clean import clean
from claimkit.segment import segment


def _run(nlp, text: str) -> list[tuple[str, Attribution]]:
    doc = nlp(text)
    cleaned = clean(text)
    cands = segment(doc, cleaned)
    return [(text[c.start : c.end], a) for c, a in zip(cands, attribute(doc, cands, cleaned), strict=True)]


def _find(results: list[tuple[str, Attribution]], prefix: str) -> Attribution:
    return next(a for t, a in results if t.startswith(prefix))


def _first_with_content(nlp, text: str) -> tuple[Attribution, list[str]]:
    """The first statement's attribution and its content parts."""
    from claimkit import content

    doc = nlp(text)
    cleaned = clean(text)
    cands = segment(doc, cleaned)
    attr = attribute(doc, cands, cleaned)[0]
    return attr, [text[s:e] for s, e in content.find(doc, cands[0], attr.cue, attr.quote)]


PARK = (
    "Officials met in Beijing on Monday.\n\n"
    "North Korea’s Vice Foreign Minister Park Myung-ho also attended a meeting.\n\n"
    "Park Won-gon, a professor at Ewha Womans University, said the visits were planned.\n\n"
    "Professor Park said, “China is trying not to get involved in the structure.”\n\n"
    "He added, “We will end this year through management at the bilateral level.”\n\n"
    "“It can be said that a series of visits were made,” he explained."
)


def test_full_mention_gives_name_and_description_and_later_mentions_resolve(nlp) -> None:
    results = _run(nlp, PARK)
    first = _find(results, "Park Won-gon").speaker
    assert first is not None and first.name == "Park Won-gon"
    assert first.description == "a professor at Ewha Womans University"
    for prefix, mention in (("Professor Park", "Professor Park"), ("He added", "He"), ("“It can", "he")):
        speaker = _find(results, prefix).speaker
        assert speaker is not None, prefix
        assert (speaker.name, speaker.mention, speaker.type) == ("Park Won-gon", mention, "person")
        assert speaker.description == "a professor at Ewha Womans University"
        assert PARK[speaker.start : speaker.end] == mention
    assert _find(results, "North Korea’s").speaker is None


def test_cues_and_quote_types(nlp) -> None:
    results = _run(nlp, PARK)
    said = _find(results, "Professor Park")
    assert said.cue is not None and (said.cue.text, said.cue.lemma) == ("said", "say")
    assert PARK[said.cue.start : said.cue.end] == "said"
    assert said.quote == "direct"
    assert _find(results, "“It can").quote == "direct"
    assert _find(results, "Park Won-gon").quote == "indirect"


def test_mixed_quote_inside_reported_content(nlp) -> None:
    text = "For this reason, some experts suggest that “our government needs to manage relations more actively.”"
    (_, attr), *_ = _run(nlp, text)
    assert attr.quote == "mixed"
    assert attr.speaker is not None and attr.speaker.type == "anonymous"


@pytest.mark.parametrize(
    ("text", "mention", "cue", "stype"),
    [
        ("Mr. Lee was quoted as saying that the plan would fail.", "Mr. Lee", "saying", "person"),
        ("The senator told reporters that the bill was dead.", "The senator", "told", "person"),
        ("Police have denied that anyone was hurt in the clash.", "Police", "denied", "organization"),
        ("The talks failed, sources said.", "sources", "said", "anonymous"),
        ("Critics warned that the deal would collapse.", "Critics", "warned", "group"),
    ],
)
def test_reporting_verbs_in_any_tense_and_voice(nlp, text: str, mention: str, cue: str, stype: str) -> None:
    (_, attr), *_ = _run(nlp, text)
    assert attr.speaker is not None and attr.cue is not None
    assert (attr.speaker.mention, attr.cue.text, attr.speaker.type) == (mention, cue, stype)


def test_according_to_names_the_source_and_the_ministry_resolves(nlp) -> None:
    text = (
        "According to the Chinese Ministry of Foreign Affairs, the premier will visit Beijing.\n\n"
        "The ministry said the visit would last two days."
    )
    results = _run(nlp, text)
    acc = _find(results, "According")
    assert acc.cue is not None and acc.cue.text == "According to"
    assert acc.speaker is not None and acc.speaker.name == "Chinese Ministry of Foreign Affairs"
    assert acc.speaker.mention == "the Chinese Ministry of Foreign Affairs"
    assert acc.source is not None and acc.source.type == "official"
    later = _find(results, "The ministry").speaker
    assert later is not None and (later.name, later.mention) == ("Chinese Ministry of Foreign Affairs", "The ministry")


def test_it_said_resolves_to_the_last_organisation_speaking(nlp) -> None:
    # regression (PolNeAR train): "It said ..." after a company or ministry spoke had no speaker
    text = (
        "The Chinese Foreign Ministry said on Monday that the talks would resume.\n\n"
        "It added that no date had been set for the next round."
    )
    later = _find(_run(nlp, text), "It added").speaker
    assert later is not None and (later.name, later.mention, later.type) == (
        "Chinese Foreign Ministry",
        "It",
        "organization",
    )


def test_the_newspaper_resolves_to_the_last_media_speaker(nlp) -> None:
    text = (
        "The New York Post reports that the candidate was taken to a hospital.\n\n"
        "The newspaper said the campaign declined to comment on the visit."
    )
    later = _find(_run(nlp, text), "The newspaper").speaker
    assert later is not None and (later.name, later.mention) == ("New York Post", "The newspaper")


@pytest.mark.parametrize(
    ("text", "cue", "name"),
    [
        ("The talks failed, as reported by the Yonhap news agency.", "as reported by", "Yonhap news agency"),
        ("In the words of one diplomat, the summit was a disaster.", "In the words of", "one diplomat"),
        ("Citing two officials, the newspaper said the deal was off.", "said", "newspaper"),
    ],
)
def test_sourcing_phrases(nlp, text: str, cue: str, name: str) -> None:
    (_, attr), *_ = _run(nlp, text)
    assert attr.cue is not None and attr.speaker is not None
    assert (attr.cue.text, attr.speaker.name) == (cue, name)


def test_report_nouns_with_and_without_a_holder(nlp) -> None:
    text = (
        "The general view of related experts is that the burden would have been great.\n\n"
        "Moreover, there are predictions that Russia will seek closer relations.\n\n"
        "Mr. Kim's view is that the talks will resume."
    )
    results = _run(nlp, text)
    view = _find(results, "The general view")
    assert view.speaker is not None and view.speaker.name == "related experts"
    assert view.cue is not None and view.cue.text == "general view"
    pred = _find(results, "Moreover")
    assert pred.speaker is not None and pred.speaker.type == "anonymous"
    assert pred.cue is not None and pred.cue.lemma == "prediction"
    kim = _find(results, "Mr. Kim")
    assert kim.speaker is not None and kim.speaker.mention.startswith("Mr. Kim")


def test_vague_source_is_anonymous_never_a_nearby_name(nlp) -> None:
    text = "Donald Trump spoke in Ohio on Monday.\n\nSome say that he will lose the state."
    attr = _find(_run(nlp, text), "Some say")
    assert attr.speaker is not None
    assert (attr.speaker.name, attr.speaker.type) == ("some", "anonymous")
    assert attr.source is not None and attr.source.type == "anonymous"


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Clinton is expected to win the state by a wide margin.", "is expected"),
        ("It is believed that the talks failed.", "is believed"),
    ],
)
def test_agentless_passive_is_an_unnamed_source(nlp, text: str, mention: str) -> None:
    (_, attr), *_ = _run(nlp, text)
    assert attr.speaker is not None
    assert (attr.speaker.name, attr.speaker.mention, attr.speaker.type) == ("unnamed source", mention, "anonymous")


def test_passive_with_agent_names_the_agent(nlp) -> None:
    text = "The plan was criticized by Senator Bernie Sanders as a giveaway to banks."
    (_, attr), *_ = _run(nlp, text)
    assert attr.speaker is not None and attr.speaker.name == "Bernie Sanders"


def test_short_name_resolves_to_first_full_mention(nlp) -> None:
    text = (
        "Donald Trump said on Monday that he would visit Ohio.\n\n"
        "Hillary Clinton said she would not.\n\n"
        "Mr. Trump later said the trip was cancelled."
    )
    attr = _find(_run(nlp, text), "Mr. Trump")
    assert attr.speaker is not None and (attr.speaker.name, attr.speaker.mention) == ("Donald Trump", "Mr. Trump")


def test_floating_quotes_take_the_speaker_next_to_them(nlp) -> None:
    text = (
        "The mayor said the city would recover quickly.\n\n"
        "“We have rebuilt before and we will rebuild again.\n\n"
        "“Nobody will be left behind in this city.”"
    )
    results = _run(nlp, text)
    for prefix in ("“We have", "“Nobody"):
        attr = _find(results, prefix)
        assert attr.speaker is not None and attr.speaker.mention == "The mayor", prefix
        assert attr.quote == "direct"


def test_colon_introduces_the_quotation_after_it(nlp) -> None:
    text = "The debate went on.\n\nSenator Ted Cruz continued:\n\n“You look at the questions and you wonder what this debate is for.”"
    results = _run(nlp, text)
    quote = _find(results, "“You look")
    assert quote.speaker is not None and quote.speaker.name == "Ted Cruz"
    assert quote.cue is not None and quote.cue.text == "continued"


def test_manner_of_speaking_verb_next_to_a_quotation(nlp) -> None:
    text = "“This is fantastic!” beamed Donald Hartley of Madison."
    (_, attr), *_ = _run(nlp, text)
    assert attr.speaker is not None and attr.speaker.name == "Donald Hartley"
    assert attr.cue is not None and attr.cue.lemma == "beam"


def test_quote_verb_without_a_quotation_is_not_a_cue(nlp) -> None:
    text = "The rally continued into the night in Ohio."
    (_, attr), *_ = _run(nlp, text)
    assert attr.speaker is None


def test_quoted_show_title_is_not_a_floating_quote(nlp) -> None:
    text = "He said on Sunday.\n\n“Meet the Press.”"
    assert _find(_run(nlp, text), "“Meet").speaker is None


def test_author_statement_takes_publisher_as_source(nlp) -> None:
    text = "The talks resumed on Monday in Geneva.\n\nSource: Donga\n"
    (_, attr), *_ = _run(nlp, text)
    assert attr.speaker is None and attr.cue is None
    assert attr.source is not None and (attr.source.name, attr.source.type) == ("Donga", "publication")


@pytest.mark.parametrize(
    ("text", "stype"),
    [
        ("The New York Post reports that the candidate was taken to hospital.", "media"),
        ("A new poll indicates that young voters prefer Sanders.", "document"),
        ("Both China and North Korea pledged continued friendly relations.", "official"),
        ("Jim Smith, a farmer in Iowa, said the harvest was poor.", "named"),
        ("Dana Orr, a historian who writes about the Kremlin, said the talks would fail.", "named"),
        ("Tom Reed, the president of a small consulting firm, said rents would rise.", "named"),
        ("A union representative said the train was too long.", "named"),
        ("Dana Orr, the chair of the transit board, said fares would rise.", "official"),
        ("Dana Orr, a spokeswoman for the ministry, said the talks would resume.", "official"),
    ],
)
def test_source_types(nlp, text: str, stype: str) -> None:
    (_, attr), *_ = _run(nlp, text)
    assert attr.source is not None and attr.source.type == stype


# Regressions from PolNeAR train articles


def test_descriptive_participle_is_not_the_cue(nlp) -> None:
    text = "The self-described democratic socialist said he would win the primary if turnout were high."
    (_, attr), *_ = _run(nlp, text)
    assert attr.cue is not None and attr.cue.text == "said"
    assert attr.speaker is not None and attr.speaker.mention == "The self-described democratic socialist"


def test_relative_clause_speaker_is_its_antecedent(nlp) -> None:
    text = "Donald Trump is a serial liar and a bully who has repeatedly pledged to ban all Muslims."
    (_, attr), *_ = _run(nlp, text)
    assert attr.speaker is not None and attr.speaker.name == "Donald Trump"


def test_adding_to_a_lead_is_not_speech(nlp) -> None:
    text = "Hillary Clinton is adding to her delegate lead after victories in Alabama and Tennessee."
    (_, attr), *_ = _run(nlp, text)
    assert attr.speaker is None


def test_participle_frame_continues_the_speaker_of_the_sentence(nlp) -> None:
    text = "Professor Park also said, “A structure could be drawn at a certain level,” adding, “China may act.”"
    results = _run(nlp, text)
    assert len(results) == 2
    second = results[1][1]
    assert second.speaker is not None and second.speaker.mention == "Professor Park"
    assert second.cue is not None and second.cue.text == "adding"


SAMPLE_SPEAKERS = {
    "Some speculate": ("some", "anonymous"),
    "According to the Chinese Ministry": ("Chinese Ministry of Foreign Affairs", "organization"),
    "The general view of related experts": ("related experts", "group"),
    "Park Won-gon, a professor": ("Park Won-gon", "person"),
    "Professor Park said": ("Park Won-gon", "person"),
    "He added": ("Park Won-gon", "person"),
    "“It can be said": ("Park Won-gon", "person"),
    "However, some say": ("some", "anonymous"),
    "Professor Park also said": ("Park Won-gon", "person"),
    "adding, “Even if": ("Park Won-gon", "person"),
    "For this reason, some experts suggest": ("some experts", "anonymous"),
}


def test_sample_article_speakers(nlp, sample_text: str) -> None:
    results = _run(nlp, sample_text)
    for prefix, (name, stype) in SAMPLE_SPEAKERS.items():
        attr = _find(results, prefix)
        assert attr.speaker is not None, prefix
        assert (attr.speaker.name, attr.speaker.type) == (name, stype), prefix
    assert _find(results, "Park Won-gon, a professor").speaker.description == "a professor at Ewha Womans University"
    # author statements are not attributed, and no caption text is ever a speaker
    assert _find(results, "Prior to this").speaker is None
    cleaned = clean(sample_text)
    for _, attr in results:
        if attr.speaker is not None and attr.speaker.start is not None:
            assert cleaned.region_at(attr.speaker.start) is None


@pytest.mark.data
def test_polnear_dev_sample_precision_and_recall(shared_data, extractor) -> None:
    """The first 12 PolNeAR dev articles: a floor well under the full-dev figures in docs/attribution.md."""
    from claimkit.evaluate import run

    report = run(shared_data / "polnear" / "dev", "brat", extractor=extractor, limit=12, with_baselines=False)
    assert report.figure("attribution", "precision") >= 0.85
    assert report.figure("attribution", "content_recall") >= 0.6
    assert report.figure("attribution", "attribution_f1") >= 0.6


def test_agentless_passive_without_a_clause_is_not_a_report(nlp) -> None:
    # regression (Szeged dev): "better known to an audience" crashed, then became an unnamed source
    text = "Perhaps better known to a contemporary audience is the soap opera Neighbours, in which she starred."
    ((_, attr),) = _run(nlp, text)
    assert attr.speaker is None
    ((_, attr),) = _run(nlp, "The deal is expected to close next week.")
    assert attr.speaker is not None and attr.speaker.type == "anonymous"


def test_an_emoji_is_never_the_speaker(nlp) -> None:
    # regression (found by the Doccano round-trip texts): the parser made the emoji the subject
    text = "Dr. Ana Müller 👩‍🔬 said the results were clear.\n\n“It works,” said Müller 😀 on Monday."
    results = _run(nlp, text)
    assert [a.speaker.name for _, a in results] == ["Ana Müller", "Ana Müller"]
    assert [a.speaker.mention for _, a in results] == ["Dr. Ana Müller", "Müller"]


def test_a_frame_alone_is_not_a_statement_but_lends_its_speaker(extractor) -> None:
    from claimkit.records import Document

    text = "Cruz Rallies\n\nTed Cruz spoke in Houston on Monday.\n\nCruz also continued:\n\n“We will win this state.”"
    _, statements = extractor.extract_one(Document("f", text))
    assert [s.text for s in statements] == ["Ted Cruz spoke in Houston on Monday.", "“We will win this state.”"]
    assert statements[1].speaker is not None and statements[1].speaker.name == "Ted Cruz"
    assert [s.id for s in statements] == ["f:1", "f:2"]


def test_poll_respondents_counted_in_percent_are_speakers(nlp) -> None:
    from claimkit import pipeline
    from claimkit.records import Document

    text = "Another 19 percent of voters said they would not pick either candidate. The share of cases rose."
    first, second = pipeline.build(Document("t", text), nlp(text))[1]
    assert first.speaker is not None and first.cue.lemma == "say"
    assert "percent" in first.speaker.mention and first.speaker.type == "group"
    assert second.speaker is None  # "The number of cases suggests" stays without a speaker


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ('"Will we finish by June? Probably not," Ms. Okafor said.', "Ms. Okafor"),
        ('"Absolutely not," he said of the rumours about the merger.', "he"),
    ],
)
def test_a_negation_inside_the_quotation_does_not_negate_the_cue(nlp, text: str, mention: str) -> None:
    attr = _run(nlp, text)[-1][1]
    assert attr.speaker is not None and attr.speaker.mention == mention
    assert attr.cue is not None and attr.cue.lemma == "say"


def test_a_negated_report_still_reports_nothing(nlp) -> None:
    attr = _run(nlp, "The council would not say when the pool reopens.")[0][1]
    assert attr.speaker is None and attr.cue is None


@pytest.mark.parametrize("verb", ["hopes", "hoped", "is hoping"])
def test_hope_is_an_attitude_cue_in_every_form(nlp, verb: str) -> None:
    # the parser lemmatises "hopes" as "hop"
    attr = _run(nlp, f"The coach {verb} to sign two new defenders this winter.")[0][1]
    assert attr.speaker is not None and attr.speaker.mention == "The coach"
    assert attr.cue is not None and attr.cue.lemma == "hope"


def test_a_name_after_said_speaks_when_the_parser_hung_it_elsewhere(nlp) -> None:
    # the parse of '"...," said David Brock, a confidant who heads the PAC Correct the Record',
    # made by hand: "Brock" is the subject of "Correct", "said" has none
    from spacy.tokens import Doc

    from claimkit.attribution import _inverted_subject, subject_of
    from claimkit.quotes import find_quotes

    words = ['"', "We", "win", ",", '"', "said", "Ann", "Brock", ",", "who", "heads", "Correct", "the", "Record"]
    heads = [2, 2, 5, 5, 5, 5, 7, 11, 7, 10, 7, 5, 13, 11]
    deps = ["punct", "nsubj", "ccomp", "punct", "punct", "ROOT", "compound", "nsubj", "punct", "nsubj", "relcl"]
    deps += ["ccomp", "det", "dobj"]
    tags = ["``", "PRP", "VBP", ",", "''", "VBD", "NNP", "NNP", ",", "WP", "VBZ", "VB", "DT", "NNP"]
    pos = ["PUNCT", "PRON", "VERB", "PUNCT", "PUNCT", "VERB", "PROPN", "PROPN", "PUNCT", "PRON", "VERB", "VERB"]
    pos += ["DET", "PROPN"]
    spaces = [False, True, False, False, True, True, True, False, True, True, True, True, True, False]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, tags=tags, pos=pos)
    quotes = find_quotes(doc.text)
    said = doc[5]
    assert subject_of(said, quotes) is None
    assert _inverted_subject(said, quotes).text == "Brock"
    assert _inverted_subject(doc[11], quotes) is None  # not after a quotation


def test_a_named_poll_reports_its_sentence(nlp) -> None:
    text = "In a Harbor Daily poll released Monday, 41 percent of residents said the ferry should stay."
    attr, parts = _first_with_content(nlp, text)
    assert attr.cue is not None and attr.cue.text == "In"
    assert attr.source is not None and attr.source.type == "document"
    assert parts == ["41 percent of residents said the ferry should stay"]


@pytest.mark.parametrize(
    "text",
    [
        "The governor is still leading in the polls.",  # polls in general
        "The mayor said in a poll of residents that most wanted the ferry.",  # the mayor reports
    ],
)
def test_polls_in_general_or_a_speaker_reporting_them_are_not_the_poll_cue(nlp, text: str) -> None:
    attr = _run(nlp, text)[0][1]
    assert attr.cue is None or attr.cue.text != "in"


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        ("The coach talked about the injuries of his two strikers.", "talked", "The coach"),
        ("Senator Ruiz spoke of the legacy of the mining towns.", "spoke", "Senator Ruiz"),
        ("A federal judge ordered the agency to release the emails.", "ordered", "A federal judge"),
        ("The actor likened the campaign to a circus.", "likened", "The actor"),
    ],
)
def test_talking_about_a_topic_and_orders_are_attributions(nlp, text: str, cue: str, speaker: str) -> None:
    attr = _run(nlp, text)[0][1]
    assert attr.cue is not None and attr.cue.text == cue
    assert attr.speaker is not None and attr.speaker.mention == speaker


def test_talking_with_someone_reports_nothing(nlp) -> None:
    attr = _run(nlp, "The mayor talked with reporters outside city hall on Monday.")[0][1]
    assert attr.speaker is None and attr.cue is None


def test_seeing_something_as_something_is_an_attitude(nlp) -> None:
    attr = _run(nlp, "In the valley, farmers see the new dam as a threat to their wells.")[0][1]
    assert attr.cue is not None and attr.cue.text == "see"
    assert attr.speaker is not None and attr.speaker.mention == "farmers"
    assert _run(nlp, "The mayor saw the parade on Monday.")[0][1].cue is None  # perception, not an attitude


def test_a_parenthetical_report_is_the_outermost_attribution(nlp) -> None:
    attr, parts = _first_with_content(nlp, "Still, he said, officials have to decide who gets extra scrutiny.")
    assert attr.cue is not None and attr.cue.text == "said"  # not "decide" inside what he said
    assert attr.speaker is not None and attr.speaker.mention == "he"
    assert parts[-1] == "officials have to decide who gets extra scrutiny"


def test_a_pull_quote_with_a_name_line_under_it_is_that_persons(extractor) -> None:
    from claimkit.records import Document

    text = (
        "Nurses Ask For More Staff\n\nMorgan Lake, a nurse, asked the board for more staff on Monday.\n\n"
        "“We have to do better for our patients.”\n\nMorgan Lake\n\n"
        "The board meets again in May.\n\n“It was a long night.”\n\nThe board did not reply."
    )
    _, statements = extractor.extract_one(Document("p", text))
    by_text = {s.text: s for s in statements}
    assert "Morgan Lake" not in by_text  # the name line is no statement
    pull = by_text["“We have to do better for our patients.”"]
    assert pull.speaker is not None and pull.speaker.name == "Morgan Lake" and pull.quote == "direct"
    assert text[pull.speaker.start : pull.speaker.end] == "Morgan Lake" and pull.speaker.start > pull.end
    assert by_text["“It was a long night.”"].speaker is None  # no name line under it


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        (
            "Marta Quill, the former treasurer, criticized the council's plan, which an audit said was “far too costly.”",
            "criticized",
            "Quill",
        ),
        (
            "Asked whether the season had been hard, coach Dana Pruitt said: “Of course. We lost six games.”",
            "said",
            "Pruitt",
        ),
    ],
)
def test_a_report_below_another_in_the_parse_leaves_the_statement_to_the_outer_one(
    nlp, text: str, cue: str, speaker: str
) -> None:
    attr = _run(nlp, text)[0][1]
    assert attr.cue is not None and attr.cue.text.startswith(cue)
    assert attr.speaker is not None and attr.speaker.name.endswith(speaker)


LABELS = (
    "Okafor: Port deal will not survive the winter.\n\n"
    "The minister spoke to reporters on Monday.\n\n"
    "Rubio: Finish second.\n\n"
    "UPDATE: The road reopened on Tuesday.\n\n"
    "Clinton: 547.\n\n"
    "FERRY FARES ARE RISING FASTER THAN WAGES - Priya Nand: “The fare has doubled since 2019 and wages have not.”\n\n"
    "Stated Holm: “Nobody at the port wants this.”\n"
)


def test_a_name_and_a_colon_credit_a_headline_or_a_quotation(nlp) -> None:
    results = _run(nlp, LABELS)
    first = _find(results, "Okafor:")
    assert first.speaker is not None and first.speaker.name == "Okafor"
    assert first.cue is not None and first.cue.text == ":" and first.quote == "indirect"
    nand = _find(results, "FERRY")
    assert nand.speaker is not None and nand.speaker.name == "Priya Nand"
    assert nand.cue is not None and nand.cue.text == ":" and nand.quote == "direct"
    holm = _find(results, "Stated")
    assert holm.speaker is not None and holm.speaker.mention == "Holm"
    assert holm.cue is not None and holm.cue.text == "Stated"


@pytest.mark.parametrize("prefix", ["Rubio", "Finish", "UPDATE", "The road", "Clinton"])
def test_a_section_heading_a_heading_word_or_a_number_after_a_colon_is_nobody_speaking(nlp, prefix: str) -> None:
    results = _run(nlp, LABELS)
    assert all(a.speaker is None for t, a in results if t.startswith(prefix))


def test_a_name_and_its_apposition_before_said_speak_when_the_parser_gave_said_no_subject(nlp) -> None:
    # the parse of "Alarmed by unrest in Ravenna, Senator Lila Moreau, the chair, said that
    # levees failed.", made by hand: "Moreau" is a conjunct of the place, "said" has no subject
    from spacy.tokens import Doc

    from claimkit.attribution import _name_before, subject_of

    words = ["Alarmed", "by", "unrest", "in", "Ravenna", ",", "Senator", "Lila", "Moreau", ",", "the", "chair", ","]
    words += ["said", "that", "levees", "failed", "."]
    heads = [13, 0, 1, 2, 3, 8, 8, 8, 4, 8, 11, 8, 13, 13, 16, 16, 13, 13]
    deps = ["advcl", "agent", "pobj", "prep", "pobj", "punct", "compound", "compound", "conj", "punct", "det", "appos"]
    deps += ["punct", "ROOT", "mark", "nsubj", "ccomp", "punct"]
    tags = ["VBN", "IN", "NN", "IN", "NNP", ",", "NNP", "NNP", "NNP", ",", "DT", "NN", ",", "VBD", "IN", "NNS", "VBD"]
    tags += ["."]
    pos = ["VERB", "ADP", "NOUN", "ADP", "PROPN", "PUNCT", "PROPN", "PROPN", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT"]
    pos += ["VERB", "SCONJ", "NOUN", "VERB", "PUNCT"]
    ents = ["O", "O", "O", "O", "B-GPE", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O", "O", "O", "O"]
    spaces = [True, True, True, True, False, True, True, True, False, True, True, False, True, True, True, True, False]
    doc = Doc(nlp.vocab, words=words, spaces=[*spaces, False], heads=heads, deps=deps, tags=tags, pos=pos, ents=ents)
    said = doc[13]
    assert subject_of(said, []) is None
    assert _name_before(said, []).text == "Moreau"
    assert _name_before(doc[16], []) is None  # "failed" has a subject and is no main verb


def test_a_share_with_a_percent_sign_speaks_for_the_people_a_poll_asked(nlp) -> None:
    attr = _run(nlp, "On housing, 42% say the city is too expensive, a new poll finds.")[0][1]
    assert attr.speaker is not None and attr.speaker.mention == "42%" and attr.speaker.type == "group"
    assert attr.cue is not None and attr.cue.text == "say"
    called = _run(nlp, "And 64 percent call the mayor competent.")[0][1]
    assert called.speaker is not None and called.speaker.mention == "64 percent"
    assert _run(nlp, "Twelve percent saw the parade.")[0][1].speaker is None


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        ("LISBON (Reuters) - Maria Costa said the harbor would reopen in May.", "Maria Costa", "Maria Costa"),
        (
            "DENVER, March 3 (UPI) — Former Mayor Tom Ellery told reporters that the vote was fair.",
            "Former Mayor Tom Ellery",
            "Tom Ellery",
        ),
        ("BOISE, Idaho - Gov. Ann Ruiz said the bridge was safe.", "Gov. Ann Ruiz", "Ann Ruiz"),
    ],
)
def test_a_dateline_is_never_the_speaker(nlp, text: str, mention: str, name: str) -> None:
    """The place of a dateline that opens a paragraph ("LISBON (Reuters) - X said") is not the
    subject: the speaker is the name after it, and the mention does not run over the dash."""
    attr = _run(nlp, text)[0][1]
    assert attr.speaker is not None
    assert (attr.speaker.mention, attr.speaker.name) == (mention, name)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Mayor Lena Ortiz also commented on the closure, saying, “We will reopen the pool in June.”", "saying"),
        ("The tenant agreed, but also contended that the landlord had ignored the leak.", "contended"),
        ("Asked whether the pool would reopen, Mayor Lena Ortiz said: “Not this summer.”", "said"),
    ],
)
def test_the_cue_that_introduces_the_content_wins_for_one_speaker(nlp, text: str, cue: str) -> None:
    """Of two cues of one speaker, one below the other, the statement's cue is the one that
    introduces a clause when the other has none; a question ("Asked whether") frames the answer."""
    attr = _run(nlp, text)[0][1]
    assert attr.cue is not None and attr.cue.text.split(":")[0] == cue


def test_the_fund_resolves_to_the_organisation_just_named(nlp) -> None:
    text = (
        "The Global Pension Fund said on Monday that it had sold its coal holdings.\n\n"
        "The sale leaves the portfolio without any mining shares.\n\n"
        "The fund warned that returns could fall next year."
    )
    later = _find(_run(nlp, text), "The fund warned").speaker
    assert later is not None and (later.name, later.type) == ("Global Pension Fund", "organization")


def test_an_unlinked_fund_is_an_organisation_not_a_person(nlp) -> None:
    speaker = _find(_run(nlp, "The fund said that returns would fall next year."), "The fund").speaker
    assert speaker is not None and speaker.type == "organization"


def test_second_reporting_verb_joined_to_a_modal_clause_keeps_the_first_speaker(nlp) -> None:
    # the parser joins "suggested" to "would close", whose subject is the mayor's city
    text = (
        "Mayor Lena Ortiz said this week that the city would formally declare its plan to close two libraries "
        "by the end of June and suggested that it would sell the buildings that have been a hallmark of the town."
    )
    assert {a.speaker.name for _, a in _run(nlp, text) if a.speaker is not None} == {"Lena Ortiz"}


@pytest.mark.parametrize(
    "text",
    [
        "The appeals court has rejected a request by the developer to delay the hearing.",
        "A county judge denied the motion to move the trial.",
    ],
)
def test_deciding_on_a_request_is_no_reporting_cue(nlp, text: str) -> None:
    attr = _run(nlp, text)[0][1]
    assert attr.speaker is None and attr.cue is None, text


def test_rejecting_a_claim_is_still_a_reporting_cue(nlp) -> None:
    attr = _run(nlp, "The mayor rejected the claim that the budget was late.")[0][1]
    assert attr.speaker is not None and attr.cue is not None and attr.cue.text == "rejected"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The senator compared the tax plan to a pyramid scheme.", "compared"),
        ("The campaign released a new video on Monday.", "released"),
        ("The ministry issued a warning about counterfeit vaccines.", "issued"),
    ],
)
def test_speech_put_as_an_object_is_reported(nlp, text: str, cue: str) -> None:
    attr = _run(nlp, text)[0][1]
    assert attr.speaker is not None and attr.cue is not None and attr.cue.text == cue, text


@pytest.mark.parametrize(
    "text",
    [
        "Turnout rose 12 percent compared with the last election.",
        "The party released its delegates before the convention.",
    ],
)
def test_an_act_with_nothing_said_is_no_report(nlp, text: str) -> None:
    attr = _run(nlp, text)[0][1]
    assert attr.cue is None or attr.speaker is None, text


def test_negated_speech_with_an_empty_object_reports_nothing(nlp) -> None:
    text = "The mayor and her staff haven't said much about how the budget will be balanced."
    (attr,) = [a for _, a in _run(nlp, text)]
    assert attr.cue is None
    # a negated verb with a real object is still a report of what was (not) said
    other = _find(_run(nlp, "The mayor did not mention the budget in her speech."), "The mayor")
    assert other.cue is not None and other.cue.lemma == "mention"


def test_the_authors_clause_beside_a_report_keeps_the_authors_voice(nlp) -> None:
    text = "The council may have raised the budget for the parks this year, but its members still oppose the plan."
    results = _run(nlp, text)
    assert _find(results, "The council").speaker is None
    assert _find(results, "but its members").speaker.mention == "its members"


def test_the_authors_first_person_holder_of_a_report_noun_is_the_authors_voice(nlp) -> None:
    assert _run(nlp, "My view is that the council will cut the budget again next spring.")[0][1].speaker is None
    assert _run(nlp, "Her view is that the council will cut the budget again next spring.")[0][1].speaker is not None
    quoted = "“My view is that the council will cut the budget,” the mayor said."
    assert _run(nlp, quoted)[0][1].speaker.mention == "the mayor"


def test_a_telling_to_come_is_no_hearsay(nlp) -> None:
    assert _run(nlp, "We are told that the council will cut the budget.")[0][1].cue is not None
    assert _run(nlp, "We’ll be told that the council will cut the budget.")[0][1].cue is None


@pytest.mark.parametrize(
    ("title", "mention", "cue"),
    [
        ("Mayor Okafor Says The Ferry Will Run All Winter", "Mayor Okafor", "Says"),
        ("Okafor: Ferry Fares Are Too High For Commuters", "Okafor", ":"),
    ],
)
def test_a_headline_someone_says_is_their_statement(nlp, title: str, mention: str, cue: str) -> None:
    from claimkit import pipeline
    from claimkit.records import Document

    text = f"{title}\n\nThe harbour ferry carried 4,000 riders on Monday.\n"
    first, second = pipeline.build(Document("t", text), nlp(text))[1]
    assert first.text == title
    assert first.speaker is not None and first.speaker.mention == mention
    assert first.cue is not None and first.cue.text == cue
    assert second.speaker is None


@pytest.mark.parametrize(
    "title",
    [
        "Ferry Fares Rise Again",
        # a speech verb whose object is the title's own noun says nothing: no cue without content
        "The ferry fare nobody wanted to explain",
        "The Levy Increase No One Wanted To Explain",
    ],
)
def test_a_headline_nobody_says_is_no_statement(nlp, title: str) -> None:
    from claimkit import pipeline
    from claimkit.records import Document

    text = f"{title}\n\nThe harbour ferry carried 4,000 riders on Monday.\n"
    (only,) = pipeline.build(Document("t", text), nlp(text))[1]
    assert only.text.startswith("The harbour ferry")


@pytest.mark.parametrize(
    "text",
    [
        "The governor appears to have the votes she needs.",
        "The bridge repairs seemed to drag on for months.",
        "It appears that the ferry schedule was changed.",
    ],
)
def test_an_appearance_is_reported_without_a_source(nlp, text: str) -> None:
    attr = _run(nlp, text)[0][1]
    assert attr.speaker is not None and attr.speaker.name == "unnamed source"
    assert attr.cue is not None and attr.cue.lemma in {"appear", "seem"}


@pytest.mark.parametrize(
    "text",
    [
        "The governor appeared on the radio on Sunday.",
        "It seems to me that the ferry is late.",
        "I seem to remember a longer bridge.",
        "The governor did not appear to notice the protest.",
    ],
)
def test_no_appearance_without_a_clause_or_with_a_holder(nlp, text: str) -> None:
    attr = _run(nlp, text)[0][1]
    assert attr.speaker is None or attr.speaker.name != "unnamed source", text


def test_a_headline_verb_the_parse_missed_names_the_words_before_it(nlp) -> None:
    from claimkit import pipeline
    from claimkit.records import Document

    text = "Harbour Union Chief Dana Ruiz Praises New Ferry Deal\n\nThe harbour ferry carried 4,000 riders.\n"
    first = pipeline.build(Document("t", text), nlp(text))[1][0]
    assert first.speaker is not None and first.speaker.mention.endswith("Dana Ruiz")
    assert first.cue is not None and first.cue.text == "Praises"


@pytest.mark.parametrize(
    ("word", "lemma"),
    [("Says", "say"), ("Praises", "praise"), ("Denies", "deny"), ("Warns", "warn"), ("Rises", None), ("says", None)],
)
def test_headline_verb_forms(word: str, lemma: str | None) -> None:
    from claimkit.attribution import _headline_verb

    assert _headline_verb(word) == lemma


@pytest.mark.parametrize(
    ("text", "prefix", "quote"),
    [
        # the author's words before a quotation ending in a comma: not “...,” he said
        (
            'Complaining about the "rigged count," Councilor Ida Marsh accused the clerk of hiding ballots.',
            "Complaining",
            "mixed",
        ),
        ('"The count was rigged," Councilor Ida Marsh said on Monday.', '"The count', "direct"),
        ('And "the count was rigged," Councilor Ida Marsh said on Monday.', 'And "the', "direct"),
        # a quoted name inside the author's words is not speech
        ('Councilor Ida Marsh praised the clerk during a "Meet-The-Voters" forum last week.', "Councilor", "indirect"),
        ('Councilor Ida Marsh called the plan "a slow disaster" on Monday.', "Councilor", "mixed"),
    ],
)
def test_quote_type_of_side_quotations_and_quoted_names(nlp, text: str, prefix: str, quote: str) -> None:
    attr = _find(_run(nlp, text), prefix)
    assert attr.speaker is not None and attr.speaker.name == "Ida Marsh"
    assert attr.quote == quote


def test_one_quoted_word_is_not_a_quoted_name(nlp) -> None:
    text = 'Councilor Ida Marsh said the survey never asks what a "Local" means to residents.'
    attr = _find(_run(nlp, text), "Councilor")
    assert attr.quote == "mixed"


def test_contrastive_while_keeps_the_second_report(extractor):
    from claimkit.records import Document

    text = "The governor praised the plan, while the mayor said the same of the bill."
    _, stmts = extractor.extract_one(Document("t", text))
    assert [(s.speaker.name if s.speaker else None, s.cue.text if s.cue else None) for s in stmts] == [
        ("governor", "praised"),
        ("mayor", "said"),
    ]


def test_only_a_while_after_its_main_clause_is_contrastive(nlp):
    from claimkit.attribution import _contrastive

    def mark(text: str):
        return next(t for t in nlp(text) if t.lower_ == "while")

    assert _contrastive(mark("The governor praised the plan, while the mayor said the same of the bill."))
    assert not _contrastive(mark("While the mayor spoke about the bill, the governor left the room."))
    assert _contrastive(
        mark('Half agreed the plan was "good enough to pass," while a third said the same of the bill.')
    )
