"""Reporting expressions: verbs and phrases that introduce what someone said or thinks."""

from __future__ import annotations

import re

# Lemmas of verbs that report speech or thought ("said", "argued", "was quoted as saying").
REPORTING_VERBS: frozenset[str] = frozenset(
    [
        "accuse",
        "liken",
        "compare",
        "issue",
        "release",
        "identify",
        "sound",
        "portray",
        "acknowledge",
        "add",
        "admit",
        "advise",
        "advocate",
        "affirm",
        "agree",
        "allege",
        "announce",
        "answer",
        "anticipate",
        "apologise",
        "apologize",
        "applaud",
        "argue",
        "ask",
        "assail",
        "assert",
        "assure",
        "attack",
        "believe",
        "blame",
        "blast",
        "boast",
        "brag",
        "call",
        "caution",
        "challenge",
        "charge",
        "chide",
        "cite",
        "claim",
        "comment",
        "complain",
        "concede",
        "conclude",
        "concur",
        "condemn",
        "confirm",
        "congratulate",
        "contend",
        "contest",
        "counter",
        "criticise",
        "criticize",
        "critique",
        "declare",
        "decry",
        "defend",
        "demand",
        "denounce",
        "deny",
        "describe",
        "disclose",
        "discuss",
        "dismiss",
        "dispute",
        "doubt",
        "echo",
        "email",
        "emphasise",
        "emphasize",
        "endorse",
        "estimate",
        "expect",
        "explain",
        "express",
        "float",
        "forecast",
        "fume",
        "grumble",
        "guess",
        "hail",
        "highlight",
        "hint",
        "hope",
        "imply",
        "indicate",
        "insist",
        "joke",
        "lambaste",
        "lament",
        "lash",
        "laud",
        "maintain",
        "mention",
        "mock",
        "muse",
        "note",
        "observe",
        "opine",
        "plead",
        "pledge",
        "point",
        "ponder",
        "posit",
        "praise",
        "predict",
        "proclaim",
        "project",
        "promise",
        "propose",
        "protest",
        "question",
        "quip",
        "quote",
        "rail",
        "reassure",
        "rebuke",
        "rebut",
        "recall",
        "recite",
        "reckon",
        "recommend",
        "refer",
        "reiterate",
        "reject",
        "remark",
        "remind",
        "repeat",
        "reply",
        "report",
        "respond",
        "retort",
        "reveal",
        "say",
        "scoff",
        "scold",
        "shout",
        "signal",
        "slam",
        "speculate",
        "state",
        "stress",
        "suggest",
        "suspect",
        "swear",
        "tell",
        "testify",
        "theorize",
        "think",
        "tout",
        "tweet",
        "underline",
        "urge",
        "vow",
        "warn",
        "wonder",
        "write",
        "yell",
    ]
)

# Verbs that report thought or evaluation rather than speech: their content is an opinion.
OPINION_VERBS: frozenset[str] = frozenset(
    [
        "believe",
        "think",
        "feel",
        "argue",
        "contend",
        "consider",
        "hope",
        "doubt",
        "suspect",
        "reckon",
        "insist",
        "maintain",
        "opine",
        "recommend",
        "urge",
        "advise",
        "criticize",
        "criticise",
        "view",
        "opinion",
        "belief",
        "assessment",
        "analysis",
        "observation",
        "argument",
        "criticism",
    ]
)

# Verbs of attack and retort (lemmas): what such a speech act says in a clause or a quotation is
# a criticism, an opinion, like "criticized" ("X swiped at the mayor in a series of posts: '...'",
# "X slammed the plan as 'a giveaway'"). With an object only ("X attacked the plan") the
# statement reports the act: left to the other rules. Phrasal ones are verb + particle.
ATTACK_VERBS: frozenset[str] = frozenset(
    [
        *("swipe", "slam", "blast", "lambaste", "lambast", "attack", "assail", "berate", "rebuke", "chide"),
        *("scold", "mock", "ridicule", "deride", "denounce", "condemn", "decry", "excoriate", "castigate"),
        *("pillory", "skewer", "taunt", "jab", "lash", "disparage", "belittle"),
    ]
)
ATTACK_PARTICLE_VERBS: frozenset[tuple[str, str]] = frozenset(
    [("fire", "back"), ("hit", "back"), ("hit", "out"), ("strike", "back"), ("shoot", "back"), ("lash", "out")]
)

# Opinion verbs of belief (not of argument or wish): a forecast believed is still a forecast,
# so "I suspect the money will go to ...", "Analysts think prices will fall" are speculation,
# while "They argue that more trucks will worsen air quality" stays an opinion.
BELIEF_VERBS: frozenset[str] = frozenset(["believe", "think", "suspect", "reckon", "doubt", "feel"])

# Cue lemmas (verbs, and the report nouns of "there are predictions that") whose content is a
# guess about the future or a possibility.
SPECULATION_VERBS: frozenset[str] = frozenset(
    [
        *("speculate", "predict", "forecast", "guess", "expect", "estimate", "anticipate", "project", "wonder"),
        *("prediction", "speculation", "expectation", "projection", "possibility", "rumor", "rumour"),
    ]
)

# Multi-word sourcing phrases; the source follows them ("according to the ministry").
ACCORDING_PHRASES: tuple[str, ...] = ("according to", "as reported by", "citing", "in the words of", "as quoted by")

# Nouns that carry a report as "the X that ..." / "X is that ...": "the general view of
# experts is that", "there are predictions that", "an observation that".
REPORT_NOUNS: frozenset[str] = frozenset(
    [
        "view",
        "opinion",
        "belief",
        "assessment",
        "analysis",
        "observation",
        "prediction",
        "predictions",
        "forecast",
        "speculation",
        "expectation",
        "expectations",
        "claim",
        "claims",
        "argument",
        "assertion",
        "possibility",
        "rumor",
        "rumors",
        "rumour",
        "rumours",
        "allegation",
        "allegations",
        "projection",
        "projections",
        "observations",
        "views",
        "concern",
        "concerns",
        "criticism",
        "warning",
        "suggestion",
        "estimate",
        "position",
        "stance",
        "consensus",
    ]
)

# Words that make a speaker vague ("some say", "experts believe"): type anonymous / group.
VAGUE_SPEAKERS: frozenset[str] = frozenset(
    [
        "some",
        "others",
        "many",
        "few",
        "several",
        "critics",
        "experts",
        "analysts",
        "observers",
        "officials",
        "sources",
        "source",
        "people",
        "someone",
        "insiders",
        "commentators",
        "pundits",
        "scholars",
        "researchers",
        "residents",
        "voters",
    ]
)

# Words that make a vague speaker anonymous rather than a group: "some say", "a source said",
# "others argue", "there are predictions that" (a report noun with no holder).
ANONYMOUS_WORDS: frozenset[str] = frozenset(
    ["some", "someone", "somebody", "others", "other", "source", "sources", "insiders", "anyone", "people"]
)

# Quantifiers that head a part of a group: "Most of them found that ...", "Some of us argued".
QUANTIFIER_HEADS: frozenset[str] = frozenset(
    ["most", "many", "some", "several", "few", "all", "half", "none", "both", "each", "one", "two", "three"]
)

# Personal pronouns and what they may resolve to.
PERSON_PRONOUNS: frozenset[str] = frozenset(["he", "she", "him", "her"])
GROUP_PRONOUNS: frozenset[str] = frozenset(["they", "them", "we", "us", "it", "its", "their"])
FIRST_PERSON: frozenset[str] = frozenset(["i", "me"])

# Titles and forms of address before a surname: "Professor Park", "Mr. Trump", "Sen. Sanders".
TITLES: frozenset[str] = frozenset(
    [
        *("councilman", "councilwoman", "councilmember", "councillor", "councilor", "alderman", "alderwoman"),
        *("congressman", "congresswoman", "sheriff", "superintendent"),
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "miss",
        "dr",
        "dr.",
        "prof",
        "prof.",
        "professor",
        "sen",
        "sen.",
        "senator",
        "rep",
        "rep.",
        "representative",
        "gov",
        "gov.",
        "governor",
        "president",
        "vice",
        "secretary",
        "minister",
        "premier",
        "chancellor",
        "mayor",
        "judge",
        "justice",
        "gen",
        "gen.",
        "general",
        "col",
        "col.",
        "lt",
        "lt.",
        "capt",
        "capt.",
        "sir",
        "lord",
        "lady",
        "rev",
        "rev.",
        "father",
        "chairman",
        "chairwoman",
        "ambassador",
        "speaker",
        "director",
        "commissioner",
        "attorney",
        "candidate",
        "nominee",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "prime",
        "foreign",
        "deputy",
        "former",
        "chief",
        "leader",
        "house",
    ]
)

# Leading words dropped from a mention to give a speaker's name ("the Chinese authorities").
NAME_DROP_WORDS: frozenset[str] = frozenset(["the", "both", "a", "an", "all", "this", "that", "these", "those"])

# Heads of noun phrases that name an organisation even without a named entity.
ORGANIZATION_NOUNS: frozenset[str] = frozenset(
    [
        *("state", "city", "county", "province", "country", "town", "nation", "municipality"),
        "ministry",
        "government",
        "administration",
        "authorities",
        "side",
        "department",
        "agency",
        "office",
        "committee",
        "commission",
        "council",
        "campaign",
        "party",
        "company",
        "firm",
        "group",
        "organization",
        "organisation",
        "newspaper",
        "network",
        "court",
        "police",
        "army",
        "military",
        "embassy",
        "bureau",
        "white house",
        "kremlin",
        "congress",
        "parliament",
        "senate",
        "board",
        "union",
        "institute",
        "team",
        "regime",
        "cabinet",
        "service",
        "center",
        "centre",
        "foundation",
        "association",
        "coalition",
        # public bodies and documents that speak ("the transit authority said", "the report found")
        *("authority", "port", "report", "study", "survey", "poll", "audit", "evaluation", "memo", "statement"),
        "utility",
        *("diocese", "archdiocese", "church", "parish", "university", "college", "school", "district"),
    ]
)

# Words in a speaker's name or description that make the source of a type.
OFFICIAL_WORDS: frozenset[str] = frozenset(
    [
        "ministry",
        "minister",
        "government",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "official",
        "officials",
        "president",
        "authorities",
        "administration",
        "department",
        "senator",
        "sen.",
        "governor",
        "gov.",
        "congressman",
        "congresswoman",
        "mayor",
        "police",
        "prosecutor",
        "prosecutors",
        "embassy",
        "secretary",
        "white house",
        "kremlin",
        "pentagon",
        "state department",
        "premier",
        "chancellor",
        "ambassador",
        "military",
        "army",
        "side",
        "agency",
        "commission",
        "committee",
        "court",
        "judge",
        "representative",
        "rep.",
        "lawmaker",
        "lawmakers",
        "diplomat",
        "diplomats",
        "cabinet",
    ]
)
PRIVATE_BODY_WORDS: frozenset[str] = frozenset(
    [
        *("firm", "company", "inc.", "inc", "corp.", "corp", "ltd.", "ltd", "llc", "union", "association"),
        *("business", "bank", "club", "team", "league", "startup", "consultancy", "consulting", "charity"),
    ]
)
MEDIA_WORDS: frozenset[str] = frozenset(
    [
        "newspaper",
        "times",
        "post",
        "news",
        "journal",
        "media",
        "tv",
        "television",
        "radio",
        "magazine",
        "reporter",
        "reporters",
        "correspondent",
        "cnn",
        "fox",
        "msnbc",
        "nbc",
        "abc",
        "cbs",
        "bbc",
        "reuters",
        "associated press",
        "ap",
        "afp",
        "yonhap",
        "xinhua",
        "kcna",
        "rodong",
        "tribune",
        "herald",
        "gazette",
        "daily",
        "breitbart",
        "politico",
        "huffington",
        "broadcaster",
        "network",
        "press",
        "outlet",
        "sinmun",
    ]
)
DOCUMENT_WORDS: frozenset[str] = frozenset(
    [
        "report",
        "statement",
        "study",
        "document",
        "documents",
        "survey",
        "poll",
        "polls",
        "data",
        "letter",
        "memo",
        "filing",
        "records",
        "analysis",
        "figures",
        "census",
        "release",
        "email",
        "emails",
        "tweet",
        "transcript",
        "book",
        "paper",
        "indictment",
        "complaint",
        "lawsuit",
        "ruling",
        "order",
        "website",
    ]
)

# Prepositions that introduce the holder of a report noun ("the view of experts").
HOLDER_PREPOSITIONS: frozenset[str] = frozenset(["of", "among", "from", "by"])

# Verbs of attitude, intention and evidence that PolNeAR-style annotation counts as attribution
# ("Clinton wants to raise taxes", "the poll shows that", "Trump called for a ban"). They need
# a complement (a clause or an object) to count, unlike REPORTING_VERBS.
ATTITUDE_VERBS: frozenset[str] = frozenset(
    [
        "want",
        "expect",
        "hope",
        "plan",
        "seek",
        "support",
        "oppose",
        "back",
        "know",
        "see",
        "show",
        "find",
        "feel",
        "call",
        "vow",
        "refuse",
        "intend",
        "fear",
        "worry",
        "demand",
        "thank",
        "favor",
        "favour",
        "prefer",
        "view",
        "consider",
        "regard",
        "recognize",
        "understand",
        "realize",
        "learn",
        "decide",
        "offer",
        "defend",
        "accept",
        "welcome",
        "order",
        "remember",
        "convince",
        "encourage",
    ]
)

# Attitude verbs that count only with a clause: "found that ...", not "found the posts".
CLAUSE_ONLY_VERBS: frozenset[str] = frozenset(["find", "see", "feel", "learn", "show"])

# Verbs whose agentless passive reports an unnamed source ("is expected to", "it is believed that").
IMPERSONAL_PASSIVES: frozenset[str] = frozenset(
    [
        *("expect", "believe", "think", "say", "report", "rumor", "rumour", "understand", "estimate", "project"),
        *("predict", "allege", "consider", "know", "fear", "forecast", "anticipate", "claim", "suspect"),
    ]
)

# Verbs that introduce speech only next to a quotation ("“Go back,” Trump barked", "Cruz
# continued, “...”", "“America is great!” read one").
QUOTE_VERBS: frozenset[str] = frozenset(
    [
        *("continue", "bark", "beam", "chant", "exclaim", "scream", "whisper", "mutter", "sigh", "laugh"),
        *("gush", "snap", "interject", "read", "cry", "thunder", "boom", "crow", "gloat", "chime", "sing"),
        *("smile", "shrug", "nod", "go", "open", "begin", "start", "conclude", "finish", "offer", "put"),
    ]
)

# Definite descriptions that refer back to the last news organisation speaking ("the newspaper").
GENERIC_MEDIA_NOUNS: frozenset[str] = frozenset(
    ["newspaper", "paper", "daily", "agency", "network", "broadcaster", "outlet", "magazine", "tabloid", "channel"]
)

# Sourcing phrases that yield to a reporting verb in the same sentence: in "Citing two officials,
# the newspaper said ...", the newspaper speaks.
SECONDARY_SOURCING: frozenset[str] = frozenset(["citing"])

# Heads of phrases that name a document or artifact, not someone: as the subject of a
# reporting verb they are a source of type ``document``, and the speaker is whoever issued them
# ("The RCMP statement said" -> RCMP) or, when nobody is named, the document itself.
DOCUMENT_NOUNS: frozenset[str] = frozenset(
    [
        *("statement", "report", "study", "complaint", "poem", "paper", "memo", "letter", "document"),
        *("survey", "poll", "lawsuit", "suit", "filing", "indictment", "ruling", "post", "tweet", "email"),
        *("submission", "findings", "book", "article", "release", "transcript", "record", "records", "data"),
        *("analysis", "claim", "affidavit", "petition", "motion", "brief", "note", "website", "video", "ad"),
        *("advertisement", "editorial", "column", "essay", "review", "audit", "list", "figures", "message"),
        *("evaluation", "assessment"),
    ]
)

# What a document does with a clause: "It found that ..." (it = a document named just before).
DOCUMENT_FINDING_VERBS: frozenset[str] = frozenset(["find", "show", "conclude", "estimate", "recommend", "suggest"])

# Subjects that never speak: "The number of cases suggests ..." has no speaker.
# Shares of the people a poll asked ("63 percent", "42%"): speakers only of ANSWER_VERBS.
SHARE_WORDS: frozenset[str] = frozenset(["percent", "percentage", "%"])
NOT_SPEAKERS: frozenset[str] = frozenset(["number", "amount", "total", "share", "rate", *SHARE_WORDS])
# ... except the people a poll asked: "63 percent said ...", "12 percent indicated that ..."
ANSWER_VERBS: frozenset[str] = frozenset(
    [
        *("say", "indicate", "agree", "disagree", "answer", "respond", "believe", "think"),
        *("call", "describe", "consider", "see", "view", "favor", "support", "oppose", "prefer", "want", "back"),
    ]
)

# Verbs of refusal: "declined to comment", "refused to say" report no content.
REFUSAL_VERBS: frozenset[str] = frozenset(["decline", "refuse", "fail", "neglect", "avoid"])
# What one refuses to do that is speech ("declined to comment", "refused to say"); "refused to
# endorse the plan" is an attitude and still attributed.
# Objects of a negated verb of saying that stand for no content ("have not said much about
# ...", "did not say anything", "has said little"): nothing is reported.
EMPTY_SPEECH_OBJECTS: frozenset[str] = frozenset(["much", "anything", "little", "more", "nothing"])
REFUSED_SPEECH: frozenset[str] = frozenset(
    [
        *("say", "tell", "comment", "respond", "answer", "elaborate", "specify", "identify", "name", "discuss"),
        *("declare", "disclose", "reveal", "confirm", "deny", "explain", "speculate", "predict", "state"),
        *("announce", "address", "detail", "give", "provide", "talk", "speak", "divulge", "release"),
    ]
)

# Upper-case line labels that are not transcript speakers ("UPDATE:", "PHOTO:").
NOT_TURN_LABELS: frozenset[str] = frozenset(
    [
        *("note", "editor's note", "editor’s note", "update", "updated", "photo", "photos", "video", "watch"),
        *("related", "source", "sources", "correction", "read more", "advertisement", "click here", "caption"),
        *("credit", "breaking", "exclusive", "opinion", "analysis", "warning", "ps", "p.s", "tags", "share"),
        *("look", "see", "listen", "more", "also", "live", "latest", "background", "timeline", "key"),
    ]
)


# --- What counts as reported content (issue 19) -------------------------------------------
# Subordinators that make a speech act the background of another event: "After the
# newspaper endorsed a candidate, ..." (a plain object then reports nothing).
BACKGROUND_MARKS: frozenset[str] = frozenset(["after", "before", "since", "until", "once", "when", "while"])
# "tells a different story", "told another story": a verdict of the author, not speech.
STORY_IDIOM_WORDS: frozenset[str] = frozenset(["different", "another", "same", "similar", "other", "familiar"])
# "tells only part of the story", "tells half the story".
STORY_PARTS: frozenset[str] = frozenset(["part", "half", "rest"])

# Verbs of deciding on someone else's request and the requests they decide on: "The court has
# rejected a request by X", "the judge denied the motion" is an act, not a report of what the
# court says (no content of its own); "rejected the idea that ..." or "rejected his offer" stay.
DECISION_VERBS: frozenset[str] = frozenset(["reject", "deny", "dismiss", "grant", "refuse"])
PROCEDURAL_OBJECTS: frozenset[str] = frozenset(
    ["request", "motion", "petition", "appeal", "application", "lawsuit", "suit", "bid", "injunction"]
)

# Reporting verbs that report only with an object: "Trump compared Clinton to a con artist"
# (PolNeAR's attribution), not the measure "up 12 percent compared with 2012".
OBJECT_REPORTING_VERBS: frozenset[str] = frozenset(["compare", "issue", "release", "identify", "sound"])

# Verbs of posting and publishing: "X posted: '...'", "posted that ...", "wrote on Facebook that".
POSTING_VERBS: frozenset[str] = frozenset(["post", "tweet", "retweet", "blog", "text", "message", "publish", "write"])
# Nouns of posting and publishing. With a reporting participle ("issued a statement saying
# ...", "released a memo warning that ...") they report what the one who issued them says;
# as where a verb was used ("swiped at Y in a series of posts: '...'", "fired back on X: '...'")
# they make the verb a cue when a quotation or a clause follows.
PUBLISHING_NOUNS: frozenset[str] = frozenset(
    [
        *("statement", "release", "memo", "letter", "post", "tweet", "message", "note", "email", "e-mail"),
        *("video", "op-ed", "column", "essay", "blog", "interview", "speech", "announcement", "communique"),
        *("communiqué", "editorial", "filing", "complaint", "notice", "bulletin", "thread", "reply", "response"),
        *("twitter", "x", "facebook", "instagram", "threads", "truth", "media", "tiktok", "youtube", "podcast"),
    ]
)

# Verbs that place a saying in the course of a talk or exchange: "began by saying", "responded
# by calling", "concluded by implying"; PolNeAR's cue runs from them to the participle.
SEQUENCE_VERBS: frozenset[str] = frozenset(
    ["begin", "open", "start", "respond", "reply", "answer", "conclude", "close", "end", "continue", "follow"]
)

# Verbs of putting out a text, reporting only when the object is one ("issued a statement",
# "released a video", "issued a warning"), not "released the delegates", "issued subpoenas".
RELEASING_VERBS: frozenset[str] = frozenset(["issue", "release"])
RELEASED_NOUNS: frozenset[str] = (
    DOCUMENT_NOUNS
    | PUBLISHING_NOUNS
    | frozenset(["warning", "apology", "plan", "proposal", "recording", "footage", "photo", "image"])
)
# Prepositions that put speech in a publication or a medium ("in a series of posts", "on X").
MEDIUM_PREPOSITIONS: frozenset[str] = frozenset(["in", "on", "via", "through", "with"])
# First-person subjects of the author's voice ("I argued last year that ..."); "we" counts only
# in opinion columns and editorials. Speaker null for the author, always.
AUTHOR_SUBJECTS: frozenset[str] = frozenset(["i"])
# The first person as a subject: the speaker in their own quoted words ("which we consider
# well argued", classify), the author of an editorial or opinion column.
SELF_SUBJECTS: frozenset[str] = frozenset(["i", "we"])
EDITORIAL_SUBJECTS: frozenset[str] = SELF_SUBJECTS
# The possessive of each first-person subject: "My guess is that ..." is the author's own view
# as "I guess that ..." is (a holder of a report noun, read like the subject of a verb).
SELF_POSSESSIVES: dict[str, str] = {"my": "i", "our": "we"}
# "I'm told ...", "we are told ...", "I have learned ...": an anonymous source tells the author.
HEARSAY_VERBS: frozenset[str] = frozenset(["tell", "inform", "brief"])
# Future auxiliaries (lower case, either apostrophe): "we'll be told that ..." predicts a
# telling, reports none.
FUTURE_AUXILIARIES: frozenset[str] = frozenset(["will", "shall", "'ll", "’ll"])


# Raising verbs of appearance: "Kasich appears to have the edge", "the race seemed to shift".
# PolNeAR counts the appearance as an attribution with no source (cue the verb).
APPEARANCE_VERBS: frozenset[str] = frozenset(["seem", "appear"])
# Posting verbs report like "say" (with the content rules above).
REPORTING_VERBS = REPORTING_VERBS | POSTING_VERBS

# Titles in a speaker's mention that make the person an office holder (source ``official``):
# "Mayor Dana Ortiz", "Councilman X", "City Councilwoman X". "chairman", "director", "chief",
# "head" count with a public body ("Board chairman", "Port director"); "president" only as a
# title before the name ("President X", not "Union president X").
OFFICE_TITLES: frozenset[str] = frozenset(
    [
        *("councilman", "councilwoman", "councilmember", "councillor", "councilor", "alderman", "alderwoman"),
        *("congressman", "congresswoman", "sheriff", "superintendent"),
        *("mayor", "governor", "gov.", "senator", "sen.", "councilman", "councilwoman", "councilmember"),
        *("councillor", "councilor", "alderman", "commissioner", "secretary", "minister", "lawmaker", "legislator"),
        *("congressman", "congresswoman", "rep.", "representative", "ambassador", "spokesman", "spokeswoman"),
        *("spokesperson", "official", "premier", "chancellor", "prosecutor", "judge", "superintendent", "sheriff"),
    ]
)
OFFICE_HEADS: frozenset[str] = frozenset(["chairman", "chairwoman", "chair", "director", "chief", "head", "member"])
PUBLIC_BODIES: frozenset[str] = frozenset(
    [
        *("board", "authority", "port", "department", "agency", "commission", "council", "county", "city", "state"),
        *("ministry", "library", "police", "school", "district", "transit", "federal", "government", "court"),
    ]
)

# A person is an official source only with an office in the name, mention or description (the
# institution words of OFFICIAL_WORDS alone, "writes about the Kremlin", make no office), or as
# the head of a public body; and not when the description places the office in a private body
# (PRIVATE_BODY_WORDS: "president of an advisory firm", "a union representative").
PERSON_OFFICE_WORDS: frozenset[str] = OFFICE_TITLES | frozenset(
    ["president", "officials", "diplomat", "mp", "mla", "police", "officer"]
)

# Evaluative words (lemmas, lower case): in an opinion column or an editorial, the author's
# own statement with one of these is a verdict, an opinion ("That confidence is misplaced",
# "the wrong place to look for savings", "waited too long"). A general list of evaluation and
# judgement vocabulary, not drawn from any test text.
EVALUATIVE_WORDS: frozenset[str] = frozenset(
    [
        *("good", "bad", "better", "worse", "best", "worst", "right", "wrong", "fair", "unfair", "wise", "unwise"),
        *("foolish", "smart", "stupid", "absurd", "ridiculous", "shameful", "disgraceful", "disgrace", "scandal"),
        *("scandalous", "outrageous", "unacceptable", "acceptable", "reckless", "careless", "irresponsible"),
        *("responsible", "cruel", "shortsighted", "short-sighted", "naive", "cynical", "hypocritical", "hypocrisy"),
        *("misplaced", "misguided", "mistaken", "mistake", "blunder", "failure", "fail", "broken", "hollow", "empty"),
        *("pointless", "useless", "worthless", "wasteful", "waste", "meaningless", "dangerous", "alarming"),
        *("troubling", "disturbing", "worrying", "welcome", "admirable", "laudable", "commendable", "brave"),
        *("courageous", "cowardly", "timid", "weak", "strong", "sensible", "reasonable", "unreasonable"),
        *("excessive", "inadequate", "insufficient", "too", "overdue", "premature", "painful"),
        *("pleasure", "shame", "pity", "sadly", "unfortunately", "fortunately", "rightly", "wrongly", "clearly"),
        *("obviously", "surely", "merely", "simply", "deserve", "nonsense", "folly", "farce", "fiasco", "mess"),
        *("sham", "travesty", "tragedy", "triumph", "success", "successful", "disaster", "disastrous", "terrible"),
        *("awful", "great", "excellent", "poor", "genuine", "honest", "dishonest", "credible", "incompetent"),
        *("competent", "inept", "negligent", "arrogant", "hopeless", "pathetic", "ugly", "lame", "silly"),
    ]
)
# Sentence adverbs of the author's stance (comment disjuncts): "Unfortunately, the plant closed",
# "the bill was fortunately blocked", "Predictably, the talks failed". In the author's voice they
# evaluate what is told, in any genre: an opinion (claimkit.classify.author_stance). Not manner
# or degree adverbs ("deliberately", "strikingly"), nor those that often just assert ("clearly",
# "obviously", "naturally": NewsSD train + val has "clearly" in two OBJ sentences of four).
STANCE_ADVERBS: frozenset[str] = frozenset(
    [
        *("fortunately", "unfortunately", "sadly", "regrettably", "thankfully", "mercifully", "luckily"),
        *("unluckily", "ironically", "predictably", "unsurprisingly", "shamefully", "tragically"),
        *("alarmingly", "disturbingly", "worryingly", "arguably", "admittedly", "frankly", "hopefully"),
    ]
)
# In a column, the author naming what the fact just told is: "That is a rounding error in a $2.3
# billion budget" (a pointing pronoun as the subject of "is" with a noun), "Riders are the ones
# paying for this standoff" (who "the ones" doing it are): opinions (claimkit.classify).
POINTING_SUBJECTS: frozenset[str] = frozenset(["that", "this"])
IDENTIFYING_NOUNS: frozenset[str] = frozenset(["one"])
# A speaker's evaluation in what is said ("said the cut was unavoidable"): the evaluative words
# less those that often state facts in reported speech ("responsible for the attack", "too",
# "the right to", "strong demand", "a success rate", "clearly stated").
ATTRIBUTED_EVALUATIVE_WORDS: frozenset[str] = (
    EVALUATIVE_WORDS | frozenset(["unavoidable", "unnecessary"])
) - frozenset(
    [
        *("responsible", "too", "right", "fair", "strong", "weak", "clearly", "simply", "merely", "surely"),
        *("obviously", "welcome", "success", "successful", "fail", "failure", "empty", "broken", "pleasure"),
        *("sadly", "unfortunately", "fortunately", "honest", "genuine", "poor", "great", "deserve", "credible"),
    ]
)

# Verbs of commitment: a quoted fragment after one names what was pledged ("pledged ‘continued
# friendly relations’", "vowed ‘a full review’"), an announced plan, not the speaker's evaluation.
COMMITMENT_VERBS: frozenset[str] = frozenset(
    ["pledge", "promise", "vow", "swear", "commit", "undertake", "guarantee", "agree", "resolve"]
)
# Words of feeling about something ("We are pleased with the decision", "said it was disappointed
# by the ruling"): in what a speaker says, predicative and without an infinitive ("pleased to
# announce" is a formula), the speaker's evaluation.
AFFECT_WORDS: frozenset[str] = frozenset(
    [
        *("pleased", "displeased", "delighted", "thrilled", "glad", "happy", "unhappy", "satisfied"),
        *("dissatisfied", "disappointed", "dismayed", "saddened", "outraged", "appalled", "disgusted"),
        *("heartened", "encouraged", "grateful", "proud", "ashamed", "frustrated", "upset", "angry"),
        *("impressed", "unimpressed", "patient", "impatient", "worried", "relieved", "furious", "annoyed"),
    ]
)

# Where an organisation or person publishes a document: "a report on X's website".
PUBLISHING_MEDIA: frozenset[str] = frozenset(
    ["website", "site", "blog", "page", "account", "channel", "feed", "newsletter", "web"]
)

# Prepositions after an unnamed speaker that say who it is ("sources familiar with the talks",
# "some in the community", "an official with the agency", "the lawyer for the society").
QUALIFYING_PREPOSITIONS: frozenset[str] = frozenset(["with", "in", "for", "at", "from", "of", "inside", "close"])

# Marks of a concessive clause ("Although X said ..."), background like BACKGROUND_MARKS.
CONCESSIVE_MARKS: frozenset[str] = frozenset(["although", "though", "whereas"])

# Conjunctions that set the author's own clause against a reported one ("X declared A, but B").
CONTRAST_CONJUNCTIONS: frozenset[str] = frozenset(["but", "yet"])

# A quotation credited with a dash at the end of its paragraph, as in reader-comment round-ups:
# "“He can't answer a question.” ― Esther Tapia" (group 1: the dash, the cue; group 2: the name)
DASH_CREDIT_RE = re.compile(r"[”\"’]\s*([―—])\s*([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}?)\.?$")

# Word forms the spaCy model lemmatises wrongly, with their lemma ("hopes" -> "hop").
LEMMA_FIXES: dict[str, str] = {"hopes": "hope", "hoped": "hope", "hoping": "hope"}

# "In a CNN/ORC poll released Monday, 31% said ...": the poll is the source, "in" the cue.
POLL_PREPOSITIONS: frozenset[str] = frozenset(["in"])
POLL_NOUNS: frozenset[str] = frozenset(["poll", "survey"])  # one poll: "in the polls" is no source

# Verbs of talking that report only with a topic: "talked about immigration", "spoke of the legacy".
TOPIC_VERBS: frozenset[str] = frozenset(["talk", "speak"])
TOPIC_PREPOSITIONS: frozenset[str] = frozenset(["about", "of"])

# Prepositions that are part of a cue even when a clause follows ("called on X to resign").
# "For" before who is to act is part of the cue too ("is calling for the United States to act").
CUE_PREPOSITIONS: dict[str, frozenset[str]] = {
    "call": frozenset(["on", "for"]),
    "push": frozenset(["for"]),
    "press": frozenset(["for"]),
    "ask": frozenset(["for"]),
    "advocate": frozenset(["for"]),
    "lobby": frozenset(["for"]),
    "remark": frozenset(["upon", "on"]),
    "point": frozenset(["to"]),
}
for _verb in ("call", "remark"):
    CUE_PREPOSITIONS[_verb] |= {"upon"}

# Prepositions that stay out of a cue with no clause or object: PolNeAR draws "said" alone in
# "said of Y", "said on Twitter", "said to reporters", "said at a rally" (train: 22 times, with
# the preposition 3), and a "to" of the addressee after a verb of saying ("wrote to the mayor",
# "apologized to his supporters", "boasted to reporters": 10 times, never with it).
UNLINKED_PREPOSITIONS: dict[str, frozenset[str]] = {
    "say": frozenset(["to", "on", "at", "of", "about", "with", "in", "for"]),
    **dict.fromkeys(
        ["write", "apologize", "complain", "assert", "boast", "describe", "explain", "declare", "confide", "tweet"],
        frozenset(["to"]),
    ),
}

# A word right after a cue verb that PolNeAR draws inside the cue, by the verb's lemma: "put it",
# "pleaded guilty", "expressed concern" (PolNeAR train: 6 + 4 + 10 times, against 1).
CUE_OBJECTS: dict[str, frozenset[str]] = {
    "put": frozenset(["it"]),
    "plead": frozenset(["guilty"]),
    "express": frozenset(["concern", "confidence", "doubt", "doubts", "amusement"]),
}

# The manner of a saying after its verb, inside the cue: "said with a laugh", "said with a shrug".
MANNER_NOUNS: frozenset[str] = frozenset(["laugh", "smile", "grin", "shrug", "sigh", "chuckle", "smirk", "wink"])

# Quantifiers floating before the cue verb, inside PolNeAR's cue ("both denounced", "have both urged").
FLOATING_QUANTIFIERS: frozenset[str] = frozenset(["both", "all"])

# Linking verbs of an adjective predicate whose infinitive is a cue: the cue runs from the verb
# ("are more likely to say", "appeared quick to add"; PolNeAR train draws it so 22 times of 23).
COPULAS: frozenset[str] = frozenset(["be", "seem", "appear", "become", "remain"])

# Verbs of urging: their object is who is to act ("urged the senator to resign") unless it is a
# bare noun of what is called for ("Lawmaker urges retaliation on Russia", "advised caution").
CALL_VERBS: frozenset[str] = frozenset(["urge", "advise"])

# Focus adverbs before a source, no part of it in PolNeAR ("even his admirers agree"; a
# quantifier's adverb stays: "only a quarter of Americans", "at least half").
FOCUS_ADVERBS: frozenset[str] = frozenset(["even", "also", "especially", "particularly", "notably"])

# Subordinators that open a clause standing before a parenthetical frame and belonging to the
# content: "If the demands are not met, X said, they will leave" (conditions and concessions;
# "when", "while", "as", "after" more often tell when the saying happened and stay out).
FRONTED_SUBORDINATORS: frozenset[str] = frozenset(["if", "whether", "although", "though", "because", "unless"])

# Words right before a quoted name of a show, book, song or film ("on CBC’s “Power and Politics,”",
# "the author of “Hacked Order,”", "took the stage to “Eye of the Tiger.”"), besides a possessive.
QUOTED_TITLE_LEADS: frozenset[str] = frozenset(
    ["on", "of", "to", "in", "titled", "entitled", "called", "named", "dubbed", "show", "book", "film", "song"]
)

# Verbs that put a question: below the answer's cue they frame it ("Asked whether ..., X said").
QUESTION_VERBS: frozenset[str] = frozenset(["ask", "question", "press", "quiz"])

# Verbs of saying and knowing that join the cue after an infinitive "to" ("demanded *to know*
# whether ...", "refusing *to concede* that ...", "has sought *to distinguish* himself as ..."):
# PolNeAR draws the cue to them. Verbs of acting stay content ("vowed to build the wall").
SPEECH_COMPLEMENTS: frozenset[str] = frozenset(
    [
        "know", "say", "argue", "concede", "clarify", "admit", "portray", "characterize", "tout",
        "convey", "call", "distinguish", "understand", "explain", "describe", "claim", "insist",
        "deny", "acknowledge", "suggest",
    ]
)  # fmt: skip

#: prepositions after the object of a cue that complete what is said ("challenged him *to a
#: debate*", "compared it *with* ...", "praised her *as* ..."); time and place ("in", "at",
#: "after") do not
COMPLEMENT_PREPOSITIONS: frozenset[str] = frozenset(
    ["to", "with", "as", "than", "against", "into", "toward", "towards", "for", "of", "over", "about"]
)

# After a comma, words that open the circumstances of the speaking, no part of the source
# ("Rubio, speaking at a rally,", "Trump, in Kentucky,", "Clinton, during an interview,");
# participles that still say who speaks ("Other candidates, including Fiorina,").
ASIDE_PREPOSITIONS: frozenset[str] = frozenset(["in", "on", "at", "during", "after", "before", "when", "while"])
SOURCE_PARTICIPLES: frozenset[str] = frozenset(["including", "representing", "excluding"])
# Words after a comma that open a circumstance or a manner of the speaker, no part of the source:
# "Cruz, with unconcealed delight,", "Tester, himself up for reelection,".
ASIDE_WORDS: frozenset[str] = frozenset(["with", "himself", "herself", "themselves"])

# The only words that may come before a quotation that the speaker and cue follow ("And “we
# will win,” he said"): with other words before it ("Bemoaning the “phony system,” Trump accused
# ..."), the author's words frame the quotation and the speech is mixed.
QUOTE_LEAD_WORDS: frozenset[str] = frozenset(["", "and", "but", "or", "so", "yet", "then", "still", "now", "again"])

# Heads of an apposition that comments on the whole event of a sentence, not on the noun it
# follows: "X endorsed Y, *the latest chapter* in a rocky relationship", "..., *another sign* of
# labor backing her". The author's framing: neither a speaker's description nor said content.
EVENT_APPOSITIONS: frozenset[str] = frozenset(
    [
        *("chapter", "example", "sign", "step", "move", "twist", "turn", "reversal", "blow", "setback"),
        *("indication", "signal", "escalation", "development", "rebuke", "boost", "shift", "departure"),
        *("episode", "instance"),
    ]
)
# what marks such an apposition as one more in a series of events ("the *latest* chapter")
SERIES_WORDS: frozenset[str] = frozenset(["another", "latest", "newest", "recent", "further", "yet"])

# Verbs of contest whose person object is a rival, not said content ("challenging him in the
# primary"); with an issue ("challenged him on trade", :data:`CONTESTED_ISSUE_PREPOSITIONS`) they report.
CONTEST_VERBS: frozenset[str] = frozenset(["challenge"])
CONTESTED_ISSUE_PREPOSITIONS: frozenset[str] = frozenset(["on", "over", "about", "to"])
