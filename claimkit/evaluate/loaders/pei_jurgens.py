"""Pei & Jurgens (EMNLP 2021) sentence certainty JSONL: one finding per line.

Each line is ``{"id", "finding", "sentence-level-certainty", "split"}``: a finding from
science news or a paper, rated for certainty from 1 (uncertain) to 6 (certain), in the
corpus's own ``train`` or ``val`` split (``--split train|val``). Each finding becomes a
one-sentence document ``pj-<id>`` whose sentence carries the rating as ``value``.
"""

from __future__ import annotations

from pathlib import Path

from ...errors import GoldFormatError
from ...io import iter_json_lines
from ..gold import GoldDoc, GoldSet
from .szeged import the_file

FIELDS = ("id", "finding", "sentence-level-certainty", "split")


def load(path: Path) -> GoldSet:
    """Load the Pei & Jurgens JSONL file."""
    path = the_file(path, ".jsonl")
    docs: list[GoldDoc] = []
    seen: set[str] = set()
    for where, row in iter_json_lines(path, GoldFormatError, objects=False):
        if not isinstance(row, dict) or any(k not in row for k in FIELDS):
            raise GoldFormatError(f"{where}: expected an object with {', '.join(FIELDS)}")
        text = str(row["finding"]).strip()
        rating = row["sentence-level-certainty"]
        if not text or not isinstance(rating, (int, float)) or not 1 <= rating <= 6:
            raise GoldFormatError(f"{where}: needs a non-empty finding and a rating from 1 to 6, got {rating!r}")
        doc_id = f"pj-{row['id']}"
        if doc_id in seen:
            raise GoldFormatError(f"{where}: duplicate id {row['id']!r}")
        seen.add(doc_id)
        label = f"{float(rating):g}"
        docs.append(GoldDoc.one_sentence(doc_id, text, where, label, value=float(rating), part=str(row["split"])))
    if not docs:
        raise GoldFormatError(f"{path}:1: no findings (is this the Pei & Jurgens JSONL?)")
    return GoldSet(format="pei-jurgens", path=str(path), tasks=("certainty_score",), docs=docs)
