"""Certainty: find the cues in a statement, give each a type, a holder and a scope, and score it.

One left-to-right pass over the statement's tokens with dictionary lookups (word lists in
:mod:`claimkit.data.certainty`); each hit is then checked against the parse:

- sense: "can" of ability, "May" the month, "as soon as possible", "appeared in a film",
  "would later become" (narrative) and "should" (advice) are not cues; "will" is a
  prediction unless it announces a scheduled event ("will visit Beijing on the 19th");
- type: "if" after "ask"/"wonder" is an investigation, not a condition; "would" with an
  if-clause is conditional;
- scope: a cue inside a relative clause, a noun modifier or a non-conditional adverbial
  clause ("the company, which may be sold, reported profits") is ``embedded`` and counts 0.6 of its weight;
- holder: a cue inside a direct quotation or in the reported content of a speaker belongs to
  the ``speaker``; the reporting frame ("Some speculate that") belongs to the ``author``.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc, Span, Token

from . import certainty_model
from .attribution import Attribution
from .data import certainty as lex
from .data import reporting as rep_lex
from .records import Certainty, CertaintyCue
from .segment import Candidate

# Dependency relations that embed a clause or phrase under a noun or an adverbial.
_EMBEDDING_DEPS = frozenset(
    ["relcl", "acl", "amod", "appos", "advcl", "nmod", "poss", "compound", "npadvmod", "pcomp", "csubj"]
)
# Relations that introduce reported content: the walk up for scope stops there when the verb
# above frames someone's words or thoughts (:data:`_FRAME_VERBS`).
_CONTENT_DEPS = frozenset(["ccomp", "parataxis"])
_FRAME_VERBS = (
    rep_lex.REPORTING_VERBS
    | rep_lex.ATTITUDE_VERBS
    | rep_lex.OPINION_VERBS
    | rep_lex.SPECULATION_VERBS
    | rep_lex.BELIEF_VERBS
) - lex.DECISION_VERBS
_CONDITION_MARKS = frozenset(["if", "unless", "whether"])
_QUOTE_TAIL = " \t\r\n”\"’'»)"


def label_for(score: float) -> str:
    """The label of a score: certain >= 0.9 > probable >= 0.6 > possible >= 0.3 > unknown."""
    for threshold, label in lex.LABEL_THRESHOLDS:
        if score >= threshold:
            return label
    return "unknown"


def _is_conditional_clause(verb: Token) -> bool:
    """Whether ``verb`` heads an if/unless clause."""
    return any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in verb.children)


def _has_condition(verb: Token) -> bool:
    """Whether an if/unless clause modifies ``verb``, or a counterfactual "without" phrase
    (:func:`_without_condition`)."""
    return any(c.dep_ == "advcl" and _is_conditional_clause(c) for c in verb.children) or _without_condition(verb)


def _without_condition(verb: Token) -> bool:
    """A "without" / "but for" phrase that is the condition of a modal verb: before the verb
    ("Without the grant, the clinic would close") or after a perfect one ("the team would have
    left without the subsidy"); not the manner of "would leave without a word"."""
    return any(_is_condition_phrase(c) for c in verb.children)


def _is_condition_phrase(tok: Token) -> bool:
    """Whether ``tok`` opens a "without" phrase that is a condition of its verb
    (:func:`_without_condition`)."""
    verb = tok.head
    return (
        tok.dep_ == "prep"
        and tok.lower_ in lex.CONDITION_PREPOSITIONS
        and (tok.i < verb.i or is_perfect_participle(verb))
    )


def _condition_of_modal(tok: Token) -> bool:
    """A "without" phrase that is the condition of a modal's verb: a cue of its own, as "if" is
    ("the team would have left without the subsidy" is as uncertain as "would have left if the
    city had said no")."""
    return _is_condition_phrase(tok) and any(c.tag_ == "MD" and c.lower_ in lex.MODALS for c in tok.head.children)


def _modal_type(tok: Token) -> str | None:
    """The cue type of a modal auxiliary, or None when it is not an uncertainty cue here."""
    word = tok.lower_
    head = tok.head
    aux_words = {c.lower_ for c in head.children if c.dep_ in {"aux", "auxpass"}}
    perfect = "have" in aux_words or "'ve" in aux_words
    if word in {"may", "might"}:
        return "modal"
    if word == "could":
        if _has_condition(head):
            return "conditional"
        if is_more_effort(tok):
            return None
        # "could be drawn", "could rise", "could have been": possibility (in FactBank dev 14 of the 21
        # "could"s without "be"/"have" are gold cues); "could not be reached": (in)ability, not a
        # guess (2 of 28 "could not" in the Szeged dev parts are cues)
        if not perfect and any(c.dep_ == "neg" for c in head.children):
            return None
        return "modal"
    if word == "would":
        if _has_condition(head):
            return "conditional"
        if perfect:
            return "modal"
        # "said it would close": a reported prediction; plain narrative "would" is no cue
        if (head.dep_ == "ccomp" and head.head.lemma_ in rep_lex.REPORTING_VERBS) or _is_estimate(head):
            return "prediction"
        return None
    if word == "must" and perfect:
        return "modal"
    return None


def _is_estimate(verb: Token) -> bool:
    """A "would" estimate of what an action takes: "it would take a century to replace every
    main", "it would cost $2 billion to rebuild it", "Replacing them would cost millions" (a verb
    of :data:`lex.ESTIMATE_VERBS` whose subject is the action: "it" with a to-infinitive, or a
    clause). A forecast, not the narrative "would" of "the trip would take him to Paris"."""
    if verb.lemma_ not in lex.ESTIMATE_VERBS:
        return False
    if any(c.dep_ == "csubj" or (c.dep_ == "nsubj" and c.tag_ == "VBG") for c in verb.children):
        return True  # "Replacing them would cost millions"
    it = any(c.dep_ in {"nsubj", "expl"} and c.lower_ == "it" for c in verb.children)
    return it and any(
        c.dep_ in {"xcomp", "advcl", "ccomp"} and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in verb.children
    )


def is_perfect_participle(verb: Token) -> bool:
    """A past participle with the perfect "have" ("should *have looked*", "could *have demanded*")."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in {"have", "'ve"} for c in verb.children)


def is_reproach_modal(tok: Token) -> bool:
    """ "should" or "ought" with "have" and a past participle ("We should have looked at our costs
    first"): what someone failed to do, a reproach, not a guess (Szeged marks none of its four
    "should have"s); "must have left" stays an inference."""
    return tok.lower_ in lex.REPROACH_MODALS & lex.DEONTIC_WORDS and is_perfect_participle(tok.head)


def is_more_effort(tok: Token) -> bool:
    """A modal asking for more effort: "The agency could be doing more to help", "Congress can do
    better" (advice, an opinion; not a possibility)."""
    verb = tok.head
    return (
        tok.tag_ == "MD"
        and tok.lower_ in lex.MORE_EFFORT_MODALS
        and verb.lemma_ == "do"
        and not any(c.dep_ == "neg" for c in verb.children)
        and any(c.lower_ in lex.MORE_EFFORT_WORDS and c.dep_ in {"dobj", "advmod", "acomp"} for c in verb.children)
    )


def _never_a_guess(tok: Token) -> bool:
    """A word the rules rejected that the cue model may not take back: a reproach ("should have
    looked"), a call for more effort ("could be doing more"), a poll's "likely voters"."""
    return is_reproach_modal(tok) or is_more_effort(tok) or _polled(tok)


def _is_plan(tok: Token) -> bool:
    """Whether ``will`` announces a scheduled or committed event rather than predicting one.

    A day or hour ("will vote on Tuesday", "at 3 p.m.") schedules it; a deadline ("will be
    reversed before April", "done by March 1": :data:`lex.DEADLINE_PREPOSITIONS`) does not. A
    plan, deal or law as the subject of a verb of provision tells what it provides ("The project
    will add two berths", "The plan will give each household $500"), not an outcome ("The deal
    will create 1,200 jobs" stays a prediction).
    """
    head = tok.head
    if head.lemma_ in lex.PLAN_VERBS:
        return True
    subj = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is not None and subj.lower_ in {"i", "we"}:
        return True
    if subj is not None and subj.lemma_.lower() in lex.PLAN_NOUNS and head.lemma_ in lex.PROVISION_VERBS:
        return True  # what an adopted plan provides: "The project will add two berths"
    for child in head.children:
        if _is_calendar_date(child):
            return True
        if (
            child.dep_ == "prep"
            and child.lower_ not in lex.DEADLINE_PREPOSITIONS
            and any(_is_calendar_date(g) for g in child.children)
        ):
            return True
    return False


def _is_calendar_date(tok: Token) -> bool:
    """A DATE/TIME entity naming a day or hour ("on Tuesday", "on the 19th", "at 3 pm"), not "next year"."""
    if tok.ent_type_ not in {"DATE", "TIME"}:
        return False
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    words = ent if ent is not None else [tok]
    return any(t.like_num or any(c.isdigit() for c in t.text) or t.lower_ in lex.CALENDAR_WORDS for t in words)


def _will_type(tok: Token) -> str | None:
    """``will``: conditional with an if-clause, none for plans and habits, else a prediction."""
    head = tok.head
    if _has_condition(head):
        return "conditional"
    if _is_plan(tok) or any(c.dep_ == "advmod" and c.lower_ in lex.HABITUAL_ADVERBS for c in head.children):
        return None
    return "prediction"


def _word_type(tok: Token) -> str | None:
    """The cue type of a single token (not a modal), or None."""
    ctype = lex.WORD_CUES.get(tok.lower_) or lex.WORD_CUES.get(tok.lemma_.lower())
    if ctype is None:
        return None
    lemma = tok.lemma_.lower()
    prev = tok.doc[tok.i - 1].lower_ if tok.i > 0 else ""
    if ctype == "conditional":
        if tok.dep_ != "mark" and tok.pos_ != "SCONJ":
            return None
        if prev == "as":
            return None
        clause = tok.head
        if clause.dep_ in {"ccomp", "dobj"} and clause.head.lemma_ in lex.QUESTION_VERBS:
            return "investigation"
        return ctype
    if tok.pos_ in {"PROPN", "PUNCT"}:
        return None
    if ctype == "hedge" and (prev in lex.NOT_HEDGE_BEFORE or tok.head.lemma_ == "make"):
        return None
    if ctype == "hedge" and _polled(tok):
        return None
    if lemma in lex.CLAUSE_ADJECTIVES and (
        tok.dep_ == "amod" or not any(c.dep_ == "ccomp" for c in (*tok.children, *tok.head.children))
    ):
        return None
    if tok.pos_ == "NOUN" and lemma in lex.CLAUSE_NOUNS and not any(c.dep_ in {"acl", "ccomp"} for c in tok.children):
        return None
    if (
        tok.pos_ == "NOUN"
        and lemma in lex.SPECULATION_NOUNS
        and any(c.dep_ == "poss" for c in tok.children)
        and not any(c.dep_ in {"acl", "ccomp"} for c in tok.children)
    ):
        return None  # "it is lowering its forecast for growth", "the fund's projection": a figure, not a guess
    if lemma == "consider" and not (
        tok.tag_ == "VBN" or any(c.dep_ in {"oprd", "xcomp", "ccomp"} for c in tok.children)
    ):
        return None
    if lemma == "unknown" and (tok.dep_ == "amod" or _next(tok).lower_ == "to"):
        return None  # "an unknown gunman"; "a toll unknown to most Americans": they do not know it
    if lemma == "consider" and tok.lower_ == "considering":
        return None
    if lemma == "regard" and (tok.pos_ != "VERB" or tok.lower_ == "regarding"):
        return None
    if lemma in {"appear", "indicate"} and not any(c.dep_ in {"xcomp", "ccomp", "acomp", "expl"} for c in tok.children):
        return None
    if lemma == "think" and any(c.dep_ == "prep" and c.lower_ in {"about", "of"} for c in tok.children):
        return None
    return ctype


def _next(tok: Token) -> Token:
    """The token after ``tok``, or ``tok`` itself at the end of the document."""
    return tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else tok


def _polled(tok: Token) -> bool:
    """True for an attributive "likely" naming a poll's population ("likely voters", "the likely
    voter sample")."""
    return tok.dep_ == "amod" and any(t.lemma_.lower() in lex.POLL_POPULATIONS for t in (tok.head, _next(tok)))


def _doubted(tok: Token) -> str | None:
    """``doxastic`` for a verb of doubt with an object and no question ("questioned the need for
    moderators": the speaker's doubt, an opinion, Szeged's "probable" cue), not an open question
    ("questioned whether ...": an investigation). None otherwise."""
    if tok.lemma_.lower() not in lex.DOUBT_VERBS or tok.pos_ != "VERB":
        return None
    children = list(tok.children)
    if any(c.dep_ in {"ccomp", "advcl"} for c in children) or not any(c.dep_ == "dobj" for c in children):
        return None
    return "doxastic"


def _anchor(tokens: Span) -> Token:
    """The syntactic anchor whose position decides a cue's scope.

    A modal or adverb anchors on the verb it modifies; "if" on the clause its condition
    modifies; a phrase on its highest token.
    """
    root = next((t for t in tokens if t.dep_ == "mark"), tokens.root)
    if root.dep_ in {"aux", "advmod", "neg"}:
        return root.head
    if root.dep_ == "mark":
        clause = root.head
        return clause.head if clause.dep_ == "advcl" else clause
    return root


def _is_decided_question(clause: Token) -> bool:
    """Whether ``clause`` is an indirect question a verb of deciding is about ("decided whether ...")."""
    return clause.head.lemma_ in lex.DECISION_VERBS and any(
        c.dep_ == "mark" and c.lower_ in {"whether", "if"} for c in clause.children
    )


def _is_pursued_question(clause: Token) -> bool:
    """Whether ``clause`` is the indirect question of an infinitive that tells what another
    action is for ("watching *to see* if that is true", "waited *to find out* whether ..."): the
    statement asserts the action, the question stays open inside it."""
    verb = clause.head
    return (
        verb.lemma_ in lex.QUESTION_VERBS
        and verb.dep_ in {"xcomp", "advcl"}
        and verb.head.lemma_ not in lex.QUESTION_VERBS
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and any(c.dep_ == "mark" and c.lower_ in {"whether", "if"} for c in clause.children)
    )


def is_embedded(anchor: Token, span: Span) -> bool:
    """Whether ``anchor`` sits in a relative clause, noun modifier, non-conditional adverbial,
    the indirect question of a decision ("ruled whether ...") or of a purpose ("watching to see
    if ...", :func:`_is_pursued_question`).

    The walk up the tree stops at the statement's edge. The clausal complement of a verb that
    frames someone's words or thoughts is the statement's main assertion unless that verb heads
    a relative clause ("the impact it said she would have"; a framing participle, "issued a
    statement saying it would ...", still frames the main assertion); the complement of another verb
    ("contests that determined who could vote") is walked through.
    """
    tok = anchor
    while tok.head.i != tok.i and span.start <= tok.head.i < span.end:
        if tok.dep_ in _CONTENT_DEPS:
            if _is_decided_question(tok) or _is_pursued_question(tok):
                return True
            if tok.head.lemma_ in _FRAME_VERBS:  # the main assertion, unless the frame is a relative
                return tok.head.dep_ == "relcl"  # clause ("the impact *it said* she would have")
        if tok.dep_ in _EMBEDDING_DEPS and not (tok.dep_ == "advcl" and _is_conditional_clause(tok)):
            return True
        tok = tok.head
    return False


def _scan(span: Span, candidates: bool = False) -> list[tuple[Span, str, bool]]:
    """Cue token spans of ``span`` with their type, in text order, never overlapping.

    Each item is ``(tokens, type, by_rule)``. With ``candidates``, words the rules rejected
    (a sense filter said no) or do not take by themselves (:data:`lex.CANDIDATE_CUES`) come too,
    with ``by_rule`` False, for the learned cue model to judge.
    """
    doc = span.doc
    found: list[tuple[Span, str, bool]] = []
    i, end = span.start, span.end
    while i < end:
        tok = doc[i]
        matched = False
        for phrase, ptype in lex.PHRASES_BY_FIRST.get(tok.lower_, ()):
            n = len(phrase)
            if i + n <= end and all(doc[i + k].lower_ == phrase[k] for k in range(1, n)):
                found.append((doc[i : i + n], ptype, True))
                i += n
                matched = True
                break
        if matched:
            continue
        ctype: str | None = None
        if tok.tag_ == "MD":
            if tok.lower_ in lex.MODALS:
                ctype = _modal_type(tok)
            elif tok.lower_ in {"will", "'ll", "shall"}:
                ctype = _will_type(tok)
        elif _condition_of_modal(tok):
            ctype = "conditional"
        else:
            ctype = _word_type(tok)
        if ctype is not None:
            found.append((doc[i : i + 1], ctype, True))
        elif candidates:
            word = tok.lower_
            fallback = (
                "modal"
                if word in lex.MODALS and tok.tag_ == "MD"
                else lex.CANDIDATE_CUES.get(word)
                or lex.CANDIDATE_CUES.get(tok.lemma_.lower())
                or (lex.WORD_CUES.get(word) or lex.WORD_CUES.get(tok.lemma_.lower()) if tok.pos_ != "PROPN" else None)
            )
            if fallback is not None:
                found.append((doc[i : i + 1], _doubted(tok) or fallback, False))
        i += 1
    return found


def _in_quote(pos: int, cand: Candidate) -> bool:
    return any(q.start < pos < q.end for q in cand.direct_quotes)


def _holder(tokens: Span, cand: Candidate, attribution: Attribution | None) -> str:
    """``speaker`` for a cue in a direct quotation or in a speaker's reported content."""
    start, end = tokens.start_char, tokens.end_char
    if _in_quote(start, cand):
        return "speaker"
    if attribution is None or attribution.speaker is None:
        return "author"
    cue, spk = attribution.cue, attribution.speaker
    if cue is not None and start < cue.end and cue.start < end:
        return "author"
    if spk.start is not None and spk.end is not None and start < spk.end and spk.start < end:
        return "author"
    if cue is not None and cue.lemma != "according to":
        frame = tokens.doc.char_span(cue.start, cue.end, alignment_mode="expand")
        if frame is not None and frame.root.is_ancestor(tokens.root):
            return "speaker"
        return "author"
    return "speaker"


def find_cues(
    doc: Doc, cand: Candidate, attribution: Attribution | None = None, learned: bool = True
) -> list[CertaintyCue]:
    """Certainty cues inside the candidate, in text order, never overlapping.

    Args:
        doc: the parsed document.
        cand: the statement candidate.
        attribution: its attribution, used to tell the speaker's hedges from the author's.
        learned: let the shipped cue model (:mod:`claimkit.certainty_model`) keep or drop each
            rule cue and add the candidates the rules rejected; False: the rules alone.
    """
    return weighed_cues(doc, cand, attribution, learned)[0]


def weighed_cues(
    doc: Doc, cand: Candidate, attribution: Attribution | None = None, learned: bool = True
) -> tuple[list[CertaintyCue], list[tuple[str, float]]]:
    """:func:`find_cues`, and the candidates the cue model judged, kept or not, as ``(type,
    probability)`` pairs (none without the model): what the score calibration reads of them."""
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None:
        return [], []
    cues: list[CertaintyCue] = []
    judged: list[tuple[str, float]] = []
    model = certainty_model.load_model() if learned else None
    for tokens, ctype, by_rule in _scan(span, candidates=model is not None):
        if not by_rule and _never_a_guess(tokens[0]):
            continue  # a reproach, a call for more effort, a poll's "likely voters": never a guess
            # (the cue model still learns from them as non-cues)
        scope = "embedded" if is_embedded(_anchor(tokens), span) else "main"
        holder = _holder(tokens, cand, attribution)
        cue = CertaintyCue(tokens.text, tokens.start_char, tokens.end_char, ctype, holder, scope)  # type: ignore[arg-type]
        if model is None or not certainty_model.judged(tokens, ctype, by_rule):
            cues.append(cue)
            continue
        p = certainty_model.cue_probability(model, tokens, cue, by_rule)
        judged.append((ctype, p))
        if p >= model["cue"]["threshold"]:
            # a judged prediction ("said it would close") that the model takes as a cue is a modal
            cues.append(
                dataclasses.replace(cue, type=certainty_model.PREDICTION_CUE_TYPE) if ctype == "prediction" else cue
            )
        elif ctype == "prediction":
            cues.append(cue)  # not a cue of uncertainty: still a prediction, for the kind
    # span.text, not doc.text: Doc.text joins every token of the document on each call
    tail = span.text[cand.start - span.start_char : cand.end - span.start_char].rstrip(_QUOTE_TAIL)
    if tail.endswith("?"):
        q = cand.start + len(tail) - 1
        holder = "speaker" if _in_quote(q, cand) else "author"
        cues.append(CertaintyCue("?", q, q + 1, "question", holder, "main"))  # type: ignore[arg-type]
    return cues, judged


def score_cues(cues: list[CertaintyCue]) -> float:
    """The product of ``1 + weight`` over the cues (weight x 0.6 for embedded ones), in [0, 1].

    Each cue discounts what is left: "may" alone gives 0.55, "Some speculate that this may"
    0.6 x 0.55 = 0.33; a booster multiplies by 1.1 but never lifts the score above 1.
    """
    score = 1.0
    for cue in cues:
        # a prediction or booster keeps its type's weight: "said it would close" is asserted firmly
        weight = lex.CUE_WEIGHTS.get(cue.type, 0.0)
        if cue.type not in lex.NEUTRAL_TYPES:
            weight = lex.WORD_WEIGHTS.get(cue.text.lower(), weight)
        if cue.scope == "embedded":
            weight = max(weight * lex.EMBEDDED_FACTOR, -lex.EMBEDDED_MAX_DISCOUNT)
        score *= 1.0 + weight
    return round(min(1.0, max(0.0, score)), 3)


def assess(doc: Doc, cand: Candidate, attribution: Attribution, learned: bool = True) -> Certainty:
    """The cues (rules, judged by the learned cue model), the label from their weights, the score.

    The label follows from the cue weights (:func:`score_cues`); the reported ``score`` is the
    learned calibration (:func:`claimkit.certainty_model.calibrate`) when a model is shipped.
    """
    cues, judged = weighed_cues(doc, cand, attribution, learned)
    rule_score = score_cues(cues)
    label = label_for(rule_score)
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand") if learned else None
    score = certainty_model.calibrate(span, cues, rule_score, judged) if span is not None else rule_score
    return Certainty(label, score, cues)  # type: ignore[arg-type]
