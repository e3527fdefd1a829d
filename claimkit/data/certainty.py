"""Certainty cues by type. Single words match token lower-case text or lemma; phrases match
lower-cased text. Each type lowers (or, for boosters, raises) the certainty score."""

from __future__ import annotations

CUE_WORDS: dict[str, frozenset[str]] = {
    "modal": frozenset(["may", "might", "could", "would", "should", "can"]),
    "speculative": frozenset(["speculate", "predict", "expect", "anticipate", "forecast", "guess"]),
    "doxastic": frozenset(["believe", "think", "suspect", "suppose", "assume", "consider", "doubt"]),
    "evidential": frozenset(
        ["appear", "seem", "reportedly", "allegedly", "apparently", "seemingly", "supposedly", "purportedly"]
    ),
    "hedge": frozenset(
        [
            "possibly",
            "perhaps",
            "probably",
            "likely",
            "unlikely",
            "maybe",
            "presumably",
            "potentially",
            "suggest",
            "indicate",
        ]
    ),
    "conditional": frozenset(["if", "unless", "whether"]),
    "booster": frozenset(["clearly", "certainly", "definitely", "undoubtedly", "obviously", "surely"]),
}

CUE_PHRASES: dict[str, tuple[str, ...]] = {
    "negated_certainty": (
        "cannot be ruled out",
        "can not be ruled out",
        "not be ruled out",
        "no way to avoid",
        "it is unclear",
        "remains unclear",
        "not clear whether",
    ),
    "speculative": ("there are predictions", "some speculate", "it is expected", "is expected to", "are expected to"),
    "hedge": ("in a sense", "to some extent", "it is possible", "the possibility"),
}

# How much each cue type moves the score (1.0 = certain).
CUE_WEIGHTS: dict[str, float] = {
    "modal": -0.35,
    "speculative": -0.4,
    "doxastic": -0.25,
    "evidential": -0.25,
    "hedge": -0.3,
    "conditional": -0.3,
    "investigation": -0.3,
    "question": -0.5,
    "negated_certainty": -0.4,
    "prediction": -0.3,
    "weasel": -0.2,
    "booster": 0.1,
}
