"""Find the parts of a scraped article that are not body text, and what kind of text it is.

The text itself is never changed: cleaning only returns typed :class:`Region` spans
(title, navigation, share bars, advertisements, "Related Posts", credits and social lines,
bylines, photo captions, the publisher line) with offsets into the original text. Every later
stage skips them. It also tells the document's genre (news, opinion, editorial or unknown)
from the metadata, the section labels, the byline and the author's first-person voice.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from .data import boilerplate as bp
from .quotes import QuoteSpan, find_quotes
from .records import Region

GENRES: tuple[str, ...] = ("news", "opinion", "editorial", "unknown")
_FIRST_PERSON_RE = re.compile(r"(?<![\w'’])(?:I|[Mm]e|[Mm]y|[Mm]yself)(?:['’](?:m|ve|d|ll))?(?![\w'’])")
# a dateline opening a news paragraph: "WASHINGTON (AP) — ", "CLEVELAND, July 19 (UPI) — ", "MYRTLE BEACH, S.C. - "
DATELINE_RE = re.compile(r"^[A-Z][A-Z .'-]{2,40}(?:,\s[^—–-]{2,40})?\s?(?:\([A-Za-z .]{2,20}\)\s?)?(?:--|—|–|-)\s")
_META_GENRE_KEYS = ("genre", "section", "type", "category", "kind")

_SPACES = re.compile(r"\s*")
_TERMINAL = re.compile(r"[.!?][\"'’”)\]]*$")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# the word right after a closing quotation mark ("forum" of the “Commander-In-Chief” forum)
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_][\w'’-]*)")
_SMALL_WORDS = {"a", "an", "and", "as", "at", "but", "by", "for", "in", "of", "on", "or", "the", "to", "vs", "with"}


@dataclass
class Cleaned:
    """Regions of one document, sorted by start, plus the title and publisher they reveal."""

    regions: list[Region] = field(default_factory=list)
    title: str | None = None
    publisher: str | None = None
    genre: str = "unknown"
    byline: str | None = None
    # the deck lines under the headline (:func:`is_deck`): the author's summary there is no
    # statement, but what it attributes to someone is (PolNeAR annotates it)
    decks: list[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.regions.sort(key=lambda r: r.start)
        self._starts = [r.start for r in self.regions]

    def region_at(self, offset: int) -> Region | None:
        """The region containing ``offset``, if any."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self.regions[i].start <= offset < self.regions[i].end:
            return self.regions[i]
        return None

    def clip(self, start: int, end: int) -> tuple[int, int]:
        """``[start, end)`` without a region that starts inside it and runs to its end (a source
        tag "[538]" after the sentence) or one that ends inside it and covers its start."""
        last = self.region_at(end - 1) if end > start else None
        if last is not None and start < last.start:
            end = last.start
        first = self.region_at(start)
        if first is not None and first.end < end:
            start = first.end
        return start, end

    def in_deck(self, start: int) -> bool:
        """Whether ``start`` is in a deck line under the headline."""
        return any(s <= start < e for s, e in self.decks)

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
    parts = [p.strip(" •·") for p in line.split(" | ")]
    if len(parts) > 1 and all(_is_credit(p) for p in parts):
        return "credit"  # "Email: x@example.com | Twitter: xyz"
    return None


def _is_credit(sentence: str) -> bool:
    return any(p.match(sentence) for p in bp.LINE_RES["credit"])


_CONTACT = re.compile(r"(?i)@|\bcontributed\b|\b(?:follow|reach|contact|e-?mail|twitter)\b")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?”\"])\s+(?=[A-Z@])")


def trailing_credits(text: str, start: int, end: int) -> Region | None:
    """Credit sentences that end a body paragraph ("... he says. Follow her on Twitter: @x"):
    the sentences after the last break that all match a credit pattern, the last of them a
    contact or credit proper ("@", "contributed", "Follow", "Reach", "Email" ...; not a bare
    "X writes about ...", which a book review says in its body), as one region."""
    line = text[start:end]
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(line)]
    if not breaks or not _CONTACT.search(_SENTENCE_BREAK.split(line)[-1]):
        return None
    found = None
    for at in reversed(breaks):
        tail = line[at:]
        if not all(_is_credit(s) for s in _SENTENCE_BREAK.split(tail)):
            break
        found = at
    return Region("credit", start + found, end, line[found:]) if found is not None else None


def source_tag(text: str, start: int, end: int) -> Region | None:
    """The source tag that ends a round-up item ("... leads in Indiana. [538]") as a credit region."""
    m = bp.SOURCE_TAG_RE.search(text, start, end)
    if m is None:
        return None
    before = text[start : m.start()].rstrip()
    return (
        Region("credit", m.start(), m.end(), m.group()) if not before or before[-1] in bp.SENTENCE_END_CHARS else None
    )


def _names_pull_quote(text: str, before: tuple[int, int], line: str) -> bool:
    """Whether ``line`` only names the speaker of the pull quote on the line ``before`` it
    ("“We have to do better.”" / "Morgan Lake"): a caption of the quote, not a statement."""
    return bp.NAME_LINE_RE.match(line) is not None and bp.PULL_QUOTE_RE.match(text[before[0] : before[1]]) is not None


def pull_quote_speaker(text: str, cleaned: Cleaned, start: int, end: int) -> tuple[str, int, int] | None:
    """The name (and its offsets) on the caption line right under the pull quote ``[start,
    end)``, when the quote is its whole paragraph."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if text[line_start:start].strip() or (line_end != -1 and text[end:line_end].strip()) or line_end == -1:
        return None
    nxt = _SPACES.match(text, line_end).end()
    region = cleaned.region_at(nxt)
    if region is None or region.type != "caption" or region.start != nxt:
        return None
    m = bp.NAME_LINE_RE.match(region.text)
    if m is None or not bp.PULL_QUOTE_RE.match(text[start:end]):
        return None
    return m.group(1), region.start + m.start(1), region.start + m.end(1)


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
    words, share = capitalised(line)
    return words >= 3 and share >= 0.7


def is_deck(title: str | None, line: str) -> bool:
    """Whether ``line``, right under the headline ``title``, is its deck (the summary line that
    continues a headline cut at a semicolon: "Trump questions the moderators;" / "Talk compared
    to 'working the referees'."): part of the headline; only what it attributes to someone is a
    statement."""
    return title is not None and title.rstrip().endswith(";") and len(line) <= bp.MAX_TITLE_CHARS


def capitalised(line: str) -> tuple[int, float]:
    """How many words a line has besides small words ("of", "the", ...) and the share of them
    that start with a capital letter (headline case: "Gun Used To Kill" -> 4, 1.0)."""
    words = [w for w in _WORD.findall(line) if w.lower() not in _SMALL_WORDS]
    return len(words), (sum(w[0].isupper() for w in words) / len(words) if words else 0.0)


def is_quoted_name(text: str, q: QuoteSpan) -> bool:
    """Whether a quotation is the name of something inside the author's words, not speech: two
    to a few words in headline case with no sentence punctuation, followed by a noun it names (the
    “Commander-In-Chief” forum, a “Buy Local” campaign); not a quoted epithet at a clause's end
    ("called him “Little Marco”.")."""
    if not q.closed:
        return False
    inner = text[q.content_start : q.content_end]
    words, share = capitalised(inner)
    if not 1 <= words <= bp.MAX_QUOTED_NAME_WORDS or share < 1.0 or any(ch in inner for ch in ",.;:!?"):
        return False
    if len(re.split(r"[\s-]+", inner.strip())) < 2:
        return False  # one quoted word is a term held at a distance: what a “Hispanic” is
    after = _NEXT_WORD.match(text, q.end)
    return after is not None and after.group(1)[0].islower() and after.group(1) not in _SMALL_WORDS


def _label_genre(line: str) -> tuple[str | None, str]:
    """The genre a section label line names ("OPINION", "Editorial | ...") and the rest of the line."""
    m = bp.GENRE_LABEL_RE.match(line)
    if m is None:
        return None, line
    return bp.GENRE_LABELS[m.group(1).lower()], (m.group(2) or "").strip()


def meta_genre(meta: dict[str, object]) -> str | None:
    """The genre that ``meta.genre`` / ``meta.section`` (or type, category, kind) name, if any.

    "Opinion", "Opinion/Columns", "editorial" name theirs; a news section ("World", "Politics")
    or the value "news" gives ``news``.
    """
    for key in _META_GENRE_KEYS:
        value = meta.get(key)
        if not isinstance(value, str) or not value.strip():
            continue
        whole = value.strip().lower()
        words = [whole, *re.split(r"[\s/|>:,]+", whole)]
        found = [bp.GENRE_LABELS[w] for w in words if w in bp.GENRE_LABELS]
        if found:
            return "editorial" if "editorial" in found else found[0]
        if any(w in bp.NEWS_SECTIONS for w in words):
            return "news"
    return None


def first_person_count(text: str, cleaned: Cleaned) -> int:
    """First-person singular words (I, me, my ...) outside quotations and non-body regions."""
    quotes = [(q.start, q.end) for q in find_quotes(text)]
    count = 0
    for m in _FIRST_PERSON_RE.finditer(text):
        pos = m.start()
        if cleaned.region_at(pos) is None and not any(s <= pos < e for s, e in quotes):
            count += 1
    return count


def genre_of(text: str, cleaned: Cleaned, labels: list[str], meta: dict[str, object]) -> str:
    """The document's genre: ``news``, ``opinion``, ``editorial`` or ``unknown``.

    In this order: ``meta`` (genre, section ...); a section label or title prefix in the text
    ("OPINION", "Editorial: ..."); a byline of an editorial board; the author's first person
    outside quotations (at least :data:`claimkit.data.boilerplate.MIN_FIRST_PERSON` words: a
    column); a dateline opening the body ("WASHINGTON (AP) — "): news; else unknown.
    """
    found = meta_genre(meta)
    if found is not None:
        return found
    if labels:
        return "editorial" if "editorial" in labels else labels[0]
    if cleaned.byline and re.search(r"editorial board|\beditors\b", cleaned.byline, re.IGNORECASE):
        return "editorial"
    if first_person_count(text, cleaned) >= bp.MIN_FIRST_PERSON:
        return "opinion"
    body = next((s for s, _ in iter_lines(text) if cleaned.region_at(s) is None), None)
    if body is not None and DATELINE_RE.match(text[body : body + 80]):
        return "news"
    return "unknown"


def byline_name(byline: str | None) -> str | None:
    """The author's name in a byline ("By Teodora Vance | Columnist" -> "Teodora Vance")."""
    if not byline:
        return None
    name = re.split(r"\s*[|,–—]\s*|\s+-\s+|\s+and\s+", re.sub(r"^(?:By|BY)\s+", "", byline))[0].strip()
    return name if len(name.split()) >= 2 and not name.lower().startswith("the ") else None


def author_bio_regions(
    text: str, lines: list[tuple[int, int]], regions: list[Region], byline: str | None
) -> list[Region]:
    """The author's bio at the end of a column: trailing lines that start with the byline's
    name ("Teodora Vance is a contributing columnist. Her views are her own.", "Samir Okonjo
    writes the City Pipes newsletter."). Lines already in a region are passed over; the first
    other line that does not start with the name ends the search. Never more than three lines.
    """
    name = byline_name(byline)
    if name is None:
        return []
    taken = {(r.start, r.end) for r in regions}
    pattern = re.compile(rf"{re.escape(name)}(?:['’]s)?\s+[a-z]")
    found: list[Region] = []
    for start, end in reversed(lines[-6:]):
        if (start, end) in taken:
            continue
        if len(found) == 3 or not pattern.match(text, start, end):
            break
        found.append(Region("credit", start, end, text[start:end]))
    return found


def clean(text: str, meta: dict[str, object] | None = None) -> Cleaned:
    """Find the non-body regions of ``text`` and its genre.

    Args:
        text: the document text exactly as read.
        meta: document metadata; a ``publisher`` or ``title`` there is used when the text
            names none, a ``genre`` or ``section`` gives the genre.
    """
    regions: list[Region] = []
    title: str | None = None
    publisher: str | None = None
    byline: str | None = None
    labels: list[str] = []
    decks: list[tuple[int, int]] = []
    title_at = -2  # the line of the headline
    seen_body = False
    after_byline = False
    lines = list(iter_lines(text))
    for idx, (start, end) in enumerate(lines):
        line = text[start:end]
        was_byline, after_byline = after_byline, False
        if m := bp.PUBLISHER_RE.match(line):
            regions.append(Region("publisher", start, end, line))
            publisher = publisher or m.group(1).strip()
            continue
        if kind := line_type(line):
            regions.append(Region(kind, start, end, line))
            continue
        if len(line) <= bp.MAX_BYLINE_CHARS and (
            bp.BYLINE_RE.match(line) or (was_byline and bp.BYLINE_ROLE_RE.match(line))
        ):
            regions.append(Region("byline", start, end, line))
            byline = byline or line
            after_byline = True
            continue
        if idx and _names_pull_quote(text, lines[idx - 1], line):
            regions.append(Region("caption", start, end, line))
            continue
        if caps := caption_regions(text, start, end):
            regions.extend(caps)
            continue
        if not seen_body:
            genre, rest = _label_genre(line)
            if genre is not None and not rest:
                regions.append(Region("navigation", start, end, line))  # a section label: "OPINION"
                labels.append(genre)
                continue
            if genre is not None and title is None:
                labels.append(genre)  # "Opinion: the title", "Editorial | the title"
        if not seen_body and title is None and idx + 1 < len(lines) and looks_like_title(line):
            regions.append(Region("title", start, end, line))
            title, title_at = line, idx
            continue
        if not seen_body and idx == title_at + 1 and is_deck(title, line):
            decks.append((start, end))  # the deck under the headline
            continue
        seen_body = True
        if credit := trailing_credits(text, start, end) or source_tag(text, start, end):
            regions.append(credit)
    if bio := author_bio_regions(text, lines, regions, byline):
        inside = [r for r in regions if any(b.start <= r.start and r.end <= b.end for b in bio)]
        regions = [r for r in regions if r not in inside] + bio
    meta = meta or {}
    if publisher is None and isinstance(meta.get("publisher"), str):
        publisher = str(meta["publisher"])
    if title is None and isinstance(meta.get("title"), str):
        title = str(meta["title"])
        labels += [g for g in [_label_genre(title)[0]] if g is not None]
    cleaned = Cleaned(regions=regions, title=title, publisher=publisher, byline=byline, decks=decks)
    cleaned.genre = genre_of(text, cleaned, labels, meta)
    return cleaned
