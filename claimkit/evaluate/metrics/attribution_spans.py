"""Span-exact attribution scores, as the field reports them (CofeNet, Citron, PARC).

For each role, **source**, **cue** and **content**, the distinct gold spans of a document
(over all its gold attributions) are compared with the distinct predicted spans of its
attributed statements, under three matchings:

* ``exact``: the same characters (leading and trailing white space ignored, and parts
  separated by white space only joined; a discontinuous gold content must be matched part
  for part).
* ``begin``: the same first token.
* ``overlap``: token overlap, scored by the Jaccard index ``|G ∩ P| / |G ∪ P|`` of the two
  token sets; each gold span is paired with at most one prediction (best Jaccard first) and
  precision and recall are the summed Jaccard over the predicted and gold counts (soft).

Exact and begin pairs are one to one as well. Tokens are ``\\w+`` runs and single other
non-space characters. Precision, recall and F1 are micro-averaged over the documents.

Predicted spans of a statement with a speaker: source = the speaker mention (none when the
mention is the cue itself, i.e. an unnamed source); cue = the cue; content = the statement's
``content`` (``{start, end}``, with optional ``parts`` for discontinuous content; null = none),
or the whole statement when the record has no ``content`` field (claimkit before 1.1).

``triple_exact``: the PARC whole-attribution score. A gold attribution is matched by one
statement whose source, cue and content are all exact (a gold ``Attribution-no-source`` needs
a statement without a source span); precision over the attributed statements, recall over
the gold attributions.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..gold import GoldAttribution, GoldDoc
from ..scores import f1, ratio
from ..spans import Span, match_one_to_one
from . import DocScore, Preds, Result

ROLES: tuple[str, ...] = ("source", "cue", "content")
MATCHINGS: tuple[str, ...] = ("exact", "begin", "overlap")
_TOKEN = re.compile(r"\w+|[^\w\s]")

#: a role's span: one or more character ranges (discontinuous content), trimmed and sorted
Parts = tuple[Span, ...]


class Tokens:
    """The tokens of one text, to turn character spans into token sets."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts: list[int] = []
        self.ends: list[int] = []
        for m in _TOKEN.finditer(text):
            self.starts.append(m.start())
            self.ends.append(m.end())

    def trim(self, spans: Sequence[Span]) -> Parts:
        """The non-empty spans without leading and trailing white space, sorted; spans that
        overlap or are separated by white space only are one (brat cuts a span at line ends)."""
        out: list[Span] = []
        for s, e in sorted(spans):
            while s < e and self.text[s].isspace():
                s += 1
            while e > s and self.text[e - 1].isspace():
                e -= 1
            if s >= e:
                continue
            if out and (s <= out[-1][1] or not self.text[out[-1][1] : s].strip()):
                out[-1] = (out[-1][0], max(out[-1][1], e))
            else:
                out.append((s, e))
        return tuple(out)

    def of(self, parts: Parts) -> frozenset[int]:
        """Indices of the tokens that share a character with ``parts``."""
        out: set[int] = set()
        for s, e in parts:
            i = bisect.bisect_right(self.ends, s)
            while i < len(self.starts) and self.starts[i] < e:
                out.add(i)
                i += 1
        return frozenset(out)


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    """``|a ∩ b| / |a ∪ b|`` (0 for two empty sets)."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


@dataclass
class Counts:
    """Gold and predicted span counts and matched amounts per role and matching."""

    gold: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ROLES, 0))
    pred: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ROLES, 0))
    hits: dict[str, float] = field(default_factory=lambda: {f"{r}_{m}": 0.0 for r in ROLES for m in MATCHINGS})
    triples_gold: int = 0
    triples_pred: int = 0
    triples_hit: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            {k: v + other.gold[k] for k, v in self.gold.items()},
            {k: v + other.pred[k] for k, v in self.pred.items()},
            {k: v + other.hits[k] for k, v in self.hits.items()},
            self.triples_gold + other.triples_gold,
            self.triples_pred + other.triples_pred,
            self.triples_hit + other.triples_hit,
        )

    def figures(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for role in ROLES:
            for m in MATCHINGS:
                hit = self.hits[f"{role}_{m}"]
                p, r = ratio(hit, self.pred[role]), ratio(hit, self.gold[role])
                out[f"{role}_{m}_precision"] = round(p, 4)
                out[f"{role}_{m}_recall"] = round(r, 4)
                out[f"{role}_{m}_f1"] = round(f1(p, r), 4)
            out[f"{role}_gold"] = self.gold[role]
            out[f"{role}_predicted"] = self.pred[role]
        p, r = ratio(self.triples_hit, self.triples_pred), ratio(self.triples_hit, self.triples_gold)
        out.update(
            triple_exact_precision=round(p, 4),
            triple_exact_recall=round(r, 4),
            triple_exact_f1=round(f1(p, r), 4),
            support=self.triples_gold,
        )
        return out


def _span(obj: Any) -> list[Span]:
    if not isinstance(obj, dict) or obj.get("start") is None or obj.get("end") is None:
        return []
    parts = obj.get("parts")
    if parts:
        return [(int(p["start"]), int(p["end"])) for p in parts]
    return [(int(obj["start"]), int(obj["end"]))]


def predicted_roles(statement: dict[str, Any]) -> dict[str, list[Span]]:
    """The source, cue and content spans a statement with a speaker predicts."""
    cue = _span(statement.get("cue"))
    source = _span(statement.get("source")) or _span(statement.get("speaker"))
    if source == cue or _span(statement.get("speaker")) == cue:
        source = []  # an unnamed source: its "mention" is the cue phrase
    if "content" in statement:
        content = _span(statement.get("content"))
    else:
        content = [(int(statement["start"]), int(statement["end"]))]
    return {"source": source, "cue": cue, "content": content}


def gold_roles(gold: GoldAttribution) -> dict[str, list[Span]]:
    return {"source": [gold.source] if gold.source else [], "cue": list(gold.cues), "content": list(gold.content)}


def _hits(tokens: Tokens, golds: list[Parts], preds: list[Parts]) -> dict[str, float]:
    g_tok = [tokens.of(g) for g in golds]
    p_tok = [tokens.of(p) for p in preds]
    exact = len(set(golds) & set(preds))
    begin = match_one_to_one(
        range(len(golds)),
        range(len(preds)),
        lambda gi, pi: float(bool(g_tok[gi]) and bool(p_tok[pi]) and min(g_tok[gi]) == min(p_tok[pi])),
    )
    scores = {}
    pairs = match_one_to_one(range(len(golds)), range(len(preds)), lambda gi, pi: jaccard(g_tok[gi], p_tok[pi]))
    for gi, pi in pairs:
        scores[gi] = jaccard(g_tok[gi], p_tok[pi])
    return {"exact": float(exact), "begin": float(len(begin)), "overlap": sum(scores.values())}


def count(text: str, golds: Sequence[GoldAttribution], statements: Sequence[dict[str, Any]]) -> Counts:
    """Compare one document's gold attributions with its statements."""
    tokens = Tokens(text)
    attributed = [s for s in statements if s.get("speaker")]
    gold_parts = [{r: tokens.trim(spans) for r, spans in gold_roles(g).items()} for g in golds]
    pred_parts = [{r: tokens.trim(spans) for r, spans in predicted_roles(s).items()} for s in attributed]
    c = Counts()
    for role in ROLES:
        gs = sorted({g[role] for g in gold_parts if g[role]})
        ps = sorted({p[role] for p in pred_parts if p[role]})
        c.gold[role], c.pred[role] = len(gs), len(ps)
        for m, hit in _hits(tokens, gs, ps).items():
            c.hits[f"{role}_{m}"] = hit
    c.triples_gold, c.triples_pred = len(gold_parts), len(pred_parts)
    pairs = match_one_to_one(gold_parts, pred_parts, lambda g, p: float(g == p))
    c.triples_hit = len(pairs)
    return c


def score(docs: Sequence[GoldDoc], preds: Preds) -> Result:
    """Span figures over ``docs``; the per-document headline is the exact content F1."""
    total = Counts()
    per_doc = []
    for doc in docs:
        c = count(doc.document.text, doc.attributions, preds.get(doc.document.doc_id, []))
        total = total + c
        fig = c.figures()
        per_doc.append(DocScore(doc.document.doc_id, fig["content_exact_f1"], c.triples_gold, fig))
    return Result(total.figures(), "content_exact_f1", per_doc)
