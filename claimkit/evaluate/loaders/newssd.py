"""NewsSD-ENG CSV: ``Sentence,Label[,...]`` with Label ``OBJ`` or ``SUBJ``.

Each row becomes its own one-sentence document (the sentences come from different
articles), ``doc_id`` ``<file stem>-<row number>``; the text is the sentence with surrounding
white space removed. OBJ maps to ``fact`` and SUBJ to ``opinion``.
"""

from __future__ import annotations

import csv
from pathlib import Path

from ...errors import GoldFormatError
from ...records import Document
from ..gold import GoldDoc, GoldSentence, GoldSet

LABELS = ("OBJ", "SUBJ")


def load(path: Path) -> GoldSet:
    """Load one NewsSD CSV file (e.g. ``newssd/test.csv``)."""
    if path.is_dir():
        raise GoldFormatError(f"{path}: name one CSV file, e.g. {path / 'test.csv'}")
    docs: list[GoldDoc] = []
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            if not reader.fieldnames or not {"Sentence", "Label"} <= set(reader.fieldnames):
                raise GoldFormatError(f"{path}:1: expected a header with Sentence and Label columns")
            for n, row in enumerate(reader, 1):
                where = f"{path}:{reader.line_num}"
                label = (row.get("Label") or "").strip()
                if label not in LABELS:
                    raise GoldFormatError(f"{where}: unknown label {label!r}; allowed: {', '.join(LABELS)}")
                text = (row.get("Sentence") or "").strip()
                if not text:
                    raise GoldFormatError(f"{where}: empty sentence")
                doc_id = f"{path.stem}-{n:04d}"
                document = Document(doc_id=doc_id, text=text, path=where)
                docs.append(GoldDoc(document, doc_id, sentences=[GoldSentence(0, len(text), label)]))
    except OSError as exc:
        raise GoldFormatError(f"{path}: cannot read ({exc.strerror})") from None
    except (UnicodeDecodeError, csv.Error) as exc:
        raise GoldFormatError(f"{path}: not a UTF-8 CSV file ({exc})") from None
    return GoldSet(format="newssd", path=str(path), tasks=("subjectivity",), docs=docs)
