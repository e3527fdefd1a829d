"""Segmentation and kind against gold statements (claimkit or Doccano gold).

Rules (documented in docs/eval.md):

* A predicted statement matches a gold one when their overlap covers at least half of each;
  matching is one-to-one, best overlap first (the pair whose smaller coverage ratio is
  larger wins). Every prediction counts, including those in boilerplate (false positives
  when no gold statement is there).
* Segmentation P / R / F1 count matched pairs; per-kind P / R / F1 count a pair as a true
  positive of kind K when both sides are K (so segmentation errors are kind errors too).
* Kind accuracy and certainty-label accuracy are over the matched pairs. The confusion matrix
  has rows gold kind + ``spurious`` (unmatched predictions), columns predicted kind +
  ``missed`` (unmatched gold).
* Field by field over the matched pairs (:func:`fields_right`): ``speaker`` (both null, or
  the same type and the resolved names match: same words, or one's last word among the
  other's, ignoring case and articles), ``cue`` (both null, or
  overlapping spans), ``quote``, ``source`` (its type), ``certainty`` (its label), ``kind``.
  ``all_fields`` is the share of *gold* statements matched with every field right (an
  unmatched gold statement counts as wrong); ``spurious_cues`` counts matched pairs with a
  predicted cue where the gold has none.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ...records import KINDS
from ..gold import GoldDoc
from ..scores import PRF
from ..spans import half_each, match_one_to_one, overlap
from . import DocScore, Preds, Result
from .attribution import name_matches

Record = dict[str, Any]


def pair_score(gold: Record, pred: Record) -> float:
    """Smaller coverage ratio of the overlap, or 0 when it does not cover half of each."""
    g, p = (gold["start"], gold["end"]), (pred["start"], pred["end"])
    ov = overlap(g, p)
    len_g, len_p = g[1] - g[0], p[1] - p[0]
    if not half_each(ov, len_g, len_p):
        return 0.0
    return min(ov / len_g, ov / len_p)


def match(golds: Sequence[Record], preds: Sequence[Record]) -> list[tuple[int, int]]:
    """One-to-one ``(gold index, pred index)`` pairs (see the module docstring)."""
    return match_one_to_one(golds, preds, pair_score)


def _label(rec: Record) -> str:
    return (rec.get("certainty") or {}).get("label", "certain")


FIELDS: tuple[str, ...] = ("kind", "speaker", "cue", "quote", "source", "certainty")


def _overlaps(a: Record, b: Record) -> bool:
    """Whether two records with offsets overlap."""
    if a.get("start") is None or b.get("start") is None:
        return False
    return overlap((a["start"], a["end"]), (b["start"], b["end"])) > 0


def _same_speaker(gold: Record | None, pred: Record | None) -> bool:
    if gold is None or pred is None:
        return gold is pred
    if gold.get("type") != pred.get("type"):
        return False
    return name_matches(pred.get("name"), gold.get("name")) or name_matches(gold.get("name"), pred.get("name"))


def fields_right(gold: Record, pred: Record) -> dict[str, bool]:
    """Which fields of a matched pair agree (see the module docstring)."""
    g_cue, p_cue = gold.get("cue"), pred.get("cue")
    g_src, p_src = gold.get("source") or {}, pred.get("source") or {}
    return {
        "kind": gold["kind"] == pred["kind"],
        "speaker": _same_speaker(gold.get("speaker"), pred.get("speaker")),
        "cue": (g_cue is None and p_cue is None)
        or (g_cue is not None and p_cue is not None and _overlaps(g_cue, p_cue)),
        "quote": gold.get("quote", "none") == pred.get("quote", "none"),
        "source": g_src.get("type") == p_src.get("type"),
        "certainty": _label(gold) == _label(pred),
    }


def score(docs: Sequence[GoldDoc], preds: Preds) -> Result:
    """Segmentation, per-kind and confusion figures; per-document headline is segmentation F1."""
    seg = PRF()
    kinds = {k: PRF() for k in KINDS}
    confusion = {g: {p: 0 for p in (*KINDS, "missed")} for g in (*KINDS, "spurious")}
    same_kind = same_label = matched = all_right = spurious_cues = 0
    right = dict.fromkeys(FIELDS, 0)
    per_doc = []
    for doc in docs:
        golds, mine = doc.statements, preds.get(doc.document.doc_id, [])
        pairs = match(golds, mine)
        d = PRF(tp=len(pairs), fp=len(mine) - len(pairs), fn=len(golds) - len(pairs))
        seg = seg + d
        per_doc.append(DocScore(doc.document.doc_id, round(d.f1, 4), d.support))
        matched_g = {gi for gi, _ in pairs}
        matched_p = {pi for _, pi in pairs}
        for gi, pi in pairs:
            gk, pk = golds[gi]["kind"], mine[pi]["kind"]
            confusion[gk][pk] += 1
            same_kind += gk == pk
            same_label += _label(golds[gi]) == _label(mine[pi])
            matched += 1
            agree = fields_right(golds[gi], mine[pi])
            for name, ok in agree.items():
                right[name] += ok
            all_right += all(agree.values())
            spurious_cues += golds[gi].get("cue") is None and mine[pi].get("cue") is not None
            for k in KINDS:
                kinds[k].tp += gk == pk == k
                kinds[k].fp += pk == k != gk
                kinds[k].fn += gk == k != pk
        for gi, g in enumerate(golds):
            if gi not in matched_g:
                confusion[g["kind"]]["missed"] += 1
                kinds[g["kind"]].fn += 1
        for pi, p in enumerate(mine):
            if pi not in matched_p:
                confusion["spurious"][p["kind"]] += 1
                kinds[p["kind"]].fp += 1
    figures: dict[str, Any] = {
        "precision": round(seg.precision, 4),
        "recall": round(seg.recall, 4),
        "f1": round(seg.f1, 4),
        "support": seg.support,
        "predicted": seg.tp + seg.fp,
        "kind_accuracy": round(same_kind / matched, 4) if matched else 0.0,
        "kind_macro_f1": round(sum(k.f1 for k in kinds.values()) / len(KINDS), 4),
        "certainty_accuracy": round(same_label / matched, 4) if matched else 0.0,
        "all_fields": round(all_right / seg.support, 4) if seg.support else 0.0,
        "all_fields_right": all_right,
        "spurious_cues": spurious_cues,
    }
    figures.update({f"{name}_right": round(n / matched, 4) if matched else 0.0 for name, n in right.items()})
    for k, prf in kinds.items():
        figures.update(
            {f"{k}_{name}": v for name, v in prf.to_dict().items() if name in ("precision", "recall", "f1", "support")}
        )
    return Result(figures, "f1", per_doc, {"confusion": confusion})
