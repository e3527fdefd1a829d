"""Push draft statements to a Doccano project (the use case above :mod:`.client`).

Idempotent and resumable: an example is marked ``claimkit.state = "pushing"`` in its meta
before its annotations are written and ``"pushed"`` (with a fingerprint of what was written)
after. A rerun recognises examples by ``doc_id``; it rewrites drafts whose statements changed
and examples a failed run left half written, leaves identical drafts alone, and never touches
an example that is confirmed or whose annotations differ from the fingerprint (a reviewer
edited it): those are reported as skipped.
"""

from __future__ import annotations

import contextlib
import json
import uuid
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import __version__
from ..errors import InputError, SchemaError, ServerError, UsageError
from ..io import iter_documents, iter_json_lines, read_original_any
from ..records import Document
from ..schema import validate
from .client import DoccanoClient
from .convert import (
    LABEL_COLORS,
    META_KEY,
    RELATION_LABELS,
    SPAN_LABELS,
    Annotations,
    ExampleDraft,
    OffsetMap,
    import_line,
    statements_to_example,
)

PROJECT_OPTIONS = {
    "allow_overlapping": True,
    "use_relation": True,
    "grapheme_mode": False,
    # Reviewers must see and edit the drafts claimkit's user created, and confirm for everyone.
    "collaborative_annotation": True,
}
PROJECT_DESCRIPTION = "claimkit drafts: statements (fact / opinion / speculation) with speakers, cues and certainty."


@dataclass
class Project:
    """A project ready for claimkit: its id and label-type ids by name."""

    id: int
    name: str
    span_types: dict[str, int]
    relation_types: dict[str, int]
    created: bool = False

    @property
    def span_names(self) -> dict[int, str]:
        return {v: k for k, v in self.span_types.items()}

    @property
    def relation_names(self) -> dict[int, str]:
        return {v: k for k, v in self.relation_types.items()}


@dataclass
class PushReport:
    """What a push did, document by document."""

    project: str
    project_created: bool = False
    url: str | None = None  # the project's page in the Doccano UI
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)

    def summary(self) -> str:
        parts = [
            f"project {self.project!r}{' (created)' if self.project_created else ''}:",
            f"{len(self.created)} created, {len(self.updated)} updated, {len(self.unchanged)} unchanged,",
            f"{len(self.skipped)} skipped",
        ]
        return " ".join(parts)


def open_project(client: DoccanoClient, name: str, create: bool = True) -> Project:
    """Find the project ``name`` (creating it and its label types when ``create``).

    Raises:
        ServerError: it does not exist and ``create`` is false.
        UsageError: it exists but is not a sequence-labelling project with relations, counts
            offsets in graphemes (claimkit's offsets cannot be mapped to those), or (for push)
            does not share annotations between users.
    """
    found = client.find_project(name)
    created = False
    if found is None:
        if not create:
            raise ServerError(
                f"no project {name!r} on Doccano at {client.url} (visible to {client.connection.username!r})"
            )
        found = client.create_project(name, PROJECT_DESCRIPTION, **PROJECT_OPTIONS)
        created = True
    if found.get("project_type") != "SequenceLabeling" or not found.get("use_relation"):
        raise UsageError(f"Doccano project {name!r} is not a sequence-labelling project with relations")
    if found.get("grapheme_mode"):
        raise UsageError(
            f"Doccano project {name!r} counts offsets in grapheme clusters (grapheme_mode); claimkit needs it off"
        )
    if create and not found.get("collaborative_annotation"):
        # Without it, drafts are visible to claimkit's user only and a reviewer's confirmation
        # is invisible to push, which could then rewrite a reviewed example.
        raise UsageError(
            f"Doccano project {name!r} does not share annotations between users; turn on "
            "'collaborative annotation' in its settings (claimkit creates its projects that way)"
        )
    pid = int(found["id"])
    types = {}
    for kind, wanted in (("span", SPAN_LABELS), ("relation", RELATION_LABELS)):
        have = {t["text"]: int(t["id"]) for t in client.label_types(pid, kind)}
        missing = [label for label in wanted if label not in have] if create else []
        if len(missing) > 1:
            # One request for all of them (a new project); if it fails (someone created one
            # meanwhile), the loop below creates the rest one by one.
            with contextlib.suppress(ServerError):
                client.upload_label_types(pid, kind, [(label, LABEL_COLORS[label]) for label in missing])
            have = {t["text"]: int(t["id"]) for t in client.label_types(pid, kind)}
        for label in wanted if create else ():
            if label not in have:
                have[label] = int(client.create_label_type(pid, kind, label, LABEL_COLORS[label])["id"])
        types[kind] = have
    return Project(pid, name, types["span"], types["relation"], created)


def example_line(
    client: DoccanoClient, project: Project, example: dict[str, Any]
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """A listed example with its spans and relations (two requests), as a line shaped like
    Doccano's JSONL export (meta flattened, label names for ids), plus the raw annotations."""
    pid, eid = project.id, int(example["id"])
    names, rnames = project.span_names, project.relation_names
    spans = client.annotations(pid, eid, "spans")
    relations = client.annotations(pid, eid, "relations")
    line = {
        **(example.get("meta") or {}),
        "id": eid,
        "text": example.get("text") or "",
        "entities": [
            {
                "id": s["id"],
                "label": names.get(s["label"], str(s["label"])),
                "start_offset": s["start_offset"],
                "end_offset": s["end_offset"],
            }
            for s in spans
        ],
        "relations": [
            {"id": r["id"], "from_id": r["from_id"], "to_id": r["to_id"], "type": rnames.get(r["type"], str(r["type"]))}
            for r in relations
        ],
    }
    return line, spans + relations


def server_annotations(client: DoccanoClient, project: Project, example: dict[str, Any]) -> Annotations:
    """The current spans and relations of an example, in code points of the original text."""
    return Annotations.from_export(example_line(client, project, example)[0])


def _write(client: DoccanoClient, project: Project, eid: int, draft: ExampleDraft, threads: int) -> None:
    """Create the draft's spans, then its relations (several requests in flight)."""
    omap = OffsetMap(draft.text)

    def make_span(key: tuple[str, int, int]) -> int:
        start, end = draft.units(key, omap)
        return int(client.create_span(project.id, eid, start, end, project.span_types[key[0]])["id"])

    def make_relation(rel: tuple[str, Any, Any]) -> None:
        rtype, a, b = rel
        client.create_relation(project.id, eid, ids[a], ids[b], project.relation_types[rtype])

    with ThreadPoolExecutor(max_workers=threads) as pool:
        ids = dict(zip(draft.spans, pool.map(make_span, draft.spans), strict=True))
        list(pool.map(make_relation, draft.relations))


def _meta(draft: ExampleDraft, state: str, batch: str | None = None) -> dict[str, Any]:
    ours = {**draft.meta[META_KEY], "state": state}  # the rest is shared with the draft, never changed
    if batch:
        ours["batch"] = batch
    return {**draft.meta, META_KEY: ours}


def push_documents(
    client: DoccanoClient,
    project_name: str,
    documents: Iterable[tuple[dict[str, Any], str, Sequence[dict[str, Any]]]],
    threads: int = 4,
    on_document: Callable[[str, str], None] | None = None,
    bulk: bool = True,
) -> PushReport:
    """Push each ``(document record, original text, statements)`` as one example.

    New examples go through Doccano's dataset import (one JSONL upload and one server-side
    task per chunk of documents) unless ``bulk`` is off; a draft that changed is rewritten in
    place span by span (the import cannot update an example), so its example id stays.

    Args:
        client: a logged-in client.
        project_name: created when missing.
        documents: documents with their texts (sha256-checked by the caller) and statements.
        threads: requests in flight (checking existing examples, writing annotations).
        on_document: called with ``(doc_id, outcome)`` after each document.
        bulk: create new examples through the import endpoint (else one request per span).

    Raises:
        ServerError: any HTTP failure; the message says how far the push got. Rerunning the
            same command resumes without duplicates.
    """
    project = open_project(client, project_name)
    report = PushReport(project_name, project.created, f"{client.url}/projects/{project.id}")
    done = 0

    def record(doc_id: str, outcome: str) -> None:
        nonlocal done
        if outcome.startswith("skipped"):
            report.skipped[doc_id] = outcome.split(": ", 1)[1]
        else:
            getattr(report, outcome).append(doc_id)
        done += 1
        if on_document:
            on_document(doc_id, outcome)

    try:
        existing: dict[str, dict[str, Any]] = {}
        for ex in client.examples(project.id):
            doc_id = (ex.get("meta") or {}).get("doc_id")
            if doc_id is not None:
                existing.setdefault(str(doc_id), ex)
        drafts = [
            (document["doc_id"], statements_to_example(document, text, statements, __version__))
            for document, text, statements in documents
        ]
        with ThreadPoolExecutor(max_workers=max(threads, 1)) as pool:
            checks = list(pool.map(lambda item: _check(client, project, existing.get(item[0]), item[1]), drafts))
        fresh = []
        for (doc_id, draft), outcome in zip(drafts, checks, strict=True):
            if outcome == "new":
                if bulk:
                    fresh.append((doc_id, draft))
                    continue
                eid = int(client.create_example(project.id, draft.text, _meta(draft, "pushing"))["id"])
                _rewrite(client, project, eid, draft, threads, fresh=True)
                outcome = "created"
            elif outcome == "update":
                _rewrite(client, project, int(existing[doc_id]["id"]), draft, threads)
                outcome = "updated"
            record(doc_id, outcome)
        for chunk in _chunks(fresh):
            for doc_id in import_drafts(client, project, chunk):
                record(doc_id, "created")
    except ServerError as exc:
        raise ServerError(
            f"{exc.message} -- push stopped after {done} document(s); run the same command again to resume"
        ) from None
    return report


def _check(client: DoccanoClient, project: Project, example: dict[str, Any] | None, draft: ExampleDraft) -> str:
    """What to do with one document: ``new``, ``unchanged``, ``update`` or ``skipped: why``."""
    if example is None:
        return "new"
    pid, eid = project.id, int(example["id"])
    new = draft.meta[META_KEY]
    if example.get("text") != draft.text:
        return "skipped: the example's text on the server differs from the original text (sha256 mismatch)"
    confirmed = example["is_confirmed"] if "is_confirmed" in example else bool(client.states(pid, eid))
    if confirmed:
        return "skipped: confirmed by a reviewer"
    old = (example.get("meta") or {}).get(META_KEY) or {}
    if old.get("state") == "pushed":
        if server_annotations(client, project, example).fingerprint() != old.get("fingerprint"):
            return "skipped: edited by a reviewer"
        if all(old.get(k) == new.get(k) for k in ("fingerprint", "statements", "trim")):
            return "unchanged"
    # A draft nobody touched whose statements changed, or one a failed run left half written.
    return "update"


def _rewrite(
    client: DoccanoClient, project: Project, eid: int, draft: ExampleDraft, threads: int, fresh: bool = False
) -> None:
    """Write a draft's annotations into an example, marked ``pushing`` until done."""
    pid = project.id
    if not fresh:
        client.update_example_meta(pid, eid, _meta(draft, "pushing"))
        client.delete_annotations(pid, eid, "relations")
        client.delete_annotations(pid, eid, "spans")
    _write(client, project, eid, draft, threads)
    client.update_example_meta(pid, eid, _meta(draft, "pushed"))


# Doccano looks all spans of an import batch up in one SQL query (SQLite allows 32766
# parameters); chunks stay well below that and keep each server task short.
CHUNK_DOCUMENTS = 500
CHUNK_SPANS = 10000


def _chunks(drafts: Sequence[tuple[str, ExampleDraft]]) -> Iterable[list[tuple[str, ExampleDraft]]]:
    chunk: list[tuple[str, ExampleDraft]] = []
    spans = 0
    for item in drafts:
        if chunk and (len(chunk) >= CHUNK_DOCUMENTS or spans + len(item[1].spans) > CHUNK_SPANS):
            yield chunk
            chunk, spans = [], 0
        chunk.append(item)
        spans += len(item[1].spans)
    if chunk:
        yield chunk


def import_drafts(client: DoccanoClient, project: Project, drafts: Sequence[tuple[str, ExampleDraft]]) -> list[str]:
    """Create examples with their spans and relations through Doccano's dataset import.

    The JSONL is written in ASCII (Doccano guesses the file's encoding); each example's meta
    carries ``state = "pushed"``, its fingerprint and a batch id. Afterwards, when the task
    reports no error and the project grew by exactly one example per document, the import is
    complete; otherwise the examples of the batch are listed and checked against their
    fingerprints: a duplicate (Doccano's task retries after a crash) is deleted, keeping a
    complete copy; a document the import did not create, or only in part (then marked
    ``pushing``, so that the next push rewrites it), is an error. Returns the doc_ids created.

    Raises:
        ServerError: upload, import task or check failed.
    """
    batch = uuid.uuid4().hex
    body = "".join(
        json.dumps(import_line(draft, _meta(draft, "pushed", batch)), ensure_ascii=True) + "\n" for _, draft in drafts
    )
    upload = client.upload_file(f"claimkit-{batch}.jsonl", body.encode("ascii"))
    before = client.count_examples(project.id)
    task = client.import_uploads(project.id, [upload], "RelationExtraction")
    result = client.wait_task(task, f"import of {len(drafts)} document(s)")
    errors = (result or {}).get("error") if isinstance(result, dict) else None
    if not errors and client.count_examples(project.id) == before + len(drafts):
        # Exactly one example per line and no error: the usual case, checked without listing
        # (and downloading the meta of) every example again.
        return [doc_id for doc_id, _ in drafts]
    found: dict[str, list[dict[str, Any]]] = {}
    for ex in client.examples(project.id):
        ours = (ex.get("meta") or {}).get(META_KEY) or {}
        if isinstance(ours, dict) and ours.get("batch") == batch:
            found.setdefault(str(ex["meta"].get("doc_id")), []).append(ex)
    incomplete = []
    for doc_id, examples in found.items():
        # Keep one complete copy (annotations as fingerprinted); a task that crashed and was
        # retried may have left an example without some of its annotations.
        examples.sort(key=lambda ex: int(ex["id"]))
        complete = [
            ex
            for ex in examples
            if server_annotations(client, project, ex).fingerprint() == ex["meta"][META_KEY].get("fingerprint")
        ]
        keep = (complete or examples)[0]
        for ex in examples:
            if ex is not keep:
                client.delete_example(project.id, int(ex["id"]))
        if not complete:  # marked half written: the next push rewrites it
            meta = {**keep["meta"], META_KEY: {**keep["meta"][META_KEY], "state": "pushing"}}
            client.update_example_meta(project.id, int(keep["id"]), meta)
            incomplete.append(doc_id)
    missing = [doc_id for doc_id, _ in drafts if doc_id not in found] + incomplete
    if missing:
        detail = f" ({_import_error(errors[0])})" if errors else ""
        raise ServerError(
            f"Doccano at {client.url}: the import did not create {len(missing)} document(s) completely, "
            f"first {missing[0]!r}{detail}"
        )
    return [doc_id for doc_id, _ in drafts]


def _import_error(error: Any) -> str:
    if isinstance(error, dict):
        return f"{error.get('filename', '')} line {error.get('line', '?')}: {error.get('message', '')}"[:200]
    return str(error)[:200]


# -- inputs -----------------------------------------------------------------------------------


def collect_documents(
    statements_path: Path, docs_path: Path, text_paths: Sequence[str] = ()
) -> list[tuple[dict[str, Any], str, list[dict[str, Any]]]]:
    """Pair each document record with its original text and statements, checking both.

    The text comes from ``text_paths`` (files, directories, JSONL, as for ``extract``) when
    given, else from each record's ``path`` (relative to the current directory or to
    ``docs_path``). Its sha256 must equal the record's; every statement must validate against
    the schema and its offsets against that text.

    Raises:
        InputError: a text is missing or changed since extraction, a statement names an
            unknown document.
        SchemaError: a statement or document record is invalid.
    """
    docs: dict[str, dict[str, Any]] = {}
    for where, record in iter_json_lines(docs_path):
        try:
            validate(record, "document")
        except SchemaError as exc:
            raise SchemaError(f"{where}: {exc}") from None
        docs[record["doc_id"]] = record
    given: dict[str, Document] = {}
    for item in iter_documents(text_paths):
        if isinstance(item, InputError):
            raise item
        given[item.doc_id] = item
    texts: dict[str, str] = {}
    for doc_id, record in docs.items():
        if doc_id in given:
            doc = given[doc_id]
        elif text_paths or not (record.get("path") or record.get("abs_path")) or record["path"] == "-":
            raise InputError(f"no original text for document {doc_id!r} (pass it with --text FILE-OR-DIR)")
        else:
            try:
                doc = read_original_any(record["path"], record.get("abs_path"), docs_path.parent)
            except InputError as exc:
                raise InputError(
                    f"{exc}; pass the original articles with --text DIR (the folder extract read)"
                ) from None
        if doc.sha256 != record["sha256"]:
            raise InputError(
                f"{doc.path}: text of document {doc_id!r} changed since extraction "
                f"(sha256 {doc.sha256[:12]}... != {record['sha256'][:12]}...); offsets would be wrong"
            )
        texts[doc_id] = doc.text
    statements: dict[str, list[dict[str, Any]]] = {doc_id: [] for doc_id in docs}
    for where, record in iter_json_lines(statements_path):
        doc_id = record.get("doc_id")
        if doc_id not in docs:
            raise InputError(f"{where}: statement of document {doc_id!r}, which is not in {docs_path}")
        try:
            validate(record, "statement", texts[doc_id])
        except SchemaError as exc:
            raise SchemaError(f"{where}: {exc}") from None
        statements[doc_id].append(record)
    return [(docs[d], texts[d], statements[d]) for d in docs]


ORDERS = ("input", "uncertain", "checkworthy")


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def review_priority(statements: Sequence[dict[str, Any]], order: str) -> tuple[float, ...]:
    """Sort key of a document for ``push --order`` (smaller goes first).

    ``uncertain``: the lowest ``kind_score`` of its statements (how sure the classifier was;
    1 when a record has none), then the mean ``certainty.score`` (least firmly asserted first).
    ``checkworthy``: the highest ``checkworthiness`` first. Documents without statements, or
    without the field, go last.
    """
    if order == "uncertain":
        kinds = [_number(st.get("kind_score")) for st in statements]
        certs = [_number((st.get("certainty") or {}).get("score")) for st in statements]
        if not statements:
            return (2.0, 2.0)
        kind = min((k for k in kinds if k is not None), default=1.0)
        known = [c for c in certs if c is not None]
        return (kind, sum(known) / len(known) if known else 1.0)
    if order == "checkworthy":
        scores = [s for s in (_number(st.get("checkworthiness")) for st in statements) if s is not None]
        return (-max(scores),) if scores else (1.0,)
    return ()


def order_documents(
    documents: Sequence[tuple[dict[str, Any], str, list[dict[str, Any]]]],
    order: str = "input",
    limit: int | None = None,
) -> list[tuple[dict[str, Any], str, list[dict[str, Any]]]]:
    """The documents to push, in review order (stable for ties), at most ``limit``.

    Raises:
        UsageError: unknown order.
    """
    if order not in ORDERS:
        raise UsageError(f"unknown --order {order!r}; allowed: {', '.join(ORDERS)}")
    ranked = sorted(documents, key=lambda d: review_priority(d[2], order)) if order != "input" else list(documents)
    return ranked[:limit] if limit is not None else ranked
