"""Input reading and atomic output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimkit.doccano.pull import dropped_reviews
from claimkit.errors import InputError, JSONLError, OutputError
from claimkit.io import atomic_writer, decode_bytes, iter_documents, parse_jsonl_line, reviewed_documents


def test_text_is_kept_exactly_as_read(tmp_path: Path) -> None:
    raw = "\ufeffCafe\u0301 😀\r\nline two\u00a0end\n"
    (tmp_path / "a.txt").write_bytes(raw.encode("utf-8"))
    (doc,) = list(iter_documents([str(tmp_path / "a.txt")]))
    assert doc.text == raw and doc.doc_id == "a"


def test_decode_errors_name_the_byte() -> None:
    with pytest.raises(InputError, match=r"x\.txt: not valid utf-8 at byte 3"):
        decode_bytes(b"abc\xff", "x.txt")
    with pytest.raises(InputError, match="binary"):
        decode_bytes(b"ab\x00c", "x.txt")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("[1, 2]", "expected a JSON object"),
        ('{"id": "a"}', "'text'"),
        ('{"id": "", "text": "x"}', "'id'"),
        ('{"id": "a", "text": "x", "meta": 3}', "'meta'"),
        ('{"id": "a", "text": ', "malformed JSON"),
    ],
)
def test_jsonl_line_errors(line: str, message: str) -> None:
    with pytest.raises(JSONLError, match=message):
        parse_jsonl_line(line, "f.jsonl:7")


def test_jsonl_numeric_id_becomes_string() -> None:
    assert parse_jsonl_line('{"id": 12, "text": "x"}', "f:1").doc_id == "12"


def test_atomic_writer_keeps_old_content_on_error(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_writer(target) as fh:
        fh.write("partial")
        raise RuntimeError("interrupted")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert list(tmp_path.iterdir()) == [target]
    with atomic_writer(target) as fh:
        fh.write("new\n")
    assert target.read_text(encoding="utf-8") == "new\n"


def test_atomic_writer_gives_files_the_usual_mode(tmp_path: Path) -> None:
    import os

    mask = os.umask(0o022)
    try:
        with atomic_writer(tmp_path / "out.csv") as fh:
            fh.write("a\n")
    finally:
        os.umask(mask)
    assert (tmp_path / "out.csv").stat().st_mode & 0o777 == 0o644


def _reviewed(doc_id: str, status: str) -> str:
    review = {"status": status, "reviewer": "ana", "reviewed_at": "2026-12-01T10:00:00Z"}
    return json.dumps({"id": f"{doc_id}:1", "doc_id": doc_id, "text": "x", "review": review}) + "\n"


def test_reviewed_documents_reads_only_a_reviewers_records(tmp_path: Path) -> None:
    pulled = tmp_path / "pulled.jsonl"
    pulled.write_text(
        _reviewed("a", "draft")
        + _reviewed("b", "edited")
        + _reviewed("b", "confirmed")
        + '{"review": {oops\n'
        + '{"doc_id": "c", "text": "no review here"}\n',
        encoding="utf-8",
    )
    assert reviewed_documents(pulled) == {"b": "confirmed"}
    assert reviewed_documents(tmp_path / "missing.jsonl") == {}
    assert reviewed_documents(tmp_path) == {}
    (tmp_path / "empty.jsonl").write_bytes(b"")
    assert reviewed_documents(tmp_path / "empty.jsonl") == {}


def test_atomic_writer_never_replaces_a_reviewers_statements(tmp_path: Path) -> None:
    target = tmp_path / "annotations.jsonl"
    before = _reviewed("a", "edited")
    target.write_text(before, encoding="utf-8")
    with pytest.raises(OutputError, match="holds statements reviewed in Doccano"), atomic_writer(target) as fh:
        fh.write("drafts\n")
    assert target.read_text(encoding="utf-8") == before
    assert list(tmp_path.iterdir()) == [target]
    # Drafts that nobody reviewed are claimkit's own output: replaced as usual.
    target.write_text(_reviewed("a", "draft"), encoding="utf-8")
    with atomic_writer(target) as fh:
        fh.write("new\n")
    assert target.read_text(encoding="utf-8") == "new\n"


def test_a_pull_that_would_drop_reviews_is_named() -> None:
    def rec(doc_id: str, status: str) -> dict:
        return {"doc_id": doc_id, "review": {"status": status}}

    held = {"a": "confirmed", "b": "edited", "c": "edited"}
    pulled = [rec("a", "draft"), rec("b", "confirmed"), rec("d", "draft")]
    assert dropped_reviews(held, pulled) == ["a: confirmed -> draft", "c: edited -> not in the pull"]
    assert dropped_reviews(held, [rec("a", "confirmed"), rec("b", "edited"), rec("c", "confirmed")]) == []
