"""Push draft statements to a Doccano project (the use case above :mod:`.client`).

Idempotent and resumable: an example is marked ``claimkit.state = "pushing"`` in its meta
before its annotations are written and ``"pushed"`` (with a fingerprint of what was written)
after. A rerun recognises examples by ``doc_id``; it rewrites drafts whose statements changed
and examples a failed run left half written, leaves identical drafts alone, and never touches
an example that is confirmed or whose annotations differ from the fingerprint (a reviewer
edited it): those are reported as skipped.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import __version__
from ..errors import InputError, SchemaError, ServerError, UsageError
from ..io import iter_documents, iter_json_lines, read_original
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
    statements_to_example,
    trim_of,
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
        if create:
            for label in wanted:
                if label not in have:
                    have[label] = int(client.create_label_type(pid, kind, label, LABEL_COLORS[label])["id"])
        types[kind] = have
    return Project(pid, name, types["span"], types["relation"], created)


def server_annotations(client: DoccanoClient, project: Project, example: dict[str, Any]) -> Annotations:
    """The current spans and relations of an example, in code points."""
    pid, eid = project.id, int(example["id"])
    names, rnames = project.span_names, project.relation_names
    ours = (example.get("meta") or {}).get(META_KEY) or {}
    spans = client.annotations(pid, eid, "spans")
    relations = client.annotations(pid, eid, "relations")
    return Annotations.build(
        ((s["id"], names.get(s["label"], str(s["label"])), s["start_offset"], s["end_offset"]) for s in spans),
        ((rnames.get(r["type"], str(r["type"])), r["from_id"], r["to_id"]) for r in relations),
        example["text"],
        ours.get("offsets", "utf-16"),
        len(trim_of(ours)[0]),
    )


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


def _meta(draft: ExampleDraft, state: str) -> dict[str, Any]:
    meta = copy.deepcopy(draft.meta)
    meta[META_KEY]["state"] = state
    return meta


def push_documents(
    client: DoccanoClient,
    project_name: str,
    documents: Iterable[tuple[dict[str, Any], str, Sequence[dict[str, Any]]]],
    threads: int = 4,
    on_document: Callable[[str, str], None] | None = None,
) -> PushReport:
    """Push each ``(document record, original text, statements)`` as one example.

    Args:
        client: a logged-in client.
        project_name: created when missing.
        documents: documents with their texts (sha256-checked by the caller) and statements.
        threads: requests in flight while writing one example's annotations.
        on_document: called with ``(doc_id, outcome)`` after each document.

    Raises:
        ServerError: any HTTP failure; the message says how far the push got. Rerunning the
            same command resumes without duplicates.
    """
    project = open_project(client, project_name)
    report = PushReport(project_name, project.created)
    done = 0
    try:
        existing = {}
        for ex in client.examples(project.id):
            doc_id = (ex.get("meta") or {}).get("doc_id")
            if doc_id is not None:
                existing.setdefault(str(doc_id), ex)
        for document, text, statements in documents:
            doc_id = document["doc_id"]
            draft = statements_to_example(document, text, statements, __version__)
            outcome = _push_one(client, project, existing.get(doc_id), draft, threads)
            if outcome.startswith("skipped"):
                report.skipped[doc_id] = outcome.split(": ", 1)[1]
            else:
                getattr(report, outcome).append(doc_id)
            done += 1
            if on_document:
                on_document(doc_id, outcome)
    except ServerError as exc:
        raise ServerError(
            f"{exc.message} -- push stopped after {done} document(s); run the same command again to resume"
        ) from None
    return report


def _push_one(
    client: DoccanoClient, project: Project, example: dict[str, Any] | None, draft: ExampleDraft, threads: int
) -> str:
    """Create, update, leave or skip one example; returns the outcome name."""
    pid = project.id
    new = draft.meta[META_KEY]
    if example is None:
        eid = int(client.create_example(pid, draft.text, _meta(draft, "pushing"))["id"])
        _write(client, project, eid, draft, threads)
        client.update_example_meta(pid, eid, _meta(draft, "pushed"))
        return "created"
    eid = int(example["id"])
    if example.get("text") != draft.text:
        return "skipped: the example's text on the server differs from the original text (sha256 mismatch)"
    if client.states(pid, eid):
        return "skipped: confirmed by a reviewer"
    old = (example.get("meta") or {}).get(META_KEY) or {}
    if old.get("state") == "pushed":
        if server_annotations(client, project, example).fingerprint() != old.get("fingerprint"):
            return "skipped: edited by a reviewer"
        if all(old.get(k) == new.get(k) for k in ("fingerprint", "statements", "trim")):
            return "unchanged"
    # A draft nobody touched whose statements changed, or one a failed run left half written.
    client.update_example_meta(pid, eid, _meta(draft, "pushing"))
    client.delete_annotations(pid, eid, "relations")
    client.delete_annotations(pid, eid, "spans")
    _write(client, project, eid, draft, threads)
    client.update_example_meta(pid, eid, _meta(draft, "pushed"))
    return "updated"


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
        elif text_paths or not record.get("path") or record["path"] == "-":
            raise InputError(f"no original text for document {doc_id!r} (pass it with --text)")
        else:
            doc = read_original(record["path"], docs_path.parent)
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
