"""Character-span arithmetic shared by every metric: overlaps and one-to-one matching."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

Span = tuple[int, int]
A = TypeVar("A")
B = TypeVar("B")


def overlap(a: Span, b: Span) -> int:
    """Number of characters ``[a0, a1)`` and ``[b0, b1)`` share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def overlap_many(a: Span, spans: Sequence[Span]) -> int:
    """Characters of ``a`` covered by any of ``spans`` (which must not overlap each other)."""
    return sum(overlap(a, s) for s in spans)


def length(spans: Sequence[Span]) -> int:
    """Total length of non-overlapping spans."""
    return sum(max(0, e - s) for s, e in spans)


def half_each(ov: int, len_a: int, len_b: int) -> bool:
    """True when an overlap of ``ov`` covers at least half of both lengths (and is not empty)."""
    return ov > 0 and 2 * ov >= len_a and 2 * ov >= len_b


def match_one_to_one(
    golds: Sequence[A],
    preds: Sequence[B],
    score: Callable[[A, B], float],
) -> list[tuple[int, int]]:
    """Greedy one-to-one matching, best score first.

    Every pair with a positive ``score`` is a candidate; pairs are taken in order of
    decreasing score (ties: earlier gold, then earlier prediction) and a pair is kept when
    neither side is matched yet.

    Returns:
        ``(gold_index, pred_index)`` pairs, sorted by gold index.
    """
    candidates = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            s = score(g, p)
            if s > 0:
                candidates.append((-s, gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return sorted(pairs)


def owner(span: Span, containers: Sequence[Span]) -> int | None:
    """Index of the container holding most characters of ``span`` (first on ties), or None."""
    best, best_ov = None, 0
    for i, c in enumerate(containers):
        ov = overlap(span, c)
        if ov > best_ov:
            best, best_ov = i, ov
    return best
