"""Certainty cues by type, and the weights that turn them into a score.

Single-word cues are looked up by lower-case text and by lemma (one dict lookup per token);
the stage in :mod:`claimkit.certainty` then checks each hit against the parse (part of speech,
dependency) so that "can" of ability, "May" the month or "as soon as possible" are not cues.
Phrases are tuples of lower-case spaCy tokens ("cannot" is "can" + "not"), indexed by their
first token.
"""

from __future__ import annotations

# Modal auxiliaries of possibility. "would", "could" and "should" need more context and are
# checked in claimkit.certainty (conditional "would", past-ability "could", deontic "should").
MODALS: frozenset[str] = frozenset(["may", "might", "could", "would", "must"])

# Lemma or lower-case word -> cue type.
WORD_CUES: dict[str, str] = {
    # speculative verbs and nouns: a guess about what is or will be
    "speculate": "speculative",
    "speculation": "speculative",
    "predict": "speculative",
    "prediction": "speculative",
    "forecast": "speculative",
    "expect": "speculative",
    "expectation": "speculative",
    "anticipate": "speculative",
    "guess": "speculative",
    "rumor": "speculative",
    "rumour": "speculative",
    "rumored": "speculative",
    "rumoured": "speculative",
    "hypothesis": "speculative",
    "hypothesize": "speculative",
    "hypothesise": "speculative",
    "theorize": "speculative",
    "suggest": "speculative",
    "imply": "speculative",
    # doxastic: what someone believes or holds
    "believe": "doxastic",
    "belief": "doxastic",
    "think": "doxastic",
    "suspect": "doxastic",
    "suppose": "doxastic",
    "assume": "doxastic",
    "assumption": "doxastic",
    "presume": "doxastic",
    "consider": "doxastic",
    "regard": "doxastic",
    "doubt": "doxastic",
    "allege": "doxastic",
    "allegation": "doxastic",
    "accuse": "doxastic",
    "accusation": "doxastic",
    "fear": "doxastic",
    "putative": "doxastic",
    "purported": "doxastic",
    # evidential: the writer only has indirect evidence
    "appear": "evidential",
    "seem": "evidential",
    "reportedly": "evidential",
    "allegedly": "evidential",
    "apparently": "evidential",
    "seemingly": "evidential",
    "supposedly": "evidential",
    "purportedly": "evidential",
    "reputedly": "evidential",
    "ostensibly": "evidential",
    "indicate": "evidential",
    # hedges: adverbs and adjectives of probability
    "possibly": "hedge",
    "perhaps": "hedge",
    "probably": "hedge",
    "likely": "hedge",
    "unlikely": "hedge",
    "maybe": "hedge",
    "presumably": "hedge",
    "potentially": "hedge",
    "possible": "hedge",
    "probable": "hedge",
    "possibility": "hedge",
    "probability": "hedge",
    "likelihood": "hedge",
    "conceivably": "hedge",
    "arguably": "hedge",
    # not knowing
    "unclear": "negated_certainty",
    "uncertain": "negated_certainty",
    "uncertainty": "negated_certainty",
    "unknown": "negated_certainty",
    "unconfirmed": "negated_certainty",
    "unverified": "negated_certainty",
    # conditionals (subordinating conjunctions)
    "if": "conditional",
    "unless": "conditional",
    # investigation
    "whether": "investigation",
    # boosters
    "clearly": "booster",
    "certainly": "booster",
    "definitely": "booster",
    "undoubtedly": "booster",
    "obviously": "booster",
    "surely": "booster",
    "indisputably": "booster",
    "unquestionably": "booster",
}

# Multi-token cues: tuple of lower-case tokens -> type. Longest match wins.
PHRASE_CUES: dict[tuple[str, ...], str] = {
    ("can", "not", "be", "ruled", "out"): "negated_certainty",
    ("can", "'t", "be", "ruled", "out"): "negated_certainty",
    ("not", "be", "ruled", "out"): "negated_certainty",
    ("not", "rule", "out"): "negated_certainty",
    ("not", "ruling", "out"): "negated_certainty",
    ("no", "way", "to", "avoid"): "negated_certainty",
    ("not", "clear"): "negated_certainty",
    ("not", "known"): "negated_certainty",
    ("not", "certain"): "negated_certainty",
    ("not", "sure"): "negated_certainty",
    ("no", "evidence"): "negated_certainty",
    ("little", "is", "known"): "negated_certainty",
    ("remains", "to", "be", "seen"): "negated_certainty",
    ("remain", "to", "be", "seen"): "negated_certainty",
    ("no", "guarantee"): "negated_certainty",
    ("not", "necessarily"): "negated_certainty",
    ("there", "are", "predictions"): "speculative",
    ("there", "is", "speculation"): "speculative",
    ("in", "a", "sense"): "hedge",
    ("to", "some", "extent"): "hedge",
    ("to", "a", "certain", "extent"): "hedge",
    ("almost", "certainly"): "hedge",
    ("more", "or", "less"): "hedge",
    ("even", "if"): "conditional",
    ("in", "case"): "conditional",
    ("provided", "that"): "conditional",
    ("whether", "or", "not"): "investigation",
    # "raises questions about the economy's strength" (Szeged: investigation)
    ("raise", "questions"): "investigation",
    ("raises", "questions"): "investigation",
    ("raised", "questions"): "investigation",
    ("raising", "questions"): "investigation",
    ("raise", "the", "question"): "investigation",
    ("raises", "the", "question"): "investigation",
    ("raised", "the", "question"): "investigation",
    ("yet", "to", "be", "seen"): "negated_certainty",
    ("no", "doubt"): "booster",
    ("without", "doubt"): "booster",
    ("of", "course"): "booster",
    ("in", "fact"): "booster",
    ("seen", "as"): "doxastic",
    ("viewed", "as"): "doxastic",
    ("thought", "to"): "doxastic",
    ("can", "be", "said"): "evidential",
    ("can", "see", "that"): "evidential",
    ("said", "to", "be"): "weasel",
    ("is", "said", "to"): "weasel",
    ("are", "said", "to"): "weasel",
    ("it", "is", "said"): "weasel",
}

# Phrases indexed by first token, longest first, for a single left-to-right scan.
PHRASES_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _phrase, _type in sorted(PHRASE_CUES.items(), key=lambda kv: -len(kv[0])):
    PHRASES_BY_FIRST.setdefault(_phrase[0], []).append((_phrase, _type))

# Verbs whose "if"-clause is an indirect question, not a condition ("asked if", "wonders if").
QUESTION_VERBS: frozenset[str] = frozenset(
    ["ask", "wonder", "know", "see", "check", "determine", "question", "inquire", "enquire", "decide", "investigate"]
)

# Verbs of doubt: with an object and no question ("questioned the need for moderators") they
# report the speaker's doubt, a view (type doxastic), not an open question.
DOUBT_VERBS: frozenset[str] = frozenset(["question", "doubt", "dispute"])

# Verbs of deciding whose indirect question ("ruled on whether", "decided whether", "will vote
# on whether") is what the decision is about, not the claim: the "whether" stays an
# investigation cue (Szeged marks it so) but its scope is ``embedded``.
DECISION_VERBS: frozenset[str] = frozenset(
    ["decide", "determine", "rule", "vote", "judge", "settle", "choose", "adjudicate", "deliberate"]
)

# Adjectives that are hedges only with a that-clause ("it is possible that", not "possible dates").
CLAUSE_ADJECTIVES: frozenset[str] = frozenset(["possible", "probable"])

# Nouns that are cues only with a clause ("the belief that ...", not "religious beliefs").
CLAUSE_NOUNS: frozenset[str] = frozenset(
    [
        "belief",
        "assumption",
        "allegation",
        "accusation",
        "expectation",
        "prediction",
        "speculation",
        "hypothesis",
        "rumor",
        "rumour",
        "fear",
        "doubt",
    ]
)

# Adverbs that make "will" a habit or a general truth ("players will often ..."), not a prediction.
HABITUAL_ADVERBS: frozenset[str] = frozenset(
    ["often", "usually", "always", "sometimes", "generally", "typically", "normally", "never", "frequently"]
)

# Nouns that make an attributive "likely" a term of polling, not a hedge: "likely voters" are the
# people a poll screens as likely to vote; "46 percent of likely voters back X" is asserted firmly.
POLL_POPULATIONS: frozenset[str] = frozenset(["voter", "caucusgoer", "goer", "electorate"])

# Words that make "possible"/"likely" etc. a fixed expression, not a hedge ("as soon as possible").
NOT_HEDGE_BEFORE: frozenset[str] = frozenset(["as", "if", "wherever", "whenever", "where"])

# Words that make a DATE a day on the calendar (a scheduled event), unlike "next year" or "soon".
CALENDAR_WORDS: frozenset[str] = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "tomorrow",
        "tonight",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "noon",
        "midnight",
    ]
)

# Prepositions whose phrase is the condition of a modal verb: "Without the grant, the clinic
# would close", "the team would have left without the subsidy" (claimkit.certainty checks where).
CONDITION_PREPOSITIONS: frozenset[str] = frozenset(["without"])

# Prepositions of a deadline: a date after them does not make "will" a scheduled event ("the cut
# will be reversed before April", "will be finished by March 1" are forecasts).
DEADLINE_PREPOSITIONS: frozenset[str] = frozenset(["before", "by"])

# Verbs that make a "will" future a scheduled plan rather than a prediction.
PLAN_VERBS: frozenset[str] = frozenset(
    [
        "visit",
        "meet",
        "succeed",
        "replace",
        "join",
        "hold",
        "attend",
        "travel",
        "host",
        "sign",
        "announce",
        "launch",
        "open",
        "release",
        "begin",
        "start",
        "take",
        "chair",
        "speak",
        "address",
        "tour",
        "arrive",
        "leave",
        "depart",
        "close",
        "end",
        "receive",
        "join",
        "present",
        "publish",
        "vote",
    ]
)

# A plan, deal or law as the subject of "will" and a verb of provision: what it provides, a
# fact ("The project will add two berths"), not a forecast of its outcome ("will create jobs").
PLAN_NOUNS: frozenset[str] = frozenset(
    [
        *("project", "plan", "deal", "agreement", "contract", "lease", "law", "bill", "budget", "measure"),
        *("proposal", "expansion", "program", "programme", "package", "settlement", "ordinance", "policy"),
    ]
)
PROVISION_VERBS: frozenset[str] = frozenset(
    ["add", "include", "require", "provide", "give", "allow", "cost", "fund", "cover", "build", "expand", "extend"]
)

# Verbs of what an action takes: "it would take a century to replace every main", "it would cost
# $2 billion to rebuild": with "would", an estimate, a forecast (claimkit.certainty checks the subject).
ESTIMATE_VERBS: frozenset[str] = frozenset(["take", "cost", "require"])

# "plans to", "is scheduled to": an announced plan stays a fact.
PLAN_WORDS: frozenset[str] = frozenset(["plan", "schedule", "set", "due", "slate", "intend", "arrange", "agree"])

# Adverbs that make "would" a past habit or a future-in-the-past narrative, not a hypothesis.
NARRATIVE_WOULD: frozenset[str] = frozenset(["later", "eventually", "soon", "often", "usually", "never", "always"])

# Deontic modals and phrases: a recommendation (opinion), not uncertainty.
DEONTIC_WORDS: frozenset[str] = frozenset(["should", "must", "ought"])
DEONTIC_VERBS: frozenset[str] = frozenset(["need"])
# "It's time to act", "it is high time for Congress to act": a call to act, like "should"
# (present tense only: "it was time to leave" tells what happened)
ADVICE_NOUNS: frozenset[str] = frozenset(["time"])
# "The city cannot keep betting on luck", "we can't continue to ignore it": the present "can"
# negated on a verb of going on is a call to stop, advice like "should".
PRESENT_CAN: frozenset[str] = frozenset(["can", "ca"])  # the parser splits "can't" into "ca" + "n't"
ADMONITION_VERBS: frozenset[str] = frozenset(["keep", "continue"])
# "could do more", "can do better", "could be doing more": a call for more effort, advice like
# "should", not a guess (the modals with "do" and one of these words as its object or adverb).
MORE_EFFORT_MODALS: frozenset[str] = frozenset(["could", "can", "should", "must"])
MORE_EFFORT_WORDS: frozenset[str] = frozenset(["more", "better"])
# Modals of a counterfactual reproach with "have" and a past participle: "the council could have
# demanded a share", "we should have looked at our own costs first".
REPROACH_MODALS: frozenset[str] = frozenset(["could", "should", "ought"])

# Nouns that frame the content as a view or as a prediction: "the general view of experts is
# that ...", "there are predictions that ...".
OPINION_NOUNS: frozenset[str] = frozenset(
    [
        "view",
        "opinion",
        "belief",
        "assessment",
        "analysis",
        "interpretation",
        "observation",
        "argument",
        "position",
        "stance",
        "consensus",
        "conclusion",
        "judgment",
        "judgement",
        "feeling",
        "impression",
        "perception",
        "criticism",
        "concern",
    ]
)
SPECULATION_NOUNS: frozenset[str] = frozenset(
    ["prediction", "forecast", "speculation", "expectation", "guess", "rumor", "rumour", "possibility", "projection"]
)

# How much each cue type moves the score (1.0 = certain) when it governs the main assertion:
# the score is multiplied by 1 + weight.
CUE_WEIGHTS: dict[str, float] = {
    "modal": -0.4,
    "speculative": -0.4,
    "doxastic": -0.2,
    "evidential": -0.2,
    "hedge": -0.35,
    "conditional": -0.45,
    "investigation": -0.7,
    "question": -0.75,
    "negated_certainty": -0.45,
    # A plain future is asserted firmly (Szeged does not mark it): the cue makes the kind
    # speculation but leaves certainty alone. "rates will likely rise" is lowered by "likely".
    "prediction": 0.0,
    "weasel": -0.1,
    "booster": 0.1,
}

# Words whose strength differs from their type's weight.
WORD_WEIGHTS: dict[str, float] = {
    "may": -0.45,
    "might": -0.5,
    "could": -0.45,
    "would": -0.35,
    "probably": -0.3,
    "likely": -0.3,
    "probable": -0.3,
    "unlikely": -0.5,
    "possibly": -0.45,
    "perhaps": -0.45,
    "maybe": -0.45,
    "whether": -0.7,
    "whether or not": -0.7,
}

# A cue inside a relative clause, a noun modifier or another embedded clause counts this much.
EMBEDDED_FACTOR: float = 0.6
# ... and never discounts the statement by more than this: a clause the statement does not
# assert cannot make its claim merely possible ("The judge ruled on whether ..." is probable).
EMBEDDED_MAX_DISCOUNT: float = 0.35

# Cue types that make the content a guess (kind speculation) when they govern the statement.
SPECULATIVE_TYPES: frozenset[str] = frozenset(
    ["modal", "speculative", "hedge", "conditional", "investigation", "question", "negated_certainty", "prediction"]
)

# Fine tags of the words that open a wh-question ("Why?", "Which districts are hardest hit?",
# "How are local governments coping?"): such a question asks for information and raises no
# possibility, so its "?" does not make the statement speculation (a yes/no question, "Has the
# solidarity started?", still does).
WH_TAGS: frozenset[str] = frozenset(["WRB", "WP", "WDT", "WP$"])

# Cue types that say something about the kind but not about how firmly it is asserted.
NEUTRAL_TYPES: frozenset[str] = frozenset(["prediction", "booster"])

# Words the rules do not take as cues by themselves but the learned cue model may (Szeged marks
# them in some senses): word -> the cue type they get when it does. Also every word of MODALS and
# WORD_CUES that a sense filter rejected is a candidate for the model.
CANDIDATE_CUES: dict[str, str] = {
    "should": "modal",
    "potential": "hedge",
    "estimated": "hedge",
    "estimate": "hedge",
    "until": "conditional",
    "once": "conditional",
    "unless": "conditional",
    "concern": "doxastic",
    "concerns": "doxastic",
    "fear": "doxastic",
    "fears": "doxastic",
    "worry": "doxastic",
    "worries": "doxastic",
    "hope": "doxastic",
    "hopes": "doxastic",
    "questioned": "investigation",
    "tentative": "hedge",
    "plan": "speculative",
    "aim": "speculative",
    "intend": "speculative",
    "proposed": "speculative",
    "alleged": "doxastic",
    "suspected": "doxastic",
    "confident": "doxastic",
    "suggestion": "speculative",
}

# Score thresholds of the labels: certain >= 0.9 > probable >= 0.6 > possible >= 0.3 > unknown.
LABEL_THRESHOLDS: tuple[tuple[float, str], ...] = ((0.9, "certain"), (0.6, "probable"), (0.3, "possible"))

# Hedging that is no uncertainty cue in the Szeged sense but makes a reader rate a finding as
# less certain (features of the score calibration only, fitted on Pei & Jurgens train; they
# change neither the cues nor the label).
# An open question: a call for more research ("Further research is warranted", "More studies
# are needed to confirm ...") or a gap in what is known ("our understanding is still limited").
RESEARCH_NOUNS: frozenset[str] = frozenset(
    ["research", "study", "investigation", "trial", "work", "evaluation", "experiment", "analysis", "data", "evidence"]
)
RESEARCH_MORE: frozenset[str] = frozenset(["further", "additional", "more", "future", "new"])
RESEARCH_NEED: frozenset[str] = frozenset(["need", "warrant", "require", "necessary", "call", "demand"])
KNOWLEDGE_NOUNS: frozenset[str] = frozenset(["knowledge", "understanding"])
KNOWLEDGE_GAPS: frozenset[str] = frozenset(
    ["gap", "limited", "limit", "incomplete", "lack", "lacking", "poor", "poorly", "learn", "unknown", "unclear"]
)
# Approximators: "roughly 16,000 people", "around half", "mostly", "some".
APPROXIMATORS: frozenset[str] = frozenset(
    ["roughly", "approximately", "around", "nearly", "mostly", "partly", "partially", "somewhat", "some"]
)
# Negated degree: "does not fully explain", "not necessarily", "can hardly be translated".
PARTIAL_NEGATION: frozenset[str] = frozenset(
    ["fully", "completely", "entirely", "always", "necessarily", "hardly", "significantly", "so"]
)
