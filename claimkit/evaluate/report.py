"""The outcome of one evaluation: every figure, as a readable table or as JSON."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..io import atomic_writer
from .metrics import DocScore

SYSTEM = "claimkit"

# Columns printed per task (every figure is in the JSON).
COLUMNS: dict[str, tuple[str, ...]] = {
    "attribution": (
        "precision",
        "content_recall",
        "content_f1",
        "source_recall",
        "cue_recall",
        "attribution_recall",
        "attribution_f1",
        "support",
    ),
    "attribution_spans": (
        *(f"{role}_{m}_f1" for m in ("exact", "begin", "overlap") for role in ("source", "cue", "content")),
        "triple_exact_f1",
        "support",
    ),
    "statements": (
        "precision",
        "recall",
        "f1",
        "kind_accuracy",
        "kind_macro_f1",
        "speaker_right",
        "cue_right",
        "quote_right",
        "source_right",
        "certainty_right",
        "all_fields",
        "support",
    ),
    "certainty": ("precision", "recall", "f1", "cue_precision", "cue_recall", "cue_f1", "support"),
    "subjectivity": (
        "author_accuracy",
        "author_macro_f1",
        "accuracy",
        "macro_f1",
        "subj_precision",
        "subj_recall",
        "subj_f1",
        "support",
    ),
    "certainty_score": ("pearson", "spearman", "support"),
    "factuality": ("agreement", "macro_f1", "certain_f1", "uncertain_f1", "support"),
    "speakers": ("quote_recall", "speaker_accuracy", "full_name_accuracy", "full_name_recall", "support"),
    "checkworthiness": ("precision", "recall", "f1", "accuracy", "positives", "support"),
}


@dataclass
class Report:
    """Every figure of one ``claimkit eval`` run.

    Attributes:
        tables: ``{task: {system: {figure: value}}}``; system ``claimkit`` first, then the
            baselines as ``baseline:NAME``.
        extras: ``{task: {system: {...}}}``, e.g. confusion matrices.
        per_doc: the extractor's per-document headline scores, worst first.
    """

    format: str
    gold: str
    split: str
    limit: int | None
    documents: int
    predictions: str
    created: str
    claimkit_version: str
    tables: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    extras: dict[str, dict[str, Any]] = field(default_factory=dict)
    per_doc: list[DocScore] = field(default_factory=list)
    notes: dict[str, Any] = field(default_factory=dict)

    def figure(self, task: str, name: str, system: str = SYSTEM) -> Any:
        """One figure, e.g. ``report.figure("attribution", "attribution_f1")``."""
        return self.tables[task][system][name]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def write_json(self, path: str | Path) -> None:
        """Write :meth:`to_dict` as indented JSON, atomically."""
        with atomic_writer(path) as fh:
            json.dump(self.to_dict(), fh, ensure_ascii=False, indent=2)
            fh.write("\n")

    def render(self, per_doc: int = 0) -> str:
        """A plain-text report: one table per task, extras, and the worst documents."""
        lines = [
            f"claimkit eval  format={self.format}  gold={self.gold}  split={self.split}"
            + (f"  limit={self.limit}" if self.limit else "")
            + f"  documents={self.documents}  predictions={self.predictions}",
        ]
        for task, systems in self.tables.items():
            cols = [c for c in COLUMNS.get(task, ()) if any(c in f for f in systems.values())]
            rows = [["system", *cols]]
            rows += [[system, *(_fmt(figures.get(c)) for c in cols)] for system, figures in systems.items()]
            lines += ["", f"[{task}]", *_table(rows)]
            for name, value in self.extras.get(task, {}).get(SYSTEM, {}).items():
                if isinstance(value, dict) and value and all(isinstance(v, dict) for v in value.values()):
                    lines += ["", f"{name} ({SYSTEM}; rows gold, columns predicted)", *_matrix(value)]
        if per_doc and self.per_doc:
            lines += ["", f"worst documents ({SYSTEM}, by {self.notes.get('per_doc_figure', 'score')})"]
            rows = [["doc_id", "score", "support"]]
            rows += [[d.doc_id, _fmt(d.score), str(d.support)] for d in self.per_doc[:per_doc]]
            lines += _table(rows)
        return "\n".join(lines) + "\n"


def _fmt(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _table(rows: list[list[str]]) -> list[str]:
    """Left-aligned first column, right-aligned others, each as wide as its longest cell."""
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return [
        f"{r[0]:<{widths[0]}}" + "".join(f"  {c:>{w}}" for c, w in zip(r[1:], widths[1:], strict=True)) for r in rows
    ]


def _matrix(matrix: dict[str, dict[str, int]]) -> list[str]:
    cols = list(dict.fromkeys(c for row in matrix.values() for c in row))
    return _table([["", *cols]] + [[r, *(str(matrix[r].get(c, 0)) for c in cols)] for r in matrix])
