"""claimkit: split news articles into factual claims, attributed opinions and speculation."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
