"""Learned certainty: which cue candidates are cues, and how certain a statement reads.

The rules of :mod:`claimkit.certainty` propose cue candidates (their own cues, the words a sense
filter rejected, and :data:`claimkit.data.certainty.CANDIDATE_CUES`). Two small linear models,
shipped in ``claimkit/data/certainty_model.json``, then decide:

- ``cue``: logistic regression, P(the candidate is an uncertainty cue in the Szeged sense), from
  its word, type, scope, holder, dependency, head and neighbours, whether a rule took it, where
  its clause sits (:func:`clause_features`), and its row of ``doc.tensor``; trained on FactBank
  dev + Szeged wiki (``--split dev`` documents only), C and threshold chosen by the pipeline's
  sentence F1 on the news (FactBank) documents, cross-validated. Candidates below the threshold are dropped; the label then follows from the
  kept cues' weights as before. Only single words are judged: phrases of the curated list and
  ``prediction`` / ``booster`` cues are kept as the rules found them.
- ``score``: ridge regression of the 1-6 human certainty rating of Pei & Jurgens ``train`` from
  the statement's kept cues, its lemmas (nouns and numbers left out), fine tags, rule score,
  the cue model's probabilities (their sum and maximum, and the judged candidates' types by
  whether they are likely cues) and hedging that is no cue (a call for more research, a gap in
  knowledge, an approximator, a negated degree), mapped to [0, 1] (rating 1 -> 0, the ``top`` rating chosen by
  cross-validation, or more -> 1): the reported ``score``.

Scoring is dictionary lookups and a dot product in plain Python.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any

from spacy.tokens import Span, Token

from . import subjectivity
from .data import certainty as cert_lex
from .data import reporting as rep_lex
from .errors import ModelError
from .linear import linear
from .records import CertaintyCue

MODEL_FILE = "certainty_model.json"
_override: dict[str, Any] | None = None


KEPT_TYPES: frozenset[str] = frozenset(["prediction", "booster"])
#: Prediction words the cue model still judges: a reported "would" ("said the plan would create")
#: is an epistemic cue in some Szeged sentences and a firm report in most.
JUDGED_PREDICTIONS: frozenset[str] = frozenset(["would"])
#: The type a judged prediction gets when the model takes it as an uncertainty cue.
PREDICTION_CUE_TYPE = "modal"


def judged(tokens: Span, ctype: str, by_rule: bool = True) -> bool:
    """Whether the cue model judges a candidate: single words, not boosters nor a "could" the
    rules took (a negated one, "could not attend", is judged), nor the rules' counterfactual
    "without", and of the predictions only
    :data:`JUDGED_PREDICTIONS`.

    Phrases ("in a sense", "cannot be ruled out") come from a curated list and are kept as found.
    """
    if len(tokens) != 1:
        return False
    if ctype == "prediction":
        return tokens[0].lower_ in JUDGED_PREDICTIONS
    if by_rule and ctype == "modal" and tokens[0].lower_ == "could":
        return False  # the rules' "could" stands: a possibility in news, whatever Wikipedia's past "could"
    if by_rule and tokens[0].lower_ in cert_lex.CONDITION_PREPOSITIONS:
        return False  # the rules' counterfactual "without" stands: the corpora mark only its modal
    return ctype not in KEPT_TYPES


def cue_features(tokens: Span, cue: CertaintyCue, by_rule: bool) -> set[str]:
    """Binary features of one cue candidate."""
    root = tokens.root
    doc = tokens.doc
    word = cue.text.lower()
    prev = doc[tokens.start - 1].lower_ if tokens.start > 0 else "<s>"
    nxt = doc[tokens.end].lower_ if tokens.end < len(doc) else "</s>"
    head = root.head
    feats = {
        "bias",
        f"rule={by_rule}",
        f"t={cue.type}",
        f"t={cue.type}/{cue.scope}",
        f"t={cue.type}/{cue.holder}",
        f"w={word}",
        f"w={word}/{by_rule}",
        f"w={word}/{cue.scope}",
        f"dep={root.dep_}",
        f"tag={root.tag_}",
        f"w={word}/dep={root.dep_}",
        f"head={head.lemma_.lower()}",
        f"hdep={head.dep_}",
        f"prev={prev}",
        f"next={nxt}",
        f"w={word}/next={nxt}",
    }
    for child in (*root.children, *head.children):
        if child.dep_ == "neg":
            feats.add("neg")
        elif child.dep_ in {"aux", "auxpass"} and child.i != root.i:
            feats.add(f"aux={child.lower_}")
        elif child.dep_ == "mark" and child.i != root.i:
            feats.add(f"mark={child.lower_}")
    return feats | clause_features(root, word)


#: Relations of a word that belongs to the clause of the verb above it (a modal, an adverb, "if").
_CLAUSE_MEMBER_DEPS = frozenset(["aux", "auxpass", "advmod", "neg", "mark"])
#: Relations of a clause's subject, the expletive "it" included ("it appears that").
_CLAUSE_SUBJECT_DEPS = frozenset(["nsubj", "nsubjpass", "expl"])


def clause_features(root: Token, word: str) -> set[str]:
    """Where the candidate's clause sits: the sentence's main clause or an embedded one (its
    first two relations up the tree), the content of a reporting verb ("said it would"), its
    subject (a pronoun or an entity type), a negation and the verb's tag; the most telling
    ones also paired with the word."""
    verb = root.head if root.dep_ in _CLAUSE_MEMBER_DEPS else root
    path = []
    tok = verb
    while len(path) < 2:
        if tok.head.i == tok.i:
            path.append("ROOT")
            break
        path.append(tok.dep_)
        tok = tok.head
    feats = {
        f"path={'/'.join(path)}",
        f"w={word}/path1={path[0]}",
        f"w={word}/sroot={verb.dep_ == 'ROOT'}",
        f"vtag={verb.tag_}",
        f"w={word}/vtag={verb.tag_}",
    }
    reported = _reporting_head(verb)
    if reported is not None:
        feats.add(f"rep_tag={reported.tag_}")
    feats.add(f"w={word}/reported={reported is not None}")
    subj = next((c for c in verb.children if c.dep_ in _CLAUSE_SUBJECT_DEPS), None)
    if subj is None:
        feats.add(f"w={word}/nosubj")
    else:
        kind = subj.lower_ if subj.pos_ == "PRON" else (subj.ent_type_ or subj.pos_)
        feats |= {f"subj={kind}", f"w={word}/subj={kind}"}
    if any(c.dep_ == "neg" for c in verb.children):
        feats.add(f"w={word}/vneg")
    return feats


def _reporting_head(verb: Token) -> Token | None:
    """The reporting verb whose content clause holds ``verb`` ("said [it would close]"), if any."""
    tok = verb
    while tok.head.i != tok.i:
        if tok.dep_ in {"ccomp", "parataxis"} and tok.head.lemma_ in rep_lex.REPORTING_VERBS:
            return tok.head
        tok = tok.head
    return None


def cue_vector(tokens: Span) -> list[float]:
    """The ``doc.tensor`` row of the candidate's root token (empty without a tensor)."""
    return subjectivity.vector(tokens.doc[tokens.root.i : tokens.root.i + 1])


def cue_probability(model: dict[str, Any], tokens: Span, cue: CertaintyCue, by_rule: bool) -> float:
    """P(the candidate is a cue) under the cue model; it is kept at or above ``model["cue"]["threshold"]``."""
    return probability(model["cue"], cue_features(tokens, cue, by_rule), cue_vector(tokens), 0.0)


#: Fine tags whose lemmas the score calibration leaves out: nouns, numbers and foreign words
#: name the topic, not how firmly it is asserted (cross-validated on Pei & Jurgens train).
TOPIC_TAGS: tuple[str, ...] = ("NN", "CD", "FW")


#: A judged candidate counts as a likely cue for the calibration's features at this probability.
LIKELY_CUE = 0.5

#: The calibration's features for hedging that is no Szeged cue (see :func:`statement_features`):
#: a few findings each, so training penalises their weights less than the lemmas' (a scale
#: chosen by cross-validation, :data:`claimkit.train_certainty.HEDGE_SCALE_GRID`).
OPEN_QUESTION, APPROXIMATOR, PARTIAL_NEGATION = "open_question", "approximator", "partial_negation"
NO_CUE_HEDGES: frozenset[str] = frozenset([OPEN_QUESTION, APPROXIMATOR, PARTIAL_NEGATION])


def statement_features(span: Span, cues: Sequence[CertaintyCue], judged: Sequence[tuple[str, float]] = ()) -> set[str]:
    """Binary features of a statement for the score calibration: its cues, lemmas and tags, and
    the types of the candidates the cue model judged, by whether it found them likely cues.

    Lemmas of nouns and numbers are left out (:data:`TOPIC_TAGS`); every fine tag counts.
    """
    feats = {"bias"}
    if not cues:
        feats.add("nocue")
    for cue in cues:
        word = cue.text.lower()
        feats |= {f"c={cue.type}", f"c={cue.type}/{cue.scope}", f"c={cue.type}/{cue.holder}", f"cw={word}"}
    for ctype, p in judged:
        feats.add(f"p={ctype}/{'likely' if p >= LIKELY_CUE else 'unlikely'}")
    lemmas: set[str] = set()
    for t in span:
        if t.is_punct or t.is_space:
            continue
        lemma, tag, lower = t.lemma_.lower(), t.tag_, t.lower_  # each attribute read once per token
        lemmas.add(lemma)
        feats.add(f"t={tag}")
        if not tag.startswith(TOPIC_TAGS):
            feats.add(f"w={lemma}")
        if lemma in cert_lex.RESEARCH_NOUNS and research_call(t):
            feats.add(OPEN_QUESTION)
        if lower in cert_lex.APPROXIMATORS and t.dep_ in {"advmod", "quantmod", "det"}:
            feats.add(APPROXIMATOR)
        if lower in cert_lex.PARTIAL_NEGATION and is_partial_negation(t):
            feats.add(PARTIAL_NEGATION)
    if lemmas & cert_lex.KNOWLEDGE_NOUNS and lemmas & cert_lex.KNOWLEDGE_GAPS:
        feats.add(OPEN_QUESTION)
    return feats


#: Relations of a research noun to the verb that says it is needed ("research is needed",
#: "warrants further study", "calls for research").
_NEEDED_DEPS = frozenset(["nsubj", "nsubjpass", "dobj", "pobj"])


def research_call(tok: Token) -> bool:
    """A call for more research: a research noun with "further"/"more"/... ("Further research
    ...", "warrants additional study") or the subject or object of a verb or adjective of need
    ("More studies are needed", "the results require confirmation by new trials")."""
    if tok.lemma_.lower() not in cert_lex.RESEARCH_NOUNS or not tok.tag_.startswith("NN"):
        return False
    if any(c.dep_ in {"amod", "advmod"} and c.lower_ in cert_lex.RESEARCH_MORE for c in tok.children):
        return True
    if tok.dep_ not in _NEEDED_DEPS:
        return False
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    return verb.lemma_.lower() in cert_lex.RESEARCH_NEED or any(
        c.dep_ in {"acomp", "oprd"} and c.lemma_.lower() in cert_lex.RESEARCH_NEED for c in verb.children
    )


def is_partial_negation(tok: Token) -> bool:
    """A negated degree or generality ("does not fully explain", "not necessarily"), or "hardly"."""
    if tok.lower_ not in cert_lex.PARTIAL_NEGATION:
        return False
    if tok.lower_ == "hardly":
        return True
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    return any(c.dep_ == "neg" for c in tok.head.children) or (before is not None and before.dep_ == "neg")


def judged_vector(judged: Sequence[tuple[str, float]]) -> list[float]:
    """The score part's dense inputs: the sum of the cue model's probabilities over the judged
    candidates, kept or not (a soft count of hedges), and the highest of them."""
    probs = [p for _, p in judged]
    return [sum(probs), max(probs, default=0.0)]


def calibrate(
    span: Span, cues: Sequence[CertaintyCue], rule_score: float, judged: Sequence[tuple[str, float]] = ()
) -> float:
    """The calibrated score in [0, 1] (``rule_score`` itself when no model is shipped).

    ``judged`` are the ``(type, probability)`` pairs of the candidates the cue model judged
    (:func:`claimkit.certainty.weighed_cues`).
    """
    model = load_model()
    if model is None or model.get("score") is None:
        return rule_score
    part = model["score"]
    rating = linear(part, statement_features(span, cues, judged), judged_vector(judged), rule_score)
    return round(rating_score(rating, part["top"]), 3)


def rating_score(rating: float, top: float) -> float:
    """A predicted 1-6 rating onto [0, 1]: rating 1 is 0.0, a rating of ``top`` or more is 1.0."""
    return min(1.0, max(0.0, (rating - 1.0) / (top - 1.0)))


def use(model: dict[str, Any] | None) -> None:
    """Score with ``model`` instead of the shipped file (None: back to the shipped one); for training."""
    global _override
    _override = model


@cache
def _shipped() -> dict[str, Any] | None:
    try:
        text = resources.files("claimkit.data").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ModelError(f"certainty model claimkit/data/{MODEL_FILE} is not JSON ({exc})") from None


def load_model() -> dict[str, Any] | None:
    """The model in use: the one given to :func:`use`, else the shipped file, else None."""
    return _override if _override is not None else _shipped()


def probability(part: dict[str, Any], feats: set[str], vec: Sequence[float], rule_score: float) -> float:
    """The logistic probability of a linear part."""
    z = linear(part, feats, vec, rule_score)
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))
