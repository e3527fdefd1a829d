"""Reading JSONL files line by line with errors that name the file and line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import ClaimkitError, GoldFormatError


def iter_objects(path: Path, error: type[ClaimkitError] = GoldFormatError) -> Iterator[tuple[str, Any]]:
    """Yield ``("file:line", parsed JSON)`` for every non-blank line of ``path``.

    Lines are split on ``\\n`` only (a JSON string may hold U+2028). Unreadable files and
    malformed lines raise ``error``.
    """
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except OSError as exc:
        raise error(f"{path}: cannot read ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise error(f"{path}: not valid UTF-8") from None
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            yield where, json.loads(line)
        except json.JSONDecodeError as exc:
            raise error(f"{where}: malformed JSON ({exc.msg} at column {exc.colno})") from None
