"""Pull reviewed statements from a Doccano project (export through the server, convert, check).

Each pulled statement is a valid statement record (schemas/statement.schema.json) plus a
``review`` object: ``status`` (``confirmed``, ``edited``: annotations differ from what claimkit
pushed, or ``draft``), ``reviewer`` and ``reviewed_at`` (who confirmed it and when; for an
edited, unconfirmed example, who changed an annotation last and when), ``example_id`` and
``project``.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError, SchemaError, ServerError
from ..records import sha256_text
from ..schema import validate
from .client import DoccanoClient
from .convert import META_KEY, Annotations, export_line_to_statements, original_text
from .push import Project, open_project


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


def export_lines(archive: bytes, username: str) -> list[dict[str, Any]]:
    """The JSONL lines of a Doccano export zip: ``all.jsonl`` of a collaborative project, else
    the file of the logged-in user.

    Raises:
        ServerError: the zip is unreadable or has no such file.
    """
    try:
        zf = zipfile.ZipFile(io.BytesIO(archive))
    except zipfile.BadZipFile:
        raise ServerError("Doccano export is not a zip file") from None
    names = zf.namelist()
    for name in ("all.jsonl", f"{username}.jsonl"):
        if name in names:
            lines = zf.read(name).decode("utf-8").splitlines()
            return [json.loads(line) for line in lines if line.strip()]
    raise ServerError(f"Doccano export has no all.jsonl or {username}.jsonl (files: {', '.join(names) or 'none'})")


def _review(client: DoccanoClient, project: Project, line: dict[str, Any], users: Mapping[int, str]) -> dict[str, Any]:
    """Review status, reviewer and time of one exported example."""
    eid = int(line["id"])
    meta = line.get(META_KEY) or {}
    review: dict[str, Any] = {"status": "draft", "reviewer": None, "reviewed_at": None}
    states = client.states(project.id, eid)
    edited = bool(meta) and Annotations.from_export(line).fingerprint() != meta.get("fingerprint")
    if states:
        last = max(states, key=lambda s: s.get("confirmed_at") or "")
        review.update(
            status="confirmed", reviewer=users.get(last.get("confirmed_by")), reviewed_at=last["confirmed_at"]
        )
    elif edited or not meta:
        items = client.annotations(project.id, eid, "spans") + client.annotations(project.id, eid, "relations")
        if items:
            last = max(items, key=lambda s: s.get("updated_at") or "")
            review.update(reviewer=users.get(last.get("user")), reviewed_at=last.get("updated_at"))
        review["status"] = "edited" if edited else "draft"
    review.update(example_id=eid, project=project.name)
    return review


def pull_project(
    client: DoccanoClient,
    project_name: str,
    only_confirmed: bool = False,
    expected_sha256: Mapping[str, str] | None = None,
) -> PullResult:
    """Export a project through the server and turn it back into checked statement records.

    An example that fails a check (text changed, invalid record) is left out and described in
    ``result.problems``; the others are still returned.

    Args:
        client: a logged-in client.
        project_name: an existing project.
        only_confirmed: only examples a reviewer confirmed.
        expected_sha256: doc_id -> sha256 of the original texts (from documents.jsonl); each
            example's text must match it.

    Raises:
        ServerError: unknown project, HTTP failure, export failed.
    """
    project = open_project(client, project_name, create=False)
    lines = export_lines(client.export(project.id, only_confirmed), client.connection.username)
    users = {int(m["user"]): m["username"] for m in client.members(project.id)}
    result = PullResult(project_name)
    for line in sorted(lines, key=lambda ln: str(ln.get("doc_id") or ln.get("id"))):
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
        review = _review(client, project, line, users)
        result.states[review["status"]] += 1
        for record in records:
            record["review"] = review
            result.records.append(record)
    return result


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
