"""Train the subjectivity model shipped in ``claimkit/data/subjectivity_model.json``.

Reproduce the shipped file (needs scikit-learn, which is only a training dependency)::

    claimkit train ../shared/data/newssd -o claimkit/data/subjectivity_model.json
    python -m claimkit.train_kind ../shared/data/newssd -o claimkit/data/subjectivity_model.json  # the same

It reads NewsSD ``train.csv`` and ``val.csv`` (fit, and the regularisation strength by
cross-validation); ``test.csv`` is never read. A sentence's example is the union of the features
of its statement candidates, labelled with the sentence's label (SUBJ = subjective).
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from . import attribution, certainty, clean, nlp, segment, subjectivity
from .errors import InputError, UsageError
from .io import atomic_writer

C_GRID: tuple[float, ...] = (0.03, 0.1, 0.3, 1.0, 3.0)
MIN_COUNT = 2
DEFAULT_OUTPUT = Path(__file__).parent / "data" / subjectivity.MODEL_FILE


def read_newssd(path: Path) -> list[tuple[str, int]]:
    """``(sentence, 1 if SUBJ else 0)`` rows of a NewsSD CSV file."""
    try:
        with path.open(encoding="utf-8", newline="") as f:
            rows = [(r["Sentence"].strip(), int(r["Label"].strip() == "SUBJ")) for r in csv.DictReader(f)]
    except (OSError, KeyError) as exc:
        raise InputError(f"{path}: cannot read NewsSD data ({exc.__class__.__name__}: {exc})") from None
    return [r for r in rows if r[0]]


def sentence_features(texts: list[str], backend: str = "spacy") -> Iterator[list[set[str]]]:
    """For each sentence, the feature sets of its statement candidates (as the pipeline sees them)."""
    language = nlp.load(backend)
    for doc in language.pipe(texts, batch_size=64):
        cleaned = clean.clean(doc.text, {})
        cands = segment.segment(doc, cleaned)
        attrs = attribution.attribute(doc, cands, cleaned)
        out = []
        for cand, attr in zip(cands, attrs, strict=True):
            span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
            if span is not None:
                out.append(subjectivity.features(span, certainty.assess(doc, cand, attr), attr))
        yield out


def _macro_f1(gold: list[int], pred: list[int]) -> float:
    f1s = []
    for label in (0, 1):
        tp = sum(g == p == label for g, p in zip(gold, pred, strict=True))
        fp = sum(p == label != g for g, p in zip(gold, pred, strict=True))
        fn = sum(g == label != p for g, p in zip(gold, pred, strict=True))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(f1s) / 2


def train(data_dir: Path, folds: int = 5) -> dict[str, Any]:
    """Fit on ``train.csv`` + ``val.csv``; choose C by stratified cross-validation on them.

    Classes are weighted to balance (NewsSD train is two-thirds objective); the decision
    threshold is 0.5. ``test.csv`` is never read.
    """
    try:
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import StratifiedKFold
    except ImportError:
        raise UsageError("training needs scikit-learn: pip install scikit-learn") from None
    rows = read_newssd(data_dir / "train.csv") + read_newssd(data_dir / "val.csv")
    sents = list(sentence_features([t for t, _ in rows]))
    # one example per sentence: the union of its statements' features
    examples = [set().union(*sent) if sent else {"bias"} for sent in sents]
    labels = [label for _, label in rows]
    counts = Counter(f for feats in examples for f in feats)
    vocab = sorted(f for f, n in counts.items() if n >= MIN_COUNT and f != "bias")
    index = {f: i for i, f in enumerate(vocab)}
    x = [[0.0] * len(vocab) for _ in examples]
    for row, feats in zip(x, examples, strict=True):
        for f in feats:
            if f in index:
                row[index[f]] = 1.0
    best: tuple[float, float] | None = None
    for c in C_GRID:
        preds = [0] * len(labels)
        for train_idx, test_idx in StratifiedKFold(folds, shuffle=True, random_state=0).split(x, labels):
            clf = LogisticRegression(C=c, solver="liblinear", class_weight="balanced", random_state=0)
            clf.fit([x[i] for i in train_idx], [labels[i] for i in train_idx])
            for i, p in zip(test_idx, clf.predict([x[i] for i in test_idx]), strict=True):
                preds[i] = int(p)
        f1 = _macro_f1(labels, preds)
        if best is None or f1 > best[0]:
            best = (f1, c)
    assert best is not None
    f1, c = best
    clf = LogisticRegression(C=c, solver="liblinear", class_weight="balanced", random_state=0).fit(x, labels)
    weights = {f: round(float(w), 4) for f, w in zip(vocab, clf.coef_[0], strict=True) if abs(w) >= 1e-3}
    return {
        "bias": round(float(clf.intercept_[0]), 4),
        "threshold": 0.5,
        "weights": weights,
        "meta": {
            "trained_on": "NewsSD-ENG train.csv + val.csv (CC BY 4.0), balanced class weights",
            "C": c,
            "cv_macro_f1": round(f1, 4),
            "folds": folds,
            "features": len(weights),
            "command": "claimkit train ../shared/data/newssd -o claimkit/data/subjectivity_model.json",
        },
    }


def write_model(data_dir: Path, output: Path = DEFAULT_OUTPUT) -> dict[str, Any]:
    """Train on ``data_dir`` and write the model JSON to ``output`` atomically; return its metadata."""
    model = train(data_dir)
    with atomic_writer(output) as f:
        json.dump(model, f, indent=0, sort_keys=True)
        f.write("\n")
    return model["meta"]


if __name__ == "__main__":
    import sys

    from .cli import app

    app(["train", *sys.argv[1:]])
