"""Rebuild every model shipped in ``claimkit/data`` from ``../shared/data`` (``claimkit train``).

Each builder reads only training parts, fixes its seeds and writes sorted JSON, so the same
data and pipeline give byte-identical files. Builders, by output file:

- ``certainty_model.json``: the cue model and the score calibration
  (:func:`claimkit.train_certainty.train_certainty`) from Szeged wiki + FactBank dev
  (``--split dev`` documents) and Pei & Jurgens ``train``;
- ``subjectivity_model.json``: the kind model (:func:`claimkit.train_kind.train_kind`) from
  NewsSD-ENG ``train.csv`` + ``val.csv``, with the certainty model just built in use (its
  features include the certainty cues).
- ``checkworthy_model.json``: the check-worthiness model (:func:`claimkit.train_checkworthy.train`)
  from ClaimBuster ``crowdsourced.csv`` (parses are kept in ``/tmp/claimkit-parse-cache``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from . import certainty_model, checkworthy, subjectivity, train_certainty, train_checkworthy, train_kind
from .errors import InputError
from .io import atomic_writer

PACKAGE_DATA = Path(__file__).parent / "data"


def _kind(data: Path, reviewed: Sequence[tuple[str, int]] = ()) -> dict[str, Any]:
    newssd = data / "newssd"
    rows = train_kind.read_newssd(newssd / "train.csv") + train_kind.read_newssd(newssd / "val.csv")
    model = train_kind.train_kind(rows, reviewed)
    if reviewed:
        body = json.dumps(sorted(reviewed), ensure_ascii=False).encode("utf-8")
        model["meta"]["reviewed"] = {"statements": len(reviewed), "sha256": hashlib.sha256(body).hexdigest()[:16]}
        model["meta"]["trained_on"] += f" + {len(reviewed)} reviewer-confirmed statements"
    return model


#: Output file name -> builder taking the data folder (and reviewed statements, for the kind
#: model), in build order.
BUILDERS: dict[str, Callable[..., dict[str, Any]]] = {
    certainty_model.MODEL_FILE: train_certainty.build,
    subjectivity.MODEL_FILE: _kind,
    checkworthy.MODEL_FILE: train_checkworthy.train,
}


def write_json(model: dict[str, Any], path: Path) -> None:
    """Write ``model`` as sorted JSON, atomically (the bytes depend only on the model)."""
    with atomic_writer(path) as f:
        json.dump(model, f, indent=0, sort_keys=True)
        f.write("\n")


#: Training files each builder reads, relative to the data folder (checked before training).
NEEDS: tuple[str, ...] = (
    "newssd/train.csv",
    "newssd/val.csv",
    "szeged/wiki.xml",
    "szeged/factbank-dev.xml",
    "certainty/pei-jurgens-sentence-certainty.jsonl",
    "checkworthiness/crowdsourced.csv",
)


def check_data(data: Path) -> None:
    """Raise :class:`InputError` naming the first training file missing under ``data``."""
    for rel in NEEDS:
        if not (data / rel).is_file():
            raise InputError(f"{data / rel}: missing (expected the shared data folder, ../shared/data)")


def build(
    data: Path, out_dir: Path, only: tuple[str, ...] = (), reviewed: Sequence[tuple[str, int]] = ()
) -> dict[str, dict[str, Any]]:
    """Train every model (or those named in ``only``) on ``data`` and write them into ``out_dir``.

    ``reviewed`` (``(statement text, 1 if opinion else 0)``, :func:`train_kind.read_reviewed`)
    is added to the kind model's training sentences.

    Returns:
        The metadata of each model written, by file name (its dev figures included).

    Raises:
        InputError: a training file is missing.
    """
    check_data(data)
    metas = {}
    try:
        for name, builder in BUILDERS.items():
            if only and name not in only:
                continue
            model = builder(data, reviewed) if reviewed and builder is _kind else builder(data)
            write_json(model, out_dir / name)
            metas[name] = model["meta"]
            if name == certainty_model.MODEL_FILE:
                certainty_model.use(model)  # later models see the certainty the pipeline will give
    finally:
        certainty_model.use(None)
    return metas
