"""claimkit as a spaCy pipeline component, for users who keep their own pipeline.

    >>> import spacy
    >>> nlp = spacy.load("en_core_web_sm")
    >>> nlp.add_pipe("claimkit_paragraphs_v1", before="parser")  # optional, as the CLI does
    >>> nlp.add_pipe("claimkit")
    >>> doc = nlp("Park Won-gon, a professor, said the talks may resume.")
    >>> doc._.statements[0]["speaker"]["name"]
    'Park Won-gon'

``nlp.add_pipe("claimkit")`` works without importing claimkit first: the factory is registered
through the ``spacy_factories`` entry point in ``pyproject.toml`` (so does
``claimkit_paragraphs_v1``, the component that makes every line break a sentence break).

The component runs every stage after parsing (clean, segment, attribution, certainty, kind)
on the ``Doc`` the pipeline made, and sets:

* ``doc._.statements``: the statement records, exactly the dicts ``claimkit extract`` writes
  (schema-validated unless ``validate`` is false);
* ``doc._.claimkit_document``: the document record (title, publisher, regions ...);
* ``doc._.statement_spans``: the statements as ``Span`` objects labelled with their kind
  (computed on access, not stored).

It needs sentence boundaries (a parser, senter or sentencizer before it) and uses named
entities and the parse when present. The statement ids use ``doc._.doc_id`` when set, else
``doc``. Extraction results equal the CLI's when the pipeline is the same (the default model
plus ``claimkit_paragraphs_v1`` before the parser).
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from .errors import ModelError
from .nlp import PARAGRAPH_COMPONENT  # importing claimkit.nlp registers that component with spaCy
from .records import Document

FACTORY = "claimkit"
DEFAULT_DOC_ID = "doc"

__all__ = [
    "DEFAULT_DOC_ID",
    "FACTORY",
    "PARAGRAPH_COMPONENT",
    "ClaimkitComponent",
    "make_claimkit",
    "register_extensions",
]


def _spans(doc: Doc) -> list[Span]:
    spans = []
    for st in doc._.statements or []:
        span = doc.char_span(st["start"], st["end"], label=st["kind"], alignment_mode="expand")
        if span is not None:
            spans.append(span)
    return spans


def register_extensions() -> None:
    """Declare ``Doc._.statements``, ``claimkit_document``, ``statement_spans`` and ``doc_id``."""
    for name, kwargs in (
        ("statements", {"default": None}),
        ("claimkit_document", {"default": None}),
        ("doc_id", {"default": None}),
        ("statement_spans", {"getter": _spans}),
    ):
        if not Doc.has_extension(name):
            Doc.set_extension(name, **kwargs)


class ClaimkitComponent:
    """The pipeline component (see the module docstring). Stateless: nothing to train or save."""

    def __init__(self, nlp: Language, name: str = FACTORY, validate: bool = True) -> None:
        self.name = name
        self.validate = validate
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        from .pipeline import analyse

        if not doc.has_annotation("SENT_START"):
            raise ModelError(
                "the claimkit component needs sentence boundaries: add a parser, senter or sentencizer before it"
            )
        document = Document(doc_id=str(doc._.doc_id or DEFAULT_DOC_ID), text=doc.text)
        record, statements = analyse(document, doc, self.validate)
        doc._.statements = [st.to_dict() for st in statements]
        doc._.claimkit_document = record.to_dict()
        return doc

    def pipe(self, stream: Any, batch_size: int = 128) -> Any:
        for doc in stream:
            yield self(doc)


@Language.factory(FACTORY, default_config={"validate": True})
def make_claimkit(nlp: Language, name: str, validate: bool) -> ClaimkitComponent:
    """The ``claimkit`` factory: ``nlp.add_pipe("claimkit", config={"validate": False})``."""
    return ClaimkitComponent(nlp, name, validate)
