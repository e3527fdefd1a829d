"""Subjectivity: a small linear model that tells an opinion from a fact when the rules are silent.

The model is logistic regression over binary features of a statement (lemmas, fine
part-of-speech tags, certainty cue types, whether it is attributed or quoted) and the mean of
its tokens' ``doc.tensor`` rows (the context vectors the parse has already computed). Its
weights live in ``claimkit/data/subjectivity_model.json`` (shipped with the package, no
download); scoring is a dictionary lookup per feature and one dot product. The model is built
by ``claimkit train`` from NewsSD train + val (see docs/certainty.md).
"""

from __future__ import annotations

import hashlib
import json
import math
import os
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from spacy.tokens import Span, Token

from .attribution import Attribution
from .errors import ModelError
from .linear import linear
from .records import Certainty

MODEL_FILE = "subjectivity_model.json"
_ENT_TYPES = frozenset(["PERSON", "ORG", "GPE", "NORP", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "QUANTITY"])


def vector(span: Span) -> list[float]:
    """The mean of the span's rows of ``doc.tensor`` (empty when the pipeline sets no tensor)."""
    tensor = span.doc.tensor
    if tensor is None or len(tensor.shape) != 2 or tensor.shape[0] < span.end:
        return []
    return [float(v) for v in tensor[span.start : span.end].mean(axis=0)]


def features(
    span: Span | Sequence[Token], certainty: Certainty | None = None, attribution: Attribution | None = None
) -> set[str]:
    """The binary features of a statement span.

    Args:
        span: the statement's tokens (a span, or the tokens of a quotation's words).
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


ENV_MODELS = "CLAIMKIT_MODELS"


def model_path() -> Path | None:
    """The model file ``extract --models PATH`` chose ($CLAIMKIT_MODELS: a file, or a folder
    holding ``subjectivity_model.json``); None for the shipped model."""
    chosen = os.environ.get(ENV_MODELS)
    if not chosen:
        return None
    path = Path(chosen)
    return path / MODEL_FILE if path.is_dir() else path


@cache
def _load(path: str | None) -> tuple[dict[str, Any], str]:
    try:
        if path is None:
            raw = resources.files("claimkit.data").joinpath(MODEL_FILE).read_bytes()
        else:
            raw = Path(path).read_bytes()
    except (FileNotFoundError, OSError) as exc:
        where = path or f"claimkit/data/{MODEL_FILE}"
        raise ModelError(f"subjectivity model {where} is missing ({exc})") from None
    try:
        model = json.loads(raw.decode("utf-8"))
        if not isinstance(model.get("weights"), dict) or "bias" not in model or "threshold" not in model:
            raise ValueError("no bias, weights and threshold")
    except (ValueError, UnicodeDecodeError, AttributeError) as exc:
        raise ModelError(f"subjectivity model {path or MODEL_FILE} is not a claimkit model ({exc})") from None
    return model, hashlib.sha256(raw).hexdigest()[:16]


def load_model() -> dict[str, Any]:
    """The model in use: ``{"bias", "weights", "threshold", "meta", ...}`` (the shipped one, or
    the file $CLAIMKIT_MODELS names)."""
    path = model_path()
    return _load(str(path) if path else None)[0]


def model_hash() -> str:
    """The first 16 hex digits of the sha256 of the model file in use (documents.jsonl ``models``)."""
    path = model_path()
    return _load(str(path) if path else None)[1]


def probability(feats: set[str], model: dict[str, Any] | None = None, vec: Sequence[float] = ()) -> float:
    """P(subjective) of a feature set (and optional tensor mean ``vec``) under the (shipped) model.

    The vector part counts only when both the model and ``vec`` have one of the same size.
    """
    z = linear(model or load_model(), feats, vec)
    return 1.0 / (1.0 + math.exp(-z))


def span_probability(span: Span, certainty: Certainty | None = None, attribution: Attribution | None = None) -> float:
    """P(subjective) of a statement span under the shipped model."""
    return probability(features(span, certainty, attribution), load_model(), vector(span))


def words_probability(tokens: Sequence[Token], cue_types: Iterable[str] = ()) -> float:
    """P(subjective) of some words read as the author's voice (no attributed / quoted features):
    the words inside a speaker's quotation marks (:func:`claimkit.classify.quoted_probability`).

    ``cue_types`` are the types of the certainty cues inside the words.
    """
    feats = features(tokens) | {f"c={t}" for t in cue_types}
    tensor = tokens[0].doc.tensor if tokens else None
    vec: list[float] = []
    if tensor is not None and len(tensor.shape) == 2 and tensor.shape[0] > tokens[-1].i:
        vec = [float(v) for v in tensor[[t.i for t in tokens]].mean(axis=0)]
    return probability(feats, load_model(), vec)


def is_subjective(span: Span, certainty: Certainty | None = None, attribution: Attribution | None = None) -> bool:
    """Whether the model calls the statement an opinion (probability at or above its threshold)."""
    return span_probability(span, certainty, attribution) >= load_model()["threshold"]
