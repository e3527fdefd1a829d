"""``run()``: load gold, get predictions, score the extractor and the baselines."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..errors import UsageError
from . import baselines, loaders, predictions
from .gold import GoldSet
from .metrics import Preds, Result
from .report import SYSTEM, Report
from .split import keep

if TYPE_CHECKING:
    from ..pipeline import Extractor


def metric(task: str) -> Callable[..., Result]:
    """The ``score`` function of the metric module for ``task``."""
    return importlib.import_module(f"{__package__}.metrics.{task}").score


def select(gold: GoldSet, split: str | None = "all", limit: int | None = None) -> GoldSet:
    """The documents of ``split``, then the first ``limit``.

    ``dev`` / ``test`` use a stable hash of each document's key; ``train`` / ``val`` the gold's
    own split (Pei & Jurgens); ``all`` or None keeps every document.
    """
    split = split or "all"
    if limit is not None and limit < 1:
        raise UsageError(f"--limit must be at least 1, not {limit}")
    docs = [d for d in gold.docs if keep(d.key, split, d.part)]
    if limit is not None:
        docs = docs[:limit]
    return GoldSet(gold.format, gold.path, gold.tasks, docs, dict(gold.notes))


def new_report(
    gold: GoldSet, predictions: str, notes: dict[str, Any], split: str = "all", limit: int | None = None
) -> Report:
    """An empty :class:`Report` describing ``gold`` and where the predictions came from."""
    return Report(
        format=gold.format,
        gold=gold.path,
        split=split,
        limit=limit,
        documents=len(gold.docs),
        predictions=predictions,
        created=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        claimkit_version=__version__,
        notes=notes,
    )


def score(gold: GoldSet, preds: Preds, report: Report | None = None, with_baselines: bool = True) -> Report:
    """Fill ``report`` (default: a new one) with the figures of ``preds`` and the baselines on ``gold``.

    Example:
        >>> gold = select(loaders.load("../shared/data/szeged/wiki.xml", "szeged"), "dev")
        >>> preds, _ = predictions.extract(gold.docs, my_extractor)
        >>> score(gold, preds, with_baselines=False).figure("certainty", "f1")
    """
    if report is None:
        report = new_report(gold, "given", dict(gold.notes))
    systems: dict[str, Preds] = {SYSTEM: preds}
    if with_baselines:
        for name, fn in baselines.for_gold(gold).items():
            systems[f"baseline:{name}"] = fn(gold)
        report.notes.update({k: v for k, v in gold.notes.items() if k not in report.notes})
    for task in gold.tasks:
        fn = metric(task)
        table: dict[str, dict[str, Any]] = {}
        for system, system_preds in systems.items():
            result = fn(gold.docs, system_preds)
            table[system] = result.figures
            if result.extras:
                report.extras.setdefault(task, {})[system] = result.extras
            if system == SYSTEM and task == gold.tasks[0]:
                report.per_doc = sorted(result.per_doc, key=lambda d: (d.score, -d.support, d.doc_id))
                report.notes["per_doc_figure"] = f"{task} {result.headline}"
        report.tables[task] = table
    return report


def run(
    gold_path: str | Path,
    fmt: str,
    pred: str | Path | None = None,
    extractor: Extractor | None = None,
    limit: int | None = None,
    split: str | None = "all",
    text: str | Path | None = None,
    progress: Callable[[int], Any] | None = None,
    batch_size: int = 16,
    with_baselines: bool = True,
    make_extractor: Callable[[], Extractor] | None = None,
    on_start: Callable[[int], Any] | None = None,
) -> Report:
    """Evaluate claimkit against gold data.

    Args:
        gold_path: gold file or directory.
        fmt: gold format (see :data:`claimkit.evaluate.loaders.FORMATS`).
        pred: an existing statements JSONL; when None the extractor runs on the gold texts.
        extractor: the extractor to run (default: ``Extractor()`` with the default model).
        limit: only the first N documents (after the split).
        split: ``all`` (or None), or ``dev`` / ``test`` for the stable 80/20 hash split of document keys.
        text: for claimkit gold, where the documents' texts are.
        progress: called with 1 after each extracted document.
        batch_size: documents per parsing batch.
        with_baselines: also score the baselines.
        make_extractor: builds the extractor when ``extractor`` is None and one is needed
            (called after the gold has loaded, so malformed gold fails fast).
        on_start: called with the number of documents before the extractor runs on them.

    Returns:
        The :class:`Report` with every figure.

    Example:
        >>> report = run("../shared/data/polnear/dev", "brat", limit=5)
        >>> report.figure("attribution", "attribution_f1")
    """
    gold = select(loaders.load(gold_path, fmt, text=text), split, limit)
    notes: dict[str, Any] = dict(gold.notes)
    if pred is not None:
        preds, more = predictions.read_jsonl(pred, gold.docs)
        source = str(pred)
    else:
        if extractor is None:
            if make_extractor is None:
                from ..pipeline import Extractor as make_extractor
            extractor = make_extractor()
        if on_start is not None:
            on_start(len(gold.docs))
        preds, more = predictions.extract(gold.docs, extractor, progress, batch_size)
        source = "extractor"
    notes.update(more)
    report = new_report(gold, source, notes, split or "all", limit)
    return score(gold, preds, report, with_baselines)
