"""Attribution: does a statement with a speaker cover the gold content, with the right
source and cue?

Rules (documented in docs/eval.md):

* A gold attribution is *found* when one statement with a speaker covers at least half of
  its content span(s); the statement with the largest overlap is the one compared further.
* Its *source* is right when the speaker mention overlaps the gold source span, or the
  resolved speaker name matches the gold source text (same words, or the name's last word
  is one of the source's words, ignoring case and articles). Gold ``Attribution-no-source``
  has no source to compare and is left out of the source recall.
* Its *cue* is right when a predicted cue span overlaps a gold cue span (gold without a cue:
  right when found).
* Precision: the statements with a speaker that overlap some gold content, over all
  statements with a speaker.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..gold import GoldAttribution, GoldDoc
from ..scores import Counters, f1, ratio
from ..spans import Span, length, overlap, overlap_many
from . import DocScore, Preds, Result

_ARTICLES = frozenset(["the", "a", "an"])


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"\w+", text.lower()) if w not in _ARTICLES]


def name_matches(name: str | None, source_text: str | None) -> bool:
    """True when a resolved speaker name denotes the gold source text."""
    if not name or not source_text:
        return False
    name_words, source_words = _words(name), _words(source_text)
    if not name_words or not source_words:
        return False
    return name_words == source_words or name_words[-1] in source_words


def _span(obj: dict[str, Any] | None) -> Span | None:
    if not obj or obj.get("start") is None or obj.get("end") is None:
        return None
    return (int(obj["start"]), int(obj["end"]))


@dataclass
class Counts(Counters):
    """Counters of one document (they add up over a corpus)."""

    gold: int = 0
    gold_with_source: int = 0
    found: int = 0
    source_ok: int = 0
    cue_ok: int = 0
    full_ok: int = 0
    attributed: int = 0
    attributed_on_gold: int = 0

    def figures(self) -> dict[str, Any]:
        precision = ratio(self.attributed_on_gold, self.attributed)
        content_recall = ratio(self.found, self.gold)
        attribution_recall = ratio(self.full_ok, self.gold)
        return {
            "precision": round(precision, 4),
            "content_recall": round(content_recall, 4),
            "content_f1": round(f1(precision, content_recall), 4),
            "source_recall": round(ratio(self.source_ok, self.gold_with_source), 4),
            "cue_recall": round(ratio(self.cue_ok, self.gold), 4),
            "attribution_recall": round(attribution_recall, 4),
            "attribution_f1": round(f1(precision, attribution_recall), 4),
            "support": self.gold,
            **{k: v for k, v in vars(self).items() if k != "gold"},
        }


def _judge(gold: GoldAttribution, statement: dict[str, Any]) -> tuple[bool, bool]:
    """(source right, cue right) for a found gold attribution and its statement."""
    speaker = statement.get("speaker") or {}
    if gold.source is None:
        source_ok = True
    else:
        mention = _span(speaker)
        source_ok = (mention is not None and overlap(mention, gold.source) > 0) or name_matches(
            speaker.get("name"), gold.source_text
        )
    cue = _span(statement.get("cue"))
    cue_ok = not gold.cues or (cue is not None and overlap_many(cue, gold.cues) > 0)
    return source_ok, cue_ok


def count(golds: Sequence[GoldAttribution], statements: Sequence[dict[str, Any]]) -> Counts:
    """Compare one document's gold attributions with its predicted statements."""
    attributed = [s for s in statements if s.get("speaker")]
    c = Counts(gold=len(golds), gold_with_source=sum(g.source is not None for g in golds))
    for g in golds:
        need = length(g.content)
        best, best_ov = None, 0
        for st in attributed:
            ov = overlap_many((st["start"], st["end"]), g.content)
            if 2 * ov >= need and ov > best_ov:
                best, best_ov = st, ov
        if best is None:
            continue
        c.found += 1
        source_ok, cue_ok = _judge(g, best)
        c.source_ok += source_ok and g.source is not None
        c.cue_ok += cue_ok
        c.full_ok += source_ok and cue_ok
    contents = [sp for g in golds for sp in g.content]
    c.attributed = len(attributed)
    c.attributed_on_gold = sum(overlap_many((st["start"], st["end"]), contents) > 0 for st in attributed)
    return c


def from_statements(statements: Sequence[dict[str, Any]]) -> list[GoldAttribution]:
    """Gold attributions from gold statement records: each statement with a speaker is one
    (content = the statement, source = the speaker mention and resolved name, cue = its cue)."""
    out = []
    for st in statements:
        speaker = st.get("speaker")
        if not speaker:
            continue
        cue = _span(st.get("cue"))
        out.append(
            GoldAttribution(
                content=[(st["start"], st["end"])],
                source=_span(speaker),
                cues=[cue] if cue else [],
                source_text=speaker.get("name") or speaker.get("mention"),
                where=str(st.get("id", "")),
            )
        )
    return out


def score(docs: Sequence[GoldDoc], preds: Preds) -> Result:
    """Attribution figures over ``docs``; per-document headline is the attribution F1.

    Documents with gold statements but no brat attributions use :func:`from_statements`.
    """
    total = Counts()
    per_doc = []
    for doc in docs:
        golds = doc.attributions or from_statements(doc.statements)
        c = count(golds, preds.get(doc.document.doc_id, []))
        total = total + c
        fig = c.figures()
        per_doc.append(DocScore(doc.document.doc_id, fig["attribution_f1"], c.gold, fig))
    return Result(total.figures(), "attribution_f1", per_doc)
