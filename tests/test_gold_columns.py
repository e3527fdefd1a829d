"""The hand-written column / editorial / post gold set (annotations/columns/) loads and checks out.

It is the development set of issue 19: six short texts written by the team (not from any
corpus), every statement annotated in every field. No extractor score is asserted here: the
figures are measured with ``claimkit eval --gold annotations/columns --format claimkit`` and
reported in docs/attribution.md.
"""

from __future__ import annotations

from pathlib import Path

from claimkit.clean import clean
from claimkit.evaluate import loaders

COLUMNS = Path(__file__).resolve().parent.parent / "annotations" / "columns"


def test_columns_gold_loads_with_every_field() -> None:
    gold = loaders.load(COLUMNS, "claimkit")
    statements = [s for d in gold.docs for s in d.statements]
    assert len(gold.docs) >= 5 and len(statements) >= 150
    for st in statements:
        assert (st["speaker"] is None) == (st["cue"] is None) == (st["quote"] == "none"), st["id"]
        assert st["certainty"]["label"] in {"certain", "probable", "possible", "unknown"}


def test_no_gold_statement_lies_in_a_credit_or_byline_region() -> None:
    gold = loaders.load(COLUMNS, "claimkit")
    for doc in gold.docs:
        cleaned = clean(doc.document.text)
        assert any(r.type in {"byline", "credit"} for r in cleaned.regions), doc.document.doc_id
        for st in doc.statements:
            assert not cleaned.is_excluded(st["start"], st["end"]), st["id"]


def _extracted(extractor) -> list[tuple[object, list]]:
    """The extractor's statements of every text of the set, with the text's cleaned regions."""
    gold = loaders.load(COLUMNS, "claimkit")
    return [(clean(doc.document.text, doc.document.meta), extractor.extract_one(doc.document)[1]) for doc in gold.docs]


def test_extracted_no_cue_without_content(extractor) -> None:
    """Issue 19: a cue needs reported content: on every text of the set, each statement the
    extractor gives a cue has a content span with words in it."""
    for _, statements in _extracted(extractor):
        for st in statements:
            if st.cue is not None:
                assert st.content is not None and st.content.text.strip(), (st.id, st.text, st.cue.text)


def test_extracted_no_credit_line_as_a_statement(extractor) -> None:
    """Issue 19: bylines, credit and social lines ("Twitter: @x", "X writes about ...", bios)
    are never statements of the extractor on the set."""
    for cleaned, statements in _extracted(extractor):
        for st in statements:
            region = cleaned.region_at(st.start)
            assert region is None or region.type not in {"byline", "credit", "note", "related"}, (st.id, st.text)
            assert not any(
                r.type in {"byline", "credit"} and st.start < r.end and r.start < st.end for r in cleaned.regions
            ), (st.id, st.text)
