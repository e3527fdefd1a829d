"""Speaker entities: one person, one name, across the whole article.

After attribution has found every speaker mention (and :class:`claimkit.speakers.Resolver`
has resolved pronouns and short names in text order), :func:`link` groups the mentions into
entities. Each entity gets the fullest proper name the article uses ("Schumer" -> "Chuck
Schumer", even when the full name comes later; "Sharks head coach Peter DeBoer" -> "Peter
DeBoer"; "IRCC" -> "Immigration, Refugees and Citizenship Canada"), one type agreed by its
mentions (a name the parser typed organization once and person elsewhere is a person), and an
id ``e1``, ``e2`` ... in order of first appearance. Matching ignores case and apostrophe style
("O'Neill" = "O’Neill", "de Blasio" = "De Blasio"); middle names and initials may be missing
from a shorter mention ("Donald Trump" = "Donald J. Trump").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span

from .clean import capitalised
from .data import names as lexnames
from .data import reporting as lex
from .records import Speaker, SpeakerType

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_POSSESSIVE = re.compile(r"['’]s?$")
_NICKNAME = re.compile(r"\s*[“\"‘][^”\"’]{1,30}[”\"’]\s*")
_MAX_NAME_WORDS = 5
_LINKED_TYPES = frozenset(["person", "organization"])
_ORG_LABELS = frozenset(["ORG", "GPE", "NORP", "FAC"])


def norm(word: str) -> str:
    """A word for matching: lower case, one apostrophe style, no trailing full stop."""
    return word.translate(_APOSTROPHES).lower().rstrip(".,")


def _is_cap(word: str) -> bool:
    return word[:1].isupper() or (len(word) > 1 and word[0] in "'’" and word[1:2].isupper())


def proper_name(text: str) -> str | None:
    """The proper name that ends a mention, without titles and descriptions before it.

    "Heart and Stroke senior manager Erin Kim" -> "Erin Kim"; "Vancouver's Bo Horvat" ->
    "Bo Horvat"; "Mayor Bill de Blasio" -> "Bill de Blasio"; "Riefian “Ifan” Fajarsyah" ->
    "Riefian Fajarsyah"; "the security firm" -> None.
    """
    words = _NICKNAME.sub(" ", text).split()
    while words and _POSSESSIVE.search(words[-1]) and len(words) > 1:
        words = words[:-1]  # "Trudeau's" of "Trudeau's office" is handled by the caller
    run: list[str] = []
    for word in reversed(words):
        clean = word.strip(",;:()")
        if clean != word and run:
            break
        name_word = _is_cap(clean) and not _POSSESSIVE.search(clean) and norm(clean) not in lex.TITLES
        if name_word or (run and norm(clean) in lexnames.NAME_PARTICLES):
            run.insert(0, clean)
        else:
            break
    while run and norm(run[0]) in lexnames.NAME_PARTICLES:
        run = run[1:]
    if not run or len(run) > _MAX_NAME_WORDS:
        return None
    return " ".join(run)


@lru_cache(maxsize=4096)
def _headlines(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of the sentences written in headline case: at least 4 words besides small
    words, 90 % of them capitalised, and a capitalised verb or stop word after the first word
    ("... Auctioning Off Gun Used To Kill Trayvon Martin"; a list of names has none)."""
    found = []
    for sent in doc.sents:
        words, share = capitalised(sent.text)
        if (
            words >= 4
            and share >= 0.9
            and any(t.text[:1].isupper() and (t.pos_ in {"VERB", "AUX"} or t.is_stop) for t in sent[1:])
        ):
            found.append((sent.start_char, sent.end_char))
    return found


def _pronoun_person(ent: Span) -> bool:
    """Whether a two- or three-word name the parser typed organisation is a person: all its
    words capitalised proper nouns, and a "he" or "she" subject follows in its sentence before
    any other name."""
    if ent.label_ != "ORG" or not 2 <= len(ent) <= 3:
        return False
    if not all(t.pos_ == "PROPN" and _is_cap(t.text) and not t.text.isupper() for t in ent):
        return False  # not "NBC News"
    tail = norm(ent[-1].text)
    if tail in lexnames.NOT_NAME_TAILS or tail in lex.ORGANIZATION_NOUNS or tail in lex.MEDIA_WORDS:
        return False
    for tok in ent.doc[ent.end : ent.sent.end]:
        if tok.ent_type_ in {"PERSON", "ORG"}:
            return False
        if tok.dep_ in {"nsubj", "nsubjpass"} and tok.lower_ in {"he", "she"}:
            return True
    return False


def _words(name: str) -> tuple[str, ...]:
    return tuple(norm(w) for w in name.split())


def _contains(full: tuple[str, ...], part: tuple[str, ...]) -> bool:
    """Whether every word of ``part`` is in ``full``, in order (initials match names)."""
    i = 0
    for word in full:
        if i < len(part) and (word == part[i] or (len(part[i]) == 1 and word.startswith(part[i]))):
            i += 1
    return i == len(part)


def initials(name: str) -> str:
    """Upper-case initials of the capitalised words: "Immigration, Refugees and Citizenship Canada" -> "IRCC"."""
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’-]*", name) if w[0].isupper())


def gender_of(name: str, titles: str = "") -> str | None:
    """``m``, ``f`` or None, from a title ("Mr.", "Ms.") or a first name in the word lists."""
    for word in _words(titles) + _words(name)[:1]:
        if word in lexnames.MALE_TITLES or word in lexnames.MALE_NAMES:
            return "m"
        if word in lexnames.FEMALE_TITLES or word in lexnames.FEMALE_NAMES:
            return "f"
    return None


@dataclass
class Entity:
    """One speaker of an article and everything known about it.

    Attributes:
        id: ``e1``, ``e2`` ... in order of first appearance.
        name: the canonical name (the fullest proper name the article uses).
        type: the type its mentions agree on.
        description: the first apposition found for it.
        mentions: how many times the article mentions it (speaker mentions and names).
        statements: how many statements it is the speaker of.
    """

    id: str
    name: str
    type: SpeakerType
    description: str | None = None
    mentions: int = 0
    statements: int = 0
    first: int = 0
    kinds: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "description": self.description,
            "mentions": self.mentions,
            "statements": self.statements,
        }


def _appositive_person(ent: Span) -> bool:
    """A name of two or three capitalised words that the parser typed as an organisation but
    that stands in apposition to a person's job ("The utility's general manager, Renata Quist")."""
    head = ent.root.head
    return (
        ent.root.dep_ == "appos"
        and 2 <= len(ent) <= 3
        and all(t.pos_ == "PROPN" and _is_cap(t.text) for t in ent)
        and head.pos_ == "NOUN"
        and head.lemma_.lower() in lexnames.PERSON_ROLE_NOUNS
    )


def _eponym(ent: Span) -> bool:
    """Whether a name stands before a noun it names as an eponym ("Hodgkin lymphoma",
    "Parkinson's disease"), not a person."""
    doc = ent.doc
    k = ent.end
    if k < len(doc) and doc[k].tag_ == "POS":
        k += 1
    return k < len(doc) and doc[k].pos_ == "NOUN" and doc[k].lower_ in lexnames.EPONYM_HEADS


class Names:
    """The proper names an article uses, with where they occur and how the parser typed them."""

    def __init__(self, doc: Doc, aside: Callable[[int], bool] | None = None) -> None:
        """Collect the names of ``doc``; ``aside(offset)`` is True for text outside the body
        (captions, video teasers, related links): names there are nobody the article quotes."""
        self.persons: list[tuple[int, str]] = []
        self.orgs: list[tuple[int, str]] = []
        self.runs: list[tuple[int, str]] = []
        self.genders: dict[str, str] = {}
        self._index: _NameIndex | None = None
        self._headlines = _headlines(doc)
        for ent in doc.ents:
            if self.in_headline(ent.start_char) or (aside is not None and aside(ent.start_char)):
                continue  # "George Zimmerman Auctioning Off Gun Used To Kill Trayvon Martin."
            if ent.label_ == "PERSON" and _eponym(ent):
                continue  # "Hodgkin lymphoma": a disease, not a person
            if ent.label_ == "PERSON" and len(ent) == 1 and lexnames.known_organization(ent.text, True):
                self.orgs.append((ent.start_char, _POSSESSIVE.sub("", ent.text)))
                continue  # "Gannett", typed person by the parser
            if ent.label_ == "PERSON":
                name = proper_name(_POSSESSIVE.sub("", ent.text))  # "Damon Green’s future"
                if name and _words(name)[-1] not in lexnames.NOT_NAME_TAILS:  # not "Carol Burnett Award"
                    self.persons.append((ent.start_char, name))
                    self._vote(name, ent.doc, ent.start, ent.end)
            elif ent.label_ in _ORG_LABELS and _appositive_person(ent):
                self.persons.append((ent.start_char, ent.text))  # "the general manager, Renata Quist,"
            elif ent.label_ in _ORG_LABELS:
                text = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
                self.orgs.append((ent.start_char, _POSSESSIVE.sub("", text)))
                if _pronoun_person(ent):  # "For Megda Belkacemi, Friday is a day she has awaited"
                    self.persons.append((ent.start_char, ent.text))
                    self._vote(ent.text, ent.doc, ent.start, ent.end)
        self._proper_runs(doc)

    def _proper_runs(self, doc: Doc) -> None:
        """Runs of 2 to 4 capitalised proper nouns outside organisation names ("Ian Poulter")."""
        run: list = []
        for tok in [*doc, None]:
            if (
                tok is not None
                and tok.pos_ == "PROPN"
                and _is_cap(tok.text)
                and (tok.ent_type_ not in _ORG_LABELS or (run and gender_of(run[0].text)) or gender_of(tok.text))
                and norm(tok.text) not in lex.TITLES
                and tok.tag_ != "NNPS"
            ):
                run.append(tok)
                continue
            if (
                2 <= len(run) <= 4
                and norm(run[-1].text) not in lexnames.NOT_NAME_TAILS
                and not self.in_headline(run[0].idx)
            ):
                self.runs.append((run[0].idx, " ".join(t.text for t in run)))
            run = []

    def in_headline(self, offset: int) -> bool:
        """Whether ``offset`` is inside a sentence in headline case, whose capitals say nothing
        about which words are names."""
        return any(start <= offset < end for start, end in self._headlines)

    def _vote(self, name: str, doc: Doc, start: int, end: int) -> None:
        """Note the gender a noun or title right before a name gives ("her father Khaled", "Mr.
        Cruz"), else that of the first personal pronoun after a full name, before another name."""
        if name in self.genders:
            return
        before = doc[start - 1].lower_ if start else ""
        said = lexnames.GENDER_NOUNS.get(before) or gender_of("", before)
        if said is not None:
            self.genders[name] = said
            return
        if len(name.split()) < 2:
            return
        for tok in doc[end : min(len(doc), end + 30)]:
            if tok.ent_type_ == "PERSON":
                return
            gender = lexnames.PRONOUN_GENDER.get(tok.lower_)
            if gender is not None:
                self.genders[name] = gender
                return

    def gender(self, name: str, offset: int) -> str | None:
        """``m``, ``f`` or None for a (possibly short or described) person name."""
        name = proper_name(name) or name  # "Heart and Stroke senior manager Erin Kim" -> "Erin Kim"
        full = self.person(name, offset) or name
        return gender_of(full) or self.genders.get(full)

    def drop_names_in(self, spans: list[tuple[int, int]]) -> None:
        """Forget the person names inside ``spans`` (the byline and credit lines: the author is
        never a speaker, nor the antecedent of a pronoun)."""

        def outside(offset: int) -> bool:
            return not any(start <= offset < end for start, end in spans)

        self.persons = [(o, n) for o, n in self.persons if outside(o)]
        self.runs = [(o, n) for o, n in self.runs if outside(o)]
        self._index = None

    def add_person(self, offset: int, name: str) -> None:
        self.persons.append((offset, name))
        self._index = None

    def index(self) -> _NameIndex:
        """The names grouped for look-ups (built once, again after :meth:`add_person`)."""
        if self._index is None:
            self._index = _NameIndex(self.persons, self.runs)
        return self._index

    def person(self, name: str, offset: int, gender: str | None = None) -> str | None:
        """The fullest person name of the article that ``name`` is part of, or None.

        A single word matches a surname first, then a first name. Among different people,
        the one named last before ``offset`` wins, else the first one after. A bare surname
        never takes a full name of the other gender (``gender``, from the mention's title, else
        the one the article gives the bare name: "Mr. Obama" is not "Michelle Obama").
        """
        part = _words(name)
        if not part:
            return None
        idx = self.index()
        hits = {n: offs for n, offs in idx.persons_with(part).items() if _contains(_words(n), part)}
        if not hits or (len(part) == 1 and max(len(_words(n)) for n in hits) == 1):
            # no longer entity: a proper-noun run ("Brittany Lincicome" the parser left untyped)
            runs = {n: offs for n, offs in idx.runs_ending(part[-1]).items() if _contains(_words(n), part)}
            hits = {**hits, **runs}
        if len(part) == 1:
            last = {n: offs for n, offs in hits.items() if _words(n)[-1] == part[0]}
            hits = last or hits
        if not hits:
            return None
        first_hit = min((offs[0], n) for n, offs in hits.items())
        if len(part) == 1 and self.shared(part[0]):
            # a bare surname shared by several people ("Trump" beside "Ivanka Trump"): news names
            # relatives and namesakes in full and keeps the bare surname for the one it met first
            anchor = first_hit[1]
        else:
            before = [(offs[i - 1], n) for n, offs in hits.items() if (i := bisect_right(offs, offset))]
            anchor = (max(before) if before else first_hit)[1]
        wider = [n for n in hits if _contains(_words(n), _words(anchor))]
        if len(part) == 1 and (want := gender or self.genders.get(name)) is not None:
            wider = [n for n in wider if (gender_of(n) or self.genders.get(n)) in (None, want)]
            if not wider:
                return name
        best = max(wider, key=lambda n: (len(n.split()), not n.isupper(), -idx.first(n)))
        return name if best.isupper() and not name.isupper() and _words(best) == part else best

    def shared(self, surname: str) -> bool:
        """Whether several people of the article carry ``surname`` ("Donald"/"Ivanka Trump")."""
        return len(self.index().full_names_ending(norm(surname))) > 1

    def organization(self, name: str) -> str | None:
        """The fullest organisation name that ``name`` starts or abbreviates ("IRCC")."""
        words = _words(name)
        if not words:
            return None
        best = None
        for _, org in self.orgs:
            ow = _words(org)
            fits = ow[: len(words)] == words or (len(words) == 1 and name.isupper() and initials(org) == name)
            if fits and len(ow) > len(words) and (best is None or len(ow) > len(best.split())):
                best = org
        return best

    def full_org_typed(self, surname: str) -> str | None:
        """A person's full name the parser typed organisation: the first two- or three-word
        capitalised organisation name ending with ``surname`` ("Nino Niederreiter")."""
        key = norm(surname)
        for _, org in self.orgs:
            words = org.split()
            if 2 <= len(words) <= 3 and norm(words[-1]) == key and all(_is_cap(w) for w in words):
                return org
        return None

    def in_org_name(self, word: str, person: str | None = None) -> bool:
        """Whether ``word`` is part of a longer organisation name ("Ford" of "Ford Motor Co.").

        An organisation name that holds ``person``'s full name is that person mistyped, not an
        organisation ("Anne Marie Cerato" typed ORG once, "… / The Canadian Press Anne Marie Cerato"
        in a photo caption).
        """
        key = norm(word)
        full = _words(person) if person is not None and len(person.split()) > 1 else None
        return any(
            len(n.split()) > 1 and key in _words(n) and not (full is not None and _contains(_words(n), full))
            for _, n in self.orgs
        )

    def person_share(self, word: str) -> float:
        """The share of the parser's entities holding ``word`` that are persons."""
        key = norm(word)
        persons = sum(key in _words(n) for _, n in self.persons)
        orgs = sum(key in _words(n) for _, n in self.orgs)
        return persons / (persons + orgs) if persons + orgs else 0.0


def canonical(speaker: Speaker, names: Names) -> tuple[str, SpeakerType]:
    """The canonical name and type of a resolved speaker."""
    offset = speaker.start if speaker.start is not None else 0
    if speaker.type == "group" and _is_cap(speaker.name) and " " not in speaker.name:
        person = names.person(speaker.name, offset)  # "Woods" tagged plural, of "Tiger Woods"
        if person is not None and len(person.split()) > 1:
            return person, "person"
    if " and " in speaker.name and speaker.type != "anonymous":
        together = _coordinated(speaker.name, names, offset)
        if together is not None:  # "Both Sandmann and Phillips" -> "Nick Sandmann and Nathan Phillips"
            return together, "group"
    if speaker.type not in _LINKED_TYPES:
        return speaker.name, speaker.type
    proper = proper_name(speaker.name)
    if proper is None or _after_preposition(speaker.name, proper):
        return speaker.name, speaker.type  # "lawyer for Animal Protection Services" is no "Services"
    if speaker.type == "organization" and lexnames.known_organization(proper.split()[-1], True):
        return speaker.name, speaker.type  # "USA TODAY": a masthead, though a run of capitals
    person = names.person(proper, offset, gender_of("", speaker.mention))
    last = proper.split()[-1]
    if person is not None and (
        speaker.type == "person" or names.person_share(last) >= 0.5 or not names.in_org_name(last, person)
    ):
        return person, "person"
    if speaker.type == "organization" or (person is None and proper.isupper() and " " not in proper):
        org = names.organization(speaker.name if speaker.type == "organization" else proper)
        if org is not None:  # "IRCC"; "EDC" typed person -> "Export Development Canada"
            return org, "organization"
    if speaker.type == "person" or (len(proper.split()) > 1 and gender_of(proper)):
        return proper, "person"  # "economist Philip Cross", typed organization by the parser
    return speaker.name, speaker.type


def _coordinated(name: str, names: Names, offset: int) -> str | None:
    """Persons named together ("Sandmann and Phillips"), each by their fullest name; None
    unless every part is a person's name."""
    parts = [p.strip() for p in name.split(" and ")]
    fulls = []
    for part in parts:
        proper = proper_name(part)
        full = proper and names.person(proper, offset, gender_of("", part))
        if not proper or not full or " ".join(_words(part)[-len(_words(proper)) :]) != " ".join(_words(proper)):
            return None  # every part a name, with at most a title before it ("Mr. Grassley")
        if proper != part and norm(part.split()[0]) not in lex.TITLES:
            return None
        fulls.append(full)
    return " and ".join(fulls)


def _after_preposition(name: str, proper: str) -> bool:
    """Whether the proper name that ends a description follows a preposition ("official with
    X", "Senator from Texas"; not "Mayor of London Sadiq Khan")."""
    before = name[: len(name) - len(proper)].split() if name.endswith(proper) else []
    while before and before[-1].lower() in lex.NAME_DROP_WORDS:
        before = before[:-1]
    lowered = bool(before) and (not _is_cap(before[0]) or norm(before[0]) in lex.TITLES)  # "Senator from Texas"
    return lowered and before[-1].lower() in lex.QUALIFYING_PREPOSITIONS


def link(speakers: list[Speaker | None], doc: Doc, names: Names | None = None) -> list[Entity]:
    """Give every speaker its entity's canonical name, agreed type and id (in place).

    Args:
        speakers: the speaker of each statement in text order (None for the author).
        doc: the parsed article.
        names: the article's names, when the caller has them already.

    Returns:
        The entities in order of first appearance.
    """
    names = names or Names(doc)
    for sp in speakers:
        if sp is not None and sp.type == "person":
            proper = proper_name(sp.name)
            if proper is not None and len(proper.split()) > 1:
                names.add_person(sp.start or 0, proper)
    keyed: dict[tuple[str, str], Entity] = {}
    order: list[tuple[Speaker, tuple[str, str]]] = []
    for sp in speakers:
        if sp is None:
            continue
        name, stype = canonical(sp, names)
        sp.name, sp.type = name, stype
        group = "anon" if stype in {"anonymous", "group"} else "named"
        key = (" ".join(_words(name)), group)
        ent = keyed.get(key)
        first = sp.start if sp.start is not None else 0
        if ent is None:
            ent = keyed[key] = Entity("", name, stype, sp.description, first=first)
        ent.first = min(ent.first, first)
        ent.statements += 1
        ent.description = ent.description or sp.description
        order.append((sp, key))
    entities = sorted(keyed.values(), key=lambda e: e.first)
    starts: dict[tuple[str, str], set[int]] = {}
    for sp, key in order:
        if sp.start is not None:
            starts.setdefault(key, set()).add(sp.start)
    key_of = {id(ent): key for key, ent in keyed.items()}
    for n, ent in enumerate(entities, 1):
        ent.id = f"e{n}"
        ent.mentions = _count_mentions(ent, names, starts.get(key_of[id(ent)], set()))
    for sp, key in order:
        ent = keyed[key]
        sp.id = ent.id
        sp.name, sp.type = ent.name, ent.type
    return entities


def _count_mentions(ent: Entity, names: Names, starts: set[int]) -> int:
    """Speaker mentions of ``ent`` (``starts``) plus the other places the article names it (a
    name whose words are all in the entity's name, its surname included)."""
    starts = set(starts)
    words = _words(ent.name)
    if ent.type == "person" and words:
        for offset, name in names.index().places_ending(words[-1]):
            if _contains(words, _words(name)):
                starts.add(offset)
    return max(1, len(starts))


class _NameIndex:
    """Person names and proper-noun runs grouped by name and by word, so that look-ups cost the
    names that share a word with the query instead of every mention of the article."""

    def __init__(self, persons: list[tuple[int, str]], runs: list[tuple[int, str]]) -> None:
        self._persons: dict[str, list[int]] = _group(persons)
        self._runs: dict[str, list[int]] = _group(runs)
        self._by_word: dict[str, list[str]] = {}
        for n in self._persons:
            for w in dict.fromkeys(_words(n)):
                self._by_word.setdefault(w, []).append(n)
        self._runs_by_last: dict[str, list[str]] = {}
        for n in self._runs:
            if _words(n):
                self._runs_by_last.setdefault(_words(n)[-1], []).append(n)
        self._firsts: dict[str, int] = {}
        self._full_by_last: dict[str, set[tuple[str, ...]]] = {}
        self._places_by_last: dict[str, set[tuple[int, str]]] = {}
        for o, n in persons + runs:
            self._firsts[n] = min(o, self._firsts.get(n, o))
            words = _words(n)
            if words:
                self._places_by_last.setdefault(words[-1], set()).add((o, n))
                if len(n.split()) > 1:
                    self._full_by_last.setdefault(words[-1], set()).add(words)

    def persons_with(self, part: tuple[str, ...]) -> dict[str, list[int]]:
        """Person names that may contain ``part``: those sharing its first full word (all of
        them when ``part`` is only initials), in the order the article met them."""
        key = next((w for w in part if len(w) > 1), None)
        if key is None:
            return self._persons
        return {n: self._persons[n] for n in self._by_word.get(key, ())}

    def runs_ending(self, word: str) -> dict[str, list[int]]:
        return {n: self._runs[n] for n in self._runs_by_last.get(word, ())}

    def full_names_ending(self, word: str) -> set[tuple[str, ...]]:
        return self._full_by_last.get(word, set())

    def places_ending(self, word: str) -> set[tuple[int, str]]:
        return self._places_by_last.get(word, set())

    def first(self, name: str) -> int:
        return self._firsts.get(name, 0)


def _group(pairs: list[tuple[int, str]]) -> dict[str, list[int]]:
    """Sorted offsets of each name, names in order of their first place in ``pairs``."""
    grouped: dict[str, list[int]] = {}
    for o, n in pairs:
        grouped.setdefault(n, []).append(o)
    for offs in grouped.values():
        offs.sort()
    return grouped


_RANKS = frozenset(["prime", "vice", "deputy", "assistant", "associate", "lieutenant", "acting", "interim"])
_ROLE_POS = frozenset(["NOUN", "PROPN", "ADJ", "NUM", "VERB"])


class Roles:
    """What an article calls its named people and organisations, so that a definite description
    ("the WHL commissioner", "the company", "the diocese") finds the name it stands for.

    A name's role words are the nouns and adjectives right before it ("WHL commissioner Ron
    Robison", "media buying company GroupM") and those of its apposition ("Guenther Schuh, e.GO's
    founder"); an organisation's own name counts too ("the diocese" -> "Roman Catholic Diocese of
    Covington").
    """

    def __init__(self, doc: Doc, names: Names) -> None:
        self.doc = doc
        self.items: list[tuple[int, str, str, frozenset[str]]] = []  # offset, name, kind, role words
        for ent in doc.ents:
            kind = "person" if ent.label_ == "PERSON" else "organization" if ent.label_ == "ORG" else None
            if kind is None:
                continue
            if kind == "person":
                short = proper_name(_POSSESSIVE.sub("", ent.text))
                name = short and (names.person(short, ent.start_char) or short)
            else:
                name = _POSSESSIVE.sub("", ent.text.removeprefix("the "))
            if not name:
                continue
            before = _role_tokens(doc, ent.start)
            # a person's role is the title noun right before the name ("WHL commissioner Ron Robison")
            if kind == "person":  # the title right before the name: "commissioner", "prime minister"
                words = {t.lemma_.lower() for t in before[:2] if t is before[0] or norm(t.text) in lex.TITLES}
            else:  # "media buying company GroupM"; its own name ("the railway": "Northern Railway")
                words = {t.lemma_.lower() for t in [*before, *ent]}
            for child in ent.root.children:
                if child.dep_ == "appos":  # "Guenther Schuh, e.GO's founder", not "a venture with an oil company"
                    words |= {t.lemma_.lower() for t in [*child.lefts, child] if t.pos_ in _ROLE_POS}
            self.items.append((ent.start_char, name, kind, frozenset(words)))
        # indexes for find (a long article has many descriptions and many names): the items by
        # kind and role word, and the offsets of each name, both in text order
        self._by_role_word: dict[tuple[str, str], tuple[list[int], list[tuple[str, frozenset[str]]]]] = {}
        self._places: dict[tuple[str, str], list[int]] = {}
        for offset, name, kind, role in self.items:
            self._places.setdefault((kind, name), []).append(offset)
            for word in role:
                offsets, roles = self._by_role_word.setdefault((kind, word), ([], []))
                offsets.append(offset)
                roles.append((name, role))

    def find(self, phrase: Span, kind: str) -> str | None:
        """The name a definite description stands for: of the names the article gave that role
        before it, the one mentioned last; None when there is none.

        A rank that makes another office must be in the description too ("the WHL commissioner"
        -> "WHL commissioner Ron Robison", "the minister" -> "Foreign Minister Leila Osei", but
        not "Prime Minister Justin Trudeau").
        """
        role_word = phrase.root.lemma_.lower()
        fits = self._fits(phrase, kind, role_word)
        if not fits:
            # another word for the office ("the judge" -> "Justice Ann Roe"): only one such person
            others = {n for word in lexnames.ROLE_SYNONYMS.get(role_word, ()) for n in self._fits(phrase, kind, word)}
            fits = others if len(others) == 1 else set()
        if not fits:
            return None

        def latest(name: str) -> int:  # where the article last gave that name before the phrase
            places = self._places[(kind, name)]
            return places[bisect_left(places, phrase.start_char) - 1]

        return max(fits, key=latest)

    def _fits(self, phrase: Span, kind: str, role_word: str) -> set[str]:
        """The names the article gave the role ``role_word`` before ``phrase`` (with any rank the
        phrase names too)."""
        offsets, roles = self._by_role_word.get((kind, role_word), ((), ()))
        before = bisect_left(offsets, phrase.start_char)
        words = {t.lemma_.lower() for t in phrase}
        return {name for name, role in roles[:before] if role & _RANKS <= words}


def _role_tokens(doc: Doc, start: int) -> list:
    """The nouns and adjectives right before a name, in its sentence ("media buying company")."""
    out = []
    i = start - 1
    while (
        i >= 0 and len(out) < 6 and doc[i].pos_ in _ROLE_POS and not doc[i].is_sent_end and doc[i].ent_type_ != "PERSON"
    ):
        out.append(doc[i])
        i -= 1
    return out
