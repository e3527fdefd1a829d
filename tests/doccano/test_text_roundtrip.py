"""Texts Doccano would change (trailing newline, CRLF, leading blanks) and a pull with one broken
example, against a real server (the session fixture)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimkit.cli import app
from claimkit.doccano.convert import META_KEY, stored_text
from claimkit.doccano.push import open_project
from claimkit.errors import EXIT_PARTIAL

pytestmark = [pytest.mark.server, pytest.mark.slow]

ARTICLES = {
    # What `printf '...\n' > t.txt` and most editors write.
    "newline": "Smith said taxes would rise.\n",
    # Windows line ends inside and at the end, blanks and an empty line before the text.
    "crlf": "\r\n  The minister said the plan will fail.\r\nOfficials believe prices may rise next year.\r\n",
    "plain": "Professor Kim said the policy was a mistake.",
}


def test_stored_text_is_what_the_api_keeps() -> None:
    assert stored_text("a b\n") == ("", "a b", "\n")
    assert stored_text("\r\n  x\r\n\t") == ("\r\n  ", "x", "\r\n\t")
    assert stored_text("   ") == ("", "   ", "")


def _env(monkeypatch: pytest.MonkeyPatch, doccano) -> None:
    monkeypatch.setenv("CLAIMKIT_DOCCANO_URL", doccano.url)
    monkeypatch.setenv("CLAIMKIT_DOCCANO_PASSWORD", doccano.password)


def _extract(tmp_path: Path, names: list[str]) -> tuple[Path, Path, list[dict]]:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in names:
        (corpus / f"{name}.txt").write_bytes(ARTICLES[name].encode("utf-8"))
    stmts, docs = tmp_path / "statements.jsonl", tmp_path / "documents.jsonl"
    out = CliRunner().invoke(app, ["extract", str(corpus), "-o", str(stmts), "--docs", str(docs)])
    assert out.exit_code == 0, out.output
    statements = [json.loads(line) for line in stmts.read_text(encoding="utf-8").splitlines()]
    assert {s["doc_id"] for s in statements} == set(names), "every article must yield a statement"
    return stmts, docs, statements


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_trailing_newline_and_crlf_round_trip(doccano, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _env(monkeypatch, doccano)
    stmts, docs, statements = _extract(tmp_path, ["newline", "crlf", "plain"])
    runner = CliRunner()
    push = ["doccano", "push", str(stmts), "--docs", str(docs), "--project", "texts"]
    first = runner.invoke(app, push)
    assert first.exit_code == 0 and "3 created" in first.stdout, first.output
    again = runner.invoke(app, push)
    assert again.exit_code == 0 and "3 unchanged" in again.stdout and "0 skipped" in again.stdout, again.output

    client = doccano.client()
    pid = open_project(client, "texts", create=False).id
    stored = {ex["meta"]["doc_id"]: ex for ex in client.examples(pid)}
    assert stored["newline"]["text"] == "Smith said taxes would rise."
    assert stored["newline"]["meta"][META_KEY]["trim"] == ["", "\n"]
    assert stored["crlf"]["meta"][META_KEY]["trim"] == ["\r\n  ", "\r\n"]
    assert "trim" not in stored["plain"]["meta"][META_KEY]

    target = tmp_path / "annotations.jsonl"
    pulled = runner.invoke(app, ["doccano", "pull", "--project", "texts", "-o", str(target), "--docs", str(docs)])
    assert pulled.exit_code == 0, pulled.output
    records = {r["id"]: r for r in _read(target)}
    for st in statements:
        got = dict(records.pop(st["id"]))
        got.pop("review")
        assert got == st, st["id"]
    assert not records


def test_pull_reports_a_broken_example_and_writes_the_others(
    doccano, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _env(monkeypatch, doccano)
    stmts, docs, statements = _extract(tmp_path, ["newline", "plain"])
    runner = CliRunner()
    out = runner.invoke(app, ["doccano", "push", str(stmts), "--docs", str(docs), "--project", "broken"])
    assert out.exit_code == 0, out.output
    client = doccano.client()
    pid = open_project(client, "broken", create=False).id
    example = next(ex for ex in client.examples(pid) if ex["meta"]["doc_id"] == "newline")
    meta = dict(example["meta"], sha256="0" * 64)  # as if the text had changed on the server
    client.update_example_meta(pid, int(example["id"]), meta)

    target = tmp_path / "annotations.jsonl"
    out = runner.invoke(app, ["doccano", "pull", "--project", "broken", "-o", str(target)])
    assert out.exit_code == EXIT_PARTIAL, out.output
    assert f"claimkit: error: example {example['id']} (newline): its text does not match the sha256" in out.output
    assert "1 not pulled" in out.output
    records = _read(target)
    assert records and {r["doc_id"] for r in records} == {"plain"}
    assert len(records) == sum(1 for s in statements if s["doc_id"] == "plain")
