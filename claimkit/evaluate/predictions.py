"""Predicted statements: from an existing statements JSONL, or by running the extractor."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..io import iter_json_lines
from .gold import GoldDoc
from .metrics import Preds

if TYPE_CHECKING:
    from ..pipeline import Extractor


def read_jsonl(path: str | Path, docs: Sequence[GoldDoc]) -> tuple[Preds, dict[str, int]]:
    """Statement records of ``path`` grouped by ``doc_id`` (only the gold's documents).

    Returns:
        The predictions, and counts of lines for unknown documents and of statements whose
        ``text`` is not ``document_text[start:end]`` (both are left out).

    Raises:
        InputError: the file is unreadable or a line is not a statement-like JSON object.
    """
    texts = {d.document.doc_id: d.document.text for d in docs}
    preds: Preds = {k: [] for k in texts}
    notes = {"pred_unknown_doc": 0, "pred_offset_mismatch": 0}
    for where, rec in iter_json_lines(Path(path), InputError, objects=False):
        if not isinstance(rec, dict) or not all(isinstance(rec.get(k), int) for k in ("start", "end")):
            raise InputError(f"{where}: not a statement record (needs doc_id and integer start, end)")
        text = texts.get(str(rec.get("doc_id")))
        if text is None:
            notes["pred_unknown_doc"] += 1
            continue
        if "text" in rec and text[rec["start"] : rec["end"]] != rec["text"]:
            notes["pred_offset_mismatch"] += 1
            continue
        preds[str(rec["doc_id"])].append(rec)
    return preds, notes


def extract(
    docs: Sequence[GoldDoc],
    extractor: Extractor,
    progress: Callable[[int], Any] | None = None,
    batch_size: int = 16,
) -> tuple[Preds, dict[str, Any]]:
    """Run ``extractor`` on the gold texts.

    A document that fails is reported in the notes and scored with no statements.
    """
    preds: Preds = {}
    failed: dict[str, str] = {}
    for result in extractor.extract((d.document for d in docs), batch_size=batch_size):
        if progress is not None:
            progress(1)
        if result.document is None:
            continue
        doc_id = result.document.doc_id
        if result.error is not None:
            failed[doc_id] = str(result.error)
            preds[doc_id] = []
        else:
            preds[doc_id] = [st.to_dict() for st in result.statements]
    return preds, {"extract_failed": failed}
