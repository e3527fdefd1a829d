"""Find the parts of a scraped article that are not body text.

The text itself is never changed: cleaning only returns typed :class:`Region` spans
(title, navigation, share bars, advertisements, "Related Posts", credits, photo captions,
the publisher line) with offsets into the original text. Every later stage skips them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from .data import boilerplate as bp
from .records import Region

_TERMINAL = re.compile(r"[.!?][\"'’”)\]]*$")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SMALL_WORDS = {"a", "an", "and", "as", "at", "but", "by", "for", "in", "of", "on", "or", "the", "to", "vs", "with"}


@dataclass
class Cleaned:
    """Regions of one document, sorted by start, plus the title and publisher they reveal."""

    regions: list[Region] = field(default_factory=list)
    title: str | None = None
    publisher: str | None = None

    def __post_init__(self) -> None:
        self.regions.sort(key=lambda r: r.start)
        self._starts = [r.start for r in self.regions]

    def region_at(self, offset: int) -> Region | None:
        """The region containing ``offset``, if any."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self.regions[i].start <= offset < self.regions[i].end:
            return self.regions[i]
        return None

    def is_excluded(self, start: int, end: int) -> bool:
        """True when at least half of ``[start, end)`` lies in non-body regions."""
        if end <= start:
            return True
        covered = 0
        i = max(bisect.bisect_right(self._starts, start) - 1, 0)
        for region in self.regions[i:]:
            if region.start >= end:
                break
            covered += max(0, min(end, region.end) - max(start, region.start))
        return covered * 2 >= end - start


def iter_lines(text: str) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of each non-blank line with surrounding white space trimmed."""
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            yield pos + lead, pos + lead + len(stripped)
        pos += len(line)


def line_type(line: str) -> str | None:
    """The boilerplate type of a whole stripped line, or None for body text."""
    for kind, patterns in bp.LINE_RES.items():
        if any(p.match(line) for p in patterns):
            return kind
    return None


def caption_regions(text: str, start: int, end: int) -> list[Region]:
    """Split a photo-caption line at each agency credit ("... = News 1").

    Returns no regions when the line holds no credit. Text after the last credit becomes a
    caption too when it is short and has no sentence end (a caption cut by the scraper).
    """
    line = text[start:end]
    ends = [m.end() for m in bp.CAPTION_CREDIT_RE.finditer(line)]
    if not ends:
        return []
    regions: list[Region] = []
    prev = 0
    for e in ends:
        regions.append(_region(text, "caption", start + prev, start + e))
        prev = e
    rest = line[prev:].strip()
    if rest and len(rest) < 80 and not _TERMINAL.search(rest):
        regions.append(_region(text, "caption", start + prev, end))
    return [r for r in regions if r.end > r.start]


def _region(text: str, kind: str, start: int, end: int) -> Region:
    # trim white space so that region offsets hug the text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Region(kind, start, end, text[start:end])


def looks_like_title(line: str) -> bool:
    """A headline: no sentence end, a question, or mostly capitalised words."""
    if len(line) > bp.MAX_TITLE_CHARS:
        return False
    if not _TERMINAL.search(line) or line.rstrip("'\"’”").endswith("?"):
        return True
    words = [w for w in _WORD.findall(line) if w.lower() not in _SMALL_WORDS]
    if len(words) < 3:
        return False
    return sum(w[0].isupper() for w in words) / len(words) >= 0.7


def clean(text: str, meta: dict[str, object] | None = None) -> Cleaned:
    """Find the non-body regions of ``text``.

    Args:
        text: the document text exactly as read.
        meta: document metadata; a ``publisher`` or ``title`` there is used when the text
            names none.
    """
    regions: list[Region] = []
    title: str | None = None
    publisher: str | None = None
    seen_body = False
    lines = list(iter_lines(text))
    for idx, (start, end) in enumerate(lines):
        line = text[start:end]
        if m := bp.PUBLISHER_RE.match(line):
            regions.append(Region("publisher", start, end, line))
            publisher = publisher or m.group(1).strip()
            continue
        if kind := line_type(line):
            regions.append(Region(kind, start, end, line))
            continue
        if caps := caption_regions(text, start, end):
            regions.extend(caps)
            continue
        if not seen_body and title is None and idx + 1 < len(lines) and looks_like_title(line):
            regions.append(Region("title", start, end, line))
            title = line
            continue
        seen_body = True
    meta = meta or {}
    if publisher is None and isinstance(meta.get("publisher"), str):
        publisher = str(meta["publisher"])
    if title is None and isinstance(meta.get("title"), str):
        title = str(meta["title"])
    return Cleaned(regions=regions, title=title, publisher=publisher)
