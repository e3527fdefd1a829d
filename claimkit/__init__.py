"""claimkit: split news articles into factual claims, attributed opinions and speculation."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "extract_texts", "from_dataframe", "to_dataframe"]

# Public functions imported on first use, so that ``import claimkit`` stays fast (no pandas).
_LAZY = {"to_dataframe": "tables", "from_dataframe": "tables", "extract_texts": "tables"}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
