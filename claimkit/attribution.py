"""Attribution: who says each statement (speaker), with which words (cue), from where (source).

Stages follow the method (as in BBC citron): cue -> content -> source -> resolution.

- Cues: a reporting verb outside the quotations, in any tense and voice ("said", "was quoted
  as saying", "told reporters"); "according to X"; a report noun ("the general view of
  related experts is that", "X's view is that", "there are predictions that"). The lexicons
  are data in :mod:`claimkit.data.reporting`.
- Source: the verb's subject, climbing through participles and coordinated verbs ("..., adding",
  "was quoted as saying"), the agent of a passive, or the holder of a report noun; a vague
  holder ("some", "sources", none at all) is an anonymous speaker, never a nearby name.
- Floating quotations with no cue of their own take the speaker of the quotation next to them.
- Resolution across the article is done by :class:`claimkit.speakers.Resolver`.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from . import content, entities
from .clean import DATELINE_RE, Cleaned, is_quoted_name, pull_quote_speaker
from .data import reporting as lex
from .entities import proper_name
from .quotes import QuoteSpan, covers
from .records import Cue, QuoteType, Source, Speaker
from .segment import Candidate, text_of
from .speakers import (
    Resolver,
    background_clause,
    can_speak,
    cites_someone,
    description_of,
    name_of,
    noun_phrase,
    parenthetical_speaker,
    source_for,
    source_type,
    speaker_type,
)

_SUBJ = frozenset(["nsubj", "nsubjpass", "csubj"])
# relations through which a reporting verb inherits the subject of its head ("..., adding")
_CLIMB = frozenset(["xcomp", "advcl", "conj", "pcomp", "prep", "acomp", "ccomp", "parataxis"])
# relations of verbs that merely describe a noun ("self-described", "so-called")
_MODIFIER_DEPS = frozenset(["amod", "acl", "compound", "nmod", "npadvmod", "pobj", "dobj", "nsubj", "attr"])
_VERB_POS = frozenset(["VERB", "AUX"])
_COMPLEMENTS = frozenset(["ccomp", "xcomp", "dobj", "prep", "oprd"])
_CLAUSES = frozenset(["ccomp", "xcomp", "oprd"])
_CLAUSE_DEPS = frozenset(["ccomp", "xcomp", "parataxis"])
_MIN_FLOATING_WORDS = 5
_MIN_PARTIAL_WORDS = 3
_CONTENT_CHILDREN = frozenset(["ccomp", "xcomp", "dobj", "parataxis", "prep", "dative", "oprd"])
_CONTENT_WEIGHT = 4.0
_OPENING_MARKS = frozenset("“\"'‘«„`")
_UNNAMED = "unnamed source"  # the name of the speaker of "X is expected to", "it is believed that"
_NEAR_BEFORE, _NEAR_AFTER = 40, 20  # characters between a quotation and its cue
# subjects that never name a speaker (unless "that"/"which" opens a relative clause)
_NO_SPEAKER = frozenset(["it", "that", "this", "which"])
_MAX_CLIMB = 4
_AUTHOR_REGIONS = frozenset(["byline", "credit"])  # regions that name the author, never a speaker
_POLL_MODS = frozenset(["det", "poss", "amod", "compound", "nmod"])  # "a", "May's", "latest", "CNN"
_GROUP_DEPS = frozenset(["aux", "auxpass", "neg", "advmod"])  # words inside a verb group
_DIRECT_SHARE = 0.6
# punctuation after a word that leads a quotation ("Still, “...,” he said")
_LEAD_PUNCT = " ,;—–-"
_ISSUER_WINDOW = 400  # tokens back in which "the report" finds the document it refers to
_APPOSITION_INNER = frozenset(["compound", "flat", "amod", "det", "prep", "pobj"])  # words inside "a spokesman in X"


@dataclass
class Attribution:
    """What attribution found for one candidate; all None/"none" for the author's voice."""

    speaker: Speaker | None = None
    cue: Cue | None = None
    quote: QuoteType = "none"
    source: Source | None = None


class Attributions(list[Attribution]):
    """The attributions of a document's candidates (a list) and its speaker entities."""

    entities: list[entities.Entity]


@dataclass
class _Found:
    """A cue and the head of its source phrase (None for an anonymous holder)."""

    cue: Span
    lemma: str
    source: Token | None
    anonymous: Span | None = None
    score: float = 0.0
    continues: bool = False


def _outside(tokens: Span, quotes: list[QuoteSpan]) -> list[Token]:
    """Tokens of the span that lie outside every direct quotation."""
    if not quotes:
        return list(tokens)
    return [t for t in tokens if not any(q.start < t.idx < q.end for q in quotes)]


class _SortedQuotes(list[QuoteSpan]):
    """The article's direct quotations sorted by start, for a binary search (a long article
    would otherwise scan all of them for every verb)."""

    def __init__(self, quotes: list[QuoteSpan]) -> None:
        super().__init__(sorted(quotes, key=lambda q: q.start))
        self.starts = [q.start for q in self]
        self.disjoint = all(a.end <= b.start for a, b in itertools.pairwise(self))


def _in_quotes(tok: Token, quotes: list[QuoteSpan]) -> bool:
    if isinstance(quotes, _SortedQuotes) and quotes.disjoint:
        i = bisect.bisect_right(quotes.starts, tok.idx) - 1
        return i >= 0 and tok.idx < quotes[i].end
    return covers(quotes, tok.idx)


def subject_of(verb: Token, quotes: list[QuoteSpan] | None = None) -> Token | None:
    """The speaker head of a reporting verb, or None when it has none.

    Climbs through participles, coordination and prepositions ("X was quoted as saying",
    "X commented ..., saying", "X smiled and said"); the agent of a passive reporting verb
    ("it was reported by the agency"); the noun a relative clause hangs on ("Park, who said").
    The climb stops at a quotation: a verb the parser hung on a quoted clause has no subject.
    """
    tok = verb
    for _ in range(_MAX_CLIMB):
        if tok is not verb and quotes and _in_quotes(tok, quotes):
            return None
        subjects = [_past_dateline(c) for c in tok.children if c.dep_ in _SUBJ]
        subjects = [c for c in subjects if c is not None]
        # the parser may hang a quoted clause's subject on the verb after it ('"It will," said X')
        subj = next((c for c in subjects if not (quotes and _in_quotes(c, quotes))), subjects[0] if subjects else None)
        if tok is verb and subj is not None:
            subj = parenthetical_speaker(verb, subj)  # "The ferry, said X, will run"
        if tok is verb and subj is not None and subj.dep_ == "nsubjpass":
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            return obj  # "X was told" has no speaker; "... was said by X" has X
        if subj is not None and not _has_word(subj) and not _percent(subj):
            subj = _word_instead_of_symbol(subj, tok)
        if subj is not None:
            if subj.lower_ in {"what", "whatever"}:
                return None  # "what he said"
            if subj.lower_ in {"there"}:
                return None
            return subj
        if tok.dep_ == "relcl":
            return _antecedent(tok.head)
        if tok.dep_ == "pcomp":  # "talk about *a Republican* challenging him": the gerund's own subject
            obj = next((c for c in tok.head.children if c.dep_ == "pobj" and c.i < tok.i), None)
            if obj is not None:
                return obj
        if tok.dep_ not in _CLIMB or tok.head is tok:
            return None
        tok = _past_bound_verb(tok)
    return None


def _past_bound_verb(tok: Token) -> Token:
    """The head to climb to from ``tok``: its head, or, for a finite verb the parser joined to a
    verb bound by a modal or "to" inside a reported clause ("X said that the country would
    declare ... and suggested that ...": "suggested" cannot share "would"), the verb that
    reports that clause, whose subject both verbs share."""
    head = tok.head
    if (
        tok.dep_ == "conj"
        and tok.tag_ in {"VBD", "VBZ"}
        and head.tag_ == "VB"
        and head.dep_ in {"ccomp", "xcomp"}
        and any(c.dep_ == "aux" and c.tag_ in {"MD", "TO"} for c in head.children)
    ):
        return head.head
    return head


def _past_dateline(subj: Token) -> Token | None:
    """``subj`` itself, or, when the parser took the dateline opening a paragraph for the
    subject ("LONDON (Reuters) - X said", "CLEVELAND, July 19 (UPI) — X told"), the name after
    the dateline that it hangs on the place (None when the verb has its own subject there)."""
    doc = subj.doc
    start = subj.sent.start_char
    if start and doc.text[start - 1] != "\n":
        return subj
    dateline = DATELINE_RE.match(doc.text[start : start + 80])
    if dateline is None or subj.idx >= start + dateline.end():
        return subj
    after = start + dateline.end()
    return next((c for c in subj.children if c.idx >= after and c.dep_ in {"appos", "conj"}), None)


def _inverted_subject(verb: Token, quotes: list[QuoteSpan]) -> Token | None:
    """The name right after a finite reporting verb that follows a quotation, when the parser
    hung it elsewhere ('"...," said David Brock, a confidant who heads the PAC Correct the
    Record': "Brock" became the subject of "Correct")."""
    doc = verb.doc
    if verb.tag_ not in {"VBD", "VBZ", "VBP"} or verb.i == 0 or verb.i + 1 >= len(doc):
        return None
    before, name = doc[verb.i - 1], doc[verb.i + 1]
    if not (before.is_quote or before.is_punct) or not _in_quotes(doc[max(verb.i - 2, 0)], quotes):
        return None
    if name.pos_ != "PROPN":
        return None
    while name.dep_ == "compound" and name.head.i > name.i and name.head.pos_ == "PROPN":
        name = name.head
    return name


def _percent(tok: Token) -> bool:
    """A percent sign with its number ("42% say ..."): a share of the people a poll asked."""
    return tok.text == "%" and any(c.like_num for c in tok.children)


def _name_before(verb: Token, quotes: list[QuoteSpan]) -> Token | None:
    """The name before a finite reporting verb that has no subject in the parse, past the
    apposition set off by commas between them ("Senator Harry Reid, the minority leader, said
    that ...", where the parser made "Reid" a conjunct of the place before it)."""
    doc = verb.doc
    if verb.dep_ != "ROOT" or verb.tag_ not in {"VBD", "VBZ", "VBP"} or any(c.dep_ in _SUBJ for c in verb.children):
        return None
    if verb.i < verb.sent.start + 2 or doc[verb.i - 1].text != ",":
        return None
    if not any(c.dep_ in _CLAUSE_DEPS for c in verb.children) and not _near_quote(verb, quotes):
        return None
    tok = doc[verb.i - 2]
    while tok.dep_ in _APPOSITION_INNER and tok.head.i < verb.i and tok.head is not tok:
        tok = tok.head  # up to the head of the apposition ("a military spokesman in Baghdad")
    name = tok.head
    if tok.dep_ != "appos" or name.i > tok.i or name.pos_ != "PROPN" or name.ent_type_ not in {"PERSON", "ORG"}:
        return None
    if _in_quotes(name, quotes) or any(t.is_quote for t in doc[name.left_edge.i : name.i]):
        return None
    return name


def _has_word(tok: Token) -> bool:
    return any(ch.isalnum() for ch in tok.text)


def _word_instead_of_symbol(subj: Token, verb: Token) -> Token | None:
    """The parser may make an emoji the subject ("Müller 😀 said", "Ana Müller 👩‍🔬 said"):
    take the nearest noun before it, in its own subtree or among the verb's left children."""
    nouns = {"PROPN", "NOUN", "PRON"}
    inside = [t for t in subj.subtree if t.i < subj.i and _has_word(t) and t.pos_ in nouns]
    if inside:
        return inside[-1]
    before = [c for c in verb.lefts if c.i < subj.i and _has_word(c) and c.pos_ in nouns]
    return before[-1] if before else None


def _antecedent(noun: Token) -> Token:
    """The noun a relative clause describes, through coordination and predicates.

    "Trump is a serial liar, ... and bully who has pledged" -> "Trump".
    """
    for _ in range(_MAX_CLIMB):
        if noun.dep_ in {"conj", "appos"}:
            noun = noun.head
        elif noun.dep_ == "attr":
            subj = next((c for c in noun.head.children if c.dep_ in _SUBJ), None)
            return subj if subj is not None else noun
        else:
            break
    return noun


def _has_content(verb: Token, quotes: list[QuoteSpan]) -> bool:
    """Whether a reporting verb reports something here: a clause, a quotation, a topic or an
    object the speech act is about ("defended the vote", "denied the report": PolNeAR counts
    these), or nothing visible where it frames speech ("..., the group said, ...").

    Nothing is reported by "Clinton is adding to her lead", "worse than I expected", "could
    have demanded a share", "rallied the party to reject him", "After the newspaper endorsed a
    candidate, ..."; in "the things Trump said about Latinos" the relative clause reports
    nothing of its own. A negated report keeps its cue ("did not say whether ...": PolNeAR).
    """
    if _unreal(verb) or _backgrounded(verb):
        return False
    deps = {c.dep_ for c in verb.children}
    if verb.lemma_.lower() in lex.OBJECT_REPORTING_VERBS and "dobj" not in deps:
        return False  # "compared with 2012": a measure, nobody's words
    if verb.lemma_.lower() in lex.RELEASING_VERBS and not any(
        c.dep_ == "dobj" and c.lemma_.lower() in lex.RELEASED_NOUNS for c in verb.children
    ):
        return False  # "released the delegates": an act, no text put out
    if deps & _CLAUSE_DEPS or quotes:
        return True
    if verb.lemma_.lower() == "add":
        return False  # "adding to her lead", "will add two berths": only a clause or a quotation is said
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if objects and all(_carries_nothing(o) for o in objects):
        return False  # "the budget tells a different story"
    if _rival(verb, objects):
        return False  # "a Republican challenging him in the primary": a contest, nothing said
    if verb.lemma_.lower() in lex.DECISION_VERBS and any(o.lemma_.lower() in lex.PROCEDURAL_OBJECTS for o in objects):
        return False  # "The court has rejected a request by X": a decision, nothing said
    if any(c.dep_ == "mark" and c.lower_ == "than" for c in verb.children):
        return False  # "worse than I expected" (but "as police have said" reports the main clause)
    if verb.dep_ == "relcl" and any(c.dep_ == "neg" and _in_verb_group(c, verb) for c in verb.children):
        return False  # "groups that don't disclose their fundraising": what they are, nothing said
    return verb.dep_ != "relcl" or any(c.tag_ in {"WP", "WDT"} for c in verb.children)


def _rival(verb: Token, objects: list[Token]) -> bool:
    """Whether a verb of contest has only a person for object and no topic: "challenged him in
    the primary" (a race), not "challenged him on trade" nor "challenged the assertion"."""
    if verb.lemma_.lower() not in lex.CONTEST_VERBS or len(objects) != 1:
        return False
    obj = objects[0]
    person = obj.lower_ in lex.PERSON_PRONOUNS or (obj.ent_type_ == "PERSON" and obj.pos_ == "PROPN")
    issue = any(c.dep_ == "prep" and c.lower_ in lex.CONTESTED_ISSUE_PREPOSITIONS for c in verb.children)
    return person and not issue


def _carries_nothing(obj: Token) -> bool:
    """An object of a speech act that reports nothing: the idioms "a different story", "part of
    the story". (A medium does report: "NBC News first published the cellphone video" is
    PolNeAR's attribution.)"""
    if obj.lemma_.lower() in lex.STORY_PARTS:
        of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), obj) if of is not None else obj
        return obj.lemma_.lower() == "story"
    return obj.lemma_.lower() == "story" and any(c.lower_ in lex.STORY_IDIOM_WORDS for c in obj.children)


def _backgrounded(verb: Token) -> bool:
    """A speech act told as the background of another event, with a plain object or none:
    "After the newspaper endorsed a candidate, ...", "the leaders rallied the party to reject him"."""
    deps = {c.dep_ for c in verb.children}
    if deps & _CLAUSE_DEPS:
        return False
    if verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in lex.BACKGROUND_MARKS and not _contrastive(c) for c in verb.children
    ):
        return True
    if verb.dep_ in {"advcl", "ccomp"} and any(c.dep_ == "mark" and _now_that(c) for c in verb.children):
        return True  # the parser may take "now that ..." for a complement
    # object control: in "rallied the party to reject him" the party would reject, nobody says
    # so; the parser makes "the party" the object of "rallied" or the subject of "to reject"
    # (or attaches "to reject" as a purpose clause)
    if verb.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in verb.head.children):
        return True
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    return (
        infinitive
        and verb.dep_ in {"ccomp", "xcomp", "advcl"}
        and (any(c.dep_ == "nsubj" for c in verb.children) or any(c.dep_ == "dobj" for c in verb.head.children))
    )


def _now_that(mark: Token) -> bool:
    """ "*now that* Cruz has endorsed Trump": a background event, like "since"."""
    return mark.lower_ == "that" and mark.i > 0 and mark.doc[mark.i - 1].lower_ == "now"


def _contrastive(mark: Token) -> bool:
    """ "..., while 73 percent said the same of Trump": a "while" after a comma (or a comma and a
    closing quotation mark) that follows its main clause sets a second report beside the first; it is not the time of another event."""
    before = mark.i - 1
    while before > 0 and mark.doc[before].is_quote:
        before -= 1  # '... "good enough to serve," while 73 percent said ...'
    return mark.lower_ == "while" and mark.i > mark.head.head.i and mark.doc[before].text == ","


def _unreal(verb: Token) -> bool:
    """A speech act that did not happen: "could have rallied", "should have said", "should
    publish", also in the clause of such a verb ("should have to guess"), and "ought to (have)
    asked", where the parser makes "ought" the head."""
    for tok in (verb, verb.head) if verb.dep_ in {"xcomp", "ccomp", "advcl"} else (verb,):
        if tok.dep_ == "xcomp" and tok.head.lower_ == "ought":
            return True
        aux = [c.lower_ for c in tok.children if c.dep_ == "aux"]
        if any(a in {"should", "must", "ought"} for a in aux):
            return True  # "should publish", "should have to guess"
        if any(a in {"could", "would", "might"} for a in aux) and any(a in {"have", "'ve"} for a in aux):
            return True
    return False


def _near_quote(verb: Token, quotes: list[QuoteSpan]) -> bool:
    """Whether a quotation ends shortly before the verb or starts shortly after it."""
    start, end = verb.idx, verb.idx + len(verb)
    return any((0 <= start - q.end < _NEAR_BEFORE) or (0 <= q.start - end < _NEAR_AFTER) for q in quotes)


def _verb_cues(
    tokens: list[Token],
    quotes: list[QuoteSpan],
    all_quotes: list[QuoteSpan],
    author: frozenset[str] = lex.AUTHOR_SUBJECTS,
) -> list[_Found]:
    found = []
    for tok in tokens:
        lemma = lemma_of(tok)
        if tok.pos_ not in _VERB_POS:
            continue
        if tok.dep_ in _MODIFIER_DEPS:
            if (published := _published(tok, quotes, all_quotes)) is not None:
                found.append(published)  # "issued a statement saying ..."
            continue
        if (hearsay := _hearsay(tok, author)) is not None:
            found.append(hearsay)  # "I'm told ..."
            continue
        if lemma in lex.APPEARANCE_VERBS:
            if (seeming := _appearance(tok, all_quotes, author)) is not None:
                found.append(seeming)  # "Kasich appears to have the edge"
            continue
        attitude = lemma not in lex.REPORTING_VERBS
        quoting = bool(quotes) and (
            (lemma in lex.QUOTE_VERBS and _near_quote(tok, quotes)) or _medium_before_quote(tok, quotes)
        )
        if (
            attitude
            and not quoting
            and not (lemma in lex.ATTITUDE_VERBS and _has_complement(tok))
            and not (lemma in lex.TOPIC_VERBS and _has_topic(tok))
        ):
            continue
        if not attitude and not _has_content(tok, quotes):
            continue
        if _negated(tok):
            continue  # "have not said", "would not comment", "declined to say": nothing reported
        subj = subject_of(tok, all_quotes) or _inverted_subject(tok, all_quotes) or _name_before(tok, all_quotes)
        if subj is not None and subj.lower_ in author and not _in_quotes(subj, all_quotes):
            continue  # the author's own voice: "I argued last year that ..."
        if (
            subj is None
            and lemma in lex.IMPERSONAL_PASSIVES
            and _agentless_passive(tok)
            and any(c.dep_ in _CLAUSE_DEPS for c in tok.children)
        ):
            # "X is expected to win", "it is believed that": an unnamed source
            cue = tok.doc[min([tok.i, *(c.i for c in tok.lefts if c.dep_ == "auxpass")]) : tok.i + 1]
            found.append(_Found(cue, lemma, None, anonymous=cue, score=-1))
            continue
        if subj is None and tok.tag_ == "VBG" and tok.i > 0 and tok.nbor(-1).is_punct:
            # a dangling participle frame ("..., adding, “B.”") continues the previous speaker
            found.append(_Found(tok.doc[tok.i : tok.i + 1], lemma, None, continues=True, score=-5))
            continue
        if subj is not None and subj.lemma_.lower() in lex.NOT_SPEAKERS and not _respondents(subj, lemma):
            continue  # "The number of cases suggests ..."
        relative = subj is not None and subj.tag_ in {"WP", "WDT"} and subj.head.dep_ == "relcl"
        if relative and subj.lower_ == "which" and not can_speak(_relative_antecedent(subj)):
            continue  # '"yeet," which variously refers to a dance': a word speaks for nobody
        # "It said ..." (an organisation); "It found that ..." (a document named just before)
        it_reports = (
            subj is not None
            and subj.lower_ == "it"
            and (not attitude or (lemma in lex.DOCUMENT_FINDING_VERBS and _document_antecedent(subj) is not None))
        )
        if (
            subj is None
            or _in_quotes(subj, all_quotes)
            or (subj.lower_ in _NO_SPEAKER and not (relative or it_reports))
        ):
            continue
        score = 0.0
        if any(c.dep_ in {"ccomp", "xcomp"} for c in tok.children):
            score += 2
        if quotes and _near_quote(tok, quotes):
            score += 2
        if tok.dep_ in {"ROOT", "parataxis"}:
            score += 1
        score -= 0.1 * sum(1 for _ in tok.ancestors) + (1 if attitude else 0)
        score += _CONTENT_WEIGHT * _content_share(tok, tokens)
        found.append(_Found(tok.doc[tok.i : tok.i + 1], lemma, subj, score=score))
    return found


def lemma_of(tok: Token) -> str:
    """The lower-case lemma, with the parser's known lemma slips mended ("hopes" -> "hop")."""
    return lex.LEMMA_FIXES.get(tok.lower_) or tok.lemma_.lower()


def _respondents(subj: Token, lemma: str) -> bool:
    """ "63 percent said ...", "Twelve percent indicated that ...": the people a poll asked."""
    return subj.lemma_.lower() in lex.SHARE_WORDS and lemma in lex.ANSWER_VERBS


def _negated(verb: Token) -> bool:
    """Refused, negated or unknown speech that reports nothing: "declined to comment",
    "refused to say", "would not comment", "have not said when ...".

    A negated verb with a content clause still reports it ("did not say that ..." is PolNeAR's
    attribution, and "does not think ..." an opinion); an open question ("when", "whether")
    or no content at all is not.
    """
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in lex.REFUSAL_VERBS and _speech(verb):
        return True
    if verb.lemma_.lower() in lex.REFUSAL_VERBS:
        return any(c.dep_ == "xcomp" and _speech(c) for c in verb.children)  # not "refused to endorse X"
    if not any(c.dep_ == "neg" and _in_verb_group(c, verb) for c in verb.children):
        return False  # '"Probably not," Ms. Moore said': the quotation's "not" negates nothing here
    clauses = [c for c in verb.children if c.dep_ in {"ccomp", "xcomp", "dobj"}]
    if not clauses or all(c.dep_ == "dobj" and c.lower_ in lex.EMPTY_SPEECH_OBJECTS for c in clauses):
        return True  # "have not said much about how ...": nothing is reported
    return any(t.tag_ in {"WRB", "WP"} or t.lower_ in {"whether", "if"} for c in clauses for t in c.children)


def _in_verb_group(neg: Token, verb: Token) -> bool:
    """Whether ``neg`` negates ``verb`` itself: only auxiliaries, adverbs and negation stand
    between them ("would not comment", "has not yet said"), no punctuation or subject."""
    lo, hi = sorted((neg.i, verb.i))
    return all(t.dep_ in _GROUP_DEPS for t in neg.doc[lo + 1 : hi])


def _speech(verb: Token) -> bool:
    return verb.lemma_.lower() in lex.REFUSED_SPEECH


def _medium_before_quote(verb: Token, quotes: list[QuoteSpan]) -> bool:
    """Speech in a publication or medium, right before a quotation: "X swiped at Y in a
    series of posts: '...'", "fired back on Facebook: '...'"."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in lex.MEDIUM_PREPOSITIONS):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            nouns = [obj, *(g for g in obj.subtree if g.dep_ == "pobj" and g.head.lower_ == "of")]
            if not any(n.lemma_.lower() in lex.PUBLISHING_NOUNS or n.lower_ in lex.PUBLISHING_NOUNS for n in nouns):
                continue
            end = prep.right_edge.idx + len(prep.right_edge)
            if any(0 <= q.start - end < _NEAR_AFTER for q in quotes):
                return True
    return False


def _published(verb: Token, quotes: list[QuoteSpan], all_quotes: list[QuoteSpan]) -> _Found | None:
    """A reporting participle on a publishing noun: "X issued a statement saying ...".

    The one who issued the statement (the subject of the verb that governs the noun, or its
    possessor: "Her statement saying ...") speaks; the cue runs from that verb to the participle.
    """
    noun = verb.head
    if verb.dep_ != "acl" or verb.lemma_.lower() not in lex.REPORTING_VERBS or noun is verb:
        return None
    if noun.lemma_.lower() not in lex.PUBLISHING_NOUNS or not _has_content(verb, quotes):
        return None
    holder = next((c for c in noun.children if c.dep_ == "poss"), None)
    governor = noun.head if noun.dep_ in {"dobj", "pobj", "nsubjpass"} else None
    if governor is not None and governor.dep_ == "prep":
        governor = governor.head  # "in a statement saying"
    if holder is None and governor is not None and governor.pos_ in _VERB_POS:
        holder = subject_of(governor, all_quotes)
    if holder is None or holder.lower_ in _NO_SPEAKER or _in_quotes(holder, all_quotes):
        return None
    first = governor if governor is not None and governor.i < verb.i and governor.pos_ in _VERB_POS else noun
    first_i = min(first.i, noun.i)
    score = 2 + _CONTENT_WEIGHT * _content_share(verb, [verb, *verb.subtree])
    return _Found(verb.doc[first_i : verb.i + 1], verb.lemma_.lower(), holder, score=score)


def _hearsay(verb: Token, author: frozenset[str]) -> _Found | None:
    """ "I'm told X ...", "we are told that ...": an unnamed source tells the author."""
    if verb.lemma_.lower() not in lex.HEARSAY_VERBS or not _agentless_passive(verb):
        return None
    if any(c.dep_ == "aux" and c.lower_ in lex.FUTURE_AUXILIARIES for c in verb.children):
        return None  # "we'll be told that ...": a telling to come, no source yet
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    # the parser may take the clause's subject for an object: "I'm told [the director] considered ..."
    if (
        subj is None
        or subj.lower_ not in author | {"we"}
        or not any(c.dep_ in {"ccomp", "dobj"} for c in verb.children)
    ):
        return None
    cue = verb.doc[min([verb.i, *(c.i for c in verb.lefts if c.dep_ == "auxpass")]) : verb.i + 1]
    return _Found(cue, verb.lemma_.lower(), None, anonymous=cue, score=1)


def _appearance(verb: Token, quotes: list[QuoteSpan], author: frozenset[str]) -> _Found | None:
    """ "Kasich appears to have the edge", "the race seemed to shift", "it seems that ...": how
    things appear, with no one named to whom (PolNeAR's attribution without a source; the cue
    is the verb). Not "appeared on television" (no clause), "it seems to me" (the speaker is
    "me"), a negated appearance, nor the author's own ("I seem to recall")."""
    if not any(c.dep_ in {"xcomp", "ccomp"} for c in verb.children):
        return None
    if any(c.dep_ == "neg" or (c.dep_ == "prep" and c.lower_ == "to") for c in verb.children):
        return None
    subj = subject_of(verb, quotes)
    if subj is not None and (subj.lower_ in author or _in_quotes(subj, quotes)):
        return None
    cue = verb.doc[verb.i : verb.i + 1]
    return _Found(cue, lemma_of(verb), None, anonymous=cue, score=-1)


def _content_share(verb: Token, tokens: list[Token]) -> float:
    """The share of the statement's tokens (outside quotations) in the verb's complements."""
    size = sum(c.right_edge.i - c.left_edge.i + 1 for c in verb.children if c.dep_ in _CONTENT_CHILDREN)
    return min(1.0, size / max(len(tokens), 1))


def _relative_antecedent(pronoun: Token) -> Token | None:
    """What a relative pronoun stands for: the noun its clause hangs on, else the noun before it."""
    if pronoun.head.dep_ == "relcl":
        return _antecedent(pronoun.head.head)
    for tok in reversed(pronoun.doc[max(pronoun.sent.start, pronoun.i - 3) : pronoun.i]):
        if tok.pos_ in {"PROPN", "NOUN"}:
            return _antecedent(tok)
    return None


def _agentless_passive(verb: Token) -> bool:
    """A passive verb with no "by" agent: "is expected", "was reported"."""
    deps = {c.dep_ for c in verb.children}
    return "auxpass" in deps and "agent" not in deps


def _has_complement(verb: Token) -> bool:
    """Whether an attitude verb takes what it is about: a clause, or an object where that fits.

    Perception verbs need a clause ("found that ...", not "found the posts") or an object seen
    as something ("see golf courses as wasted space"), except when a
    document or a poll is what finds or shows ("Polls show a close contest", "Video of the
    incident shows him with his hands in the air": PolNeAR's attributions).
    """
    if _unreal(verb) or _backgrounded(verb):
        return False
    clause_only = verb.lemma_.lower() in lex.CLAUSE_ONLY_VERBS and not _document_subject(verb)
    allowed = _CLAUSES if clause_only else _COMPLEMENTS
    return any(c.dep_ in allowed for c in verb.children) or (clause_only and _seen_as(verb))


def _seen_as(verb: Token) -> bool:
    """ "Developers see golf courses as wasted space": an object and what it is seen as."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return obj is not None and any(c.dep_ == "prep" and c.lower_ == "as" for c in [*verb.rights, *obj.rights])


def _has_topic(verb: Token) -> bool:
    """Whether a verb of talking says what it was about: "talked about the buzz", "spoke of
    the legacy of racism" (PolNeAR's attributions), not "talked with reporters"."""
    if _unreal(verb) or _backgrounded(verb):
        return False
    return any(
        c.dep_ == "prep" and c.lower_ in lex.TOPIC_PREPOSITIONS and any(o.dep_ in {"pobj", "pcomp"} for o in c.children)
        for c in verb.rights
    )


def _document_subject(verb: Token) -> bool:
    """Whether the verb's subject is a document noun ("the study", "polls", "video of ...")."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.pos_ == "NOUN" and subj.lemma_.lower() in lex.DOCUMENT_NOUNS


def _according(tokens: list[Token]) -> _Found | None:
    """``according to X``, ``as reported by X``, ``citing X``, ``in the words of X``.

    The cue is the phrase, the source the object of its last word.
    """
    for tok in tokens:
        for words in _SOURCING.get(tok.lower_, ()):
            end = tok.i + len(words)
            if end > len(tok.doc) or any(tok.doc[tok.i + k].lower_ != w for k, w in enumerate(words)):
                continue
            last = tok.doc[end - 1]
            obj = next((c for c in last.children if c.dep_ in {"pobj", "dobj"}), None)
            if obj is not None and (last.lower_ not in lex.SECONDARY_SOURCING or cites_someone(obj)):
                return _Found(tok.doc[tok.i : end], " ".join(words), obj)
    return None


def _poll_phrase(tokens: list[Token]) -> _Found | None:
    """A poll the main clause reports from: "In a CNN/ORC poll released Monday, 31% said ...",
    "Kasich was at 25 percent in the most recent Fox poll" (cue "in", source the poll); not
    "leads in the polls" (polls in general)."""
    for tok in tokens:
        if tok.lower_ not in lex.POLL_PREPOSITIONS or tok.dep_ != "prep" or tok.head.dep_ != "ROOT":
            continue
        if tok.head.pos_ not in _VERB_POS:
            continue
        subj = next((c for c in tok.head.children if c.dep_ in _SUBJ), None)
        if lemma_of(tok.head) in lex.REPORTING_VERBS and not (subj is not None and _respondents(subj, "say")):
            continue  # "The mayor said in a poll of residents that ...": the mayor reports
        obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if obj is not None and obj.lower_ in lex.POLL_NOUNS and any(c.dep_ in _POLL_MODS for c in obj.children):
            return _Found(tok.doc[tok.i : tok.i + 1], tok.lower_, obj)
    return None


def _sourcing_phrases() -> dict[str, list[tuple[str, ...]]]:
    """The sourcing phrases of the lexicon, indexed by their first word."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in lex.ACCORDING_PHRASES:
        words = tuple(phrase.split())
        index.setdefault(words[0], []).append(words)
    return index


_SOURCING = _sourcing_phrases()


def _report_noun(tokens: list[Token]) -> _Found | None:
    """A report noun that carries content: "the view of X is that", "there are predictions that"."""
    for tok in tokens:
        if tok.pos_ != "NOUN" or (tok.lemma_.lower() not in lex.REPORT_NOUNS and tok.lower_ not in lex.REPORT_NOUNS):
            continue
        head = tok.head
        carries = any(c.dep_ in {"acl", "ccomp"} and _has_that(c) for c in tok.children) or (
            tok.dep_ == "nsubj" and head.lemma_ == "be" and any(c.dep_ in {"ccomp", "attr"} for c in head.children)
        )
        if not carries or (tok.dep_ not in {"nsubj", "attr", "ROOT"}):
            continue
        if tok.dep_ == "attr" and not any(c.dep_ == "expl" for c in head.children):
            continue
        doc = tok.doc
        mods = [c for c in tok.lefts if c.dep_ == "amod"]
        cue = doc[(mods[0].i if mods else tok.i) : tok.i + 1]
        holder = next((c for c in tok.children if c.dep_ == "poss"), None)
        if holder is None:
            prep = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ in lex.HOLDER_PREPOSITIONS), None)
            holder = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        anonymous = None if holder is not None else noun_phrase(doc, tok)
        return _Found(cue, tok.lemma_.lower(), holder, anonymous)
    return None


def _has_that(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in {"that", "whether"} for c in clause.children)


def _nested(inner: _Found, outer: _Found) -> bool:
    """Whether ``inner`` reports inside what ``outer``, a reporting verb with a speaker, says:
    "Ditto said [she expects ...]". PolNeAR annotates only the outermost attribution."""
    head = outer.cue.root
    if outer.source is None or outer.continues or outer.lemma not in lex.REPORTING_VERBS or inner is outer:
        return False
    tok = inner.cue.root
    if _parenthetical(head):
        # "Still, he said, officials have to decide who ...": the host clause is what he said
        return tok.i != head.i and head.head.left_edge.i <= tok.i <= head.head.right_edge.i and tok not in head.subtree
    for _ in range(_MAX_CLIMB):
        if tok.head.i == tok.i:
            return False
        if tok.head.i == head.i:
            return tok.dep_ in _CLAUSES
        tok = tok.head
    return False


def _under(inner: _Found, outer: _Found) -> bool:
    """Whether ``inner``'s verb hangs below ``outer``'s, a cue with a speaker, in the parse: the
    statement is the outer speaker's ("Mukasey criticized the email use, which an FBI
    investigation said was careless"; "Asked whether it was hard, Mr. Daley said: ..."; "Cruz
    has railed against what he calls the cartel"). PolNeAR annotates the inner report as an
    attribution of its own, which one statement cannot carry besides the outer one."""
    return (
        inner is not outer
        and outer.source is not None
        and not outer.continues
        and outer.cue.root in inner.cue.root.ancestors
        and not _reports_for(inner, outer)
    )


def _reports_for(inner: _Found, outer: _Found) -> bool:
    """Whether ``inner`` carries what its own speaker's ``outer`` cue does not report: a clause
    after a verb that has none ("X also commented on the visit, saying, '...'"; "X agreed, but
    also contended that ..."), where the inner cue is the one that introduces the content."""
    return (
        inner.lemma not in lex.QUESTION_VERBS  # "Asked whether ..., X said": the answer is the report
        and inner.source is not None
        and outer.source is not None
        and inner.source.i == outer.source.i
        and not any(c.dep_ in _CLAUSES for c in outer.cue.root.children)
        and any(c.dep_ in _CLAUSES for c in inner.cue.root.children)
    )


def _parenthetical(verb: Token) -> bool:
    """A report set off inside the clause it reports ("The plan, he said, is dead"): a
    parataxis with no clause or quotation of its own."""
    return verb.dep_ == "parataxis" and not any(c.dep_ in _CLAUSE_DEPS or c.dep_ == "dobj" for c in verb.children)


def _authors_own(holder: Token | None, author: frozenset[str], quotes: list[QuoteSpan]) -> bool:
    """Whether a report noun's holder is the author's first person ("my", outside quotations)."""
    return holder is not None and lex.SELF_POSSESSIVES.get(holder.lower_) in author and not _in_quotes(holder, quotes)


def find_cue(
    doc: Doc, cand: Candidate, all_quotes: list[QuoteSpan] | None = None, author: frozenset[str] = lex.AUTHOR_SUBJECTS
) -> _Found | None:
    """The best reporting cue of a candidate (outside its quotations) and its source head.

    Args:
        doc: the parsed document.
        cand: the statement candidate.
        all_quotes: the direct quotations of the sentence or document (default: the candidate's).
        author: first-person subjects that are the author's own voice (no cue, no speaker).
    """
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None:
        return None
    quotes = cand.direct_quotes
    tokens = _outside(span, quotes)
    acc = _according(tokens)
    if acc is not None and acc.lemma not in lex.SECONDARY_SOURCING:
        return acc
    poll = _poll_phrase(tokens)
    if poll is not None:
        return poll  # the poll reports even what its respondents "said"
    noun = _report_noun(tokens)
    if noun is not None and _authors_own(noun.source, author, all_quotes if all_quotes is not None else quotes):
        noun = None  # "My guess is that ...": the author's own view, like "I guess that ..."
    if noun is not None and noun.cue.root.head.dep_ == "ROOT":
        return noun  # "The general view of experts is that ..." frames the whole sentence
    verbs = _verb_cues(tokens, quotes, all_quotes if all_quotes is not None else quotes, author)
    if acc is not None:  # "citing officials" is not also the verb cue of the sentence's subject
        verbs = [f for f in verbs if f.cue.root.i != acc.cue.root.i]
    outer = [f for f in verbs if not any(_nested(f, g) for g in verbs)]
    outer = [f for f in outer if not any(_under(f, g) for g in outer)]
    if outer:
        return max(outer, key=lambda f: f.score)
    return noun or acc


def quote_type(cand: Candidate, text: str | None = None, cue: Cue | None = None) -> QuoteType:
    """direct, mixed or indirect speech of an attributed candidate.

    direct: a quotation framed only by speaker and cue (“...,” he said / He said, “...” /
    told reporters: “...”), or a quotation that is the whole candidate; mixed: a quotation that
    is part of reported content (suggest that “...”), or a quoted phrase of a few words in ‘ ’,
    or one after the author's words ("Bemoaning the “phony system,” he accused ..."); indirect:
    no quotation, or only a quoted name (the “Commander-In-Chief” forum, :func:`is_quoted_name`). Without ``text``, the share of quoted characters decides.
    """
    quotes = cand.direct_quotes
    if text is not None:
        quotes = [q for q in quotes if not is_quoted_name(text, q)]  # the “Commander-In-Chief” forum
    if not quotes:
        partial = (
            any(
                q.depth == 0
                and q.closed
                and not q.is_double
                and len(text[q.start : q.end].split()) >= _MIN_PARTIAL_WORDS
                for q in cand.quotes
            )
            if text is not None
            else False
        )
        return "mixed" if partial else "indirect"
    if text is None:
        quoted = sum(q.content_end - q.content_start for q in quotes)
        return "direct" if quoted >= _DIRECT_SHARE * (cand.end - cand.start) else "mixed"
    for q in quotes:
        before = text[cand.start : q.start].rstrip()
        if not before or before.endswith(":"):
            return "direct"
        if cue is None:
            continue
        if before.endswith(",") and q.start >= cue.end and len(text[cue.end : q.start].split()) <= 2:
            return "direct"  # He said, “...” / told reporters, “...”
        if (
            q.closed
            and text[q.content_end - 1 : q.content_end] in ",?!"
            and cue.start >= q.end
            and before.lower().rstrip(_LEAD_PUNCT) in lex.QUOTE_LEAD_WORDS
        ):
            return "direct"  # “...,” he said; not the author's "Bemoaning the “phony system,” he accused"
    return "mixed"


def _speaker(doc: Doc, found: _Found, resolver: Resolver) -> tuple[Speaker, Span]:
    """The resolved speaker of a cue and the phrase that names it (for a document subject,
    the document: see :func:`_document_speaker`)."""
    if found.source is None:
        phrase = found.anonymous if found.anonymous is not None else found.cue
        name = _UNNAMED if phrase is found.cue else phrase.text.lower()
        return Speaker(name, phrase.text, phrase.start_char, phrase.end_char, "anonymous"), phrase
    head = found.source
    if head.tag_ in {"WP", "WDT"} and (antecedent := _relative_antecedent(head)) is not None:
        # "Park, who said ...": the mention is "who", the speaker its antecedent
        phrase = noun_phrase(doc, antecedent)
        named = resolver.resolve(phrase, description_of(doc, antecedent))
        mention = doc[head.i : head.i + 1]
        speaker = Speaker(named.name, mention.text, mention.start_char, mention.end_char, named.type, named.description)
        return speaker, phrase
    if head.lower_ == "it" and found.lemma in lex.DOCUMENT_FINDING_VERBS:
        document = _document_antecedent(head)
        if document is not None:  # "We read the audit. It found that ...": the audit (or its issuer)
            phrase = noun_phrase(doc, document)
            named = _document_speaker(doc, document, phrase, resolver)
            return Speaker(named.name, head.text, head.idx, head.idx + len(head), named.type, named.description), phrase
    if (part := _part_of_group(head)) is not None:
        return part, doc[head.i : head.i + 1]
    head = _name_after_phrase(doc, head)
    phrase = noun_phrase(doc, head)
    if _is_document(phrase):
        return _document_speaker(doc, head, phrase, resolver), phrase
    speaker = resolver.resolve(phrase, description_of(doc, head))
    if (
        named := _named_in_apposition(doc, head, speaker, resolver) or _titled_names(doc, head, speaker, resolver)
    ) is not None:
        speaker = named
    if speaker.type != "anonymous" and not any(t.ent_type_ == "PERSON" for t in phrase) and _unnamed_by_request(head):
        # "A deckhand who asked not to be named told me": an anonymous source
        speaker = Speaker(speaker.name.lower(), speaker.mention, speaker.start, speaker.end, "anonymous")
    return speaker, phrase


def _name_after_phrase(doc: Doc, head: Token) -> Token:
    """The person named after an opening phrase that the parser took for the subject, with the
    name in apposition: in "With 50 days until *the election*, Minyon Moore, an adviser, called",
    the subject is Minyon Moore (the phrase follows a preposition)."""
    start = noun_phrase(doc, head).start
    if head.pos_ != "NOUN" or start == 0 or doc[start - 1].pos_ != "ADP":
        return head
    appos = next((c for c in head.rights if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
    return appos if appos is not None else head


def _named_in_apposition(doc: Doc, head: Token, speaker: Speaker, resolver: Resolver) -> Speaker | None:
    """ "The utility's general manager, Renata Quist, said ...": a job with the person's name in
    apposition is that person (the name; the job its description; the mention stays the job).
    The job may be typed organisation ("DeLaet's agent, Danny Fritz, told")."""
    if speaker.type not in {"person", "organization"} or head.pos_ != "NOUN" or proper_name(speaker.name) is not None:
        return None
    tail = noun_phrase(doc, head)[-1]  # "His ex-wife, Ivana Trump": the parser hangs the name on "wife"
    rights = [*head.rights, *(tail.rights if tail is not head else ())]
    appos = next((c for c in rights if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if appos is None:
        return None
    start = appos.i
    while start > appos.left_edge.i and doc[start - 1].pos_ == "PROPN":
        start -= 1
    phrase = doc[start : appos.i + 1]
    name = proper_name(phrase.text)
    if name is None or not (appos.ent_type_ == "PERSON" or name in {n for _, n in resolver.names.persons}):
        return None
    named = resolver.resolve(phrase)  # an earlier full name; the parser may call it an organisation
    full = named.name if named.type == "person" else name
    return Speaker(full, speaker.mention, speaker.start, speaker.end, "person", speaker.name)


def _titled_names(doc: Doc, head: Token, speaker: Speaker, resolver: Resolver) -> Speaker | None:
    """ "Presidential candidates Hillary Clinton and Donald Trump have both promised ...": a
    plural title right before the persons it names (no comma between; the parser makes the
    names its apposition, or the title their compound) is those persons, a group, and the
    title their description."""
    if head.tag_ == "NNS":
        title = head
        first = next((c for c in head.rights if c.dep_ == "appos" and c.left_edge.i == head.i + 1), None)
    else:
        title = next((c for c in head.lefts if c.dep_ == "compound" and c.tag_ == "NNS"), None)
        first = head
    if title is None or first is None or not first.conjuncts:
        return None
    names = []
    for person in (first, *first.conjuncts):
        if person.pos_ != "PROPN" or person.ent_type_ != "PERSON":
            return None
        start = person.i
        while start > person.left_edge.i and doc[start - 1].pos_ == "PROPN":
            start -= 1
        names.append(resolver.resolve(doc[start : person.i + 1]).name)
    description = doc[title.left_edge.i : title.i + 1].text
    return Speaker(" and ".join(names), speaker.mention, speaker.start, speaker.end, "group", description)


_ANONYMITY = re.compile(
    r"(?i)\b(?:not\s+to\s+be\s+(?:named|identified|quoted)|(?:condition|promise)\s+of\s+anonymity|anonymously)\b"
)


def _unnamed_by_request(head: Token) -> bool:
    """Whether the speaker's own phrase says it is kept anonymous: "a deckhand who asked not to
    be named", "an official, who spoke on condition of anonymity"."""
    subtree = head.doc[head.left_edge.i : head.right_edge.i + 1]
    return bool(_ANONYMITY.search(subtree.text))


def _part_of_group(head: Token) -> Speaker | None:
    """ "Most of them found that ...": part of the plural subject of the sentence before
    ("Independent economists have studied ..."), a group; with no such subject, anonymous."""
    if head.lower_ not in lex.QUANTIFIER_HEADS:
        return None
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pron = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if pron is None or pron.lower_ not in {"them", "those", "us"}:
        return None
    mention = head.doc[head.i : head.i + 1]
    start, end = mention.start_char, mention.end_char
    sent = head.sent
    if sent.start > 0:
        before = head.doc[sent.start - 1].sent
        group = next((t for t in before if t.dep_ == "nsubj" and t.tag_ in {"NNS", "NNPS"}), None)
        if group is not None:
            phrase = noun_phrase(head.doc, group)
            words = [t for t in phrase if t.lower_ not in lex.NAME_DROP_WORDS or t.i == group.i]
            name = head.doc[words[0].i : group.i + 1].text if words else group.text
            stype = speaker_type(phrase)
            return Speaker(name, mention.text, start, end, "anonymous" if stype == "anonymous" else "group")
    return Speaker(head.doc[head.i : pron.i + 1].text.lower(), mention.text, start, end, "anonymous")


def _document_antecedent(pronoun: Token, sentences: int = 2) -> Token | None:
    """The document an "it" subject stands for: the last document noun (``DOCUMENT_NOUNS``)
    before it in its sentence or the two before ("The audit came out in May. It found ...")."""
    doc = pronoun.doc
    start = pronoun.sent.start
    for _ in range(sentences):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    for tok in reversed(doc[start : pronoun.i]):
        if tok.pos_ == "NOUN" and not tok.ent_type_ and tok.lemma_.lower() in lex.DOCUMENT_NOUNS:
            return tok
    return None


def _newspaper(phrase: Span, speaker: Speaker) -> bool:
    """ "The paper has published ...": a newspaper (named before) under a word that can also
    name a document; the source is the medium, not a document."""
    return phrase.root.lemma_.lower() in lex.GENERIC_MEDIA_NOUNS and source_type(speaker) == "media"


def _is_document(phrase: Span) -> bool:
    root = phrase.root
    return root.pos_ == "NOUN" and not root.ent_type_ and root.lemma_.lower() in lex.DOCUMENT_NOUNS


def _issuer(head: Token) -> Span | None:
    """Who issued a document: "The RCMP statement", "her statement", "Foster's book",
    "a statement from the ministry", "the report by the committee", "a complaint filed by the SEC"."""
    doc = head.doc
    for child in head.children:
        if child.dep_ == "poss":
            if child.pos_ == "PRON":
                return doc[child.i : child.i + 1]
            return noun_phrase(doc, child)
    names = [c for c in head.lefts if c.dep_ in {"compound", "nmod"} and (c.pos_ == "PROPN" or c.ent_type_)]
    if names:
        return doc[names[0].left_edge.i if names[0].left_edge.pos_ == "PROPN" else names[0].i : names[-1].i + 1]
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in {"from", "by", "of"}:
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and _named(obj):
                return noun_phrase(doc, obj)
        if child.dep_ == "acl" and child.tag_ == "VBN":  # "a complaint *filed by* the SEC"
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if obj is not None and _named(obj):
                return noun_phrase(doc, obj)
    if head.dep_ == "pobj" and head.head.lower_ in {"in", "on"} and head.head.head.pos_ in _VERB_POS:
        subj = next((c for c in head.head.head.children if c.dep_ == "nsubj"), None)
        if subj is not None and _named(subj):
            return noun_phrase(doc, subj)  # "The association said in a statement ..."
    for tok in head.sent:  # "a document ... on Canadian Pacific Railway's website"
        if tok.dep_ == "poss" and _named(tok) and tok.head.lemma_.lower() in lex.PUBLISHING_MEDIA:
            return noun_phrase(doc, tok)
    return None


def _named(tok: Token) -> bool:
    return tok.pos_ == "PROPN" or tok.ent_type_ in {"ORG", "PERSON", "GPE", "NORP"}


def _earlier_issuer(head: Token) -> Span | None:
    """The issuer of an earlier mention of the same document, under its name or another
    document noun: "X released a report ... the report says" -> X; "a statement from X ... the
    statement said" -> X; "a document ... on X's website ... The white paper said" -> X."""
    lemma = head.lemma_.lower()
    same = [t for t in head.doc[: head.i] if t.lemma_.lower() == lemma and t.pos_ == "NOUN"]
    window = head.doc[max(0, head.i - _ISSUER_WINDOW) : head.i]
    other = [
        t for t in window if t.pos_ == "NOUN" and t.lemma_.lower() in lex.DOCUMENT_NOUNS and t.lemma_.lower() != lemma
    ]
    for tok in [*reversed(same), *reversed(other)]:
        issuer = _issuer(tok)
        if issuer is not None:
            return issuer
        if tok.dep_ == "dobj":
            subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            if subj is not None and _named(subj):
                return noun_phrase(head.doc, subj)
        if tok.lemma_.lower() == lemma and any(c.lower_ in {"a", "an"} for c in tok.children if c.dep_ == "det"):
            return None  # "A memo ..." brought the document in with no issuer: not an earlier one's
    return None


def _document_speaker(doc: Doc, head: Token, phrase: Span, resolver: Resolver) -> Speaker:
    """The speaker of a document subject: its issuer when named (here, or at an earlier
    mention of the same document), else the document itself."""
    issuer = _issuer(head)
    if issuer is None and any(t.lower_ == "the" for t in head.lefts):
        issuer = _earlier_issuer(head)
    if issuer is not None:
        speaker = resolver.resolve(issuer)
        if speaker.type != "anonymous" and not phrase.start <= issuer.start < phrase.end:
            # the issuer named elsewhere ("X said in a statement ... The statement said"): the
            # mention is the document here
            return Speaker(
                speaker.name, phrase.text, phrase.start_char, phrase.end_char, speaker.type, speaker.description
            )
        if speaker.type != "anonymous":
            return speaker
    start = phrase.start + 1 if len(phrase) > 1 and phrase[0].lower_ in lex.NAME_DROP_WORDS else phrase.start
    return Speaker(doc[start : phrase.end].text, phrase.text, phrase.start_char, phrase.end_char, "organization")


def _is_floating(text: str, cand: Candidate, after_quote: bool = False) -> bool:
    """A candidate that is mostly a direct quotation of a few words at least (not a show title).

    With ``after_quote`` (right after a quotation of the same paragraph) a shorter quotation
    counts when it is a sentence of its own: “They sue,” he said. *“Everybody sues, right?”*
    """
    if quote_type(cand, text) != "direct":
        return False
    words = sum(len(text[q.content_start : q.content_end].split()) for q in cand.direct_quotes)
    return words >= _MIN_FLOATING_WORDS or (after_quote and words >= 2 and _quoted_sentence(text, cand))


def _quoted_sentence(text: str, cand: Candidate) -> bool:
    """The candidate is one closed quotation that is its whole sentence (not a title closing a
    sentence: 'he said on “This Week.”'), a capital first, .?! last."""
    if len(cand.direct_quotes) != 1:
        return False
    q = cand.direct_quotes[0]
    inner = text[q.content_start : q.content_end].strip()
    return (
        q.closed
        and (q.start, q.end) == (cand.start, cand.end) == (cand.sent_start, cand.sent_end)
        and inner[:1].isupper()
        and inner[-1:] in {".", "?", "!"}
    )


def _same_or_next_paragraph(text: str, a: Candidate, b: Candidate) -> bool:
    """Whether ``b`` follows ``a`` with at most one paragraph break between them."""
    gap = text[a.end : b.start] if a.end <= b.start else text[b.end : a.start]
    return gap.count("\n") <= 2 and not gap.strip(' \t\r\n\u00a0”"’')


def attribute(doc: Doc, candidates: list[Candidate], cleaned: Cleaned) -> Attributions:
    """One :class:`Attribution` per candidate, resolving speakers across the article.

    The result also carries the article's speaker entities (``.entities``).
    """
    resolver = Resolver(doc, lambda offset: (r := cleaned.region_at(offset)) is not None and r.type != "title")
    resolver.names.drop_names_in([(r.start, r.end) for r in cleaned.regions if r.type in _AUTHOR_REGIONS])
    publisher = Source(cleaned.publisher, "publication") if cleaned.publisher else None
    text = text_of(doc)
    all_quotes = _SortedQuotes(list({q for cand in candidates for q in cand.direct_quotes}))
    out = Attributions()
    author = lex.EDITORIAL_SUBJECTS if cleaned.genre in {"opinion", "editorial"} else lex.AUTHOR_SUBJECTS
    for i, cand in enumerate(candidates):
        found = find_cue(doc, cand, all_quotes, author)
        if found is None and i + 1 < len(candidates) and _introduces(text, cand, candidates[i + 1]):
            found = _introducer(doc, cand)
        elif found is None and i + 1 < len(candidates) and _introduces_block(text, cand, candidates[i + 1]):
            found = _introducer(doc, cand)  # "The governor added:" and a paragraph without marks
            found = found if found is not None and found.lemma in lex.REPORTING_VERBS else None
        if found is not None and found.continues:
            prev = out[-1] if out and candidates[len(out) - 1].sent_start == cand.sent_start else None
            if prev is None or prev.speaker is None:
                found = None
            else:
                cue = Cue(found.cue.text, found.cue.start_char, found.cue.end_char, found.lemma)
                out.append(Attribution(prev.speaker, cue, quote_type(cand, text, cue), prev.source))
                continue
        if found is None:
            out.append(Attribution(source=publisher))
            continue
        speaker, phrase = _speaker(doc, found, resolver)
        if found.source is not None and found.source.lemma_.lower() in lex.NOT_SPEAKERS:
            # poll respondents ("63 percent said"): a group, never a person
            speaker = Speaker(speaker.mention, speaker.mention, speaker.start, speaker.end, "group")
        if not background_clause(found.cue.root):
            resolver.remember(speaker)  # "Although Trump tweeted ..., he said": "he" is not Trump
        cue = Cue(found.cue.text, found.cue.start_char, found.cue.end_char, found.lemma)
        if found.source is not None and _is_document(phrase) and not _newspaper(phrase, speaker):
            source = Source(speaker.name, "document", phrase.start_char, phrase.end_char)
        else:
            source = source_for(speaker, phrase)
        out.append(Attribution(speaker, cue, quote_type(cand, text, cue), source))
    _attribute_credits(text, candidates, out)
    _attribute_pull_quotes(text, candidates, out, cleaned)
    _attribute_labels(doc, candidates, out)
    _attribute_headline_verbs(doc, candidates, out)
    _attribute_floating(text, candidates, out)
    _attribute_blocks(text, candidates, out)
    _attribute_turns(text, candidates, out)
    out.entities = entities.link([a.speaker for a in out], doc, resolver.names)
    for attr in out:
        if attr.speaker is not None and attr.source is not None:
            attr.source.name = attr.speaker.name
            if attr.source.type == "official" and attr.speaker.type == "person":
                attr.source.type = source_type(attr.speaker)  # a surname the parser typed a nation
    _office_holders(doc, out)
    return out


_TURN = re.compile(r"^[ \t]*[\"“]?((?:[A-Z][A-Z.'’ -]{0,40}[A-Z.])|Q|A)[ \t]*:(?=\s)", re.MULTILINE)
_ROLES = {"Q": "interviewer", "A": "interviewee"}


def transcript_turns(text: str) -> list[tuple[int, int, int]]:
    """Speaker turns of a transcript: ``(label start, label end, turn end)`` for every line
    that starts with an upper-case name or role and a colon (``WALLACE:``, ``Q:``,
    ``MR. SMITH:``); a turn runs to the next one. Fewer than two such lines, or labels that
    hardly recur (the section headings of a news round-up): no transcript.
    """
    found = [m for m in _TURN.finditer(text) if _turn_label(m.group(1))]
    labels = {m.group(1).split()[-1].strip(".") for m in found}  # "KATE BOULDUAN:", then "BOULDUAN:"
    if len(labels) < 2 or len(labels) == len(found) or len(labels) > max(3, 2 * len(found) / 3):
        return []  # speakers take turns again and again; section headings do not recur
    ends = [m.start() for m in found[1:]] + [len(text)]
    return [(m.start(1), m.end(1), end) for m, end in zip(found, ends, strict=True)]


def _turn_label(label: str) -> bool:
    """A speaker label: at most three words, none of them a heading word ("WATCH", "UPDATE")."""
    words = label.strip(" .").lower().split()
    return len(words) <= 3 and " ".join(words) not in lex.NOT_TURN_LABELS and words[0] not in lex.NOT_TURN_LABELS


def _attribute_turns(text: str, candidates: list[Candidate], out: list[Attribution]) -> None:
    """Give every statement of a transcript turn the speaker of the turn, cue the colon."""
    turns = transcript_turns(text)
    if not turns:
        return
    k = 0
    for i, cand in enumerate(candidates):
        while k < len(turns) and turns[k][2] <= cand.start:
            k += 1
        if k == len(turns) or text[cand.start : turns[k][0]].strip(' \t"“'):
            continue  # before the turn's label (a quote mark may open the line: "WALLACE: ...)
        start, end, _ = turns[k]
        label = text[start:end]
        name = _ROLES.get(label) or " ".join(w.capitalize() for w in label.split())
        speaker = Speaker(name, label, start, end, "person")
        colon = text.index(":", end)
        cue = Cue(":", colon, colon + 1, ":")
        out[i] = Attribution(speaker, cue, "direct", source_for(speaker))


# "Sanders: Brexit's message could draw Trump support" (a headline in the body), "IOWA POLLS NOT
# WRONG - Mark Blumenthal: “...”" (a quotation credited after a heading): a name, a colon, what it says.
_LABEL = re.compile(
    r"(?:^|[ \t][-–—][ \t]+)(?P<label>[A-Z][\w.’'-]*(?:[ \t]+(?:[A-Z][\w.’'-]*|and|&)){0,5}):[ \t]+(?=\S)",
    re.MULTILINE,
)
_LABEL_ENTITIES = frozenset(["PERSON", "ORG", "NORP"])


def _attribute_labels(doc: Doc, candidates: list[Candidate], out: list[Attribution]) -> None:
    """A statement opened by a name and a colon is the name's (PolNeAR's reading, cue the colon):
    the article's first line when it is a headline of that shape ("Sanders: Brexit's message
    could draw Trump support"), or any line where a quotation follows the colon ("Mark
    Blumenthal: “...”", also after a heading and a dash). Not a heading word ("UPDATE:"), a
    place ("OTTAWA:"), a number ("Clinton: 547.") or a name with nothing quoted after it in
    the body ("Rubio: Finish second." heads a section)."""
    text = text_of(doc)
    for i, cand in enumerate(candidates):
        if out[i].speaker is not None:
            continue
        line_end = text.find("\n", cand.start, cand.end)
        m = _LABEL.search(text, cand.start, cand.end if line_end < 0 else line_end)
        if m is None or (m.start() != cand.start and m.start("label") == m.start()):
            continue
        rest = text[m.end() : cand.end]
        quoted = rest[:1] in _OPENING_MARKS
        if not (quoted or (i == 0 and m.start() == cand.start and len(rest.split()) >= 2)):
            continue
        phrase = doc.char_span(m.start("label"), m.end("label"), alignment_mode="contract")
        colon = m.end("label")
        cue = Cue(":", colon, colon + 1, ":")
        if phrase is not None and len(phrase) > 1 and (lemma := _past_reporting(phrase[0].lower_)) is not None:
            verb = phrase[0]  # "Continued Stone: “...”" (the parser takes the verb for a name)
            cue = Cue(verb.text, verb.idx, verb.idx + len(verb), lemma)
            phrase = phrase[1:]
        if phrase is None or not len(phrase) or not _label_names_a_source(phrase):
            continue
        document = _is_document(phrase)
        speaker = Speaker(name_of(phrase), phrase.text, phrase.start_char, phrase.end_char, speaker_type(phrase))
        if document:
            speaker.type = "organization"
        source = (
            Source(speaker.name, "document", speaker.start, speaker.end) if document else source_for(speaker, phrase)
        )
        out[i] = Attribution(speaker, cue, "direct" if quoted else "indirect", source)


def _attribute_headline_verbs(doc: Doc, candidates: list[Candidate], out: list[Attribution]) -> None:
    """A title in headline case whose reporting verb the parse missed ("Conservative Icon Morton
    Blackwell Endorses Ted Cruz", "Glenn Beck Blasts Drudge"): the capitalised words before the
    first reporting verb form are the speaker, the verb the cue."""
    text = text_of(doc)
    for i, cand in enumerate(candidates):
        if not cand.headline or out[i].speaker is not None:
            continue
        span = doc.char_span(cand.start, cand.end, alignment_mode="contract")
        if span is None:
            continue
        verb = next((t for t in span[1:] if _headline_verb(t.text) is not None), None)
        if verb is None or verb.i - span.start > _MAX_HEADLINE_SOURCE:
            continue
        phrase = doc[span.start : verb.i]
        if not all(t.text[:1].isupper() or t.text in {"’s", "'s", "-", "."} for t in phrase):
            continue  # "After Rubio stumbles, rivals see ...": no name runs up to the verb
        lemma = _headline_verb(verb.text) or verb.lower_
        speaker = Speaker(name_of(phrase), phrase.text, phrase.start_char, phrase.end_char, speaker_type(phrase))
        cue = Cue(verb.text, verb.idx, verb.idx + len(verb), lemma)
        out[i] = Attribution(speaker, cue, quote_type(cand, text, cue), source_for(speaker, phrase))


_MAX_HEADLINE_SOURCE = 6  # words of a headline's speaker ("Jeb Bush Super PAC Chief")


def _headline_verb(word: str) -> str | None:
    """The lemma of a capitalised reporting verb of a headline ("Says", "Praises", "Denies",
    "Blasted"), else None."""
    if not word[:1].isupper() or not word.isalpha():
        return None
    lower = word.lower()
    if lower in {"says", "said"}:
        return "say"
    if lower in {"tells", "told"}:
        return "tell"
    forms = [lower[:-1], lower[:-2]] if lower.endswith("s") else []
    if lower.endswith("ies"):
        forms.append(lower[:-3] + "y")
    return next((f for f in forms if f in lex.REPORTING_VERBS), None)


def _past_reporting(word: str) -> str | None:
    """The lemma of a reporting verb in the past tense ("said", "stated", "added"), else None."""
    if word == "said":
        return "say"
    if not word.endswith("ed"):
        return None
    return next((w for w in (word[:-1], word[:-2]) if w in lex.REPORTING_VERBS), None)


def _label_names_a_source(phrase: Span) -> bool:
    """Whether the words before a colon name someone who speaks: a proper name of a person,
    organisation or group, a medium or a document ("Poll:"); not a heading word, a place or a
    number."""
    words = phrase.text.lower()
    if words in lex.NOT_TURN_LABELS or phrase[0].lower_ in lex.NOT_TURN_LABELS or any(t.like_num for t in phrase):
        return False
    if any(t.ent_type_ and t.ent_type_ not in _LABEL_ENTITIES for t in phrase):
        return False  # "OTTAWA:", "Iowa: Tim Albrecht, ..."
    root = phrase.root
    return (
        root.pos_ == "PROPN"
        or any(t.ent_type_ in _LABEL_ENTITIES for t in phrase)
        or root.lemma_.lower() in lex.DOCUMENT_NOUNS
        or root.lower_ in lex.MEDIA_WORDS
        or _named_elsewhere(phrase)
    )


def _named_elsewhere(phrase: Span) -> bool:
    """Whether a capitalised label is the last word of a person or organisation the article
    names ("Sanders: ..." over a story about "Bernie Sanders"; a headline's parse may take
    "Sanders" for a common noun)."""
    last = phrase[-1]
    if not last.text[:1].isupper() or not last.is_alpha:
        return False
    return any(ent.label_ in _LABEL_ENTITIES and ent[-1].text == last.text for ent in phrase.doc.ents)


def is_office_holder(phrase: Span) -> bool:
    """Whether a mention names someone by a public office ("Mayor Dana Ortiz", "Port director X")."""
    words = [t.lower_ for t in phrase]
    if set(words) & lex.OFFICE_TITLES or (words and words[0] == "president" and len(words) > 1):
        return True
    return bool(set(words) & lex.OFFICE_HEADS and set(words) & lex.PUBLIC_BODIES)


# "Her office", "his office", "the governor's office": in the news, the staff of an office holder.
_OFFICE_OF_SOMEONE = re.compile(r"(?i)(?:her|his|their|(?:the\s+)?[\w.-]+(?:'s|’s))\s+(?:own\s+)?(?:press\s+)?office")


def _office_holders(doc: Doc, out: list[Attribution]) -> None:
    """Make the source ``official`` for every statement of an office holder or a public body.

    A person counts when any mention of the name in the text carries an office ("Mayor Dana
    Ortiz said ..." and the later "she said ...", "Commissioner Alan Wei voted ... He said");
    an organisation when its name holds a public body ("the transit authority", "the port",
    "the department's own budget office"), and someone's office ("Her office released a
    statement saying ...").
    """
    names = {a.speaker.name for a in out if a.speaker is not None and a.speaker.type in {"person", "organization"}}
    if not names:
        return
    officials = set()
    for name in names:
        words = set(re.findall(r"[a-z]+", name.lower()))  # "department's" -> department, s
        if words & lex.PUBLIC_BODIES and not words & lex.ORGANIZATION_NOUNS - lex.PUBLIC_BODIES - {"office"}:
            officials.add(name)
        elif _OFFICE_OF_SOMEONE.fullmatch(name):
            officials.add(name)  # "Her office", "the senator's office": the office of an office holder
    text = text_of(doc)
    for name in names - officials:
        at = text.find(name)
        while at >= 0:
            before = doc.char_span(max(0, at - 40), at, alignment_mode="contract")
            if before is not None and len(before) and is_office_holder(before[-3:]):
                officials.add(name)
                break
            at = text.find(name, at + len(name))
    for attr in out:
        src = attr.source
        if attr.speaker is not None and attr.speaker.name in officials and src is not None and src.type == "named":
            attr.source = Source(src.name, "official", src.start, src.end)


def _introduces(text: str, cand: Candidate, nxt: Candidate) -> bool:
    """A sentence ending in a colon right before a quotation ("Cruz continued:")."""
    return text[cand.start : cand.end].endswith(":") and text[nxt.start : nxt.start + 1] in _OPENING_MARKS


def _introduces_block(text: str, cand: Candidate, nxt: Candidate) -> bool:
    """A sentence ending in a colon before a paragraph set without quotation marks ("The
    governor added:"): see :func:`_attribute_blocks`."""
    gap = text[cand.end : nxt.start]
    return (
        text[cand.start : cand.end].rstrip().endswith(":")
        and "\n" in gap
        and not gap.strip()
        and text[nxt.start] not in _OPENING_MARKS
    )


def _introducer(doc: Doc, cand: Candidate) -> _Found | None:
    """The main verb and subject of a sentence that introduces the quotation after it."""
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None:
        return None
    root = span.root
    subj = next((c for c in root.children if c.dep_ in {"nsubj"}), None)
    if root.pos_ not in _VERB_POS or subj is None or subj.lower_ in _NO_SPEAKER:
        return None
    return _Found(doc[root.i : root.i + 1], root.lemma_.lower(), subj)


_CREDIT = lex.DASH_CREDIT_RE


def _attribute_credits(text: str, candidates: list[Candidate], out: list[Attribution]) -> None:
    """A quotation credited with a dash at the end of its paragraph ("“...” ― Esther Tapia")
    is the named person's, the dash its cue (PolNeAR's reading)."""
    for i, cand in enumerate(candidates):
        if out[i].speaker is not None or not cand.direct_quotes:
            continue
        m = _CREDIT.search(text, cand.start, cand.end)
        if m is None or m.end() != cand.end or m.start() + 1 != cand.direct_quotes[-1].end:
            continue
        end = m.end(2) - len(m.group(2)) + len(m.group(2).rstrip("."))
        name = text[m.start(2) : end]
        speaker = Speaker(name, name, m.start(2), end, "person")
        cue = Cue(m.group(1), m.start(1), m.end(1), m.group(1))
        out[i] = Attribution(speaker, cue, "direct", source_for(speaker))


def _attribute_pull_quotes(text: str, candidates: list[Candidate], out: list[Attribution], cleaned: Cleaned) -> None:
    """A pull quote (a paragraph that is one quotation) with a line under it that is only a
    name ("“We have to do better.”" / "Morgan Lake") is that person's; no cue."""
    for i, cand in enumerate(candidates):
        if out[i].speaker is not None or text[cand.start] not in _OPENING_MARKS:
            continue
        if (found := pull_quote_speaker(text, cleaned, cand.start, cand.end)) is not None:
            speaker = Speaker(found[0], found[0], found[1], found[2], "person")
            out[i] = Attribution(speaker, None, "direct", source_for(speaker))


def _attribute_blocks(text: str, candidates: list[Candidate], out: list[Attribution]) -> None:
    """A paragraph introduced by a frame that ends in a colon ("X wrote on her website:",
    "Council member X tweeted:") and set without quotation marks is the speaker's words: each
    statement of that one paragraph takes the frame's speaker, cue and source, quote
    ``direct``, and so does the frame (its content is the paragraph).
    """
    for i, cand in enumerate(candidates[:-1]):
        frame = out[i]
        if frame.speaker is None or frame.cue is None:
            continue
        if not _introduces_block(text, cand, candidates[i + 1]):
            continue  # the quotation follows in marks (handled as a quotation) or on the same line
        frame.quote = "direct"
        for j in range(i + 1, len(candidates)):
            if j > i + 1 and "\n" in text[candidates[j - 1].end : candidates[j].start]:
                break  # the paragraph ends
            out[j] = Attribution(frame.speaker, frame.cue, "direct", frame.source)


def _attribute_floating(text: str, candidates: list[Candidate], out: list[Attribution]) -> None:
    """Give a direct quotation with no cue the speaker of the adjacent quotation.

    The previous statement wins (a quote that runs over paragraphs, reopened with “ at each);
    otherwise the next one in the same paragraph (“A.” “B,” he said.).
    """
    for i, cand in enumerate(candidates):
        after_quote = (
            i > 0
            and out[i - 1].quote == "direct"
            and out[i - 1].speaker is not None
            and "\n" not in text[candidates[i - 1].end : cand.start]
        )
        if out[i].speaker is not None or not _is_floating(text, cand, after_quote):
            continue
        for j in (i - 1, i + 1):
            if not 0 <= j < len(candidates) or out[j].speaker is None:
                continue
            if out[j].cue is not None and _CREDIT.match(f"”{out[j].cue.text}X"):
                break  # a dash credit names the speaker of its own quotation only
            other = candidates[j]
            if not _same_or_next_paragraph(text, candidates[min(i, j)], candidates[max(i, j)]):
                continue
            if j > i and "\n" in text[cand.end : other.start]:
                continue
            prev = out[j]
            out[i] = Attribution(prev.speaker, prev.cue, "direct", prev.source)
            break


def is_statement(doc: Doc, cand: Candidate, attr: Attribution, cleaned: Cleaned) -> bool:
    """Whether an attributed candidate becomes a statement: not a frame only ("Cruz
    continued:"), not a headline nobody says, not the author's words in the deck under the
    headline (what the deck attributes to someone is)."""
    if attr.speaker is None and (cand.headline or cleaned.in_deck(cand.start)):
        return False
    if cand.headline and not says_something(doc, cand, attr):
        return False  # "The stadium deal nobody wanted to explain": a cue with nothing said
    return not is_frame_only(doc, cand, attr)


def says_something(doc: Doc, cand: Candidate, attr: Attribution) -> bool:
    """Whether an attributed candidate has content besides its speaker and cue (a clause, a
    quotation, an object): "Mayor Says Bridge Will Close", not the title "The deal nobody wanted
    to explain", whose cue's object is the title's own noun."""
    cue = content.verb_group(doc, attr.cue, cand.start) if attr.cue is not None else None  # as the pipeline widens it
    frame = [(p.start, p.end) for p in (attr.speaker, cue) if p is not None and p.start is not None]
    parts = content.find(doc, cand, cue, attr.quote)
    return bool(content.without(text_of(doc), parts, [(s, e) for s, e in frame if e is not None]))


def is_frame_only(doc: Doc, cand: Candidate, attr: Attribution) -> bool:
    """Whether a candidate is nothing but its attribution frame ("Cruz continued:", "He said:").

    Such a line introduces the quotation of the next paragraph (which takes its speaker) and
    makes no statement itself. True when every word outside the speaker mention and the cue is
    a stop word or punctuation.
    """
    if attr.speaker is None or attr.cue is None:
        return False
    start = attr.speaker.start if attr.speaker.start is not None else -1
    if attr.cue.lemma == ":" and start <= cand.start and cand.end <= attr.cue.end:
        return True  # a transcript label ("WALLACE:", "MR." "SMITH:") on its own
    if not text_of(doc)[cand.start : cand.end].rstrip().endswith(":"):
        return False
    frame = [(attr.cue.start, attr.cue.end)]
    if attr.speaker.start is not None and attr.speaker.end is not None:
        frame.append((attr.speaker.start, attr.speaker.end))
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand") or []
    for tok in span:
        if tok.is_punct or tok.is_space or tok.is_stop:
            continue
        if not any(s <= tok.idx < e for s, e in frame):
            return False
    return True
