"""claimkit: split news articles into factual claims, attributed opinions and speculation.

The public Python API (everything in ``__all__``; each is imported on first use, so that
``import claimkit`` stays fast and needs neither spaCy nor pandas):

* :func:`extract_texts`: texts in memory (mapping, pandas Series, ``(id, text)`` pairs,
  strings) to statement records, streamed.
* :func:`to_dataframe` / :func:`from_dataframe`: records (or a statements JSONL) to a pandas
  DataFrame, one row per statement, and back.
* :func:`read_statements`: the records of a statements (or documents) JSONL file, validated.
* :func:`display`: statements highlighted in their article, inline in Jupyter.
* :class:`Extractor` and :class:`Document`: the pipeline over files or documents (batches,
  processes); :class:`ClaimkitError`: the base of every error claimkit raises.
* The spaCy component: ``nlp.add_pipe("claimkit")`` (see :mod:`claimkit.spacy_component`).

Example:
    >>> import claimkit
    >>> records = list(claimkit.extract_texts({"a1": "Park Won-gon said the talks may resume."}))
    >>> records[0]["speaker"]["name"], records[0]["kind"], records[0]["certainty"]["label"]
    ('Park Won-gon', 'speculation', 'possible')
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "ClaimkitError",
    "Document",
    "Extractor",
    "__version__",
    "display",
    "extract_texts",
    "from_dataframe",
    "read_statements",
    "to_dataframe",
]

# Public name -> module that defines it, imported on first use.
_LAZY = {
    "ClaimkitError": "errors",
    "Document": "records",
    "Extractor": "pipeline",
    "display": "notebook",
    "extract_texts": "api",
    "from_dataframe": "tables",
    "read_statements": "tables",
    "to_dataframe": "tables",
}
_RENAMED = {"read_statements": "iter_records"}

if TYPE_CHECKING:  # what type checkers and IDEs see
    from .api import extract_texts
    from .errors import ClaimkitError
    from .notebook import display
    from .pipeline import Extractor
    from .records import Document
    from .tables import from_dataframe, to_dataframe
    from .tables import iter_records as read_statements


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), _RENAMED.get(name, name))
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
