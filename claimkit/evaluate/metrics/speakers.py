"""Speakers of quotations (GenderGapTracker gold): is the quotation found, and does its
speaker carry the name a reader would give?

Rules (documented in docs/eval.md):

* A gold quotation is *found* when one statement with a speaker covers at least half of it;
  the statement with the largest overlap is the one compared further.
* Its *speaker* is right when the speaker mention overlaps the annotated mention, or another
  statement of the same speaker entity (same ``speaker.id``, else same name) has a mention
  that does, or the full name is right.
* Its *full name* is right when the resolved ``speaker.name`` equals the annotated name,
  ignoring case, punctuation, apostrophes and a leading article.
* ``speaker_accuracy`` and ``full_name_accuracy`` are shares of the found quotations (with an
  annotated mention, resp. name); ``full_name_recall`` is the share of all named quotations.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..gold import GoldDoc, GoldQuote
from ..scores import Counters, ratio
from ..spans import overlap
from . import DocScore, Preds, Result

_ARTICLES = frozenset(["the", "a", "an"])
_APOSTROPHES = re.compile(r"['’‘`´]")


def normal_name(name: str | None) -> str:
    """``name`` lower-cased, without punctuation, apostrophes or a leading article."""
    if not name:
        return ""
    words = re.findall(r"\w+", _APOSTROPHES.sub("", name).lower())
    while words and words[0] in _ARTICLES:
        words = words[1:]
    return " ".join(words)


@dataclass
class Counts(Counters):
    """Counters of one document (they add up over a corpus)."""

    gold: int = 0
    found: int = 0
    found_with_mention: int = 0
    speaker_ok: int = 0
    gold_named: int = 0
    found_named: int = 0
    name_ok: int = 0

    def figures(self) -> dict[str, Any]:
        return {
            "quote_recall": round(ratio(self.found, self.gold), 4),
            "speaker_accuracy": round(ratio(self.speaker_ok, self.found_with_mention), 4),
            "full_name_accuracy": round(ratio(self.name_ok, self.found_named), 4),
            "full_name_recall": round(ratio(self.name_ok, self.gold_named), 4),
            "support": self.gold,
            **{k: v for k, v in vars(self).items() if k != "gold"},
        }


def _entity(speaker: dict[str, Any]) -> str:
    return str(speaker.get("id") or normal_name(speaker.get("name")))


def _mention(speaker: dict[str, Any]) -> tuple[int, int] | None:
    if speaker.get("start") is None or speaker.get("end") is None:
        return None
    return int(speaker["start"]), int(speaker["end"])


def count(golds: Sequence[GoldQuote], statements: Sequence[dict[str, Any]]) -> Counts:
    """Compare one document's gold quotations with its predicted statements."""
    attributed = [s for s in statements if s.get("speaker")]
    mentions: dict[str, list[tuple[int, int]]] = {}
    for st in attributed:
        span = _mention(st["speaker"])
        if span is not None:
            mentions.setdefault(_entity(st["speaker"]), []).append(span)
    c = Counts(gold=len(golds), gold_named=sum(g.name is not None for g in golds))
    for g in golds:
        best, best_ov = None, 0
        for st in attributed:
            ov = overlap((st["start"], st["end"]), (g.start, g.end))
            if 2 * ov >= g.end - g.start and ov > best_ov:
                best, best_ov = st, ov
        if best is None:
            continue
        c.found += 1
        speaker = best["speaker"]
        name_ok = g.name is not None and normal_name(speaker.get("name")) == normal_name(g.name)
        if g.name is not None:
            c.found_named += 1
            c.name_ok += name_ok
        if g.speaker is not None:
            c.found_with_mention += 1
            spans = mentions.get(_entity(speaker), [])
            c.speaker_ok += name_ok or any(overlap(s, g.speaker) > 0 for s in spans)
    return c


def score(docs: Sequence[GoldDoc], preds: Preds) -> Result:
    """Speaker figures over ``docs``; per-document headline is the full-name accuracy."""
    total = Counts()
    per_doc = []
    for doc in docs:
        c = count(doc.quotes, preds.get(doc.document.doc_id, []))
        total = total + c
        fig = c.figures()
        per_doc.append(DocScore(doc.document.doc_id, fig["full_name_accuracy"], c.gold, fig))
    return Result(total.figures(), "full_name_accuracy", per_doc)
