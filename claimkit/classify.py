"""Kind: fact, opinion or speculation, from attribution and certainty."""

from __future__ import annotations

from spacy.tokens import Doc

from .attribution import Attribution
from .data import reporting as lex
from .records import Certainty, Kind
from .segment import Candidate

_SPECULATIVE_CUES = {"modal", "speculative", "negated_certainty", "conditional", "question", "prediction"}
_OPINION_CUES = {"doxastic"}


def classify(doc: Doc, cand: Candidate, attribution: Attribution, certainty: Certainty) -> Kind:
    """Speculation when uncertain or predicted, opinion for beliefs and evaluations, else fact."""
    types = {c.type for c in certainty.cues}
    cue_lemma = attribution.cue.lemma if attribution.cue else ""
    if cue_lemma in lex.SPECULATION_VERBS or (types & _SPECULATIVE_CUES and certainty.label != "certain"):
        return "speculation"
    if cue_lemma in lex.OPINION_VERBS or types & _OPINION_CUES:
        return "opinion"
    return "fact"
