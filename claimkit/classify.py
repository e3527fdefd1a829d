"""Kind: fact, opinion or speculation, from the statement's frame, its certainty cues and a small model.

Rules first, in this order:

1. the frame: a speculative reporting verb or noun ("Some speculate that", "there are
   predictions that", "He predicted") makes speculation; a verb or noun of belief or
   evaluation ("experts believe", "the general view of experts is that") makes an opinion,
   unless a verb of belief frames a forecast ("I suspect the money will go to ...",
   :func:`believed_forecast`): speculation;
2. advice ("should", "must", "needs to": "experts suggest that the government needs to ...")
   makes an opinion;
3. a speculative cue (modal, hedge, conditional, question, negated certainty, prediction...)
   that governs the statement (scope ``main``) and leaves it less than certain makes
   speculation (not the "?" of a wh-question, "Why?": :func:`wh_question`, the model decides); a belief cue ("is considered", "believes") or a speaker's inference ("we can
   see that") governing it makes an opinion;
4. in an opinion column or an editorial (the document's ``genre``), the author's own
   statement with an evaluative word outside quotations ("That confidence is misplaced",
   "waited too long") is a verdict: an opinion (:func:`author_verdict`); so is the author
   naming what the fact just told is ("That is a rounding error in a $2.3 billion budget") or
   who "the ones" doing something are (:func:`author_characterization`);
5. in such a document, the author's counterfactual reproach ("The council could have demanded
   a share of the revenue") is an opinion, not a possibility (:func:`reproach`); and the
   author in the first person as the subject of the main clause:
   reporting their own speech or view with a clause is an opinion ("I wrote in June that
   ..."), telling what they did is a fact ("I asked the mayor's office for the study")
   (:func:`author_first_person`); after these, the author's statement of a dated event ("The
   team's lease runs for 30 years", "It now stays open until 8 p.m.") is a fact
   (:func:`dated_event`);
6. for an attributed statement (checked first, before 1.): a speaker announcing what they or
   their body will do is a fact ("He said he would ask the auditor ...", :func:`announced`), and
   so is a negated speech act with an object only ("did not discuss the letter", :func:`unsaid`)
   and a line that only introduces the quotation after it ("X wrote on her website:",
   :func:`introduces`);
   a verb of attack with a quotation or clause frames an opinion (:func:`attacks`, in 1.);
   a speaker's evaluative word in what is said makes an opinion ("said the cut was
   unavoidable", "said it was disappointed by the verdict", "the ruling, which we consider well
   argued", :func:`speaker_evaluation`) when no rule above decides, and so does a quoted
   fragment of the speaker's own words inside reported speech ("called it 'one point of view
   among many'"; not after a verb of commitment, "pledged 'closer ties'": :func:`quoted_fragment`);
7. otherwise the subjectivity model (:mod:`claimkit.subjectivity`, a linear model trained on
   NewsSD) decides between opinion and fact. For an attributed direct quotation it scores the
   speaker's own words, inside the marks, as if they were the author's (no attributed/quoted
   features; NewsSD labels only the author's voice, so it learned "quoted: a fact"), at the
   model's threshold: '"It's a little bit of magic when they're on stage together," Ms. Moore
   said' is an opinion; not when the speaker is the quotation's first-person subject ("We gave
   them every chance"): :func:`quoted_probability`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from spacy.tokens import Doc, Span, Token

from . import subjectivity
from .attribution import Attribution
from .certainty import is_embedded, is_more_effort, is_perfect_participle
from .data import certainty as cert_lex
from .data import reporting as rep_lex
from .data.names import PERSONAL_SUBJECT_PRONOUNS
from .quotes import covers
from .records import Certainty, CertaintyCue, Kind, KindDecision
from .segment import Candidate, text_of

# Doxastic cues that report an allegation rather than someone's view: no opinion by themselves.
_ALLEGATION_LEMMAS = frozenset(["allege", "allegation", "accuse", "accusation", "allegedly", "purported"])
_SUBJECTS = frozenset(["nsubj", "nsubjpass", "attr"])


def _frame_nouns(root: Token) -> list[Token]:
    """Nouns that frame a copular root: "the view ... is that", "there are predictions that"."""
    if root.lemma_ != "be":
        return []
    return [c for c in root.children if c.dep_ in _SUBJECTS and c.pos_ == "NOUN"]


def frame(doc: Doc, cand: Candidate, attribution: Attribution) -> str | None:
    """``speculation`` or ``opinion`` when the statement's frame says so, else None."""
    lemma = attribution.cue.lemma if attribution.cue else ""
    if lemma in rep_lex.SPECULATION_VERBS:
        return "speculation"
    if lemma in rep_lex.OPINION_VERBS or attacks(doc, attribution):
        return "opinion"
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None:
        return None
    for root in (tok for tok in span if tok.dep_ == "ROOT"):
        nouns = {t.lemma_.lower() for t in _frame_nouns(root)}
        if nouns & cert_lex.SPECULATION_NOUNS:
            return "speculation"
        if nouns & cert_lex.OPINION_NOUNS:
            return "opinion"
        if root.lemma_ in rep_lex.SPECULATION_VERBS:
            return "speculation"
        if root.lemma_ in rep_lex.OPINION_VERBS and any(c.dep_ == "ccomp" for c in root.children):
            return "opinion"
    return None


_CLAUSE_DEPS = frozenset(["ccomp", "parataxis"])
_PARTICLE_DEPS = frozenset(["prt", "advmod"])


def attacks(doc: Doc, attribution: Attribution) -> bool:
    """A verb of attack or retort whose content is a clause or a quotation: the speaker's criticism.

    True when the cue's verb is one of :data:`claimkit.data.reporting.ATTACK_VERBS` ("swiped at
    the mayor in a series of posts: '...'", "slammed the plan as 'a giveaway'") or a verb with
    its particle in :data:`claimkit.data.reporting.ATTACK_PARTICLE_VERBS` ("fired back on X:
    '...'", and the "saying" of "hit back, saying ...") and what it says is quoted or a clause. An object alone
    ("X attacked the plan") reports the act, not the criticism: False.
    """
    verb = _cue_verb(doc, attribution)
    if verb is None:
        return False
    said = attribution.quote in {"direct", "mixed"} or any(c.dep_ in _CLAUSE_DEPS for c in verb.children)
    # "hit back, saying ...": the participle that carries the content hangs on the attack verb
    frames = (verb, verb.head) if verb.dep_ == "advcl" and verb.tag_ == "VBG" else (verb,)
    return said and any(_attack_verb(v) for v in frames)


def unsaid(doc: Doc, attribution: Attribution) -> bool:
    """A negated speech act with an object and no clause or quotation: what is reported is that it
    did not happen, a fact ("The board did not discuss the letter", "Her post did not mention the
    subsidy")."""
    verb = _cue_verb(doc, attribution)
    if verb is None or attribution.quote != "indirect":
        return False
    return any(c.dep_ == "neg" for c in verb.children) and not any(c.dep_ in _CLAUSE_DEPS for c in verb.children)


def introduces(doc: Doc, cand: Candidate, attribution: Attribution) -> bool:
    """A line that only introduces a quotation after it ("Commissioner X, the only member to vote
    no, wrote on her website:"): it reports that someone spoke, a fact; what was said is the next
    statement's. True for an attributed statement ending in a colon, with no quotation and no
    clause of what is said on its cue."""
    verb = _cue_verb(doc, attribution)
    if verb is None or cand.quotes or not text_of(doc)[cand.start : cand.end].rstrip().endswith(":"):
        return False
    return not any(c.dep_ in _CLAUSE_DEPS for c in verb.children)


def _cue_verb(doc: Doc, attribution: Attribution) -> Token | None:
    """The head token of an attributed statement's cue (None without a cue or a speaker)."""
    cue = attribution.cue
    if cue is None or attribution.speaker is None:
        return None
    span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    return span.root if span is not None else None


def _attack_verb(verb: Token) -> bool:
    """Whether ``verb`` is a verb of attack or retort (alone, or with its particle)."""
    lemma = verb.lemma_.lower()
    if lemma in rep_lex.ATTACK_VERBS:
        return True
    particles = {c.lower_ for c in verb.children if c.dep_ in _PARTICLE_DEPS}
    return any((lemma, p) in rep_lex.ATTACK_PARTICLE_VERBS for p in particles)


def believed_forecast(span: Span, attribution: Attribution, certainty: Certainty) -> bool:
    """A forecast framed by a verb of belief: speculation, not opinion.

    True when the frame's verb (the cue, or for the author the main verb) is one of
    :data:`claimkit.data.reporting.BELIEF_VERBS` and a plain future governs the statement: "I
    suspect the money will go to the same list", "Analysts think prices will fall". A verb of
    argument keeps its opinion ("They argue that more trucks will worsen air quality").
    """
    if not any(c.type == "prediction" and c.scope == "main" for c in certainty.cues):
        return False
    if attribution.cue is not None:
        return attribution.cue.lemma in rep_lex.BELIEF_VERBS
    return any(tok.dep_ == "ROOT" and tok.lemma_ in rep_lex.BELIEF_VERBS for tok in span)


def _is_allegation(doc: Doc, start: int) -> bool:
    """Whether the cue starting at ``start`` reports an allegation ("accused", "allegedly")."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    return span is not None and span[0].lemma_.lower() in _ALLEGATION_LEMMAS


def wh_question(doc: Doc, cue: CertaintyCue) -> bool:
    """Whether a ``question`` cue ends a wh-question: a wh-word ("why", "which", "how", "what")
    before or at its sentence's main verb ("Why?", "How are local governments coping?"), not a
    yes/no question ("Has the solidarity started?") nor one with an embedded wh-clause ("Do you
    know what happened?")."""
    if cue.type != "question":
        return False
    tok = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    if tok is None:
        return False
    sent = tok[0].sent
    return any(t.tag_ in cert_lex.WH_TAGS and t.i <= sent.root.i for t in sent)


def _is_advice(span: Span) -> bool:
    """A deontic modal or "need to" on a verb of the statement's main clause."""
    for tok in span:
        if tok.lower_ in cert_lex.DEONTIC_WORDS and tok.tag_ == "MD":
            verb = tok.head
            if any(c.lower_ in {"have", "'ve"} for c in verb.children):
                continue  # "should have known", "must have left": epistemic, not advice
        elif tok.lemma_ in cert_lex.DEONTIC_VERBS and any(c.dep_ == "xcomp" for c in tok.children):
            verb = tok
        elif _time_to_act(tok) or _cannot_go_on(tok) or is_more_effort(tok):
            verb = tok.head
        else:
            continue
        if not is_embedded(verb, span):
            return True
    return False


def _cannot_go_on(tok: Token) -> bool:
    """ "The city cannot keep betting on luck", "we can't continue to ignore it": a present "can"
    negated on a verb of going on (:data:`claimkit.data.certainty.ADMONITION_VERBS`) with what
    is done: a call to stop, advice like "should". Not the past "could not keep paying" (what
    someone was unable to do)."""
    verb = tok.head
    return (
        tok.tag_ == "MD"
        and tok.lower_ in cert_lex.PRESENT_CAN
        and verb.lemma_ in cert_lex.ADMONITION_VERBS
        and any(c.dep_ == "neg" for c in verb.children)
        and any(c.dep_ == "xcomp" for c in verb.children)
    )


def _time_to_act(tok: Token) -> bool:
    """ "It's time to act", "it is time for Congress to act": ``tok`` is the noun of a present
    "it is ..." with a to-infinitive hung on it."""
    head = tok.head
    return (
        tok.lemma_.lower() in cert_lex.ADVICE_NOUNS
        and tok.dep_ == "attr"
        and (head.lemma_ == "be" or head.lower_ in {"'s", "’s"})  # the parser lemmatises "’s" as "’"
        and head.tag_ in {"VBZ", "VBP"}
        and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in head.children)
        and any(c.dep_ in {"relcl", "acl"} and any(a.lower_ == "to" for a in c.children) for c in tok.children)
    )


OPINION_GENRES = frozenset(["opinion", "editorial"])


def author_verdict(span: Span, cand: Candidate, attribution: Attribution, genre: str) -> bool:
    """The author's evaluative verdict in a column or editorial: an opinion.

    True in an opinion or editorial document for a statement in the author's voice (no
    speaker) with an evaluative word (:data:`claimkit.data.reporting.EVALUATIVE_WORDS`) or a
    word of feeling as a predicate ("Not everyone was impressed", :func:`_affect`) outside its
    quotations: the author's reading of how people feel is an interpretation too.
    """
    if genre not in OPINION_GENRES or attribution.speaker is not None:
        return False
    for tok in _unquoted(span, cand):
        if tok.pos_ == "PROPN":
            continue
        if tok.lemma_.lower() in rep_lex.EVALUATIVE_WORDS or tok.lower_ in rep_lex.EVALUATIVE_WORDS or _affect(tok):
            return True  # "That confidence is misplaced"; how people feel: "Residents were less patient"
    return False


def author_stance(span: Span, cand: Candidate, attribution: Attribution) -> bool:
    """The author's comment on what is told: an opinion, in any genre.

    True for a statement in the author's voice (no speaker) with a sentence adverb of stance
    (:data:`claimkit.data.reporting.STANCE_ADVERBS`: "Unfortunately, the plant closed", "the
    bill was fortunately blocked") modifying a verb or adjective, outside its quotations.
    """
    if attribution.speaker is not None:
        return False
    return any(tok.lower_ in rep_lex.STANCE_ADVERBS and tok.dep_ == "advmod" for tok in _unquoted(span, cand))


def _unquoted(span: Span, cand: Candidate) -> list[Token]:
    """The statement's tokens outside its quotations: the author's own words."""
    return [tok for tok in span if not covers(cand.quotes, tok.idx)]


def author_characterization(span: Span, attribution: Attribution, genre: str) -> bool:
    """The author naming what something is, in a column or editorial: an opinion.

    True in an opinion or editorial document for a statement in the author's voice whose main
    clause is "that/this is" with a noun ("That is a rounding error in a $2.3 billion budget":
    the author's reading of the fact just told) or says who "the ones" doing something are
    ("Riders are the ones paying for this standoff"). A figure or a rank on the noun ("That is
    a 12 percent increase", "the third closure this year") is a fact and left to the model.
    """
    if genre not in OPINION_GENRES or attribution.speaker is not None:
        return False
    for root in (tok for tok in span if tok.dep_ == "ROOT" and tok.lemma_ == "be"):
        for noun in (c for c in root.children if c.dep_ == "attr" and c.pos_ == "NOUN"):
            if noun.lemma_.lower() in rep_lex.IDENTIFYING_NOUNS:
                if any(c.dep_ in {"acl", "relcl"} for c in noun.children):
                    return True  # "the ones paying for this standoff"
                continue
            pointing = any(
                c.dep_ == "nsubj" and c.lower_ in rep_lex.POINTING_SUBJECTS and not list(c.children)
                for c in root.children
            )
            figures = any(w.like_num or w.ent_type_ == "ORDINAL" for left in noun.lefts for w in left.subtree)
            if pointing and not figures:
                return True
    return False


# Entity types that place an event in time, and the children of a main verb whose words do not
# count for :func:`dated_event` (clauses of their own: "I wrote in June that ...").
_TIME_ENTITIES = frozenset(["DATE", "TIME"])
_OWN_CLAUSE_DEPS = frozenset(["ccomp", "advcl", "relcl", "conj", "xcomp", "parataxis"])


def dated_event(span: Span, attribution: Attribution, genre: str) -> bool:
    """The author telling a dated event in a column or editorial: a fact.

    True in an opinion or editorial document for a statement in the author's voice whose main
    verb carries a date, a time of day or a duration outside any clause of its own ("It now
    stays open until 8 p.m.", "The team's lease runs for 30 years", "The board raised the fare
    last week"). Checked after the author's verdicts (:func:`author_verdict`), so "waited too
    long last year" stays an opinion; the subjectivity model, trained on news, reads such plain
    sentences of a column as opinions too often (in NewsSD train, 95 of the 109 sentences with a
    date on the main verb are objective).
    """
    if genre not in OPINION_GENRES or attribution.speaker is not None:
        return False
    return any(
        w.ent_type_ in _TIME_ENTITIES
        for root in span
        if root.dep_ == "ROOT"
        for child in root.children
        if child.dep_ not in _OWN_CLAUSE_DEPS
        for w in child.subtree
    )


def reproach(span: Span, attribution: Attribution, genre: str) -> bool:
    """A counterfactual reproach in a column or editorial: an opinion.

    True in an opinion or editorial document for a statement whose main clause has "could",
    "should" or "ought" with "have" and a past participle other than "been" ("The council could
    have demanded a share of the revenue", "We should have looked at our own costs first"): what
    someone failed to do, not a possibility. In the author's voice all three modals count; a
    speaker's "could have" may be a possibility ("the crash could have killed dozens"), so for
    an attributed statement only "should" and "ought" do. "could have been worse" is left to
    the other rules.
    """
    if genre not in OPINION_GENRES:
        return False
    modals = cert_lex.REPROACH_MODALS
    if attribution.speaker is not None:
        modals = modals & cert_lex.DEONTIC_WORDS
    for tok in span:
        if tok.tag_ != "MD" or tok.lower_ not in modals:
            continue
        verb = tok.head
        if is_perfect_participle(verb) and verb.lemma_ != "be" and not is_embedded(verb, span):
            return True
    return False


def speaker_mentions(attributions: Iterable[Attribution]) -> dict[str, str]:
    """Every mention of each speaker entity in the document, by entity id, joined by spaces
    ("Board chairman Neil Forsythe He Forsythe"): what a later "He said the board would ..."
    knows of its speaker."""
    found: dict[str, list[str]] = {}
    for attr in attributions:
        if attr.speaker is not None and attr.speaker.id is not None:
            found.setdefault(attr.speaker.id, []).append(attr.speaker.mention)
    return {key: " ".join(mentions) for key, mentions in found.items()}


def _is_speaker(subject: Token, attribution: Attribution, mentions: Mapping[str, str] | None = None) -> bool:
    """Whether ``subject`` refers to the statement's speaker or the body the speaker speaks for:
    a personal pronoun that fits the speaker ("He said he would ...", "The union said it
    would ..."; not the "it" of "it would take hours"), or a noun that begins a word of the speaker's
    mention, name or description ("Board chairman X said the board would ...", "Councilwoman X
    said the council would ...") or of another mention of the same speaker in ``mentions``
    (:func:`speaker_mentions`: "Board chairman X said ... He said the board would ...")."""
    speaker = attribution.speaker
    if speaker is None:
        return False
    if subject.dep_ == "expl":
        return False  # "it would take more hours": no one acts
    if subject.lower_ in PERSONAL_SUBJECT_PRONOUNS:
        # "it" speaks for an organisation or a group, "he"/"she" for a person
        return (subject.lower_ == "it") == (speaker.type in {"organization", "group"})
    if subject.pos_ not in {"NOUN", "PROPN"}:
        return False
    others = (mentions or {}).get(speaker.id or "", "")
    words = " ".join(filter(None, [speaker.mention, speaker.name, speaker.description, others])).lower().split()
    return any(w.startswith(subject.lower_) for w in words)


def announced(
    doc: Doc, attribution: Attribution, certainty: Certainty, mentions: Mapping[str, str] | None = None
) -> bool:
    """A speaker announcing what they (or the body they speak for) will do: a fact.

    True for an attributed statement whose only cues governing it are plain futures ("will",
    "would" in reported speech) of verbs whose subject is the speaker: "He said he would ask the
    state auditor to review it", "Councilwoman X said the council would hold a hearing on
    Monday", "The coalition issued a statement saying it would challenge the approval"; with
    ``mentions`` (:func:`speaker_mentions`) also a noun of another mention of the speaker ("He
    said the board would revisit the hours" after "Board chairman X said"). A forecast about
    something else ("Forecasters say rates will rise") stays speculation.
    """
    if attribution.speaker is None:
        return False
    main = [c for c in certainty.cues if c.scope == "main"]
    if not main or any(c.type != "prediction" for c in main) or certainty.label != "certain":
        return False
    for cue in main:
        span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
        if span is None:
            return False
        verb = span[0].head
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not subjects or not all(_is_speaker(s, attribution, mentions) for s in subjects):
            return False
    return True


def speaker_evaluation(span: Span, cand: Candidate, attribution: Attribution, certainty: Certainty) -> bool:
    """A speaker's evaluation: an attributed statement with an evaluative word in what is said.

    "Board chairman X said the cut was unavoidable", "X wrote that the deal was 'the worst
    bargain this city has made'": opinion (the speaker's). Words of the speaker's mention and of
    the cue do not count; words of :data:`claimkit.data.reporting.ATTRIBUTED_EVALUATIVE_WORDS`
    do, inside or outside quotations, and so does "too" on an adjective or adverb ("said the
    city was replacing pipes far too slowly"), a word of feeling said of something ("We are
    pleased with the decision", :func:`_affect`) and the speaker's own view in a clause of what
    is said ("the decision, which we consider well-reasoned", :func:`_own_view`).
    """
    speaker, cue = attribution.speaker, attribution.cue
    if speaker is None or cue is None:
        return False
    skip = [(speaker.start, speaker.end), (cue.start, cue.end)]
    for tok in span:
        if tok.pos_ == "PROPN" or any(s is not None and e is not None and s <= tok.idx < e for s, e in skip):
            continue
        if (
            tok.lower_ in rep_lex.ATTRIBUTED_EVALUATIVE_WORDS
            or tok.lemma_.lower() in rep_lex.ATTRIBUTED_EVALUATIVE_WORDS
            or _excessive(tok)
            or _affect(tok)
        ):
            return True
    return _own_view(span, attribution, certainty)


def _affect(tok: Token) -> bool:
    """A word of feeling as a predicate ("we are pleased with the decision", "said it was
    disappointed by the ruling"), not one with an infinitive ("pleased to announce": a formula)."""
    if tok.lower_ not in rep_lex.AFFECT_WORDS or tok.dep_ not in {"acomp", "ROOT", "ccomp", "conj"}:
        return False
    return not any(c.dep_ == "xcomp" for c in tok.children)


def _own_view(span: Span, attribution: Attribution, certainty: Certainty) -> bool:
    """A belief cue of the speaker's whose subject is the speaker, in any clause of what is said:
    "the decision, which we consider well-reasoned" (in the speaker's quoted words, "I" or "we";
    in reported speech, the speaker by :func:`_is_speaker`). An allegation does not count."""
    doc = span.doc
    for cue in certainty.cues:
        if cue.type != "doxastic" or cue.holder != "speaker" or _is_allegation(doc, cue.start):
            continue
        hit = doc.char_span(cue.start, cue.end, alignment_mode="expand")
        if hit is None:
            continue
        verb = hit[0] if hit[0].pos_ in {"VERB", "AUX"} else hit[0].head
        for subject in (c for c in verb.children if c.dep_ == "nsubj"):
            quoted = attribution.quote in {"direct", "mixed"} and subject.lower_ in rep_lex.SELF_SUBJECTS
            if quoted or _is_speaker(subject, attribution):
                return True
    return False


def _excessive(tok: Token) -> bool:
    """ "too" as a degree word on an adjective or adverb ("far too slowly", "too late"), not the
    "too" of "also" ("the state pays too")."""
    return tok.lower_ == "too" and tok.dep_ == "advmod" and tok.head.pos_ in {"ADJ", "ADV"}


def quoted_fragment(attribution: Attribution) -> bool:
    """A speaker's words quoted as a fragment inside reported speech (``quote`` mixed): an opinion.

    A reporter quotes a fragment when its wording is the speaker's, which is most often an
    evaluation: "He said the plan was 'a promise, not a plan'", "X called it 'one point of view
    among many'". Checked after the rules, so a quoted forecast ("said the deal would 'bankrupt
    the system'") stays speculation and an announced plan a fact. A fragment after a verb of
    commitment names what was pledged, not a view: "Both sides pledged 'continued friendly
    relations'" (:data:`claimkit.data.reporting.COMMITMENT_VERBS`) is left to the model.
    """
    if attribution.speaker is None or attribution.quote != "mixed":
        return False
    return attribution.cue is None or attribution.cue.lemma not in rep_lex.COMMITMENT_VERBS


def quoted_words(span: Span, cand: Candidate) -> list[Token]:
    """The speaker's own words of a direct quotation: the statement's tokens inside the marks of
    its quotations (not the marks, the speaker or the cue); every word when no quotation mark
    overlaps it (a paragraph after a frame "X wrote:", ``quote`` direct without marks)."""
    quotes = cand.direct_quotes
    if not quotes:
        return [t for t in span if not t.is_space]
    return [t for t in span if not t.is_space and any(q.content_start <= t.idx < q.content_end for q in quotes)]


def _speaks_of_self(words: list[Token]) -> bool:
    """The speaker in the first person as the subject of a main clause of their quoted words ("We
    gave them every chance", "We are not going to borrow money"): what the speaker did or will
    do, a fact unless a rule finds an evaluation; left to the model as attributed speech."""
    inside = {t.i for t in words}
    tops = {t.i for t in words if t.head.i not in inside or t.head.i == t.i}  # the quotation's main verbs
    return any(t.lower_ in rep_lex.SELF_SUBJECTS and t.dep_ in _SUBJECTS and t.head.i in tops for t in words)


def quoted_probability(span: Span, cand: Candidate, certainty: Certainty) -> float | None:
    """P(subjective) of a direct quotation's words read as the author's voice, or None when the
    statement has no such words.

    NewsSD labels the author's voice, so its quoted sentences are all objective and the model
    learned "quoted, attributed: a fact"; the speaker's own words, scored without those features,
    say whether the speaker evaluates ("It's a little bit of magic when they're on stage
    together"). Certainty cues inside the words count. None too when the speaker is the subject
    of the quotation's main clause in the first person (:func:`_speaks_of_self`).
    """
    words = quoted_words(span, cand)
    if not words or _speaks_of_self(words):
        return None
    lo, hi = words[0].idx, words[-1].idx + len(words[-1])
    types = [c.type for c in certainty.cues if lo <= c.start < hi]
    return subjectivity.words_probability(words, types)


def _first_person_root(span: Span, genre: str) -> Token | None:
    """The main verb of a statement whose subject is the author in the first person ("I went",
    "I wrote that ..."; in an editorial or opinion document also "we")."""
    subjects = rep_lex.EDITORIAL_SUBJECTS if genre in OPINION_GENRES else rep_lex.AUTHOR_SUBJECTS
    for root in (tok for tok in span if tok.dep_ == "ROOT" and tok.pos_ in {"VERB", "AUX"}):
        if any(c.dep_ in _SUBJECTS and c.lower_ in subjects for c in root.children):
            return root
    return None


def author_first_person(span: Span, attribution: Attribution, genre: str) -> Kind | None:
    """The author telling in the first person what they did or what they said or think.

    In an opinion or editorial document, a statement in the author's voice whose main clause
    has the author as subject is an opinion when its verb reports the author's speech or view
    with a clause ("I wrote in June that the authority was heading for a strike"), and a fact
    otherwise: what the author did ("I went to see", "I asked the mayor's office for the
    study", "We have read the evaluation"). None when the rule does not apply.
    """
    if genre not in OPINION_GENRES or attribution.speaker is not None:
        return None
    root = _first_person_root(span, genre)
    if root is None:
        return None
    lemma = root.lemma_.lower()
    says = lemma in rep_lex.REPORTING_VERBS or lemma in rep_lex.ATTITUDE_VERBS or lemma in rep_lex.OPINION_VERBS
    if says and any(c.dep_ in {"ccomp", "xcomp"} for c in root.children):
        return "opinion"
    return "fact"


def rule(doc: Doc, cand: Candidate, attribution: Attribution, certainty: Certainty) -> tuple[Kind, str] | None:
    """The kind a rule gives and the rule's name, or None when the rules are silent.

    Rule names (keys of the model's ``rule_precision``): ``frame``, ``advice``,
    ``speculative_cue``, ``belief_cue``, ``inference``.
    """
    framed = frame(doc, cand, attribution)
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if framed == "opinion" and span is not None and believed_forecast(span, attribution, certainty):
        return "speculation", "frame"
    if framed is not None:
        return framed, "frame"  # type: ignore[return-value]
    if span is None:
        return None
    if _is_advice(span):
        return "opinion", "advice"
    # a wh-question asks for information: the model decides ("Why?" in an argument is an opinion)
    main = [c for c in certainty.cues if c.scope == "main" and not wh_question(doc, c)]
    # a prediction ("will rise") is speculation even though it is asserted firmly
    if any(c.type == "prediction" for c in main) or (
        certainty.label != "certain" and any(c.type in cert_lex.SPECULATIVE_TYPES for c in main)
    ):
        return "speculation", "speculative_cue"
    if any(c.type == "doxastic" and not _is_allegation(doc, c.start) for c in main):
        return "opinion", "belief_cue"
    if any(c.type == "evidential" and c.holder == "speaker" for c in main):
        return "opinion", "inference"  # a speaker's inference: "we can see that ...", "it can be said that ..."
    return None


def decide(
    doc: Doc,
    cand: Candidate,
    attribution: Attribution,
    certainty: Certainty,
    genre: str = "unknown",
    mentions: Mapping[str, str] | None = None,
) -> KindDecision:
    """The kind with its probability and what decided it (a rule, else the subjectivity model).

    ``genre`` is the document's (:func:`claimkit.clean.clean`): in an opinion column or an
    editorial, the author's evaluative verdict is an opinion (:func:`author_verdict`).
    ``mentions`` are the speakers' mentions in the whole document (:func:`speaker_mentions`),
    for :func:`announced`.

    A rule's probability is its precision on the model's training data (stored in the model as
    ``rule_precision``); the model's is its probability of the kind it chose.
    """
    model = subjectivity.load_model()
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    attributed = span is not None and attribution.speaker is not None
    # the speaker's announced plan and the speaker's evaluation: no measured precision
    # (NewsSD labels only the author's voice), so the model's probability, at least 0.5
    if attributed and (
        announced(doc, attribution, certainty, mentions)
        or unsaid(doc, attribution)
        or introduces(doc, cand, attribution)
    ):
        p = subjectivity.span_probability(span, certainty, attribution)
        return KindDecision("fact", round(max(1.0 - p, 0.5), 3), "rule")
    if span is not None and reproach(span, attribution, genre):
        p = subjectivity.span_probability(span, certainty, attribution)
        return KindDecision("opinion", round(max(p, 0.5), 3), "rule")  # no measured precision: the model's p
    found = rule(doc, cand, attribution, certainty)
    if (
        attributed
        and found is None
        and (speaker_evaluation(span, cand, attribution, certainty) or quoted_fragment(attribution))
    ):
        p = subjectivity.span_probability(span, certainty, attribution)
        return KindDecision("opinion", round(max(p, 0.5), 3), "rule")
    if found is not None:
        kind, name = found
        return KindDecision(kind, float(model["rule_precision"][name]), "rule")
    if span is None:
        return KindDecision("fact", 0.5, "rule")  # no tokens to look at: no evidence either way
    p = subjectivity.span_probability(span, certainty, attribution)
    if (
        author_verdict(span, cand, attribution, genre)
        or author_characterization(span, attribution, genre)
        or author_stance(span, cand, attribution)
    ):
        return KindDecision("opinion", round(max(p, 0.5), 3), "rule")  # no measured precision: the model's p
    told = author_first_person(span, attribution, genre)
    if told is not None:
        return KindDecision(told, round(max(p if told == "opinion" else 1.0 - p, 0.5), 3), "rule")
    if dated_event(span, attribution, genre):
        return KindDecision("fact", round(max(1.0 - p, 0.5), 3), "rule")
    if attributed and attribution.quote == "direct":
        # the speaker's own words, read as the author's voice, with the model's own threshold
        quoted = quoted_probability(span, cand, certainty)
        p = p if quoted is None else quoted
    if p >= model["threshold"]:
        return KindDecision("opinion", round(p, 3), "model")
    return KindDecision("fact", round(1.0 - p, 3), "model")


def classify(doc: Doc, cand: Candidate, attribution: Attribution, certainty: Certainty, genre: str = "unknown") -> Kind:
    """Speculation when uncertain or predicted, opinion for beliefs and evaluations, else fact."""
    return decide(doc, cand, attribution, certainty, genre).kind
