"""Precision / recall / F1 counters and small helpers for the figures of a report."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


class Counters:
    """Mixin for a dataclass of numeric counters: ``a + b`` adds them field by field (the
    per-document counts of a metric add up over a corpus)."""

    def __add__(self, other: Any) -> Any:
        return type(self)(*(a + b for a, b in zip(vars(self).values(), vars(other).values(), strict=True)))


def ratio(num: float, den: float) -> float:
    """``num / den``, or 0.0 when ``den`` is 0 (the CoNLL convention for empty sets)."""
    return num / den if den else 0.0


def f1(p: float, r: float) -> float:
    """Harmonic mean of precision and recall (0.0 when both are 0)."""
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class PRF:
    """True positives, false positives and false negatives of one comparison.

    ``tp`` counts matched gold items; precision uses ``tp_pred`` (matched predictions) when a
    metric matches predictions and gold asymmetrically, else ``tp``.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)

    @property
    def support(self) -> int:
        """Number of gold items."""
        return self.tp + self.fn

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "support": self.support,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }
