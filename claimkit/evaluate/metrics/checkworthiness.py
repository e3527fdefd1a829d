"""Check-worthiness on sentence-labelled gold (CheckThat! Yes / No, ClaimBuster CFS vs the rest).

Each predicted statement belongs to the gold sentence holding most of its characters; a
sentence is predicted ``Yes`` when one of its statements has ``checkworthiness`` at or above
0.5, else ``No`` (also when it has no statement, or its statements carry no score).
Precision, recall and F1 of the positive class (the shared tasks' measure) and accuracy.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...checkworthy import THRESHOLD
from ..gold import GoldDoc
from ..scores import PRF
from . import DocScore, Preds, Result, by_sentence

POSITIVE, NEGATIVE = "Yes", "No"


def sentence_label(statements: Sequence[dict]) -> str:
    """``Yes`` when one statement's check-worthiness is at least the threshold."""
    return POSITIVE if any((st.get("checkworthiness") or 0.0) >= THRESHOLD for st in statements) else NEGATIVE


def score(docs: Sequence[GoldDoc], preds: Preds) -> Result:
    """P/R/F1 of ``Yes``, accuracy and the confusion matrix; per-document headline is accuracy."""
    prf = PRF()
    pairs: list[tuple[str, str]] = []
    per_doc = []
    unscored = 0
    for doc in docs:
        statements = preds.get(doc.document.doc_id, [])
        unscored += sum(1 for st in statements if "checkworthiness" not in st)
        owned = by_sentence([(s.start, s.end) for s in doc.sentences], statements)
        ok = 0
        for sent, mine in zip(doc.sentences, owned, strict=True):
            pred = sentence_label(mine)
            pairs.append((sent.label, pred))
            prf += PRF(
                tp=int(sent.label == pred == POSITIVE),
                fp=int(pred == POSITIVE != sent.label),
                fn=int(sent.label == POSITIVE != pred),
            )
            ok += sent.label == pred
        per_doc.append(
            DocScore(doc.document.doc_id, ok / len(doc.sentences) if doc.sentences else 1.0, len(doc.sentences))
        )
    figures = {k: v for k, v in prf.to_dict().items() if k in ("precision", "recall", "f1", "tp", "fp", "fn")}
    figures["accuracy"] = round(sum(g == p for g, p in pairs) / len(pairs), 4) if pairs else 0.0
    figures["positives"] = prf.support
    figures["support"] = len(pairs)
    figures["unscored_statements"] = unscored
    labels = (POSITIVE, NEGATIVE)
    confusion = {g: {p: sum(1 for a, b in pairs if a == g and b == p) for p in labels} for g in labels}
    return Result(figures, "accuracy", per_doc, {"confusion": confusion})
