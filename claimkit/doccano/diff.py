"""What reviewers changed: drafts (extract output) against reviewed statements (pull output).

Statements are matched by id (pull keeps the id of every statement claimkit pushed; a
statement a reviewer drew gets a new id). Only documents present in the reviewed file count,
so that drafts of documents nobody pulled are not reported as removed. Precision and recall
treat the reviewed statements as gold: a draft is correct when a reviewed statement has the
same offsets and kind (``statements``), the same offsets (``spans``), or, among those, the same
speaker name, mention and type (``speakers``). Every field is compared: kind, offsets, speaker
(name, mention offsets, type), cue, certainty (label and cues), quote, source, and any other
field (``other``, e.g. ``content`` or ``checkworthiness``); ``review`` is ignored.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..evaluate.scores import PRF


@dataclass
class Change:
    """One reviewed change to one statement."""

    kind: str  # added | removed | relabelled | speaker | offsets | certainty | cue | quote | source | other
    id: str
    doc_id: str
    before: Any = None
    after: Any = None

    def to_dict(self) -> dict[str, Any]:
        return {"change": self.kind, "id": self.id, "doc_id": self.doc_id, "before": self.before, "after": self.after}


@dataclass
class Diff:
    """All changes plus precision / recall of the drafts against the reviewed statements."""

    documents: int
    drafts: int
    reviewed: int
    changes: list[Change] = field(default_factory=list)
    scores: dict[str, PRF] = field(default_factory=dict)

    def count(self, kind: str) -> int:
        return sum(1 for c in self.changes if c.kind == kind)

    def to_dict(self) -> dict[str, Any]:
        kinds = CHANGE_KINDS
        return {
            "documents": self.documents,
            "drafts": self.drafts,
            "reviewed": self.reviewed,
            "counts": {k: self.count(k) for k in kinds},
            "scores": {k: v.to_dict() for k, v in self.scores.items()},
            "changes": [c.to_dict() for c in self.changes],
        }

    def render(self) -> str:
        """A short plain-text report."""
        d = self.to_dict()
        lines = [
            f"documents: {self.documents}   draft statements: {self.drafts}   reviewed statements: {self.reviewed}",
            "changes: " + ", ".join(f"{k} {v}" for k, v in d["counts"].items()),
            "drafts vs reviewed:",
        ]
        for name, prf in self.scores.items():
            lines.append(
                f"  {name:<10} precision {prf.precision:.3f}  recall {prf.recall:.3f}  f1 {prf.f1:.3f}"
                f"  (tp {prf.tp}, fp {prf.fp}, fn {prf.fn})"
            )
        for c in self.changes:
            lines.append(f"  {c.kind:<10} {c.id}: {_short(c.before)} -> {_short(c.after)}")
        return "\n".join(lines)


CHANGE_KINDS = ("added", "removed", "relabelled", "speaker", "offsets", "certainty", "cue", "quote", "source", "other")
# Fields compared by their own change kind; every other field of a record is compared as "other".
_HANDLED = frozenset({"id", "doc_id", "text", "start", "end", "kind", "speaker", "cue", "certainty", "quote", "source"})
_IGNORED = frozenset({"review"})


def _short(value: Any) -> str:
    text = "-" if value is None else str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _speaker_key(st: dict[str, Any]) -> tuple[Any, ...] | None:
    sp = st.get("speaker")
    return (sp.get("name"), sp.get("start"), sp.get("end"), sp.get("type")) if sp else None


def _certainty_key(st: dict[str, Any]) -> tuple[Any, ...]:
    cert = st.get("certainty") or {}
    cues = tuple(sorted((c.get("start"), c.get("end"), c.get("type")) for c in cert.get("cues", [])))
    return (cert.get("label"), cues)


def _source_key(st: dict[str, Any]) -> tuple[Any, ...] | None:
    src = st.get("source")
    return (src.get("name"), src.get("type"), src.get("start"), src.get("end")) if src else None


def _cue_key(st: dict[str, Any]) -> tuple[Any, ...] | None:
    cue = st.get("cue")
    return (cue["start"], cue["end"]) if cue else None


def _prf(drafts: Sequence[dict[str, Any]], reviewed: Sequence[dict[str, Any]], key: Any) -> PRF:
    gold: dict[Any, int] = {}
    for st in reviewed:
        gold[key(st)] = gold.get(key(st), 0) + 1
    tp = 0
    for st in drafts:
        k = key(st)
        if gold.get(k, 0) > 0:
            gold[k] -= 1
            tp += 1
    return PRF(tp=tp, fp=len(drafts) - tp, fn=len(reviewed) - tp)


def diff_statements(drafts: Iterable[dict[str, Any]], reviewed: Iterable[dict[str, Any]]) -> Diff:
    """Compare draft statements with reviewed ones (see the module docstring)."""
    reviewed = list(reviewed)
    docs = {st["doc_id"] for st in reviewed}
    drafts = [st for st in drafts if st["doc_id"] in docs]
    before = {st["id"]: st for st in drafts}
    after = {st["id"]: st for st in reviewed}
    result = Diff(documents=len(docs), drafts=len(drafts), reviewed=len(reviewed))
    for sid, st in after.items():
        old = before.get(sid)
        if old is None:
            result.changes.append(Change("added", sid, st["doc_id"], None, f"{st['kind']}: {st['text']}"))
            continue
        if (old["start"], old["end"]) != (st["start"], st["end"]):
            result.changes.append(
                Change("offsets", sid, st["doc_id"], [old["start"], old["end"]], [st["start"], st["end"]])
            )
        if old["kind"] != st["kind"]:
            result.changes.append(Change("relabelled", sid, st["doc_id"], old["kind"], st["kind"]))
        if _speaker_key(old) != _speaker_key(st):
            result.changes.append(Change("speaker", sid, st["doc_id"], _speaker_key(old), _speaker_key(st)))
        if _cue_key(old) != _cue_key(st):
            result.changes.append(Change("cue", sid, st["doc_id"], _cue_key(old), _cue_key(st)))
        if _certainty_key(old) != _certainty_key(st):
            result.changes.append(Change("certainty", sid, st["doc_id"], _certainty_key(old), _certainty_key(st)))
        if old.get("quote") != st.get("quote"):
            result.changes.append(Change("quote", sid, st["doc_id"], old.get("quote"), st.get("quote")))
        if _source_key(old) != _source_key(st):
            result.changes.append(Change("source", sid, st["doc_id"], _source_key(old), _source_key(st)))
        for name in sorted((old.keys() | st.keys()) - _HANDLED - _IGNORED):
            if old.get(name) != st.get(name):
                result.changes.append(Change("other", sid, st["doc_id"], {name: old.get(name)}, {name: st.get(name)}))
    for sid, st in before.items():
        if sid not in after:
            result.changes.append(Change("removed", sid, st["doc_id"], f"{st['kind']}: {st['text']}", None))
    result.changes.sort(key=lambda c: (c.doc_id, c.id, c.kind))
    result.scores = {
        "statements": _prf(drafts, reviewed, lambda s: (s["doc_id"], s["start"], s["end"], s["kind"])),
        "spans": _prf(drafts, reviewed, lambda s: (s["doc_id"], s["start"], s["end"])),
        "speakers": _prf(drafts, reviewed, lambda s: (s["doc_id"], s["start"], s["end"], _speaker_key(s))),
    }
    return result
