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


def _int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def check_line(obj: dict[str, Any], where: str) -> dict[str, Any]:
    """Check the annotation fields of one export line; return it with ``entities``/``relations``.

    Doccano writes spans as ``entities`` (objects, with ``relations``) in a project with
    relations, and as ``label`` (``[start, end, "Label"]`` triples) in one without; the
    latter are turned into entities.

    Raises:
        GoldFormatError: a field of the wrong type, offsets that are not integers within the
            text, or a relation naming an unknown span (the message names ``file:line``).
    """
    text = obj.get("text", obj.get("data"))
    if not isinstance(text, str):
        raise GoldFormatError(f"{where}: no 'text' string")
    if "entities" not in obj and "label" in obj:
        label = obj["label"]
        if not isinstance(label, list) or not all(
            isinstance(x, list) and len(x) == 3 and isinstance(x[2], str) for x in label
        ):
            raise GoldFormatError(
                f"{where}: field 'label' must be [start, end, \"Label\"] spans (a sequence-labelling project), "
                f"not {str(label)[:60]}"
            )
        entities = [{"id": i, "start_offset": s, "end_offset": e, "label": lab} for i, (s, e, lab) in enumerate(label)]
        obj = {**obj, "entities": entities, "relations": obj.get("relations", [])}
    entities, relations = obj.get("entities", []), obj.get("relations", [])
    if not isinstance(entities, list) or not isinstance(relations, list):
        raise GoldFormatError(f"{where}: 'entities' and 'relations' must be lists")
    limit = len(text.encode("utf-16-le")) // 2  # offsets may count UTF-16 code units (the UI's)
    ids = set()
    for i, ent in enumerate(entities):
        if not isinstance(ent, dict) or not isinstance(ent.get("label"), str):
            raise GoldFormatError(f"{where}: entity {i} must be an object with a string 'label'")
        start, end = ent.get("start_offset"), ent.get("end_offset")
        if not (_int(start) and _int(end)):
            raise GoldFormatError(
                f"{where}: entity {i}: start_offset and end_offset must be integers, not {start!r}, {end!r}"
            )
        if not 0 <= start <= end <= limit:
            raise GoldFormatError(
                f"{where}: entity {i}: offsets {start}-{end} outside the text ({len(text)} characters)"
            )
        ids.add(ent.get("id"))
    for i, rel in enumerate(relations):
        if not isinstance(rel, dict) or not isinstance(rel.get("type"), str):
            raise GoldFormatError(f"{where}: relation {i} must be an object with a string 'type'")
        if rel.get("from_id") not in ids or rel.get("to_id") not in ids:
            raise GoldFormatError(f"{where}: relation {i} links spans that are not in 'entities'")
    return obj


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
            obj = check_line(obj, where)
            try:
                statements = convert(obj)
            except ClaimkitError as exc:
                raise GoldFormatError(f"{where}: {exc}") from None
            except (KeyError, TypeError, ValueError) as exc:
                raise GoldFormatError(f"{where}: not a Doccano export line ({type(exc).__name__}: {exc})") from None
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
