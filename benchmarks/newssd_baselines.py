"""NewsSD fact-vs-opinion baselines beside which claimkit's kind is reported (docs/certainty.md).

Usage:
    .venv/bin/python benchmarks/newssd_baselines.py [--data ../shared/data/newssd]

Prints accuracy and macro-F1 on ``test.csv`` of: the majority class of train; a TF-IDF
logistic regression fitted on train + val (sklearn defaults, C=1); and the same with balanced
class weights (the stronger of the two here). Needs scikit-learn (a dev dependency only).
claimkit's own figure comes from ``claimkit eval --gold .../newssd/test.csv --format newssd``.
"""

from __future__ import annotations

import argparse
import csv
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = Path(os.environ.get("CLAIMKIT_SHARED_DATA", ROOT.parent / "shared" / "data")) / "newssd"


def read(path: Path) -> tuple[list[str], list[str]]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return [r["Sentence"].strip() for r in rows], [r["Label"].strip() for r in rows]


def main() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import accuracy_score, f1_score

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    args = parser.parse_args()
    x_train, y_train = read(args.data / "train.csv")
    x_val, y_val = read(args.data / "val.csv")
    x_test, y_test = read(args.data / "test.csv")
    x_fit, y_fit = x_train + x_val, y_train + y_val

    def show(name: str, pred: list[str]) -> None:
        acc = accuracy_score(y_test, pred)
        f1 = f1_score(y_test, pred, average="macro")
        print(f"{name:<36} accuracy {acc:.3f}  macro-F1 {f1:.3f}  (n={len(y_test)})")

    majority = max(set(y_train), key=y_train.count)
    show(f"majority of train ({majority})", [majority] * len(y_test))
    for name, weight in (("tf-idf logistic regression", None), ("tf-idf logistic regression balanced", "balanced")):
        vec = TfidfVectorizer(sublinear_tf=True)
        clf = LogisticRegression(max_iter=2000, class_weight=weight).fit(vec.fit_transform(x_fit), y_fit)
        show(name, list(clf.predict(vec.transform(x_test))))


if __name__ == "__main__":
    main()
