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

from .errors import ClaimkitError, InputError, JSONLError, OutputError
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


def _open_lines(path: Path, error: type[ClaimkitError]) -> Iterator[tuple[str, bytes]]:
    """``("file:line", raw bytes)`` of each line; only ``\n`` ends a line (JSON may hold U+2028)."""
    try:
        fh = path.open("rb")
    except FileNotFoundError:
        raise error(f"{path}: no such file") from None
    except OSError as exc:
        raise error(f"{path}: cannot read ({exc.strerror})") from None
    with fh:
        for lineno, raw in enumerate(fh, 1):
            yield f"{path}:{lineno}", raw


def iter_json_lines(
    path: str | os.PathLike[str],
    error: type[ClaimkitError] = JSONLError,
    objects: bool = True,
    encoding: str = "utf-8",
) -> Iterator[tuple[str, Any]]:
    """Yield ``("file:line", parsed JSON)`` for each non-blank line of a JSONL file, lazily.

    Args:
        path: the JSONL file.
        error: the exception raised for an unreadable file or a bad line (its message names
            ``file:line``); e.g. :class:`GoldFormatError` for gold data.
        objects: require every line to be a JSON object.
        encoding: the file's encoding.
    """
    for where, raw in _open_lines(Path(path), error):
        try:
            line = decode_bytes(raw, where, encoding)
        except InputError as exc:
            raise error(str(exc)) from None
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise error(f"{where}: malformed JSON ({exc.msg} at column {exc.colno})") from None
        if objects and not isinstance(obj, dict):
            raise error(f"{where}: expected a JSON object")
        yield where, obj


def iter_jsonl(path: Path, encoding: str = "utf-8") -> Iterator[Document | InputError]:
    """Yield one Document per non-blank line of a JSONL file; bad lines yield errors."""
    try:
        for where, raw in _open_lines(path, InputError):
            try:
                line = decode_bytes(raw, where, encoding)
                if line.strip():
                    yield parse_jsonl_line(line, where)
            except InputError as exc:
                yield exc
    except InputError as exc:
        yield exc


def read_original(path: str | None, base: Path | None = None, encoding: str = "utf-8") -> Document:
    """Re-read the article a document record's ``path`` names.

    ``path`` is a text file (tried as given, then relative to ``base``) or ``FILE.jsonl:LINE``
    for a line of a JSONL input. The caller checks the sha256.

    Raises:
        InputError: no path recorded (stdin), or the file or line cannot be read.
    """
    if not path or path == "-":
        raise InputError("no original file recorded (the text was read from stdin); pass the text with --text")
    name, _, line = path.rpartition(":")
    if name.endswith(".jsonl") and line.isdigit():
        target = f"{_locate(Path(name), base)}:{line}"
        for item in iter_jsonl(_locate(Path(name), base), encoding):
            if isinstance(item, Document) and item.path == target:
                return item
        raise InputError(f"{path}: original JSONL line not found")
    return read_text_file(_locate(Path(path), base), encoding)


def _locate(path: Path, base: Path | None) -> Path:
    if not path.exists() and base is not None and not path.is_absolute() and (base / path).exists():
        return base / path
    return path


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
