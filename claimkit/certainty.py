"""Certainty: find the cues in a statement, give each a type and a holder, and score it."""

from __future__ import annotations

from spacy.tokens import Doc

from .attribution import Attribution
from .data import certainty as lex
from .records import Certainty, CertaintyCue
from .segment import Candidate


def label_for(score: float) -> str:
    """certain >= 0.85 > probable >= 0.6 > possible >= 0.3 > unknown."""
    if score >= 0.85:
        return "certain"
    if score >= 0.6:
        return "probable"
    if score >= 0.3:
        return "possible"
    return "unknown"


def find_cues(doc: Doc, cand: Candidate) -> list[CertaintyCue]:
    """Certainty cues inside the candidate, in text order, never overlapping."""
    text = doc.text
    lower = text[cand.start : cand.end].lower()
    cues: list[CertaintyCue] = []
    taken: list[tuple[int, int]] = []
    for ctype, phrases in lex.CUE_PHRASES.items():
        for phrase in phrases:
            pos = lower.find(phrase)
            while pos != -1:
                s, e = cand.start + pos, cand.start + pos + len(phrase)
                if not any(s < te and ts < e for ts, te in taken):
                    cues.append(CertaintyCue(text[s:e], s, e, ctype))
                    taken.append((s, e))
                pos = lower.find(phrase, pos + 1)
    span = doc.char_span(cand.start, cand.end, alignment_mode="contract")
    for tok in span or []:
        s, e = tok.idx, tok.idx + len(tok.text)
        if any(s < te and ts < e for ts, te in taken):
            continue
        for ctype, words in lex.CUE_WORDS.items():
            if tok.lower_ in words or tok.lemma_.lower() in words:
                if ctype == "modal" and tok.tag_ != "MD":
                    continue
                cues.append(CertaintyCue(tok.text, s, e, ctype))
                taken.append((s, e))
                break
    if text[cand.start : cand.end].rstrip(" ”\"’'").endswith("?"):
        q = text.rfind("?", cand.start, cand.end)
        cues.append(CertaintyCue("?", q, q + 1, "question"))
    for cue in cues:
        cue.holder = "speaker" if any(qt.start < cue.start < qt.end for qt in cand.direct_quotes) else "author"
    cues.sort(key=lambda c: c.start)
    return cues


def assess(doc: Doc, cand: Candidate, attribution: Attribution) -> Certainty:
    """Score a candidate from its cues; the label follows from the score."""
    cues = find_cues(doc, cand)
    score = 1.0
    for cue in cues:
        score += lex.CUE_WEIGHTS.get(cue.type, 0.0)
    score = round(min(1.0, max(0.0, score)), 3)
    return Certainty(label_for(score), score, cues)  # type: ignore[arg-type]
