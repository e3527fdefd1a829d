"""Fact vs opinion on sentence-labelled gold (NewsSD: OBJ / SUBJ).

Rules (documented in docs/eval.md): each predicted statement belongs to the gold sentence
holding most of its characters; a sentence is predicted SUBJ when one of its statements is an
opinion or speculation, else OBJ (also when it has no statement). Accuracy and macro-F1 over
OBJ and SUBJ on all sentences, and the same on the *author-voice* sentences: those where no
statement has a speaker.

The headline (``author_macro_f1``, ``author_accuracy``) reads NewsSD / CheckThat! as they
are annotated, over **all** sentences: a sentence is SUBJ when one of its author-voice
statements (speaker null) is an opinion or speculation, else OBJ; a sentence that only reports
someone else's opinion is OBJ.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..gold import GoldDoc
from ..scores import PRF
from . import DocScore, Preds, Result, by_sentence

LABELS = ("OBJ", "SUBJ")
SUBJECTIVE_KINDS = frozenset(["opinion", "speculation"])


def _figures(pairs: list[tuple[str, str]], prefix: str = "") -> dict[str, Any]:
    per = {}
    for label in LABELS:
        per[label] = PRF(
            tp=sum(g == p == label for g, p in pairs),
            fp=sum(p == label != g for g, p in pairs),
            fn=sum(g == label != p for g, p in pairs),
        )
    acc = sum(g == p for g, p in pairs) / len(pairs) if pairs else 0.0
    out = {
        f"{prefix}accuracy": round(acc, 4),
        f"{prefix}macro_f1": round(sum(p.f1 for p in per.values()) / len(LABELS), 4),
        f"{prefix}support": len(pairs),
    }
    if not prefix:
        out.update({f"subj_{k}": v for k, v in per["SUBJ"].to_dict().items() if k in ("precision", "recall", "f1")})
        out.update({f"obj_{k}": v for k, v in per["OBJ"].to_dict().items() if k in ("precision", "recall", "f1")})
    return out


def score(docs: Sequence[GoldDoc], preds: Preds) -> Result:
    """Accuracy / macro-F1 and the confusion matrix; per-document headline is accuracy."""
    pairs: list[tuple[str, str]] = []
    author: list[tuple[str, str]] = []
    voice: list[tuple[str, str]] = []
    per_doc = []
    for doc in docs:
        owned = by_sentence([(s.start, s.end) for s in doc.sentences], preds.get(doc.document.doc_id, []))
        ok = 0
        for sent, mine in zip(doc.sentences, owned, strict=True):
            pred = "SUBJ" if any(st.get("kind") in SUBJECTIVE_KINDS for st in mine) else "OBJ"
            pairs.append((sent.label, pred))
            own = any(st.get("kind") in SUBJECTIVE_KINDS and not st.get("speaker") for st in mine)
            voice.append((sent.label, "SUBJ" if own else "OBJ"))
            if not any(st.get("speaker") for st in mine):
                author.append((sent.label, pred))
            ok += sent.label == pred
        per_doc.append(
            DocScore(doc.document.doc_id, ok / len(doc.sentences) if doc.sentences else 1.0, len(doc.sentences))
        )
    confusion = {g: {p: sum(1 for a, b in pairs if a == g and b == p) for p in LABELS} for g in LABELS}
    headline = {k: v for k, v in _figures(voice, "author_").items() if k != "author_support"}
    figures = {**headline, **_figures(pairs), **_figures(author, "author_voice_")}
    return Result(figures, "accuracy", per_doc, {"confusion": confusion})
