"""``claimkit validate``: check statements or documents JSONL against schemas/."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from ..errors import EXIT_INVALID, InputError
from ..io import decode_bytes
from ..schema import SCHEMA_NAMES, check_offsets, detect_kind, iter_errors
from .common import handle_errors


def validate(
    file: Annotated[Path, typer.Argument(help="A statements or documents JSONL file.")],
    schema: Annotated[
        str | None, typer.Option("--schema", help="statement or document (default: guessed per line).")
    ] = None,
) -> None:
    """Validate every line of FILE; print LINE: POINTER: MESSAGE for each error.

    Exit codes: 0 all valid, 1 some line invalid, 2 usage, 3 unreadable file.
    """
    with handle_errors():
        if schema is not None and schema not in SCHEMA_NAMES:
            raise InputError(f"unknown schema {schema!r}; allowed: {', '.join(SCHEMA_NAMES)}")
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise InputError(f"{file}: cannot read ({exc.strerror})") from None
        text = decode_bytes(data, str(file))
        bad = total = 0
        for lineno, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            total += 1
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                typer.echo(f"{file}:{lineno}: /: malformed JSON ({exc.msg})")
                bad += 1
                continue
            name = schema or detect_kind(record)
            problems = list(iter_errors(record, name))
            if name == "statement" and isinstance(record, dict):
                problems.extend(check_offsets(record))
            for pointer, message in problems:
                typer.echo(f"{file}:{lineno}: {pointer}: {message}")
            bad += bool(problems)
        typer.echo(f"{total - bad} of {total} records valid", err=True)
        if bad:
            raise typer.Exit(EXIT_INVALID)
