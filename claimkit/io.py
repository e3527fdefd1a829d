"""Reading articles (text files, directories, JSONL, stdin) and writing outputs atomically.

Inputs are read lazily, one document at a time. A bad input is yielded as an
:class:`~claimkit.errors.InputError` instead of a document, so that a run over many inputs
reports it and goes on with the others.
"""

from __future__ import annotations

import codecs
import contextlib
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from .errors import InputError, JSONLError, OutputError
from .records import Document

BINARY_SNIFF_BYTES = 8192


def decode_bytes(data: bytes, name: str, encoding: str = "utf-8") -> str:
    """Decode ``data`` strictly; raise :class:`InputError` for binary or undecodable data."""
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        raise InputError(f"{name}: looks like a binary file (NUL byte), not text")
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r} (try utf-8, latin-1, cp1252)") from None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not valid {encoding} at byte {exc.start} "
            f"(byte 0x{data[exc.start]:02x}); pass --encoding, e.g. --encoding latin-1"
        ) from None


def read_text_file(path: Path, encoding: str = "utf-8") -> Document:
    """Read one text file as a :class:`Document` whose ``doc_id`` is the file stem."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    return Document(doc_id=path.stem, text=decode_bytes(data, str(path), encoding), path=str(path))


def parse_jsonl_line(line: str, where: str) -> Document:
    """Turn one JSONL line ``{"id": ..., "text": ..., "meta": {...}}`` into a Document."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise JSONLError(f"{where}: malformed JSON ({exc.msg} at column {exc.colno})") from None
    return document_from_mapping(obj, where)


def document_from_mapping(obj: Any, where: str) -> Document:
    """Turn ``{"id": ..., "text": ..., "meta": {...}}`` (a JSONL line, a bag item) into a Document.

    Raises:
        JSONLError: ``obj`` is not an object with a non-empty ``id`` and a string ``text``.
    """
    if not isinstance(obj, dict):
        raise JSONLError(f"{where}: expected a JSON object with 'id' and 'text'")
    doc_id, text, meta = obj.get("id"), obj.get("text"), obj.get("meta", {})
    if isinstance(doc_id, int):
        doc_id = str(doc_id)
    if not isinstance(doc_id, str) or not doc_id:
        raise JSONLError(f"{where}: missing or empty string field 'id'")
    if not isinstance(text, str):
        raise JSONLError(f"{where}: missing string field 'text'")
    if not isinstance(meta, dict):
        raise JSONLError(f"{where}: field 'meta' must be an object")
    return Document(doc_id=doc_id, text=text, path=where, meta=meta)


def iter_jsonl(path: Path, encoding: str = "utf-8") -> Iterator[Document | InputError]:
    """Yield one Document per non-blank line of a JSONL file; bad lines yield errors."""
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield InputError(f"{path}: cannot read ({exc.strerror})")
        return
    with fh:
        for lineno, raw in enumerate(fh, 1):
            where = f"{path}:{lineno}"
            try:
                line = decode_bytes(raw, where, encoding)
                if line.strip():
                    yield parse_jsonl_line(line, where)
            except InputError as exc:
                yield exc


def expand_paths(paths: Iterable[str]) -> Iterator[str | InputError]:
    """Expand directories to their ``*.txt`` files (recursively, sorted)."""
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*.txt") if p.is_file())
            if not found:
                yield InputError(f"{path}: directory has no .txt files")
            yield from (str(p) for p in found)
        elif not path.exists():
            yield InputError(f"{path}: no such file or directory")
        else:
            yield raw


def iter_documents(paths: Iterable[str], encoding: str = "utf-8") -> Iterator[Document | InputError]:
    """Yield every document named by ``paths`` (files, directories, ``.jsonl``, ``-``), lazily."""
    for item in expand_paths(paths):
        if isinstance(item, InputError):
            yield item
        elif item == "-":
            try:
                yield Document(
                    doc_id="stdin", text=decode_bytes(sys.stdin.buffer.read(), "<stdin>", encoding), path="-"
                )
            except InputError as exc:
                yield exc
        elif item.endswith(".jsonl"):
            yield from iter_jsonl(Path(item), encoding)
        else:
            try:
                yield read_text_file(Path(item), encoding)
            except InputError as exc:
                yield exc


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike[str] | None, mode: str = "w") -> Iterator[IO[Any]]:
    """Write to a temporary file beside ``path`` and rename it into place on success.

    ``None`` or ``"-"`` writes to stdout. On error the temporary file is removed and the
    previous content of ``path`` (if any) is left untouched.
    """
    if path is None or str(path) == "-":
        yield sys.stdout if "b" not in mode else sys.stdout.buffer
        return
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.fchmod(fd, 0o666 & ~_umask())  # mkstemp makes 0600; give outputs the usual mode
    except OSError as exc:
        raise OutputError(f"{target}: cannot write ({exc.strerror})") from None
    try:
        with os.fdopen(fd, mode, encoding=None if "b" in mode else "utf-8") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def jsonl_line(record: dict[str, Any]) -> str:
    """``record`` as one JSONL line (UTF-8 characters kept, newline included)."""
    return json.dumps(record, ensure_ascii=False) + "\n"


def write_jsonl_line(fh: IO[str], record: dict[str, Any]) -> None:
    fh.write(jsonl_line(record))
