"""Statement candidates: body sentences, split where one sentence carries two quotations.

A candidate is a trimmed character span of the original text. Candidates never overlap,
are never empty and never fall in a boilerplate region.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from spacy.tokens import Doc

from .clean import Cleaned
from .quotes import QuoteSpan, find_quotes, top_level

_TRIM = " \t\r\n\u00a0\u200b"
_MIN_ALNUM = 2


@dataclass
class Candidate:
    """A statement candidate.

    Attributes:
        start, end: character offsets of the statement text.
        sent_start, sent_end: offsets of the sentence (or sentence group) it came from.
        quotes: every quotation (any depth) that overlaps the candidate.
    """

    start: int
    end: int
    sent_start: int
    sent_end: int
    quotes: list[QuoteSpan] = field(default_factory=list)

    @property
    def direct_quotes(self) -> list[QuoteSpan]:
        return top_level(self.quotes)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` so that it neither starts nor ends with white space."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _is_content(text: str) -> bool:
    return sum(ch.isalnum() for ch in text) >= _MIN_ALNUM


def merge_quote_sentences(spans: list[tuple[int, int]], quotes: list[QuoteSpan]) -> list[tuple[int, int]]:
    """Join sentences that the parser split inside one closed quotation.

    ``“We will win. We always do,” she said.`` is one statement, not two.
    """
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and any(q.closed and q.start < s < q.end - 1 and q.start >= merged[-1][0] for q in top_level(quotes)):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def split_at_quotes(text: str, start: int, end: int, quotes: list[QuoteSpan]) -> list[tuple[int, int]]:
    """Split a sentence before each further direct quotation that starts a new utterance.

    ``“A,” he said, adding, “B.”`` gives ``“A,” he said,`` and ``adding, “B.”``; a quotation
    that continues the previous one (its first letter is lower case, as in
    ``“The economy,” she said, “is strong.”``) does not split. The frame between the two
    quotations goes with the second when it holds a reporting word after a comma
    (``adding,``), else with the first.
    """
    inside = [q for q in top_level(quotes) if start <= q.start and q.end <= end]
    cuts: list[int] = []
    for prev, cur in itertools.pairwise(inside):
        body = text[cur.content_start : cur.content_end].lstrip(" ‘'\"")
        if not body or body[0].islower() or not prev.closed:
            continue
        gap = text[prev.end : cur.start]
        # cut after the last comma/full stop of the gap that is followed by more words,
        # so that "he said, adding," keeps "he said," with the first quote
        cut = cur.start
        for mark in (". ", ", "):
            pos = gap.find(mark)
            if pos != -1 and _is_content(gap[pos + 2 :]):
                cut = prev.end + pos + 2
                break
        cuts.append(cut)
    pieces, s = [], start
    for cut in cuts:
        pieces.append((s, cut))
        s = cut
    pieces.append((s, end))
    return pieces


def segment(doc: Doc, cleaned: Cleaned) -> list[Candidate]:
    """Statement candidates of a parsed document, in text order."""
    text = doc.text
    quotes = find_quotes(text)
    sents = []
    for sent in doc.sents:
        s, e = trim(text, sent.start_char, sent.end_char)
        if e > s:
            sents.append((s, e))
    candidates: list[Candidate] = []
    for s_start, s_end in merge_quote_sentences(sents, quotes):
        if cleaned.is_excluded(s_start, s_end):
            continue
        for p_start, p_end in split_at_quotes(text, s_start, s_end, quotes):
            c_start, c_end = trim(text, p_start, p_end)
            if c_end <= c_start or not _is_content(text[c_start:c_end]) or cleaned.is_excluded(c_start, c_end):
                continue
            overlapping = [q for q in quotes if q.start < c_end and c_start < q.end]
            candidates.append(Candidate(c_start, c_end, s_start, s_end, overlapping))
    return candidates
