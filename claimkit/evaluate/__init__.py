"""Evaluation of claimkit against gold annotations (``claimkit eval``).

Example:
    >>> from claimkit.evaluate import run
    >>> report = run("../shared/data/polnear/dev", "brat", limit=10)
    >>> print(report.render(per_doc=5))
    >>> report.figure("attribution", "attribution_f1")
"""

from __future__ import annotations

from .gold import GoldDoc, GoldSet
from .loaders import FORMATS, load
from .report import Report
from .runner import run, score, select
from .split import SPLITS

__all__ = ["FORMATS", "SPLITS", "GoldDoc", "GoldSet", "Report", "load", "run", "score", "select"]
