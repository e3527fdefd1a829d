"""The review round trip against a real Doccano server (started by the session fixture)."""

from __future__ import annotations

import json
import secrets
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimkit.cli import app
from claimkit.doccano.client import DoccanoClient
from claimkit.doccano.convert import SPEAKER_PREFIX, OffsetMap
from claimkit.doccano.diff import diff_statements
from claimkit.doccano.pull import pull_project
from claimkit.doccano.push import open_project, push_documents
from claimkit.errors import EXIT_OUTPUT, EXIT_SERVER, ServerError

pytestmark = [pytest.mark.server, pytest.mark.slow]


def _strip(records: list[dict]) -> dict[str, dict]:
    out = {}
    for record in records:
        record = dict(record)
        record.pop("review")
        out[record["id"]] = record
    return out


def _originals(drafts) -> dict[str, dict]:
    return {st["id"]: st for _, _, statements in drafts for st in statements}


def _example(client: DoccanoClient, pid: int, doc_id: str) -> dict:
    return next(ex for ex in client.examples(pid) if ex["meta"]["doc_id"] == doc_id)


def test_push_then_pull_without_review_is_identical(doccano, drafts) -> None:
    client = doccano.client()
    report = push_documents(client, "plain-round-trip", drafts)
    assert report.project_created and len(report.created) == len(drafts) and not report.skipped
    result = pull_project(client, "plain-round-trip")
    assert result.states == {"confirmed": 0, "edited": 0, "draft": len(drafts)}
    pulled = _strip(result.records)
    originals = _originals(drafts)
    assert pulled.keys() == originals.keys()
    for sid, original in originals.items():
        for name, value in original.items():
            assert pulled[sid][name] == value, (sid, name)
        assert pulled[sid].keys() == original.keys()

    # A second push changes nothing and creates no duplicate.
    again = push_documents(client, "plain-round-trip", drafts)
    assert len(again.unchanged) == len(drafts) and not again.created and not again.updated
    pid = open_project(client, "plain-round-trip", create=False).id
    assert len(list(client.examples(pid))) == len(drafts)


def test_emoji_and_combining_marks_are_stored_as_the_ui_counts(doccano, drafts) -> None:
    """Doccano stores what we send; we send UTF-16 units (what the annotation UI uses)."""
    client = doccano.client()
    push_documents(client, "offsets", drafts)
    project = open_project(client, "offsets", create=False)
    _, text, statements = next(d for d in drafts if d[0]["doc_id"] == "synthetic-emoji")
    example = _example(client, project.id, "synthetic-emoji")
    assert example["text"] == text
    names = project.span_names
    stored = {
        (names[s["label"]], s["start_offset"], s["end_offset"])
        for s in client.annotations(project.id, example["id"], "spans")
    }
    utf16 = text.encode("utf-16-le")
    shifted = 0
    for st in statements:
        start, end = OffsetMap(text).to_units(st["start"]), OffsetMap(text).to_units(st["end"])
        assert (st["kind"], start, end) in stored
        # A JavaScript substring with these offsets is exactly the statement text.
        assert utf16[2 * start : 2 * end].decode("utf-16-le") == st["text"]
        shifted += start != st["start"]
    assert shifted, "the synthetic text must put astral characters before some statement"
    pulled = _strip(pull_project(client, "offsets").records)
    for st in statements:
        assert pulled[st["id"]] == st


def _reviewer(doccano, admin: DoccanoClient, pid: int) -> DoccanoClient:
    password = secrets.token_urlsafe(12)
    user = admin.create_user("reviewer", password)
    admin.add_member(pid, int(user["id"]), "annotator")
    return doccano.client("reviewer", password)


def test_reviewer_corrections_come_back_and_survive_a_second_push(doccano, drafts, tmp_path: Path) -> None:
    admin = doccano.client()
    push_documents(admin, "review", drafts)
    project = open_project(admin, "review", create=False)
    reviewer = _reviewer(doccano, admin, project.id)
    _, text, statements = drafts[0]
    example = _example(reviewer, project.id, drafts[0][0]["doc_id"])
    eid, pid = int(example["id"]), project.id
    omap = OffsetMap(text)
    spans = reviewer.annotations(pid, eid, "spans")
    names, types = project.span_names, project.span_types

    def span_of(label: str, start: int, end: int) -> dict:
        return next(
            s
            for s in spans
            if names[s["label"]] == label
            and (s["start_offset"], s["end_offset"]) == (omap.to_units(start), omap.to_units(end))
        )

    # 1. Relabel a statement: the first fact becomes an opinion.
    relabelled = next(st for st in statements if st["kind"] == "fact")
    reviewer.update_span(
        pid, eid, span_of("fact", relabelled["start"], relabelled["end"])["id"], label=types["opinion"]
    )
    # 2. Move a speaker: the first statement with a speaker gets a new, shorter mention.
    moved = next(
        st
        for st in statements
        if st["speaker"]
        and st["speaker"]["start"] is not None
        and len(st["speaker"]["mention"]) > 3
        and st["id"] != relabelled["id"]
    )
    sp = moved["speaker"]
    head = span_of(moved["kind"], moved["start"], moved["end"])
    new_start, new_end = sp["end"] - 3, sp["end"]
    new_span = reviewer.create_span(
        pid, eid, omap.to_units(new_start), omap.to_units(new_end), types[SPEAKER_PREFIX + "person"]
    )
    for rel in reviewer.annotations(pid, eid, "relations"):
        if rel["from_id"] == head["id"] and rel["type"] == project.relation_types["speaker"]:
            reviewer.delete_relation(pid, eid, rel["id"])
    reviewer.create_relation(pid, eid, head["id"], new_span["id"], project.relation_types["speaker"])
    # 3. Confirm the example.
    reviewer.toggle_confirmed(pid, eid)

    result = pull_project(admin, "review", only_confirmed=True)
    assert result.states == {"confirmed": 1, "edited": 0, "draft": 0}
    review = result.records[0]["review"]
    assert review["status"] == "confirmed" and review["reviewer"] == "reviewer" and review["reviewed_at"]
    pulled = _strip(result.records)
    originals = {st["id"]: st for st in statements}
    assert pulled.keys() == originals.keys()
    for sid, original in originals.items():
        got = pulled[sid]
        if sid == relabelled["id"]:
            assert got["kind"] == "opinion"
            assert {k: v for k, v in got.items() if k != "kind"} == {k: v for k, v in original.items() if k != "kind"}
        elif sid == moved["id"]:
            mention = text[new_start:new_end]
            assert got["speaker"] == {
                "name": mention,
                "mention": mention,
                "start": new_start,
                "end": new_end,
                "type": "person",
                "description": None,
            }
            same = [k for k in original if k not in ("speaker", "source")]
            assert {k: got[k] for k in same} == {k: original[k] for k in same}
        else:
            assert got == original, sid

    drafts_file = tmp_path / "drafts.jsonl"
    drafts_file.write_text("".join(json.dumps(s) + "\n" for s in statements), encoding="utf-8")
    reviewed_file = tmp_path / "reviewed.jsonl"
    reviewed_file.write_text("".join(json.dumps(r) + "\n" for r in result.records), encoding="utf-8")
    out = CliRunner().invoke(app, ["doccano", "diff", str(drafts_file), str(reviewed_file), "--json"])
    assert out.exit_code == 0, out.output
    report = json.loads(out.stdout)
    assert report["counts"]["relabelled"] == 1 and report["counts"]["speaker"] == 1
    assert report["counts"]["added"] == report["counts"]["removed"] == 0
    n = len(statements)
    assert report["scores"]["statements"]["precision"] == round((n - 1) / n, 4)
    assert report["scores"]["spans"]["recall"] == 1.0
    assert diff_statements(statements, result.records).count("speaker") == 1

    # A second push (even with changed drafts) leaves the confirmed example untouched.
    changed = [(d, t, [dict(s, kind="speculation") for s in sts]) for d, t, sts in drafts]
    second = push_documents(admin, "review", changed)
    assert second.skipped == {drafts[0][0]["doc_id"]: "confirmed by a reviewer"}
    assert sorted(second.updated) == sorted(d[0]["doc_id"] for d in drafts[1:])
    assert _strip(pull_project(admin, "review", only_confirmed=True).records) == pulled

    # An edited but unconfirmed example is skipped too.
    reviewer.toggle_confirmed(pid, eid)
    third = push_documents(admin, "review", drafts)
    assert third.skipped == {drafts[0][0]["doc_id"]: "edited by a reviewer"}
    assert pull_project(admin, "review").states["edited"] == 1


def test_cli_push_pull_with_files(doccano, drafts, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doc, text, statements = drafts[1]
    article = tmp_path / f"{doc['doc_id']}.txt"
    article.write_text(text, encoding="utf-8")
    docs = tmp_path / "documents.jsonl"
    docs.write_text(json.dumps(dict(doc, path=str(article))) + "\n", encoding="utf-8")
    stmts = tmp_path / "statements.jsonl"
    stmts.write_text("".join(json.dumps(s) + "\n" for s in statements), encoding="utf-8")
    monkeypatch.setenv("CLAIMKIT_DOCCANO_URL", doccano.url)
    monkeypatch.setenv("CLAIMKIT_DOCCANO_PASSWORD", doccano.password)
    runner = CliRunner()
    out = runner.invoke(app, ["doccano", "push", str(stmts), "--docs", str(docs), "--project", "cli"])
    assert out.exit_code == 0, out.output
    assert "1 created" in out.stdout and doccano.password not in out.output
    target = tmp_path / "annotations" / "cli.jsonl"
    out = runner.invoke(app, ["doccano", "pull", "--project", "cli", "-o", str(target), "--docs", str(docs)])
    assert out.exit_code == 0, out.output
    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert _strip(lines) == {s["id"]: s for s in statements}

    # A reviewer confirms the example: the next pull updates the file ...
    pull = ["doccano", "pull", "--project", "cli", "-o", str(target)]
    admin = doccano.client()
    pid = open_project(admin, "cli", create=False).id
    eid = int(_example(admin, pid, doc["doc_id"])["id"])
    admin.toggle_confirmed(pid, eid)
    out = runner.invoke(app, pull)
    assert out.exit_code == 0, out.output
    confirmed = target.read_text(encoding="utf-8")
    assert {json.loads(line)["review"]["status"] for line in confirmed.splitlines()} == {"confirmed"}
    # ... but never with a pull that would lose that review (the confirmation was withdrawn, or
    # the server was reset): nothing is written unless --replace says so.
    admin.toggle_confirmed(pid, eid)
    out = runner.invoke(app, pull)
    assert out.exit_code == EXIT_OUTPUT, out.output
    assert f"drop the review of 1 document(s) it holds ({doc['doc_id']}: confirmed -> draft)" in out.output
    assert target.read_text(encoding="utf-8") == confirmed
    out = runner.invoke(app, [*pull, "--only-confirmed"])
    assert out.exit_code == EXIT_OUTPUT and "confirmed -> not in the pull" in out.output
    out = runner.invoke(app, [*pull, "--replace"])
    assert out.exit_code == 0, out.output
    assert "draft" in {json.loads(line)["review"]["status"] for line in target.read_text(encoding="utf-8").splitlines()}

    # The article changed since extraction: push refuses (offsets would be wrong).
    article.write_text(text + " Edited.", encoding="utf-8")
    out = runner.invoke(app, ["doccano", "push", str(stmts), "--docs", str(docs), "--project", "cli"])
    assert out.exit_code == 3 and "changed since extraction" in out.output


def test_wrong_password_is_one_clear_error(doccano, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    wrong = "not-the-password-" + secrets.token_hex(4)
    with pytest.raises(ServerError, match="refused the login of user 'admin'") as err:
        doccano.client(password=wrong)
    assert wrong not in str(err.value)
    monkeypatch.setenv("CLAIMKIT_DOCCANO_URL", doccano.url)
    monkeypatch.setenv("CLAIMKIT_DOCCANO_PASSWORD", wrong)
    out = CliRunner().invoke(app, ["doccano", "pull", "--project", "x", "-o", str(tmp_path / "x.jsonl")])
    assert out.exit_code == EXIT_SERVER
    assert "wrong username or password" in out.output and wrong not in out.output
    assert not (tmp_path / "x.jsonl").exists()


def test_unknown_project_on_pull(doccano, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ServerError, match="no project 'does-not-exist'"):
        pull_project(doccano.client(), "does-not-exist")
    monkeypatch.setenv("CLAIMKIT_DOCCANO_URL", doccano.url)
    monkeypatch.setenv("CLAIMKIT_DOCCANO_PASSWORD", doccano.password)
    target = tmp_path / "a.jsonl"
    target.write_text("kept\n", encoding="utf-8")
    out = CliRunner().invoke(app, ["doccano", "pull", "--project", "does-not-exist", "-o", str(target)])
    assert out.exit_code == EXIT_SERVER and "no project 'does-not-exist'" in out.output
    assert target.read_text(encoding="utf-8") == "kept\n"


class _StopsServer(DoccanoClient):
    """A real client that stops the (real) server after a number of span creations."""

    def __init__(self, connection, server, after: int) -> None:
        super().__init__(connection)
        self.server, self.after = server, after

    def create_span(self, *args, **kwargs):
        self.after -= 1
        if self.after == 0:
            self.server.stop()
        return super().create_span(*args, **kwargs)


def test_server_stopped_mid_push_then_rerun_resumes_without_duplicates(start_server, drafts) -> None:
    running = start_server()
    client = _StopsServer(running.connection(), running.server, after=len(drafts[0][2]) + 5).login()
    with pytest.raises(ServerError) as err:
        push_documents(client, "interrupted", drafts, threads=1, bulk=False)
    message = str(err.value)
    assert "push stopped after 0 document(s); run the same command again to resume" in message
    assert "connection refused" in message or "cannot connect" in message
    assert not running.server.status().running

    port = int(running.url.rsplit(":", 1)[1])
    running.server.start(port, "admin", running.password)
    client = running.client()
    pid = open_project(client, "interrupted", create=False).id
    assert len(list(client.examples(pid))) == 1  # the half-written example
    report = push_documents(client, "interrupted", drafts)
    assert report.updated == [drafts[0][0]["doc_id"]] and len(report.created) == len(drafts) - 1
    assert len(list(client.examples(pid))) == len(drafts)
    assert _strip(pull_project(client, "interrupted").records) == _originals(drafts)
    running.server.stop()


class _StopsBeforeImport(DoccanoClient):
    """A real client that stops the (real) server once the import file is uploaded."""

    def __init__(self, connection, server) -> None:
        super().__init__(connection)
        self.server = server

    def import_uploads(self, *args, **kwargs):
        self.server.stop()
        return super().import_uploads(*args, **kwargs)


def test_server_stopped_during_bulk_push_then_rerun_creates_each_once(start_server, drafts) -> None:
    running = start_server()
    client = _StopsBeforeImport(running.connection(), running.server).login()
    with pytest.raises(ServerError, match="push stopped after 0 document"):
        push_documents(client, "bulk-interrupted", drafts)
    port = int(running.url.rsplit(":", 1)[1])
    running.server.start(port, "admin", running.password)
    client = running.client()
    report = push_documents(client, "bulk-interrupted", drafts)
    assert len(report.created) == len(drafts) and not report.updated
    again = push_documents(client, "bulk-interrupted", drafts)
    assert len(again.unchanged) == len(drafts)
    pid = open_project(client, "bulk-interrupted", create=False).id
    assert sorted(ex["meta"]["doc_id"] for ex in client.examples(pid)) == sorted(d[0]["doc_id"] for d in drafts)
    assert _strip(pull_project(client, "bulk-interrupted").records) == _originals(drafts)
    running.server.stop()


def test_serve_status_stop_and_idempotent_start(doccano, tmp_path: Path) -> None:
    runner = CliRunner()
    home = str(doccano.server.home)
    out = runner.invoke(app, ["doccano", "serve", "--status", "--home", home])
    assert out.exit_code == 0 and "healthy" in out.stdout
    port = doccano.url.rsplit(":", 1)[1]
    env = {"CLAIMKIT_DOCCANO_PASSWORD": doccano.password, "CLAIMKIT_DOCCANO_VENV": str(doccano.server.venv)}
    out = runner.invoke(app, ["doccano", "serve", "--port", port, "--home", home], env=env)
    assert out.exit_code == 0 and f"running at {doccano.url}" in out.stdout
    assert doccano.password not in out.output
    empty = runner.invoke(app, ["doccano", "serve", "--status", "--home", str(tmp_path / "none")])
    assert empty.exit_code == EXIT_SERVER and "not running" in empty.stdout
    stopped = runner.invoke(app, ["doccano", "serve", "--stop", "--home", str(tmp_path / "none")])
    assert stopped.exit_code == 0 and "was not running" in stopped.stdout


class _ImportsTwice(DoccanoClient):
    """A real client whose import holds every document twice (as a Celery task retried after
    a crash would create them), the first copy of the first document missing a span."""

    def upload_file(self, name: str, data: bytes) -> str:
        upload = super().upload_file
        self.uploads = [upload(name, data), upload(name, data)]
        return self.uploads[0]

    def import_uploads(self, project_id: int, upload_ids: list[str], task: str, file_format: str = "JSONL") -> str:
        self.pid = project_id
        return super().import_uploads(project_id, self.uploads, task, file_format)

    def wait_task(self, task_id: str, what: str, wait: float = 300.0):
        result = super().wait_task(task_id, what, wait)
        if hasattr(self, "pid"):
            first = sorted(
                (ex for ex in self.examples(self.pid) if ex["meta"]["doc_id"] == self.first), key=lambda e: e["id"]
            )
            assert len(first) == 2
            span = self.annotations(self.pid, first[0]["id"], "spans")[0]
            self.delete_span(self.pid, first[0]["id"], span["id"])
        return result


def test_duplicated_import_keeps_one_complete_copy_of_each_document(doccano, drafts) -> None:
    client = _ImportsTwice(doccano.connection()).login()
    client.first = drafts[0][0]["doc_id"]
    report = push_documents(client, "imported-twice", drafts)
    assert sorted(report.created) == sorted(d[0]["doc_id"] for d in drafts)
    admin = doccano.client()
    pid = open_project(admin, "imported-twice", create=False).id
    assert sorted(ex["meta"]["doc_id"] for ex in admin.examples(pid)) == sorted(d[0]["doc_id"] for d in drafts)
    assert _strip(pull_project(admin, "imported-twice").records) == _originals(drafts)
    assert len(push_documents(admin, "imported-twice", drafts).unchanged) == len(drafts)


def test_patched_import_creates_each_new_label_type_once(doccano) -> None:
    """The managed server's import builds label types from distinct names only
    (claimkit/doccano/server_settings.py): types it did not know still appear once each, with
    every span and relation that uses them."""
    pids = json.loads((doccano.server.home / "server.json").read_text())["pids"]
    environ = Path(f"/proc/{pids['worker']}/environ").read_bytes().split(b"\0")
    assert b"DJANGO_SETTINGS_MODULE=claimkit_doccano_settings" in environ
    client = doccano.client()
    pid = client.create_project("new-types", "t", allow_overlapping=True, use_relation=True)["id"]
    lines = [
        {
            "text": f"Kim said prices rose {n}.",
            "entities": [
                {"id": 1, "start_offset": 0, "end_offset": 3, "label": "new-speaker"},
                {"id": 2, "start_offset": 9, "end_offset": 15, "label": "new-topic"},
            ],
            "relations": [{"id": 1, "from_id": 2, "to_id": 1, "type": "new-link"}],
        }
        for n in range(3)
    ]
    upload = client.upload_file("t.jsonl", "".join(json.dumps(line) + "\n" for line in lines).encode())
    assert client.wait_task(client.import_uploads(pid, [upload], "RelationExtraction"), "import") == {"error": []}
    spans = sorted(t["text"] for t in client.label_types(pid, "span"))
    assert spans == ["new-speaker", "new-topic"]
    assert [t["text"] for t in client.label_types(pid, "relation")] == ["new-link"]
    examples = list(client.examples(pid))
    assert len(examples) == 3
    for ex in examples:
        assert len(client.annotations(pid, ex["id"], "spans")) == 2
        assert len(client.annotations(pid, ex["id"], "relations")) == 1
