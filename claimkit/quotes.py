"""Find quotations: quote marks paired by type, never across a paragraph.

Rules learnt from real news:
- “ ” and ‘ ’ pair only with their own partner; straight " and ' pair with themselves; the
  typewriter style ''...'' (two apostrophes, as in the New York Times archive) and ``...''
  count as double quotes.
- An apostrophe inside a word (North Korea’s, didn't) or after a plural's s (Workers’ Party)
  is not a quote mark unless a matching ‘ is open.
- A “ written where ” belongs ("in tough shape,“ said Clyburn": after a word, before a space)
  closes the open quotation; so do a ” after an opening straight " and a straight " in a
  closing place after an opening “ (mixed marks: "...,” said X; “...," she said).
- Quotes may nest (‘ ’ inside “ ”); ``depth`` 0 is the outermost.
- An unbalanced opening mark runs to the end of its paragraph at most (``closed=False``);
  it never swallows the next paragraph. A new paragraph may reopen the quote.

Only the quote marks are visited (one regular expression over the text), not every character.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

OPEN_CLOSE = {"“": "”", "‘": "’", "«": "»", "„": "“", "``": "''"}
SYMMETRIC = {'"', "'", "''"}
DOUBLE_MARKS = {"“", "”", '"', "«", "»", "„", "''", "``"}
_MARK_RE = re.compile(r"''|``|[“”‘’\"'«»„]")


@dataclass(frozen=True)
class QuoteSpan:
    """A quotation from its opening mark to its closing mark (both included).

    Attributes:
        start, end: offsets of the opening mark and just after the closing mark (or the end of
            the paragraph when ``closed`` is False).
        mark: the opening mark.
        depth: 0 for the outermost quotation.
        closed: whether a closing mark was found in the paragraph.
        close_width: length of the closing mark (2 for '').
    """

    start: int
    end: int
    mark: str
    depth: int
    closed: bool = True
    close_width: int = 1

    @property
    def content_start(self) -> int:
        return self.start + len(self.mark)

    @property
    def content_end(self) -> int:
        return self.end - self.close_width if self.closed else self.end

    @property
    def is_double(self) -> bool:
        return self.mark in DOUBLE_MARKS


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.splitlines(keepends=True):
        spans.append((pos, pos + len(line.rstrip("\r\n"))))
        pos += len(line)
    return spans


def find_quotes(text: str, start: int = 0, end: int | None = None) -> list[QuoteSpan]:
    """All quotations in ``text[start:end]``, sorted by start, offsets into ``text``."""
    end = len(text) if end is None else end
    found: list[QuoteSpan] = []
    for p_start, p_end in _paragraphs(text[start:end]):
        found.extend(_paragraph_quotes(text, start + p_start, start + p_end))
    found.sort(key=lambda q: (q.start, -q.end))
    return found


class _Stack:
    """Open quotations of one paragraph: (closing mark expected, offset, opening mark)."""

    def __init__(self) -> None:
        self.items: list[tuple[str, int, str]] = []
        self.spans: list[QuoteSpan] = []

    def expects(self, closing: str) -> bool:
        return any(c == closing for c, _, _ in self.items)

    def close(self, closing: str, at: int, width: int) -> None:
        """Close the innermost quotation expecting ``closing``, dropping unclosed inner ones."""
        while self.items:
            expected, open_at, mark = self.items.pop()
            if expected == closing:
                self.spans.append(QuoteSpan(open_at, at + width, mark, len(self.items), True, width))
                return


def _closes(prev: str, nxt: str) -> bool:
    """Whether a mark between ``prev`` and ``nxt`` stands where a closing mark does."""
    return not prev.isspace() and (nxt.isspace() or nxt in ",.;:!?)")


def _paragraph_quotes(text: str, start: int, end: int) -> list[QuoteSpan]:
    stack = _Stack()
    for m in _MARK_RE.finditer(text, start, end):
        ch, i, j = m.group(), m.start(), m.end()
        prev = text[i - 1] if i > start else " "
        nxt = text[j] if j < end else " "
        width = j - i
        if stack.items and ch == stack.items[-1][0] and not (ch in "’'" and _is_word_char(prev) and _is_word_char(nxt)):
            stack.close(ch, i, width)
            continue
        if ch == '"' and stack.expects("”") and not stack.expects(ch) and _closes(prev, nxt):
            stack.close("”", i, width)  # “...," she said: a straight mark closes a curly quote
            continue
        if ch in SYMMETRIC:
            if ch == "'" and (_is_word_char(prev) or not (_is_word_char(nxt) or nxt in '“‘"')):
                continue  # apostrophe (don't, Workers') or a stray mark
            if ch == '"' and _is_word_char(prev) and _is_word_char(nxt):
                continue  # inch mark inside a token
            if stack.expects(ch):
                stack.close(ch, i, width)
                continue
            if ch == "''" and (_is_word_char(prev) or prev in ".,!?;:—-") and not _is_word_char(nxt):
                continue  # a closing '' with nothing open
            stack.items.append((ch, i, ch))
        elif ch == "“" and stack.expects("”") and not prev.isspace() and (nxt.isspace() or nxt in ",.;:"):
            stack.close("”", i, width)  # “ typed for ”
        elif ch in OPEN_CLOSE and not (ch == "‘" and _is_word_char(prev)):
            stack.items.append((OPEN_CLOSE[ch], i, ch))
        elif ch == "”" and stack.expects("”"):
            stack.close("”", i, width)  # even if an inner single quote was left open
        elif ch == "”" and stack.expects('"'):
            stack.close('"', i, width)  # "...,” said X: a curly mark closes a straight quote
    spans = stack.spans
    # unclosed marks run to the end of the paragraph; only double ones count as quotes
    # (the stack holds them in text order: the number of marks below one is its depth)
    for depth, (_closing, open_at, mark) in enumerate(stack.items):
        if mark in DOUBLE_MARKS and end > open_at + len(mark):
            spans.append(QuoteSpan(open_at, end, mark, depth, closed=False))
    return spans


def top_level(quotes: list[QuoteSpan]) -> list[QuoteSpan]:
    """The outermost double quotations (direct speech), excluding scare quotes in ‘ ’."""
    return [q for q in quotes if q.depth == 0 and q.is_double]


class QuoteIndex:
    """The quotations of one text, indexed so that every query costs O(log n + answer).

    Quotations are nested or disjoint (a closing mark drops the unclosed marks inside it), so
    each has at most one parent; the quotations around a position are the chain of parents
    of the last quotation starting before it. Segmentation asks these questions once per
    sentence or candidate: with a plain list every question would scan every quotation of
    the article, and a long article would take quadratic time.

    Args:
        quotes: what :func:`find_quotes` returned (sorted by start, longest first).
    """

    def __init__(self, quotes: list[QuoteSpan]) -> None:
        self.quotes = quotes
        self.starts = [q.start for q in quotes]
        self.parent: list[int] = []
        self.nested = True
        open_: list[int] = []
        for i, q in enumerate(quotes):
            while open_ and quotes[open_[-1]].end <= q.start:
                open_.pop()
            if open_ and q.end > quotes[open_[-1]].end:
                self.nested = False  # never produced by find_quotes; answers fall back to scanning
            self.parent.append(open_[-1] if open_ else -1)
            open_.append(i)
        self.tops = top_level(quotes)
        self.top_starts = [q.start for q in self.tops]
        if any(a.end > b.start for a, b in zip(self.tops, self.tops[1:], strict=False)):
            self.nested = False

    def around(self, pos: int) -> list[QuoteSpan]:
        """Quotations with ``start < pos < end``, outermost first."""
        if not self.nested:
            return [q for q in self.quotes if q.start < pos < q.end]
        found: list[int] = []
        i = bisect.bisect_left(self.starts, pos) - 1
        while i >= 0:
            if self.quotes[i].end > pos:
                found.append(i)
            i = self.parent[i]
        return [self.quotes[i] for i in sorted(found)]

    def inside(self, pos: int) -> bool:
        """Whether ``pos`` lies strictly inside a quotation."""
        return bool(self.around(pos))

    def overlapping(self, start: int, end: int) -> list[QuoteSpan]:
        """Quotations that overlap ``[start, end)``, in :attr:`quotes` order."""
        if not self.nested:
            return [q for q in self.quotes if q.start < end and start < q.end]
        lo, hi = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
        return self.around(start) + self.quotes[lo:hi]

    def top_within(self, start: int, end: int) -> list[QuoteSpan]:
        """Outermost double quotations that lie entirely within ``[start, end]``."""
        lo, hi = bisect.bisect_left(self.top_starts, start), bisect.bisect_left(self.top_starts, end)
        return [q for q in self.tops[lo:hi] if q.end <= end]

    def top_around(self, pos: int) -> list[QuoteSpan]:
        """Outermost double quotations with ``start < pos < end`` (at most one: they never overlap)."""
        if not self.nested:
            return [q for q in self.tops if q.start < pos < q.end]
        i = bisect.bisect_left(self.top_starts, pos) - 1
        return [self.tops[i]] if i >= 0 and pos < self.tops[i].end else []


def covers(quotes: Iterable[QuoteSpan], pos: int) -> bool:
    """Whether the character offset ``pos`` lies in one of ``quotes``, marks included."""
    return any(q.start <= pos < q.end for q in quotes)
