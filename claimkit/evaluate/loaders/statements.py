"""claimkit's own statement JSONL as gold (``annotations/*.jsonl``).

Gold is one statement record per line (the ``claimkit extract`` format), a file or a
directory of ``*.jsonl`` files. The texts the offsets point into are found, per ``doc_id``:

1. with ``--text PATH`` (``text=``): a text file, a directory of ``.txt`` files (file stem =
   ``doc_id``) or a documents JSONL with ``id`` and ``text`` per line;
2. else from a documents JSONL beside the gold (``<gold stem>.documents.jsonl`` or
   ``documents.jsonl``, as written by ``claimkit extract --docs``): each record's ``path`` is
   read (absolute, relative to the current directory, or to the documents file) and must have
   the recorded ``sha256``;
3. else in a ``corpus/`` directory beside the gold's directory (``annotations/../corpus``)
   or in the current directory, as ``corpus/<doc_id>.txt``.

Every gold statement must satisfy ``text == document_text[start:end]``, which also proves the
text is the one the annotators saw.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ...errors import GoldFormatError, InputError
from ...io import iter_documents, iter_json_lines, read_text_file
from ...records import CERTAINTY_LABELS, KINDS, Document, sha256_text
from ..gold import GoldDoc, GoldSet

DOCUMENTS_SUFFIX = ".documents.jsonl"


def gold_files(path: Path) -> list[Path]:
    """The statement JSONL files at ``path`` (documents JSONL files are skipped)."""
    if path.is_dir():
        files = sorted(p for p in path.glob("*.jsonl") if not p.name.endswith(DOCUMENTS_SUFFIX))
        files = [p for p in files if p.name != "documents.jsonl"]
        if not files:
            raise GoldFormatError(f"{path}: no statement .jsonl files")
        return files
    return [path]


def check_record(rec: Any, where: str) -> dict[str, Any]:
    """Check the fields the metrics read; raise :class:`GoldFormatError` naming ``where``."""
    if not isinstance(rec, dict):
        raise GoldFormatError(f"{where}: expected a JSON object (a statement record)")
    if not isinstance(rec.get("doc_id"), str) or not rec["doc_id"]:
        raise GoldFormatError(f"{where}: missing string field 'doc_id'")
    if rec.get("kind") not in KINDS:
        raise GoldFormatError(f"{where}: unknown kind {rec.get('kind')!r}; allowed: {', '.join(KINDS)}")
    start, end = rec.get("start"), rec.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end:
        raise GoldFormatError(f"{where}: bad offsets start={start!r} end={end!r}")
    label = (rec.get("certainty") or {}).get("label", "certain")
    if label not in CERTAINTY_LABELS:
        raise GoldFormatError(f"{where}: unknown certainty label {label!r}; allowed: {', '.join(CERTAINTY_LABELS)}")
    for key in ("speaker", "cue"):
        sub = rec.get(key)
        if sub is not None and not isinstance(sub, dict):
            raise GoldFormatError(f"{where}: field {key!r} must be an object or null")
    return rec


def read_records(files: Iterable[Path]) -> list[tuple[str, dict[str, Any]]]:
    """``(file:line, record)`` for every non-blank line, each checked by :func:`check_record`."""
    return [
        (where, check_record(rec, where))
        for f in files
        for where, rec in iter_json_lines(f, GoldFormatError, objects=False)
    ]


def documents_beside(gold: Path) -> Path | None:
    """The documents JSONL that goes with gold file ``gold``, if there is one."""
    base = gold if gold.is_dir() else gold.parent
    names = [] if gold.is_dir() else [gold.name.removesuffix(".jsonl") + DOCUMENTS_SUFFIX]
    return next((base / n for n in [*names, "documents.jsonl"] if (base / n).is_file()), None)


def read_documents_jsonl(path: Path) -> dict[str, Document]:
    """The texts named by a documents JSONL (``doc_id``, ``path``, ``sha256`` per line)."""
    found: dict[str, Document] = {}
    for where, rec in iter_json_lines(path, GoldFormatError, objects=False):
        if not isinstance(rec, dict) or not rec.get("doc_id") or not rec.get("path"):
            raise GoldFormatError(f"{where}: expected a document record with doc_id and path")
        target = Path(rec["path"])
        if not target.is_absolute() and not target.is_file():
            target = path.parent / target
        try:
            doc = read_text_file(target)
        except InputError as exc:
            raise GoldFormatError(f"{where}: {exc}") from None
        if rec.get("sha256") and sha256_text(doc.text) != rec["sha256"]:
            raise GoldFormatError(f"{where}: {target} is not the text that was annotated (sha256 differs)")
        found[str(rec["doc_id"])] = Document(str(rec["doc_id"]), doc.text, str(target))
    return found


def find_texts(doc_ids: list[str], gold: Path, text: str | Path | None) -> dict[str, Document]:
    """The document of every ``doc_id`` (see the module docstring for where it looks)."""
    found: dict[str, Document] = {}
    if text is not None:
        for item in iter_documents([str(text)]):
            if isinstance(item, InputError):
                raise GoldFormatError(f"--text: {item}")
            found.setdefault(item.doc_id, item)
        return found
    documents = documents_beside(gold)
    if documents is not None:
        found.update(read_documents_jsonl(documents))
    base = gold if gold.is_dir() else gold.parent
    dirs = [base.parent / "corpus", base / "corpus", Path.cwd() / "corpus"]
    for doc_id in (d for d in doc_ids if d not in found):
        candidate = next((d / f"{doc_id}.txt" for d in dirs if (d / f"{doc_id}.txt").is_file()), None)
        if candidate is not None:
            found[doc_id] = read_text_file(candidate)
    return found


def gold_set(fmt: str, path: Path, records: list[tuple[str, dict[str, Any]]], docs: dict[str, Document]) -> GoldSet:
    """Group checked records by document, verifying every offset against its text."""
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for where, rec in records:
        doc = docs.get(rec["doc_id"])
        if doc is None:
            raise GoldFormatError(
                f"{where}: no text for doc_id {rec['doc_id']!r} (pass --text, or put corpus/<doc_id>.txt)"
            )
        if rec["end"] > len(doc.text):
            raise GoldFormatError(f"{where}: end {rec['end']} beyond the text ({len(doc.text)} characters)")
        if "text" in rec and doc.text[rec["start"] : rec["end"]] != rec["text"]:
            raise GoldFormatError(f"{where}: 'text' differs from document_text[{rec['start']}:{rec['end']}]")
        by_doc.setdefault(rec["doc_id"], []).append(rec)
    gold_docs = [
        GoldDoc(document=docs[d], key=d, statements=sorted(st, key=lambda r: (r["start"], r["end"])))
        for d, st in sorted(by_doc.items())
    ]
    return GoldSet(format=fmt, path=str(path), tasks=("statements", "attribution"), docs=gold_docs)


def load(path: Path, text: str | Path | None = None) -> GoldSet:
    """Load claimkit statement gold and its texts."""
    records = read_records(gold_files(path))
    doc_ids = sorted({rec["doc_id"] for _, rec in records})
    return gold_set("claimkit", path, records, find_texts(doc_ids, path, text))
