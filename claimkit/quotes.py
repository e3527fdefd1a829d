"""Find quotations: quote marks paired by type, never across a paragraph.

Rules learnt from real news:
- “ ” and ‘ ’ pair only with their own partner; straight " and ' pair with themselves; the
  typewriter style ''...'' (two apostrophes, as in the New York Times archive) and ``...''
  count as double quotes.
- An apostrophe inside a word (North Korea’s, didn't) or after a plural's s (Workers’ Party)
  is not a quote mark unless a matching ‘ is open.
- A “ written where ” belongs ("in tough shape,“ said Clyburn": after a word, before a space)
  closes the open quotation.
- Quotes may nest (‘ ’ inside “ ”); ``depth`` 0 is the outermost.
- An unbalanced opening mark runs to the end of its paragraph at most (``closed=False``);
  it never swallows the next paragraph. A new paragraph may reopen the quote.

Only the quote marks are visited (one regular expression over the text), not every character.
"""

from __future__ import annotations

import re
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
    spans = stack.spans
    # unclosed marks run to the end of the paragraph; only double ones count as quotes
    for _closing, open_at, mark in stack.items:
        if mark in DOUBLE_MARKS and end > open_at + len(mark):
            depth = sum(1 for _, o, _ in stack.items if o < open_at)
            spans.append(QuoteSpan(open_at, end, mark, depth, closed=False))
    return spans


def top_level(quotes: list[QuoteSpan]) -> list[QuoteSpan]:
    """The outermost double quotations (direct speech), excluding scare quotes in ‘ ’."""
    return [q for q in quotes if q.depth == 0 and q.is_double]
