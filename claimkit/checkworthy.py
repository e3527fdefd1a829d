"""Check-worthiness: how likely a fact-checker would want to check a statement, in [0, 1].

A logistic regression over features the parse already paid for: lemmas and lemma bigrams,
entity types and numbers, fine part-of-speech tags, the statement's certainty, speaker and
quote type (not its kind: see :func:`features`), and the mean of the parser's context vectors
(``doc.tensor``) over the statement's tokens. Its weights live in ``claimkit/data/checkworthy_model.json`` (shipped, no
download); scoring is a dictionary lookup per sparse feature plus one 96-dimension dot
product. The model is built by ``claimkit train --checkworthy`` from ClaimBuster's
crowdsourced sentences (:mod:`claimkit.train_checkworthy`); 0.5 is its decision threshold.
"""

from __future__ import annotations

import hashlib
import json
import math
from functools import cache
from importlib import resources
from typing import Any

import numpy as np
from spacy.tokens import Doc, Span

from .errors import ModelError
from .linear import feature_sum
from .records import Statement

MODEL_FILE = "checkworthy_model.json"
THRESHOLD = 0.5
# Entity types that stand for themselves as features (the words inside them are dropped).
_ENT_TYPES = frozenset(
    [
        "PERSON",
        "ORG",
        "GPE",
        "NORP",
        "LOC",
        "DATE",
        "TIME",
        "MONEY",
        "PERCENT",
        "CARDINAL",
        "QUANTITY",
        "ORDINAL",
        "LAW",
        "EVENT",
    ]
)
_KEEP_PUNCT = frozenset(["?", "!", "%", "$"])


def features(span: Span, statement: Statement | None = None) -> set[str]:
    """The sparse binary features of a statement span.

    Args:
        span: the statement's tokens.
        statement: its record so far (certainty, speaker, quote become features).

    The statement's ``kind`` is not a feature: in 5-fold cross-validation on ClaimBuster
    ``crowdsourced.csv`` grouped by debate, CFS F1 was 0.6589 with it and 0.6587 without, so it
    added nothing measurable while every change to the kind rules or model moved the score.
    """
    feats: set[str] = set()
    prev = "<s>"
    words = 0
    for tok in span:
        if tok.is_space:
            continue
        if tok.is_punct:
            if tok.text in _KEEP_PUNCT:
                feats.add(f"p={tok.text}")
            continue
        words += 1
        if tok.ent_type_ in _ENT_TYPES:
            unit = f"E:{tok.ent_type_}"
        elif tok.like_num:
            unit = "NUM"
        else:
            unit = tok.lemma_.lower()
        feats.add(f"t={tok.tag_}")
        if unit != prev:
            feats.add(f"w={unit}")
            feats.add(f"b={prev}_{unit}")
        prev = unit
    if any(ch.isdigit() for ch in span.text):
        feats.add("digit")
    feats.add("len<8" if words < 8 else "len<16" if words < 16 else "len<30" if words < 30 else "len>=30")
    if statement is not None:
        feats.add(f"cert={statement.certainty.label}")
        for cue in statement.certainty.cues:
            feats.add(f"cue={cue.type}")
        sp = statement.speaker
        feats.add(f"speaker={sp.type if sp is not None else 'author'}")
        if sp is not None and sp.mention.lower() in {"i", "we"}:
            feats.add("speaker=self")
        feats.add(f"quote={statement.quote}")
    return feats


def vector(span: Span) -> np.ndarray | None:
    """Mean of the parser's context vectors over the span's tokens (None without a tensor)."""
    tensor = span.doc.tensor
    if tensor is None or tensor.ndim != 2 or tensor.shape[0] != len(span.doc) or span.end <= span.start:
        return None
    return tensor[span.start : span.end].mean(axis=0)


@cache
def load_model() -> dict[str, Any]:
    """The shipped model: ``{"bias", "weights", "dense", "threshold", "meta"}``."""
    try:
        text = resources.files("claimkit.data").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:
        raise ModelError(f"check-worthiness model claimkit/data/{MODEL_FILE} is missing ({exc})") from None
    model = json.loads(text)
    model["_dense"] = np.asarray(model.get("dense") or [], dtype=np.float32)
    model["_hash"] = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return model


def model_hash() -> str:
    """The first 16 hex digits of the sha256 of the shipped model file (documents.jsonl ``models``)."""
    return str(load_model()["_hash"])


def probability(feats: set[str], vec: np.ndarray | None, model: dict[str, Any] | None = None) -> float:
    """P(check-worthy) of a statement's features under the (shipped) model."""
    model = model or load_model()
    weights: dict[str, float] = model["weights"]
    z = model["bias"] + feature_sum(weights, feats)
    dense = model.get("_dense")
    if dense is None:
        dense = np.asarray(model.get("dense") or [], dtype=np.float32)
    if vec is not None and dense.size == vec.size:
        z += float(np.dot(dense, vec))
    if z < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))


def score(doc: Doc, statement: Statement) -> float:
    """The check-worthiness of ``statement`` (found in ``doc``) in [0, 1], rounded to 4 decimals."""
    span = doc.char_span(statement.start, statement.end, alignment_mode="expand")
    if span is None:
        return round(probability(set(), None), 4)
    return round(probability(features(span, statement), vector(span)), 4)
