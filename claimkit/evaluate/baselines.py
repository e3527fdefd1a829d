"""Baselines printed beside the extractor: simple, fixed yardsticks.

* ``author-fact``: every sentence is a fact asserted by the author (no speaker, certain).
* ``hedge-lexicon``: a sentence with a word of :data:`claimkit.data.baselines.HEDGE_WORDS` is
  speculation with label ``possible`` (the words are its cues); any other sentence is a
  certain fact by the author.
* ``reporting-verb`` (attribution gold only): a sentence with a word of
  :data:`claimkit.data.baselines.REPORTING_WORDS` is attributed: cue = that word, speaker
  mention = the run of capitalised words just before it (else just after it, else the word
  before it), speaker name = the mention; other sentences are author facts.
* ``hedge-count`` (graded certainty gold only): like ``hedge-lexicon``, with score
  ``1 / (1 + number of lexicon words)``.
* ``majority``: every sentence gets the gold set's most frequent sentence label (only for
  sentence-labelled gold such as NewsSD: ``OBJ`` -> fact, ``SUBJ`` -> opinion; for
  check-worthiness gold, ``checkworthiness`` 1 for ``Yes`` and 0 for ``No``).

Check-worthiness gold (``checkthat``, ``claimbuster``) gets its own three instead:
``majority``, ``all-yes`` (every sentence check-worthy) and ``tfidf-lr``: a TF-IDF logistic
regression (scikit-learn defaults, sublinear TF, balanced class weights) trained on
ClaimBuster ``crowdsourced.csv`` beside the gold file, CFS vs the rest; each sentence's
probability is its ``checkworthiness``. It needs scikit-learn and is left out without it
(``notes["tfidf_skipped"]``).

Sentences are the gold sentences when the gold has them, else a plain regular-expression
split of the text (line breaks, and ``.!?`` followed by space and a capital or quote).
"""

from __future__ import annotations

import importlib.util
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..data.baselines import HEDGE_WORDS, REPORTING_WORDS
from .gold import GoldDoc, GoldSet
from .metrics import Preds
from .spans import Span

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n+")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
LABEL_KIND = {"OBJ": "fact", "SUBJ": "opinion"}


def split_sentences(text: str) -> list[Span]:
    """Sentence spans of ``text`` by punctuation and line breaks, white space trimmed."""
    spans, pos = [], 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((pos, m.start() + len(m.group(0).rstrip())) if m.group(0).strip() else (pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    out = []
    for s, e in spans:
        chunk = text[s:e]
        lead = len(chunk) - len(chunk.lstrip())
        s2, e2 = s + lead, s + len(chunk.rstrip())
        if e2 > s2:
            out.append((s2, e2))
    return out


def sentences(doc: GoldDoc) -> list[Span]:
    """The gold sentences of ``doc`` if it has any, else :func:`split_sentences`."""
    if doc.sentences:
        return [(s.start, s.end) for s in doc.sentences]
    return split_sentences(doc.document.text)


def statement(doc: GoldDoc, n: int, span: Span, kind: str, label: str, cues: list[dict[str, Any]]) -> dict[str, Any]:
    """A statement record (dict) for a baseline sentence."""
    start, end = span
    return {
        "id": f"{doc.document.doc_id}:{n}",
        "doc_id": doc.document.doc_id,
        "kind": kind,
        "text": doc.document.text[start:end],
        "start": start,
        "end": end,
        "speaker": None,
        "cue": None,
        "quote": "none",
        "source": None,
        "certainty": {"label": label, "score": 1.0 if label == "certain" else 0.5, "cues": cues},
    }


def hedge_cues(text: str, span: Span) -> list[dict[str, Any]]:
    """Lexicon words inside ``span`` as certainty cues."""
    start, end = span
    return [
        {"text": m.group(0), "start": start + m.start(), "end": start + m.end(), "type": "hedge"}
        for m in _WORD.finditer(text[start:end])
        if m.group(0).lower() in HEDGE_WORDS
    ]


def author_fact(gold: GoldSet) -> Preds:
    return {
        d.document.doc_id: [statement(d, n, sp, "fact", "certain", []) for n, sp in enumerate(sentences(d), 1)]
        for d in gold.docs
    }


def hedge_lexicon(gold: GoldSet) -> Preds:
    out: Preds = {}
    for d in gold.docs:
        rows = []
        for n, sp in enumerate(sentences(d), 1):
            cues = hedge_cues(d.document.text, sp)
            rows.append(statement(d, n, sp, "speculation" if cues else "fact", "possible" if cues else "certain", cues))
        out[d.document.doc_id] = rows
    return out


def hedge_count(gold: GoldSet) -> Preds:
    out = hedge_lexicon(gold)
    for rows in out.values():
        for row in rows:
            row["certainty"]["score"] = round(1 / (1 + len(row["certainty"]["cues"])), 4)
    return out


def _speaker_near(text: str, span: Span, cue: re.Match[str]) -> tuple[int, int] | None:
    """The capitalised words just before ``cue`` (else just after, else the word before)."""
    words = [m for m in _WORD.finditer(text, span[0], span[1])]
    i = next(n for n, m in enumerate(words) if m.start() == cue.start())
    before = []
    for m in reversed(words[:i]):
        if not m.group(0)[0].isupper():
            break
        before.insert(0, m)
    if before:
        return before[0].start(), before[-1].end()
    after = []
    for m in words[i + 1 :]:
        if not m.group(0)[0].isupper():
            break
        after.append(m)
    if after:
        return after[0].start(), after[-1].end()
    return (words[i - 1].start(), words[i - 1].end()) if i else None


def reporting_verb(gold: GoldSet) -> Preds:
    out: Preds = {}
    for d in gold.docs:
        text, rows = d.document.text, []
        for n, sp in enumerate(sentences(d), 1):
            row = statement(d, n, sp, "fact", "certain", [])
            cue = next((m for m in _WORD.finditer(text, sp[0], sp[1]) if m.group(0).lower() in REPORTING_WORDS), None)
            mention = _speaker_near(text, sp, cue) if cue else None
            if cue and mention:
                name = text[mention[0] : mention[1]]
                row["speaker"] = {
                    "name": name,
                    "mention": name,
                    "start": mention[0],
                    "end": mention[1],
                    "type": "person",
                }
                row["cue"] = {
                    "text": cue.group(0),
                    "start": cue.start(),
                    "end": cue.end(),
                    "lemma": cue.group(0).lower(),
                }
                row["kind"], row["quote"] = "opinion", "indirect"
            rows.append(row)
        out[d.document.doc_id] = rows
    return out


def top_label(gold: GoldSet, default: str) -> str:
    """The most frequent gold sentence label (ties: the first in alphabetical order), else ``default``."""
    labels = Counter(s.label for d in gold.docs for s in d.sentences)
    return sorted(labels.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if labels else default


def majority(gold: GoldSet) -> Preds:
    kind = LABEL_KIND.get(top_label(gold, "OBJ"), "fact")
    return {
        d.document.doc_id: [statement(d, n, sp, kind, "certain", []) for n, sp in enumerate(sentences(d), 1)]
        for d in gold.docs
    }


def _scored(gold: GoldSet, scores: list[float]) -> Preds:
    """Each gold sentence as an author fact with the given check-worthiness, sentences in gold order."""
    out: Preds = {}
    it = iter(scores)
    for d in gold.docs:
        rows = []
        for n, sp in enumerate(sentences(d), 1):
            row = statement(d, n, sp, "fact", "certain", [])
            row["checkworthiness"] = round(float(next(it)), 4)
            rows.append(row)
        out[d.document.doc_id] = rows
    return out


def checkworthy_majority(gold: GoldSet) -> Preds:
    yes = top_label(gold, "No") == "Yes"
    return _scored(gold, [1.0 if yes else 0.0] * sum(len(sentences(d)) for d in gold.docs))


def checkworthy_all_yes(gold: GoldSet) -> Preds:
    return _scored(gold, [1.0] * sum(len(sentences(d)) for d in gold.docs))


def tfidf_lr(gold: GoldSet) -> Preds:
    """TF-IDF logistic regression trained on ClaimBuster ``crowdsourced.csv`` (CFS vs the rest)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    from ..train_checkworthy import read_claimbuster

    rows = read_claimbuster(Path(gold.notes["tfidf_train"]))
    vec = TfidfVectorizer(sublinear_tf=True)
    x = vec.fit_transform([t for t, _ in rows])
    clf = LogisticRegression(max_iter=2000, class_weight="balanced").fit(x, [int(v == 1) for _, v in rows])
    texts = [d.document.text[s:e] for d in gold.docs for s, e in sentences(d)]
    return _scored(gold, list(clf.predict_proba(vec.transform(texts))[:, 1]) if texts else [])


def for_gold(gold: GoldSet) -> dict[str, Callable[[GoldSet], Preds]]:
    """The baselines that apply to ``gold``, by name, in print order."""
    if "checkworthiness" in gold.tasks:
        cw: dict[str, Callable[[GoldSet], Preds]] = {"majority": checkworthy_majority, "all-yes": checkworthy_all_yes}
        if "tfidf_train" in gold.notes:
            if importlib.util.find_spec("sklearn") is None:
                gold.notes["tfidf_skipped"] = "scikit-learn is not installed (pip install 'claimkit[train]')"
            else:
                cw["tfidf-lr"] = tfidf_lr
        return cw
    out: dict[str, Callable[[GoldSet], Preds]] = {"author-fact": author_fact, "hedge-lexicon": hedge_lexicon}
    if "attribution" in gold.tasks or "speakers" in gold.tasks:
        out["reporting-verb"] = reporting_verb
    if "subjectivity" in gold.tasks:
        out["majority"] = majority
    if "certainty_score" in gold.tasks:
        out["hedge-count"] = hedge_count
    return out
