"""``claimkit validate``: check statements or documents JSONL against schemas/ and their offsets."""

from pathlib import Path
from typing import Annotated, Any

import typer

from ..constants import SCHEMA_NAMES
from ..errors import EXIT_INVALID, InputError, JSONLError
from ..io import MAX_LINE_BYTES, iter_documents, iter_json_lines, iter_lines, loads_line
from ..records import Document
from ..validation import check_statement, non_finite
from .common import choice, handle_errors, warn


def _document_lengths(path: Path) -> dict[str, int]:
    """``doc_id -> chars`` of a documents JSONL file."""
    lengths: dict[str, int] = {}
    for where, record in iter_json_lines(path, InputError):
        doc_id, chars = record.get("doc_id"), record.get("chars")
        if not isinstance(doc_id, str) or not isinstance(chars, int):
            raise InputError(f"{where}: not a document record (needs doc_id and chars)")
        lengths[doc_id] = chars
    return lengths


def _texts(paths: list[str]) -> dict[str, str]:
    texts: dict[str, str] = {}
    for item in iter_documents(paths):
        if not isinstance(item, Document):
            raise item
        texts[item.doc_id] = item.text
    return texts


def _decode(raw: bytes, where: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise JSONLError(f"{where}: not valid UTF-8 at byte {exc.start} (JSONL files are UTF-8)") from None


def _problems(
    record: Any, name: str, lengths: dict[str, int] | None, texts: dict[str, str] | None
) -> list[tuple[str, str]]:
    from ..schema import check_offsets, iter_errors  # imported here: jsonschema is slow to import

    problems = list(iter_errors(record, name))
    if not isinstance(record, dict):
        return problems
    if name == "document":
        return problems + list(non_finite(record))
    doc_id = record.get("doc_id")
    text = texts.get(doc_id) if texts is not None and isinstance(doc_id, str) else None
    chars = lengths.get(doc_id) if lengths is not None and isinstance(doc_id, str) else None
    for known, what in ((lengths, "--docs"), (texts, "--texts")):
        if known is not None and isinstance(doc_id, str) and doc_id not in known:
            problems.append(("/doc_id", f"document {doc_id!r} is not in {what}"))
    problems.extend(check_offsets(record))
    problems.extend(p for p in check_statement(record, chars, text) if p not in problems)
    return problems


def validate(
    file: Annotated[Path, typer.Argument(help="A statements or documents JSONL file.")],
    schema: Annotated[
        str | None,
        typer.Option("--schema", click_type=choice("schema", SCHEMA_NAMES), help="Schema (default: guessed per line)."),
    ] = None,
    docs: Annotated[
        Path | None,
        typer.Option("--docs", help="The documents JSONL of the same run: every span must end within its document."),
    ] = None,
    texts: Annotated[
        list[str] | None,
        typer.Option(
            "--texts", help="The articles (files, directories, .jsonl): every span must equal the text it points at."
        ),
    ] = None,
    max_errors: Annotated[
        int, typer.Option("--max-errors", min=0, help="Print at most N errors (0: all); the total is always given.")
    ] = 50,
) -> None:
    """Validate every line of FILE (streamed); print FILE:LINE: POINTER: MESSAGE for each error.

    Checks the JSON Schema and the offsets: start < end, end - start == len(text), id is
    <doc_id>:<n>, numbers finite; with --docs/--texts also that spans lie within the document.

    Exit codes: 0 all valid, 1 some line invalid, 2 usage, 3 unreadable file.
    """
    with handle_errors():
        from ..schema import detect_kind

        lengths = _document_lengths(docs) if docs is not None else None
        known_texts = _texts(texts) if texts else None
        bad = total = errors = 0

        def report(where: str, pointer: str, message: str) -> None:
            nonlocal errors
            errors += 1
            if not max_errors or errors <= max_errors:
                typer.echo(f"{where}: {pointer}: {message}")

        for where, raw in iter_lines(file, InputError):
            try:
                if len(raw) > MAX_LINE_BYTES:
                    raise JSONLError(f"{where}: line longer than {MAX_LINE_BYTES >> 20} MiB")
                line = _decode(raw, where)
                if not line.strip():
                    continue
                total += 1
                record = loads_line(line, where, JSONLError)
            except InputError as exc:
                bad += 1
                report(where, "/", str(exc).removeprefix(f"{where}: "))
                continue
            problems = _problems(record, schema or detect_kind(record), lengths, known_texts)
            for pointer, message in problems:
                report(where, pointer, message)
            bad += bool(problems)
        if max_errors and errors > max_errors:
            warn(f"{errors - max_errors} more errors not shown (--max-errors {max_errors})")
        typer.echo(f"{total - bad} of {total} records valid; {errors} errors", err=True)
        if bad:
            raise typer.Exit(EXIT_INVALID)
