"""Patterns for scraped-page noise. Each entry maps a region type to regexes matched against
a whole line (stripped). Keep them anchored and specific: a false positive deletes news text."""

from __future__ import annotations

import re

# Lines that are nothing but page furniture, matched against the stripped line.
LINE_PATTERNS: dict[str, list[str]] = {
    "navigation": [
        r"no menu items!?",
        r"(skip to (main )?content|main menu|menu|home|search|sign in|log ?in|subscribe|"
        r"toggle navigation|close menu|open menu|back to top|top stories|latest news)",
        r"(home\s*[>»|/]\s*)+.*",  # breadcrumbs
    ],
    "share": [
        r"share( this( post| article| story)?)?( on \w+)?:?",
        r"(share|tweet|pin it|email|print|whatsapp|facebook|twitter|linkedin|reddit|telegram)"
        r"([\s|,·]+(share|tweet|pin it|email|print|whatsapp|facebook|twitter|linkedin|reddit|telegram))*",
        r"click to share.*",
        r"(follow us|like us) on .{1,40}",
    ],
    "advertisement": [
        r"[-–—\s]*advertisement[-–—\s]*",
        r"[-–—\s]*(sponsored( content)?|ad|ads by \w+|promoted( content)?)[-–—\s]*",
        r"story continues below( this)? (advertisement|ad)",
    ],
    "related": [
        r"(related|recommended|popular|more|latest|similar) (posts|articles|stories|news|reading)\b.*",
        r"(read more|see also|you may also like|you might also like|most read|don'?t miss)\b.{0,120}",
        r"read the rest (here|of the story)\.?",
    ],
    "credit": [
        r"[ⓒ©]\s*.{1,60}",
        r"\(?(photo|image|picture|graphic|video)s?\s*(credit)?\s*[:=/].{1,80}\)?",
        r"(getty images|reuters|ap photo|afp|yonhap|news1|newsis)(/.{1,40})?",
        r"copyright\b.{0,120}",
        r"all rights reserved\.?",
    ],
}

# A publisher line: "Source: Donga". Group 1 is the publisher's name.
PUBLISHER_PATTERN = r"(?:source|originally published (?:by|in|at)|via)\s*[:：]\s*(\S.{0,60}?)\.?"

# A photo caption ends with a photo agency credit: "... Pyongyang Rodong Sinmun = News 1".
# The credit sits after "=" or "/" and names an agency; two captions may run together, the
# second starting right after the agency's name.
CAPTION_CREDIT = (
    r"=\s*(?:News\s?1|Newsis|Yonhap(?:\s+News)?|Donga\.com|Joongang|Chosun(?:\.com)?|"
    r"AP|AFP|Reuters|EPA|Getty Images|Xinhua|KCNA|Photo)(?![a-z0-9])"
)

LINE_RES: dict[str, list[re.Pattern[str]]] = {
    kind: [re.compile(rf"^(?:{p})$", re.IGNORECASE) for p in pats] for kind, pats in LINE_PATTERNS.items()
}
PUBLISHER_RE = re.compile(rf"^{PUBLISHER_PATTERN}$", re.IGNORECASE)
CAPTION_CREDIT_RE = re.compile(CAPTION_CREDIT)

# Lines up to this many characters can be title candidates.
MAX_TITLE_CHARS = 250
