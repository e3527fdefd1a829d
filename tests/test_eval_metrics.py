"""Metric code on tiny hand-made gold / prediction pairs; every expected figure was worked
out by hand (see the comments)."""

from __future__ import annotations

import pytest

from claimkit.evaluate.gold import GoldAttribution, GoldDoc, GoldEvent, GoldSentence
from claimkit.evaluate.metrics import attribution, certainty, factuality, statements, subjectivity
from claimkit.evaluate.scores import PRF
from claimkit.evaluate.spans import match_one_to_one, overlap
from claimkit.records import Document


def st(start, end, kind="fact", doc="d", speaker=None, cue=None, label="certain", cues=()):
    return {
        "doc_id": doc,
        "start": start,
        "end": end,
        "kind": kind,
        "speaker": speaker,
        "cue": cue,
        "certainty": {"label": label, "cues": list(cues)},
    }


def gdoc(text="x" * 200, doc="d", **kw):
    return GoldDoc(Document(doc, text), doc, **kw)


# --- spans and counters ---------------------------------------------------------------


def test_prf_empty_is_zero_not_an_error():
    assert (PRF().precision, PRF().recall, PRF().f1, PRF().support) == (0.0, 0.0, 0.0, 0)


def test_one_to_one_takes_best_overlap_first():
    # pred 0 overlaps gold 0 by 3 and gold 1 by 5; pred 1 overlaps gold 0 by 4.
    golds, preds = [(0, 10), (10, 20)], [(7, 15), (0, 4)]
    assert match_one_to_one(golds, preds, overlap) == [(0, 1), (1, 0)]


# --- segmentation and kind ------------------------------------------------------------


def test_statements_one_prediction_over_two_gold_matches_only_one():
    # gold [0,10) and [10,20); pred [0,20) covers half of itself with each: a tie, so the
    # earlier gold wins and the other gold is missed: P 1/1, R 1/2, F1 2/3.
    doc = gdoc(statements=[st(0, 10), st(10, 20, "opinion")])
    r = statements.score([doc], {"d": [st(0, 20)]})
    assert (r.figures["precision"], r.figures["recall"], r.figures["f1"]) == (1.0, 0.5, 0.6667)
    assert r.extras["confusion"]["fact"]["fact"] == 1
    assert r.extras["confusion"]["opinion"]["missed"] == 1


def test_statements_partial_overlap_below_half_is_no_match():
    # gold [0,10), pred [6,20): overlap 4 < 5 (half the gold) -> one FP, one FN.
    r = statements.score([gdoc(statements=[st(0, 10)])], {"d": [st(6, 20)]})
    assert (r.figures["precision"], r.figures["recall"], r.figures["support"]) == (0.0, 0.0, 1)
    assert r.extras["confusion"]["spurious"]["fact"] == 1


def test_statements_kinds_and_certainty_over_matched_pairs():
    # gold: fact [0,10), speculation [20,30) possible; pred: fact [0,10), fact [20,30) certain,
    # opinion [40,50) spurious. Matched 2 of 2 gold, 2 of 3 preds.
    doc = gdoc(statements=[st(0, 10), st(20, 30, "speculation", label="possible")])
    r = statements.score([doc], {"d": [st(0, 10), st(20, 30), st(40, 50, "opinion")]})
    f = r.figures
    assert (f["precision"], f["recall"]) == (0.6667, 1.0)
    assert f["kind_accuracy"] == 0.5 and f["certainty_accuracy"] == 0.5
    # fact: tp 1, fp 1 (the speculation called fact) -> P .5 R 1; opinion: fp 1; speculation: fn 1.
    assert (f["fact_precision"], f["fact_recall"], f["opinion_f1"], f["speculation_f1"]) == (0.5, 1.0, 0.0, 0.0)
    assert f["kind_macro_f1"] == round((2 / 3) / 3, 4)


def test_statements_empty_inputs():
    assert statements.score([gdoc()], {}).figures["f1"] == 0.0
    r = statements.score([gdoc()], {"d": [st(0, 5)]})
    assert (r.figures["predicted"], r.figures["support"], r.figures["precision"]) == (1, 0, 0.0)
    assert statements.score([], {}).figures["support"] == 0


# --- attribution ----------------------------------------------------------------------


def speaker(start, end, name="Someone"):
    return {"name": name, "mention": "x", "start": start, "end": end, "type": "person"}


def test_attribution_found_source_cue():
    # gold content [20,60), source [0,5), cue [6,10).
    gold = GoldAttribution(content=[(20, 60)], source=(0, 5), cues=[(6, 10)], source_text="Jane Doe")
    preds = [
        st(0, 62, speaker=speaker(0, 5), cue={"start": 6, "end": 10}),  # found, source and cue right
    ]
    c = attribution.count([gold], preds)
    assert (c.found, c.source_ok, c.cue_ok, c.full_ok, c.attributed_on_gold) == (1, 1, 1, 1, 1)


def test_attribution_content_half_rule_and_precision():
    gold = GoldAttribution(content=[(0, 40)], source=(50, 55), cues=[], source_text="Jane Doe")
    # Two statements each cover 19 of 40 characters: neither covers half -> not found.
    # Both overlap gold content -> both count for precision; a third is elsewhere.
    preds = [
        st(0, 19, speaker=speaker(50, 55)),
        st(21, 40, speaker=speaker(50, 55)),
        st(60, 70, speaker=speaker(60, 61)),
    ]
    c = attribution.count([gold], preds)
    fig = c.figures()
    assert c.found == 0 and fig["content_recall"] == 0.0
    assert fig["precision"] == 0.6667


def test_attribution_resolved_name_matches_source_and_no_source_gold():
    gold = GoldAttribution(content=[(10, 30)], source=(0, 5), cues=[(6, 9)], source_text="Trump")
    # mention elsewhere ("he" at 40) but resolved to "Donald Trump": source right; cue missing -> cue wrong.
    pred = st(10, 30, speaker=speaker(40, 42, "Donald Trump"))
    c = attribution.count([gold], [pred])
    assert (c.found, c.source_ok, c.cue_ok, c.full_ok) == (1, 1, 0, 0)
    implicit = GoldAttribution(content=[(10, 30)], source=None, cues=[])
    c = attribution.count([implicit], [pred])
    assert (c.gold_with_source, c.found, c.full_ok) == (0, 1, 1)


@pytest.mark.parametrize(
    ("name", "source", "ok"),
    [
        ("Donald Trump", "Trump", True),
        ("The New York Post", "the New York Post", True),
        ("Park", "Clinton aides", False),
    ],
)
def test_name_matches(name, source, ok):
    assert attribution.name_matches(name, source) is ok


def test_attribution_statements_without_speaker_are_not_attributions():
    gold = GoldAttribution(content=[(0, 10)], source=None, cues=[])
    fig = attribution.count([gold], [st(0, 10)]).figures()
    assert (fig["content_recall"], fig["precision"], fig["attributed"]) == (0.0, 0.0, 0)


# --- certainty ------------------------------------------------------------------------


def test_certainty_sentence_and_cue_level():
    # Sentences [0,10) uncertain (cue [3,6)), [11,20) certain, [21,30) uncertain (cue [22,25)).
    doc = gdoc(
        sentences=[
            GoldSentence(0, 10, "uncertain", [(3, 6)]),
            GoldSentence(11, 20, "certain"),
            GoldSentence(21, 30, "uncertain", [(22, 25)]),
        ]
    )
    preds = [
        st(0, 10, "speculation", label="possible", cues=[{"start": 4, "end": 6, "type": "modal"}]),  # TP, TP cue
        st(11, 21, label="probable", cues=[{"start": 12, "end": 14, "type": "hedge"}]),  # FP sentence, FP cue
        st(21, 30, cues=[{"start": 22, "end": 25, "type": "booster"}]),  # certain: FN sentence; booster ignored
    ]
    f = certainty.score([doc], {"d": preds}).figures
    assert (f["precision"], f["recall"], f["f1"], f["accuracy"]) == (0.5, 0.5, 0.5, 0.3333)
    assert (f["cue_precision"], f["cue_recall"], f["cue_f1"]) == (0.5, 0.5, 0.5)


def test_certainty_prediction_is_not_uncertainty():
    """A firmly asserted prediction ("rates will rise": speculation, certain) is a certain sentence."""
    doc = gdoc(sentences=[GoldSentence(0, 10, "certain")])
    preds = [st(0, 10, "speculation", cues=[{"start": 2, "end": 6, "type": "prediction"}])]
    f = certainty.score([doc], {"d": preds}).figures
    assert (f["accuracy"], f["precision"]) == (1.0, 0.0)


def test_certainty_without_gold_cues_has_no_cue_figures():
    f = certainty.score([gdoc(sentences=[GoldSentence(0, 5, "certain")])], {}).figures
    assert "cue_f1" not in f and f["accuracy"] == 1.0


# --- subjectivity ---------------------------------------------------------------------


def test_subjectivity_accuracy_macro_f1_and_author_voice():
    docs = [
        gdoc(doc=f"s{i}", sentences=[GoldSentence(0, 10, lab)]) for i, lab in enumerate(["OBJ", "SUBJ", "SUBJ", "OBJ"])
    ]
    preds = {
        "s0": [st(0, 10, doc="s0")],
        "s1": [st(0, 10, "opinion", doc="s1")],
        "s2": [st(0, 10, doc="s2", speaker=speaker(0, 2))],
        "s3": [st(0, 10, "speculation", doc="s3")],
    }
    r = subjectivity.score(docs, preds)
    f = r.figures
    assert (f["accuracy"], f["macro_f1"], f["subj_f1"], f["obj_f1"]) == (0.5, 0.5, 0.5, 0.5)
    assert (f["author_voice_support"], f["author_voice_accuracy"]) == (3, 0.6667)
    assert r.extras["confusion"] == {"OBJ": {"OBJ": 1, "SUBJ": 1}, "SUBJ": {"OBJ": 1, "SUBJ": 1}}


# --- factuality -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "band"),
    [
        (3.0, "certain"),
        (2.5, "certain"),
        (-3.0, "certain"),
        (2.4, "probable"),
        (1.0, "probable"),
        (-1.0, "probable"),
        (0.8, "possible"),
        (0.0, "possible"),
    ],
)
def test_factuality_band(value, band):
    assert factuality.band(value) == band


def test_factuality_agreement():
    doc = gdoc(events=[GoldEvent(0, 4, 3.0), GoldEvent(10, 14, 1.6), GoldEvent(20, 24, 0.4), GoldEvent(40, 44, 3.0)])
    preds = [st(0, 15, label="certain"), st(18, 30, label="unknown")]  # last event in no statement
    r = factuality.score([doc], {"d": preds})
    # certain/certain ok, probable/certain wrong, possible/unknown->possible ok, certain/none wrong.
    assert r.figures["agreement"] == 0.5 and r.figures["not_in_a_statement"] == 1
    assert r.extras["confusion"]["probable"]["certain"] == 1
    # binary uncertain: gold {probable, possible}, pred {possible}: tp 1, fn 1, fp 0.
    assert (r.figures["uncertain_precision"], r.figures["uncertain_recall"]) == (1.0, 0.5)


def test_statements_field_by_field_and_all_fields_rate():
    # three gold statements: one author fact, one attributed, one never predicted
    who = speaker(0, 5, "Dana Ortiz")
    cue = {"start": 6, "end": 10}
    gold = [st(0, 20, speaker=who, cue=cue), st(30, 50), st(60, 80)]
    for rec in gold:
        rec["quote"] = "indirect" if rec["speaker"] else "none"
    right = dict(gold[0], speaker=speaker(0, 3, "Ortiz"))  # the surname names the same speaker
    wrong_cue = dict(gold[1], cue={"start": 40, "end": 45})  # a cue where the gold has none
    r = statements.score([gdoc(statements=gold)], {"d": [right, wrong_cue]})
    f = r.figures
    assert f["speaker_right"] == 1.0 and f["cue_right"] == 0.5 and f["kind_right"] == 1.0
    assert f["all_fields_right"] == 1 and f["all_fields"] == round(1 / 3, 4)
    assert f["spurious_cues"] == 1


def test_fields_right_speaker_needs_the_same_type_and_name():
    g = st(0, 20, speaker=speaker(0, 5, "Dana Ortiz"))
    other = dict(speaker(0, 5, "Reggie Alvarez"))  # same mention, resolved to someone else
    assert not statements.fields_right(g, st(0, 20, speaker=other))["speaker"]
    assert not statements.fields_right(g, st(0, 20, speaker=dict(speaker(0, 5), type="organization")))["speaker"]
    assert not statements.fields_right(g, st(0, 20))["speaker"]
    assert statements.fields_right(st(0, 20), st(0, 20))["speaker"]
