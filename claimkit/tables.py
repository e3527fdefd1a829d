"""Statement records as a pandas DataFrame (one row per statement), and back; CSV and Parquet.

The nested objects of a record are flattened into prefixed columns (``speaker.name`` becomes
``speaker_name``, ``cue.text`` becomes ``cue``, ``certainty.label`` becomes
``certainty_label``); ``certainty_cues`` stays a list of ``{text, start, end, type, holder}``
dicts. A null ``speaker``, ``cue`` or ``source`` gives missing values in all its columns.
Fields that records carry beyond the contract keep their own name as extra columns, so that
:func:`from_dataframe` gives back the records that went in.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from . import schema
from .constants import EXPORT_FORMATS
from .errors import JSONLError, OutputError, SchemaError, UsageError
from .io import atomic_writer, iter_json_lines
from .records import CERTAINTY_LABELS, KINDS, QUOTE_TYPES, SOURCE_TYPES, SPEAKER_TYPES, Statement

# Nested objects that are flattened: record key -> (column prefix, keys in contract order).
NESTED: dict[str, tuple[str, ...]] = {
    "speaker": ("name", "mention", "start", "end", "type", "description"),
    "cue": ("text", "start", "end", "lemma"),
    "source": ("name", "type", "start", "end"),
}
CONTRACT_FIELDS = ("id", "doc_id", "kind", "text", "start", "end", "speaker", "cue", "quote", "source", "certainty")

#: Columns of :func:`to_dataframe`, in order, before any extra fields.
COLUMNS: tuple[str, ...] = (
    "id",
    "doc_id",
    "kind",
    "text",
    "start",
    "end",
    "quote",
    "speaker_name",
    "speaker_mention",
    "speaker_start",
    "speaker_end",
    "speaker_type",
    "speaker_description",
    "cue",
    "cue_start",
    "cue_end",
    "cue_lemma",
    "source_name",
    "source_type",
    "source_start",
    "source_end",
    "certainty_label",
    "certainty_score",
    "certainty_cues",
)

# Column dtypes: categories are the schema's enums (values outside them are appended, so
# nothing is lost); offsets are nullable integers; text is pandas' string dtype.
CATEGORIES: dict[str, tuple[str, ...]] = {
    "kind": KINDS,
    "quote": QUOTE_TYPES,
    "speaker_type": SPEAKER_TYPES,
    "source_type": SOURCE_TYPES,
    "certainty_label": CERTAINTY_LABELS,
}
INT_COLUMNS = ("start", "end", "speaker_start", "speaker_end", "cue_start", "cue_end", "source_start", "source_end")
FLOAT_COLUMNS = ("certainty_score",)
OBJECT_COLUMNS = ("certainty_cues",)
#: Columns of the version 1.1 ``content`` (present when the records have it), after :data:`COLUMNS`.
CONTENT_COLUMNS = ("content_text", "content_start", "content_end", "content_parts")

_CUE_REQUIRED = ("text", "start", "end", "type")

FORMATS = EXPORT_FORMATS
SPEAKER_COLUMNS = (
    *("doc_id", "speaker_id", "name", "type", "description", "mentions", "statements"),
    *("fact", "opinion", "speculation"),
)
_SUFFIXES = {".csv": "csv", ".parquet": "parquet", ".pq": "parquet", ".html": "html", ".htm": "html"}


def _column(prefix: str, key: str) -> str:
    """``("cue", "text")`` -> ``"cue"``; otherwise ``prefix_key``."""
    return prefix if (prefix, key) == ("cue", "text") else f"{prefix}_{key}"


def iter_records(
    path: str | os.PathLike[str], name: str = "statement", validate: bool = True
) -> Iterator[dict[str, Any]]:
    """Yield the records of a JSONL file, one per non-blank line.

    Args:
        path: a statements (or documents) JSONL file written by ``claimkit extract``.
        name: the schema the records follow: ``statement`` or ``document``.
        validate: check every record against ``schemas/<name>.schema.json``.

    Raises:
        InputError: the file cannot be read or is not UTF-8.
        JSONLError: a line is not a JSON object (the message names the line).
        SchemaError: a record does not validate (the message names the line).
    """
    for where, record in iter_json_lines(path, objects=False):
        if not isinstance(record, dict):
            raise JSONLError(f"{where}: expected a JSON object (a {name} record)")
        if validate:
            try:
                schema.validate(record, name)
            except SchemaError as exc:
                raise SchemaError(f"{where}: {exc}") from None
        yield record


def _as_records(source: str | os.PathLike[str] | Iterable[Mapping[str, Any] | Statement]) -> list[dict[str, Any]]:
    if isinstance(source, (str, os.PathLike)):
        return list(iter_records(source))
    records = []
    for item in source:
        if isinstance(item, Statement):
            records.append(item.to_dict())
        elif isinstance(item, Mapping):
            records.append(dict(item))
        else:
            raise UsageError(f"expected statement records (dicts or Statement), got {type(item).__name__}")
    return records


def flatten(record: Mapping[str, Any]) -> dict[str, Any]:
    """One statement record as one flat row (a dict keyed by column name)."""
    row: dict[str, Any] = {key: record.get(key) for key in ("id", "doc_id", "kind", "text", "start", "end", "quote")}
    for name, keys in NESTED.items():
        obj = record.get(name) or {}
        for key in keys:
            row[_column(name, key)] = obj.get(key)
        for key, value in obj.items():
            if key not in keys:
                row[f"{name}_{key}"] = value
    certainty = record.get("certainty") or {}
    row["certainty_label"] = certainty.get("label")
    row["certainty_score"] = certainty.get("score")
    row["certainty_cues"] = [dict(c) for c in certainty.get("cues", [])]
    for key, value in certainty.items():
        if key not in ("label", "score", "cues"):
            row[f"certainty_{key}"] = value
    for key, value in record.items():
        if key == "content":
            row.update(_flat_content(value))
        elif key not in CONTRACT_FIELDS:
            row[key] = value
    return row


def _flat_content(content: Mapping[str, Any] | None) -> dict[str, Any]:
    """``content`` (version 1.1) as ``content_text``, ``content_start``, ``content_end`` and
    ``content_parts`` (a list of ``{text, start, end}``); all missing when it is null."""
    content = content or {}
    return {
        "content_text": content.get("text"),
        "content_start": content.get("start"),
        "content_end": content.get("end"),
        "content_parts": [dict(p) for p in content["parts"]] if content.get("parts") is not None else None,
    }


def _content_from(row: Mapping[str, Any]) -> dict[str, Any] | None:
    text = _as_str(row.get("content_text"))
    if text is None:
        return None
    parts = _plain(row.get("content_parts"))
    if isinstance(parts, str):  # read back from CSV, where the list is JSON text
        parts = json.loads(parts)
    return {
        "text": text,
        "start": _as_int(row.get("content_start")),
        "end": _as_int(row.get("content_end")),
        "parts": [{"text": str(p["text"]), "start": int(p["start"]), "end": int(p["end"])} for p in parts or []],
    }


def to_dataframe(source: str | os.PathLike[str] | Iterable[Mapping[str, Any] | Statement]) -> pd.DataFrame:
    """One row per statement, with flattened columns and typed dtypes.

    Args:
        source: a statements JSONL path, or statement records (dicts as written by
            ``claimkit extract``, or :class:`~claimkit.records.Statement` objects).

    Returns:
        A DataFrame with the columns of :data:`COLUMNS` and then one column per extra field:
        ``kind``, ``quote``, ``speaker_type``, ``source_type`` and ``certainty_label`` are
        categoricals, offsets are nullable ``Int64``, ``certainty_score`` is ``float64``,
        text columns use pandas' ``string`` dtype, ``certainty_cues`` holds lists of dicts.

    Example:
        >>> df = to_dataframe("out/statements.jsonl")
        >>> df.groupby("kind", observed=False).size()
    """
    rows = [flatten(r) for r in _as_records(source)]
    columns = list(COLUMNS) + [c for c in dict.fromkeys(k for row in rows for k in row) if c not in COLUMNS]
    df = pd.DataFrame.from_records(rows, columns=columns)
    for col in CONTENT_COLUMNS:
        if col in df.columns and col != "content_parts":
            df[col] = df[col].astype("Int64" if col != "content_text" else "string")
    for col in COLUMNS:
        if col in CATEGORIES:
            known = CATEGORIES[col]
            extra = sorted({v for v in df[col].dropna() if v not in known})
            df[col] = pd.Categorical(df[col], categories=[*known, *extra])
        elif col in INT_COLUMNS:
            df[col] = df[col].astype("Int64")
        elif col in FLOAT_COLUMNS:
            df[col] = df[col].astype("float64")
        elif col not in OBJECT_COLUMNS:
            df[col] = df[col].astype("string")
    return df


def _plain(value: Any) -> Any:
    """A DataFrame cell as a plain JSON value: numpy scalars and arrays become Python ones, NA None."""
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, np.ndarray)):
        return [_plain(v) for v in value]
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _as_str(value: Any) -> str | None:
    """A text cell as ``str`` (a CSV reader may have parsed ``"2023"`` as a number)."""
    value = _plain(value)
    return None if value is None else str(value)


def _as_int(value: Any) -> int | None:
    value = _plain(value)
    return None if value is None else int(value)


def _as_cues(value: Any) -> list[dict[str, Any]]:
    value = _plain(value)
    if value is None:
        return []
    if isinstance(value, str):  # read back from CSV, where the list is JSON text
        value = json.loads(value)
    # Parquet stores the cues as structs: optional keys a cue lacked come back as nulls
    return [{k: v for k, v in cue.items() if v is not None or k in _CUE_REQUIRED} for cue in value]


def _nested(row: Mapping[str, Any], name: str, extra_cols: list[str]) -> dict[str, Any] | None:
    keys = NESTED[name]
    obj = {key: _as_str(row.get(_column(name, key))) for key in keys}
    if obj[keys[0]] is None:
        return None
    for key in ("start", "end"):
        obj[key] = _as_int(row.get(_column(name, key)))
    for col in extra_cols:
        value = _plain(row[col])
        if value is not None:
            obj[col[len(name) + 1 :]] = value
    return obj


def from_dataframe(df: pd.DataFrame) -> list[dict[str, Any]]:
    """Turn a DataFrame made by :func:`to_dataframe` back into statement records.

    Contract fields come back exactly (``JSONL -> DataFrame -> JSONL`` is lossless);
    ``speaker``, ``cue`` and ``source`` are null when their name/text column is missing.
    Extra columns become extra fields again; a missing value in an extra column leaves the
    field out of that record. Rows may have been filtered or reordered.

    Raises:
        UsageError: a contract column is missing from ``df``.
    """
    missing = [c for c in COLUMNS if c not in df.columns and c not in ("speaker_description",)]
    if missing:
        raise UsageError(f"not a claimkit statements DataFrame: missing column(s) {', '.join(missing)}")
    extras = [c for c in df.columns if c not in COLUMNS]
    nested_extras = {
        name: [c for c in extras if c.startswith(f"{name}_")] for name in ("speaker", "cue", "source", "certainty")
    }
    # the extra fields in column order; "content_text" stands for the whole content
    top_extras = [
        c for c in extras if not any(c in cols for cols in nested_extras.values()) and c not in CONTENT_COLUMNS[1:]
    ]
    records = []
    for row in df.to_dict(orient="records"):
        certainty: dict[str, Any] = {
            "label": _as_str(row["certainty_label"]),
            "score": float(row["certainty_score"]),
            "cues": _as_cues(row["certainty_cues"]),
        }
        for col in nested_extras["certainty"]:
            if (value := _plain(row[col])) is not None:
                certainty[col[len("certainty_") :]] = value
        record: dict[str, Any] = {
            "id": _as_str(row["id"]),
            "doc_id": _as_str(row["doc_id"]),
            "kind": _as_str(row["kind"]),
            "text": _as_str(row["text"]),
            "start": _as_int(row["start"]),
            "end": _as_int(row["end"]),
            "speaker": _nested(row, "speaker", nested_extras["speaker"]),
            "cue": _nested(row, "cue", nested_extras["cue"]),
            "quote": _as_str(row["quote"]),
            "source": _nested(row, "source", nested_extras["source"]),
            "certainty": certainty,
        }
        for col in top_extras:
            if col == "content_text":
                record["content"] = _content_from(row)
            elif (value := _plain(row[col])) is not None:
                record[col] = value
        records.append(record)
    return records


def format_for(output: str | os.PathLike[str] | None, fmt: str | None) -> str:
    """The export format: ``fmt`` if given, else guessed from the suffix of ``output``.

    Raises:
        UsageError: unknown format, or none given and the suffix says nothing.
    """
    if fmt is not None:
        if fmt not in FORMATS:
            raise UsageError(f"unknown format {fmt!r}; allowed: {', '.join(FORMATS)}")
        return fmt
    suffix = Path(str(output)).suffix.lower() if output not in (None, "-") else ""
    if suffix in _SUFFIXES:
        return _SUFFIXES[suffix]
    raise UsageError(f"cannot tell the format from {str(output or 'stdout')!r}; pass --format {'|'.join(FORMATS)}")


def _json_cells(df: pd.DataFrame) -> pd.DataFrame:
    """A copy whose list/dict cells are JSON text (for CSV)."""
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object:
            out[col] = [
                json.dumps(_plain(v), ensure_ascii=False) if isinstance(v, (list, dict, np.ndarray)) else v
                for v in out[col]
            ]
    return out


def write_csv(df: pd.DataFrame, output: str | os.PathLike[str] | None) -> None:
    """Write ``df`` as UTF-8 CSV (atomically; ``None`` or ``-`` for stdout).

    ``certainty_cues`` (and any other list or dict column) is written as JSON text.
    """
    with atomic_writer(output) as fh:
        _json_cells(df).to_csv(fh, index=False)


def write_parquet(df: pd.DataFrame, output: str | os.PathLike[str]) -> None:
    """Write ``df`` as Parquet through pyarrow (atomically).

    Raises:
        UsageError: pyarrow is not installed (``pip install 'claimkit[parquet]'``).
        OutputError: the file cannot be written, or a column has values Parquet cannot hold.
    """
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise UsageError("Parquet output needs pyarrow: pip install 'claimkit[parquet]'") from None
    import pyarrow as pa

    with atomic_writer(output, "wb") as fh:
        try:
            df.to_parquet(fh, engine="pyarrow", index=False)
        except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError) as exc:
            raise OutputError(f"{output}: cannot write Parquet ({exc})") from None


def speaker_frame(statements: Iterable[Mapping[str, Any]], documents: Iterable[Mapping[str, Any]] = ()) -> pd.DataFrame:
    """One row per document x speaker: name, type, description, mentions, statements and
    statements by kind (columns :data:`SPEAKER_COLUMNS`).

    Speakers are told apart by ``speaker.id`` (else by name). ``mentions`` and ``description``
    come from the documents' speaker tables (``claimkit extract --docs``) when given; else
    mentions counts the distinct speaker mentions among the statements.
    """
    tables = {d["doc_id"]: {s["id"]: s for s in d.get("speakers") or []} for d in documents}
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    spans: dict[tuple[str, str], set[Any]] = {}
    for st in statements:
        sp = st.get("speaker")
        if not sp:
            continue
        key = (str(st["doc_id"]), str(sp.get("id") or sp["name"]))
        row = rows.get(key)
        if row is None:
            row = rows[key] = dict.fromkeys(SPEAKER_COLUMNS, 0)
            row.update(doc_id=key[0], speaker_id=sp.get("id"), name=sp["name"], type=sp["type"])
            row["description"] = sp.get("description")
        row["statements"] += 1
        if st.get("kind") in ("fact", "opinion", "speculation"):
            row[st["kind"]] += 1
        row["description"] = row["description"] or sp.get("description")
        spans.setdefault(key, set()).add((sp.get("start"), sp.get("end")))
    for key, row in rows.items():
        known = tables.get(key[0], {}).get(row["speaker_id"] or "")
        row["mentions"] = known["mentions"] if known else len(spans[key])
        if known and known.get("description"):
            row["description"] = known["description"]
    return pd.DataFrame(list(rows.values()), columns=list(SPEAKER_COLUMNS))
