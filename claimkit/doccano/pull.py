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
from .convert import META_KEY, Annotations, export_line_to_statements
from .push import Project, open_project


@dataclass
class PullResult:
    """Statements pulled, and how many examples were in each review state."""

    project: str
    records: list[dict[str, Any]] = field(default_factory=list)
    states: dict[str, int] = field(default_factory=lambda: {"confirmed": 0, "edited": 0, "draft": 0})

    def summary(self) -> str:
        counts = ", ".join(f"{n} {state}" for state, n in self.states.items())
        return f"project {self.project!r}: {len(self.records)} statements from {sum(self.states.values())} documents ({counts})"


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
    edited = bool(meta) and Annotations.from_export(line, line["text"]).fingerprint() != meta.get("fingerprint")
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

    Args:
        client: a logged-in client.
        project_name: an existing project.
        only_confirmed: only examples a reviewer confirmed.
        expected_sha256: doc_id -> sha256 of the original texts (from documents.jsonl); each
            example's text must match it.

    Raises:
        ServerError: unknown project, HTTP failure, export failed.
        SchemaError: an example's text does not match the sha256 in its meta, or a statement
            does not validate (offsets included).
        InputError: an example's text differs from the original named in ``expected_sha256``.
    """
    project = open_project(client, project_name, create=False)
    lines = export_lines(client.export(project.id, only_confirmed), client.connection.username)
    users = {int(m["user"]): m["username"] for m in client.members(project.id)}
    result = PullResult(project_name)
    for line in sorted(lines, key=lambda ln: str(ln.get("doc_id") or ln.get("id"))):
        text = line.get("text", "")
        doc_id = str(line.get("doc_id") or line.get("id"))
        digest = sha256_text(text)
        if line.get("sha256") and line["sha256"] != digest:
            raise SchemaError(f"example {line.get('id')} ({doc_id}): its text does not match the sha256 in its meta")
        if expected_sha256 is not None and doc_id in expected_sha256 and expected_sha256[doc_id] != digest:
            raise InputError(f"example {line.get('id')} ({doc_id}): text differs from the original in documents.jsonl")
        review = _review(client, project, line, users)
        result.states[review["status"]] += 1
        for record in export_line_to_statements(line):
            validate(record, "statement", text)
            record["review"] = review
            result.records.append(record)
    return result
