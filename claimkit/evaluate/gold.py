"""Gold annotations in one shape, whatever file format they came from.

Loaders (``claimkit.evaluate.loaders``) turn each format into a :class:`GoldSet`: one
:class:`GoldDoc` per text the extractor will read, with the annotations that format has
(attributions, sentences with labels and cues, factuality events, or gold statements).
Every offset is a character offset into ``GoldDoc.document.text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..records import Document
from .spans import Span

TASKS: tuple[str, ...] = (
    "statements",
    "attribution",
    "attribution_spans",
    "certainty",
    "subjectivity",
    "factuality",
    "speakers",
    "certainty_score",
    "checkworthiness",
)


@dataclass
class GoldAttribution:
    """One attribution relation: who (source) says (cue) what (content).

    Attributes:
        content: the content span(s); brat allows discontinuous spans and a second content.
        source: the source span, or None for ``Attribution-no-source``.
        cues: the cue span(s).
        where: ``file:line`` of the relation, for messages.
    """

    content: list[Span]
    source: Span | None
    cues: list[Span]
    source_text: str | None = None
    where: str = ""


@dataclass
class GoldQuote:
    """One quotation with the speaker a reader would name (GenderGapTracker gold).

    Attributes:
        start, end: the quoted content.
        speaker: the nearest mention of the speaker, or None when it was not located.
        name: the full name (or description) the annotators gave, or None.
    """

    start: int
    end: int
    speaker: Span | None
    name: str | None


@dataclass
class GoldSentence:
    """A gold sentence with a label (``certain``/``uncertain``, ``OBJ``/``SUBJ``, ``Yes``/``No``) and cue spans.

    ``value`` is a graded rating when the gold has one (Pei & Jurgens: certainty 1 to 6).
    """

    start: int
    end: int
    label: str
    cues: list[Span] = field(default_factory=list)
    cue_types: list[str] = field(default_factory=list)
    value: float | None = None


@dataclass
class GoldEvent:
    """A factuality-annotated predicate token and its gold value in [-3, 3]."""

    start: int
    end: int
    value: float


@dataclass
class GoldDoc:
    """One gold text and its annotations.

    Attributes:
        document: the text the extractor reads (``doc_id`` is unique within the set).
        key: what the held-out split hashes (file name, DocID, ...).
        statements: gold statement records (dicts in the statement schema) for claimkit gold.
        part: the gold's own split of this document (``train``, ``val``) when it has one.
    """

    document: Document
    key: str
    attributions: list[GoldAttribution] = field(default_factory=list)
    sentences: list[GoldSentence] = field(default_factory=list)
    events: list[GoldEvent] = field(default_factory=list)
    statements: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[GoldQuote] = field(default_factory=list)
    part: str | None = None

    @classmethod
    def one_sentence(
        cls, doc_id: str, text: str, where: str, label: str, *, value: float | None = None, part: str | None = None
    ) -> GoldDoc:
        """A gold document that is one labelled sentence (NewsSD, CheckThat!, Pei & Jurgens rows).

        Args:
            doc_id: the document id, also the split key.
            text: the sentence.
            where: ``path:line`` of the row, kept as the document's path for messages.
            label: the sentence's gold label.
            value: the graded rating when the gold has one.
            part: the gold's own split of this row.
        """
        document = Document(doc_id=doc_id, text=text, path=where)
        sentence = GoldSentence(0, len(text), label, value=value)
        return cls(document, doc_id, sentences=[sentence], part=part)


@dataclass
class GoldSet:
    """Everything one loader read.

    Attributes:
        format: the loader's format name.
        path: what was loaded.
        tasks: which metrics apply (a subset of :data:`TASKS`).
        docs: the gold documents, in a deterministic order.
        notes: facts about the loading worth reporting (e.g. which annotator was used).
    """

    format: str
    path: str
    tasks: tuple[str, ...]
    docs: list[GoldDoc]
    notes: dict[str, Any] = field(default_factory=dict)
