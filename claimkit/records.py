"""The records that flow through claimkit: Document in, Statement and DocumentRecord out.

Field names of :class:`Statement` and :class:`DocumentRecord` are the public contract of
``schemas/statement.schema.json`` and ``schemas/document.schema.json`` (see DESIGN.md):
add fields freely, never rename or remove them.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Kind = Literal["fact", "opinion", "speculation"]
QuoteType = Literal["direct", "indirect", "mixed", "none"]
SpeakerType = Literal["person", "organization", "group", "anonymous"]
SourceType = Literal["named", "anonymous", "official", "document", "media", "publication"]
CertaintyLabel = Literal["certain", "probable", "possible", "unknown"]

KINDS: tuple[str, ...] = ("fact", "opinion", "speculation")
QUOTE_TYPES: tuple[str, ...] = ("direct", "indirect", "mixed", "none")
SPEAKER_TYPES: tuple[str, ...] = ("person", "organization", "group", "anonymous")
SOURCE_TYPES: tuple[str, ...] = ("named", "anonymous", "official", "document", "media", "publication")
CERTAINTY_LABELS: tuple[str, ...] = ("certain", "probable", "possible", "unknown")


def sha256_text(text: str) -> str:
    """The sha256 of ``text`` encoded as UTF-8: what offsets are valid against."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Document:
    """One article exactly as read.

    Attributes:
        doc_id: file stem, or the ``id`` of a JSONL input line.
        text: the decoded text, nothing normalised; every offset points into it.
        path: where it was read from (``-`` for stdin, ``file.jsonl:LINE`` for JSONL).
        meta: free metadata from a JSONL input line.
    """

    doc_id: str
    text: str
    path: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def sha256(self) -> str:
        return sha256_text(self.text)


@dataclass
class Region:
    """A typed stretch of a document that is not body text (title, boilerplate, caption...)."""

    type: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Speaker:
    name: str
    mention: str
    start: int | None
    end: int | None
    type: SpeakerType
    description: str | None = None
    id: str | None = None


@dataclass
class Cue:
    text: str
    start: int
    end: int
    lemma: str


@dataclass
class ContentPart:
    text: str
    start: int
    end: int


@dataclass
class Content:
    """What is said, without source and cue (version 1.1).

    ``text`` is ``document_text[start:end]``, from the first part to the last; ``parts`` are
    the pieces themselves (one when the content is contiguous; two or more when the frame
    splits a quotation, "“A,” she said, “B.”", or a quotation continues in the next sentence).
    """

    text: str
    start: int
    end: int
    parts: list[ContentPart] = field(default_factory=list)


@dataclass
class Source:
    name: str
    type: SourceType
    start: int | None = None
    end: int | None = None


@dataclass
class CertaintyCue:
    text: str
    start: int
    end: int
    type: str
    holder: Literal["author", "speaker"] = "author"
    scope: Literal["main", "embedded"] = "main"


@dataclass
class Certainty:
    label: CertaintyLabel
    score: float
    cues: list[CertaintyCue] = field(default_factory=list)


@dataclass
class Statement:
    """One statement record (one line of ``claimkit extract`` output)."""

    id: str
    doc_id: str
    kind: Kind
    text: str
    start: int
    end: int
    speaker: Speaker | None
    cue: Cue | None
    quote: QuoteType
    source: Source | None
    certainty: Certainty
    kind_score: float | None = None
    kind_by: Literal["rule", "model"] | None = None
    content: Content | None = None
    checkworthiness: float | None = None

    def to_dict(self) -> dict[str, Any]:
        record = asdict(self)
        if record["checkworthiness"] is None:  # optional (schema 1.1): left out until scored
            del record["checkworthiness"]
        return record


@dataclass
class KindDecision:
    """What :func:`claimkit.classify.decide` returns: the kind, its probability and who decided.

    Attributes:
        kind: ``fact``, ``opinion`` or ``speculation``.
        score: the probability of ``kind`` in [0, 1] (for a rule: its precision measured on the
            training data; for the model: the model's probability).
        by: ``rule`` or ``model``.
    """

    kind: Kind
    score: float
    by: Literal["rule", "model"]


@dataclass
class DocumentRecord:
    """One line of ``documents.jsonl``."""

    doc_id: str
    path: str | None
    sha256: str
    chars: int
    title: str | None
    publisher: str | None
    regions: list[Region]
    statements: int
    meta: dict[str, Any] = field(default_factory=dict)
    claimkit_version: str = ""
    genre: str = "unknown"
    speakers: list[dict[str, Any]] = field(default_factory=list)
    # The absolute form of ``path`` (a file, or ``/abs/file.jsonl:LINE``) so that the original can
    # be found from any folder; None for stdin or unnamed input.
    abs_path: str | None = None
    # Which models made the records: name -> first 16 hex digits of the model file's sha256.
    models: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
