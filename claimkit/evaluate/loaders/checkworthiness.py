"""Check-worthiness gold: CLEF CheckThat! Task 1B TSV and ClaimBuster CSV.

* ``checkthat``: tab-separated, a header naming ``Sentence_id``, ``Text`` and ``class_label``
  (``Yes`` = check-worthy, ``No``), as in ``checkthat23-test.tsv``.
* ``claimbuster``: comma-separated with a header naming ``Sentence_id``, ``Text`` and
  ``Verdict``: ``1`` (check-worthy factual sentence) is positive, ``0`` (unimportant
  factual) and ``-1`` (non-factual) are negative.

Each row becomes its own one-sentence document ``<file stem>-<Sentence_id>`` (the sentences
are scored one by one, as the shared tasks do), with one gold sentence labelled ``Yes`` or
``No``. Column names are matched without regard to case.

The TF-IDF baseline of ``claimkit eval`` is trained on ClaimBuster's ``crowdsourced.csv``
found beside the gold file (``notes["tfidf_train"]``); when there is none, or the gold *is*
that file, the baseline is left out and ``notes["tfidf_skipped"]`` says why.
"""

from __future__ import annotations

import csv
from pathlib import Path

from ...errors import GoldFormatError
from ..gold import GoldDoc, GoldSet
from .csvfile import open_gold_csv

TRAIN_FILE = "crowdsourced.csv"
POSITIVE, NEGATIVE = "Yes", "No"
_LABELS = {
    "checkthat": {"yes": POSITIVE, "no": NEGATIVE},
    "claimbuster": {"1": POSITIVE, "0": NEGATIVE, "-1": NEGATIVE},
}
_COLUMNS = {"checkthat": ("sentence_id", "text", "class_label"), "claimbuster": ("sentence_id", "text", "verdict")}


def _baseline_notes(path: Path) -> dict[str, str]:
    train = path.parent / TRAIN_FILE
    if not train.is_file():
        return {"tfidf_skipped": f"no {TRAIN_FILE} beside the gold file to train the TF-IDF baseline on"}
    if train.resolve() == path.resolve():
        return {"tfidf_skipped": f"the gold is {TRAIN_FILE}, the TF-IDF baseline's own training data"}
    return {"tfidf_train": str(train)}


def load(path: Path, fmt: str) -> GoldSet:
    """Load one CheckThat! TSV (``fmt="checkthat"``) or ClaimBuster CSV (``fmt="claimbuster"``).

    Raises:
        GoldFormatError: a directory, an unreadable file, a missing column, an unknown label,
            an empty sentence or a repeated id (the message names ``file:line``).
    """
    if path.is_dir():
        raise GoldFormatError(f"{path}: name one file, e.g. {path / 'checkthat23-test.tsv'}")
    want = _COLUMNS[fmt]
    labels = _LABELS[fmt]
    docs: list[GoldDoc] = []
    seen: set[str] = set()
    with open_gold_csv(path, "TSV" if fmt == "checkthat" else "CSV") as fh:
        reader = csv.reader(fh, delimiter="\t" if fmt == "checkthat" else ",")
        header = [h.strip().lower() for h in next(reader, [])]
        missing = [c for c in want if c not in header]
        if missing:
            raise GoldFormatError(
                f"{path}:1: expected a header with columns {', '.join(want)} (missing {', '.join(missing)})"
            )
        cols = [header.index(c) for c in want]
        for row in reader:
            where = f"{path}:{reader.line_num}"
            if not any(cell.strip() for cell in row):
                continue
            if len(row) < len(header):
                raise GoldFormatError(f"{where}: {len(row)} fields, the header has {len(header)}")
            sid, text, raw = (row[i].strip() for i in cols)
            label = labels.get(raw.lower())
            if label is None:
                allowed = ", ".join(sorted({k.capitalize() if k.isalpha() else k for k in labels}))
                raise GoldFormatError(f"{where}: unknown label {raw!r}; allowed: {allowed}")
            if not sid:
                raise GoldFormatError(f"{where}: empty sentence id")
            if sid in seen:
                raise GoldFormatError(f"{where}: sentence id {sid!r} appears twice")
            if not text:
                raise GoldFormatError(f"{where}: empty sentence")
            seen.add(sid)
            doc_id = f"{path.stem}-{sid}"
            docs.append(GoldDoc.one_sentence(doc_id, text, where, label))
    return GoldSet(format=fmt, path=str(path), tasks=("checkworthiness",), docs=docs, notes=_baseline_notes(path))
