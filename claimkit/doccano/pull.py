"""Pull reviewed statements from a Doccano project (export through the server, convert, check).

Each pulled statement is a valid statement record (schemas/statement.schema.json) plus a
``review`` object: ``status`` (``confirmed``, ``edited``: annotations differ from what claimkit
pushed, or ``draft``), ``reviewer`` and ``reviewed_at`` (who confirmed it and when; for an
edited, unconfirmed example, who changed an annotation last and when), ``example_id`` and
``project``.
"""

from __future__ import annotations

from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError, SchemaError
from ..io import REVIEW_RANK
from ..records import sha256_text
from ..schema import validate
from .client import DoccanoClient
from .convert import META_KEY, Annotations, export_line_to_statements, original_text
from .push import Project, example_line, open_project


@dataclass
class PullResult:
    """Statements pulled, and how many examples were in each review state."""

    project: str
    records: list[dict[str, Any]] = field(default_factory=list)
    states: dict[str, int] = field(default_factory=lambda: {"confirmed": 0, "edited": 0, "draft": 0})
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        counts = ", ".join(f"{n} {state}" for state, n in self.states.items())
        failed = f", {len(self.problems)} not pulled" if self.problems else ""
        return (
            f"project {self.project!r}: {len(self.records)} statements from {sum(self.states.values())} "
            f"documents ({counts}{failed})"
        )


@dataclass
class Fetched:
    """One example read through the REST API: an export-shaped line plus the raw annotations."""

    line: dict[str, Any]
    items: list[dict[str, Any]]  # raw spans and relations (user, updated_at)
    states: list[dict[str, Any]]  # confirmations (read only for confirmed examples)


def fetch_example(client: DoccanoClient, project: Project, example: dict[str, Any]) -> Fetched:
    """One listed example with its annotations (and confirmations when it is confirmed)."""
    line, items = example_line(client, project, example)
    confirmed = example.get("is_confirmed", True)
    return Fetched(line, items, client.states(project.id, int(example["id"])) if confirmed else [])


def _review(fetched: Fetched, project: Project, users: Mapping[int, str]) -> dict[str, Any]:
    """Review status, reviewer and time of one example."""
    line = fetched.line
    eid = int(line["id"])
    meta = line.get(META_KEY) or {}
    review: dict[str, Any] = {"status": "draft", "reviewer": None, "reviewed_at": None}
    edited = bool(meta) and Annotations.from_export(line).fingerprint() != meta.get("fingerprint")
    if fetched.states:
        last = max(fetched.states, key=lambda s: s.get("confirmed_at") or "")
        review.update(
            status="confirmed", reviewer=users.get(last.get("confirmed_by")), reviewed_at=last["confirmed_at"]
        )
    elif edited or not meta:
        if fetched.items:
            last = max(fetched.items, key=lambda s: s.get("updated_at") or "")
            review.update(reviewer=users.get(last.get("user")), reviewed_at=last.get("updated_at"))
        review["status"] = "edited" if edited else "draft"
    review.update(example_id=eid, project=project.name)
    return review


def pull_project(
    client: DoccanoClient,
    project_name: str,
    only_confirmed: bool = False,
    expected_sha256: Mapping[str, str] | None = None,
    threads: int = 8,
) -> PullResult:
    """Read a project through the REST API and turn it back into checked statement records.

    Examples are listed once; their spans, relations (and, when confirmed, confirmations) are
    read with ``threads`` requests in flight. No export file is created on the server.
    An example that fails a check (text changed, invalid record) is left out and described in
    ``result.problems``; the others are still returned.

    Args:
        client: a logged-in client.
        project_name: an existing project.
        only_confirmed: only examples a reviewer confirmed.
        expected_sha256: doc_id -> sha256 of the original texts (from documents.jsonl); each
            example's text must match it.
        threads: requests in flight.

    Raises:
        ServerError: unknown project, HTTP failure.
    """
    project = open_project(client, project_name, create=False)
    examples = [ex for ex in client.examples(project.id) if not only_confirmed or ex.get("is_confirmed", True)]
    users = {int(m["user"]): m["username"] for m in client.members(project.id)}
    with ThreadPoolExecutor(max_workers=max(threads, 1)) as pool:
        fetched = list(pool.map(lambda ex: fetch_example(client, project, ex), examples))
    if only_confirmed:
        fetched = [f for f in fetched if f.states]
    result = PullResult(project_name)
    for item in sorted(fetched, key=lambda f: str(f.line.get("doc_id") or f.line.get("id"))):
        line = item.line
        doc_id = str(line.get("doc_id") or line.get("id"))
        try:
            records = _example_records(line, doc_id, expected_sha256)
        except (SchemaError, InputError) as exc:
            result.problems.append(exc.message)
            continue
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            # A line no claimkit-shaped example produces (e.g. spans without offsets).
            result.problems.append(f"example {line.get('id')} ({doc_id}): malformed ({type(exc).__name__}: {exc})")
            continue
        review = _review(item, project, users)
        result.states[review["status"]] += 1
        for record in records:
            record["review"] = review
            result.records.append(record)
    return result


def dropped_reviews(reviewed: Mapping[str, str], records: list[dict[str, Any]]) -> list[str]:
    """What replacing a file of ``reviewed`` documents with ``records`` would lose.

    Args:
        reviewed: ``doc_id`` -> review status in the file now (:func:`claimkit.io.reviewed_documents`).
        records: the statements just pulled, each with its ``review``.

    Returns:
        One ``doc_id: before -> after`` line per document whose review would be lost: missing
        from the pull, or back at a lower status (confirmed > edited > draft).
    """
    now: dict[str, str] = {}
    for record in records:
        status = record["review"]["status"]
        if REVIEW_RANK.get(status, 0) >= REVIEW_RANK.get(now.get(record["doc_id"], ""), 0):
            now[record["doc_id"]] = status
    lost = []
    for doc_id, before in sorted(reviewed.items()):
        after = now.get(doc_id)
        if after is None or REVIEW_RANK.get(after, 0) < REVIEW_RANK[before]:
            lost.append(f"{doc_id}: {before} -> {after or 'not in the pull'}")
    return lost


def _example_records(
    line: dict[str, Any], doc_id: str, expected_sha256: Mapping[str, str] | None
) -> list[dict[str, Any]]:
    """The checked statement records of one exported example.

    Raises:
        SchemaError: the text does not match the sha256 in its meta, or a record is invalid.
        InputError: the text differs from the original named in ``expected_sha256``.
    """
    stored = line.get("text", "")
    meta = line.get(META_KEY) if isinstance(line.get(META_KEY), dict) else None
    text, _ = original_text(stored, meta)
    digest = sha256_text(text)
    where = f"example {line.get('id')} ({doc_id})"
    if line.get("sha256") and line["sha256"] != digest:
        raise SchemaError(f"{where}: its text does not match the sha256 in its meta; not pulled")
    if expected_sha256 is not None and doc_id in expected_sha256 and expected_sha256[doc_id] != digest:
        raise InputError(f"{where}: text differs from the original in documents.jsonl; not pulled")
    records = export_line_to_statements(line)
    for record in records:
        try:
            validate(record, "statement", text)
        except SchemaError as exc:
            raise SchemaError(f"{where}: {exc.message}; not pulled") from None
    return records
