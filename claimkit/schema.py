"""JSON Schema validation of statement and document records.

Validators are built once per process (``functools.cache``) and reused for every record.
Every record is first checked by a plain-Python check compiled from the same schema
(:func:`compile_check`, about 20 times faster than jsonschema); only a record it does not pass
goes through jsonschema, which has the last word and writes the message. The compiled check
accepts nothing jsonschema rejects (it may send a valid record on to jsonschema).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
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


Check = Callable[[Any], bool]
_TYPES: dict[str, Check] = {
    "object": lambda x: isinstance(x, dict),
    "array": lambda x: isinstance(x, list),
    "string": lambda x: isinstance(x, str),
    "integer": lambda x: isinstance(x, int) and not isinstance(x, bool),
    "number": lambda x: isinstance(x, (int, float)) and not isinstance(x, bool),
    "boolean": lambda x: isinstance(x, bool),
    "null": lambda x: x is None,
}
_ANNOTATIONS = frozenset(["$schema", "$id", "$comment", "title", "description", "default", "examples"])


class Unsupported(Exception):
    """The schema uses a keyword :func:`compile_check` does not implement."""


def compile_check(schema: Any) -> Check:
    """A function telling whether an instance is valid against ``schema``, for the keywords
    claimkit's schemas use: ``type``, ``enum`` (of strings), ``required``, ``properties``,
    ``additionalProperties``, ``items``, ``minItems``, ``anyOf``, ``minimum``, ``maximum``,
    ``minLength`` and ``pattern``, with Draft 2020-12's meaning (a keyword for another type
    than the instance's is ignored; NaN passes ``minimum`` and ``maximum`` as in jsonschema).

    It returns True only for instances jsonschema accepts; an integral float for
    ``"integer"``, or a non-string for ``enum``, gets False (jsonschema then decides).

    Raises:
        Unsupported: any other keyword (the caller then uses jsonschema alone).
    """
    if schema is True or schema is False:
        return lambda _x, ok=schema: ok
    if not isinstance(schema, dict):
        raise Unsupported(f"schema {schema!r}")
    checks: list[Check] = []
    for key, value in schema.items():
        if key in _ANNOTATIONS:
            continue
        checks.append(_keyword(key, value, schema))
    if len(checks) == 1:
        return checks[0]
    return lambda x: all(check(x) for check in checks)


def _keyword(key: str, value: Any, schema: dict[str, Any]) -> Check:
    if key == "type":
        names = [value] if isinstance(value, str) else list(value)
        if not all(n in _TYPES for n in names):
            raise Unsupported(f"type {value!r}")
        tests = [_TYPES[n] for n in names]
        return tests[0] if len(tests) == 1 else lambda x: any(t(x) for t in tests)
    if key == "enum":
        if not all(isinstance(v, str) for v in value):
            raise Unsupported("enum of non-strings")
        allowed = frozenset(value)
        return lambda x: isinstance(x, str) and x in allowed
    if key == "required":
        names = list(value)
        return lambda x: not isinstance(x, dict) or all(n in x for n in names)
    if key == "properties":
        props = {k: compile_check(v) for k, v in value.items()}
        return lambda x: not isinstance(x, dict) or all(c(x[k]) for k, c in props.items() if k in x)
    if key == "additionalProperties":
        if "patternProperties" in schema:
            raise Unsupported("patternProperties")
        known = frozenset(schema.get("properties", ()))
        extra = compile_check(value)
        return lambda x: not isinstance(x, dict) or all(extra(v) for k, v in x.items() if k not in known)
    if key == "items":
        if "prefixItems" in schema:
            raise Unsupported("prefixItems")
        item = compile_check(value)
        return lambda x: not isinstance(x, list) or all(item(v) for v in x)
    if key == "minItems":
        return lambda x: not isinstance(x, list) or len(x) >= value
    if key == "anyOf":
        subs = [compile_check(v) for v in value]
        return lambda x: any(c(x) for c in subs)
    if key in ("minimum", "maximum"):
        number = _TYPES["number"]
        if key == "minimum":
            return lambda x: not number(x) or not x < value
        return lambda x: not number(x) or not x > value
    if key == "minLength":
        return lambda x: not isinstance(x, str) or len(x) >= value
    if key == "pattern":
        search = re.compile(value).search
        return lambda x: not isinstance(x, str) or search(x) is not None
    raise Unsupported(key)


@cache
def fast_check(name: str) -> Check | None:
    """The compiled check of schema ``name`` (None when the schema uses another keyword)."""
    try:
        return compile_check(load_schema(name))
    except Unsupported:
        return None


def iter_errors(record: Any, name: str) -> Iterator[tuple[str, str]]:
    """Yield ``(json_pointer, message)`` for every schema error of ``record``."""
    check = fast_check(name)
    if check is not None and check(record):
        return
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
