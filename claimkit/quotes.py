"""Find quotations: quote marks paired by type, never across a paragraph.

Rules learnt from real news:
- “ ” and ‘ ’ pair only with their own partner; straight " and ' pair with themselves.
- An apostrophe inside a word (North Korea’s, didn't) or after a plural's s (Workers’ Party)
  is not a quote mark unless a matching ‘ is open.
- Quotes may nest (‘ ’ inside “ ”); ``depth`` 0 is the outermost.
- An unbalanced opening mark runs to the end of its paragraph at most (``closed=False``);
  it never swallows the next paragraph. A new paragraph may reopen the quote.
"""

from __future__ import annotations

from dataclasses import dataclass

OPEN_CLOSE = {"“": "”", "‘": "’", "«": "»"}
SYMMETRIC = {'"', "'"}
DOUBLE_MARKS = {"“", "”", '"', "«", "»"}


@dataclass(frozen=True)
class QuoteSpan:
    """A quotation from its opening mark to its closing mark (both included)."""

    start: int
    end: int
    mark: str
    depth: int
    closed: bool = True

    @property
    def content_start(self) -> int:
        return self.start + 1

    @property
    def content_end(self) -> int:
        return self.end - 1 if self.closed else self.end

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


def _paragraph_quotes(text: str, start: int, end: int) -> list[QuoteSpan]:
    stack: list[tuple[str, int]] = []  # (closing mark expected, offset of opening mark)
    spans: list[QuoteSpan] = []
    for i in range(start, end):
        ch = text[i]
        prev = text[i - 1] if i > start else " "
        nxt = text[i + 1] if i + 1 < end else " "
        if stack and ch == stack[-1][0] and not (ch in "’'" and _is_word_char(prev) and _is_word_char(nxt)):
            _, open_at = stack.pop()
            spans.append(QuoteSpan(open_at, i + 1, text[open_at], len(stack)))
            continue
        if ch in SYMMETRIC:
            if ch == "'" and (_is_word_char(prev) or not (_is_word_char(nxt) or nxt in '“‘"')):
                continue  # apostrophe (don't, Workers') or a stray mark
            if ch == '"' and _is_word_char(prev) and _is_word_char(nxt):
                continue  # inch mark inside a token
            if any(c == ch for c, _ in stack):
                # close the matching symmetric mark, dropping unclosed inner ones
                while stack:
                    closing, open_at = stack.pop()
                    if closing == ch:
                        spans.append(QuoteSpan(open_at, i + 1, text[open_at], len(stack)))
                        break
                continue
            stack.append((ch, i))
        elif ch in OPEN_CLOSE and not (ch == "‘" and _is_word_char(prev)):
            stack.append((OPEN_CLOSE[ch], i))
        elif ch == "”" and any(c == "”" for c, _ in stack):
            # close the double quote even if an inner single quote was left open
            while stack:
                closing, open_at = stack.pop()
                if closing == "”":
                    spans.append(QuoteSpan(open_at, i + 1, text[open_at], len(stack)))
                    break
    # unclosed marks run to the end of the paragraph; only double ones count as quotes
    for _closing, open_at in stack:
        if text[open_at] in DOUBLE_MARKS and end > open_at + 1:
            depth = sum(1 for _, o in stack if o < open_at)
            spans.append(QuoteSpan(open_at, end, text[open_at], depth, closed=False))
    return spans


def top_level(quotes: list[QuoteSpan]) -> list[QuoteSpan]:
    """The outermost double quotations (direct speech), excluding scare quotes in ‘ ’."""
    return [q for q in quotes if q.depth == 0 and q.is_double]
