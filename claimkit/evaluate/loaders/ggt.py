"""GenderGapTracker quotation gold: ``texts/<doc_id>.txt`` and ``quotes.jsonl``.

Each line of ``quotes.jsonl`` is one quotation: ``doc_id``, ``quote_start``/``quote_end``
(the quoted content), ``speaker_start``/``speaker_end`` (the nearest mention of the speaker,
null when not located) and ``speaker_name`` (the full name a reader would give, null when
none). ``path`` may be the directory holding both, or the ``quotes.jsonl`` file itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ...errors import GoldFormatError, InputError
from ...io import iter_json_lines, read_text_file
from ..gold import GoldDoc, GoldQuote, GoldSet


def _offsets(rec: dict[str, Any], a: str, b: str, where: str, size: int, required: bool) -> tuple[int, int] | None:
    start, end = rec.get(a), rec.get(b)
    if start is None and end is None and not required:
        return None
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= size):
        raise GoldFormatError(f"{where}: bad {a}/{b} {start!r}, {end!r} (text has {size} characters)")
    return start, end


def load(path: Path) -> GoldSet:
    """Load the GenderGapTracker quotation gold at ``path`` (directory or ``quotes.jsonl``)."""
    quotes_file = path if path.is_file() else path / "quotes.jsonl"
    texts = quotes_file.parent / "texts"
    if not quotes_file.is_file():
        raise GoldFormatError(f"{path}: no quotes.jsonl (expected quotes.jsonl and texts/)")
    docs: dict[str, GoldDoc] = {}
    for where, rec in iter_json_lines(quotes_file, GoldFormatError):
        doc_id = rec.get("doc_id")
        if not isinstance(doc_id, str) or not doc_id:
            raise GoldFormatError(f"{where}: missing doc_id")
        if doc_id not in docs:
            try:
                document = read_text_file(texts / f"{doc_id}.txt")
            except InputError as exc:
                raise GoldFormatError(f"{where}: {exc}") from None
            docs[doc_id] = GoldDoc(document=document, key=doc_id)
        size = len(docs[doc_id].document.text)
        start, end = _offsets(rec, "quote_start", "quote_end", where, size, True) or (0, 0)
        speaker = _offsets(rec, "speaker_start", "speaker_end", where, size, False)
        name = rec.get("speaker_name")
        if name is not None and not isinstance(name, str):
            raise GoldFormatError(f"{where}: speaker_name must be a string or null")
        docs[doc_id].quotes.append(GoldQuote(start, end, speaker, name or None))
    if not docs:
        raise GoldFormatError(f"{quotes_file}: no quotations")
    ordered = [docs[k] for k in sorted(docs)]
    return GoldSet(format="ggt", path=str(path), tasks=("speakers",), docs=ordered)
