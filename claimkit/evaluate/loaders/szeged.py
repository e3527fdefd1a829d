"""Szeged Uncertainty Corpus XML (BioScope DTD): ``<Sentence>`` elements with ``<ccue>`` cues.

One :class:`GoldDoc` per ``<Document>``: its parts (title, text) are joined by a blank line
and the sentences of a part by one space, with sentence and cue offsets recorded. A sentence
is ``uncertain`` iff it contains a ``<ccue>``. The split key is the ``DocID``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from ...errors import GoldFormatError
from ...records import Document
from ..gold import GoldDoc, GoldSentence, GoldSet


def _sentence(el: ET.Element, offset: int, where: str) -> tuple[str, GoldSentence]:
    """Text of one ``<Sentence>`` element and its gold record at ``offset``."""
    parts = [el.text or ""]
    cues, types = [], []
    pos = offset + len(parts[0])
    for child in el:
        if child.tag not in ("ccue", "cue", "xcope"):
            raise GoldFormatError(f"{where}: unknown element <{child.tag}> in sentence {el.get('id')!r}")
        inner = "".join(child.itertext())
        if child.tag != "xcope":
            cues.append((pos, pos + len(inner)))
            types.append((child.get("type") or "").strip())
        parts.append(inner)
        pos += len(inner)
        parts.append(child.tail or "")
        pos += len(child.tail or "")
    text = "".join(parts)
    label = "uncertain" if cues else "certain"
    return text, GoldSentence(offset, offset + len(text), label, cues, types)


def the_file(path: Path, suffix: str) -> Path:
    """``path``, or the one ``*suffix`` file in the directory ``path`` (else a clear error)."""
    if not path.is_dir():
        return path
    found = sorted(path.glob(f"*{suffix}"))
    if len(found) != 1:
        raise GoldFormatError(f"{path}: expected one {suffix} file, found {len(found)}; name the file")
    return found[0]


def load(path: Path) -> GoldSet:
    """Load a Szeged Uncertainty XML file."""
    path = the_file(path, ".xml")
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise GoldFormatError(f"{path}:{exc.position[0]}: not well-formed XML ({exc})") from None
    except OSError as exc:
        raise GoldFormatError(f"{path}: cannot read ({exc.strerror})") from None
    docs: list[GoldDoc] = []
    seen: set[str] = set()
    for n, doc_el in enumerate(root.iter("Document"), 1):
        where = f"{path}: document {n}"
        doc_id = (doc_el.findtext("DocID") or "").strip() or f"{path.stem}-{n}"
        while doc_id in seen:
            doc_id += "#"
        seen.add(doc_id)
        chunks: list[str] = []
        sentences: list[GoldSentence] = []
        offset = 0
        for part in doc_el.iter("DocumentPart"):
            if chunks:
                chunks.append("\n\n")
                offset += 2
            for i, sent_el in enumerate(el for el in part if el.tag.lower() == "sentence"):
                if i:
                    chunks.append(" ")
                    offset += 1
                text, sentence = _sentence(sent_el, offset, where)
                chunks.append(text)
                sentences.append(sentence)
                offset += len(text)
        if not sentences:
            continue
        document = Document(doc_id=doc_id, text="".join(chunks), path=f"{path}#{doc_id}")
        docs.append(GoldDoc(document=document, key=doc_id, sentences=sentences))
    if not docs:
        raise GoldFormatError(f"{path}:1: no <Document> with <Sentence> elements (is this Szeged XML?)")
    return GoldSet(format="szeged", path=str(path), tasks=("certainty",), docs=docs)
