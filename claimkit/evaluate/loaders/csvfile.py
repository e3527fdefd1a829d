"""Reading a gold CSV or TSV file, with its read and decoding errors as gold-format errors."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from ...errors import GoldFormatError


@contextmanager
def open_gold_csv(path: Path, what: str = "CSV") -> Iterator[TextIO]:
    """Open ``path`` as UTF-8 for :mod:`csv`; an unreadable file, bad UTF-8 or a CSV error (raised
    while the caller reads) becomes a :class:`GoldFormatError` naming the file (``what``: "CSV",
    "TSV")."""
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            yield fh
    except OSError as exc:
        raise GoldFormatError(f"{path}: cannot read ({exc.strerror})") from None
    except (UnicodeDecodeError, csv.Error) as exc:
        raise GoldFormatError(f"{path}: not a UTF-8 {what} file ({exc})") from None
