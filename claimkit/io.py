"""Reading articles (text files, directories, JSONL, stdin) and writing outputs atomically.

Inputs are read lazily, one document at a time. A bad input is yielded as an
:class:`~claimkit.errors.InputError` instead of a document, so that a run over many inputs
reports it and goes on with the others.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import json
import mmap
import os
import re
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from .errors import ClaimkitError, InputError, JSONLError, OutputError
from .records import Document

BINARY_SNIFF_BYTES = 8192
MAX_LINE_BYTES = 64 << 20
"""Longest JSONL line read (64 MiB): a longer line is one error for that line, skipped unread."""
MAX_JSON_DEPTH = 64
"""Deepest nesting of arrays/objects accepted in one JSONL line (claimkit's own records need 4)."""


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


def _depth_exceeds(obj: Any, limit: int) -> bool:
    """Whether ``obj`` nests arrays/objects deeper than ``limit`` (iterative: no recursion)."""
    stack = [(obj, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            value = value.values()
        elif not isinstance(value, list):
            continue
        if depth > limit:
            return True
        stack.extend((v, depth + 1) for v in value if isinstance(v, (dict, list)))
    return False


def loads_line(line: str | bytes, where: str, error: type[ClaimkitError] = JSONLError) -> Any:
    """Parse one JSONL line with a size and depth limit.

    Raises:
        error: malformed JSON, longer than :data:`MAX_LINE_BYTES` or nested deeper than
            :data:`MAX_JSON_DEPTH`; the message names ``where`` (``file:line``).
    """
    if len(line) > MAX_LINE_BYTES:
        raise error(f"{where}: line longer than {MAX_LINE_BYTES >> 20} MiB; skipped")
    too_deep = f"{where}: JSON nested deeper than {MAX_JSON_DEPTH} levels; skipped"
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise error(f"{where}: malformed JSON ({exc.msg} at column {exc.colno})") from None
    except RecursionError:
        raise error(too_deep) from None
    except UnicodeDecodeError as exc:
        raise error(f"{where}: not valid UTF-8 at byte {exc.start}") from None
    if _depth_exceeds(obj, MAX_JSON_DEPTH):
        raise error(too_deep)
    return obj


def parse_jsonl_line(line: str, where: str) -> Document:
    """Turn one JSONL line ``{"id": ..., "text": ..., "meta": {...}}`` into a Document."""
    return document_from_mapping(loads_line(line, where), where)


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


class _LongLine(bytes):
    """Stands for a line longer than :data:`MAX_LINE_BYTES` (its bytes were skipped, not kept)."""

    def __len__(self) -> int:
        return MAX_LINE_BYTES + 1


def read_lines(fh: IO[bytes], limit: int = MAX_LINE_BYTES) -> Iterator[bytes]:
    """Lines of a binary file split at ``\n`` only; a line longer than ``limit`` is skipped in
    constant memory and yielded as a placeholder whose ``len()`` exceeds the limit."""
    while line := fh.readline(limit + 1):
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := fh.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield _LongLine()
            continue
        yield line


def iter_lines(path: str | os.PathLike[str], error: type[ClaimkitError]) -> Iterator[tuple[str, bytes]]:
    """``("file:line", raw bytes)`` of each line; only ``\n`` ends a line (JSON may hold U+2028).

    A line longer than :data:`MAX_LINE_BYTES` comes as a placeholder (``len()`` over the limit).
    """
    try:
        fh = open(path, "rb")  # noqa: SIM115
    except FileNotFoundError:
        raise error(f"{path}: no such file") from None
    except IsADirectoryError:
        raise error(f"{path}: is a directory") from None
    except OSError as exc:
        raise error(f"{path}: cannot read ({exc.strerror})") from None
    with fh:
        for lineno, raw in enumerate(read_lines(fh), 1):
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
    for where, raw in iter_lines(Path(path), error):
        if isinstance(raw, _LongLine):
            raise error(f"{where}: line longer than {MAX_LINE_BYTES >> 20} MiB")
        try:
            line = decode_bytes(raw, where, encoding)
        except InputError as exc:
            raise error(str(exc)) from None
        if not line.strip():
            continue
        obj = loads_line(line, where, error)
        if objects and not isinstance(obj, dict):
            raise error(f"{where}: expected a JSON object")
        yield where, obj


def iter_jsonl(path: Path, encoding: str = "utf-8") -> Iterator[Document | InputError]:
    """Yield one Document per non-blank line of a JSONL file; bad lines yield errors."""
    try:
        for where, raw in iter_lines(path, InputError):
            try:
                if isinstance(raw, _LongLine):
                    raise JSONLError(f"{where}: line longer than {MAX_LINE_BYTES >> 20} MiB; skipped")
                line = decode_bytes(raw, where, encoding)
                if line.strip():
                    yield parse_jsonl_line(line, where)
            except InputError as exc:
                yield exc
    except InputError as exc:
        yield exc


def absolute_path(path: str | None) -> str | None:
    """The absolute form of a document's ``path`` (``file.jsonl:LINE`` keeps its line); None for
    stdin (``-``) or no path."""
    if not path or path == "-":
        return None
    name, _, line = path.rpartition(":")
    if name.endswith(".jsonl") and line.isdigit():
        return f"{Path(name).absolute()}:{line}"
    return str(Path(path).absolute())


def read_original_any(
    path: str | None, abs_path: str | None = None, base: Path | None = None, encoding: str = "utf-8"
) -> Document:
    """:func:`read_original` of ``path``, else of ``abs_path`` (a record's two paths).

    Raises:
        InputError: neither can be read; the message names both.
    """
    try:
        return read_original(path, base, encoding)
    except InputError as first:
        if not abs_path or abs_path == path:
            raise
        try:
            return read_original(abs_path, None, encoding)
        except InputError:
            raise InputError(f"{first} (also tried {abs_path})") from None


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


def is_stdout(path: str | os.PathLike[str] | None) -> bool:
    """``None`` and ``"-"`` mean standard output."""
    return path is None or str(path) == "-"


def _identity(path: str | os.PathLike[str]) -> tuple[int, int] | str:
    """What two paths share when they are the same file: (device, inode), else the real path."""
    try:
        st = os.stat(path)
    except OSError:
        return os.path.realpath(path)
    return (st.st_dev, st.st_ino)


def check_outputs(inputs: Iterable[str], outputs: Iterable[tuple[str, str | os.PathLike[str] | None]]) -> None:
    """Refuse outputs that would destroy an input or each other.

    Args:
        inputs: the input paths as given (files, directories, ``-``).
        outputs: ``(option name, path)`` pairs; ``None``/``-`` (stdout) is not checked.

    Raises:
        OutputError: an output is the same file as an input (also through a symlink or hard
            link, or a ``.txt`` output inside an input directory), or as another output.
    """
    seen: dict[tuple[int, int] | str, str] = {}
    for option, out in outputs:
        if is_stdout(out):
            continue
        assert out is not None
        ident = _identity(out)
        if ident in seen:
            raise OutputError(f"{option} {out} is the same file as {seen[ident]}; give each output its own file")
        seen[ident] = f"{option} {out}"
        real = Path(os.path.realpath(out))
        for raw in inputs:
            if raw == "-":
                continue
            if _identity(raw) == ident:
                raise OutputError(f"{option} {out} is also an input ({raw}); refusing to overwrite it")
            base = Path(os.path.realpath(raw))
            if real.suffix == ".txt" and base.is_dir() and base in real.parents:
                raise OutputError(f"{option} {out} is inside input directory {raw}; refusing to write a .txt there")


def check_regular(path: str | os.PathLike[str], what: str) -> None:
    """Refuse ``path`` unless it is absent or a regular file (a symlink to one is fine).

    Raises:
        OutputError: a directory, FIFO, device or socket.
    """
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror})") from None
    if not stat.S_ISREG(mode):
        raise OutputError(f"{path}: not a regular file; {what} needs a regular file")


def _output_error(name: str, exc: OSError) -> OutputError:
    reason = exc.strerror or str(exc)
    hint = " (disk full?)" if exc.errno in (errno.ENOSPC, errno.EDQUOT) else ""
    return OutputError(f"{name}: cannot write ({reason}){hint}")


@contextlib.contextmanager
def _stdout(mode: str) -> Iterator[IO[Any]]:
    """Standard output; a write error (disk full) becomes :class:`OutputError`."""
    stream: IO[Any] = sys.stdout if "b" not in mode else sys.stdout.buffer
    try:
        yield stream
        stream.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        _discard_stdout()
        raise _output_error("<stdout>", exc) from None


def _discard_stdout() -> None:
    """After a failed write to stdout, point fd 1 at /dev/null so the exit-time flush is quiet."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


@contextlib.contextmanager
def _stream(target: Path, mode: str) -> Iterator[IO[Any]]:
    """Write straight into a FIFO or character device (``/dev/stdout``, ``/dev/null``)."""
    try:
        fh = open(target, mode, encoding=None if "b" in mode else "utf-8")  # noqa: SIM115
    except OSError as exc:
        raise _output_error(str(target), exc) from None
    try:
        with fh:
            yield fh
            fh.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise _output_error(str(target), exc) from None


REVIEW_RANK = {"edited": 1, "confirmed": 2}
"""Review statuses a reviewer's work gives a pulled record (``draft`` is claimkit's own draft)."""
_REVIEW_KEY = re.compile(rb'"review"\s*:\s*\{')


def reviewed_documents(path: str | os.PathLike[str]) -> dict[str, str]:
    """The documents that ``path`` holds reviewed statements of (``claimkit doccano pull`` output).

    Returns:
        ``doc_id`` -> the highest review status (``edited`` or ``confirmed``) of its records;
        empty when ``path`` is missing, not a regular file, unreadable or holds no reviewed
        record. Only lines with a ``"review": {`` key are parsed, so a large statements file
        without reviews costs one byte scan.
    """
    found: dict[str, str] = {}
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode) or st.st_size == 0:
            return found  # never open a FIFO here: that would wait for a writer
        with open(path, "rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
            pos = 0
            while (match := _REVIEW_KEY.search(data, pos)) is not None:
                start = data.rfind(b"\n", 0, match.start()) + 1
                end = data.find(b"\n", match.end())
                end = len(data) if end < 0 else end
                pos = end + 1
                if end - start <= MAX_LINE_BYTES:
                    _note_review(data[start:end], found)
    except (OSError, ValueError):
        return found
    return found


def _note_review(line: bytes, found: dict[str, str]) -> None:
    """Add the review status of one JSONL line to ``found`` when it is a reviewer's."""
    try:
        record = json.loads(line)
    except ValueError:
        return
    if not isinstance(record, dict) or not isinstance(record.get("review"), dict):
        return
    status, doc_id = record["review"].get("status"), record.get("doc_id")
    known = REVIEW_RANK.get(found.get(doc_id, ""), 0) if isinstance(doc_id, str) else None
    if status in REVIEW_RANK and known is not None and REVIEW_RANK[status] > known:
        found[doc_id] = status


def refuse_reviewed(path: str | os.PathLike[str], what: str = "this output") -> None:
    """Refuse to replace a file that holds a reviewer's statements.

    Raises:
        OutputError: ``path`` holds statements a reviewer confirmed or edited.
    """
    reviewed = reviewed_documents(path)
    if reviewed:
        raise OutputError(
            f"{path} holds statements reviewed in Doccano ({len(reviewed)} document(s)); "
            f"refusing to replace them with {what}: write to another file, or move it first"
        )


@contextlib.contextmanager
def atomic_writer(
    path: str | os.PathLike[str] | None, mode: str = "w", *, keep_reviewed: bool = True
) -> Iterator[IO[Any]]:
    """Write to a temporary file beside ``path`` and rename it into place on success.

    ``None`` or ``"-"`` writes to stdout. A symlink is followed: its target is replaced
    atomically and the link stays a link. A FIFO or character device (``/dev/stdout``,
    ``/dev/null``) is written to directly, never replaced; any other non-regular file
    (directory, block device, socket) is refused. On error (disk full included) the
    temporary file is removed, the previous content of ``path`` is left untouched and
    :class:`OutputError` is raised.

    With ``keep_reviewed`` (the default) a file holding a reviewer's statements
    (:func:`reviewed_documents`) is never replaced: :class:`OutputError` before anything is
    written. ``claimkit doccano pull`` turns it off and makes its own, finer check.
    """
    if is_stdout(path):
        with _stdout(mode) as fh:
            yield fh
        return
    assert path is not None
    name = str(path)
    target = Path(os.path.realpath(path))
    try:
        st: os.stat_result | None = target.stat()
    except OSError:
        st = None
    if st is not None and (stat.S_ISFIFO(st.st_mode) or stat.S_ISCHR(st.st_mode)):
        with _stream(target, mode) as fh:
            yield fh
        return
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise OutputError(f"{name}: not a regular file; refusing to replace it")
    if st is not None and keep_reviewed:
        refuse_reviewed(name)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        # mkstemp makes 0600: keep the mode of the file replaced, else give outputs the usual mode
        os.fchmod(fd, stat.S_IMODE(st.st_mode) if st is not None else 0o666 & ~_umask())
    except OSError as exc:
        raise _output_error(name, exc) from None
    try:
        with os.fdopen(fd, mode, encoding=None if "b" in mode else "utf-8") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise _output_error(name, exc) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def jsonl_line(record: dict[str, Any]) -> str:
    """``record`` as one JSONL line (UTF-8 characters kept, newline included)."""
    return json.dumps(record, ensure_ascii=False) + "\n"


def write_jsonl_line(fh: IO[str], record: dict[str, Any]) -> None:
    fh.write(jsonl_line(record))
