"""Patterns for scraped-page noise. Each entry maps a region type to regexes matched against
a whole line (stripped). Keep them anchored and specific: a false positive deletes news text."""

from __future__ import annotations

import re

# Social networks named in byline and contact lines.
_SOCIAL = r"twitter|x|instagram|facebook|threads|bluesky|mastodon|linkedin|tiktok|substack"

# Place names of a reporters' credit line ("Midway Atoll", "Kaneohe Bay, Hawaii"): capitalised words.
_PLACE = r"(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*){0,3}"
_PLACES = rf"{_PLACE}(?:,\s+{_PLACE})?"

# A photographer's credit "Jacques Boissinot/The Canadian Press", "Adrian Wyld/CP": a name of up to
# four capitalised words (or "REUTERS"), a slash, a photo agency or newspaper.
_CREDIT_NAME = r"(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*){0,3}"
_PHOTO_AGENCY = (
    r"(?:the\s+)?(?:canadian\s+press|cp|reuters|ap(?:\s+photo)?|associated\s+press|afp(?:/getty\s+images)?|"
    r"getty\s+images|bloomberg|epa|pool|handout|file\s+photo|globe\s+and\s+mail|cbc(?:\s+news)?|radio-canada|"
    r"postmedia(?:\s+news)?|toronto\s+star|national\s+post|global\s+news|ctv\s+news|xinhua|yonhap)"
)
_PHOTO_CREDIT = rf"{_CREDIT_NAME}\s*/\s*{_PHOTO_AGENCY}"

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
        # a newsletter or app promotion: "Sign up for the Daily Brief.", "Want more? Subscribe to ..."
        r"(?:want more[^?]{0,60}\?\s*)?(?:sign up|subscribe)\b.{0,150}",
        r"(?=.{0,400}\b(?:e-?mail|sign up|subscribe|newsletter)\b).{0,200}\bclick here\b.{0,300}",
        r"[-–—\s]*(sponsored( content)?|ad|ads by \w+|promoted( content)?)[-–—\s]*",
        r"story continues below( this)? (advertisement|ad)\.?",
        r"(?:article|story) continue[sd]? below\.?",  # "Article Continued Below"
    ],
    "related": [
        r"(related|recommended|popular|more|latest|similar) (posts|articles|stories|news|reading)\b.*",
        r"(read more|see also|you may also like|you might also like|most read|don'?t miss)\b.{0,120}",
        r"read the rest (here|of the story)\.?",
        r"also on [\w'’ .-]{2,30}:",  # "Also on HuffPost:"
        # "For more video news, check out our newsbrief.", "For more, sign up for the newsletter."
        r"for more(?:\s+[^,.]{0,60})?,\s*(?:sign up|subscribe|check out|download|visit|go to|head to)\b.{0,120}",
        # a video teaser: "WATCH: Burnaby RCMP warns ...", "WATCH BELOW: ...", "Watch highlights of X:"
        r"watch(?: below| live| now| more| the video)?\s*[:|]\s*.{1,200}",
        r"watch\b[^.!?:]{1,100}:",
    ],
    # a photo caption ending with its credit in parentheses, its only one: "... (Jason
    # Franson/Canadian Press)", "... ( THE CANADIAN PRESS FILE PHOTO )"
    "caption": [
        r"[^()]{1,600}\(\s*(?:(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*){0,3}\s*/\s*[^()/]{2,40}|[^()]{0,40}\bfile photo)\s*\)",
        # the credit first: "Tijana Lind / The Canadian Press Ana Marin sits in her kitchen."
        rf"{_PHOTO_CREDIT}\s+(?-i:[A-Z]).{{10,600}}",
        # the credit last, a sentence of its own: "Premier Jo Diaz. Lou Park/The Canadian Press."
        rf".{{1,600}}?[.!?][\"'’”)]?\s+{_PHOTO_CREDIT}\.?",
        # a gallery caption: "Open this photo in gallery The premier speaks in Regina."
        r"open\s+this\s+(?:photo|image)\s+in\s+gallery\b.*",
    ],
    # style sheet lines a scraper kept: "@media screen and (max-width: 600px) {", "text-align: center;", "}"
    "boilerplate": [
        r"[@.#]?[\w\s.#>:,()*-]{0,120}\{",
        r"\}",
        r"(?-i:-?[a-z][a-z-]{1,40})\s*:\s*[^;{}]{0,120};",
        r"(?-i:[a-z]+-[a-z-]+)\s*:",
        r"(?-i:[a-z0-9#%.!-]{1,40});",
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
        rf"{_PHOTO_CREDIT}\.?",  # "Jacques Boissinot/The Canadian Press."
        rf"{_CREDIT_NAME}\s*/\s*{_CREDIT_NAME}\.?",  # a photo credit line: "Ahmed Said/LinkedIn.", "Facebook/Ana Ruiz."
        r"copyright\b.{0,120}",
        r"send (?:us\s+)?(?:your\s+)?(?:news\s+)?tips\b.{0,200}",  # "Send tips/quips/scoops to ..."
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
        # a wire credit line: "(Reporting by A; Additional reporting by B; Editing by C.)"
        r"\(\s*(?:additional\s+)?(?:reporting|writing|editing)\s+by\s+(?-i:[A-Z])[^()]{1,240}\)\.?",
        r"(?:edited|compiled|translated)\s+by\s+.{1,60}",
        r"(?:the\s+)?views\s+expressed\b.{0,120}",
        # "Her views are her own.", "The opinions expressed are the author's own."
        r"(?:(?:the|his|her|their|my|the\s+(?:author|writer|columnist)(?:'s|’s))\s+)?(?:views|opinions)\s+"
        r"(?:expressed\s+)?(?:here\s+)?are\s+(?:his|her|their|my|the\s+(?:author|writer|columnist)(?:'s|’s))\s+own\.?",
        r"(?:e-?mail|contact)\s*[:：]\s*\S+@\S+\.\w+\.?",
        r"(?:the\s+)?(?:writer|author|columnist)\s+is\s+(?:a|an|the)\s+.{3,200}",
        # a staff bio line: "Gabe Ortiz is senior media editor at The Daily Ledger."
        r"(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*){1,3}\s+is\s+(?:a\s+|an\s+|the\s+)?(?:[\w-]+\s+){0,4}"
        r"(?:editor|reporter|writer|correspondent|columnist|contributor|producer)\s+(?:at|for|with)\s+(?:the\s+)?"
        r"(?-i:[A-Z])[\w.'’&-]*(?:\s+(?-i:[A-Z])[\w.'’&-]*){0,5}\.?",
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

# A round-up item's source tag ending its paragraph, after a sentence end: "... in Indiana. [538]",
# "[WashPost.]", "[Lee Moran, HuffPost]", or a tag the scraper cut ("[SurveyMonkey"); or a line of its own.
SOURCE_TAG_RE = re.compile(r"\[[A-Z0-9][^\[\]\n]{0,58}\]?$")
SENTENCE_END_CHARS = ".!?\"'”’)"
# List bullets a scraper glues to the first word ("-Jane Doe says", "•Jane Doe"): split off when a
# capital letter follows.
# "after 5 p.m. Most were students": a clock time ends a sentence when a sentence opener follows
# (the parser reads "p.m." as an abbreviation inside the sentence).
CLOCK_END_RE = re.compile(
    r"\b[ap]\.m\.(?=\s+(?:The|A|An|He|She|It|I|We|They|You|Most|Many|Some|Several|Few|All|None|Both|But|And"
    r"|This|That|These|Those|There|His|Her|Their|Our|My|Its|Nobody|Everyone|Nothing)\b)"
)

BULLET_PREFIX = r"^[-•~▪►](?=[A-Z])"
# A bullet or dash that opens a statement ("- Pew notes that ...", "•Jane Doe says"): not part of it.
LEADING_BULLET_RE = re.compile(r"[-•~▪►]\s*(?=[A-Z“\"‘'])")

# A pull quote: a paragraph that is one quotation and nothing else ("“We have to do better.”").
PULL_QUOTE_RE = re.compile(r"^[“\"‘'][^\n]{2,400}[”\"’'][.!?]?$")
# The line under a pull quote that names who said it: "Morgan Lake", "— Ana de Souza", "Tess Ray, nurse".
NAME_LINE_RE = re.compile(
    r"^(?:[-–—―•~]\s*)?([A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|der|da|al|bin|la|le)){1,3})"
    r"(?:,\s+[^,\n]{2,60})?$"
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

# At most this many words in a quoted name inside the author's words (the “Commander-In-Chief”
# forum): a longer quotation in headline case is more likely speech.
MAX_QUOTED_NAME_WORDS = 5
