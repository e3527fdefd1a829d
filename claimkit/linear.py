"""The sparse part of claimkit's linear models, summed the same way on every run."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any


def feature_sum(weights: Mapping[str, float], feats: Iterable[str]) -> float:
    """The sum of the weights of ``feats`` (0 for a feature the model does not know).

    ``math.fsum`` rounds the exact sum once, so the result does not depend on the order the
    features come in: a ``set`` of strings iterates in a different order in each Python process
    (hash randomisation), and a plain ``sum`` could then differ in its last bit between two runs.
    """
    return math.fsum(weights.get(f, 0.0) for f in feats)


def linear(part: Mapping[str, Any], feats: Iterable[str], vec: Sequence[float] = (), rule_score: float = 0.0) -> float:
    """``bias + sum of feature weights + rule_score * score_weight + vec . vector_weights`` of a
    shipped linear model (or one part of it).

    The vector part counts only when both the model and ``vec`` have one, of the same size.
    """
    z = part["bias"] + feature_sum(part["weights"], feats) + part.get("score_weight", 0.0) * rule_score
    vector_weights = part.get("vector_weights") or ()
    if vec is not None and len(vec) and len(vec) == len(vector_weights):
        z += sum(w * v for w, v in zip(vector_weights, vec, strict=True))
    return z
