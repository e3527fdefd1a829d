"""NewsSD-ENG CSV (``Sentence,Label[,...]``) or CheckThat! 2023 subjectivity TSV
(``sentence_id<TAB>sentence<TAB>label``), with labels ``OBJ`` or ``SUBJ``.

The format is sniffed from the header line: a tab-separated header with ``sentence`` and
``label`` columns is the CheckThat! TSV (its sentences are quoted twice over; the second
level of quoting is undone too).

Each row becomes its own one-sentence document (the sentences come from different
articles), ``doc_id`` ``<file stem>-<row number>``; the text is the sentence with surrounding
white space removed. OBJ maps to ``fact`` and SUBJ to ``opinion``.
"""

from __future__ import annotations

import csv
from pathlib import Path

from ...errors import GoldFormatError
from ..gold import GoldDoc, GoldSet
from .csvfile import open_gold_csv

LABELS = ("OBJ", "SUBJ")


def _columns(header: str) -> tuple[str, str, str] | None:
    """``(delimiter, sentence column, label column)`` for a NewsSD or CheckThat! header."""
    delimiter = "\t" if "\t" in header else ","
    names = [n.strip().strip('"') for n in header.rstrip("\r\n").split(delimiter)]
    for sentence, label in (("Sentence", "Label"), ("sentence", "label")):
        if sentence in names and label in names:
            return delimiter, sentence, label
    return None


def _unquote(text: str) -> str:
    """Undo a second level of CSV quoting: a field that is itself quoted, with doubled quotes inside."""
    if len(text) >= 2 and text[0] == text[-1] == '"':
        return text[1:-1].replace('""', '"').strip()
    return text


def load(path: Path) -> GoldSet:
    """Load one NewsSD CSV file (e.g. ``newssd/test.csv``) or CheckThat! 2023 TSV file."""
    if path.is_dir():
        raise GoldFormatError(f"{path}: name one CSV file, e.g. {path / 'test.csv'}")
    docs: list[GoldDoc] = []
    with open_gold_csv(path) as fh:
        columns = _columns(fh.readline())
        if columns is None:
            raise GoldFormatError(
                f"{path}:1: expected a header with Sentence and Label columns (NewsSD CSV) "
                "or sentence_id, sentence, label (CheckThat! TSV)"
            )
        delimiter, sentence_col, label_col = columns
        fh.seek(0)
        reader = csv.DictReader(fh, delimiter=delimiter)
        reader.fieldnames = [n.strip() for n in reader.fieldnames or []]
        for n, row in enumerate(reader, 1):
            where = f"{path}:{reader.line_num}"
            label = (row.get(label_col) or "").strip()
            if label not in LABELS:
                raise GoldFormatError(f"{where}: unknown label {label!r}; allowed: {', '.join(LABELS)}")
            text = (row.get(sentence_col) or "").strip()
            if delimiter == "\t":
                text = _unquote(text)
            if not text:
                raise GoldFormatError(f"{where}: empty sentence")
            doc_id = f"{path.stem}-{n:04d}"
            docs.append(GoldDoc.one_sentence(doc_id, text, where, label))
    return GoldSet(format="newssd", path=str(path), tasks=("subjectivity",), docs=docs)
