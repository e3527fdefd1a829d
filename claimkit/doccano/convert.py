"""Statements <-> Doccano spans, relations and example meta (no HTTP here).

Mapping (one Doccano example per document, full original text):

* a statement is a span labelled with its kind (``fact``, ``opinion``, ``speculation``);
* its certainty label is a second span over the same characters labelled ``certain``,
  ``probable``, ``possible`` or ``unknown``, linked by a ``certainty`` relation;
* the speaker mention is a span labelled ``speaker:<type>`` (relation ``speaker``), the
  reporting cue a ``cue`` span (relation ``cue``), each certainty cue a ``certainty-cue`` span
  (relation ``certainty-cue``); relations go from the statement span;
* every field Doccano cannot show (ids, resolved speaker name, cue lemma, quote, source,
  certainty score, cue types...) travels in the example meta under ``claimkit``, keyed by
  offsets, so that an unreviewed example comes back equal field by field.

Offsets: claimkit counts code points; Doccano's annotation UI (v-annotator, grapheme mode off)
counts UTF-16 code units, as JavaScript strings do. Offsets are converted to UTF-16 on the way
in and back to code points on the way out, so spans line up in the UI even after emoji, and
spans a reviewer draws come back right. Meta ``claimkit.offsets`` records the unit.
"""

from __future__ import annotations

import bisect
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..data.certainty import LABEL_THRESHOLDS
from ..errors import SchemaError
from ..records import CERTAINTY_LABELS, KINDS, SPEAKER_TYPES

META_KEY = "claimkit"
UNIT_UTF16 = "utf-16"
UNIT_CODEPOINT = "codepoint"

SPEAKER_PREFIX = "speaker:"
CUE_LABEL = "cue"
CERTAINTY_CUE_LABEL = "certainty-cue"
SPEAKER_LABELS: tuple[str, ...] = tuple(SPEAKER_PREFIX + t for t in SPEAKER_TYPES)
NAME_LABEL = "name"
# Label types claimkit creates in a project (``certainty-cue`` / relation ``certainty-cue`` are
# only read: drafts of mapping 1 used them).
SPAN_LABELS: tuple[str, ...] = (*KINDS, *CERTAINTY_LABELS, *SPEAKER_LABELS, CUE_LABEL, NAME_LABEL)
REL_SPEAKER, REL_CUE, REL_CERTAINTY, REL_CERTAINTY_CUE = "speaker", "cue", "certainty", "certainty-cue"
REL_NAME = "refers-to"
RELATION_LABELS: tuple[str, ...] = (REL_SPEAKER, REL_CUE, REL_CERTAINTY, REL_NAME)
MAPPING = 2  # meta claimkit.mapping: 2 = certainty label on the cues, speaker name as a span
DEFAULT_CERTAINTY_CUE_TYPE = "hedge"

LABEL_COLORS: dict[str, str] = {
    "fact": "#1565c0",
    "opinion": "#6a1b9a",
    "speculation": "#ef6c00",
    "certain": "#2e7d32",
    "probable": "#9e9d24",
    "possible": "#f9a825",
    "unknown": "#757575",
    CUE_LABEL: "#00838f",
    CERTAINTY_CUE_LABEL: "#c62828",
    NAME_LABEL: "#4e342e",
    REL_NAME: "#4e342e",
    REL_SPEAKER: "#ad1457",
    REL_CUE: "#00838f",
    REL_CERTAINTY: "#2e7d32",
    REL_CERTAINTY_CUE: "#c62828",
}
for _label in SPEAKER_LABELS:
    LABEL_COLORS[_label] = "#ad1457"

# Doccano export lines carry these keys besides the (flattened) meta.
_EXPORT_KEYS = frozenset({"id", "text", "data", "entities", "relations", "Comments", "label"})


def score_for_label(label: str) -> float:
    """A representative certainty score for a label a reviewer chose: the middle of its band."""
    bands = [*LABEL_THRESHOLDS, (0.0, "unknown")]
    upper = 1.0
    for threshold, name in bands:
        if name == label:
            return round((threshold + upper) / 2, 2) if threshold < 1.0 else 1.0
        upper = threshold
    return 0.5


# -- offsets --------------------------------------------------------------------------------


class OffsetMap:
    """Converts between code-point offsets (claimkit) and UTF-16 code-unit offsets (Doccano UI).

    Args:
        text: the document text.
    """

    def __init__(self, text: str) -> None:
        self.length = len(text)
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        # UTF-16 offset of each astral character (where its surrogate pair starts).
        self._astral_units = [i + n for n, i in enumerate(self._astral)]

    def to_units(self, offset: int) -> int:
        """Code points -> UTF-16 code units."""
        return offset + bisect.bisect_left(self._astral, offset)

    def to_codepoints(self, units: int, *, end: bool = False) -> int:
        """UTF-16 code units -> code points. An offset inside a surrogate pair (half an emoji)
        snaps outwards: a start moves before the character, an end after it."""
        before = bisect.bisect_left(self._astral_units, units)
        if before and units == self._astral_units[before - 1] + 1:
            return units - before + (1 if end else 0)
        return units - before


# -- text as Doccano stores it -------------------------------------------------------------------


def stored_text(text: str) -> tuple[str, str, str]:
    """``(head, body, tail)``: ``body`` is what Doccano stores for ``text`` (``str.strip``, as
    Django REST framework's ``CharField`` does); ``head + body + tail == text``."""
    body = text.strip()
    if not body:
        return "", text, ""
    lead = len(text) - len(text.lstrip())
    return text[:lead], body, text[lead + len(body) :]


def trim_of(meta: dict[str, Any] | None) -> tuple[str, str]:
    """The ``(head, tail)`` claimkit recorded in meta ``claimkit.trim`` (empty when none)."""
    trim = (meta or {}).get("trim")
    if isinstance(trim, list) and len(trim) == 2 and all(isinstance(t, str) for t in trim):
        return trim[0], trim[1]
    return "", ""


def original_text(stored: str, meta: dict[str, Any] | None) -> tuple[str, int]:
    """The original text of an example (stored text plus the recorded head and tail) and the
    length of the head (what every stored offset is shifted by)."""
    head, tail = trim_of(meta)
    return head + stored + tail, len(head)


# -- push: statements -> draft example ----------------------------------------------------------


SpanKey = tuple[str, int, int]  # (label, start, end) in code points


@dataclass
class ExampleDraft:
    """What one document becomes in Doccano, before any HTTP.

    Attributes:
        text: the text as Doccano stores it (the original minus leading and trailing
            whitespace, see :func:`stored_text`).
        meta: example meta (doc_id, sha256, title, ``claimkit``).
        spans: unique span keys (label, start, end) in code points of the original text.
        relations: (type, from key, to key).
        lead: characters stripped from the start of the original (offsets shift by this).
    """

    text: str
    meta: dict[str, Any]
    spans: list[SpanKey] = field(default_factory=list)
    relations: list[tuple[str, SpanKey, SpanKey]] = field(default_factory=list)
    lead: int = 0

    def units(self, key: SpanKey, omap: OffsetMap | None = None) -> tuple[int, int]:
        """Offsets of a span in UTF-16 code units of the stored text, as sent to Doccano."""
        omap = omap or OffsetMap(self.text)
        return omap.to_units(key[1] - self.lead), omap.to_units(key[2] - self.lead)


def json_copy(value: Any) -> Any:
    """A deep copy of JSON-shaped data (dicts, lists, scalars): several times faster than
    :func:`copy.deepcopy`, which matters for thousands of statements per push."""
    if isinstance(value, dict):
        return {k: json_copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [json_copy(v) for v in value]
    return value


def _without(item: Any, *keys: str) -> Any:
    return {k: v for k, v in item.items() if k not in keys} if isinstance(item, dict) else item


def _hidden(statement: dict[str, Any]) -> dict[str, Any]:
    """The statement minus what Doccano shows as text (the rest rides in meta). Nested values
    it does not change are shared with ``statement``, not copied (nothing changes them later)."""
    hidden = _without(statement, "text", "doc_id")
    speaker = hidden.get("speaker")
    if isinstance(speaker, dict) and speaker.get("start") is not None:
        hidden["speaker"] = _without(speaker, "mention")  # the span shows it; one without offsets stays
    if isinstance(hidden.get("cue"), dict):
        hidden["cue"] = _without(hidden["cue"], "text")
    certainty = hidden.get("certainty")
    if isinstance(certainty, dict) and isinstance(certainty.get("cues"), list):
        hidden["certainty"] = {**certainty, "cues": [_without(cue, "text") for cue in certainty["cues"]]}
    return hidden


def statements_to_example(
    document: dict[str, Any], text: str, statements: Sequence[dict[str, Any]], version: str
) -> ExampleDraft:
    """Build the Doccano example for one document and its statements.

    Args:
        document: the document record (documents.jsonl line).
        text: the original text whose sha256 the record names.
        statements: that document's statement records.
        version: claimkit version, recorded in meta.
    """
    spans: dict[SpanKey, None] = {}
    relations: dict[tuple[str, SpanKey, SpanKey], None] = {}

    def span(label: str, start: int, end: int) -> SpanKey:
        key = (label, start, end)
        spans.setdefault(key)
        return key

    for st in statements:
        head = span(st["kind"], st["start"], st["end"])
        label, cues = st["certainty"]["label"], st["certainty"].get("cues", [])
        for cc in cues:  # the certainty label sits on each cue that decided it
            relations.setdefault((REL_CERTAINTY, head, span(label, cc["start"], cc["end"])))
        if not cues and label != "certain":  # no cue to carry it: over the statement (rare)
            relations.setdefault((REL_CERTAINTY, head, span(label, st["start"], st["end"])))
        speaker = st.get("speaker")
        if speaker and speaker.get("start") is not None and speaker.get("end") is not None:
            to = span(SPEAKER_PREFIX + speaker["type"], speaker["start"], speaker["end"])
            relations.setdefault((REL_SPEAKER, head, to))
            found = name_span(text, speaker)
            if found:
                relations.setdefault((REL_NAME, to, span(NAME_LABEL, *found)))
        cue = st.get("cue")
        if cue:
            relations.setdefault((REL_CUE, head, span(CUE_LABEL, cue["start"], cue["end"])))
    meta = {
        "doc_id": document["doc_id"],
        "sha256": document["sha256"],
        "title": document.get("title"),
        META_KEY: {
            "version": version,
            "offsets": UNIT_UTF16,
            "mapping": MAPPING,
            "publisher": document.get("publisher"),
            "statements": [_hidden(st) for st in statements],
        },
    }
    head, body, tail = stored_text(text)
    if head or tail:
        meta[META_KEY]["trim"] = [head, tail]
    draft = ExampleDraft(text=body, meta=meta, spans=list(spans), relations=list(relations), lead=len(head))
    meta[META_KEY]["fingerprint"] = fingerprint(draft.spans, draft.relations)
    return draft


def name_span(text: str, speaker: dict[str, Any]) -> tuple[int, int] | None:
    """Where the speaker's resolved name is written in the text, when it differs from the
    mention ("he" -> "Kim Jong Un"): the last occurrence before the mention, else the first one.
    None when the name is the mention or is not in the text."""
    name, start = speaker.get("name"), speaker.get("start")
    if not name or start is None or name.casefold() == text[start : speaker["end"]].casefold():
        return None
    found = _whole_words(text, name)
    if not found:
        return None
    before = [at for at in found if at < start]
    at = before[-1] if before else found[0]
    return at, at + len(name)


def _whole_words(text: str, word: str) -> list[int]:
    r"""Starts of the non-overlapping occurrences of ``word`` not inside a longer word (what
    ``re.finditer(r"(?<!\w)word(?!\w)")`` finds; ``str.find`` is much faster on long texts)."""
    found, at = [], text.find(word)
    while at >= 0:
        end = at + len(word)
        before = text[at - 1] if at else ""
        after = text[end] if end < len(text) else ""
        if not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_"):
            found.append(at)
            at = text.find(word, end)
        else:
            at = text.find(word, at + 1)
    return found


def fingerprint(spans: Iterable[SpanKey], relations: Iterable[tuple[str, SpanKey, SpanKey]]) -> str:
    """A digest of annotations (order-free, duplicates counted): tells a reviewer's edit apart."""
    body = json.dumps([sorted(spans), sorted(relations)], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:32]


# -- pull: Doccano annotations -> statements -------------------------------------------------------


@dataclass
class Annotations:
    """Spans and relations of one example in code points, keyed by Doccano's span ids."""

    spans: dict[int, SpanKey]
    relations: list[tuple[str, int, int]]

    @classmethod
    def from_export(cls, line: dict[str, Any], text: str | None = None) -> Annotations:
        """From a JSONL export line (``entities``/``relations``); ``text`` is the stored text
        (default ``line["text"]``). Offsets come out in code points of the original text."""
        meta = line.get(META_KEY) if isinstance(line.get(META_KEY), dict) else {}
        return cls.build(
            ((e["id"], e["label"], e["start_offset"], e["end_offset"]) for e in line.get("entities", [])),
            ((r["type"], r["from_id"], r["to_id"]) for r in line.get("relations", [])),
            line.get("text", "") if text is None else text,
            meta.get("offsets", UNIT_UTF16),
            len(trim_of(meta)[0]),
        )

    @classmethod
    def build(
        cls,
        spans: Iterable[tuple[int, str, int, int]],
        relations: Iterable[tuple[str, int, int]],
        text: str,
        unit: str = UNIT_UTF16,
        lead: int = 0,
    ) -> Annotations:
        """``text`` is the stored text; ``lead`` the length of the stripped head (added back)."""
        omap = OffsetMap(text) if unit == UNIT_UTF16 else None
        out: dict[int, SpanKey] = {}
        for sid, label, start, end in spans:
            if omap is not None:
                start, end = omap.to_codepoints(start), omap.to_codepoints(end, end=True)
            out[sid] = (label, start + lead, end + lead)
        return cls(out, list(relations))

    def keys(self) -> tuple[list[SpanKey], list[tuple[str, SpanKey, SpanKey]]]:
        """Span keys and relations by key (what :func:`fingerprint` digests)."""
        rels = [(t, self.spans[a], self.spans[b]) for t, a, b in self.relations if a in self.spans and b in self.spans]
        return list(self.spans.values()), rels

    def fingerprint(self) -> str:
        return fingerprint(*self.keys())


def _by_offsets(items: Iterable[dict[str, Any] | None]) -> dict[tuple[int, int], dict[str, Any]]:
    return {(i["start"], i["end"]): i for i in items if i and i.get("start") is not None}


def _next_ids(doc_id: str, taken: Iterable[str]) -> Iterable[str]:
    numbers = [int(t.rsplit(":", 1)[1]) for t in taken if t.rsplit(":", 1)[-1].isdigit()]
    n = max(numbers, default=0)
    while True:
        n += 1
        yield f"{doc_id}:{n}"


def annotations_to_statements(
    text: str, doc_id: str, annotations: Annotations, meta: dict[str, Any] | None
) -> list[dict[str, Any]]:
    """Rebuild statement records from an example's spans and relations plus claimkit's meta.

    Fields shown in Doccano (kind, statement offsets, speaker mention and type, cue, certainty
    label and cues) come from the annotations; the rest comes from meta, matched by offsets.
    Statements a reviewer added get fresh ids after the highest one; unknown fields get the
    defaults documented in docs/doccano.md.

    Raises:
        SchemaError: a span lies outside the text.
    """
    meta = meta or {}
    hidden = meta.get("statements", [])
    pushed: dict[tuple[int, int], list[dict[str, Any]]] = {}
    for h in hidden:
        pushed.setdefault((h["start"], h["end"]), []).append(h)
    speakers = _by_offsets(h.get("speaker") for h in hidden)
    cues = _by_offsets(h.get("cue") for h in hidden)
    ccs = _by_offsets(c for h in hidden for c in h.get("certainty", {}).get("cues", []))
    publisher = meta.get("publisher")

    for sid, (label, start, end) in annotations.spans.items():
        if not 0 <= start < end <= len(text):
            raise SchemaError(f"{doc_id}: span {sid} ({label}) [{start}, {end}) lies outside the text")
    outgoing: dict[int, list[tuple[str, SpanKey]]] = {}
    names: dict[SpanKey, list[SpanKey]] = {}  # speaker mention -> name spans it refers to
    for rtype, a, b in annotations.relations:
        if b in annotations.spans:
            outgoing.setdefault(a, []).append((rtype, annotations.spans[b]))
            if rtype == REL_NAME and a in annotations.spans and annotations.spans[b][0] == NAME_LABEL:
                names.setdefault(annotations.spans[a], []).append(annotations.spans[b])
    mapping = int(meta.get("mapping") or 1)

    heads = sorted(
        ((sid, key) for sid, key in annotations.spans.items() if key[0] in KINDS), key=lambda s: (s[1][1], s[1][2])
    )
    new_ids = _next_ids(doc_id, (h["id"] for h in hidden))
    records = []
    for sid, (kind, start, end) in heads:
        candidates = pushed.get((start, end))
        base = candidates.pop(0) if candidates else None
        rels = outgoing.get(sid, [])

        def targets(rtype: str, labels: Sequence[str], rels: list[tuple[str, SpanKey]] = rels) -> list[SpanKey]:
            return sorted((k for t, k in rels if t == rtype and k[0] in labels), key=lambda k: (k[1], k[2]))

        speaker_keys = targets(REL_SPEAKER, SPEAKER_LABELS)
        cue_keys = targets(REL_CUE, (CUE_LABEL,))
        label_keys = targets(REL_CERTAINTY, CERTAINTY_LABELS)
        cc_keys = targets(REL_CERTAINTY_CUE, (CERTAINTY_CUE_LABEL,))

        old_speaker = base.get("speaker") if base else None
        speaker = _speaker(text, speaker_keys, speakers, old_speaker)
        named_at: tuple[int, int] | None = None
        if speaker and speaker_keys:
            linked = sorted(names.get(speaker_keys[0], []), key=lambda k: (k[1], k[2]))
            if linked:
                named_at = (linked[0][1], linked[0][2])
                speaker["name"] = text[named_at[0] : named_at[1]]
            elif mapping >= 2 and name_span(text, speaker):
                # The pushed link to the name was removed: the mention is the name.
                speaker["name"] = speaker["mention"]
        cue = None
        if cue_keys:
            _, cs, ce = cue_keys[0]
            known = cues.get((cs, ce), {})
            cue = _merge(
                {"text": text[cs:ce], "start": cs, "end": ce, "lemma": text[cs:ce].lower()}, known, keep=("lemma",)
            )
        old_cert = base["certainty"] if base else {"label": "certain", "score": 1.0, "cues": []}
        if label_keys:  # the least certain label a reviewer left on the statement or its cues
            label = max((k[0] for k in label_keys), key=CERTAINTY_LABELS.index)
        else:
            label = "certain" if mapping >= 2 or not base else old_cert["label"]
        score = old_cert["score"] if label == old_cert["label"] else score_for_label(label)
        # Mapping 2: a certainty label on other characters than the statement's marks a cue.
        cue_spans = [k for k in label_keys if (k[1], k[2]) != (start, end)] + cc_keys
        cert_cues = []
        for cs, ce in sorted({(k[1], k[2]) for k in cue_spans}):
            known = ccs.get((cs, ce), {"type": DEFAULT_CERTAINTY_CUE_TYPE, "holder": "author"})
            cert_cues.append(_merge({"text": text[cs:ce], "start": cs, "end": ce}, known))
        record = json_copy(base) if base else {"id": next(new_ids), "quote": "indirect" if speaker else "none"}
        record.update(
            doc_id=doc_id,
            kind=kind,
            text=text[start:end],
            start=start,
            end=end,
            speaker=speaker,
            cue=cue,
            certainty={**old_cert, "label": label, "score": score, "cues": cert_cues},
        )
        record["source"] = _source(base, old_speaker, speaker, publisher)
        src = record["source"]
        changed = old_speaker and speaker and speaker["name"] != old_speaker.get("name")
        if src and changed and src.get("name") == old_speaker.get("name"):
            # The source was the speaker, whose name changed: it follows (to the name's offsets).
            record["source"] = {**src, "name": speaker["name"]}
            if named_at and src.get("start") is not None:
                record["source"].update(start=named_at[0], end=named_at[1])
        records.append(_ordered(record))
    return records


def _speaker(
    text: str,
    keys: list[SpanKey],
    known: dict[tuple[int, int], dict[str, Any]],
    old: dict[str, Any] | None,
) -> dict[str, Any] | None:
    if not keys:
        # A speaker resolved without a mention in the text cannot be a span: keep it from meta.
        return json_copy(old) if old and old.get("start") is None else None
    label, start, end = keys[0]
    info = known.get((start, end), {})
    mention = text[start:end]
    speaker = {
        "name": mention,
        "mention": mention,
        "start": start,
        "end": end,
        "type": label[len(SPEAKER_PREFIX) :],
        "description": None,
    }
    return _merge(speaker, info, keep=("name", "description"))


def _merge(shown: dict[str, Any], known: dict[str, Any], keep: Sequence[str] = ()) -> dict[str, Any]:
    """``shown`` (from the annotations) plus what meta ``known`` adds: its other fields, and the
    ``keep`` fields Doccano cannot show (a resolved name, a lemma)."""
    out = dict(shown)
    for key, value in known.items():
        if key not in out or (key in keep and value is not None):
            out[key] = value
    return out


def _source(
    base: dict[str, Any] | None,
    old_speaker: dict[str, Any] | None,
    speaker: dict[str, Any] | None,
    publisher: str | None,
) -> dict[str, Any] | None:
    """Source from meta; when the reviewer moved the speaker it followed, it follows along."""
    old = base.get("source") if base else None
    same = (
        old_speaker
        and speaker
        and (old_speaker.get("start"), old_speaker.get("end"))
        == (
            speaker["start"],
            speaker["end"],
        )
    )
    if base and (same or (old_speaker is None and speaker is None)):
        return old
    if speaker is None:
        if old and old_speaker and old.get("name") != old_speaker.get("name"):
            return old
        return {"name": publisher, "type": "publication", "start": None, "end": None} if publisher else None
    if old and old_speaker and old.get("name") != old_speaker.get("name"):
        return old  # the source was not the speaker (e.g. a document); keep it
    stype = old["type"] if old and old.get("type") != "publication" else None
    stype = stype or ("anonymous" if speaker["type"] == "anonymous" else "named")
    return {"name": speaker["name"], "type": stype, "start": speaker["start"], "end": speaker["end"]}


_FIELD_ORDER = ("id", "doc_id", "kind", "text", "start", "end", "speaker", "cue", "quote", "source", "certainty")


def _ordered(record: dict[str, Any]) -> dict[str, Any]:
    out = {k: record[k] for k in _FIELD_ORDER if k in record}
    out.update((k, v) for k, v in record.items() if k not in out)
    return out


def export_line_to_statements(line: str | dict[str, Any]) -> list[dict[str, Any]]:
    """Turn one line of a Doccano JSONL export (sequence labelling with relations) into
    statement records. This is the converter ``claimkit eval --format doccano`` uses.

    Works for examples pushed by claimkit (meta ``claimkit`` restores hidden fields and tells
    the offset unit) and for foreign projects annotated in the UI with the same labels
    (offsets then taken as UTF-16 code units, as the UI counts them).

    Raises:
        SchemaError: the line is not a JSON object with ``text``, or a span is out of range.
    """
    obj = json.loads(line) if isinstance(line, str) else line
    if not isinstance(obj, dict):
        raise SchemaError("Doccano export line is not a JSON object")
    text = obj.get("text", obj.get("data"))
    if not isinstance(text, str):
        raise SchemaError(f"Doccano export line {obj.get('id')!r} has no 'text'")
    doc_id = str(obj.get("doc_id") or obj.get("id"))
    meta = obj.get(META_KEY) if isinstance(obj.get(META_KEY), dict) else None
    original, _ = original_text(text, meta)
    return annotations_to_statements(original, doc_id, Annotations.from_export(obj, text), meta)


def export_meta(line: dict[str, Any]) -> dict[str, Any]:
    """The example meta of an export line (Doccano flattens it to the top level)."""
    return {k: v for k, v in line.items() if k not in _EXPORT_KEYS}


def import_line(draft: ExampleDraft, meta: dict[str, Any]) -> dict[str, Any]:
    """One line of Doccano's relation-extraction JSONL import for a draft: ``text``,
    ``entities`` (ids local to the line, offsets in UTF-16 units of the stored text),
    ``relations`` by those ids, and the example meta as top-level keys (Doccano's importer
    turns every other column into meta)."""
    omap = OffsetMap(draft.text)
    ids = {key: n for n, key in enumerate(draft.spans, 1)}
    entities = []
    for key, n in ids.items():
        start, end = draft.units(key, omap)
        entities.append({"id": n, "start_offset": start, "end_offset": end, "label": key[0]})
    relations = [
        {"id": n, "from_id": ids[a], "to_id": ids[b], "type": rtype}
        for n, (rtype, a, b) in enumerate(draft.relations, 1)
    ]
    reserved = {"text", "entities", "relations", "label"} & meta.keys()
    if reserved:
        raise SchemaError(f"example meta may not use the import's column names: {', '.join(sorted(reserved))}")
    return {"text": draft.text, "entities": entities, "relations": relations, **meta}
