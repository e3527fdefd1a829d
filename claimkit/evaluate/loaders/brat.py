"""PolNeAR-style brat standoff: Source / Cue / Content spans tied by Attribution events.

Layouts read: a directory with ``text/`` and ``attributions/`` (PolNeAR), any directory whose
``.ann`` files (searched recursively) sit beside their ``.txt`` files or in an
``attributions/`` directory next to a ``text/`` one (e.g. the PolNeAR root: train and dev), or
one ``.ann`` file. ``name_ANNOTATOR.ann`` belongs to
``name.txt``; when several annotators did the same article, the lexicographically smallest
annotator id is used (deterministic, recorded in the report notes).
"""

from __future__ import annotations

import re
from pathlib import Path

from ...errors import GoldFormatError
from ...io import read_text_file
from ..gold import GoldAttribution, GoldDoc, GoldSet
from ..spans import Span

SPAN_LABELS = frozenset(["Source", "Cue", "Content", "Attribution", "Attribution-no-source", "Discuss", "Discard"])
EVENT_TYPES = frozenset(["Attribution", "Attribution-no-source"])
EVENT_ROLES = frozenset(["Source", "Cue", "Content", "Content2"])
IGNORED_LINE_TYPES = ("#", "A", "R", "N", "M")
_LINE_ID = re.compile(r"^[TEARNM#]\d*\t")


def _pair_files(path: Path) -> list[tuple[Path, list[Path]]]:
    """``(text file, [ann files])`` for every text that has at least one annotation file."""
    if path.is_file():
        if path.suffix != ".ann":
            raise GoldFormatError(f"{path}: brat gold must be a directory or an .ann file")
        anns, text_dirs = [path], [path.parent]
    elif path.is_dir():
        if (path / "attributions").is_dir() and (path / "text").is_dir():
            anns, text_dirs = sorted((path / "attributions").glob("*.ann")), [path / "text"]
        else:
            anns, text_dirs = sorted(path.rglob("*.ann")), []
        if not anns:
            raise GoldFormatError(f"{path}: no .ann files (expected text/ and attributions/, or .ann beside .txt)")
    else:
        raise GoldFormatError(f"{path}: no such file or directory")
    by_text: dict[Path, list[Path]] = {}
    for ann in anns:
        dirs = text_dirs or [ann.parent, ann.parent.parent / "text"]
        stem = ann.stem
        candidates = [stem]
        if "_" in stem:
            candidates.append(stem.rsplit("_", 1)[0])
        found = next((d / f"{c}.txt" for c in candidates for d in dirs if (d / f"{c}.txt").is_file()), None)
        if found is None:
            raise GoldFormatError(f"{ann}:1: no text file {candidates[-1]}.txt in {dirs[0]}")
        by_text.setdefault(found, []).append(ann)
    return sorted((t, sorted(a)) for t, a in by_text.items())


def _parse_spans(field: str, where: str, text_len: int) -> list[Span]:
    spans = []
    for frag in field.split(";"):
        parts = frag.split()
        try:
            start, end = int(parts[0]), int(parts[1])
        except (IndexError, ValueError):
            raise GoldFormatError(f"{where}: bad offsets {frag!r}") from None
        if len(parts) != 2 or not 0 <= start <= end <= text_len:
            raise GoldFormatError(f"{where}: bad offsets {frag!r} (text has {text_len} characters)")
        spans.append((start, end))
    return spans


def _same_text(span_text: str, given: str) -> bool:
    """The text column of a span line equals the span's text, up to its first line break."""
    if not span_text.startswith(given.rstrip("\r")):
        return False
    rest = span_text[len(given.rstrip("\r")) :]
    return not rest or rest[0] in "\r\n"


def parse_ann(ann: Path, text: str) -> tuple[list[GoldAttribution], int]:
    """Parse one ``.ann`` file against its text.

    Returns:
        The attributions with content, and how many events had no content (skipped).

    Raises:
        GoldFormatError: bad offsets, span text that differs from the text, unknown labels,
            events naming unknown spans.
    """
    spans: dict[str, tuple[str, list[Span]]] = {}
    events: list[tuple[str, list[tuple[str, str]]]] = []
    try:
        lines = ann.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFormatError(f"{ann}: cannot read ({exc})") from None
    continued = 0  # lines still to come of a span text that holds line breaks
    for lineno, line in enumerate(lines, 1):
        where = f"{ann}:{lineno}"
        if continued:
            continued -= 1
            continue
        if not _LINE_ID.match(line):
            if not line.strip():
                continue
            raise GoldFormatError(f"{where}: not a brat line (expected T, E, A, R, N, M or # and a tab)")
        if line.startswith(IGNORED_LINE_TYPES):
            continue
        fields = line.split("\t")
        if line.startswith("T"):
            if len(fields) < 2 or " " not in fields[1]:
                raise GoldFormatError(f"{where}: expected 'Tn<TAB>Label start end<TAB>text'")
            label, offsets = fields[1].split(" ", 1)
            if label not in SPAN_LABELS:
                raise GoldFormatError(f"{where}: unknown label {label!r}; allowed: {', '.join(sorted(SPAN_LABELS))}")
            found = _parse_spans(offsets, where, len(text))
            span_text = " ".join(text[s:e] for s, e in found)
            if len(fields) > 2 and not _same_text(span_text, fields[2]):
                raise GoldFormatError(f"{where}: span text {fields[2][:40]!r} differs from the text at {offsets}")
            continued = span_text.count("\n") if len(fields) > 2 else 0
            spans[fields[0]] = (label, found)
        elif line.startswith("E"):
            if len(fields) < 2:
                raise GoldFormatError(f"{where}: expected 'En<TAB>Type:Tn Role:Tn ...'")
            args = []
            for arg in fields[1].split():
                role, _, ref = arg.partition(":")
                args.append((role, ref))
            events.append((where, args))
    out: list[GoldAttribution] = []
    skipped = 0
    for where, args in events:
        if not args or args[0][0] not in EVENT_TYPES:
            raise GoldFormatError(f"{where}: unknown event type {args[0][0] if args else ''!r}")
        roles: dict[str, list[Span]] = {}
        for role, ref in args[1:]:
            if role not in EVENT_ROLES:
                raise GoldFormatError(f"{where}: unknown role {role!r}; allowed: {', '.join(sorted(EVENT_ROLES))}")
            if ref not in spans:
                raise GoldFormatError(f"{where}: {role} refers to undefined span {ref!r}")
            roles.setdefault("Content" if role == "Content2" else role, []).extend(spans[ref][1])
        if not roles.get("Content"):
            skipped += 1
            continue
        source = roles.get("Source")
        src_span = (min(s for s, _ in source), max(e for _, e in source)) if source else None
        out.append(
            GoldAttribution(
                content=sorted(roles["Content"]),
                source=src_span,
                cues=sorted(roles.get("Cue", [])),
                source_text=text[src_span[0] : src_span[1]] if src_span else None,
                where=where,
            )
        )
    return out, skipped


def load(path: Path) -> GoldSet:
    """Load brat attribution gold (see the module docstring for the layouts)."""
    docs: list[GoldDoc] = []
    chosen: dict[str, str] = {}
    skipped = 0
    for text_path, anns in _pair_files(path):
        document = read_text_file(text_path)
        ann = anns[0]
        if len(anns) > 1:
            chosen[document.doc_id] = ann.name
        attributions, n = parse_ann(ann, document.text)
        skipped += n
        docs.append(GoldDoc(document=document, key=text_path.name, attributions=attributions))
    notes = {"double_annotated_used": chosen, "events_without_content": skipped}
    return GoldSet(format="brat", path=str(path), tasks=("attribution", "attribution_spans"), docs=docs, notes=notes)
