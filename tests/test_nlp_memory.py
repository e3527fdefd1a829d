"""Long articles without the memory: lean thinc chains at inference, pieces let go as they are
joined, paragraph starts set in one array write. Each change must leave the parse unchanged."""

from __future__ import annotations

import gc
import itertools
import weakref

import numpy
import pytest
import spacy
from spacy.attrs import SENT_START
from spacy.tokens import Doc

from claimkit import nlp as backend

TEXTS = [
    "",
    "\n",
    "Park said.\nKim agreed.",
    "\n\n  Rain fell. \n \n“Yes,” he said.\r\nNo.\t\n",
    "One.\u2028Two.\n\nThree\nfour five.  \n",
    "x\ny\n\n\nz",
]


def reference_paragraph_starts(doc: Doc) -> Doc:
    """The token-by-token loop the array write replaced."""
    after_break = False
    for token in doc:
        if after_break and not token.is_space:
            token.is_sent_start = True
            after_break = False
        if "\n" in token.text or "\n" in token.whitespace_:
            after_break = True
    return doc


@pytest.mark.parametrize("text", TEXTS)
def test_paragraph_starts_are_those_of_the_token_loop(nlp, text: str) -> None:
    expected = reference_paragraph_starts(nlp.make_doc(text)).to_array([SENT_START])
    assert numpy.array_equal(backend.paragraph_boundaries(nlp.make_doc(text)).to_array([SENT_START]), expected)


class _Marker:
    """Stands for an intermediate array a layer's backprop callback holds."""


def _marking_chain() -> tuple[object, list[weakref.ref]]:
    from thinc.api import Model, chain

    refs: list[weakref.ref] = []

    def forward(model, X, is_train):
        marker = _Marker()
        refs.append(weakref.ref(marker))
        return X, lambda dY: (marker, dY)[1]

    return chain(Model("a", forward), Model("b", forward), Model("c", forward)), refs


def test_lean_chain_lets_intermediates_go_at_inference_and_keeps_them_for_training() -> None:
    model, refs = _marking_chain()
    assert backend.lean_model(model) == 1
    Y, _ = model(numpy.ones(2), is_train=False)
    gc.collect()
    assert len(refs) == 3 and all(r() is None for r in refs)  # every callback was dropped
    refs.clear()
    Y, backprop = model(numpy.ones(2), is_train=True)
    assert all(r() is not None for r in refs)  # training keeps them for the backward pass
    assert numpy.array_equal(backprop(Y), Y)


def test_loaded_pipeline_is_lean_and_parses_as_a_stock_one(nlp) -> None:
    stock = backend.add_paragraph_component(spacy.load(backend.DEFAULT_MODEL))
    assert backend.lean_inference(nlp) == 0  # every chain was already changed at load
    assert backend.lean_inference(stock) > 0
    stock = backend.add_paragraph_component(spacy.load(backend.DEFAULT_MODEL))
    text = " ".join(TEXTS) * 5
    ours, theirs = nlp(text), stock(text)
    attrs = list(Doc._get_array_attrs())
    assert numpy.array_equal(ours.to_array(attrs), theirs.to_array(attrs))
    assert numpy.array_equal(ours.tensor, theirs.tensor)


def test_join_is_doc_from_docs_and_lets_each_piece_go(nlp) -> None:
    text = "".join(f"“We will not accept proposal {i},” Park said.\n\nPrices may rise {i}%.\n" for i in range(20))
    bounds, _ = backend.chunk_bounds(text, 200)
    pieces = [nlp(text[a:b]) for a, b in itertools.pairwise(bounds)]
    expected = Doc.from_docs(pieces, ensure_whitespace=False)
    refs = [weakref.ref(p) for p in pieces]

    def handed_over():
        while pieces:
            yield pieces.pop(0)
            gc.collect()

    joined_before = []

    def watched():
        for i, piece in enumerate(handed_over()):
            joined_before.append(sum(r() is None for r in refs[:i]))
            yield piece

    doc = backend.join(nlp, watched())
    # when piece i is asked for, every piece before the one just taken is gone
    assert len(refs) > 5 and joined_before == [max(0, i - 1) for i in range(len(refs))]
    attrs = list(Doc._get_array_attrs())
    assert doc.text == text and numpy.array_equal(doc.to_array(attrs), expected.to_array(attrs))
    assert doc.tensor.dtype == expected.tensor.dtype and numpy.array_equal(doc.tensor, expected.tensor)
    assert [(e.start, e.end, e.label_) for e in doc.ents] == [(e.start, e.end, e.label_) for e in expected.ents]


def test_join_falls_back_to_from_docs_for_pieces_with_spans(nlp) -> None:
    first, second = nlp("Park said it.\n"), nlp("Kim agreed.\n")
    second.spans["x"] = [second[0:1]]
    doc = backend.join(nlp, iter([first, second]))
    assert doc.text == "Park said it.\nKim agreed.\n" and [s.text for s in doc.spans["x"]] == ["Kim"]
    assert numpy.array_equal(doc.tensor, numpy.vstack([first.tensor, second.tensor]))
