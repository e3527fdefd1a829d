"""Span-exact attribution scores (exact / begin / token-overlap Jaccard, whole triple) on
hand-made texts; every expected figure is worked out by hand in the comments."""

from __future__ import annotations

import pytest

from claimkit.evaluate.gold import GoldAttribution, GoldDoc
from claimkit.evaluate.metrics import attribution_spans as spans
from claimkit.records import Document

TEXT = "Park said the talks may resume next week. “We are ready,” Kim told reporters, “and we will go.”"


def at(phrase: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(phrase, start + 1)
    return start, start + len(phrase)


def statement(span, source, cue, content="absent"):
    rec = {
        "start": span[0],
        "end": span[1],
        "speaker": {"name": "x", "mention": "x", "start": source[0], "end": source[1], "type": "person"},
        "cue": {"text": "x", "start": cue[0], "end": cue[1], "lemma": "x"},
    }
    if content != "absent":
        rec["content"] = None if content is None else {"text": "", "start": content[0], "end": content[1]}
    return rec


PARK = GoldAttribution(content=[at("the talks may resume next week")], source=at("Park"), cues=[at("said")])
KIM = GoldAttribution(
    content=[at("“We are ready,”"), at("“and we will go.”")], source=at("Kim"), cues=[at("told reporters")]
)


def test_tokens_and_jaccard():
    tok = spans.Tokens("He said: “Go.”")  # He said : “ Go . ”  -> 7 tokens
    assert tok.of(((0, 14),)) == frozenset(range(7))
    assert tok.of(((9, 13),)) == frozenset({3, 4, 5})  # “Go. -> “ Go .
    assert tok.trim([(2, 8), (8, 8)]) == ((3, 8),)  # leading space dropped, empty span dropped
    assert tok.trim([(10, 12), (0, 2), (3, 7)]) == ((0, 7), (10, 12))  # "He" + "said" joined over a space
    assert spans.jaccard(frozenset({1, 2, 3}), frozenset({2, 3, 4, 5})) == pytest.approx(2 / 5)


def test_exact_begin_overlap_on_one_reported_clause():
    # content with the sentence's full stop: "the talks may resume next week ." is 7 tokens, gold 6:
    # exact 0, begin 1 (both start at "the"), Jaccard 6/7.
    pred = statement(
        at("Park said the talks may resume next week."), at("Park"), at("said"), at("the talks may resume next week.")
    )
    c = spans.count(TEXT, [PARK], [pred])
    assert c.hits["content_exact"] == 0 and c.hits["content_begin"] == 1
    assert c.hits["content_overlap"] == pytest.approx(6 / 7)
    assert c.hits["source_exact"] == 1 and c.hits["cue_exact"] == 1
    fig = c.figures()
    assert fig["content_overlap_f1"] == round(6 / 7, 4)
    assert fig["triple_exact_f1"] == 0.0  # content not exact


def test_statement_span_stands_for_content_without_the_field():
    # no "content" key (claimkit 1.0 records): the statement is the content.
    # "Park said the talks may resume next week ." = 9 tokens, gold 6 inside: Jaccard 6/9, begin 0.
    pred = statement(at("Park said the talks may resume next week."), at("Park"), at("said"))
    c = spans.count(TEXT, [PARK], [pred])
    assert (c.hits["content_exact"], c.hits["content_begin"]) == (0, 0)
    assert c.hits["content_overlap"] == pytest.approx(6 / 9)
    # content null: no content predicted at all
    c = spans.count(TEXT, [PARK], [statement(at("Park said"), at("Park"), at("said"), None)])
    assert (c.pred["content"], c.figures()["content_overlap_recall"]) == (0, 0.0)


def test_split_quotation_must_match_part_for_part_and_triple():
    whole = (at("“We are ready,”")[0], len(TEXT))
    parts = {"text": "", "start": whole[0], "end": whole[1], "parts": [{"start": s, "end": e} for s, e in KIM.content]}
    good = statement(whole, at("Kim"), at("told reporters"))
    good["content"] = parts
    park = statement(
        at("Park said the talks may resume next week."), at("Park"), at("said"), at("the talks may resume next week")
    )
    c = spans.count(TEXT, [PARK, KIM], [park, good])
    assert c.hits["content_exact"] == 2 and c.triples_hit == 2
    assert c.figures()["triple_exact_f1"] == 1.0
    # one span over both pieces (with the frame inside): not exact; begin right (same “);
    # tokens: gold “ We are ready , ” (6) + “ and we will go . ” (7) = 13; the span adds
    # Kim told reporters , (4): 17 tokens, Jaccard 13/17
    single = statement(whole, at("Kim"), at("told reporters"), whole)
    c = spans.count(TEXT, [KIM], [single])
    assert (c.hits["content_exact"], c.hits["content_begin"]) == (0, 1)
    assert c.hits["content_overlap"] == pytest.approx(13 / 17)


def test_distinct_spans_unnamed_source_and_micro_average():
    # two statements with the same speaker mention and cue: one predicted source, one cue
    a = statement(at("Park said the talks may resume next week."), at("Park"), at("said"), at("the talks"))
    b = statement(at("Park said the talks may resume next week."), at("Park"), at("said"), at("next week"))
    c = spans.count(TEXT, [PARK], [a, b])
    assert (c.pred["source"], c.pred["cue"], c.pred["content"]) == (1, 1, 2)
    # Jaccard: "the talks" 2/6, "next week" 2/6; one-to-one keeps one (the earlier on ties)
    assert c.hits["content_overlap"] == pytest.approx(2 / 6)
    # an unnamed source ("is expected"): the speaker mention is the cue -> no source predicted
    unnamed = statement(at("Park said"), at("said"), at("said"), at("the talks may resume next week"))
    c = spans.count(TEXT, [PARK], [unnamed])
    assert c.pred["source"] == 0 and c.triples_hit == 0
    no_source = GoldAttribution(content=PARK.content, source=None, cues=PARK.cues)
    assert spans.count(TEXT, [no_source], [unnamed]).triples_hit == 1
    # micro average over documents: doc 1 exact content hit 1/1, doc 2 0/1 gold, 0 predicted
    docs = [GoldDoc(Document("a", TEXT), "a", [PARK]), GoldDoc(Document("b", TEXT), "b", [PARK])]
    good = statement(
        at("Park said the talks may resume next week."), at("Park"), at("said"), at("the talks may resume next week")
    )
    res = spans.score(docs, {"a": [good], "b": []})
    # P = 1/1, R = 1/2, F1 = 2/3
    assert (res.figures["content_exact_precision"], res.figures["content_exact_recall"]) == (1.0, 0.5)
    assert res.figures["content_exact_f1"] == 0.6667 and res.figures["triple_exact_f1"] == 0.6667
    assert [d.score for d in res.per_doc] == [1.0, 0.0]
