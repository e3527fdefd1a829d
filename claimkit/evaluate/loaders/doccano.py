"""A Doccano JSONL export (sequence labelling with relations) as gold.

The label mapping belongs to the Doccano integration: each export line is turned into
statement records by ``claimkit.doccano.convert.export_line_to_statements`` and then checked
and scored like claimkit gold. The texts are in the export itself; ``doc_id`` is the line's
``doc_id`` or ``id``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ...errors import ClaimkitError, GoldFormatError
from ...io import iter_json_lines
from ...records import Document
from ..gold import GoldDoc, GoldSet
from .statements import check_record, gold_set

CONVERTER = ("claimkit.doccano.convert", "export_line_to_statements")


def converter() -> Callable[[dict[str, Any]], list[dict[str, Any]]]:
    """The Doccano-to-statements converter, or a clear error when it is not installed."""
    module_name, func = CONVERTER
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        raise GoldFormatError(f"doccano gold needs {module_name}, which is not available in this claimkit") from None
    fn = getattr(module, func, None)
    if fn is None:
        raise GoldFormatError(f"doccano gold needs {module_name}.{func}(), which is not defined")
    return fn


def load(path: Path) -> GoldSet:
    """Load a Doccano export file or a directory of them (the export carries its texts)."""
    convert = converter()
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    records: list[tuple[str, dict[str, Any]]] = []
    docs: dict[str, Document] = {}
    for f in files:
        for where, obj in iter_json_lines(f, GoldFormatError, objects=False):
            if not isinstance(obj, dict):
                raise GoldFormatError(f"{where}: expected a JSON object (a Doccano example)")
            try:
                statements = convert(obj)
            except ClaimkitError as exc:
                raise GoldFormatError(f"{where}: {exc}") from None
            doc_id = str(obj.get("doc_id") or obj.get("id"))
            if doc_id in docs:
                raise GoldFormatError(f"{where}: doc_id {doc_id!r} appears twice")
            docs[doc_id] = Document(doc_id=doc_id, text=obj.get("text", obj.get("data")), path=where)
            records += [(where, check_record(st, where)) for st in statements]
    gold = gold_set("doccano", path, records, docs)
    # Examples without statements are gold too: every prediction there is a false positive.
    have = {d.document.doc_id for d in gold.docs}
    gold.docs += [GoldDoc(document=doc, key=doc_id) for doc_id, doc in docs.items() if doc_id not in have]
    gold.docs.sort(key=lambda d: d.document.doc_id)
    return gold
