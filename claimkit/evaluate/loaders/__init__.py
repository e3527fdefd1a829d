"""Gold loaders, one module per format; :func:`load` picks one by name."""

from __future__ import annotations

import importlib
from pathlib import Path

from ...errors import GoldFormatError, UsageError
from ..gold import GoldSet

#: THE registry of gold formats: ``--format`` name -> loader module in this package (which has a
#: ``load(path)`` function). ``claimkit eval --format`` builds its choices and help from it, so a
#: new format is one module plus one entry here. Keep this file free of heavy imports: the CLI
#: reads it at start-up.
REGISTRY: dict[str, str] = {
    "claimkit": "statements",
    "brat": "brat",
    "szeged": "szeged",
    "newssd": "newssd",
    "factuality": "factuality",
    "doccano": "doccano",
    "ggt": "ggt",
    "pei-jurgens": "pei_jurgens",
    "checkthat": "checkworthiness",
    "claimbuster": "checkworthiness",
}
FORMATS: tuple[str, ...] = tuple(REGISTRY)


def load(path: str | Path, fmt: str, text: str | Path | None = None) -> GoldSet:
    """Load gold data at ``path`` in format ``fmt``.

    Args:
        path: file or directory of gold data.
        fmt: one of :data:`FORMATS`.
        text: for ``claimkit`` gold only: where the documents' texts are (see
            :mod:`claimkit.evaluate.loaders.statements`).

    Raises:
        UsageError: unknown format, or ``text`` given for a format that has its own texts.
        GoldFormatError: the gold is malformed or missing.
    """
    if fmt not in FORMATS:
        raise UsageError(f"unknown gold format {fmt!r}; allowed: {', '.join(FORMATS)}")
    path = Path(path)
    if not path.exists():
        raise GoldFormatError(f"{path}: no such file or directory")
    module = importlib.import_module(f"{__name__}.{REGISTRY[fmt]}")
    if fmt == "claimkit":
        return module.load(path, text=text)
    if text is not None:
        raise UsageError(f"--text applies to claimkit gold only; {fmt} gold carries its own texts")
    if REGISTRY[fmt] == "checkworthiness":
        return module.load(path, fmt)
    return module.load(path)
