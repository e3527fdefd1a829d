"""Unified factuality CoNLL (UW, MEANTIME): ``index<TAB>word<TAB>value`` token lines, a blank
line between sentences; value is a float in [-3, 3] on annotated predicates, else ``_``.

Each sentence becomes a document (``<dir>-<file stem>-<n>``, e.g. ``uw-test-0001``) whose
text is rebuilt from the tokens: one space between tokens, none before closing punctuation
and clitics (``. , ; : ! ? ) ] } % 's n't 're 've 'll 'd 'm``) nor after opening brackets.
Each annotated token is a :class:`GoldEvent` with its offsets in that text.
"""

from __future__ import annotations

import math
from pathlib import Path

from ...errors import GoldFormatError
from ...records import Document
from ..gold import GoldDoc, GoldEvent, GoldSet

NO_SPACE_BEFORE = frozenset(
    [".", ",", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m"]
)
NO_SPACE_AFTER = frozenset(["(", "[", "{", "$"])


def detokenize(words: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Join tokens into text; return it and each token's ``(start, end)``."""
    parts: list[str] = []
    offsets = []
    pos = 0
    for i, w in enumerate(words):
        if i and w.lower() not in NO_SPACE_BEFORE and words[i - 1] not in NO_SPACE_AFTER:
            parts.append(" ")
            pos += 1
        offsets.append((pos, pos + len(w)))
        parts.append(w)
        pos += len(w)
    return "".join(parts), offsets


def _value(raw: str, where: str) -> float | None:
    if raw == "_":
        return None
    try:
        value = float(raw)
    except ValueError:
        raise GoldFormatError(f"{where}: factuality value {raw!r} is neither a number nor _") from None
    if math.isnan(value) or not -3.0 <= value <= 3.0:
        raise GoldFormatError(f"{where}: factuality value {raw!r} outside [-3, 3]")
    return value


def load(path: Path) -> GoldSet:
    """Load one CoNLL file (e.g. ``factuality/uw/test.conll``)."""
    if path.is_dir():
        raise GoldFormatError(f"{path}: name one .conll file, e.g. {path / 'test.conll'}")
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFormatError(f"{path}: cannot read ({exc})") from None
    prefix = f"{path.parent.name}-{path.stem}"
    docs: list[GoldDoc] = []
    words: list[str] = []
    values: list[float | None] = []
    first_line = 1

    def flush() -> None:
        if not words:
            return
        text, offsets = detokenize(words)
        doc_id = f"{prefix}-{len(docs) + 1:04d}"
        events = [GoldEvent(s, e, v) for (s, e), v in zip(offsets, values, strict=True) if v is not None]
        document = Document(doc_id=doc_id, text=text, path=f"{path}:{first_line}")
        docs.append(GoldDoc(document, doc_id, events=events))
        words.clear()
        values.clear()

    for lineno, line in enumerate(lines, 1):
        line = line.rstrip("\r")
        if not line.strip():
            flush()
            continue
        where = f"{path}:{lineno}"
        fields = line.split("\t")
        if len(fields) < 3:
            raise GoldFormatError(f"{where}: expected index<TAB>word<TAB>value, got {len(fields)} field(s)")
        try:
            index = int(fields[0])
        except ValueError:
            raise GoldFormatError(f"{where}: token index {fields[0]!r} is not an integer") from None
        if index != len(words):
            raise GoldFormatError(f"{where}: token index {index}, expected {len(words)} (missing blank line?)")
        if not fields[1]:
            raise GoldFormatError(f"{where}: empty token")
        if not words:
            first_line = lineno
        words.append(fields[1])
        values.append(_value(fields[2], where))
    flush()
    if not docs:
        raise GoldFormatError(f"{path}:1: no token lines")
    return GoldSet(format="factuality", path=str(path), tasks=("factuality",), docs=docs)
