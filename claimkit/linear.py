"""The sparse part of claimkit's linear models, summed the same way on every run."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping


def feature_sum(weights: Mapping[str, float], feats: Iterable[str]) -> float:
    """The sum of the weights of ``feats`` (0 for a feature the model does not know).

    ``math.fsum`` rounds the exact sum once, so the result does not depend on the order the
    features come in: a ``set`` of strings iterates in a different order in each Python process
    (hash randomisation), and a plain ``sum`` could then differ in its last bit between two runs.
    """
    return math.fsum(weights.get(f, 0.0) for f in feats)
