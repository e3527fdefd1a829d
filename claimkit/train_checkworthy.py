"""Train the check-worthiness model shipped in ``claimkit/data/checkworthy_model.json``.

Reproduce the shipped file (needs scikit-learn, a training dependency only)::

    claimkit train ../shared/data -o claimkit/data      # every shipped model, this one included
    python -m claimkit.train_checkworthy ../shared/data -o claimkit/data/checkworthy_model.json  # this one only

It reads ClaimBuster ``crowdsourced.csv`` only: ``groundtruth.csv`` and the CheckThat! test
are never read, so both stay held-out. Each sentence is one document for the extractor; every
statement found in it is one example labelled with its sentence's verdict: 1 (check-worthy
factual sentence, CFS) is positive, -1 (non-factual, NFS) negative, and the unimportant
factual sentences (UFS, 0) are left out: on the last fifth of the debates (by file name) held
out from a fit on the rest, leaving them out gave CFS F1 0.637 against 0.624 with them as
negatives (choices were made on that split only). Classes are balanced by weight; the
regularisation is C = 0.3; seeds are fixed, so the same data and parser give the same bytes.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from . import checkworthy
from .errors import InputError, UsageError

TRAIN_FILE = "crowdsourced.csv"


def read_claimbuster(path: Path) -> list[tuple[str, int]]:
    """``(sentence, verdict)`` rows of a ClaimBuster CSV (verdict 1, 0 or -1)."""
    try:
        with path.open(encoding="utf-8", newline="") as f:
            rows = [(r["Text"].strip(), int(r["Verdict"])) for r in csv.DictReader(f)]
    except (OSError, KeyError, ValueError) as exc:
        raise InputError(f"{path}: cannot read ClaimBuster data ({exc.__class__.__name__}: {exc})") from None
    return [r for r in rows if r[0]]


def parse_cached(language: Language, texts: list[str], cache_dir: Path | None) -> list[Doc]:
    """``language.pipe(texts)``, kept in ``cache_dir`` (a DocBin and the tok2vec tensors) for the next run.

    The cache key is the sha256 of the texts and the pipeline's name, version and components.
    """
    if cache_dir is None:
        return list(language.pipe(texts, batch_size=256))
    key = hashlib.sha256(
        "\x00".join(
            [language.meta.get("name", ""), language.meta.get("version", ""), *language.pipe_names, *texts]
        ).encode()
    ).hexdigest()[:16]
    bin_path, vec_path = cache_dir / f"{key}.spacy", cache_dir / f"{key}.npz"
    if bin_path.exists() and vec_path.exists():
        docs = list(DocBin().from_disk(bin_path).get_docs(language.vocab))
        tensors = np.load(vec_path)
        for n, doc in enumerate(docs):
            doc.tensor = tensors[f"t{n}"]
        return docs
    docs = list(language.pipe(texts, batch_size=256))
    cache_dir.mkdir(parents=True, exist_ok=True)
    DocBin(
        attrs=["ORTH", "LEMMA", "TAG", "POS", "MORPH", "DEP", "HEAD", "SENT_START", "ENT_IOB", "ENT_TYPE", "SPACY"],
        docs=docs,
    ).to_disk(bin_path)
    np.savez_compressed(vec_path, **{f"t{n}": doc.tensor for n, doc in enumerate(docs)})
    return docs


Example = tuple[set[str], "np.ndarray | None"]


def sentence_examples(texts: list[str], cache_dir: Path | None = None) -> list[list[Example]]:
    """For each sentence, ``(sparse features, context vector)`` of each statement the pipeline finds in it."""
    from . import nlp, pipeline
    from .records import Document

    language = nlp.load("spacy")
    out: list[list[Example]] = []
    for n, (text, doc) in enumerate(zip(texts, parse_cached(language, texts, cache_dir), strict=True)):
        _, statements = pipeline.build(Document(f"s{n}", text), doc, checkworthiness=False)
        rows = []
        for st in statements:
            span = doc.char_span(st.start, st.end, alignment_mode="expand")
            if span is not None:
                rows.append((checkworthy.features(span, st), checkworthy.vector(span)))
        out.append(rows)
    return out


@dataclass
class Config:
    """Training choices (the shipped model uses the defaults).

    Attributes:
        c: inverse regularisation strength of the logistic regression.
        ufs: what the unimportant factual sentences (verdict 0) are: ``negative``, or ``drop``
            (left out of training).
        positive_weight: weight of a positive example (``None``: balance the classes).
        min_count: a sparse feature must occur in this many training statements.
        dense: use the parser's context vectors.
    """

    c: float = 0.3
    ufs: str = "drop"
    positive_weight: float | None = None
    min_count: int = 2
    dense: bool = True


def _design(rows: list[Example], index: dict[str, int], mu: np.ndarray, sd: np.ndarray, dense: bool) -> Any:
    """The scipy sparse design matrix: binary sparse features, then the standardised vector."""
    import scipy.sparse as sp

    indices: list[int] = []
    indptr = [0]
    for feats, _ in rows:
        indices.extend(sorted(index[f] for f in feats if f in index))
        indptr.append(len(indices))
    x = sp.csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(rows), len(index)))
    if not dense:
        return x
    vecs = np.stack([(v - mu) / sd if v is not None else np.zeros_like(mu) for _, v in rows])
    return sp.hstack([x, sp.csr_matrix(vecs)]).tocsr()


def fit(examples: list[list[Example]], verdicts: list[int], config: Config) -> dict[str, Any]:
    """Fit the model on the statements of ``examples`` (sentence verdicts 1, 0, -1) and return its JSON dict."""
    from sklearn.linear_model import LogisticRegression

    rows = [(ex, v) for sent, v in zip(examples, verdicts, strict=True) for ex in sent]
    if config.ufs == "drop":
        rows = [(ex, v) for ex, v in rows if v != 0]
    y = np.array([int(v == 1) for _, v in rows])
    counts = Counter(f for (feats, _), _ in rows for f in feats)
    vocab = sorted(f for f, n in counts.items() if n >= config.min_count)
    index = {f: i for i, f in enumerate(vocab)}
    vecs = [v for (_, v), _ in rows if v is not None]
    dim = len(vecs[0]) if vecs and config.dense else 0
    mu = np.mean(vecs, axis=0) if dim else np.zeros(0)
    sd = np.std(vecs, axis=0) + 1e-6 if dim else np.ones(0)
    x = _design([ex for ex, _ in rows], index, mu, sd, bool(dim))
    pos = config.positive_weight or float((y == 0).sum() / max((y == 1).sum(), 1))
    clf = LogisticRegression(C=config.c, solver="liblinear", random_state=0, max_iter=1000)
    clf.fit(x, y, sample_weight=np.where(y == 1, pos, 1.0))
    coef = clf.coef_[0]
    weights = {f: round(float(w), 4) for f, w in zip(vocab, coef[: len(vocab)], strict=True) if round(float(w), 4)}
    # fold the standardisation into the dense weights and the bias: w.(v - mu)/sd = (w/sd).v - w.mu/sd
    dense_w = coef[len(vocab) :] / sd if dim else np.zeros(0)
    bias = float(clf.intercept_[0]) - float(np.dot(dense_w, mu)) if dim else float(clf.intercept_[0])
    return {
        "bias": round(bias, 4),
        "threshold": checkworthy.THRESHOLD,
        "weights": weights,
        "dense": [round(float(w), 5) for w in dense_w],
        "meta": {"C": config.c, "ufs": config.ufs, "positive_weight": round(pos, 4), "features": len(weights)},
    }


def sentence_scores(model: dict[str, Any], examples: list[list[Example]]) -> list[float]:
    """Each sentence's highest statement check-worthiness under ``model`` (0 for a sentence without statements)."""
    model = {**model, "_dense": np.asarray(model["dense"], dtype=np.float32)}
    return [max((checkworthy.probability(f, v, model) for f, v in sent), default=0.0) for sent in examples]


def cross_validate(
    examples: list[list[Example]], verdicts: list[int], groups: list[str], config: Config, folds: int = 5
) -> dict[str, float]:
    """Precision / recall / F1 of CFS sentences, each scored by a model fitted without its debate (grouped folds)."""
    from sklearn.model_selection import GroupKFold

    scores = np.zeros(len(examples))
    for train_idx, test_idx in GroupKFold(folds).split(np.zeros(len(examples)), verdicts, groups):
        model = fit([examples[i] for i in train_idx], [verdicts[i] for i in train_idx], config)
        scores[test_idx] = sentence_scores(model, [examples[i] for i in test_idx])
    gold = np.array(verdicts) == 1
    pred = scores >= checkworthy.THRESHOLD
    tp, fp, fn = int((gold & pred).sum()), int((~gold & pred).sum()), int((gold & ~pred).sum())
    p, r = tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4)}


DEFAULT_CACHE = Path("/tmp/claimkit-parse-cache")
COMMAND = "claimkit train ../shared/data -o claimkit/data"


def train(data: Path, config: Config | None = None, cache_dir: Path | None = DEFAULT_CACHE) -> dict[str, Any]:
    """The check-worthiness model trained on ``data/checkworthiness/crowdsourced.csv`` (nothing else is read).

    Args:
        data: the shared data folder (``../shared/data``).
        config: training choices (default: :class:`Config`'s defaults, the shipped model).
        cache_dir: where parses are kept between runs (None: parse every time).
    """
    try:
        import sklearn  # noqa: F401
    except ImportError:
        raise UsageError("training needs scikit-learn: pip install 'claimkit[train]'") from None
    config = config or Config()
    rows = read_claimbuster(data / "checkworthiness" / TRAIN_FILE)
    examples = sentence_examples([t for t, _ in rows], cache_dir)
    model = fit(examples, [v for _, v in rows], config)
    model["meta"].update(
        {
            "trained_on": f"ClaimBuster {TRAIN_FILE} ({len(rows)} sentences): CFS positive, NFS negative, "
            + ("UFS left out" if config.ufs == "drop" else "UFS negative"),
            "statements": sum(len(e) for e in examples),
            "command": COMMAND,
        }
    )
    return model


def write_model(data: Path, output: Path, cache_dir: Path | None = DEFAULT_CACHE) -> dict[str, Any]:
    """Train on ``data`` and write the model JSON to ``output`` atomically (sorted keys); return its metadata."""
    from .train_models import write_json

    model = train(data, cache_dir=cache_dir)
    write_json(model, output)
    return model["meta"]


def main(argv: list[str] | None = None) -> None:
    """``python -m claimkit.train_checkworthy DATA [-o FILE]``."""
    import argparse

    parser = argparse.ArgumentParser(description="Train the check-worthiness model on ClaimBuster crowdsourced.csv.")
    parser.add_argument("data", type=Path, help="the shared data folder (../shared/data)")
    parser.add_argument("-o", "--output", type=Path, default=Path(__file__).parent / "data" / checkworthy.MODEL_FILE)
    parser.add_argument("--no-cache", action="store_true", help=f"do not keep parses in {DEFAULT_CACHE}")
    args = parser.parse_args(argv)
    print(json.dumps(write_model(args.data, args.output, None if args.no_cache else DEFAULT_CACHE)))


if __name__ == "__main__":
    main()
