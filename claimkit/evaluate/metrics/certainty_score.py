"""Correlation of ``certainty.score`` with graded human certainty ratings (Pei & Jurgens).

Rules (documented in docs/eval.md): a sentence's predicted score is the lowest
``certainty.score`` of the statements it owns (the least firmly asserted part), 1.0 when it
owns none. Figures: Pearson r and Spearman rho (average ranks for ties) of that score with
the gold rating, over all sentences; None when either side is constant.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from ..gold import GoldDoc
from . import DocScore, Preds, Result, by_sentence


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Pearson's r, or None when fewer than two pairs or a side is constant."""
    n = len(xs)
    if n < 2:
        return None
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return None
    return sxy / math.sqrt(sxx * syy)


def ranks(values: Sequence[float]) -> list[float]:
    """1-based ranks, ties sharing their average rank."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    out = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            out[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return out


def spearman(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Spearman's rho: Pearson's r of the ranks."""
    return pearson(ranks(xs), ranks(ys))


def score(docs: Sequence[GoldDoc], preds: Preds) -> Result:
    """Pearson and Spearman of predicted scores with gold ratings; per-document: absolute error."""
    gold: list[float] = []
    pred: list[float] = []
    per_doc = []
    for doc in docs:
        owned = by_sentence([(s.start, s.end) for s in doc.sentences], preds.get(doc.document.doc_id, []))
        for sent, mine in zip(doc.sentences, owned, strict=True):
            if sent.value is None:
                continue
            value = min(((st.get("certainty") or {}).get("score", 1.0) for st in mine), default=1.0)
            gold.append(sent.value)
            pred.append(float(value))
            # lower is worse: 1 minus the distance on a common 0..1 scale
            per_doc.append(DocScore(doc.document.doc_id, round(1 - abs((sent.value - 1) / 5 - value), 4), 1))
    r, rho = pearson(pred, gold), spearman(pred, gold)
    figures = {
        "pearson": None if r is None else round(r, 4),
        "spearman": None if rho is None else round(rho, 4),
        "support": len(gold),
    }
    return Result(figures, "pearson", per_doc)
