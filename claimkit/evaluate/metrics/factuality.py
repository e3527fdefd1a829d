"""Agreement of claimkit's certainty label with graded factuality gold (UW, MEANTIME).

Rules (documented in docs/eval.md): the gold value v in [-3, 3] of a predicate maps to a
band by its magnitude: ``|v| >= 2.5`` certain, ``1 <= |v| < 2.5`` probable, ``|v| < 1``
possible (the sign says whether the event happens or not; claimkit labels the certainty of
the statement, not its polarity, so -3 "certainly did not happen" is certain). The predicted
label is that of the statement holding the predicate token (largest overlap); ``unknown``
counts as possible; a token in no statement is ``none`` (always wrong). Figures: agreement
(accuracy over the three bands), macro-F1 over the bands, and the binary certain vs
uncertain (probable + possible) F1s.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..gold import GoldDoc
from ..scores import PRF
from ..spans import overlap
from . import DocScore, Preds, Result

BANDS = ("certain", "probable", "possible")
CERTAIN_AT, PROBABLE_AT = 2.5, 1.0


def band(value: float) -> str:
    """The band of a gold factuality value (see the module docstring)."""
    magnitude = abs(value)
    if magnitude >= CERTAIN_AT:
        return "certain"
    if magnitude >= PROBABLE_AT:
        return "probable"
    return "possible"


def predicted_label(start: int, end: int, statements: Sequence[dict[str, Any]]) -> str:
    """The certainty label of the statement holding ``[start, end)``, folded onto the bands."""
    best, best_ov = None, 0
    for st in statements:
        ov = overlap((start, end), (st["start"], st["end"]))
        if ov > best_ov:
            best, best_ov = st, ov
    if best is None:
        return "none"
    label = (best.get("certainty") or {}).get("label", "certain")
    return "possible" if label == "unknown" else label


def _prf(pairs: list[tuple[str, str]], positive: set[str]) -> PRF:
    return PRF(
        tp=sum(g in positive and p in positive for g, p in pairs),
        fp=sum(p in positive and g not in positive for g, p in pairs),
        fn=sum(g in positive and p not in positive for g, p in pairs),
    )


def score(docs: Sequence[GoldDoc], preds: Preds) -> Result:
    """Band agreement; per-document headline is agreement."""
    pairs: list[tuple[str, str]] = []
    per_doc = []
    negative = 0
    for doc in docs:
        statements = preds.get(doc.document.doc_id, [])
        mine = [(band(e.value), predicted_label(e.start, e.end, statements)) for e in doc.events]
        negative += sum(e.value < 0 for e in doc.events)
        pairs += mine
        if mine:
            per_doc.append(DocScore(doc.document.doc_id, sum(g == p for g, p in mine) / len(mine), len(mine)))
    per_band = {b: _prf(pairs, {b}) for b in BANDS}
    certain, uncertain = _prf(pairs, {"certain"}), _prf(pairs, {"probable", "possible"})
    figures: dict[str, Any] = {
        "agreement": round(sum(g == p for g, p in pairs) / len(pairs), 4) if pairs else 0.0,
        "macro_f1": round(sum(p.f1 for p in per_band.values()) / len(BANDS), 4),
        "certain_f1": round(certain.f1, 4),
        "uncertain_f1": round(uncertain.f1, 4),
        "uncertain_precision": round(uncertain.precision, 4),
        "uncertain_recall": round(uncertain.recall, 4),
        "support": len(pairs),
        "negative_gold": negative,
        **{f"{b}_support": per_band[b].support for b in BANDS},
        "not_in_a_statement": sum(p == "none" for _, p in pairs),
    }
    predicted = ("certain", "probable", "possible", "none")
    confusion = {g: {p: sum(1 for a, b in pairs if a == g and b == p) for p in predicted} for g in BANDS}
    return Result(figures, "agreement", per_doc, {"confusion": confusion})
