"""Sentence- and cue-level uncertainty (CoNLL-2010 task 1 style), e.g. on Szeged.

Rules (documented in docs/eval.md):

* Each predicted statement belongs to the gold sentence holding most of its characters.
* A sentence is predicted uncertain when one of its statements has a certainty label other
  than ``certain`` (the kind does not count: "rates will rise" is speculation but asserted
  firmly, as Szeged annotates it); precision / recall / F1 are for the class *uncertain*.
* Cue level: predicted certainty cues (all types except ``booster`` and ``prediction``,
  which do not lower certainty) are matched one-to-one
  with gold cues, larger overlap first; any overlap counts (lenient match).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..gold import GoldDoc
from ..scores import PRF
from ..spans import Span, match_one_to_one, overlap
from . import DocScore, Preds, Result, by_sentence

NON_HEDGE_CUE_TYPES = frozenset(["booster", "prediction"])


def predicted_cues(statements: Sequence[dict[str, Any]]) -> list[Span]:
    """Distinct spans of the statements' certainty cues that lower certainty."""
    spans = {
        (c["start"], c["end"])
        for st in statements
        for c in (st.get("certainty") or {}).get("cues", [])
        if c.get("type") not in NON_HEDGE_CUE_TYPES
    }
    return sorted(spans)


def cue_counts(gold: Sequence[Span], pred: Sequence[Span]) -> PRF:
    """One-to-one lenient cue matching."""
    pairs = match_one_to_one(gold, pred, overlap)
    return PRF(tp=len(pairs), fp=len(pred) - len(pairs), fn=len(gold) - len(pairs))


def sentence_counts(doc: GoldDoc, statements: Sequence[dict[str, Any]]) -> tuple[PRF, int]:
    """Sentence-level counts of the class *uncertain* in one document, and how many sentences
    are right."""
    owned = by_sentence([(s.start, s.end) for s in doc.sentences], list(statements))
    d = PRF()
    ok = 0
    for sent, mine in zip(doc.sentences, owned, strict=True):
        gold_u, pred_u = (
            sent.label == "uncertain",
            any((st.get("certainty") or {}).get("label") != "certain" for st in mine),
        )
        d.tp += gold_u and pred_u
        d.fp += pred_u and not gold_u
        d.fn += gold_u and not pred_u
        ok += gold_u == pred_u
    return d, ok


def score(docs: Sequence[GoldDoc], preds: Preds) -> Result:
    """Uncertainty figures; per-document headline is sentence accuracy."""
    sentences, cues = PRF(), PRF()
    correct = total = 0
    has_cues = any(s.cues for d in docs for s in d.sentences)
    per_doc = []
    for doc in docs:
        statements = preds.get(doc.document.doc_id, [])
        d, ok = sentence_counts(doc, statements)
        sentences = sentences + d
        correct += ok
        total += len(doc.sentences)
        if has_cues:
            gold_cues = [c for s in doc.sentences for c in s.cues]
            cues = cues + cue_counts(gold_cues, predicted_cues(statements))
        per_doc.append(
            DocScore(
                doc.document.doc_id, round(ok / len(doc.sentences), 4) if doc.sentences else 1.0, len(doc.sentences)
            )
        )
    figures: dict[str, Any] = {
        "precision": round(sentences.precision, 4),
        "recall": round(sentences.recall, 4),
        "f1": round(sentences.f1, 4),
        "accuracy": round(correct / total, 4) if total else 0.0,
        "support": sentences.support,
        "sentences": total,
    }
    if has_cues:
        figures.update(
            {
                "cue_precision": round(cues.precision, 4),
                "cue_recall": round(cues.recall, 4),
                "cue_f1": round(cues.f1, 4),
                "cue_support": cues.support,
            }
        )
    return Result(figures, "accuracy", per_doc)
