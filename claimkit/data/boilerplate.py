"""Patterns for scraped-page noise. Each entry maps a region type to regexes matched against
a whole line (stripped). Keep them anchored and specific: a false positive deletes news text."""

from __future__ import annotations

import re

# Social networks named in byline and contact lines.
_SOCIAL = r"twitter|x|instagram|facebook|threads|bluesky|mastodon|linkedin|tiktok|substack"

# Place names of a reporters' credit line ("Midway Atoll", "Kaneohe Bay, Hawaii"): capitalised words.
_PLACE = r"(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*){0,3}"
_PLACES = rf"{_PLACE}(?:,\s+{_PLACE})?"

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
        r"story continues below( this)? (advertisement|ad)\.?",
    ],
    "related": [
        r"(related|recommended|popular|more|latest|similar) (posts|articles|stories|news|reading)\b.*",
        r"(read more|see also|you may also like|you might also like|most read|don'?t miss)\b.{0,120}",
        r"read the rest (here|of the story)\.?",
        # a video teaser: "WATCH: Burnaby RCMP warns ...", "WATCH BELOW: ...", "Watch highlights of X:"
        r"watch(?: below| live| now| more| the video)?\s*[:|]\s*.{1,200}",
        r"watch\b[^.!?:]{1,100}:",
    ],
    # a photo caption ending with its credit in parentheses, its only one: "... (Jason
    # Franson/Canadian Press)", "... ( THE CANADIAN PRESS FILE PHOTO )"
    "caption": [
        r"[^()]{1,600}\(\s*(?:(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*){0,3}\s*/\s*[^()/]{2,40}|[^()]{0,40}\bfile photo)\s*\)",
    ],
    # an editor's note, correction or disclosure about the article itself (PolNeAR discards them): "Editor's note: This
    # column was updated ...", "Correction: An earlier version of this post misstated ..."
    "note": [
        r"(?:editor|editors)(?:'s|’s|s'|s’)?\s+note\s*[:：—–-]\s*\S.*",
        # (not "Clarification:": PolNeAR annotates the reporting a clarification restates)
        r"(?:correction|disclosure)\s*[:：]\s*\S.*",
    ],
    "credit": [
        r"[ⓒ©]\s*.{1,60}",
        r"\(?(photo|image|picture|graphic|video)s?\s*(credit)?\s*[:=/].{1,80}\)?",
        r"(getty images|reuters|ap photo|afp|yonhap|news1|newsis)(/.{1,40})?",
        # a photo credit line: "Handout/Reuters.", "POOL New/Reuters.", "Mark Wilson / Getty Images"
        r"(?:[\w.'’-]+\s+){0,3}[\w.'’-]+\s*/\s*"
        r"(?:reuters|getty images|ap|ap photo|afp|epa|bloomberg|associated press|pool|handout)\.?",
        r"copyright\b.{0,120}",
        r"all rights reserved\.?",
        # social and contact lines of a byline: "Twitter: @name", "Follow X on Twitter @x"
        rf"(?:{_SOCIAL})\s*[:：]\s*@?[\w.@/-]+\.?",
        r"@\w{2,30}\.?",
        rf"follow\s+(?:\S+\s+){{0,5}}on\s+(?:{_SOCIAL})\b.{{0,60}}",
        r"(?:contact|email|e-mail|reach|write to)\s+(?:the\s+(?:author|writer|columnist|editor|editorial board)|"
        r"him|her|them|us|me|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s+(?:at|via|on)\s+\S.{0,80}",
        r"(?:\S+\s+){1,12}contributed(?:\s+reporting)?\s+"
        r"(?:to\s+this\s+(?:report|article|story|column|editorial)|from\s+[^.]{1,60})\.?",
        r"(?:\S+\s+){1,8}contributed\s+(?:reporting|research)\.?",  # "A and B contributed reporting."
        # where the reporters were: "X reported from Kabul, and Y and Z from Doha."
        rf"(?:\S+\s+){{1,4}}reported\s+from\s+{_PLACES}(?:,?\s+and\s+(?:\S+\s+){{1,6}}from\s+{_PLACES})*\.?",
        # an author's bio line: "X writes about transport.", "X's column appears on Sundays. ..."
        r"(?:\S+\s+){1,4}writes\s+(?:about|on|a\s+(?:\w+\s+)?column)\s+[^.]{1,100}\.?",
        r"(?:\S+\s+){1,4}columns?\s+appears?\s+.{1,160}",
        r"(?:additional\s+)?reporting\s+by\s+.{1,80}",
        r"(?:edited|compiled|translated)\s+by\s+.{1,60}",
        r"(?:the\s+)?views\s+expressed\b.{0,120}",
        # "Her views are her own.", "The opinions expressed are the author's own."
        r"(?:(?:the|his|her|their|my|the\s+(?:author|writer|columnist)(?:'s|’s))\s+)?(?:views|opinions)\s+"
        r"(?:expressed\s+)?(?:here\s+)?are\s+(?:his|her|their|my|the\s+(?:author|writer|columnist)(?:'s|’s))\s+own\.?",
        r"(?:e-?mail|contact)\s*[:：]\s*\S+@\S+\.\w+\.?",
        r"(?:the\s+)?(?:writer|author|columnist)\s+is\s+(?:a|an|the)\s+.{3,200}",
    ],
}

# A byline: "By Marta Quill", "By MARTA QUILL | Columnist", "By the Editorial Board". Matched
# case-sensitively (a capitalised name after "By"), on a whole line of at most 120 characters.
BYLINE_PATTERN = (
    r"(?:By|BY)\s+(?:the\s+|The\s+)?[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|de|van|von|der|&|,))*"
    r"(?:\s*[|,–—-]\s*.{1,80})?"
)
# A lone line naming the author's job under a byline ("Columnist", "Staff Writer").
BYLINE_ROLE_PATTERN = (
    r"(?:(?:senior|chief|contributing|guest|staff|political|opinion|associate)\s+)?"
    r"(?:columnist|writer|editor|correspondent|reporter|contributor)s?"
)

# Section labels that say what kind of text this is, matched against a whole line (and the
# start of the title): "OPINION", "Editorial", "Op-Ed", "Opinion | Politics".
GENRE_LABELS: dict[str, str] = {
    "editorial": "editorial",
    "editorials": "editorial",
    "our view": "editorial",
    "the editorial board": "editorial",
    "opinion": "opinion",
    "opinions": "opinion",
    "op-ed": "opinion",
    "oped": "opinion",
    "commentary": "opinion",
    "column": "opinion",
    "columns": "opinion",
    "analysis": "opinion",
    "perspective": "opinion",
    "viewpoint": "opinion",
    "letters": "opinion",
    "letter to the editor": "opinion",
}
# Sections (``meta.section``) of news reporting.
NEWS_SECTIONS = frozenset(
    ["news", "world", "politics", "national", "local", "business", "economy", "sports", "nation", "metro", "us", "asia"]
)
# First-person singular words outside quotations that make a text the author's own voice.
FIRST_PERSON_AUTHOR = frozenset(["i", "me", "my", "i'm", "i’m", "i've", "i’ve", "i'd", "i’d", "myself"])
# How many first-person words (outside quotations) make a column.
MIN_FIRST_PERSON = 3

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
BYLINE_RE = re.compile(rf"^{BYLINE_PATTERN}$")
BYLINE_ROLE_RE = re.compile(rf"^{BYLINE_ROLE_PATTERN}$", re.IGNORECASE)
GENRE_LABEL_RE = re.compile(
    r"^(" + "|".join(sorted(map(re.escape, GENRE_LABELS), key=len, reverse=True)) + r")(?:\s*[|:•·–—-]\s*(.*))?$",
    re.IGNORECASE,
)
PUBLISHER_RE = re.compile(rf"^{PUBLISHER_PATTERN}$", re.IGNORECASE)
CAPTION_CREDIT_RE = re.compile(CAPTION_CREDIT)

# Lines up to this many characters can be bylines.
MAX_BYLINE_CHARS = 120

# Lines up to this many characters can be title candidates.
MAX_TITLE_CHARS = 250
