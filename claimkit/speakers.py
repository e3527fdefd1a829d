"""Speakers: the noun phrase that says something, its type, its source type, and resolution.

Resolution follows how news text names people: the first full mention ("Park Won-gon, a
professor at Ewha Womans University") gives the name and the description; later mentions
("Professor Park", "Mr. Trump", "He", "the ministry") resolve to it. Word lists live in
:mod:`claimkit.data.reporting`.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from .data import names as lexnames
from .data import reporting as lex
from .entities import Names, Roles, canonical, gender_of, norm, proper_name
from .records import Source, SourceType, Speaker, SpeakerType

_PERSON = "PERSON"
_ORG_LABELS = frozenset(["ORG", "NORP", "GPE", "FAC"])
_STATE_LABELS = frozenset(["GPE", "NORP"])
_MAX_QUALIFIER = 8
# Title words that also modify an organisation's name ("Foreign Ministry", "House Committee").
_TITLE_MODIFIERS = frozenset(["foreign", "vice", "prime", "former", "house", "general", "chief", "deputy", "justice"])
_SUBJECT_DEPS = frozenset(["nsubj", "nsubjpass"])
_QUALIFIER_DEPS = frozenset(["prep", "acl", "relcl"])
_NAME_DEPS = frozenset(["compound", "flat", "amod", "nmod", "det", "poss", "case", "nummod", "quantmod"])


# a second subject that continues a list of places or a share ("voters in Alabama, Georgia and
# Virginia said", "Just shy of half, 49%, say") is no speaker of its own
_NOT_NEAR_SPEAKERS = frozenset(["GPE", "LOC", "PERCENT", "CARDINAL"])


def spaced_dash(tok: Token) -> bool:
    """A dash that separates phrases: an em or en dash, or a hyphen set off by a space ("RENO,
    Nev. (AP) — X", "BOISE, Idaho - X"), not the hyphen inside a word."""
    return tok.text in {"—", "–"} or (tok.text in {"-", "--"} and bool(tok.whitespace_))


def noun_phrase(doc: Doc, head: Token) -> Span:
    """The noun phrase of ``head``: its left modifiers, compounds, coordinated nouns and
    prepositional names ("Ministry of Foreign Affairs"), without appositions or relative clauses.
    """
    left = head.left_edge.i
    right = head.i
    dashes = [t.i for t in doc[left : head.i] if spaced_dash(t)]
    if dashes:
        left = dashes[-1] + 1  # no phrase runs over a spaced dash ("RANGOON, Burma - Aung San Suu Kyi's allies")
    right = head.i
    for child in head.rights:
        if child.dep_ in {"compound", "flat"}:
            right = max(right, child.right_edge.i)
        elif child.dep_ == "conj" and child.pos_ in {"PROPN", "NOUN", "PRON"}:
            right = max(right, _phrase_end(child))
        elif child.dep_ == "cc" and child.i == right + 1:
            right = child.i
        elif child.dep_ == "prep" and child.lower_ == "of" and head.pos_ == "PROPN" and head.ent_type_ != _PERSON:
            right = max(right, child.right_edge.i)
    while right + 2 < len(doc) and (_hyphen_name(doc, right) or _hyphen_word(doc, right)):
        right += 2  # "Wilson-Raybould", parsed as "Wilson" "-" "Raybould"; "ex-wife" as "ex" "-" "wife"
    span = doc[left : right + 1]
    # a possessive subject "Trump's campaign" keeps the whole phrase; a leading quote mark does not
    while len(span) > 1 and span[0].is_punct:
        span = span[1:]
    while len(span) > 1 and (span[-1].dep_ == "cc" or (span[-1].is_punct and span[-1].text != "%")):
        span = span[:-1]  # "Trump and" of a misparsed "Trump and has aides"
    return span


def _hyphen_name(doc: Doc, i: int) -> bool:
    """Whether a hyphen and a capitalised proper noun follow token ``i`` with no space."""
    tok, nxt = doc[i], doc[i + 2]
    return _glued_hyphen(doc, i) and tok.pos_ == "PROPN" and nxt.pos_ == "PROPN" and nxt.text[:1].isupper()


def _hyphen_word(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is the first part of a lower-case hyphenated noun the tokenizer split
    ("ex" "-" "wife", "co" "-" "founder"): a hyphen glued to a word on both sides."""
    tok, nxt = doc[i], doc[i + 2]
    return _glued_hyphen(doc, i) and tok.is_alpha and nxt.is_alpha and nxt.pos_ in {"NOUN", "PROPN"}


def _glued_hyphen(doc: Doc, i: int) -> bool:
    """Whether a hyphen follows token ``i`` with no space on either side ("Wilson-Raybould")."""
    return not doc[i].whitespace_ and doc[i + 1].text == "-" and not doc[i + 1].whitespace_


def _phrase_end(tok: Token) -> int:
    end = tok.i
    for child in tok.rights:
        if child.dep_ in {"compound", "flat"}:
            end = max(end, child.right_edge.i)
    return end


def can_speak(noun: Token | None) -> bool:
    """Whether the antecedent of "which" can be a source: an organisation, a place or nation,
    a document ("the report, which said")."""
    if noun is None:
        return False
    lemma = noun.lemma_.lower()
    return (
        noun.ent_type_ in {"ORG", "GPE", "NORP", "PERSON"}
        or lemma in lex.ORGANIZATION_NOUNS
        or lemma in lex.DOCUMENT_NOUNS
        or lemma in lex.MEDIA_WORDS
    )


def cites_someone(noun: Token) -> bool:
    """Whether "citing X" names a source (the phrase sources what the sentence says: "citing two
    officials", "citing a report", "citing them"), not the grounds of the subject's own claim
    ("citing her work after the attacks": then "citing" is the subject's cue, X its content)."""
    return (
        can_speak(noun)
        or noun.lemma_.lower() in lex.OFFICIAL_WORDS | lex.ANONYMOUS_WORDS
        or noun.lower_ in lex.PERSON_PRONOUNS | lex.GROUP_PRONOUNS
    )


def description_of(doc: Doc, head: Token) -> str | None:
    """The apposition of ``head``: "a professor at Ewha Womans University"."""
    appos = next((c for c in head.rights if c.dep_ == "appos"), None)
    if appos is None or not _next_to(head, appos) or is_event_apposition(appos.left_edge):
        return None
    span = doc[appos.left_edge.i : appos.right_edge.i + 1]
    text = span.text.strip(" ,\xa0")
    if text.strip("()[] \xa0").lower() in lexnames.PHOTO_POSITIONS:  # "George Zimmerman (left)" in a caption
        return None
    return text or None


def is_event_apposition(first: Token) -> bool:
    """Whether ``first`` opens an apposition on the whole event of its sentence ("*the* latest
    chapter in ...", "*another* sign of ..."): the author's comment, not the noun's ("the plan,
    a step she fought for" describes the plan)."""
    noun = first if first.dep_ == "appos" else first.head
    return (
        noun.dep_ == "appos"
        and noun.i != first.i
        and noun.lemma_.lower() in lex.EVENT_APPOSITIONS
        and noun.left_edge.i == first.i
        and any(c.lower_ in lex.SERIES_WORDS for c in noun.lefts)
    )


def _next_to(head: Token, appos: Token) -> bool:
    """Whether the apposition follows the head's own phrase with only punctuation between: not a
    sentence-final "another example of ..." the parser hung on the subject across the verb."""
    end = max((c.right_edge.i for c in head.rights if c.i < appos.i), default=head.i)
    return all(t.is_punct for t in head.doc[end + 1 : appos.left_edge.i])


def _titled_name(phrase: Span) -> str | None:
    """The name after a title that the parser did not tag as a person: "City Councilwoman
    Priya Shah" -> "Priya Shah" (the title tagged a nationality). None when the phrase does not
    end in a title and one or more singular proper nouns, its head among them."""
    words = list(phrase)
    at = max((k for k, t in enumerate(words) if t.lower_.rstrip(".") in lex.TITLES), default=-1)
    rest = words[at + 1 :]
    if at < 0 or not rest or phrase.root not in rest or words[at].lower_ in _TITLE_MODIFIERS:
        return None  # not "Chinese Foreign Ministry"
    if not all(
        t.pos_ == "PROPN"
        and t.tag_ == "NNP"
        and t.text[:1].isupper()
        and t.lemma_.lower() not in lex.ORGANIZATION_NOUNS
        and t.ent_type_ not in _ORG_LABELS
        for t in rest
    ):
        return None
    return phrase.doc[rest[0].i : rest[-1].i + 1].text


def _person_tokens(phrase: Span) -> list[Token]:
    """The PERSON tokens of a phrase that name its referent: not a possessor ("Norman’s lawyers",
    "Trump's campaign" are not Norman and Trump), nor a name that modifies a common noun head
    ("Brexit backers", "the Clinton campaign")."""
    root = phrase.root
    owned = {t.i for c in root.children if c.dep_ == "poss" for t in c.subtree}
    if root.pos_ == "NOUN":
        owned |= {t.i for c in root.lefts if c.dep_ == "compound" and c.pos_ == "PROPN" for t in c.subtree}
    return [t for t in phrase if t.ent_type_ == _PERSON and t.i not in owned and not _known_organization(t)]


def _known_organization(tok: Token) -> bool:
    """A news organisation's or company's name the parser may type person ("Gannett"), standing
    alone (not a word of a longer person name)."""
    alone = tok.ent_type_ != _PERSON or (
        tok.ent_iob_ == "B" and (tok.i + 1 == len(tok.doc) or tok.doc[tok.i + 1].ent_iob_ != "I")
    )
    return alone and lexnames.known_organization(tok.text, tok.pos_ == "PROPN")


def name_of(phrase: Span) -> str:
    """The name a phrase gives: a PERSON entity if any (not a possessor), a name after a title,
    else the phrase without "the"/"both"."""
    persons = [t.i for t in _person_tokens(phrase)]
    if persons and not any(t.lower_ == "and" for t in phrase):
        return phrase.doc[persons[0] : persons[-1] + 1].text
    if (titled := _titled_name(phrase)) is not None:
        return titled
    words = list(phrase)
    while len(words) > 1 and words[0].lower_ in lex.NAME_DROP_WORDS:
        words = words[1:]
    text = phrase.doc[words[0].i : words[-1].i + 1].text
    return text.lower() if speaker_type(phrase) == "anonymous" else text


def _generational(phrase: Span) -> bool:
    """Whether the phrase is a proper name ending in a generational suffix ("... Jr.", "... II")."""
    words = [t for t in phrase if t.pos_ == "PROPN"]
    return (
        len(words) >= 2
        and words[-1].i == phrase[-1].i
        and words[-1].text.lower().rstrip(".") in lexnames.GENERATIONAL_SUFFIXES
    )


def speaker_type(phrase: Span) -> SpeakerType:
    """person, organization, group or anonymous, from entities, pronouns and word lists."""
    words = {t.lower_ for t in phrase}
    root = phrase.root
    has_person = bool(_person_tokens(phrase))
    if not has_person and (words & lex.ANONYMOUS_WORDS or root.lemma_.lower() in lex.REPORT_NOUNS):
        return "anonymous"
    if not has_person and _known_organization(root):
        return "organization"  # "Gannett said", "The Times reported"
    if _generational(phrase):
        return "person"  # "Vann R. Newkirk II", typed organisation by the parser
    if has_person or root.lower_ in lex.PERSON_PRONOUNS or root.lower_ in lex.FIRST_PERSON:
        return "person"
    if _titled_name(phrase) is not None:
        return "person"  # "City Councilwoman Priya Shah" (the title tagged a nationality)
    if root.pos_ == "NOUN" and root.lower_ in lex.TITLES:
        return "person"  # "The Republican presidential nominee", "the Kentucky senator"
    lemma = root.lemma_.lower()
    if any(t.ent_type_ in _ORG_LABELS for t in phrase) or lemma in lex.ORGANIZATION_NOUNS:
        return "organization"
    if root.pos_ == "NOUN" and root.tag_ == "NN" and lemma in lexnames.ORGANIZATION_DESCRIPTION_NOUNS:
        return "organization"  # "the fund", "the airline": not a person
    if root.lower_ in lex.GROUP_PRONOUNS or root.tag_ in {"NNS", "NNPS"} or words & lex.VAGUE_SPEAKERS:
        return "group"
    return "person"


def source_type(speaker: Speaker, phrase: Span | None = None) -> SourceType:
    """Where the information comes from, given its speaker (named, official, media, document...).

    A country or a nationality speaking ("China and North Korea pledged") is an official source.
    """
    if speaker.type == "anonymous":
        return "anonymous"
    if phrase is not None and speaker.type == "organization" and phrase.root.ent_type_ in _STATE_LABELS:
        return "official"
    text = f" {speaker.name} {speaker.description or ''} ".lower()
    words = set(text.replace(",", " ").split())
    for wordlist, stype in (
        (lex.MEDIA_WORDS, "media"),
        (lex.DOCUMENT_WORDS, "document"),
        (lex.OFFICIAL_WORDS, "official"),
    ):
        if stype == "official" and speaker.type == "person":
            return "official" if person_official(speaker) else "named"
        if words & wordlist or any(" " in w and f" {w} " in text for w in wordlist):
            return stype  # type: ignore[return-value]
    return "named" if speaker.type in {"person", "organization"} else "anonymous"


def person_official(speaker: Speaker) -> bool:
    """Whether a person holds an office: an office word in the name, mention or description
    ("Sen. Ana Ruiz", "a spokeswoman for the ministry") or as the head of a public body ("chair of
    the transit board"), none of them in a private body
    ("the president of an advisory firm", "a union representative")."""
    words = set(f"{speaker.name} {speaker.mention} {speaker.description or ''}".lower().replace(",", " ").split())
    office = words & lex.PERSON_OFFICE_WORDS or (words & lex.OFFICE_HEADS and words & lex.PUBLIC_BODIES)
    return bool(office) and not words & lex.PRIVATE_BODY_WORDS


def source_for(speaker: Speaker, phrase: Span | None = None) -> Source:
    """The :class:`Source` of an attributed statement (``phrase``: the mention, when at hand)."""
    return Source(speaker.name, source_type(speaker, phrase), speaker.start, speaker.end)


def _surname_key(phrase: Span) -> str | None:
    """The last capitalised word of a short title + name mention ("Professor Park" -> "Park")."""
    words = [t for t in phrase if not t.is_punct and t.lower_ not in lex.NAME_DROP_WORDS]
    if not words or words[-1].pos_ != "PROPN":
        return None
    return words[-1].text


class Resolver:
    """Resolve pronouns, short names and definite descriptions to the first full mention.

    One resolver per document; call :meth:`resolve` in text order.
    """

    def __init__(self, doc: Doc, aside: Callable[[int], bool] | None = None) -> None:
        """``aside(offset)``: whether the text at ``offset`` is outside the body (its names are
        no antecedents)."""
        self.doc = doc
        self.speakers: list[Speaker] = []
        self._persons_by_word: dict[str, list[Speaker]] = {}  # person speakers by each word of their name
        self.last_person: Speaker | None = None
        self.last_group: Speaker | None = None
        self._entities: list[tuple[int, str]] | None = None
        self._surnames: set[str] | None = None
        self.names = Names(doc, aside)
        self.roles = Roles(doc, self.names)

    def _person_entities(self) -> list[tuple[int, str]]:
        if self._entities is None:
            self._entities = [(e.start_char, e.text) for e in self.doc.ents if e.label_ == _PERSON and len(e) > 1]
        return self._entities

    def resolve(self, phrase: Span, description: str | None = None) -> Speaker:
        """The :class:`Speaker` for a mention, resolved against earlier speakers.

        Args:
            phrase: the mention in the text.
            description: its apposition, if the caller found one.
        """
        mention = phrase.text
        start, end = phrase.start_char, phrase.end_char
        root = phrase.root.lower_
        if len(phrase) == 1 and root in lex.PERSON_PRONOUNS:
            prev = self._described_subject_before(phrase[0]) or self._antecedent(start, lexnames.PRONOUN_GENDER[root])
            if prev is not None:
                return Speaker(prev.name, mention, start, end, "person", prev.description)
        if len(phrase) == 1 and root == "they" and (group := self._plural_antecedent(phrase[0])) is not None:
            return Speaker(name_of(group), mention, start, end, "group")  # "The Conservatives believe ...; they say"
        if len(phrase) == 1 and root in lex.GROUP_PRONOUNS and root != "it" and self.last_group is not None:
            prev = self.last_group
            return Speaker(prev.name, mention, start, end, prev.type, prev.description)
        if len(phrase) == 1 and root == "it" and self.last_group is not None and self.last_group.type == "organization":
            prev = self.last_group
            return Speaker(prev.name, mention, start, end, prev.type, prev.description)
        stype = speaker_type(phrase)
        name = name_of(phrase)
        known = self._match(phrase, stype, name)
        if known is not None:
            return Speaker(known.name, mention, start, end, known.type, description or known.description)
        if _described(phrase, stype):
            linked, ltype = self._described_name(phrase, stype)
            if linked is not None:  # "the WHL commissioner" -> "Ron Robison"
                speaker = Speaker(linked, mention, start, end, ltype, description or name)
                self._remember(speaker)
                return speaker
        if stype in {"anonymous", "group"} or (stype == "person" and proper_name(name) is None):
            name = _qualified(phrase, name, lower=stype == "anonymous")
        speaker = Speaker(name, mention, start, end, stype, description)
        if stype in {"person", "organization"}:
            self._remember(speaker)
        return speaker

    def _described_subject_before(self, pronoun: Token) -> Speaker | None:
        """The unnamed person a "he"/"she" opening the next sentence refers to: the subject of the
        sentence just before when it is a definite description of one person by role, of common
        nouns only, and names nobody ("The library director sent a letter to the board. In it,
        she wrote ..."), and no person spoke or was named since. None otherwise (then the pronoun takes the last speaker
        or name, :meth:`_antecedent`)."""
        sent = pronoun.sent
        if sent.start == 0 or any(self._personal(t) for t in self.doc[sent.start : pronoun.i]):
            return None
        before = self.doc[sent.start - 1].sent
        if any(self._personal(t) for t in before):
            return None
        subject = next((c for c in before.root.children if c.dep_ in _SUBJECT_DEPS), None)
        if subject is None or subject.tag_ != "NN" or subject.lemma_.lower() not in lexnames.PERSON_ROLE_NOUNS:
            return None
        phrase = noun_phrase(self.doc, subject)
        if phrase[0].lower_ != "the" or any(t.pos_ == "PROPN" for t in phrase):
            return None  # "The former New Mexico governor": news names a known person so
        if self.roles.find(phrase, "person") is not None:
            return None
        if self.last_person is not None and (self.last_person.start or 0) > phrase.start_char:
            return None
        return Speaker(name_of(phrase), phrase.text, phrase.start_char, phrase.end_char, "person")

    def _plural_antecedent(self, pronoun: Token) -> Span | None:
        """The named group a "they" stands for: the closest plural proper noun before it that is
        a subject or a possessor, in its sentence or the one before ("The Conservatives believe
        they’ll ...; they say"; "Key to the Liberals’ hopes ... Almost all revenues, they promise")."""
        doc = self.doc
        sent = pronoun.sent
        start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        for tok in reversed(doc[start : pronoun.i]):
            if (
                tok.tag_ == "NNPS"
                and tok.dep_ in {"nsubj", "nsubjpass", "poss"}
                and not tok.text.isupper()
                and not self.names.in_headline(tok.idx)
            ):
                phrase = noun_phrase(doc, tok)
                return phrase[:-1] if len(phrase) > 1 and phrase[-1].tag_ == "POS" else phrase
        return None

    def _described_name(self, phrase: Span, stype: str) -> tuple[str | None, str]:
        """The name a definite description stands for, and its type: the name the article gave
        that role before ("the WHL commissioner", "the diocese"); for a candidacy ("the GOP
        nominee") the only person the article named before it; else the person or
        organisation a sentence just before is about ("Schuh is aware ... the lanky professor
        said"; "Suncor received ... The company noted")."""
        linked = self.roles.find(phrase, stype)
        kind = _description_kind(phrase)
        if linked is None and phrase.root.lemma_.lower() in lexnames.CANDIDACY_NOUNS:
            return self._sole_person_before(phrase.start_char), "person"  # "the Republican presidential nominee"
        if linked is not None or kind is None or any(c.dep_ in _QUALIFIER_DEPS for c in phrase.root.rights):
            return linked, stype  # "the lawyer for X" is someone new
        return self._recent_topic(phrase, kind), kind

    def _sole_person_before(self, offset: int) -> str | None:
        """The person a candidacy description ("the Republican presidential nominee", "the GOP
        nominee") stands for when no one was introduced in that role: the only person the article
        named before ``offset``, with a full name; None when it named none or several (news
        gives such titles to the best-known holder, who may not be the person just named)."""
        named = {self.names.person(name, at) or name for at, name in self.names.persons if at < offset}
        if len(named) != 1:
            return None
        (name,) = named
        return name if len(name.split()) >= 2 else None

    def _recent_topic(self, phrase: Span, kind: str, sentences: int = 3) -> str | None:
        """The person (``kind`` person) or organisation a description stands for: the one that
        is a subject in the closest of the three sentences before it that names one, else the
        only one named there. A person needs a full name in the article and a gender that fits the
        description's ("the woman")."""
        doc = self.doc
        gender = next((lexnames.GENDER_NOUNS[t.lower_] for t in phrase if t.lower_ in lexnames.GENDER_NOUNS), None)
        sent = phrase[0].sent
        for _ in range(sentences):
            if sent.start == 0:
                return None
            sent = doc[sent.start - 1].sent
            if self.names.in_headline(sent.start_char):
                continue
            named = [(e.root, e) for e in sent.ents]
            named += [(t, None) for t in sent if t.pos_ == "PROPN" and not t.ent_type_ and t.dep_ in _SUBJECT_DEPS]
            found = [(tok, name) for tok, ent in named if (name := self._name_of_kind(tok, ent, kind, gender))]
            # the main clause's subject first: "As Covington Catholic reopened, Mitch McConnell blamed"
            subjects = [
                name for tok, name in sorted(found, key=lambda f: f[0].head != sent.root) if tok.dep_ in _SUBJECT_DEPS
            ]
            if subjects or len({name for _, name in found}) == 1:
                return (subjects or [found[0][1]])[0]
            if found:
                return None
        return None

    def _name_of_kind(self, tok: Token, ent: Span | None, kind: str, gender: str | None) -> str | None:
        """The full name of the person or organisation named at ``tok`` (``ent``: its entity)."""
        if kind == "organization":
            if ent is None or ent.label_ != "ORG" or self.names.person(ent.text, ent.start_char) is not None:
                return None
            text = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
            return self.names.organization(text) or text
        if ent is not None and ent.label_ != _PERSON:
            if tok.pos_ != "PROPN" or tok.dep_ not in _SUBJECT_DEPS:
                return None
            ent = None  # "Schuh is aware ...", the surname typed NORP
        words = ent if ent is not None else noun_phrase(self.doc, tok)
        proper = proper_name(words.text)
        full = proper and self.names.person(proper, words.start_char)
        if full and " " not in full:  # "Niederreiter", named in full once as an organisation
            full = self.names.full_org_typed(full) or full
        if not full or len(full.split()) < 2 or norm(full.split()[-1]) not in self._person_surnames():
            return None  # "Edmonton" typed person, "Covington Catholic": people have full names and a PERSON mention
        said = self.names.gender(full, words.start_char) or next(filter(None, map(gender_of, full.split())), None)
        return (
            full if gender is None or said in {None, gender} else None
        )  # not "Crooked Hillary Clinton" for "the businessman"

    def _person_surnames(self) -> set[str]:
        """Last words of the names the parser typed PERSON somewhere in the article."""
        if self._surnames is None:
            self._surnames = {norm(n.split()[-1]) for _, n in self.names.persons}
        return self._surnames

    def _remember(self, speaker: Speaker) -> None:
        self.speakers.append(speaker)
        if speaker.type == "person" and " and " not in speaker.name:  # not "Glynn and Richard Jones" for "Jones"
            for word in dict.fromkeys(speaker.name.replace("-", " ").split()):
                self._persons_by_word.setdefault(word, []).append(speaker)

    def _match(self, phrase: Span, stype: str, name: str) -> Speaker | None:
        """An earlier speaker that a short or definite mention refers to."""
        if stype == "person":
            key = _surname_key(phrase)
            if key is None or " and " in name:
                return None  # "Mr. Grassley and Mr. Leahy": both, named in :func:`entities.canonical`
            title = phrase[0].lower_.rstrip(".")
            matches = self._persons_by_word.get(key, [])  # in order, as a scan of self.speakers would give
            if name != key and any(m.name == name for m in matches):
                return next(m for m in matches if m.name == name)
            if len(name.split()) > 1 and name not in {m.name for m in matches} and not _titled(phrase):
                return None  # a new full name
            if name == key and self.names.shared(key):
                full = self.names.person(key, phrase.start_char)  # "Trump" beside "Ivanka Trump"
                if full is not None:
                    return next((m for m in matches if m.name == full), Speaker(full, full, None, None, "person"))
            fitting = [m for m in matches if m.description and title in m.description.lower()]
            if fitting or matches:
                return (fitting or matches)[-1]
            ent = self._entity_before(phrase.start_char, key)
            if ent is not None and (_titled(phrase) or len(phrase) == 1):
                return ent  # "Mr. Cruz" or a bare "Cruz" after "Ted Cruz" in the text
            return None
        if stype == "organization" and phrase[0].lower_ == "the":
            head = phrase.root.lower_
            for known in self.speakers:
                if (
                    known.type == "organization"
                    and known.name != name
                    and head in known.name.lower().split()
                    and proper_name(known.name) is not None
                ):
                    return known  # "the railway" -> "Canadian Pacific Railway", not "communications company"
            if head in lex.GENERIC_MEDIA_NOUNS:  # "the newspaper" -> the last media speaker
                media = [k for k in self.speakers if k.type == "organization" and source_type(k) == "media"]
                return media[-1] if media else None
        return None

    def _antecedent(self, offset: int, gender: str) -> Speaker | None:
        """The person "he"/"she" at ``offset`` refers to: the last person speaking if the
        gender fits, else the person named last before it whose gender fits.

        Only proper names qualify: never a document, a thing, a number or a description.
        """
        named = sorted(((o, n) for o, n in self.names.persons if o < offset), reverse=True)
        candidates = [Speaker(n, n, None, None, "person") for _, n in named]
        if self.last_person is not None:
            at = self._newcomer(named, self.last_person, gender)
            candidates.insert(at, self.last_person)
        for cand in candidates:
            if proper_name(cand.name) is None or set(cand.name.lower().split()) & lex.DOCUMENT_WORDS:
                continue
            found = self.names.gender(cand.name, offset)
            if found is None or found == gender:
                return cand
        return None

    def _newcomer(self, named: list[tuple[int, str]], last: Speaker, gender: str) -> int:
        """Where the last speaker goes among the named candidates (latest first): after a person
        the text introduced since the last speaker's sentence, as the topic of a sentence of its
        own ("Toronto retiree Doug Purdy, who lost 16 lbs. ... “…,” he says"; "... results for
        accountant Babatunji Farinloye. “…,” he says"), else first.

        A newcomer that is not the subject of its sentence while a person or pronoun is
        ("Kim praised Purdy") leaves the last speaker first.
        """
        if last.start is None:
            return 0
        since = self.doc.char_span(last.start, last.end or last.start + 1, alignment_mode="expand")
        if since is None:
            return 0
        boundary = since[-1].sent.end_char
        for k, (off, name) in enumerate(named):
            if off < boundary:
                return 0
            if self.names.gender(name, off) not in {None, gender}:
                continue
            return k + 1 if self._topic(off) else 0
        return 0

    def _topic(self, offset: int) -> bool:
        """Whether the name at ``offset`` is its sentence's subject, or the sentence has no
        person or pronoun subject at all."""
        span = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        if span is None:
            return False
        tok = span[0]
        while tok.dep_ in {"compound", "flat"} and tok.head is not tok:
            tok = tok.head  # "Mark" of "Mark Whitfield"
        sent = tok.sent
        if "(" in self.doc[sent.start : tok.i].text and ")" not in self.doc[sent.start : tok.i].text:
            return False  # a photo credit "(Lauren Pelley / CBC News)"
        subjects = [c for c in sent.root.children if c.dep_ in _SUBJECT_DEPS]
        if tok.dep_ in _SUBJECT_DEPS and background_clause(tok.head):
            return False  # "Although Governor Mark Whitfield has said ..."
        if any(tok in set(c.subtree) for c in subjects):
            return True
        return not any(self._personal(t) for c in subjects for t in c.subtree)

    def _personal(self, tok: Token) -> bool:
        """A token naming a person: a PERSON entity, a personal pronoun, a known person's name."""
        if tok.ent_type_ == _PERSON or tok.lower_ in lex.PERSON_PRONOUNS:
            return True
        return tok.pos_ == "PROPN" and self.names.person(tok.text, tok.idx) is not None

    def _entity_before(self, offset: int, key: str | None = None) -> Speaker | None:
        """The most recent multi-word PERSON entity before ``offset`` (with surname ``key``)."""
        for ent_start, text in reversed(self._person_entities()):
            if ent_start < offset and (key is None or key in text.replace("-", " ").split()):
                return Speaker(text, text, None, None, "person")
        return None

    def remember(self, speaker: Speaker) -> None:
        """Note the speaker of the latest attributed statement (for pronouns); a surname the
        parser typed organization counts as the person the article names with it ("Myers")."""
        stype = speaker.type
        if stype == "organization":
            stype = canonical(speaker, self.names)[1]
        if stype == "person" and " and " in speaker.name:
            self.last_group = speaker  # "Mr. Grassley and Mr. Leahy say ...; they say": a group
        elif stype == "person":
            self.last_person = speaker
        elif speaker.type in {"organization", "group"}:
            self.last_group = speaker


def _qualified(phrase: Span, name: str, lower: bool) -> str:
    """An unnamed speaker's name with the words after the mention that say who it is:
    "sources familiar with the negotiations", "some in the Muslim community", "an official with
    the agency", "an expert cited in the report" (at most :data:`_MAX_QUALIFIER` words)."""
    root, end = phrase.root, phrase.end
    doc = phrase.doc
    for child in root.rights:
        if child.i != end:
            continue
        fits = (child.dep_ == "prep" and child.lower_ in lex.QUALIFYING_PREPOSITIONS) or (
            child.dep_ in {"amod", "acl"} and child.tag_ in {"JJ", "VBN"}
        )
        tail = doc[child.i : child.right_edge.i + 1]
        if not fits or len(tail) > _MAX_QUALIFIER or any(t.is_punct or t.is_quote for t in tail):
            break
        words = [w for w in phrase if w.lower_ not in lex.NAME_DROP_WORDS or w.i > phrase.start]
        head = doc[words[0].i : tail.end].text if words else tail.text
        return head.lower() if lower else head
    return name


def background_clause(verb: Token) -> bool:
    """Whether a verb heads a concessive or temporal clause ("Although X said ...", "When X
    spoke"): its subject is background, not the one later pronouns refer to."""
    return verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and (c.lower_ in lex.BACKGROUND_MARKS or c.lower_ in lex.CONCESSIVE_MARKS)
        for c in verb.children
    )


def _fronted(subj: Token, verb: Token) -> bool:
    """True when ``subj`` ends in a comma before ``verb``: the subject of the reported clause
    set before a parenthetical frame ("The ferry, the captain said, will run")."""
    end = subj.right_edge.i + 1
    # not a comma inside a name ("the University of California, Berkeley")
    return subj.i < verb.i and end < verb.i and verb.doc[end].text == "," and not verb.doc[end].ent_type_


def parenthetical_speaker(verb: Token, subj: Token) -> Token:
    """The speaker of a reporting verb set between the parts of what is said, when the parser
    took the reported clause's subject for the verb's: "Voters, Clinton suggested, do not ..."
    (two subjects: the one next to the verb, before or after it, speaks) and "The contrast, said Ana Ruiz, an
    economist, would be clear" (the noun phrase after the verb, set off by a comma, is the
    subject of the clause the verb reports). ``subj`` otherwise."""
    if not _fronted(subj, verb):
        return subj
    doc = verb.doc
    for near in verb.children:
        if (
            near.dep_ in _SUBJECT_DEPS
            and subj.i < near.i
            and verb.i in {near.right_edge.i + 1, near.left_edge.i - 1}
            and near.ent_type_ not in _NOT_NEAR_SPEAKERS
        ):
            return near
    if subj.right_edge.i + 2 != verb.i:
        return subj  # "Cruz, who says ..., said": the comma closes an aside of the subject
    for clause in verb.rights:
        if clause.dep_ != "ccomp":
            continue
        name = next((c for c in clause.children if c.dep_ == "nsubj" and c.left_edge.i == verb.i + 1), None)
        if (
            name is not None
            and name.pos_ in {"PROPN", "NOUN"}
            and "," in {t.text for t in doc[name.right_edge.i :][:2]}
        ):
            return name
    return subj


def _described(phrase: Span, stype: str) -> bool:
    """A definite description of a person or organisation, with no name of its own: "the WHL
    commissioner", "the Kentucky Republican", "the company", "this diocese"."""
    root = phrase.root
    return (
        stype in {"person", "organization"}
        and len(phrase.text.split()) <= 6  # "the 26-year-old right wing"
        and phrase[0].lower_ in {"the", "this"}
        and (root.pos_ == "NOUN" or root.text.islower() or root.ent_type_ == "NORP")
        and not any(t.ent_type_ == _PERSON for t in phrase)
        and root.lemma_.lower() not in lex.DOCUMENT_NOUNS
    )


def _description_kind(phrase: Span) -> str | None:
    """Whether a description with no name names a person ("the rookie defenceman", "the Kentucky
    Republican"), an organisation ("the company") or neither (None: "the diocese" with no
    earlier name stays itself)."""
    root = phrase.root
    lemma = root.lemma_.lower()
    if root.tag_ in {"NNS", "NNPS"}:
        return None
    if lemma in lexnames.ORGANIZATION_DESCRIPTION_NOUNS:
        return "organization"
    if lemma in lexnames.PERSON_NOUNS or root.lower_ in lexnames.GENDER_NOUNS:
        return "person"
    return None


def _titled(phrase: Span) -> bool:
    return any(t.lower_ in lex.TITLES for t in phrase[:-1])
