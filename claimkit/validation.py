"""Checks of statement records beyond JSON Schema, for ``claimkit validate``.

JSON Schema says which fields exist and their types; these checks say whether the offsets can
be right: every span has ``start < end`` and ``end - start == len(text)``, lies within the
document (its ``chars`` from a documents file, or its text when the articles are given) and
equals the document text there; numbers are finite; ``id`` is ``<doc_id>:<n>``.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

Problem = tuple[str, str]


def non_finite(value: Any, pointer: str = "") -> Iterator[Problem]:
    """``(pointer, message)`` for every NaN or infinite number in ``value``."""
    stack = [(value, pointer)]
    while stack:
        item, where = stack.pop()
        if isinstance(item, float) and not math.isfinite(item):
            yield where or "/", f"{item} is not a finite number"
        elif isinstance(item, dict):
            stack.extend((v, f"{where}/{k}") for k, v in item.items())
        elif isinstance(item, list):
            stack.extend((v, f"{where}/{i}") for i, v in enumerate(item))


def _spans(record: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any], str]]:
    """``(pointer, span, text field)`` of every span with offsets in a statement record."""
    yield "", record, "text"
    for name, text_field in (("speaker", "mention"), ("cue", "text"), ("source", "name"), ("content", "text")):
        span = record.get(name)
        if isinstance(span, dict):
            yield f"/{name}", span, text_field
    certainty = record.get("certainty")
    if isinstance(certainty, dict) and isinstance(certainty.get("cues"), list):
        for i, cue in enumerate(certainty["cues"]):
            if isinstance(cue, dict):
                yield f"/certainty/cues/{i}", cue, "text"


def check_statement(record: dict[str, Any], chars: int | None = None, text: str | None = None) -> Iterator[Problem]:
    """Every offset problem of one statement record.

    Args:
        record: a statement record (already checked against the schema).
        chars: the document's length, when known (from a documents file).
        text: the document's text, when known (the articles were given).
    """
    doc_id, rid = record.get("doc_id"), record.get("id")
    if isinstance(doc_id, str) and isinstance(rid, str):
        prefix, _, n = rid.rpartition(":")
        if prefix != doc_id or not n.isdigit():
            yield "/id", f"id {rid!r} is not {doc_id!r}:<n>"
    if text is not None:
        chars = len(text)
    for pointer, span, text_field in _spans(record):
        start, end = span.get("start"), span.get("end")
        if not (isinstance(start, int) and isinstance(end, int)):
            continue
        if start < 0 or start >= end:
            yield f"{pointer}/end", f"end {end} is not after start {start}"
            continue
        if chars is not None and end > chars:
            yield f"{pointer}/end", f"end {end} is past the end of the document ({chars} characters)"
            continue
        value = span.get(text_field)
        if text_field == "text" or pointer == "/speaker":
            if isinstance(value, str) and len(value) != end - start:
                yield f"{pointer}/{text_field}", f"{len(value)} characters long but end - start is {end - start}"
            elif text is not None and isinstance(value, str) and text[start:end] != value:
                yield f"{pointer}/{text_field}", f"does not equal document[{start}:{end}]"
    yield from non_finite(record)
