"""Train the certainty model shipped in ``claimkit/data/certainty_model.json`` (``claimkit train``).

Two parts (see :mod:`claimkit.certainty_model`):

- ``cue``: which cue candidates are uncertainty cues. Examples: every candidate the rules
  propose in the statements of FactBank dev and Szeged wiki (``--split dev`` documents of
  both), labelled by whether it overlaps a gold ``<ccue>``. The held-out ``--split test``
  documents of both files are never read. C and the decision threshold are chosen by 5-fold
  cross-validation over the *news* (FactBank) documents, the domain claimkit is for: each
  fold's model (trained on the wiki candidates and the other folds' news candidates) runs the
  whole pipeline on the held-out documents, scored as ``claimkit eval`` scores them
  (sentence uncertainty F1); the wiki candidates are training examples only. The figures
  show how far each setting is from the best in standard errors (:mod:`claimkit.selection`).
- ``score``: ridge regression of Pei & Jurgens ``train`` ratings (1-6) from the statements'
  features with the cue model above in use; alpha and the rating mapped to 1.0 by 5-fold
  cross-validation (Pearson r of the clipped score, as ``claimkit eval`` reads it).
  ``val`` is never read.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from . import certainty, certainty_model, clean, pipeline, selection
from .errors import InputError, UsageError
from .evaluate.gold import GoldDoc
from .evaluate.loaders import load
from .evaluate.metrics import certainty as cert_metric
from .evaluate.scores import PRF
from .evaluate.spans import overlap
from .evaluate.split import part
from .train_kind import SEED, parse

CUE_C_GRID: tuple[float, ...] = (0.1, 0.3, 1.0)
#: Sample weights of a news (FactBank) candidate against a wiki one: the wiki rows outnumber
#: the news rows ten to one, and Wikipedia hedges (weasels, peacocks) are not news hedges. Fixed
#: at 3 by sentence-level 5-fold CV over FactBank dev's training documents (the whole pipeline
#: on each held-out fold: sentence F1 0.834 at weight 1, 0.855 at 3, 0.853 at 10); choosing it
#: per run by the candidates' cue F1, like C, swung between 1 and 10 on the same data.
NEWS_WEIGHT: float = 3.0
THRESHOLD_GRID: tuple[float, ...] = (0.25, 0.3, 0.35, 0.4, 0.45, 0.5)
ALPHA_GRID: tuple[float, ...] = (3.0, 10.0, 30.0, 100.0)
MIN_COUNT = 3
FOLDS = 5
#: Candidates for the rating that maps to a score of 1.0 (5 is "certain" on the Pei & Jurgens
#: 1-6 scale, 6 its top): chosen with alpha by cross-validation, the clip at the top included
#: (a quarter of the predicted ratings are above 5; clipping them all to 1.0 cost 0.008 of CV r).
TOP_GRID: tuple[float, ...] = (5.0, 5.5, 6.0)
#: How much less the ridge penalises the no-cue hedging features (:data:`certainty_model.NO_CUE_HEDGES`)
#: than the lemmas and tags: their columns are multiplied by the scale (penalty alpha / scale**2),
#: chosen with alpha and ``top`` by cross-validation. Each fires on a few dozen of the 1,084
#: findings, and at one shared alpha their weights were shrunk far below what those findings
#: say (the 24 calls for research: mean CV residual -0.82 rating points).
HEDGE_SCALE_GRID: tuple[float, ...] = (1.0, 2.0, 3.0, 5.0)
#: The gold file whose candidates choose C and the threshold (news, unlike Wikipedia).
NEWS_FILE = "factbank-dev.xml"


@dataclass
class Row:
    """One example: binary features, a dense vector, the target, and its group (document)."""

    features: set[str]
    vector: list[float]
    target: float
    group: str
    rule_score: float = 0.0
    news: bool = False


def _statements(docs: Sequence[GoldDoc], parsed: Sequence[Doc] | None = None) -> Any:
    """``(gold doc, spaCy doc, candidate, attribution)`` for every statement of the gold texts
    (parsed here unless their parses are given)."""
    parses = parse([d.document.text for d in docs]) if parsed is None else parsed
    for gold, doc in zip(docs, parses, strict=True):
        for cand, attr in pipeline.attributed(doc, clean.clean(doc.text, gold.document.meta))[0]:
            yield gold, doc, cand, attr


def cue_rows(docs: Sequence[GoldDoc], news: bool = False, parsed: Sequence[Doc] | None = None) -> list[Row]:
    """Every cue candidate of the statements, labelled 1 when it overlaps a gold cue."""
    rows = []
    for gold, doc, cand, attr in _statements(docs, parsed):
        span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
        if span is None:
            continue
        gold_cues = [c for s in gold.sentences for c in s.cues]
        for tokens, ctype, by_rule in certainty._scan(span, candidates=True):
            if not certainty_model.judged(tokens, ctype, by_rule):
                continue
            scope = "embedded" if certainty.is_embedded(certainty._anchor(tokens), span) else "main"
            holder = certainty._holder(tokens, cand, attr)
            cue = certainty.CertaintyCue(tokens.text, tokens.start_char, tokens.end_char, ctype, holder, scope)  # type: ignore[arg-type]
            hit = any(overlap((cue.start, cue.end), g) > 0 for g in gold_cues)
            rows.append(
                Row(
                    certainty_model.cue_features(tokens, cue, by_rule),
                    certainty_model.cue_vector(tokens),
                    float(hit),
                    gold.key,
                    news=news,
                )
            )
    return rows


def score_rows(docs: Sequence[GoldDoc]) -> list[Row]:
    """One row per statement with its sentence's rating (the cue model in use decides the cues)."""
    rows = []
    for gold, doc, cand, attr in _statements(docs):
        span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
        if span is None or gold.sentences[0].value is None:
            continue
        cues, judged = certainty.weighed_cues(doc, cand, attr)
        feats = certainty_model.statement_features(span, cues, judged)
        vector = certainty_model.judged_vector(judged)
        rows.append(Row(feats, vector, gold.sentences[0].value, gold.key, certainty.score_cues(cues)))
    return rows


def _vocab(rows: Sequence[Row]) -> list[str]:
    counts = Counter(f for r in rows for f in r.features)
    return sorted(f for f, n in counts.items() if n >= MIN_COUNT and f != "bias")


def _matrix(rows: Sequence[Row], vocab: Sequence[str], with_score: bool = False) -> Any:
    import numpy as np

    index = {f: i for i, f in enumerate(vocab)}
    dim = len(rows[0].vector) if rows else 0
    x = np.zeros((len(rows), len(vocab) + dim + int(with_score)))
    for n, r in enumerate(rows):
        for f in r.features:
            if f in index:
                x[n, index[f]] = 1.0
        if dim:
            x[n, len(vocab) : len(vocab) + dim] = r.vector
        if with_score:
            x[n, -1] = r.rule_score
    return x


def _folds(rows: Sequence[Row]) -> list[tuple[list[int], list[int]]]:
    from sklearn.model_selection import GroupKFold

    groups = [r.group for r in rows]
    return [(list(a), list(b)) for a, b in GroupKFold(FOLDS).split(rows, groups=groups)]


def _part(vocab: Sequence[str], coef: Sequence[float], bias: float, dim: int, with_score: bool) -> dict[str, Any]:
    n = len(vocab)
    out: dict[str, Any] = {
        "bias": round(float(bias), 4),
        "weights": {f: round(float(w), 4) for f, w in zip(vocab, coef[:n], strict=True) if abs(w) >= 1e-3},
        "vector_weights": [round(float(w), 4) for w in coef[n : n + dim]],
    }
    if with_score:
        out["score_weight"] = round(float(coef[-1]), 4)
    return out


def _fit_cue(rows: Sequence[Row], vocab: Sequence[str], x: Any, c: float) -> dict[str, Any]:
    """A cue part (no threshold yet) fitted on ``rows``, news rows weighted :data:`NEWS_WEIGHT`."""
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=c, solver="liblinear", random_state=SEED)
    clf.fit(x, [int(r.target) for r in rows], sample_weight=[NEWS_WEIGHT if r.news else 1.0 for r in rows])
    return _part(vocab, list(clf.coef_[0]), clf.intercept_[0], len(rows[0].vector) if rows else 0, False)


def _sentence_counts(news: Sequence[tuple[GoldDoc, Doc]], cue: dict[str, Any]) -> list[tuple[PRF, PRF]]:
    """Per document of ``news``: the sentence and cue counts of the pipeline's certainty with
    ``cue`` as the cue model."""
    previous = certainty_model._override
    certainty_model.use({"cue": cue, "score": None})
    counts = []
    try:
        for gold, doc in news:
            statements = [
                {"start": c.start, "end": c.end, "certainty": asdict(certainty.assess(doc, c, a))}
                for c, a in pipeline.attributed(doc, clean.clean(doc.text, gold.document.meta))[0]
            ]
            gold_cues = [c for s in gold.sentences for c in s.cues]
            counts.append(
                (
                    cert_metric.sentence_counts(gold, statements)[0],
                    cert_metric.cue_counts(gold_cues, cert_metric.predicted_cues(statements)),
                )
            )
    finally:
        certainty_model.use(previous)
    return counts


def _grid_order(setting: tuple[float, float]) -> tuple[float, float]:
    """Tie-break of the cue model's settings ``(C, threshold)``: the smallest C, then the lowest
    threshold."""
    return setting


def _sentence_f1(counts: Sequence[tuple[PRF, PRF]]) -> float:
    """The sentence uncertainty F1 of per-document ``(sentence, cue)`` counts."""
    return sum((s for s, _ in counts), PRF()).f1


def train_cue(rows: Sequence[Row], news: Sequence[tuple[GoldDoc, Doc]]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The cue part and its dev figures: the pipeline's sentence (and cue) figures on the news
    documents, cross-validated.

    ``news`` are the news documents (gold, parse) whose rows are among ``rows`` (the other rows
    are always training examples). Each setting of C and the threshold is scored by the sentence
    uncertainty F1 of the held-out news documents, summed over :data:`FOLDS` folds of them, and
    the best one is taken. The figures give each setting's CV F1 and the standard error of its
    difference from the best (:func:`claimkit.selection.paired_standard_errors`): a setting
    within it is a knife edge. The one-standard-error rule was tried here and not taken
    (docs/certainty.md, "Choosing C and the threshold").
    """
    from sklearn.model_selection import GroupKFold

    vocab = _vocab(rows)
    x = _matrix(rows, vocab)
    keys = [g.key for g, _ in news]
    # per setting, each news document's counts when it was held out (in the order of ``news``)
    per_doc: dict[tuple[float, float], list[tuple[PRF, PRF]]] = {}
    for c in CUE_C_GRID:
        held_counts: dict[tuple[float, int], tuple[PRF, PRF]] = {}
        for _, b in GroupKFold(FOLDS).split(keys, groups=keys):
            held = {keys[i] for i in b}
            train = [i for i, r in enumerate(rows) if not (r.news and r.group in held)]
            part_ = _fit_cue([rows[i] for i in train], vocab, x[train], c)
            for threshold in THRESHOLD_GRID:
                got = _sentence_counts([news[i] for i in b], dict(part_, threshold=threshold))
                held_counts.update({(threshold, int(i)): g for i, g in zip(b, got, strict=True)})
        for threshold in THRESHOLD_GRID:
            per_doc[(c, threshold)] = [held_counts[(threshold, i)] for i in range(len(news))]
    scores = {k: _sentence_f1(v) for k, v in per_doc.items()}
    c, threshold = selection.best_setting(scores, _grid_order)
    # how far each setting is from the best, in standard errors (shown, not used to choose)
    errors = selection.paired_standard_errors(per_doc, (c, threshold), _sentence_f1, seed=SEED)
    sentences = sum((s for s, _ in per_doc[(c, threshold)]), PRF())
    cues = sum((q for _, q in per_doc[(c, threshold)]), PRF())
    part_ = dict(_fit_cue(rows, vocab, x, c), threshold=threshold)
    figures = {
        "C": c,
        "news_weight": NEWS_WEIGHT,
        "threshold": threshold,
        "cv_news_sentence_precision": round(sentences.precision, 4),
        "cv_news_sentence_recall": round(sentences.recall, 4),
        "cv_news_sentence_f1": round(sentences.f1, 4),
        "cv_news_cue_f1": round(cues.f1, 4),
        "cv_grid": {f"C={k[0]} threshold={k[1]}": [round(v, 4), round(errors[k], 4)] for k, v in scores.items()},
        "candidates": len(rows),
        "news_candidates": sum(r.news for r in rows),
        "news_documents": len(news),
    }
    return part_, figures


def _pearson(xs: Sequence[float], ys: Sequence[float]) -> float:
    from .evaluate.metrics.certainty_score import pearson

    return pearson(xs, ys) or 0.0


def _by_statement_min(rows: Sequence[Row], values: Sequence[float]) -> tuple[list[float], list[float]]:
    """Per document (finding): the lowest predicted value and the gold rating, as the eval reads them."""
    low: dict[str, float] = {}
    gold: dict[str, float] = {}
    for r, v in zip(rows, values, strict=True):
        low[r.group] = min(low.get(r.group, v), v)
        gold[r.group] = r.target
    keys = sorted(low)
    return [low[k] for k in keys], [gold[k] for k in keys]


def _column_scales(vocab: Sequence[str], width: int, hedge_scale: float) -> Any:
    """Per column of :func:`_matrix`: ``hedge_scale`` for the no-cue hedging features, else 1."""
    import numpy as np

    scales = np.ones(width)
    scales[[i for i, f in enumerate(vocab) if f in certainty_model.NO_CUE_HEDGES]] = hedge_scale
    return scales


def train_score(rows: Sequence[Row]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The score part (ridge regression on the rating) and its cross-validated Pearson r.

    alpha, the hedge features' scale (:data:`HEDGE_SCALE_GRID`) and ``top`` are chosen together
    by the CV Pearson; the shipped weights are those of the unscaled features.
    """
    from sklearn.linear_model import Ridge

    vocab = _vocab(rows)
    x = _matrix(rows, vocab, with_score=True)
    y = [r.target for r in rows]
    best: tuple[float, float, float, float] | None = None
    for alpha in ALPHA_GRID:
        for hedge_scale in HEDGE_SCALE_GRID:
            xs = x * _column_scales(vocab, x.shape[1], hedge_scale)
            pred = [0.0] * len(rows)
            for a, b in _folds(rows):
                reg = Ridge(alpha=alpha).fit(xs[a], [y[i] for i in a])
                for i, p in zip(b, reg.predict(xs[b]), strict=True):
                    pred[i] = float(p)
            for top in TOP_GRID:
                # the score as it is reported, clipped to [0, 1]
                r = _pearson(*_by_statement_min(rows, [certainty_model.rating_score(p, top) for p in pred]))
                if best is None or r > best[0]:
                    best = (r, alpha, hedge_scale, top)
    assert best is not None
    r, alpha, hedge_scale, top = best
    scales = _column_scales(vocab, x.shape[1], hedge_scale)
    reg = Ridge(alpha=alpha).fit(x * scales, y)
    part_ = _part(vocab, list(reg.coef_ * scales), reg.intercept_, len(rows[0].vector), True)
    part_["top"] = top
    return part_, {"alpha": alpha, "hedge_scale": hedge_scale, "top": top, "cv_pearson": round(r, 4)}


def train_certainty(
    news_docs: Sequence[GoldDoc], other_docs: Sequence[GoldDoc], score_docs: Sequence[GoldDoc]
) -> dict[str, Any]:
    """Fit both parts: the cue model on ``news_docs`` + ``other_docs``, then the calibration on ``score_docs``.

    The cue model's C and threshold are chosen by the sentence F1 of the pipeline on the news
    documents, cross-validated.

    Returns the model dict. The cue model is put in use (:func:`certainty_model.use`) while the
    calibration's examples are built, so the calibration sees the cues the pipeline will keep.
    """
    try:
        import sklearn  # noqa: F401
    except ImportError:
        raise UsageError("training needs scikit-learn: pip install scikit-learn") from None
    news_parsed = list(parse([d.document.text for d in news_docs]))
    rows = cue_rows(news_docs, news=True, parsed=news_parsed) + cue_rows(other_docs)
    cue, cue_figures = train_cue(rows, list(zip(news_docs, news_parsed, strict=True)))
    previous = certainty_model._override
    certainty_model.use({"cue": cue, "score": None})
    try:
        score, score_figures = train_score(score_rows(score_docs))
    finally:
        certainty_model.use(previous)
    return {
        "cue": cue,
        "score": score,
        "meta": {
            "trained_on": "cue: Szeged wiki + FactBank dev, --split dev documents only; "
            "score: Pei & Jurgens train (val never read)",
            "cue": cue_figures,
            "score": score_figures,
            "cue_documents": {"news": len(news_docs), "other": len(other_docs)},
            "score_findings": len(score_docs),
            "command": "claimkit train ../shared/data -o claimkit/data",
        },
    }


def build(data: Path) -> dict[str, Any]:
    """Load the training parts from the shared data folder and train."""
    szeged = data / "szeged"
    news, other = (
        [d for d in load(szeged / name, "szeged").docs if part(d.key) == "dev"] for name in (NEWS_FILE, "wiki.xml")
    )
    pj = data / "certainty" / "pei-jurgens-sentence-certainty.jsonl"
    score_docs = [d for d in load(pj, "pei-jurgens").docs if d.part == "train"]
    if not news or not score_docs:
        raise InputError(f"{data}: no training documents found for the certainty model")
    return train_certainty(news, other, score_docs)
