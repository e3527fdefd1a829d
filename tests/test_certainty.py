"""Certainty cues: one test per cue type, sense filters, scope, holder, score and label."""

from __future__ import annotations

import pytest

from claimkit.attribution import Attribution
from claimkit.certainty import assess, find_cues, label_for, score_cues
from claimkit.data import certainty as lex
from claimkit.quotes import find_quotes
from claimkit.records import CertaintyCue, Document
from claimkit.segment import Candidate


def cues_of(nlp, text: str) -> list[CertaintyCue]:
    """The cues the rules find in ``text`` taken as one author's statement (no learned cue model)."""
    doc = nlp(text)
    return find_cues(doc, Candidate(0, len(text), 0, len(text), find_quotes(text)), Attribution(), learned=False)


def types(nlp, text: str) -> list[tuple[str, str]]:
    return [(c.text, c.type) for c in cues_of(nlp, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # modal
        ("The talks may resume next week.", [("may", "modal")]),
        ("A structure could be drawn at a certain level.", [("could", "modal")]),
        ("Emissions near the terminal could rise by 18 percent.", [("could", "modal")]),
        ("The burden would have been great.", [("would", "modal")]),
        # speculative
        ("Analysts predict a fall in prices.", [("predict", "speculative")]),
        ("Some speculate that this is a warm-up effort.", [("speculate", "speculative")]),
        (
            "There are predictions that it will continue to seek closer ties.",
            [("There are predictions", "speculative"), ("will", "prediction")],
        ),
        # doxastic
        ("He is considered one of the best players.", [("considered", "doxastic")]),
        ("Officials believe that the plan failed.", [("believe", "doxastic")]),
        # evidential
        ("It appears that the unions made gains.", [("appears", "evidential")]),
        ("The minister reportedly resigned.", [("reportedly", "evidential")]),
        # hedge
        ("The fire was probably caused by a cigarette.", [("probably", "hedge")]),
        ("It is possible that he left early.", [("possible", "hedge")]),
        # conditional
        ("If the war ends, the border reopens.", [("If", "conditional")]),
        ("Unless talks resume, the strike goes on.", [("Unless", "conditional")]),
        # investigation
        ("Police are examining whether the fire was arson.", [("whether", "investigation")]),
        ("He asked if the plan worked.", [("if", "investigation")]),
        ("The slowdown raises questions about the economy.", [("raises questions", "investigation")]),
        # question
        ("Has the three-party solidarity started?", [("?", "question")]),
        # negated certainty
        (
            "The possibility of a deal cannot be ruled out.",
            [("possibility", "hedge"), ("cannot be ruled out", "negated_certainty")],
        ),
        ("There is no way to avoid criticism.", [("no way to avoid", "negated_certainty")]),
        ("It is unclear when the bridge opened.", [("unclear", "negated_certainty")]),
        # booster
        ("The report clearly shows a decline.", [("clearly", "booster")]),
        # prediction
        ("Russia will continue to seek closer ties.", [("will", "prediction")]),
        # a deadline is no appointment: "will ... by March 1" is a forecast, "on Tuesday" a schedule
        ("The repairs will be finished by March 1.", [("will", "prediction")]),
        ("The council will vote on Tuesday.", []),
    ],
)
def test_cue_types(nlp, text, expected):
    assert types(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The meeting was held in May.",  # the month, not the modal
        "She can swim across the lake.",  # ability
        "He could not attend the meeting.",  # past inability
        "He would later become president.",  # narrative future-in-the-past
        "Considering the weather, the game went ahead.",  # "considering" = given
        "Religious beliefs shaped the town.",  # a belief noun without a clause
        "He appeared in the film in 1999.",  # appear = show up
        "Reply as soon as possible.",  # fixed expression
        "Three possible dates were listed.",  # attributive "possible"
        "She looked as if she had seen a ghost.",  # comparison, not condition
        "The prime minister will visit Beijing on the 19th and 20th.",  # scheduled plan
        "Mishustin plans to visit Beijing for two days.",  # announced plan
        "Players will often complete their phase in the same hand.",  # habit
        "The bank cut its forecast for export growth to 2 percent.",  # a figure someone owns, not a guess
        "The ministry revised the agency's forecast of tax revenue on Monday.",  # same, with a possessor name
        "The toll is a figure unknown to most residents.",  # they do not know it; not uncertain
        "The agency could be doing more to help families.",  # a call for more effort, not a guess
        "The league can do better.",  # same
        "Among likely voters, the mayor leads her rival by 51 percent to 45 percent.",  # a poll's population
        "The likely voter sample is 702, with a margin of error of 4 points.",  # same, before a compound
    ],
)
def test_not_cues(nlp, text):
    assert [c for c in cues_of(nlp, text) if c.type != "booster"] == []


def test_could_do_more_harm_is_still_a_possibility(nlp):
    assert [c.type for c in cues_of(nlp, "The storm could do more harm to the coast.")] == ["modal"]


def test_likely_before_another_noun_is_still_a_hedge(nlp):
    assert [c.type for c in cues_of(nlp, "The senator is the likely nominee of her party.")] == ["hedge"]


def test_would_with_if_clause_is_conditional(nlp):
    assert ("would", "conditional") in types(nlp, "If prices rose, sales would fall.")


@pytest.mark.parametrize(
    ("text", "cue_type"),
    [
        ("Without the grant, the clinic would close.", "conditional"),
        ("The club would have folded without the loan.", "conditional"),
        ("He said he would leave without a word.", "prediction"),  # manner, not a condition
    ],
)
def test_without_is_the_condition_of_a_modal(nlp, text, cue_type):
    assert ("would", cue_type) in types(nlp, text)


@pytest.mark.parametrize(
    ("text", "without"),
    [
        ("The club would have folded without the loan.", True),
        ("Without the grant, the clinic would close.", True),
        ("He said he would leave without a word.", False),  # manner
        ("The ferry left without its captain.", False),  # no modal: no condition
    ],
)
def test_a_without_condition_is_a_cue_as_if_is(nlp, text, without):
    """A counterfactual "without" phrase is as uncertain as an if-clause: both count."""
    assert (("without", "conditional") in [(w.lower(), t) for w, t in types(nlp, text)]) is without


def test_without_and_if_counterfactuals_get_the_same_label(extractor):
    labels = [
        st.certainty.label
        for text in (
            "Fans say the club would have folded without the loan.",
            "Fans say the club would have folded if the bank had said no.",
        )
        for st in extractor.extract_one(Document("cf", text))[1]
    ]
    assert labels == ["possible", "possible"]


@pytest.mark.parametrize(
    ("text", "estimate"),
    [
        # "would" of what an action takes is an estimate, a forecast
        ("At this rate, it would take forty years to pave every road.", True),
        ("It would cost the town $3 million to rebuild the pier.", True),
        # the narrative "would" is no cue
        ("The road would take them to the coast.", False),
        ("Every summer she would take the ferry to the island.", False),
    ],
)
def test_would_of_an_estimate_is_a_prediction(nlp, text, estimate):
    assert (("would", "prediction") in types(nlp, text)) is estimate


def test_scope_main_versus_relative_clause(nlp):
    main = cues_of(nlp, "The company may be sold.")
    embedded = cues_of(nlp, "The company, which may be sold, reported profits.")
    assert [c.scope for c in main] == ["main"]
    assert [c.scope for c in embedded] == ["embedded"]
    # an embedded cue still makes the statement less than certain, but less so
    assert score_cues(main) < score_cues(embedded) < 1.0


def test_scope_reported_content_is_main(nlp):
    # the walk up the tree stops at the reporting verb's complement
    (cue,) = cues_of(nlp, "Park said that China may act on its own.")
    assert cue.text == "may" and cue.scope == "main"


def test_reported_content_of_a_relative_clause_is_embedded(nlp):
    # "it said" frames the modal's clause but itself sits in a relative clause of "effect"
    (cue,) = cues_of(nlp, "The report described the effect it said the new rule would have on farmers.")
    assert (cue.text, cue.scope) == ("would", "embedded")
    # a report inside a report is still the main assertion
    (cue,) = cues_of(nlp, "Park said Kim told him that China may act on its own.")
    assert (cue.text, cue.scope) == ("may", "main")


def test_modal_in_a_clause_under_a_relative_clause_is_embedded(nlp):
    # "who could run" is the complement of "decided", itself in a relative clause: the walk
    # goes on past a complement that no reporting verb frames
    (cue,) = cues_of(nlp, "Voters rejected the rules that decided who could run for the board.")
    assert (cue.text, cue.scope) == ("could", "embedded")


@pytest.mark.parametrize(
    "text",
    [
        "The permit, which could be revoked, was granted on Friday.",
        "The agency published the letters, which could embarrass the governor, on Tuesday.",
        "The council repealed a rule that determined which shops could open on Sundays.",
    ],
)
def test_embedded_could_leaves_the_main_claim_a_fact(extractor, text):
    _, (st,) = extractor.extract_one(Document("e", text))
    assert [(c.text, c.scope) for c in st.certainty.cues] == [("could", "embedded")]
    assert st.certainty.label == "probable"
    assert st.kind != "speculation"


@pytest.mark.parametrize(
    "text",
    [
        "The judge ruled on whether the files should be released.",
        "The panel decided whether the tender would be reopened.",
    ],
)
def test_decided_question_is_an_embedded_investigation(extractor, text):
    # Szeged marks "whether" after a verb of deciding as an investigation cue, so the sentence
    # is not certain; but the decision is what the statement asserts, not a guess
    _, (st,) = extractor.extract_one(Document("q", text))
    whether = [c for c in st.certainty.cues if c.text == "whether"]
    assert [(c.type, c.scope) for c in whether] == [("investigation", "embedded")]
    assert st.certainty.label == "probable"
    assert st.kind != "speculation"


@pytest.mark.parametrize(
    "text",
    [
        "Neighbours are waiting to see whether the pier reopens.",
        "Voters will be watching to see if the mayor keeps her word.",
    ],
)
def test_question_of_a_purpose_infinitive_is_embedded(nlp, text):
    # the statement asserts the waiting; the question stays open inside it
    (cue,) = [c for c in cues_of(nlp, text) if c.text in {"whether", "if"}]
    assert (cue.type, cue.scope) == ("investigation", "embedded")


def test_asked_question_stays_main(nlp):
    (cue,) = cues_of(nlp, "The inspector asked whether the pier had been closed.")
    assert cue.scope == "main"


@pytest.mark.parametrize(
    ("text", "kind", "cue_type"),
    [
        # doubt about something: the speaker's view, not an open question
        ("Senator Ruth Alvarez has questioned the need for a second bridge.", "opinion", "doxastic"),
        ("Senator Ruth Alvarez questioned whether the bridge was needed.", "speculation", "investigation"),
    ],
)
def test_questioned_with_an_object_is_a_doubt(extractor, text, kind, cue_type):
    _, (st,) = extractor.extract_one(Document("qd", text))
    assert st.kind == kind
    assert [c.type for c in st.certainty.cues if c.text == "questioned"] == [cue_type]


def test_examined_question_stays_main(nlp):
    (cue,) = cues_of(nlp, "Inspectors are checking whether the dam leaked.")
    assert (cue.text, cue.type, cue.scope) == ("whether", "investigation", "main")
    assert label_for(score_cues([cue])) == "possible"


def test_an_embedded_cue_alone_keeps_the_statement_probable():
    cue = CertaintyCue("whether", 0, 7, "investigation", "author", "embedded")
    assert score_cues([cue]) == 1.0 - lex.EMBEDDED_MAX_DISCOUNT
    assert label_for(score_cues([cue])) == "probable"


def test_conditional_scope_is_the_main_clause(nlp):
    (cue,) = cues_of(nlp, "If the war ends, a structure is drawn.")
    assert cue.scope == "main"


def test_cues_only_inside_the_candidate(nlp):
    text = "The talks may resume. The minister arrived on Monday."
    doc = nlp(text)
    second = text.index("The minister")
    assert find_cues(doc, Candidate(second, len(text), second, len(text)), Attribution()) == []


def test_holders_quote_and_frame(extractor):
    text = "Some speculate that this may be a warm-up. Park said, “China may act as its own response.”"
    _, statements = extractor.extract_one(Document("h", text))
    first, second = statements
    holders = {c.text: c.holder for c in first.certainty.cues}
    assert holders == {"speculate": "author", "may": "speaker"}
    assert [(c.text, c.holder) for c in second.certainty.cues] == [("may", "speaker")]


def test_author_hedge_holder(extractor):
    _, (st,) = extractor.extract_one(Document("a", "The minister probably resigned."))
    assert [(c.text, c.holder) for c in st.certainty.cues] == [("probably", "author")]


def test_label_thresholds():
    assert [label_for(s) for s in (1.0, 0.9, 0.89, 0.6, 0.59, 0.3, 0.29, 0.0)] == [
        "certain",
        "certain",
        "probable",
        "probable",
        "possible",
        "possible",
        "unknown",
        "unknown",
    ]


def test_labels_by_strength(nlp):
    def label(text: str) -> str:
        doc = nlp(text)
        return assess(doc, Candidate(0, len(text), 0, len(text)), Attribution(), learned=False).label

    assert label("The bridge opened in 1990.") == "certain"
    assert label("The bridge probably opened in 1990.") == "probable"
    assert label("The bridge may open next year.") == "possible"
    assert label("It is unclear whether the bridge will open.") == "unknown"
    # a weasel phrase alone is visible but keeps the statement certain
    assert label("He is said to be rich.") == "certain"


def test_booster_does_not_exceed_one(nlp):
    text = "The report clearly shows a decline."
    cert = assess(nlp(text), Candidate(0, len(text), 0, len(text)), Attribution(), learned=False)
    assert cert.score == 1.0 and cert.label == "certain"


def test_cue_types_are_in_the_schema_enum():
    from claimkit.schema import load_schema

    schema = load_schema("statement")
    allowed = set(schema["properties"]["certainty"]["properties"]["cues"]["items"]["properties"]["type"]["enum"])
    used = set(lex.WORD_CUES.values()) | set(lex.PHRASE_CUES.values()) | set(lex.CUE_WEIGHTS)
    used |= {"modal", "conditional", "prediction", "question"}
    assert used <= allowed


def test_offsets_point_into_the_text(extractor, sample_text):
    _, statements = extractor.extract_one(Document("s", sample_text))
    cues = [c for st in statements for c in st.certainty.cues]
    assert len(cues) >= 10
    for c in cues:
        assert sample_text[c.start : c.end] == c.text


@pytest.mark.data
def test_szeged_heldout_slice_beats_target_and_lexicon(shared_data, extractor):
    """Regression on real text: the first 150 held-out Szeged articles (about 670 sentences)."""
    from claimkit.evaluate import run

    r = run(shared_data / "szeged" / "wiki.xml", "szeged", extractor=extractor, split="test", limit=150)
    ours, lexicon = r.tables["certainty"]["claimkit"], r.tables["certainty"]["baseline:hedge-lexicon"]
    assert ours["sentences"] > 500
    assert ours["f1"] >= 0.62 and ours["f1"] > lexicon["f1"] + 0.05


# --- the learned parts (claimkit/certainty_model.py) -----------------------------------------


def test_shipped_certainty_model_loads_with_both_parts():
    from claimkit import certainty_model

    model = certainty_model.load_model()
    assert model is not None and set(model) == {"cue", "score", "meta"}
    assert len(model["cue"]["vector_weights"]) == 96 and 0.0 < model["cue"]["threshold"] < 1.0
    assert len(model["cue"]["weights"]) > 100 and "score_weight" in model["score"]
    assert "test" not in model["meta"]["trained_on"].replace("val never read", "")


def test_reported_would_is_a_prediction_and_keeps_certainty(nlp):
    """A reported "would" ("said it would close") is a plain future in the past: kind speculation, certainty untouched."""
    cues = cues_of(nlp, "The company said it would close the plant.")
    assert [(c.text, c.type) for c in cues] == [("would", "prediction")]
    assert score_cues(cues) == 1.0 and label_for(score_cues(cues)) == "certain"


def test_could_not_of_inability_is_no_cue(nlp):
    assert types(nlp, "The mayor could not be reached for comment.") == []
    assert types(nlp, "He could not have known the plan.") == [("could", "modal")]


def test_calibration_features_leave_topic_nouns_out(nlp):
    """The score calibration reads how a statement is phrased, not what it is about."""
    from claimkit import certainty_model

    doc = nlp("The drug may reduce deaths by 15 percent.")
    feats = certainty_model.statement_features(doc[:], [])
    assert {"w=may", "w=reduce", "t=MD", "t=NNS", "nocue"} <= feats
    assert not {"w=drug", "w=death", "w=15", "w=percent"} & feats


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Further work is needed to confirm the link.", {"open_question"}),
        ("The findings warrant additional trials.", {"open_question"}),
        ("Our understanding of the process is still limited.", {"open_question"}),
        ("New roads are needed in the city.", set()),
        ("Our understanding of the process has grown.", set()),
        ("Roughly 300 people attended the meeting.", {"approximator"}),
        ("The council met 300 people.", set()),
        ("The drug does not fully explain the drop in deaths.", {"partial_negation"}),
        ("The drug does not explain the drop in deaths.", set()),
    ],
)
def test_calibration_reads_hedging_that_is_no_cue(nlp, text, expected):
    """A call for more research, a gap in knowledge, an approximator and a negated degree make a
    reader rate a finding less certain; they are calibration features, not cues."""
    from claimkit import certainty_model

    feats = certainty_model.statement_features(nlp(text)[:], [])
    assert feats & {"open_question", "approximator", "partial_negation"} == expected
    assert cues_of(nlp, text) == []


def test_calibration_lowers_a_call_for_more_research(nlp):
    from claimkit import certainty_model

    part = certainty_model.load_model()["score"]
    assert all(part["weights"][f] < 0 for f in ("open_question", "approximator", "partial_negation"))
    hedged, plain = nlp("More studies are needed."), nlp("More roads are needed.")
    assert certainty_model.calibrate(hedged[:], [], 1.0) < certainty_model.calibrate(plain[:], [], 1.0)


def test_score_training_penalises_the_no_cue_hedges_less():
    """The hedge features' columns are scaled (a weaker ridge penalty); the shipped weight is
    that of the binary feature, so the scale is undone on the coefficient."""
    pytest.importorskip("sklearn")
    from claimkit import certainty_model
    from claimkit.train_certainty import _column_scales

    vocab = ["w=may", certainty_model.OPEN_QUESTION, "t=MD", certainty_model.APPROXIMATOR]
    scales = _column_scales(vocab, len(vocab) + 3, 3.0)
    assert list(scales) == [1.0, 3.0, 1.0, 3.0, 1.0, 1.0, 1.0]


def test_certainty_model_can_be_swapped_for_training(nlp):
    """``use()`` puts a model in place: a cue model that rejects everything leaves the rules' words out."""
    from claimkit import certainty, certainty_model

    text = "The bridge may open next year."
    doc = nlp(text)
    cand = Candidate(0, len(text), 0, len(text), find_quotes(text))
    reject_all = {"cue": {"bias": -50.0, "weights": {}, "vector_weights": [], "threshold": 0.5}, "score": None}
    certainty_model.use(reject_all)
    try:
        assert certainty.find_cues(doc, cand, Attribution()) == []
        assert certainty.assess(doc, cand, Attribution()).label == "certain"
    finally:
        certainty_model.use(None)
    assert [c.text for c in certainty.find_cues(doc, cand, Attribution(), learned=False)] == ["may"]


def test_calibrated_score_is_in_unit_range_and_ranks_hedges_lower(extractor):
    def score(text: str) -> float:
        _, statements = extractor.extract_one(Document("s", text))
        return min(s.certainty.score for s in statements)

    firm = score("The drug cut deaths by 15 percent in the trial.")
    hedged = score("The drug might possibly reduce deaths, the results suggest.")
    assert 0.0 <= hedged < firm <= 1.0


def test_cue_model_judges_a_reported_would(nlp):
    """A reported "would" the cue model takes is a modal; one it rejects stays a prediction (for the kind)."""
    from claimkit import certainty, certainty_model

    text = "Analysts said the merger would create a new company."
    doc = nlp(text)
    cand = Candidate(0, len(text), 0, len(text), find_quotes(text))
    would = doc[[t.lower_ for t in doc].index("would") : [t.lower_ for t in doc].index("would") + 1]
    assert certainty_model.judged(would, "prediction")
    assert not certainty_model.judged(doc[0:1], "booster")
    take, reject = (
        {"cue": {"bias": b, "weights": {}, "vector_weights": [], "threshold": 0.5}, "score": None}
        for b in (50.0, -50.0)
    )
    try:
        certainty_model.use(take)
        assert [(c.text, c.type) for c in certainty.find_cues(doc, cand, Attribution())] == [("would", "modal")]
        assert certainty.assess(doc, cand, Attribution()).label != "certain"
        certainty_model.use(reject)
        assert [(c.text, c.type) for c in certainty.find_cues(doc, cand, Attribution())] == [("would", "prediction")]
        assert certainty.assess(doc, cand, Attribution()).label == "certain"
    finally:
        certainty_model.use(None)


def test_cue_model_leaves_the_rules_could_alone(nlp):
    """The rules' "could" ("could rise") is kept as found; a negated one the rules rejected is judged."""
    from claimkit import certainty_model

    doc = nlp("Rates could rise.")
    assert not certainty_model.judged(doc[1:2], "modal", by_rule=True)
    assert certainty_model.judged(doc[1:2], "modal", by_rule=False)
    assert [c.text for c in cues_of(nlp, "I could not confirm that figure.")] == []


def test_cue_features_say_where_the_clause_sits(nlp):
    """The cue model sees whether a candidate is in the sentence's own clause or in reported
    content, and the subject and negation of its verb."""
    from claimkit import certainty_model

    def feats(text: str, word: str) -> set[str]:
        doc = nlp(text)
        i = [t.lower_ for t in doc].index(word)
        tok = doc[i : i + 1]
        cue = CertaintyCue(tok.text, tok.start_char, tok.end_char, "modal", "author", "main")
        return certainty_model.cue_features(tok, cue, True)

    main = feats("The plant may close next month.", "may")
    assert {"w=may/sroot=True", "w=may/reported=False"} <= main
    reported = feats("The owners said the plant would close next month.", "would")
    assert {"w=would/sroot=False", "w=would/reported=True", "rep_tag=VBD"} <= reported
    negated = feats("We did not expect a fall in prices.", "expect")
    assert {"w=expect/vneg", "w=expect/subj=we"} <= negated


def test_sentence_counts_of_one_document():
    """A sentence is uncertain when one of its statements is not certain (the eval's rule)."""
    from claimkit.evaluate.gold import GoldDoc, GoldSentence
    from claimkit.evaluate.metrics.certainty import sentence_counts

    text = "It may rain. It rained. It will rain."
    gold = GoldDoc(
        Document("d", text),
        "d",
        sentences=[
            GoldSentence(0, 12, "uncertain"),
            GoldSentence(13, 23, "certain"),
            GoldSentence(24, 37, "uncertain"),
        ],
    )
    statements = [
        {"start": 0, "end": 12, "certainty": {"label": "possible"}},
        {"start": 13, "end": 23, "certainty": {"label": "probable"}},
        {"start": 24, "end": 37, "certainty": {"label": "certain"}},
    ]
    counts, right = sentence_counts(gold, statements)
    assert (counts.tp, counts.fp, counts.fn, right) == (1, 1, 1, 1)


def test_candidate_words_for_the_cue_model(nlp):
    """Words the rules never take alone ("alleged", "estimates" by its lemma) are candidates the
    cue model judges, not cues of the rules."""
    from claimkit.certainty import _scan

    for text, word, ctype in [
        ("The alleged fraud cost the bank a fortune.", "alleged", "doxastic"),
        ("The firm estimates the repairs at five million dollars.", "estimates", "hedge"),
    ]:
        doc = nlp(text)
        found = [(t.text, c, by_rule) for t, c, by_rule in _scan(doc[:], candidates=True)]
        assert (word, ctype, False) in found
        assert word not in [t.text for t, _, _ in _scan(doc[:])]


def test_calibration_reads_the_cue_models_probabilities(nlp):
    """The score part's dense inputs are the sum and the maximum of the cue model's probabilities:
    more hedge mass, a lower score; the rules-only cues judge nothing."""
    from claimkit import certainty, certainty_model

    part = certainty_model.load_model()["score"]
    assert len(part["vector_weights"]) == 2 and part["vector_weights"][0] < 0
    text = "The new drug might possibly reduce deaths, the authors suggest."
    doc = nlp(text)
    cand = Candidate(0, len(text), 0, len(text), find_quotes(text))
    cues, judged = certainty.weighed_cues(doc, cand, Attribution())
    assert sum(p for _, p in judged) > 0.5 and certainty.weighed_cues(doc, cand, Attribution(), learned=False)[1] == []
    assert any(f.startswith("p=") for f in certainty_model.statement_features(doc[:], cues, judged))
    rule = score_cues(cues)
    assert certainty_model.calibrate(doc[:], cues, rule, judged) < certainty_model.calibrate(doc[:], cues, rule)


def test_rating_score_maps_the_scale_and_clips():
    from claimkit.certainty_model import rating_score

    assert rating_score(1.0, 5.5) == 0.0
    assert rating_score(5.5, 5.5) == 1.0 and rating_score(6.0, 5.5) == 1.0
    assert 0.0 < rating_score(3.0, 5.5) < rating_score(4.0, 5.5) < 1.0


@pytest.mark.parametrize(
    "text",
    ["We should have checked the fares before the vote.", "We should have read the contract first."],
)
def test_should_have_done_is_a_reproach_not_a_guess(nlp, text):
    """ "should" + "have" + past participle is what someone failed to do: no candidate for the cue
    model (Szeged marks none of its "should have"s)."""
    doc = nlp(text)
    cand = Candidate(0, len(text), 0, len(text), find_quotes(text))
    assert [c.text for c in find_cues(doc, cand, Attribution())] == []


@pytest.mark.parametrize(
    "text",
    [
        "The registered voter sample is 834; the likely voter sample is 651, with a margin of error of 4.5 points.",
        "The agency could be doing more to help families.",
    ],
)
def test_the_cue_model_cannot_take_back_a_rejected_word(extractor, text):
    """With the learned cue model on: a poll's "likely" and a call for more effort stay non-cues."""
    from claimkit.records import Document

    _, statements = extractor.extract_one(Document("t", text))
    assert [c.text for s in statements for c in s.certainty.cues if c.type != "booster"] == []
