"""stanza ``Document``s -> one spaCy ``Doc`` over the original text.

Every stanza word becomes a spaCy token whose ``idx`` is the word's character offset in the
text; white space between words becomes ``whitespace_`` (one space) or a ``SPACE`` token
(anything else), so ``doc.text`` is the input exactly. The trees are reshaped by
:mod:`claimkit.stanza_backend.ud`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from ..errors import ModelError
from .ud import Unit, label, restructure

if TYPE_CHECKING:  # pragma: no cover - typing only
    import stanza


def _align(text: str, form: str, pos: int) -> tuple[int, int]:
    """Offsets of ``form`` in ``text`` at or after ``pos``, with only white space skipped."""
    idx = text.find(form, pos)
    if idx < 0 or text[pos:idx].strip():
        raise ModelError(f"stanza token {form!r} does not match the text at offset {pos}")
    return idx, idx + len(form)


def _token_span(text: str, token: Any, offset: int, pos: int) -> tuple[int, int]:
    """The character span of a stanza token in ``text`` (its own offsets, else aligned)."""
    if token.start_char is not None and token.end_char is not None:
        start, end = token.start_char + offset, token.end_char + offset
        if end > start >= pos and end <= len(text):
            return start, end
    return _align(text, token.text, pos)


def _units(text: str, pieces: Iterable[tuple[int, stanza.Document]]) -> tuple[list[Unit], dict[tuple[int, int], int]]:
    """Word units in text order, and a map (sentence, word id) -> unit index.

    A multi-word token whose words spell its surface text ("cannot" -> can + not) is split
    along them; otherwise ("del" -> de + el) it stays one token carried by its syntactic head.
    """
    units: list[Unit] = []
    index: dict[tuple[int, int], int] = {}
    pos, sent_no = 0, 0
    for offset, sdoc in pieces:
        for sentence in sdoc.sentences:
            for token in sentence.tokens:
                start, end = _token_span(text, token, offset, pos)
                words = token.words
                surface = text[start:end]
                if len(words) > 1 and "".join(w.text for w in words) == surface:
                    for word in words:
                        index[sent_no, word.id] = len(units)
                        units.append(Unit(start, start + len(word.text), word, sent_no))
                        start += len(word.text)
                else:
                    ids = {w.id for w in words}
                    carrier = next((w for w in words if w.head not in ids), words[0])
                    for word in words:
                        index[sent_no, word.id] = len(units)
                    units.append(Unit(start, end, carrier, sent_no))
                pos = end
            sent_no += 1
    return units, index


def _with_gaps(text: str, units: list[Unit]) -> tuple[list[Unit], list[bool]]:
    """Insert white-space units between words as spaCy's tokenizer would; return units and spaces.

    One plain space after a word is its ``whitespace_``; any other gap becomes a token of its own.
    """
    out: list[Unit] = []
    spaces: list[bool] = []
    pos = 0
    for unit in [*units, Unit(len(text), len(text))]:
        gap_start = pos
        if out and text.startswith(" ", pos) and pos < unit.start:
            spaces[-1] = True
            gap_start += 1
        if gap_start < unit.start:
            out.append(Unit(gap_start, unit.start))
            spaces.append(False)
        if unit.word is not None:
            out.append(unit)
            spaces.append(False)
        pos = unit.end
    return out, spaces


def _resolve_heads(units: list[Unit], index: dict[tuple[int, int], int]) -> None:
    """Set each word unit's head (unit index) and UD relation from its stanza word."""
    for i, unit in enumerate(units):
        if unit.word is None:
            continue
        word = unit.word
        unit.dep = word.deprel or "dep"
        head = index.get((unit.sent, word.head)) if word.head else None
        unit.head = head if head != i else None
        if unit.head is None:
            unit.dep = "root"


def to_spacy(vocab: Vocab, text: str, pieces: Iterable[tuple[int, stanza.Document]]) -> Doc:
    """Build one spaCy ``Doc`` over ``text`` from stanza documents of parts of it.

    Args:
        vocab: the vocabulary of the spaCy ``Language`` the doc belongs to.
        text: the original text; ``doc.text`` equals it and token offsets index into it.
        pieces: ``(offset, document)`` pairs in text order; each document's character
            offsets are relative to ``offset`` (a document without offsets, e.g. read from
            CoNLL-U, is aligned on its token forms).

    Returns:
        A parsed ``Doc`` with spaCy English dependency labels, UPOS as ``pos_``, XPOS as
        ``tag_``, lemmas, morphology, sentence boundaries from the trees, and entities.

    Raises:
        ModelError: when stanza's tokens cannot be laid over the text.
    """
    pieces = list(pieces)
    words, index = _units(text, pieces)
    _resolve_heads(words, index)
    restructure(words)
    units, spaces = _with_gaps(text, words)
    position = {id(u): i for i, u in enumerate(units)}
    heads = [position[id(words[u.head])] if u.head is not None else None for u in units]
    _gap_heads(units, heads)
    doc = Doc(
        vocab,
        words=[text[u.start : u.end] for u in units],
        spaces=spaces,
        pos=[(u.word.upos or "X") if u.word else "SPACE" for u in units],
        tags=[(u.word.xpos or u.word.upos or "") if u.word else "_SP" for u in units],
        lemmas=[(u.word.lemma or text[u.start : u.end]) if u.word else text[u.start : u.end] for u in units],
        morphs=[_feats(u.word.feats) if u.word else "" for u in units],
        heads=[i if h is None else h for i, h in enumerate(heads)],
        deps=[label(u.dep) if u.word else "dep" for u in units],
    )
    doc.ents = filter_spans(_entities(doc, pieces))
    return doc


def _gap_heads(units: list[Unit], heads: list[int | None]) -> None:
    """Heads for white-space tokens: the word before them, or the first word of the text."""
    first_word = next((i for i, u in enumerate(units) if u.word is not None), None)
    last_word: int | None = None
    for i, unit in enumerate(units):
        if unit.word is not None:
            last_word = i
        else:
            heads[i] = last_word if last_word is not None else first_word


def _feats(feats: str | None) -> str:
    return "" if not feats or feats == "_" else feats


def _entities(doc: Doc, pieces: Sequence[tuple[int, stanza.Document]]) -> list[Span]:
    spans: list[Span] = []
    for offset, sdoc in pieces:
        for ent in sdoc.ents:
            span = doc.char_span(ent.start_char + offset, ent.end_char + offset, ent.type, alignment_mode="expand")
            if span is not None:
                spans.append(span)
    return spans
