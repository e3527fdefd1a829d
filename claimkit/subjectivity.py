"""Subjectivity: a tiny linear model that tells an opinion from a fact when the rules are silent.

The model is logistic regression over binary features of a statement (lemmas, fine
part-of-speech tags, certainty cue types, whether it is attributed or quoted). Its weights
live in ``claimkit/data/subjectivity_model.json`` (a few hundred kB, shipped with the package,
no download); scoring is a dictionary lookup per feature, in pure Python. The model is built
by ``python -m claimkit.train_kind`` from NewsSD train (see docs/certainty.md).
"""

from __future__ import annotations

import json
import math
from functools import cache
from importlib import resources
from typing import Any

from spacy.tokens import Span

from .attribution import Attribution
from .errors import ModelError
from .records import Certainty

MODEL_FILE = "subjectivity_model.json"
_ENT_TYPES = frozenset(["PERSON", "ORG", "GPE", "NORP", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "QUANTITY"])


def features(span: Span, certainty: Certainty | None = None, attribution: Attribution | None = None) -> set[str]:
    """The binary features of a statement span.

    Args:
        span: the statement's tokens.
        certainty: its certainty (cue types become features).
        attribution: its attribution (attributed / quoted become features).
    """
    feats: set[str] = {"bias"}
    for tok in span:
        if tok.is_space:
            continue
        if tok.is_punct:
            if tok.text in {"!", "?", "“", "”", '"', "‘", "’"}:
                feats.add(f"p={tok.text}")
            continue
        if tok.ent_type_ in _ENT_TYPES:
            feats.add(f"e={tok.ent_type_}")
            continue
        if tok.like_num:
            feats.add("num")
            continue
        feats.add(f"w={tok.lemma_.lower()}")
        feats.add(f"t={tok.tag_}")
        if tok.tag_ in {"PRP", "PRP$"}:
            feats.add(f"pron={tok.lower_}")
    if certainty is not None:
        for cue in certainty.cues:
            feats.add(f"c={cue.type}")
    if attribution is not None:
        if attribution.speaker is not None:
            feats.add("attributed")
        if attribution.quote in {"direct", "mixed"}:
            feats.add("quoted")
    n = sum(1 for t in span if not t.is_punct and not t.is_space)
    feats.add("len<10" if n < 10 else "len<25" if n < 25 else "len>=25")
    return feats


@cache
def load_model() -> dict[str, Any]:
    """The shipped model: ``{"bias", "weights", "threshold", "meta"}``."""
    try:
        text = resources.files("claimkit.data").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:
        raise ModelError(f"subjectivity model claimkit/data/{MODEL_FILE} is missing ({exc})") from None
    return json.loads(text)


def probability(feats: set[str], model: dict[str, Any] | None = None) -> float:
    """P(subjective) of a feature set under the (shipped) model."""
    model = model or load_model()
    weights: dict[str, float] = model["weights"]
    z = model["bias"] + sum(weights.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-z))


def is_subjective(span: Span, certainty: Certainty | None = None, attribution: Attribution | None = None) -> bool:
    """Whether the model calls the statement an opinion (probability at or above its threshold)."""
    model = load_model()
    return probability(features(span, certainty, attribution), model) >= model["threshold"]
