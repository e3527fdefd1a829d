"""Choosing a model's settings from cross-validation so that a retrain picks the same ones.

Picking the setting with the best cross-validated figure is a knife edge when neighbouring
settings differ by less than their noise: a small change of the training input (a pipeline
fix that moves a few candidates) reorders them, and the shipped model flips with it (round 6:
the cue model's threshold went 0.3 -> 0.25 -> 0.3 over three retrains on CV differences of
0.002). :func:`one_standard_error` is the one-standard-error rule (Breiman et al. 1984; Hastie,
Tibshirani & Friedman, *The Elements of Statistical Learning*, 7.10): of the settings whose
figure is within one standard error of the best one's, take the most conservative (the
strongest regularisation first). Those settings cannot be told apart on the data; the
conservative one is the least fitted to its noise.

The standard error of a setting is that of its *difference* from the best setting, by a
bootstrap over the cross-validation's held-out units (documents, sentences) with the same
draws for every setting (:func:`paired_standard_errors`): the settings are scored on the same
units, so their difference is far less noisy than either figure (the spread of five fold
figures would call every setting of a grid equal).

Why it is stable: the plain maximum sits on the flat top of the CV curve, where any
perturbation can reorder two settings. The one-standard-error choice is where the curve leaves
a band one standard error below its top: on the flank, where the curve changes fast, so a small
perturbation of the figures does not move it past a neighbouring setting.
"""

from __future__ import annotations

import random
import statistics
from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import Any, TypeVar

K = TypeVar("K", bound=Hashable)
U = TypeVar("U")

#: Bootstrap rounds of :func:`paired_standard_errors`.
ROUNDS = 200


def paired_standard_errors(
    units: Mapping[K, Sequence[U]],
    best: K,
    figure: Callable[[Sequence[U]], float],
    rounds: int = ROUNDS,
    seed: int = 0,
) -> dict[K, float]:
    """The bootstrap standard error of each setting's figure minus the ``best`` one's.

    Args:
        units: per setting, what each held-out unit contributes to the figure (e.g. a
            document's sentence counts), the units in the same order for every setting.
        best: the setting the others are compared with (its own error is 0).
        figure: the figure of a list of units (e.g. the F1 of their summed counts).
        rounds: bootstrap rounds; each draws the units with replacement, the same draw for
            every setting.
        seed: of the draws (a fixed seed: the same figures give the same errors).
    """
    n = len(units[best])
    rng = random.Random(seed)
    diffs: dict[K, list[float]] = {k: [] for k in units}
    for _ in range(rounds):
        draw = [rng.randrange(n) for _ in range(n)]
        base = figure([units[best][i] for i in draw])
        for k, us in units.items():
            diffs[k].append(figure([us[i] for i in draw]) - base)
    return {k: statistics.stdev(d) if len(d) > 1 else 0.0 for k, d in diffs.items()}


def best_setting(scores: Mapping[K, float], conservative: Callable[[K], Any]) -> K:
    """The setting with the highest figure (the most conservative one on a tie)."""
    top = max(scores.values())
    return min((k for k, v in scores.items() if v == top), key=conservative)


def one_standard_error(scores: Mapping[K, float], errors: Mapping[K, float], conservative: Callable[[K], Any]) -> K:
    """The most conservative setting whose figure is within its standard error of the best.

    Args:
        scores: the cross-validated figure of each setting (higher is better).
        errors: the standard error of each setting's difference from the best
            (:func:`paired_standard_errors`).
        conservative: sort key, smallest first: the most conservative setting sorts first; it
            must order the settings totally.
    """
    if not scores:
        raise ValueError("no settings to choose from")
    top = max(scores.values())
    band = [k for k, v in scores.items() if v >= top - errors.get(k, 0.0)]
    return min(band, key=conservative)
