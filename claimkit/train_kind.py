"""Train the kind model shipped in ``claimkit/data/subjectivity_model.json``.

Reproduce the shipped file (needs scikit-learn, which is only a training dependency)::

    claimkit train ../shared/data -o claimkit/data

The entry point is :func:`train_kind`: labelled sentences in (``(text, 1 if SUBJ else 0)``),
a model dict out. ``claimkit train`` feeds it NewsSD-ENG ``train.csv`` + ``val.csv``
(``test.csv`` and the CheckThat! 2023 test TSV are never read); callers may pass more rows
(e.g. reviewed statements). Each sentence is run through the pipeline's own stages; its
author-voice statements (no speaker) are what NewsSD labels: a statement a rule of
:mod:`claimkit.classify` decides counts towards that rule's precision (stored as
``rule_precision``, the ``kind_score`` of rule decisions), every other author-voice statement
is judged by the model. The model itself learns from one example per sentence (the union of
the features of all its statements, the mean of their vectors) with the sentence's label.
"""

from __future__ import annotations

import csv
import hashlib
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from . import attribution, certainty, classify, clean, nlp, segment, selection, subjectivity
from .errors import InputError, UsageError

C_GRID: tuple[float, ...] = (0.03, 0.1, 0.3, 1.0)
MIN_COUNT = 2
FOLDS = 5
SEED = 0
RULES: tuple[str, ...] = ("frame", "advice", "speculative_cue", "belief_cue", "inference")


def read_newssd(path: Path) -> list[tuple[str, int]]:
    """``(sentence, 1 if SUBJ else 0)`` rows of a NewsSD CSV file."""
    try:
        with path.open(encoding="utf-8", newline="") as f:
            rows = [(r["Sentence"].strip(), int(r["Label"].strip() == "SUBJ")) for r in csv.DictReader(f)]
    except (OSError, KeyError) as exc:
        raise InputError(f"{path}: cannot read NewsSD data ({exc.__class__.__name__}: {exc})") from None
    return [r for r in rows if r[0]]


@dataclass
class Example:
    """One author-voice statement of a labelled sentence.

    Attributes:
        sentence: index of its sentence in the input rows.
        rule: the name of the rule that decides its kind, or None (then the model decides).
        features: its binary features (:func:`claimkit.subjectivity.features`).
        vector: the mean of its tokens' ``doc.tensor`` rows.
        author: whether it is in the author's voice (no speaker).
    """

    sentence: int
    rule: str | None
    features: set[str]
    vector: list[float]
    author: bool = True


def parse(texts: Sequence[str], backend: str = "spacy") -> Iterator[Doc]:
    """Parse ``texts`` in order; with ``CLAIMKIT_TRAIN_CACHE=DIR`` set, the parses (and their
    ``doc.tensor``) are cached there as spaCy DocBin files keyed by the texts' sha256."""
    language = nlp.load(backend)
    cache_dir = os.environ.get("CLAIMKIT_TRAIN_CACHE")
    if not cache_dir:
        yield from language.pipe(texts, batch_size=32)
        return
    from spacy.tokens import DocBin

    key = hashlib.sha256("\x00".join([backend, *texts]).encode("utf-8")).hexdigest()[:20]
    path = Path(cache_dir) / f"{key}.spacy"
    if path.is_file():
        for doc in DocBin().from_disk(path).get_docs(language.vocab):
            doc.tensor = doc.user_data.pop("tensor")
            yield doc
        return
    bin_ = DocBin(store_user_data=True)
    for doc in language.pipe(texts, batch_size=32):
        doc.user_data["tensor"] = doc.tensor
        bin_.add(doc)
        del doc.user_data["tensor"]
        yield doc
    path.parent.mkdir(parents=True, exist_ok=True)
    bin_.to_disk(path)


def examples(texts: Sequence[str], backend: str = "spacy", speakers: bool = False) -> Iterator[Example]:
    """The author-voice statements of each text (with ``speakers``, all), as the pipeline sees them."""
    for n, doc in enumerate(parse(texts, backend)):
        cleaned = clean.clean(doc.text, {})
        cands = segment.segment(doc, cleaned, headlines=True)
        attrs = attribution.attribute(doc, cands, cleaned)
        for cand, attr in zip(cands, attrs, strict=True):
            if (attr.speaker is not None and not speakers) or not attribution.is_statement(doc, cand, attr, cleaned):
                continue
            span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
            if span is None:
                continue
            cert = certainty.assess(doc, cand, attr)
            found = classify.rule(doc, cand, attr, cert)
            yield Example(
                n,
                None if found is None else found[1],
                subjectivity.features(span, cert, attr),
                subjectivity.vector(span),
                attr.speaker is None,
            )


def _macro_f1(gold: Sequence[int], pred: Sequence[int]) -> float:
    f1s = []
    for label in (0, 1):
        tp = sum(g == p == label for g, p in zip(gold, pred, strict=True))
        fp = sum(p == label != g for g, p in zip(gold, pred, strict=True))
        fn = sum(g == label != p for g, p in zip(gold, pred, strict=True))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(f1s) / 2


def _pair_f1(pairs: Sequence[tuple[int, int]]) -> float:
    """The macro-F1 of ``(gold, predicted)`` label pairs."""
    return _macro_f1([g for g, _ in pairs], [p for _, p in pairs])


def _conservative_c(c: float) -> float:
    """Sort key of C, the most conservative (the strongest regularisation) first."""
    return c


def _matrix(exs: Sequence[Example], vocab: Sequence[str]) -> Any:
    import numpy as np

    index = {f: i for i, f in enumerate(vocab)}
    dim = len(exs[0].vector) if exs else 0
    x = np.zeros((len(exs), len(vocab) + dim))
    for row, ex in enumerate(exs):
        for f in ex.features:
            if f in index:
                x[row, index[f]] = 1.0
        x[row, len(vocab) :] = ex.vector
    return x


def _sentence_examples(n_rows: int, exs: Sequence[Example]) -> list[Example]:
    """One example per sentence: the union of its statements' features and their mean vector."""
    import numpy as np

    grouped: list[list[Example]] = [[] for _ in range(n_rows)]
    for ex in exs:
        grouped[ex.sentence].append(ex)
    dim = len(exs[0].vector) if exs else 0
    out = []
    for n, group in enumerate(grouped):
        feats = set().union(*(ex.features for ex in group)) if group else {"bias"}
        vec = [float(v) for v in np.mean([ex.vector for ex in group], axis=0)] if group else [0.0] * dim
        out.append(Example(n, None, feats, vec))
    return out


def _sentence_predictions(n_rows: int, exs: Sequence[Example], subjective: Sequence[bool]) -> list[int]:
    """SUBJ (1) for a sentence when one of its author-voice statements is subjective."""
    pred = [0] * n_rows
    for ex, subj in zip(exs, subjective, strict=True):
        if subj:
            pred[ex.sentence] = 1
    return pred


def train_kind(
    rows: Sequence[tuple[str, int]],
    extra_rows: Iterable[tuple[str, int]] = (),
    folds: int = FOLDS,
    backend: str = "spacy",
) -> dict[str, Any]:
    """Fit the kind model on labelled sentences; return it as a JSON-ready dict.

    Args:
        rows: ``(sentence, 1 if subjective else 0)``: NewsSD train + val for the shipped model.
        extra_rows: more labelled sentences (e.g. reviewed statements), appended to ``rows``.
        folds: folds of the stratified cross-validation that picks C and reports the dev figure:
            the smallest C within one standard error of the best macro-F1
            (:func:`claimkit.selection.one_standard_error`, the error by a paired bootstrap
            over the sentences).
        backend: NLP backend used to parse the sentences.

    Returns:
        ``{"bias", "weights", "vector_weights", "threshold", "rule_precision", "meta"}``. Classes
        are weighted to balance; the decision threshold is 0.5. Deterministic: the same rows
        and pipeline give the same model.
    """
    try:
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import StratifiedKFold
    except ImportError:
        raise UsageError("training needs scikit-learn: pip install scikit-learn") from None
    rows = [*rows, *extra_rows]
    labels = [label for _, label in rows]
    exs = list(examples([t for t, _ in rows], backend, speakers=True))
    author = [ex for ex in exs if ex.author]
    # how often each rule's decision agrees with the sentence label (opinion/speculation = SUBJ)
    hits = Counter(ex.rule for ex in author if ex.rule and labels[ex.sentence])
    fired = Counter(ex.rule for ex in author if ex.rule)
    rule_precision = {r: round((hits[r] + 1) / (fired[r] + 2), 4) for r in RULES}  # Laplace: never 0 or 1
    # one training example per sentence: the union of its statements' features, their mean vector
    sentences = _sentence_examples(len(rows), exs)
    counts = Counter(f for ex in sentences for f in ex.features)
    vocab = sorted(f for f, n in counts.items() if n >= MIN_COUNT and f != "bias")
    x, xa = _matrix(sentences, vocab), _matrix(author, vocab)

    def clf(c: float) -> Any:
        return LogisticRegression(C=c, solver="liblinear", class_weight="balanced", random_state=SEED)

    # cross-validation over sentences; the figure is the sentence-level author-voice macro-F1
    # (a sentence is SUBJ when a rule or the model makes one of its author-voice statements subjective)
    pairs: dict[float, list[tuple[int, int]]] = {}
    for c in C_GRID:
        flags = [ex.rule is not None for ex in author]
        for train_idx, test_idx in StratifiedKFold(folds, shuffle=True, random_state=SEED).split(x, labels):
            fitted = clf(c).fit(x[train_idx], [labels[i] for i in train_idx])
            held = set(test_idx)
            idx = [i for i, ex in enumerate(author) if ex.sentence in held and ex.rule is None]
            if idx:
                for i, p in zip(idx, fitted.predict(xa[idx]), strict=True):
                    flags[i] = bool(p)
        pairs[c] = list(zip(labels, _sentence_predictions(len(rows), author, flags), strict=True))
    # the one-standard-error rule: the smallest C within a standard error of the best
    scores = {c: _pair_f1(p) for c, p in pairs.items()}
    best = selection.best_setting(scores, _conservative_c)
    errors = selection.paired_standard_errors(pairs, best, _pair_f1, seed=SEED)
    c = selection.one_standard_error(scores, errors, _conservative_c)
    f1 = scores[c]
    fitted = clf(c).fit(x, labels)
    coef = [float(w) for w in fitted.coef_[0]]
    weights = {f: round(w, 4) for f, w in zip(vocab, coef, strict=False) if abs(w) >= 1e-3}
    return {
        "bias": round(float(fitted.intercept_[0]), 4),
        "threshold": 0.5,
        "weights": weights,
        "vector_weights": [round(w, 4) for w in coef[len(vocab) :]],
        "rule_precision": rule_precision,
        "meta": {
            "trained_on": "NewsSD-ENG train.csv + val.csv (CC BY 4.0), one example per sentence, balanced class weights",
            "sentences": len(rows),
            "author_statements": len(author),
            "rule_statements": dict(sorted(fired.items())),
            "C": c,
            "cv_author_macro_f1": round(f1, 4),
            "cv_best_C": best,
            "cv_by_C": {str(k): [round(v, 4), round(errors[k], 4)] for k, v in scores.items()},
            "folds": folds,
            "features": len(weights),
            "command": "claimkit train ../shared/data -o claimkit/data",
        },
    }


REVIEWED_LABELS = {"opinion": 1, "fact": 0}  # speculation is decided by rules, not by this model


def read_reviewed(paths: Sequence[Path]) -> list[tuple[str, int]]:
    """``(statement text, 1 if opinion else 0)`` for every reviewer-confirmed opinion or fact in
    pulled files (``claimkit doccano pull -o``) or folders of them (``*.jsonl``), sorted.

    Raises:
        InputError: a path or line cannot be read.
    """
    from .io import iter_json_lines

    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(path.rglob("*.jsonl")))
        elif path.is_file():
            files.append(path)
        else:
            raise InputError(f"{path}: no such file or directory")
    rows = set()
    for file in files:
        for _, record in iter_json_lines(file):
            review = record.get("review") or {}
            if review.get("status") == "confirmed" and record.get("kind") in REVIEWED_LABELS:
                rows.add((str(record.get("text", "")).strip(), REVIEWED_LABELS[record["kind"]]))
    return sorted(r for r in rows if r[0])
