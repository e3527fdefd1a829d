"""JSON Schema validation of statement and document records.

Validators are built once per process (``functools.cache``) and reused for every record.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from .constants import SCHEMA_NAMES
from .errors import SchemaError, UsageError


def schema_dir() -> Path:
    """Where the schemas live: inside the installed package, or ``schemas/`` of a checkout."""
    packaged = Path(__file__).parent / "schemas"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "schemas"


@cache
def load_schema(name: str) -> dict[str, Any]:
    if name not in SCHEMA_NAMES:
        raise UsageError(f"unknown schema {name!r}; allowed: {', '.join(SCHEMA_NAMES)}")
    path = schema_dir() / f"{name}.schema.json"
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


@cache
def validator(name: str) -> Draft202012Validator:
    """The validator for ``name`` ("statement" or "document"), built once."""
    schema = load_schema(name)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def iter_errors(record: Any, name: str) -> Iterator[tuple[str, str]]:
    """Yield ``(json_pointer, message)`` for every schema error of ``record``."""
    for err in sorted(validator(name).iter_errors(record), key=lambda e: list(e.absolute_path)):
        pointer = "/" + "/".join(str(p) for p in err.absolute_path)
        yield pointer, err.message


def check_offsets(record: dict[str, Any], text: str | None = None) -> Iterator[tuple[str, str]]:
    """Checks JSON Schema cannot express: ``start < end``, and ``text == doc[start:end]``."""
    start, end = record.get("start"), record.get("end")
    if isinstance(start, int) and isinstance(end, int):
        if start >= end:
            yield "/end", f"end {end} is not after start {start}"
        elif text is not None and text[start:end] != record.get("text"):
            yield "/text", f"text does not equal document[{start}:{end}]"


def validate(record: dict[str, Any], name: str = "statement", text: str | None = None) -> None:
    """Raise :class:`SchemaError` naming the first bad JSON pointer of ``record``."""
    problems = list(iter_errors(record, name))
    if name == "statement":
        problems.extend(check_offsets(record, text))
    if problems:
        pointer, message = problems[0]
        rid = record.get("id") or record.get("doc_id") if isinstance(record, dict) else None
        raise SchemaError(f"{name} record {rid!r} is invalid at {pointer}: {message}")


def detect_kind(record: Any) -> str:
    """Guess which schema a record is meant for: documents have ``sha256``, statements ``kind``."""
    if isinstance(record, dict) and "sha256" in record and "kind" not in record:
        return "document"
    return "statement"
