"""Resumable output: append-only statements and documents files, with documents.jsonl as the ledger.

Protocol (what ``claimkit extract --resume`` writes): for each finished document, in input
order, its statement lines are appended to the statements file and flushed, *then* its record
is appended to the documents file and flushed. A document record is the commit mark: a
document counts as done only when its record line is complete. Both files are fsync'ed every
:data:`SYNC_EVERY` documents and at the end.

A run killed at any moment leaves at most one partly written document at the tail of each
file. :func:`recover` finds the last document whose record line is complete *and* whose
statements (the record says how many) are all there, truncates both files just after it, and
returns the set of finished ``(doc_id, sha256)`` keys; the next run skips those documents and
appends the rest. No line is ever duplicated or left half written.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import OutputError
from .procs import pid_alive
from .records import Document

LOCK_SUFFIX = ".lock"

SYNC_EVERY = 1000


def doc_key(doc_id: str, sha256: str) -> int:
    """A 64-bit key for ``(doc_id, sha256)``: the ledger holds about 60 bytes per finished document."""
    digest = hashlib.blake2b(f"{doc_id}\0{sha256}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big")


@dataclass
class Ledger:
    """What a previous run finished.

    Attributes:
        done: keys (:func:`doc_key`) of finished documents.
        ids: doc_ids of finished documents, to tell "changed since" from "new".
        documents: finished documents.
        statements: statement lines that belong to them.
        discarded_documents: records dropped from the tail (partly written).
        discarded_bytes: bytes cut from the two files' tails.
    """

    done: set[int] = field(default_factory=set)
    ids: set[int] = field(default_factory=set)
    documents: int = 0
    statements: int = 0
    discarded_documents: int = 0
    discarded_bytes: int = 0

    def is_done(self, document: Document) -> bool:
        return doc_key(document.doc_id, document.sha256) in self.done

    def is_changed(self, document: Document) -> bool:
        """Finished before with another text (same doc_id, other sha256)."""
        return doc_key(document.doc_id, "") in self.ids and not self.is_done(document)

    def add(self, doc_id: str, sha256: str) -> None:
        self.done.add(doc_key(doc_id, sha256))
        self.ids.add(doc_key(doc_id, ""))


CHUNK = 1 << 20


def _newline_offsets(path: Path, wanted: set[int]) -> tuple[int, dict[int, int]]:
    """Count the complete lines of ``path``; also the byte offset just after each line in ``wanted``."""
    count, offset, found = 0, 0, {}
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            n = chunk.count(b"\n")
            hits = [w for w in wanted if count < w <= count + n]
            for w in hits:
                pos = -1
                for _ in range(w - count):
                    pos = chunk.index(b"\n", pos + 1)
                found[w] = offset + pos + 1
            count += n
            offset += len(chunk)
    return count, found


def _iter_ledger(docs: Path) -> Iterator[tuple[str, str, int, int]]:
    """``(doc_id, sha256, statements, end_offset)`` of every complete record of the documents file.

    Only the last line may be incomplete (a killed run); a bad line before it means the file
    is not a claimkit ledger, and nothing is touched.
    """
    offset = 0
    with docs.open("rb") as fh:
        for lineno, line in enumerate(fh, 1):
            offset += len(line)
            try:
                rec = json.loads(line) if line.endswith(b"\n") else None
                entry = (rec["doc_id"], rec["sha256"], int(rec["statements"]), offset)
            except (ValueError, TypeError, KeyError):
                if not fh.readline():
                    return  # the partly written last record of a killed run
                raise OutputError(
                    f"{docs}:{lineno}: not a document record; cannot resume from this file "
                    "(pass the --docs file a previous --resume run wrote)"
                ) from None
            yield entry


def _check_tail(statements: Path, start: int, end: int, doc_id: str) -> None:
    """The last kept statement line must belong to the last kept document that has statements."""
    with statements.open("rb") as fh:
        fh.seek(start)
        line = fh.read(end - start)
    try:
        owner = json.loads(line).get("doc_id")
    except (ValueError, AttributeError):
        owner = None
    if owner != doc_id:
        raise OutputError(
            f"{statements}: does not match its documents file (statement line of {owner!r} where "
            f"{doc_id!r} was expected); cannot resume"
        )


def _truncate(path: Path, size: int) -> int:
    """Cut ``path`` to ``size`` bytes; return how many were cut."""
    extra = path.stat().st_size - size
    if extra > 0:
        with path.open("r+b") as fh:
            fh.truncate(size)
            os.fsync(fh.fileno())
    return max(extra, 0)


def recover(statements: Path, docs: Path) -> Ledger:
    """Read what a previous run finished and cut off a partly written last document.

    Reads both files once, streaming; keeps only the ledger keys in memory. Missing files
    mean a fresh start.

    Raises:
        OutputError: the files do not belong together, or cannot be read or cut.
    """
    ledger = Ledger()
    if not docs.exists():
        if statements.exists() and statements.stat().st_size:
            raise OutputError(
                f"{statements}: exists but its documents file {docs} does not; cannot resume "
                "(remove it, or pass the --docs file of the run that wrote it)"
            )
        return ledger
    try:
        available, _ = _newline_offsets(statements, set()) if statements.exists() else (0, {})
        docs_size, last_with_statements = 0, None
        entries = _iter_ledger(docs)
        for doc_id, sha, count, end in entries:
            if ledger.statements + count > available:
                ledger.discarded_documents = 1 + sum(1 for _ in entries)
                break
            ledger.add(doc_id, sha)
            ledger.documents += 1
            ledger.statements += count
            docs_size = end
            if count:
                last_with_statements = doc_id
        total = ledger.statements
        statements_size = 0
        if total:
            _, offsets = _newline_offsets(statements, {total - 1, total})
            statements_size = offsets[total]
            assert last_with_statements is not None
            _check_tail(statements, offsets.get(total - 1, 0), statements_size, last_with_statements)
        ledger.discarded_bytes = _truncate(docs, docs_size)
        if statements.exists():
            ledger.discarded_bytes += _truncate(statements, statements_size)
    except OSError as exc:
        raise OutputError(f"cannot resume from {docs} and {statements} ({exc.strerror})") from None
    return ledger


class OutputLock:
    """An exclusive lock on a resumable output: ``FILE.lock`` beside it, holding the owner's pid.

    The lock is an ``flock`` on that file, so the kernel releases it when the owner dies in any
    way; a lock file left by a dead process (its pid no longer runs) is taken over, and
    :attr:`stale_pid` says whose it was.

    Raises:
        OutputError: another live process holds the lock.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(f"{os.path.realpath(path)}{LOCK_SUFFIX}")
        self.stale_pid: int | None = None
        while True:
            self.fd = self._open()
            try:
                fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                owner = self._owner()
                os.close(self.fd)
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    raise OutputError(f"{self.path}: cannot lock ({exc.strerror})") from None
                who = f"pid {owner}" if owner else "another process"
                raise OutputError(
                    f"{path} is being written by another claimkit run ({who}); wait for it to finish or stop it"
                ) from None
            if self._still_linked():
                break
            os.close(self.fd)  # the previous owner removed this file while we waited: lock the new one
        owner = self._owner()
        if owner and owner != os.getpid() and not pid_alive(owner):
            self.stale_pid = owner
        os.ftruncate(self.fd, 0)
        os.pwrite(self.fd, f"{os.getpid()}\n".encode(), 0)

    def _open(self) -> int:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            return os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise OutputError(f"{self.path}: cannot create the lock file ({exc.strerror})") from None

    def _still_linked(self) -> bool:
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return False
        own = os.fstat(self.fd)
        return (st.st_dev, st.st_ino) == (own.st_dev, own.st_ino)

    def _owner(self) -> int | None:
        try:
            return int(os.pread(self.fd, 32, 0).split()[0])
        except (OSError, ValueError, IndexError):
            return None

    def release(self) -> None:
        """Remove the lock file and unlock (closing the descriptor drops the flock)."""
        if self.fd < 0:
            return
        with contextlib.suppress(OSError):
            os.unlink(self.path)
        os.close(self.fd)
        self.fd = -1

    def __enter__(self) -> OutputLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


class AppendSink:
    """Appends finished documents to a statements file and its ledger (see the module docstring).

    Writes go straight to the files (no buffer), so a failed write leaves nothing pending.
    """

    def __init__(self, statements: Path, docs: Path) -> None:
        self.names = (str(statements), str(docs))
        self.fds: list[int] = []
        try:
            for path in (statements, docs):
                path.parent.mkdir(parents=True, exist_ok=True)
                self.fds.append(os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o666))
        except OSError as exc:
            self.close()
            raise OutputError(f"cannot append to {statements} / {docs} ({exc.strerror})") from None
        self.unsynced = 0

    def commit(self, statements_jsonl: str, record_json: str) -> None:
        """Append one document: its statements first, then its record (the commit mark).

        Raises:
            OutputError: a write failed (disk full...); both files are cut back to the previous
                document, so the ledger stays consistent and a later ``--resume`` goes on from there.
        """
        marks = [os.lseek(fd, 0, os.SEEK_END) for fd in self.fds]
        try:
            _write_all(self.fds[0], statements_jsonl.encode("utf-8"))
            _write_all(self.fds[1], record_json.encode("utf-8"))
            self.unsynced += 1
            if self.unsynced >= SYNC_EVERY:
                self.sync()
        except OSError as exc:
            for fd, size in zip(self.fds, marks, strict=True):
                with contextlib.suppress(OSError):
                    os.ftruncate(fd, size)
            raise OutputError(
                f"{self.names[0]}: cannot append ({exc.strerror}); the documents finished before are kept: "
                "free some space and run again with --resume"
            ) from None

    def sync(self) -> None:
        """fsync both files; after a machine crash :func:`recover` drops records whose statements are missing."""
        for fd in self.fds:
            os.fsync(fd)
        self.unsynced = 0

    def close(self) -> None:
        try:
            if len(self.fds) == 2:
                self.sync()
        except OSError as exc:
            raise OutputError(f"{self.names[0]}: cannot write ({exc.strerror})") from None
        finally:
            for fd in self.fds:
                os.close(fd)
            self.fds = []
