"""Statements inline in a Jupyter notebook: :func:`display`, like ``displacy.render(..., jupyter=True)``.

The review page's own renderer (:mod:`claimkit.html`) draws the article with its statements
highlighted; the page is shown in an ``<iframe srcdoc>``, so its styles and script never touch
the notebook's, and it needs no server and no network.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape
from typing import Any

from . import html
from .errors import UsageError
from .records import Statement

__all__ = ["display", "in_jupyter", "render"]


def in_jupyter() -> bool:
    """Whether this runs in a Jupyter kernel (not a terminal IPython)."""
    try:
        shell = get_ipython().__class__.__name__  # type: ignore[name-defined]
    except NameError:
        return False
    return shell == "ZMQInteractiveShell"


def _is_doc(obj: Any) -> bool:
    return type(obj).__module__.startswith("spacy.") and type(obj).__name__ == "Doc"


def articles_of(
    obj: Any, text: str | Mapping[str, str] | None = None, document: Mapping[str, Any] | None = None
) -> list[html.Article]:
    """The articles to draw for :func:`display` (see there for what ``obj`` may be)."""
    if _is_doc(obj):
        statements = getattr(obj._, "statements", None) if obj.has_extension("statements") else None
        if statements is None:
            raise UsageError('this Doc has no claimkit statements: add the component first (nlp.add_pipe("claimkit"))')
        record = obj._.claimkit_document or {}
        doc_id = record.get("doc_id") or "doc"
        return [html.make_article(doc_id, list(statements), obj.text, record or None)]
    if isinstance(obj, (str, bytes)) or not isinstance(obj, Iterable):
        raise UsageError(
            f"display() takes statement records or a spaCy Doc, not {type(obj).__name__} "
            "(for a text: claimkit.display(claimkit.extract_texts([text]), text))"
        )
    records = [st.to_dict() if isinstance(st, Statement) else dict(st) for st in obj]
    groups = html.group_by_document(records)
    if isinstance(text, str):
        if len(groups) > 1:
            raise UsageError(f"the records come from {len(groups)} documents: pass text as {{doc_id: text}}")
        texts = {next(iter(groups), "text-1"): text}
    else:
        texts = dict(text or {})
    documents = [dict(document)] if document is not None else []
    return html.load_articles(records, documents, texts)


def render(
    obj: Any,
    text: str | Mapping[str, str] | None = None,
    *,
    document: Mapping[str, Any] | None = None,
    title: str = "claimkit",
    height: int = 600,
) -> str:
    """The HTML :func:`display` shows: an ``<iframe>`` holding the review page of ``obj``."""
    page = html.render_page(articles_of(obj, text, document), title)
    return (
        f'<iframe class="claimkit-display" title="{escape(title)}" sandbox="allow-scripts" '
        f'style="width: 100%; height: {int(height)}px; border: 1px solid #e5e7eb; border-radius: 6px" '
        f'srcdoc="{escape(page, quote=True)}"></iframe>'
    )


def display(
    obj: Any,
    text: str | Mapping[str, str] | None = None,
    *,
    document: Mapping[str, Any] | None = None,
    title: str = "claimkit",
    height: int = 600,
    jupyter: bool | None = None,
) -> str | None:
    """Show statements highlighted in their article, inline in a Jupyter notebook.

    Args:
        obj: a spaCy ``Doc`` that went through the ``claimkit`` component, or statement records
            (dicts or :class:`~claimkit.records.Statement`; e.g. from
            :func:`claimkit.extract_texts` or a statements JSONL), of one or more documents.
        text: the article text the records point into (one document), or ``{doc_id: text}``;
            without it the statements are listed without their article.
        document: the document record (title, publisher, regions), if at hand.
        title: the page title.
        height: of the inline frame, in pixels.
        jupyter: show it in the notebook (default: when running in Jupyter) or return the HTML.

    Returns:
        The HTML when not shown in a notebook, else None.

    Example:
        >>> import claimkit
        >>> text = "Park Won-gon, a professor, said the talks may resume."
        >>> claimkit.display(claimkit.extract_texts([text]), text)
    """
    markup = render(obj, text, document=document, title=title, height=height)
    if jupyter is None:
        jupyter = in_jupyter()
    if not jupyter:
        return markup
    from IPython.display import HTML
    from IPython.display import display as show

    show(HTML(markup))
    return None
