"""Attribution: who says each statement (speaker), with which words (cue), from where (source).

Stages follow the method: cue -> content -> source -> resolution across the article.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .clean import Cleaned
from .data import reporting as lex
from .records import Cue, QuoteType, Source, Speaker
from .segment import Candidate

PRONOUNS = {"he", "she", "they", "him", "her", "them", "it", "we", "i"}
_SUBJ = {"nsubj", "nsubjpass"}
_ORG_LABELS = {"ORG", "NORP", "GPE", "FAC"}


@dataclass
class Attribution:
    """What attribution found for one candidate; all None/"none" for the author's voice."""

    speaker: Speaker | None = None
    cue: Cue | None = None
    quote: QuoteType = "none"
    source: Source | None = None


def _tokens(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _in_quote(tok: Token, cand: Candidate) -> bool:
    return any(q.start < tok.idx < q.end for q in cand.direct_quotes)


def find_cue(doc: Doc, cand: Candidate) -> tuple[Token, Token | None] | None:
    """The reporting verb of a candidate outside its quotations, and its subject if any."""
    span = _tokens(doc, cand.start, cand.end)
    if span is None:
        return None
    for tok in span:
        if _in_quote(tok, cand):
            continue
        if tok.lemma_.lower() in lex.REPORTING_VERBS and tok.pos_ in {"VERB", "AUX"}:
            subj = next((c for c in tok.children if c.dep_ in _SUBJ), None)
            if subj is None and tok.dep_ in {"advcl", "xcomp", "conj", "pcomp"}:
                head = tok.head
                subj = next((c for c in head.children if c.dep_ in _SUBJ), None)
            return tok, subj
    return None


def find_according(doc: Doc, cand: Candidate) -> tuple[Span, Span] | None:
    """``according to X``: returns (cue tokens, source phrase)."""
    span = _tokens(doc, cand.start, cand.end)
    if span is None:
        return None
    for tok in span:
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            to = doc[tok.i + 1]
            obj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return doc[tok.i : tok.i + 2], doc[obj.left_edge.i : obj.right_edge.i + 1]
    return None


def _phrase(doc: Doc, head: Token) -> Span:
    """The noun phrase of ``head`` without trailing appositions and relative clauses."""
    left = head.left_edge.i
    right = head.i
    for child in head.rights:
        if child.dep_ in {"compound", "flat"}:
            right = child.right_edge.i
    return doc[left : right + 1]


def _speaker_type(phrase: Span) -> str:
    words = {t.lower_ for t in phrase}
    if words & lex.VAGUE_SPEAKERS and not any(t.ent_type_ == "PERSON" for t in phrase):
        return "anonymous" if words & {"some", "someone", "source", "sources", "others"} else "group"
    if any(t.ent_type_ == "PERSON" for t in phrase) or phrase.root.lower_ in PRONOUNS:
        return "person"
    if any(t.ent_type_ in _ORG_LABELS for t in phrase):
        return "organization"
    return "group" if phrase.root.tag_ in {"NNS", "NNPS"} else "person"


class Resolver:
    """Resolve pronouns and short names to the first full mention in the article."""

    def __init__(self) -> None:
        self.people: list[Speaker] = []
        self.last: Speaker | None = None

    def resolve(self, doc: Doc, phrase: Span) -> Speaker:
        mention = phrase.text
        stype = _speaker_type(phrase)
        description = None
        appos = next((c for c in phrase.root.children if c.dep_ == "appos"), None)
        if appos is not None:
            description = doc[appos.left_edge.i : appos.right_edge.i + 1].text
        persons = [t.i for t in phrase if t.ent_type_ == "PERSON"]
        name = doc[persons[0] : persons[-1] + 1].text if persons else mention
        if phrase.root.lower_ in PRONOUNS and self.last is not None and phrase.root.lower_ not in {"it", "we", "i"}:
            prev = self.last
            return Speaker(prev.name, mention, phrase.start_char, phrase.end_char, prev.type, prev.description)
        if stype == "person":
            last_word = phrase[-1].text
            for known in self.people:
                if last_word in known.name.split() or known.name.split()[0] == last_word.split("-")[0]:
                    return Speaker(known.name, mention, phrase.start_char, phrase.end_char, "person", known.description)
        speaker = Speaker(name, mention, phrase.start_char, phrase.end_char, stype, description)  # type: ignore[arg-type]
        if stype == "person":
            self.people.append(speaker)
        return speaker

    def remember(self, speaker: Speaker) -> None:
        if speaker.type == "person":
            self.last = speaker


def source_for(speaker: Speaker) -> Source:
    """Classify where the information comes from, given its speaker."""
    text = f"{speaker.name} {speaker.description or ''}".lower()
    if speaker.type == "anonymous":
        stype = "anonymous"
    elif any(
        w in text for w in ("ministry", "minister", "government", "spokes", "official", "president", "authorities")
    ):
        stype = "official"
    elif any(w in text for w in ("newspaper", "times", "post", "news", "agency", "media", "journal")):
        stype = "media"
    elif any(w in text for w in ("report", "statement", "study", "document", "survey", "poll")):
        stype = "document"
    else:
        stype = "named" if speaker.type in {"person", "organization"} else "anonymous"
    return Source(speaker.name, stype, speaker.start, speaker.end)  # type: ignore[arg-type]


def quote_type(cand: Candidate) -> QuoteType:
    quoted = sum(q.content_end - q.content_start for q in cand.direct_quotes)
    if not quoted:
        return "indirect"
    return "direct" if quoted >= 0.6 * (cand.end - cand.start) else "mixed"


def attribute(doc: Doc, candidates: list[Candidate], cleaned: Cleaned) -> list[Attribution]:
    """One :class:`Attribution` per candidate, resolving speakers across the article."""
    resolver = Resolver()
    publisher = Source(cleaned.publisher, "publication") if cleaned.publisher else None
    out: list[Attribution] = []
    for cand in candidates:
        attr = Attribution(source=publisher)
        if (acc := find_according(doc, cand)) is not None:
            cue_span, src = acc
            speaker = resolver.resolve(doc, src)
            attr = Attribution(
                speaker,
                Cue(cue_span.text, cue_span.start_char, cue_span.end_char, "according to"),
                quote_type(cand),
                source_for(speaker),
            )
        elif (found := find_cue(doc, cand)) is not None and found[1] is not None:
            verb, subj = found
            speaker = resolver.resolve(doc, _phrase(doc, subj))
            attr = Attribution(
                speaker,
                Cue(verb.text, verb.idx, verb.idx + len(verb.text), verb.lemma_.lower()),
                quote_type(cand),
                source_for(speaker),
            )
        elif cand.direct_quotes and out and out[-1].speaker is not None:
            prev = out[-1]
            attr = Attribution(prev.speaker, prev.cue, "direct", prev.source)
        if attr.speaker is not None:
            resolver.remember(attr.speaker)
        out.append(attr)
    return out
