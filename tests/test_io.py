"""Input reading and atomic output."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimkit.errors import InputError, JSONLError
from claimkit.io import atomic_writer, decode_bytes, iter_documents, parse_jsonl_line


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
