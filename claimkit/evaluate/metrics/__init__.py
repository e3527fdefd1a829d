"""Metrics: each module compares gold documents with predicted statement records.

Predictions are statement records as dicts (the public JSONL contract), grouped by
``doc_id``; every metric returns a :class:`Result` with flat figures, per-document scores
and optional extras (confusion matrices).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Preds = dict[str, list[dict[str, Any]]]


@dataclass
class DocScore:
    """The headline figure of one document (lower is worse) and its gold support."""

    doc_id: str
    score: float
    support: int
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass
class Result:
    """Figures of one metric for one system (the extractor or a baseline).

    Attributes:
        headline: the key of ``figures`` that per-document scores use.
    """

    figures: dict[str, Any]
    headline: str
    per_doc: list[DocScore] = field(default_factory=list)
    extras: dict[str, Any] = field(default_factory=dict)


def by_sentence(sentences: list[tuple[int, int]], statements: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Give each statement to the sentence holding most of its characters.

    Returns:
        For each sentence (same order), the statements it owns; statements overlapping no
        sentence are dropped.
    """
    from ..spans import owner

    owned: list[list[dict[str, Any]]] = [[] for _ in sentences]
    for st in statements:
        i = owner((st["start"], st["end"]), sentences)
        if i is not None:
            owned[i].append(st)
    return owned
