"""Statement candidates: body sentences, split where one sentence carries two quotations.

A candidate is a trimmed character span of the original text. Candidates never overlap,
are never empty and never fall in a boilerplate region.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy
from spacy.tokens import Doc, Token

from .clean import Cleaned, capitalised
from .data.boilerplate import CLOCK_END_RE, LEADING_BULLET_RE
from .data.reporting import (
    ATTITUDE_VERBS,
    CONCESSIVE_MARKS,
    CONTRAST_CONJUNCTIONS,
    DASH_CREDIT_RE,
    QUOTED_TITLE_LEADS,
    REPORTING_VERBS,
)
from .quotes import QuoteIndex, QuoteSpan, find_quotes, top_level

_TRIM = " \t\r\n\u00a0\u200b"
_TWO_ALNUM = re.compile(r"[^\W_].*?[^\W_]", re.DOTALL)
_TEXT_KEY = "claimkit.text"
_CONTINUATIONS = frozenset(["and", "then", "before", "while"])
# a trailing piece of at most this many words that only carries a frame ("He predicted.")
_MAX_FRAME_WORDS = 4
# a second reporting verb coordinated with or subordinated to the first ("and accused", ", adding")
_SECOND_CUE_DEPS = frozenset(["conj", "advcl"])
_CONTENT_DEPS = frozenset(["ccomp", "xcomp", "dobj", "dative"])
_CLAUSE_SUBJECTS = frozenset(["nsubj", "nsubjpass", "expl"])
_MIN_PIECE_WORDS = 3
_MAX_TITLE_WORDS = 6  # a quoted title of a show or book is at most this long
_CREDIT = DASH_CREDIT_RE


@dataclass
class Candidate:
    """A statement candidate.

    Attributes:
        start, end: character offsets of the statement text.
        sent_start, sent_end: offsets of the sentence (or sentence group) it came from.
        quotes: every quotation (any depth) that overlaps the candidate.
        headline: the candidate is the article's title, a statement only when someone says it
            ("Trump Says He Will Debate", "Graham: Trump Is Destroying the Party").
    """

    start: int
    end: int
    sent_start: int
    sent_end: int
    quotes: list[QuoteSpan] = field(default_factory=list)
    headline: bool = False

    @property
    def direct_quotes(self) -> list[QuoteSpan]:
        return top_level(self.quotes)


def text_of(doc: Doc) -> str:
    """``doc.text``, built once per Doc: spaCy joins every token again on each access."""
    text = doc.user_data.get(_TEXT_KEY)
    if not isinstance(text, str):
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` so that it neither starts nor ends with white space."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _is_content(text: str) -> bool:
    """At least two letters or digits: not just punctuation or a stray mark."""
    return _TWO_ALNUM.search(text) is not None


def _index(quotes: list[QuoteSpan] | QuoteIndex) -> QuoteIndex:
    return quotes if isinstance(quotes, QuoteIndex) else QuoteIndex(quotes)


def split_at_quote_openings(
    text: str, spans: list[tuple[int, int]], quotes: list[QuoteSpan] | QuoteIndex
) -> list[tuple[int, int]]:
    """Split a sentence where a quotation opens after a full stop the parser did not split at.

    ``Mr. Farid said it could work. ''There is no limitation,'' he said.`` is two sentences.
    """
    openings = _index(quotes).top_starts
    if not openings:
        return spans
    out: list[tuple[int, int]] = []
    for s, e in spans:
        lo, hi = bisect.bisect_right(openings, s), bisect.bisect_left(openings, e)
        start = s
        for at in openings[lo:hi]:
            if text[start:at].rstrip().endswith((".", "!", "?")) and _is_content(text[start:at]):
                out.append(trim(text, start, at))
                start = at
        out.append((start, e))
    return out


def attach_closing_marks(
    text: str, spans: list[tuple[int, int]], quotes: list[QuoteSpan] | QuoteIndex
) -> list[tuple[int, int]]:
    """Give a closing quotation mark that the parser put at the start of the next sentence back
    to the sentence it closes.

    ``"There's little to deter them.`` / ``" Democrats ...`` becomes ``"There's little to
    deter them."`` / ``Democrats ...``; what is left of the next sentence without two letters
    disappears.
    """
    index = _index(quotes)
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out:
            p_start, p_end = out[-1]
            moved = True
            while moved and s < e:
                moved = False
                for q in index.around(s):
                    if q.closed and q.start < p_end and q.end - q.close_width == s and not text[p_end:s].strip():
                        p_end, moved = q.end, True
                        s, e = trim(text, q.end, e)
                        break
            if p_end != out[-1][1]:
                out[-1] = (p_start, p_end)
                if not _is_content(text[s:e]):
                    continue
        out.append((s, e))
    return out


def merge_quote_sentences(spans: list[tuple[int, int]], quotes: list[QuoteSpan] | QuoteIndex) -> list[tuple[int, int]]:
    """Join sentences that the parser split inside one closed quotation.

    ``“We will win. We always do,” she said.`` is one statement, not two.
    """
    index = _index(quotes)
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and any(
            q.closed and q.start < s < q.end - 1 and q.start >= merged[-1][0] for q in index.top_around(s)
        ):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def split_at_quotes(text: str, start: int, end: int, quotes: list[QuoteSpan] | QuoteIndex) -> list[tuple[int, int]]:
    """Split a sentence before each further direct quotation that starts a new utterance.

    ``“A,” he said, adding, “B.”`` gives ``“A,” he said,`` and ``adding, “B.”``; a quotation
    that continues the previous one (its first letter is lower case, as in
    ``“The economy,” she said, “is strong.”``) does not split. The frame between the two
    quotations goes with the second when it holds a reporting word after a comma
    (``adding,``), else with the first.
    """
    inside = _index(quotes).top_within(start, end)
    cuts: list[int] = []
    for prev, cur in itertools.pairwise(inside):
        body = text[cur.content_start : cur.content_end].lstrip(" ‘'\"")
        if not body or body[0].islower() or not prev.closed or is_title(text[prev.end : cur.start], body):
            continue
        gap = text[prev.end : cur.start]
        # cut after the first comma/full stop of the gap that is followed by more words,
        # so that "he said, adding," keeps "he said," with the first quote; a gap that is
        # only a participle frame ("adding,") goes with the second quote
        cut = cur.start
        first_word = gap.strip(_TRIM + ",;").split(" ", 1)[0].lower()
        if first_word.endswith("ing") or first_word in _CONTINUATIONS:
            cut = prev.end
        else:
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


def is_title(before: str, quoted: str) -> bool:
    """A quoted name of a show, book or film ("on Fox News’s “Fox and Friends.”"): after a
    possessive or a word of :data:`QUOTED_TITLE_LEADS`, a few words, at least two besides small
    words ("and", "of"), all capitalised. Not a new utterance."""
    lead = before.split()[-1].lower() if before.split() else ""
    if lead not in QUOTED_TITLE_LEADS and not lead.endswith(("'s", "’s")):
        return False
    words, share = capitalised(quoted)
    return words >= 2 and len(quoted.split()) <= _MAX_TITLE_WORDS and share == 1.0


def _reports(tok: Token) -> bool:
    """A verb of saying or attitude that takes content of its own (a clause or an object)."""
    lemma = tok.lemma_.lower()
    return (
        tok.pos_ == "VERB"
        and (lemma in REPORTING_VERBS or lemma in ATTITUDE_VERBS)
        and any(c.dep_ in _CONTENT_DEPS for c in tok.children)
    )


def _speech(tok: Token) -> bool:
    """A verb of saying or attitude, with or without content of its own ("said as much")."""
    return tok.pos_ == "VERB" and (tok.lemma_.lower() in REPORTING_VERBS or tok.lemma_.lower() in ATTITUDE_VERBS)


def split_at_cues(
    doc: Doc, text: str, start: int, end: int, quotes: list[QuoteSpan] | QuoteIndex
) -> list[tuple[int, int]]:
    """Split a sentence where a second reporting verb of the same speaker brings new content.

    "Carson said he plans a strategy, insisting that leaders are too concerned" gives
    "Carson said he plans a strategy," and "insisting that leaders are too concerned";
    "Farage said X and accused Y of Z" gives two pieces too. Never cuts inside a quotation,
    and never leaves a piece of fewer than :data:`_MIN_PIECE_WORDS` words.
    """
    return _split_where(doc, text, start, end, quotes, _second_cue_cut)


def _second_cue_cut(tok: Token) -> int | None:
    """The start of ``tok``'s clause when it is a second report of its head's speaker."""
    if tok.dep_ not in _SECOND_CUE_DEPS or tok.head.i >= tok.i or not _reports(tok) or not _speech(tok.head):
        return None
    if not _reports(tok.head) and not (tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.lemma_ != "say"):
        # "said as much, arguing that ...": a participle adds a second report; "commented on
        # the visit, saying ..." says what the comment was
        return None
    return int(tok.left_edge.idx)


def _split_where(
    doc: Doc,
    text: str,
    start: int,
    end: int,
    quotes: list[QuoteSpan] | QuoteIndex,
    cut_at: Callable[[Token], int | None],
) -> list[tuple[int, int]]:
    """Cut the sentence ``start:end`` at each offset ``cut_at`` gives for one of its tokens,
    never inside a quotation and never leaving a piece of fewer than :data:`_MIN_PIECE_WORDS`."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) < 2 * _MIN_PIECE_WORDS:
        return [(start, end)]
    index = _index(quotes)
    cuts: list[int] = []
    for tok in span:
        cut = cut_at(tok)
        if cut is None or index.inside(cut) or not start < cut < end:
            continue
        before = len(text[cuts[-1] if cuts else start : cut].split())
        if before >= _MIN_PIECE_WORDS and len(text[cut:end].split()) >= _MIN_PIECE_WORDS:
            cuts.append(cut)
    return list(itertools.pairwise([start, *cuts, end]))


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in _CLAUSE_SUBJECTS for c in verb.children)


def _reports_within(tokens: Iterable[Token]) -> bool:
    return any(_reports(t) for t in tokens)


def _contrast_cut(tok: Token) -> int | None:
    """Where a clause of the author's own stands beside a report: the start of "but ..." in
    "The Tories spent freely, but they still oppose B" (two full clauses of the main sentence
    joined by "but" or "yet", a report in the second only), or the end of a fronted
    concessive "Although X claimed A, B" (a report in the concessive clause only)."""
    head = tok.head
    if head.dep_ != "ROOT":
        return None  # a clause inside a report ("said that A, but that B") stays with it
    if tok.dep_ == "conj" and head.i < tok.i and _has_subject(tok) and _has_subject(head):
        cc = next((c for c in head.children if c.dep_ == "cc" and head.i < c.i < tok.i), None)
        if cc is None or cc.lower_ not in CONTRAST_CONJUNCTIONS:
            return None
        first = [t for t in head.subtree if t.i < cc.i]
        if _reports_within(first) or not _reports_within(tok.subtree):
            return None  # "X said A, but B": B often goes on with what X said
        return cc.idx
    if (
        tok.dep_ == "advcl"
        and tok.i < head.i
        and any(c.dep_ == "mark" and c.lower_ in CONCESSIVE_MARKS for c in tok.children)
    ):
        rest = [t for t in head.subtree if t.i > tok.right_edge.i]
        if not _reports_within(tok.subtree) or _reports_within(rest):
            return None
        after = tok.doc[tok.right_edge.i + 1] if tok.right_edge.i + 1 < len(tok.doc) else None
        if after is None or not after.is_punct:
            return None
        return after.idx + len(after)
    return None


def split_at_contrast(
    doc: Doc, text: str, start: int, end: int, quotes: list[QuoteSpan] | QuoteIndex
) -> list[tuple[int, int]]:
    """Split a sentence where the author's own clause stands beside a reported one (see
    :func:`_contrast_cut`), so the author's clause keeps the author's voice. Never cuts inside
    a quotation, and never leaves a piece of fewer than :data:`_MIN_PIECE_WORDS` words."""
    return _split_where(doc, text, start, end, quotes, _contrast_cut)


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``doc``, trimmed (read from one array, not ``doc.sents``)."""
    if not len(doc):
        return []
    text = text_of(doc)
    starts = [int(i) for i in numpy.flatnonzero(doc.to_array("SENT_START") == 1)]
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    bounds = [doc[i].idx for i in starts] + [len(text)]
    spans = []
    for a, b in itertools.pairwise(bounds):
        s, e = trim(text, a, b)
        if e > s:
            spans.append((s, e))
    return spans


def _is_frame(doc: Doc, text: str, start: int, end: int) -> bool:
    """A short piece with no quotation of its own that only carries a reporting verb (“He predicted.)."""
    words = text[start:end].strip(_TRIM + "“”\"‘’'").split()
    if not 0 < len(words) <= _MAX_FRAME_WORDS:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.pos_ == "VERB" and t.lemma_.lower() in REPORTING_VERBS for t in span)


def _attach_frames(doc: Doc, text: str, candidates: list[Candidate]) -> list[Candidate]:
    """Join a trailing frame such as ``“He predicted.`` or a dash credit (``― Esther Tapia``) to
    the quotation before it in its paragraph."""
    out: list[Candidate] = []
    for cand in candidates:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.direct_quotes
            and "\n" not in text[prev.end : cand.start]
            and not any(q.closed and q.start >= cand.start for q in cand.quotes)
            and (_is_frame(doc, text, cand.start, cand.end) or _CREDIT.match(text, prev.end - 1, cand.end) is not None)
        ):
            quotes = prev.quotes + [q for q in cand.quotes if q not in prev.quotes]
            out[-1] = Candidate(prev.start, cand.end, prev.sent_start, cand.sent_end, quotes)
        else:
            out.append(cand)
    return out


def split_after_clock_times(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Split sentence spans after "a.m."/"p.m." followed by a sentence opener."""
    out = []
    for start, end in spans:
        for m in CLOCK_END_RE.finditer(text, start, end):
            out.append((start, m.end()))
            start = m.end() + len(text[m.end() : end]) - len(text[m.end() : end].lstrip())
        out.append((start, end))
    return out


def _headline(text: str, cleaned: Cleaned, start: int, end: int, quotes: QuoteIndex) -> Candidate | None:
    """The part of a sentence inside the article's title region, as a headline candidate."""
    region = cleaned.region_at(start)
    if region is None or region.type != "title":
        return None
    c_start, c_end = trim(text, start, min(end, region.end))
    if c_end <= c_start or not _is_content(text[c_start:c_end]):
        return None
    return Candidate(c_start, c_end, start, end, quotes.overlapping(c_start, c_end), headline=True)


def segment(doc: Doc, cleaned: Cleaned, headlines: bool = False) -> list[Candidate]:
    """Statement candidates of a parsed document, in text order.

    With ``headlines``, the title is a candidate too (``headline`` set): the pipeline keeps it
    only when attribution finds someone who says it.
    """
    text = text_of(doc)
    quotes = QuoteIndex(find_quotes(text))
    sents = split_after_clock_times(text, sentence_spans(doc))
    candidates: list[Candidate] = []
    for s_start, s_end in merge_quote_sentences(
        attach_closing_marks(text, split_at_quote_openings(text, sents, quotes), quotes), quotes
    ):
        if cleaned.is_excluded(s_start, s_end):
            if headlines and (headline := _headline(text, cleaned, s_start, s_end, quotes)) is not None:
                candidates.append(headline)
            continue
        pieces = [
            cut
            for q_start, q_end in split_at_quotes(text, s_start, s_end, quotes)
            for c_start, c_end in split_at_cues(doc, text, q_start, q_end, quotes)
            for cut in split_at_contrast(doc, text, c_start, c_end, quotes)
        ]
        for p_start, p_end in pieces:
            c_start, c_end = trim(text, *cleaned.clip(p_start, p_end))
            if bullet := LEADING_BULLET_RE.match(text, c_start, c_end):
                c_start = bullet.end()
            if c_end <= c_start or not _is_content(text[c_start:c_end]) or cleaned.is_excluded(c_start, c_end):
                continue
            overlapping = quotes.overlapping(c_start, c_end)
            candidates.append(Candidate(c_start, c_end, s_start, s_end, overlapping))
    return _attach_frames(doc, text, candidates)
