"""Content: what an attributed statement says, without its source and cue (PolNeAR's reading).

The span is drawn as the PolNeAR annotation guidelines draw it:

* the whole reported clause: "Park said *that the talks may resume*" (the complementiser
  "that" and an infinitive's "to" belong to the content: "She hopes *to become president*");
* quotations with their quotation marks and everything inside them, the comma or full stop
  inside the marks included: "*“We are ready,”* she said";
* a quotation split by its frame is one content in two parts: "*“A,”* she said, *“B.”*"; a
  quotation that continues after the frame in the next sentence or paragraph (a floating
  quotation that takes this statement's speaker and cue) joins the same content, as the
  guidelines' "content continuations" do;
* "according to X" and other sourcing phrases are cut out, which may leave two parts
  ("*The mayor*, according to aides, *is tired*");
* punctuation that ends the sentence (or separates content from the frame) is left out; a
  "?" or "!" that belongs to the content is kept.

Nested attributions are not separate contents: the guidelines annotate only the outermost
attribution, so "X said Y told him that Z" has the content "Y told him that Z".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from .data import reporting as lex
from .quotes import QuoteSpan, covers
from .records import Content, ContentPart, Cue
from .segment import Candidate, is_title, text_of
from .speakers import cites_someone, is_event_apposition, parenthetical_speaker, spaced_dash

Part = tuple[int, int]

_CLAUSE_DEPS = frozenset(["ccomp", "xcomp", "parataxis"])
_OBJECT_DEPS = frozenset(["dobj"])
# a cue heading one of these says what its own clause says, not the sentence around it
_EMBEDDED_DEPS = frozenset(["relcl", "acl", "conj"])
# children of a reporting verb that belong to its frame, not to what is said
_FRAME_DEPS = frozenset(
    [
        "nsubj",
        "nsubjpass",
        "csubj",
        "aux",
        "auxpass",
        "neg",
        "advmod",
        "dative",
        "agent",
        "punct",
        "cc",
        "prt",
        "npadvmod",
    ]
)
_OBJECT_PREPS = frozenset(["for", "of", "as", "over", "about"])
# prepositions that link a cue to its content ("called for", "complained about")
_CONTENT_PREPS = frozenset(["for", "about", "on", "to", "with", "against", "of", "at", "that"])
_RECIPIENT_VERBS = frozenset(["tell", "inform", "remind", "assure", "warn", "ask", "urge", "advise"])
# what the ends of a content never keep (outside quotation marks)
_EDGE = " \t\r\n\u00a0,.;:—–-"
_LEAD_EDGE = _EDGE + ")"
_OPENING_MARKS = frozenset(["“", '"', "‘", "'", "`"])
_MAX_FRAME = 120  # characters of frame (source, cue, recipient) between a quotation and its cue
_CLAUSE_BEFORE_QUOTE = re.compile(r"\w\s*\Z")
_SENTENCE_BREAK = re.compile(r"[.?!][\"”’']?\s|\n")
_EDGE_WORDS = frozenset(["and", "but", "or", "as", "while"])
# at the start only the coordinators: "*As a woman, she* ...", "*while* ..." open the content
_LEAD_EDGE_WORDS = frozenset(["and", "but", "or"])
# an initialism's full stop is part of the word ("poses to the U.S.", "at 7 p.m."), even at a sentence end
# dependents after a cue's object that complete what is said, and the marks that end it
_COMPLEMENT_DEPS = frozenset(["oprd", "xcomp", "ccomp", "dobj"])
_ASIDE_MARKS = frozenset([",", "—", "–", "--", ";", ":", "(", "-"])
_FRAME_END = frozenset([",", ".", "!", "?", "—", "–", "--", ";"])  # what ends a parenthetical frame
_FULL_STOP = re.compile(r"\.\s")
_RELATIVE_TAGS = frozenset(["WDT", "WP", "WP$", "WRB"])  # who, which, whose, where, when
_TAIL_PREPS = frozenset(["by", "with", "including"])  # "A, X said, *by* ...": the clause goes on
_COMMENT_DEPS = frozenset(["appos", "npadvmod"])  # ", a move that ..." after a reported clause
# a title or an initial before a full stop ("Mr. Rendell", "John F. Kennedy"): no sentence end
_ABBREVIATION = re.compile(
    r"\b(?:" + "|".join(sorted({t.rstrip(".") for t in lex.TITLES if len(t) <= 5})) + r"|[A-Z])\.\Z", re.I
)
_INITIALISM_END = re.compile(r"(?<![\w.])(?:[A-Za-z]\.){2,}\Z")


def _trim(text: str, start: int, end: int, lead: bool = True) -> Part | None:
    """Drop frame punctuation and a dangling conjunction at the ends of a part; a leading
    coordinator only when ``lead`` (the first part: one after the frame keeps it, "A, she
    said, *and B*")."""
    for _ in range(3):
        while start < end and text[start] in _LEAD_EDGE:
            start += 1
        while end > start and text[end - 1] in _EDGE:
            if text[end - 1] == "." and _INITIALISM_END.search(text, start, end):
                break
            end -= 1
        last = text[start:end].rsplit(None, 1)
        if len(last) == 2 and last[1].lower() in _EDGE_WORDS:
            end = start + len(last[0])
            continue
        first = text[start:end].split(None, 1)
        if len(first) == 1 and first[0].lower() in _LEAD_EDGE_WORDS:
            return None  # "*But*, according to the poll, ...": a coordinator alone says nothing
        if len(first) == 2 and first[0].lower() in _LEAD_EDGE_WORDS and lead:
            start = end - len(first[1])
            continue
        break
    return (start, end) if start < end else None


def _merge(parts: Sequence[Part], text: str) -> list[Part]:
    """Sorted parts, overlapping ones joined, and parts separated only by spaces joined too."""
    out: list[Part] = []
    for s, e in sorted(parts):
        if out and (s <= out[-1][1] or not text[out[-1][1] : s].strip()):
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _with_quotes(parts: list[Part], quotes: Sequence[QuoteSpan]) -> list[Part]:
    """Widen each part to every quotation it touches (quotation marks belong to the content)."""
    out = []
    for s, e in parts:
        for q in quotes:
            if q.start < e and s < q.end:
                s, e = min(s, q.start), max(e, q.end)
        out.append((s, e))
    return out


def _subtree(tok: Token) -> Part:
    right = tok.right_edge
    return (tok.left_edge.idx, right.idx + len(right))


def _clauses(head: Token) -> list[Token]:
    """The clausal complements of a cue head (through "be" for report nouns)."""
    return [c for c in head.children if c.dep_ in _CLAUSE_DEPS]


def _runs(tokens: Sequence[Token], drop: set[int]) -> list[Part]:
    """Character spans of the runs of ``tokens`` whose indices are not in ``drop``."""
    parts: list[Part] = []
    run: list[Token] = []
    for tok in [*tokens, None]:
        if tok is not None and tok.i not in drop:
            run.append(tok)
            continue
        if run:
            parts.append((run[0].idx, run[-1].idx + len(run[-1])))
            run = []
    return parts


def _passive_subject(head: Token, cue_ids: set[int], seeming: bool = False) -> Token | None:
    """The subject of a passive cue, which is part of what is said: "*Trump* is expected *to
    win*", "*the deficit* is projected *to be $544 billion*", and with an agent and no clause,
    all that is said: "*The meeting* was first reported by X" (not an empty "it", nor the
    recipient of "was told", "was asked"); likewise the subject of a verb of appearance
    (``seeming``: "*Kasich* appears *to have the edge*", an attribution without a source)."""
    if seeming:
        subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
        return None if subj is None or subj.i in cue_ids or subj.lower_ in {"it", "there"} else subj
    clause = any(c.dep_ in _CLAUSE_DEPS for c in head.children)
    if head.lemma_.lower() in _RECIPIENT_VERBS or any(
        (c.dep_ == "agent" and clause) or (c.dep_ in _CLAUSE_DEPS and c.i in cue_ids) for c in head.children
    ):
        return None  # "*The Times* is expected to endorse X": the cue runs on, the subject is the source
    subj = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
    if subj is None or subj.i in cue_ids or subj.lower_ in {"it", "there"}:
        return None
    return subj


def _verb_content(head: Token, tokens: Sequence[Token], cue_ids: set[int], seeming: bool = False) -> list[Part]:
    """A reporting verb's clause, else its object, else the statement without the frame;
    an agentless passive's subject joins it, and so does the subject of a verb of appearance
    (``seeming``)."""
    subj = _passive_subject(head, cue_ids, seeming)
    parts = _verb_parts(head, tokens, cue_ids | ({t.i for t in subj.subtree} if subj is not None else set()))
    parts = [_without_leading_circumstance(head, p) for p in parts]
    if subj is not None and (parts or any(c.dep_ == "agent" for c in head.children)):
        parts.append(_subtree(subj))
    return parts


def _without_leading_circumstance(head: Token, part: Part) -> Part:
    """A part right after its cue less the phrase of time or place that opens it before the
    clause's subject, with no "that" between: in "said *after the convention* he would not ...",
    "said in Iowa she would run", "told voters *this weekend* he would ...", the phrase tells
    when or where it was said."""
    doc = head.doc
    first = next((t for t in doc[head.i + 1 :] if t.idx >= part[0]), None)
    if first is None or first.idx != part[0]:
        return part
    phrase = first if first.dep_ == "prep" else first.head  # "this weekend": a bare noun of time
    if phrase.left_edge.i != first.i or not (
        phrase.dep_ == "prep" or (phrase.dep_ == "npadvmod" and phrase.ent_type_ in _WHEN_OR_WHERE)
    ):
        return part
    clause = phrase.head
    subj = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None or subj.i < first.i or phrase.right_edge.i + 1 != subj.left_edge.i:
        return part
    if clause.pos_ not in {"VERB", "AUX"} or any(c.dep_ == "mark" for c in clause.children):
        return part
    return (subj.left_edge.idx, part[1]) if subj.left_edge.idx < part[1] else part


def _without_trailing_date(doc: Doc, part: Part) -> Part:
    """An object content less the bare day the parser hung on one of its nouns and what follows
    it: in "blasted Clinton as a “disgrace” *Wednesday on The Laura Ingraham Show*" the day and
    the show tell when and where it was said."""
    span = doc.char_span(part[0], part[1], alignment_mode="expand")
    for tok in span[1:] if span is not None else ():
        bare_day = (
            tok.dep_ in {"npadvmod", "appos"}
            and tok.ent_type_ in {"DATE", "TIME"}
            and tok.left_edge.i == tok.i
            and doc[tok.i - 1].text not in _ASIDE_MARKS
        )
        if bare_day and tok.head.pos_ in {"NOUN", "PROPN"} and tok.head.i < tok.i:
            return (part[0], tok.idx)
    return part


def _called_for(head: Token) -> bool:
    """A verb of urging whose object is what is called for, not who is to act: "Lawmaker urges
    retaliation on Russia", "advised caution", "urged restraint" (a bare singular common noun;
    "urged the senator", "urged the public", "urged Congress", "urged them" name a recipient)."""
    if head.lemma_.lower() not in lex.CALL_VERBS:
        return False
    obj = next((c for c in head.children if c.dep_ == "dobj"), None)
    return (
        obj is not None
        and obj.tag_ == "NN"
        and not obj.ent_type_
        and not any(c.dep_ in {"det", "poss"} for c in obj.children)
    )


def _with_reason(head: Token, clauses: list[Token], parts: list[Part]) -> list[Part]:
    """A reported clause after the cue runs on over a condition or reason the parser hangs on
    the cue ("said *he would have come if he had known*", "refused *to act, because ...*";
    ``FRONTED_SUBORDINATORS``), as PolNeAR train's gold mostly draws it; so does a second
    "that" clause the parser hangs on the cue ("said that A, *but that B*"; not "said A, but
    the council voted against it", the author's own clause)."""
    last = max(clauses, key=lambda c: c.i)
    if last.i < head.i:
        return parts
    i = clauses.index(last)
    for c in head.rights:
        if c.i > last.right_edge.i and (_reason(c) or _second_that_clause(head, last, c)):
            parts[i] = (parts[i][0], max(parts[i][1], _subtree(c)[1]))
    return parts


def _reason(c: Token) -> bool:
    """A condition or reason clause: "*because* the harbour is closed"."""
    return c.dep_ == "advcl" and c.left_edge.lower_ in lex.FRONTED_SUBORDINATORS


def _second_that_clause(head: Token, last: Token, c: Token) -> bool:
    """A "that" clause joined to the cue after its reported clause ``last`` by "but" or "and"."""
    return (
        c.dep_ == "conj"
        and c.pos_ in {"VERB", "AUX"}
        and c.lemma_.lower() not in lex.REPORTING_VERBS
        and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        and any(t.dep_ == "cc" and t.lower_ in {"but", "and"} for t in head.rights if last.right_edge.i < t.i < c.i)
    )


def _after_frame(head: Token, clauses: list[Token]) -> list[Part]:
    """What goes on after a parenthetical frame when the parser hangs it on the cue: "The
    argument would be aided, Devine said, *by the upcoming primary calendar*", "..., he said,
    *because* ..." (the reported clause stands before the cue; a reason or a "by", "with" or
    "including" phrase after the frame's comma finishes it; a time, a place or a participle
    that reports on its own does not)."""
    if max(c.right_edge.i for c in clauses) > head.i:
        return []
    doc = head.doc
    tail = [c for c in head.rights if c.left_edge.i > head.i and doc[c.left_edge.i - 1].text == ","]
    if not tail:
        return []
    first = tail[0]
    if not (_reason(first) or (first.dep_ == "prep" and first.lower_ in _TAIL_PREPS)):
        return []
    return [(first.left_edge.idx, _subtree(first)[1])]


def _cut_off(clause: Token, head: Token, subordinate: bool) -> bool:
    """Whether a clause before the cue ``head`` is the parser's slip, not what it reports: the cue
    is subordinate ("X is upbeat, because he sees ..."), or a semicolon or colon stands between
    ("There is less consensus: 47% say ...")."""
    return subordinate or any(t.text in {";", ":"} for t in head.doc[clause.right_edge.i + 1 : head.i])


def _verb_parts(head: Token, tokens: Sequence[Token], cue_ids: set[int]) -> list[Part]:
    """A reporting verb's clause, else its object, else the statement without the frame."""
    subordinate = any(c.dep_ == "mark" for c in head.children)
    # "X is upbeat, because he sees Y as Z": a clause before a subordinate cue is the parser's slip
    clauses = [
        c for c in _clauses(head) if c.i not in cue_ids and not (c.i < head.i and _cut_off(c, head, subordinate))
    ]
    if clauses:
        parts = [_subtree(c) for c in clauses]
        first = min(clauses, key=lambda c: c.i)
        obj = next((c for c in head.children if c.dep_ == "dobj" and c.i < first.left_edge.i), None)
        if obj is None:  # "called on *the regime to abandon* ...": the object of the cue's preposition
            linked = [c for c in head.children if c.dep_ == "prep" and c.i in cue_ids]
            obj = next((o for p in linked for o in p.children if o.dep_ == "pobj" and o.i < first.left_edge.i), None)
        if first.dep_ == "xcomp" and obj is not None and obj.i > head.i:
            # "urged the senator to resign": who is to act belongs to the content
            parts[clauses.index(first)] = (_subtree(obj)[0], parts[clauses.index(first)][1])
        return _with_reason(head, clauses, parts) + _after_frame(head, clauses)
    hearsay = any(c.dep_ == "nsubjpass" for c in head.children)  # "I'm told [the director] considered ..."
    if head.lemma_.lower() not in _RECIPIENT_VERBS or hearsay or _called_for(head):
        objects = [c for c in head.children if c.dep_ in _OBJECT_DEPS]
        if objects:
            start, end = _subtree(objects[0])
            for c in head.rights:
                # "called the system *rotten*", "criticized X *for Y*", "described it *as Z*"
                if c.i > objects[0].i and (
                    c.dep_ in {"oprd", "xcomp", "ccomp"} or (c.dep_ == "prep" and c.lower_ in _OBJECT_PREPS)
                ):
                    end = max(end, _subtree(c)[1])
            return [_without_trailing_date(head.doc, (start, _clause_end(head, objects[0], end)))]
        preps = [c for c in head.rights if c.dep_ == "prep" and c.lower_ in _CONTENT_PREPS]
        if preps:
            # "called for *a ceasefire*", "complained about *the rules*": the preposition joins the cue
            objs = [o for o in preps[0].children if o.dep_ in {"pobj", "pcomp"}]
            if objs:
                start, end = _subtree(objs[0])
                after = objs[0].right_edge.i + 1
                for c in head.rights:  # "called for *the coalition to increase its efforts*"
                    if c.dep_ in {"advcl", "xcomp"} and c.left_edge.i == after and c.left_edge.lower_ == "to":
                        end = _subtree(c)[1]
                return [(start, _clause_end(head, preps[0], end))]
    drop = set(cue_ids)
    for child in head.children:
        adverbial = child.dep_ in {"advcl", "mark", "prep"} and child.i < head.i
        if adverbial or child.dep_ in _FRAME_DEPS or (child.dep_ == "dobj" and head.lemma_.lower() in _RECIPIENT_VERBS):
            drop.update(t.i for t in child.subtree)
    drop.add(head.i)
    if head.dep_ in _EMBEDDED_DEPS:  # "Rubio, who many had backed *in the hope of ...*": its own clause
        inside = {t.i for t in head.subtree}
        tokens = [t for t in tokens if t.i in inside]
    return _runs(tokens, drop)


def _fronted_subject(head: Token) -> list[Part]:
    """The subject of the reported clause that the parser hung on a parenthetical cue, when
    another phrase speaks ("*Voters*, Clinton suggested, do not ...", "*The contrast*, said Ana
    Ruiz, would be clear"): it is said, not who says it."""
    subj = next((c for c in head.lefts if c.dep_ in {"nsubj", "nsubjpass"}), None)
    speaker = parenthetical_speaker(head, subj) if subj is not None else None
    if subj is None or speaker is None or speaker.i == subj.i:
        return []
    nxt = head.doc[head.i + 1 :][:1]
    if speaker.i < head.i and nxt and nxt[0].text not in _FRAME_END:
        return []  # "Citing the data, the researchers found that ...": an adverbial the parser took for a subject
    return [_subtree(subj)]


def _complement(tok: Token) -> bool:
    """Whether a dependent after a cue's object completes what is said ("challenged him *to a
    debate*", "praised X *as a leader*", "urged them *to act*"); a time or place is not."""
    if tok.dep_ == "prep":
        return tok.lower_ in lex.COMPLEMENT_PREPOSITIONS
    return tok.dep_ in _COMPLEMENT_DEPS or (tok.dep_ == "advcl" and tok.tag_ == "VB")


def _clause_end(head: Token, last: Token, end: int) -> int:
    """Where a cue's content ends when it is an object (``last``, its part ending at ``end``):
    the complements right after it join, up to a comma, a dash or a conjunction."""
    doc = head.doc
    for c in head.rights:
        if c.i <= last.i or c.idx < end:
            continue
        if doc[c.left_edge.i - 1].text in _ASIDE_MARKS or not _complement(c):
            break
        end = _subtree(c)[1]
    return end


def _noun_content(noun: Token) -> list[Part]:
    """A report noun's clause: "the view *that ...*", "X's view is *that ...*"."""
    clauses = [c for c in noun.children if c.dep_ in {"acl", "ccomp"}]
    if not clauses and noun.head.lemma_ == "be":
        clauses = [c for c in noun.head.children if c.dep_ in {"ccomp", "attr"} and c.i != noun.i]
    return [_subtree(c) for c in clauses]


def _sourcing_content(tokens: Sequence[Token], cue_tokens: Sequence[Token]) -> list[Part]:
    """The statement without the sourcing phrase ("according to X") and its commas."""
    first = cue_tokens[0]
    drop = {t.i for t in first.subtree} | {t.i for t in cue_tokens}
    last = cue_tokens[-1]
    drop |= {t.i for c in last.children for t in c.subtree}
    return _runs(tokens, drop)


def _sourcing(cue: Cue, cue_span: Span) -> bool:
    """Whether the cue is a sourcing phrase whose content is the rest of the statement ("according
    to X", "citing officials", "in a Fox poll"); "citing her record" is a verb cue with an object."""
    if _poll_cue(cue_span):
        return True
    if cue.lemma not in lex.ACCORDING_PHRASES and cue_span.text.lower() not in lex.ACCORDING_PHRASES:
        return False
    last = cue_span[-1]
    obj = next((c for c in last.children if c.dep_ in {"pobj", "dobj"}), None)
    return last.lower_ not in lex.SECONDARY_SOURCING or obj is None or cites_someone(obj)


def _poll_cue(cue_span: Span) -> bool:
    """ "In a Fox poll, ...": the sourcing preposition of a poll (content: the rest)."""
    return len(cue_span) == 1 and cue_span[0].lower_ in lex.POLL_PREPOSITIONS and cue_span[0].dep_ == "prep"


def _framed(text: str, quotes: Sequence[QuoteSpan], cue: Cue | None) -> list[QuoteSpan]:
    """The quotations a cue frames: the nearest before it and the nearest after it.

    "“A,” she said, “B.”" gives both; a quotation further away in the same statement belongs
    to another attribution. Without a cue inside the statement, every quotation.
    """
    if cue is None:
        return list(quotes)
    before = [q for q in quotes if q.end <= cue.start and not _sentence_end(text[q.end : cue.start])]
    after = [
        q
        for q in quotes
        if q.start >= cue.end
        and not _sentence_end(text[cue.end : q.start])
        and not is_title(text[cue.end : q.start], text[q.content_start : q.content_end].lstrip(" ‘'\""))
    ]  # "said on “Morning Report.”": a show's title is no quotation of the speaker
    near = before[-1:] + after[:1]
    return near or list(quotes)


def _sentence_end(gap: str) -> bool:
    """Whether a gap between a quotation and its cue runs over a sentence end or is long (the
    full stop of a title or an initial is none: "Mr. Rendell said", "John F. Kennedy")."""
    if len(gap) > _MAX_FRAME or any(m in gap for m in ("? ", "! ", "\n")):
        return True
    return any(not _ABBREVIATION.search(gap, 0, m.start() + 1) for m in _FULL_STOP.finditer(gap))


def _mixed(before: str, quoted: Part, cue: Cue) -> bool:
    """Whether a quotation before its cue goes on a clause of the author's words (a mixed
    quotation: "*Yet the mayor is a* “change agent,” Cole said"): the words before it end right
    at the opening mark, with no sentence end, line break, colon or dash between."""
    return quoted[1] <= cue.start and bool(_CLAUSE_BEFORE_QUOTE.search(before)) and not _SENTENCE_BREAK.search(before)


def _adjunct_quotes(cue_span: Span | None, quotes: Sequence[QuoteSpan], cue: Cue) -> bool:
    """Whether every quotation sits in a participial clause hung on the cue's verb (``cue_span``)
    before it ("*Bemoaning the “phony system,”* Trump accused Holt of being a Democrat"): the
    quotation is a side remark, and what the cue reports is its own clause or object."""
    if cue_span is None or not quotes or cue_span.root.pos_ not in {"VERB", "AUX"}:
        return False
    head = cue_span.root
    adjuncts = [c for c in head.lefts if c.dep_ == "advcl" and c.tag_ in {"VBG", "VBN"}]
    spans = [_subtree(c) for c in adjuncts]
    return all(q.end <= cue.start and any(s <= q.start and q.end <= e + 2 for s, e in spans) for q in quotes)


def find(doc: Doc, cand: Candidate, cue: Cue | None, quote: str) -> list[Part]:
    """The content parts of one attributed candidate (empty when none is found).

    Args:
        doc: the parsed document.
        cand: the statement candidate.
        cue: its cue (None: the content is the quotations, else nothing).
        quote: its quote type (``direct`` statements say their quotations).
    """
    text = text_of(doc)
    quotes = cand.direct_quotes
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None:
        return []
    tokens = list(span)
    cue_inside = cue is not None and cand.start <= cue.start and cue.end <= cand.end
    cue_span = doc.char_span(cue.start, cue.end, alignment_mode="expand") if cue is not None and cue_inside else None
    aside = cue_inside and cue is not None and quote == "direct" and _adjunct_quotes(cue_span, quotes, cue)
    if (
        quote == "direct"
        and quotes
        and not aside
        and (not cue_inside or not any(q.start <= cue.start < q.end for q in quotes))
    ):
        parts = [(q.start, q.end) for q in _framed(text, quotes, cue if cue_inside else None)]
        if cue_inside and cue is not None and parts and _mixed(text[cand.start : parts[0][0]], parts[0], cue):
            parts[0] = (cand.start, parts[0][1])
    elif quote == "direct" and not quotes and cue is not None and cue.end <= cand.start:
        parts = [(cand.start, cand.end)]  # a paragraph framed before ("X wrote:") without marks: all said
    elif quote == "direct" and not quotes and cue_inside and text[cand.start : cand.end].rstrip().endswith(":"):
        return []  # the frame itself: its content is the paragraph after it (joined in :func:`contents`)
    elif not cue_inside or cue is None:
        return []
    else:
        if cue_span is None:
            return []
        cue_ids = {t.i for t in cue_span}
        head = cue_span.root
        part = next((t for t in reversed(cue_span) if t.tag_ == "VBG"), None)
        if part is not None and (frame := _framing_verb(part)) is not None and frame.i == head.i:
            head = part  # "sent a letter urging ...": what is said hangs on the participle
        if _sourcing(cue, cue_span):
            parts = _sourcing_content(tokens, list(cue_span))
        elif cue_span[-1].lower_ in lex.SECONDARY_SOURCING:  # "citing *her work after the attacks*"
            parts = [(cue.end, _subtree(cue_span[-1])[1])]
        else:
            if head.pos_ in {"NOUN", "PROPN"}:
                parts = _noun_content(head) or _runs(tokens, cue_ids | {t.i for t in head.subtree})
            else:
                parts = _verb_content(head, tokens, cue_ids, cue.lemma in lex.APPEARANCE_VERBS)
                parts += _fronted_subject(head)
            parts = [_without_trailing_relative(doc, p, quotes) if p[0] >= cue.end else p for p in parts]
        parts = _with_quotes(parts, quotes)
    if cue_inside and parts:
        parts = parts + _fronted(doc, text, cand, cue, cue_span, parts)
    out = []
    for s, e in _merge(parts, text):
        part = _trim(text, max(s, cand.start), min(e, cand.end), lead=not out)
        if part is not None:
            out.append(part)
    return out


def _without_trailing_relative(doc: Doc, part: Part, quotes: Sequence[QuoteSpan]) -> Part:
    """A part after its cue less the comma-set relative clause that ends it ("said the FBI had
    the help of *Bryan Pagliano*, who worked on the campaign"): more often the author's
    background than what was said (the guidelines: "when in doubt, don't include it"); not
    a clause inside a quotation. Likewise an indefinite apposition that comments on the report
    ("said the council raised the fares, *a decision that angered riders*"; PolNeAR train: 18
    spans fixed, 3 broken), but not one describing a person ("Dana Ruiz, a lawyer"), and a
    definite one on the whole event ("endorsed *X*, the latest chapter in ...",
    :func:`~claimkit.speakers.is_event_apposition`)."""
    span = doc.char_span(part[0], part[1], alignment_mode="expand")
    words = [t for t in span if not t.is_punct] if span is not None else []
    if span is None or not words:
        return part
    for tok in span[1:-1]:
        if tok.text != "," or covers(quotes, tok.idx):
            continue
        word = doc[tok.i + 1]
        clause = word if word.dep_ == "relcl" else word.head
        if (
            word.tag_ in _RELATIVE_TAGS
            and clause.dep_ == "relcl"
            and clause.left_edge.i == word.i
            and clause.right_edge.i >= words[-1].i
        ) or is_event_apposition(word):
            return (part[0], tok.idx)
        comment = next((t for t in (word, *word.ancestors) if t.dep_ in _COMMENT_DEPS), None)
        if (
            comment is not None
            and word.lower_ in {"a", "an"}
            and comment.head.ent_type_ != "PERSON"
            and comment.left_edge.i == word.i
            and comment.right_edge.i >= words[-1].i
            and comment.head.i < tok.i
        ):
            return (part[0], tok.idx)
    return part


def _fronted(
    doc: Doc, text: str, cand: Candidate, cue: Cue, cue_span: Span | None, parts: Sequence[Part]
) -> list[Part]:
    """What stands before a parenthetical frame (``cue``, its tokens ``cue_span``): "*In cases of
    abortion*, Clinton said, “the woman is a victim.”" (the frame splits the content; not when the
    content runs on before it)."""
    if min(s for s, _ in parts) < cue.end or cue_span is None:
        return []
    head = cue_span.root
    subj = next((c for c in head.lefts if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None:
        return []
    before = text[cand.start : subj.left_edge.idx].rstrip()
    after = text[cue.end : cue.end + 2].lstrip()
    if not before.endswith(",") or not before[:-1].strip() or after[:1] not in {",", *_OPENING_MARKS}:
        return []
    first = doc.char_span(cand.start, subj.left_edge.idx, alignment_mode="expand")
    if first is None or len(first) == 0:
        return []
    start = min(s for s, _ in parts)
    inner = text[start : start + 3].lstrip("“\"‘'` ")
    # a subordinate clause ("*If the demands are not met*, X said, ...") or the head of a
    # quotation that goes on in lower case ("*An economic downturn*, she said, “could be ...”");
    # not a circumstance of the saying ("Asked whether ..., he said", "In his tribute, X said")
    last = [t for t in first if not t.is_punct][-1:]
    continues = (
        text[start] in _OPENING_MARKS
        and inner[:1].islower()
        and first[0].pos_ in {"DET", "PRON", "NOUN", "PROPN", "ADJ", "NUM"}  # not "To alert ...", "As they ..."
        and not (last and (last[0].tag_ == "VBG" or last[0].pos_ == "ADP"))  # "..., including"
    )
    subordinate = first[0].lower_ in lex.FRONTED_SUBORDINATORS and not (len(first) > 1 and first[1].tag_ == "VBN")
    if not (subordinate or continues):  # "When asked whether ..., he said" is the saying's circumstance
        return []
    return [(cand.start, subj.left_edge.idx)]


def make(text: str, parts: Sequence[Part]) -> Content | None:
    """The :class:`Content` record of some parts (None when there are none)."""
    if not parts:
        return None
    parts = sorted(parts)
    start, end = parts[0][0], parts[-1][1]
    return Content(text[start:end], start, end, [ContentPart(text[s:e], s, e) for s, e in parts])


def without(text: str, parts: Sequence[Part], frame: Sequence[Part]) -> list[Part]:
    """``parts`` less the spans of ``frame`` (the statement's own source and cue): a token is
    content, source or cue, never two ("which *he said* the state should pay for" -> "which",
    "the state should pay for"); a part cut in two loses the frame's commas and dashes."""
    out = list(parts)
    for fs, fe in frame:
        cut: list[Part] = []
        for s, e in out:
            if fe <= s or e <= fs:
                cut.append((s, e))
                continue
            for a, b in ((s, fs), (fe, e)):
                if a < b and (part := _trim(text, a, b)) is not None:
                    cut.append(part)
        out = cut
    return out


def _continues(quote: str, parts: Sequence[Part], cue: Part) -> bool:
    """Whether a statement's content goes on in the floating quotations that took its cue: a
    direct quotation, or a mixed one that ends before the frame ("Trump is a “change agent,”
    Cole said. “That's what people want.”"; not "Cole said Trump is a “change agent.” “...”",
    which PolNeAR more often annotates as two attributions)."""
    return quote == "direct" or (quote == "mixed" and bool(parts) and parts[-1][1] <= cue[0])


def contents(
    doc: Doc,
    candidates: Sequence[Candidate],
    cues: Sequence[Cue | None],
    quotes: Sequence[str],
    sources: Sequence[Part | None] | None = None,
) -> list[list[Part]]:
    """Content parts of every candidate (empty for the author's voice), continuations joined.

    A candidate whose cue lies outside it (a floating quotation that took the cue of the
    quotation beside it) says the same content as the statement of that cue: all of them get
    the parts of the whole group. No part covers the candidate's own cue or source span
    (``sources``, when given): see :func:`without`.
    """
    text = text_of(doc)
    found = [
        find(doc, c, cue, q) if cue is not None else [] for c, cue, q in zip(candidates, cues, quotes, strict=True)
    ]
    for i, cue in enumerate(cues):
        if cue is not None and found[i]:
            frame = [(cue.start, cue.end)] + ([sources[i]] if sources is not None and sources[i] is not None else [])
            found[i] = without(text, found[i], [f for f in frame if f[0] < f[1]])
    groups: dict[tuple[int, int], list[int]] = {}
    for i, cue in enumerate(cues):
        frame = quotes[i] == "direct" and text[candidates[i].start : candidates[i].end].rstrip().endswith(":")
        if cue is not None and (found[i] or frame):  # a frame ("X wrote:") takes the paragraph after it
            groups.setdefault((cue.start, cue.end), []).append(i)
    for key, members in groups.items():
        anchor = [i for i in members if candidates[i].start <= key[0] < candidates[i].end]
        if len(members) < 2 or len(anchor) != 1 or not _continues(quotes[anchor[0]], found[anchor[0]], key):
            continue  # only a quotation continues a quotation ("“A,” she said. “B.”")
        group = [anchor[0]]
        for step in (-1, 1):
            i = anchor[0] + step
            while i in members and quotes[i] == "direct":
                group.append(i)
                i += step
        if len(group) < 2:
            continue
        union = sorted({p for i in group for p in found[i]})
        for i in group:
            found[i] = union
    return found


_GROUP_LEFT = frozenset(["aux", "auxpass", "neg", "advmod"])
_GROUP_RIGHT = frozenset(["prt", "neg", "advmod"])
_FRAME_PREPS = frozenset(["in", "per", "before", "via", "through"])
_CUE_OBJECT_DEPS = frozenset(["dobj", "acomp", "oprd", "advmod", "prt"])
_TIME_PREPS = frozenset(["on", "at", "in", "during"])
# entities of a circumstance phrase that tells when or where the saying happened ("said in Iowa")
_WHEN_OR_WHERE = frozenset(["DATE", "TIME", "GPE", "LOC", "FAC"])
_STRAIGHT_QUOTES = frozenset(['"', "''"])


def verb_group(doc: Doc, cue: Cue, start: int = 0) -> Cue:
    """Widen a verb cue to its verb group, as PolNeAR draws cues (one contiguous span).

    Auxiliaries, modals, negation and adverbs before the verb ("has not yet responded"),
    particles after it ("pointed out"; time words stay out: "said Tuesday", "said in July",
    as PolNeAR mostly draws them), a circumstance phrase before the content ("said in a statement";
    not "said at a news conference", "during the debate"), the preposition that links the verb to
    its content ("called for", "responded to") and a colon that introduces a quotation
    ("said:"). Other cues are returned unchanged. The cue does not reach back before ``start``
    (the statement's start).
    """
    span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    if span is None or span.root.pos_ not in {"VERB", "AUX"}:
        return cue
    head = span.root
    first, last = span.start, span.end - 1
    heads = {head.i}
    if (frame := _framing_verb(head)) is not None and frame.idx >= start:
        first = frame.i  # "sent a letter this week urging", "responded by saying": the cue runs from that verb
        heads.add(frame.i)
    while first > 0:
        tok = doc[first - 1]
        if tok.head.i in heads and tok.dep_ in _GROUP_LEFT and tok.tag_ not in {"WRB"}:
            first -= 1
        elif tok.lower_ in lex.FLOATING_QUANTIFIERS and not tok.dep_.startswith("nsubj") and len(heads) == 1:
            first -= 1  # "both denounced", "have both urged": a floating quantifier joins the cue
        elif tok.i == head.head.i and head.dep_ == "xcomp" and tok.pos_ == "VERB" and len(heads) == 1:
            first -= 1  # a catenative verb before the cue: "appeared to suggest", "wanted to know"
            heads.add(tok.i)
        elif (
            tok.dep_ == "prt"
            and tok.i - 1 == tok.head.i == head.head.i
            and head.dep_ in {"xcomp", "advcl"}
            and doc[first].lower_ == "to"
            and len(heads) == 1
        ):
            first -= 2  # with its particle: "went on to say"
            heads.add(tok.head.i)
        else:
            break
    if len(heads) == 1 and doc[first].lower_ == "to":
        first = _predicate_frame(head, first)
    has_content = any(c.dep_ in _CLAUSE_DEPS or c.dep_ in _OBJECT_DEPS for c in head.children)
    while last + 1 < len(doc):
        tok = doc[last + 1]
        if _for_to_clause(tok, head, cue.lemma):
            last = tok.i  # "is calling for the United States to act": "for" belongs to the cue
            break
        if tok.head.i != head.i:
            break
        if tok.dep_ in _GROUP_RIGHT and tok.right_edge.i == tok.i and tok.tag_ not in {"WRB"}:
            last = tok.i
        elif (
            tok.dep_ == "prep"
            and tok.lower_ in _FRAME_PREPS
            and has_content
            and tok.right_edge.i - tok.i <= 4
            and not any(t.ent_type_ in _WHEN_OR_WHERE for t in tok.subtree)
        ):
            last = tok.right_edge.i  # "said in a statement that ..."
        elif tok.i == last + 1 and tok.dep_ in _CUE_OBJECT_DEPS and tok.lower_ in lex.CUE_OBJECTS.get(cue.lemma, ()):
            last = tok.i  # "put it", "pleaded guilty", "expressed concern"
        elif tok.dep_ == "prep" and tok.lower_ == "with" and _manner(tok):
            last = tok.right_edge.i  # "said with a laugh"
        elif tok.dep_ == "prep" and tok.i == last + 1 and tok.lower_ in lex.CUE_PREPOSITIONS.get(cue.lemma, ()):
            last = tok.i  # "called on the regime to abandon ...": "on" belongs to the cue
            break
        elif (
            tok.dep_ == "prep"
            and tok.lower_ in _CONTENT_PREPS
            and not has_content
            and tok.lower_ not in lex.UNLINKED_PREPOSITIONS.get(cue.lemma, ())
        ):
            last = tok.i  # "called for", "responded to"; not "said of", "wrote to the mayor"
            break
        else:
            break
    if (
        last + 2 < len(doc)
        and doc[last + 1].lower_ == "to"
        and doc[last + 2].head.i == head.i
        and doc[last + 2].dep_ == "xcomp"
        and doc[last + 2].lemma_.lower() in lex.SPEECH_COMPLEMENTS
    ):
        last += 2  # "demanded to know whether ...": the verb of saying joins the cue
    if last + 1 < len(doc) and doc[last + 1].text == ":":
        last += 1
    if (first, last) == (span.start, span.end - 1):
        return cue
    start, end = doc[first].idx, doc[last].idx + len(doc[last])
    return Cue(text_of(doc)[start:end], start, end, cue.lemma)


def _framing_verb(part: Token) -> Token | None:
    """The verb a reporting participle completes, as PolNeAR draws the cue from it: one that put
    out a text, with the text right before the participle ("sent a letter this week urging",
    "released a statement Wednesday, saying"; as "issued a statement saying" when the parser
    hangs the participle on the noun), or one that says where in a talk the saying came
    ("began by saying", "responded by calling", `SEQUENCE_VERBS`); else None."""
    if part.tag_ != "VBG" or part.dep_ not in {"advcl", "pcomp"}:
        return None
    doc = part.doc
    verb = part.head
    if part.dep_ == "pcomp":
        by = verb
        verb = by.head
        if by.lower_ != "by" or by.i != part.i - 1 or verb.lemma_.lower() not in lex.SEQUENCE_VERBS:
            return None
        between = doc[verb.i + 1 : by.i]
        return verb if all(t.dep_ == "prt" for t in between) else None
    if verb.pos_ != "VERB" or verb.i > part.i:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < part.i), None)
    if obj is None or obj.lemma_.lower() not in lex.PUBLISHING_NOUNS:
        return None
    before = doc[verb.i + 1 : obj.i]
    after = doc[obj.i + 1 : part.i]
    if not all(t.dep_ == "prt" or (t.head.i == obj.i and t.dep_ in {"det", "amod", "compound"}) for t in before):
        return None
    return verb if all(t.ent_type_ in {"DATE", "TIME"} or t.text == "," for t in after) else None


def _manner(prep: Token) -> bool:
    """A short "with" phrase of the manner of speaking ("with a laugh", "with a wry smile")."""
    return prep.right_edge.i - prep.i <= 3 and any(
        c.dep_ == "pobj" and c.lemma_.lower() in lex.MANNER_NOUNS for c in prep.children
    )


def _predicate_frame(head: Token, first: int) -> int:
    """Where the cue starts when its infinitive hangs on an adjective predicate ("are more likely
    to say", "was quick to add", "has been able to show"): PolNeAR's cue takes the verb group of
    "be" and the adjective with the infinitive. ``first`` otherwise."""
    adj = head.head
    if head.dep_ != "xcomp" or adj.pos_ != "ADJ" or adj.dep_ != "acomp" or not adj.i < head.i:
        return first
    verb = adj.head
    if verb.lemma_.lower() not in lex.COPULAS or verb.i > adj.i:
        return first
    start = min(verb.i, adj.left_edge.i)
    while start > 0 and (t := head.doc[start - 1]).head.i == verb.i and t.dep_ in _GROUP_LEFT and t.tag_ != "WRB":
        start -= 1
    return min(first, start)


def _for_to_clause(tok: Token, head: Token, lemma: str) -> bool:
    """ "for" opening a "for X to Y" clause of a cue that takes it ("called for X to resign")."""
    return (
        tok.dep_ == "mark"
        and tok.lower_ == "for"
        and tok.head.head.i == head.i
        and tok.lower_ in lex.CUE_PREPOSITIONS.get(lemma, ())
    )


def _reporting_relative(head: Token) -> Token | None:
    """A relative clause set off by a comma whose own verb reports or holds something
    ("Barkley, who said he votes Democratic,", "Sanders, who endorsed Clinton,"): PolNeAR
    leaves it out of the source, as it is an attribution of its own."""
    for rel in head.rights:
        if rel.dep_ != "relcl" or rel.left_edge.i < 1 or head.doc[rel.left_edge.i - 1].text != ",":
            continue
        if rel.left_edge.tag_ != "WP" or not any(c.dep_ == "nsubj" and c.tag_ == "WP" for c in rel.children):
            continue
        lemma = rel.lemma_.lower()
        if lemma in lex.REPORTING_VERBS or lemma in lex.ATTITUDE_VERBS:
            return rel
    return None


def _aside(doc: Doc, start: int, last: int) -> int | None:
    """The first comma in ``doc[start : last + 1]`` that sets off the circumstances of the
    speaking rather than who speaks: a participle ("speaking at a rally", "celebrating a
    victory"; not "including"), an adverb ("clearly frustrated") or a preposition of time or
    place ("in Kentucky", "during interviews on Thursday")."""
    for tok in doc[start:last]:
        if tok.text != ",":
            continue
        nxt = doc[tok.i + 1]
        if (
            (nxt.tag_ == "VBG" and nxt.lower_ not in lex.SOURCE_PARTICIPLES)
            or (nxt.tag_ == "JJ" and nxt.dep_ in {"amod", "acomp"} and nxt.head.i <= nxt.i)
            or nxt.lower_ in lex.ASIDE_WORDS
            or (nxt.tag_ == "RB" and nxt.head.i > nxt.i and nxt.head.pos_ not in {"NOUN", "PROPN"})
            or nxt.lower_ in lex.ASIDE_PREPOSITIONS
        ):
            return tok.i
    return None


def _second_subject(head: Token, last: int) -> Token | None:
    """A second subject of the same verb right after the source phrase, the name the parser cut
    from its title ("Vatican spokesman | the Rev. Federico Lombardi told", "Breitbart London’s
    Raheem | Kassam will call"), or None."""
    if head.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    for sib in head.head.children:
        if sib.i > head.i and sib.dep_ == head.dep_ and sib.left_edge.i == last + 1 and sib.pos_ == "PROPN":
            return sib
    return None


def _time_after(head: Token, after: int) -> int | None:
    """Where a short time phrase hung on a speaker's head starts ("Trump on Tuesday", "the
    campaign at the time"), when it comes after the mention; else None. A document keeps its
    date ("a poll in February" names which poll)."""
    if head.lower_ in lex.DOCUMENT_WORDS or head.lemma_.lower() in lex.DOCUMENT_WORDS:
        return None
    for child in head.rights:
        if child.i < after or child.dep_ != "prep" or child.lower_ not in _TIME_PREPS:
            continue
        if child.right_edge.i - child.i > 3:
            continue
        words = [t.lower_ for t in child.subtree]
        if words == ["at", "the", "time"] or any(
            c.dep_ == "pobj" and c.ent_type_ in {"DATE", "TIME"} for c in child.children
        ):
            return child.i
    return None


def _closing_quote(doc: Doc, first: int, last: int, cue: Cue | None) -> int:
    """``last``, or the closing quotation mark of a quoted title the source phrase opens
    ("host of MSNBC’s “Morning Joe,”", "a host of ''The Five,''", "self-described "Berners""),
    with the comma or question mark inside it."""
    marks = [t.text for t in doc[first : last + 1]]
    straight = sum(m in _STRAIGHT_QUOTES for m in marks)
    if marks.count("“") <= marks.count("”") and straight % 2 == 0:
        return last
    for tok in doc[last + 1 : last + 3]:
        if cue is not None and cue.start <= tok.idx < cue.end:
            break
        if tok.text in _STRAIGHT_QUOTES or tok.text == "”":
            return tok.i
        if tok.text not in {",", "?", "!"}:
            break
    return last


def source_span(doc: Doc, mention: tuple[int, int], cue: Cue | None) -> tuple[int, int] | None:
    """The source phrase as PolNeAR draws it: the speaker's whole noun phrase, with the
    apposition and modifiers that identify it ("Christie, New Jersey’s sitting governor,",
    "early results of the exit poll"), never running into the cue. A relative pronoun stays
    alone ("who"). None when the mention is not in the parse.
    """
    span = doc.char_span(mention[0], mention[1], alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    head = span.root
    if head.tag_ in {"WP", "WDT"}:
        return mention  # a relative pronoun
    if cue is not None and cue.start < mention[1] and mention[0] < cue.end:
        return (cue.start, cue.end)  # an unnamed source whose mention is the cue ("may seem", "is expected")
    last = max(head.right_edge.i, span.end - 1)
    if (name := _second_subject(head, last)) is not None:
        last = name.right_edge.i  # "Vatican spokesman the Rev. Federico Lombardi told": a parse of two subjects
    if (relative := _reporting_relative(head)) is not None and relative.left_edge.i > span.end:
        last = relative.left_edge.i - 1  # "Jeremy, who backs Sanders, says": the clause is a report of its own
    if (when := _time_after(head, span.end)) is not None:
        last = min(last, when - 1)  # "Trump on Tuesday said": when is no part of who
    if (aside := _aside(doc, span.end, last)) is not None:
        last = aside - 1  # "Rubio, speaking at a rally in Miami, said": the circumstances are no part of who
    if cue is not None:
        for tok in doc[span.end : last + 1]:
            if cue.start > mention[0] and tok.idx >= cue.start:  # not when the source follows ("said X, ...")
                last = min(last, tok.i - 1)
                break
    while last >= span.end and (
        (doc[last].is_punct and doc[last].text not in {")", "”", "’"})
        or doc[last].is_space
        or doc[last].tag_ in {"WP", "WDT"}
        or doc[last].lower_ in {"both", "all"}
    ):
        last -= 1
    last = _closing_quote(doc, span.start, last, cue)
    # a parenthetical set off by a comma ("X, the mayor,", "the union, which represents ...,")
    appos = any(t.text == "," for t in doc[head.i + 1 : last + 1])
    if (
        appos
        and last + 1 < len(doc)
        and doc[last + 1].text == ","
        and (cue is None or doc[last + 1].idx < cue.start or cue.end <= mention[0])
    ):
        last += 1  # the closing comma of a parenthetical apposition belongs to the source, after the cue too
    dash_pair = any(spaced_dash(t) for t in doc[head.i + 1 : last + 1])
    if (
        dash_pair
        and last + 1 < len(doc)
        and spaced_dash(doc[last + 1])
        and (cue is None or doc[last + 1].idx < cue.start)
    ):
        last += 1  # the closing dash of a parenthetical set off by dashes ("Jason Sims — a teacher —")
    first = span.start
    while first < head.i and doc[first].lower_ in lex.FOCUS_ADVERBS:
        first += 1  # a focus adverb is no part of the source ("even his admirers")
    start = max(mention[0], doc[first].idx)
    dashes = [t for t in span if spaced_dash(t)]
    if dashes and dashes[-1].i + 1 < span.end:
        start = doc[dashes[-1].i + 1].idx  # a dateline before the name ("RENO, Nev. (AP) — X")
    end = max(mention[1], doc[last].idx + len(doc[last]))
    return (start, end)
