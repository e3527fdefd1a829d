"""The pipeline: Document -> clean -> nlp -> segment -> attribution -> certainty -> kind
-> validated Statement records. Library code only: no printing, no exiting."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from . import __version__, attribution, certainty, classify, clean, nlp, schema, segment
from .errors import ClaimkitError
from .records import Document, DocumentRecord, Statement


@dataclass
class Result:
    """The outcome for one input: a document record and its statements, or an error."""

    document: Document | None
    record: DocumentRecord | None = None
    statements: list[Statement] = field(default_factory=list)
    error: ClaimkitError | None = None


def analyse(document: Document, doc: Doc, validate: bool = True) -> tuple[DocumentRecord, list[Statement]]:
    """Run every stage after parsing on one document.

    Args:
        document: the document as read.
        doc: its parse; ``doc.text`` must equal ``document.text``.
        validate: validate every record against schemas/ (raises :class:`SchemaError`).
    """
    text = document.text
    cleaned = clean.clean(text, document.meta)
    candidates = segment.segment(doc, cleaned)
    attributions = attribution.attribute(doc, candidates, cleaned)
    statements: list[Statement] = []
    for n, (cand, attr) in enumerate(zip(candidates, attributions, strict=True), 1):
        cert = certainty.assess(doc, cand, attr)
        kind = classify.classify(doc, cand, attr, cert)
        statements.append(
            Statement(
                id=f"{document.doc_id}:{n}",
                doc_id=document.doc_id,
                kind=kind,
                text=text[cand.start : cand.end],
                start=cand.start,
                end=cand.end,
                speaker=attr.speaker,
                cue=attr.cue,
                quote=attr.quote if attr.speaker is not None else "none",
                source=attr.source,
                certainty=cert,
            )
        )
    record = DocumentRecord(
        doc_id=document.doc_id,
        path=document.path,
        sha256=document.sha256,
        chars=len(text),
        title=cleaned.title,
        publisher=cleaned.publisher,
        regions=cleaned.regions,
        statements=len(statements),
        meta=document.meta,
        claimkit_version=__version__,
    )
    if validate:
        for st in statements:
            schema.validate(st.to_dict(), "statement", text)
        schema.validate(record.to_dict(), "document")
    return record, statements


class Extractor:
    """Loads an NLP backend once and turns documents into statements.

    Example:
        >>> ex = Extractor()
        >>> record, statements = ex.extract_one(Document("d1", "Park said it rained."))
    """

    def __init__(self, backend: str = "spacy", model: str | None = None, stanza_dir: str | None = None) -> None:
        self.nlp: Language = nlp.load(backend, model, stanza_dir)

    def extract_one(self, document: Document) -> tuple[DocumentRecord, list[Statement]]:
        return analyse(document, self.nlp(document.text))

    def extract(self, items: Iterable[Document | ClaimkitError], batch_size: int = 32) -> Iterator[Result]:
        """Yield one :class:`Result` per item, in input order, parsing in batches.

        Items that are already errors (unreadable inputs) pass through as failed results;
        a document that fails in a later stage becomes a failed result too, so one bad
        article never stops a run.
        """

        def texts() -> Iterator[tuple[str, Document | ClaimkitError]]:
            for item in items:
                yield (item.text if isinstance(item, Document) else "", item)

        for doc, item in self.nlp.pipe(texts(), as_tuples=True, batch_size=batch_size):
            if not isinstance(item, Document):
                yield Result(None, error=item)
                continue
            try:
                record, statements = analyse(item, doc)
            except ClaimkitError as exc:
                yield Result(item, error=exc)
                continue
            yield Result(item, record, statements)
