"""The stanza -> spaCy conversion on real stanza Documents read from hand-written CoNLL-U.

No stanza models are needed: the analyses in tests/data/stanza/*.conllu are written the way
stanza's English (EWT) models annotate, and the claimkit stages must find the same statements
in the converted Doc as in a spaCy parse of the same text.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

if os.environ.get("CI"):
    import stanza  # CI installs it (scripts/setup-stanza.sh): there a missing stanza fails, never skips
else:
    stanza = pytest.importorskip("stanza", reason="stanza is not installed (scripts/setup-stanza.sh installs it)")

import spacy
from spacy.tokens import Doc
from stanza.utils.conll import CoNLL

from claimkit.errors import ModelError
from claimkit.pipeline import analyse
from claimkit.records import Document
from claimkit.stanza_backend import StanzaTokenizer, lines, to_spacy

DATA = Path(__file__).parent / "data" / "stanza"
# What comes before each paragraph of article.conllu: leading blanks, a single line break
# with indentation, blank lines. The text after the last paragraph is a line break.
LEADS = ["  ", "\n\n", "\n  ", "\n\n", "\n\n", "\n\n", "\n", "\n\n"]


def read_paragraphs(name: str) -> list[stanza.Document]:
    """One stanza Document per ``# newdoc`` block, with the text rebuilt from ``# text``."""
    raw = (DATA / name).read_text(encoding="utf-8")
    blocks = [b for b in re.split(r"(?m)^(?=# newdoc)", raw) if b.strip()]
    return [CoNLL.conll2doc(input_str=block, reconstruct_text=True) for block in blocks]


def assemble(sdocs: list[stanza.Document], leads: list[str], tail: str = "\n") -> tuple[str, list]:
    """The article text and the (offset, document) pieces the tokenizer would produce."""
    text, pieces = "", []
    for lead, sdoc in zip(leads, sdocs, strict=True):
        text += lead
        pieces.append((len(text), sdoc))
        text += sdoc.text
    return text + tail, pieces


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("en").vocab


@pytest.fixture(scope="module")
def paragraphs() -> list[stanza.Document]:
    return read_paragraphs("article.conllu")


@pytest.fixture(scope="module")
def article(paragraphs, vocab) -> tuple[str, Doc]:
    text, pieces = assemble(paragraphs, LEADS)
    return text, to_spacy(vocab, text, pieces)


def arcs(doc: Doc, sentence: str) -> list[tuple[str, str, str]]:
    """(word, label, head word) for the words of the sentence that starts with ``sentence``."""
    sent = next(s for s in doc.sents if s.text.strip().startswith(sentence))
    return [(t.text, t.dep_, t.head.text) for t in sent if not t.is_space]


def test_text_and_offsets_are_the_original(article, paragraphs):
    text, doc = article
    assert doc.text == text
    for tok in doc:
        assert text[tok.idx : tok.idx + len(tok.text)] == tok.text
    # every stanza token starts a spaCy token at the same offset in the article
    starts = {t.idx for t in doc}
    _, pieces = assemble(paragraphs, LEADS)
    for offset, sdoc in pieces:
        for sentence in sdoc.sentences:
            for token in sentence.tokens:
                assert token.start_char + offset in starts, token.text


def test_white_space_is_kept_as_spacy_does(article):
    _, doc = article
    assert doc[0].text == "  " and doc[0].is_space and doc[0].pos_ == "SPACE"
    agency = next(t for t in doc if t.text == "agency")
    # two blanks: one is the word's trailing space, the other a space token of its own
    assert agency.whitespace_ == " " and doc[agency.i + 1].text == " " and doc[agency.i + 1].is_space
    assert any(t.text == "\n  " for t in doc)
    assert doc[-1].text == "\n"


def test_sentences_are_stanza_sentences_and_never_cross_lines(article, paragraphs):
    _, doc = article
    assert [s.text.strip() for s in doc.sents] == [s.text for p in paragraphs for s in p.sentences]
    for sent in doc.sents:
        assert "\n" not in sent.text.strip()


def test_reporting_clauses_have_spacy_english_labels(article):
    _, doc = article
    assert arcs(doc, "“We will win") == [
        ("“", "punct", "said"),
        ("We", "nsubj", "win"),
        ("will", "aux", "win"),
        ("win", "ccomp", "said"),
        (",", "punct", "said"),
        ("”", "punct", "said"),
        ("Smith", "nsubj", "said"),
        ("said", "ROOT", "said"),
        (".", "punct", "said"),
    ]
    assert arcs(doc, "Smith said that") == [
        ("Smith", "nsubj", "said"),
        ("said", "ROOT", "said"),
        ("that", "mark", "rise"),
        ("taxes", "nsubj", "rise"),
        ("would", "aux", "rise"),
        ("rise", "ccomp", "said"),
        (".", "punct", "said"),
    ]
    # UD: said -parataxis-> rise (the root); spaCy: rise -ccomp-> said (the root)
    assert arcs(doc, "Taxes will rise") == [
        ("Taxes", "nsubj", "rise"),
        ("will", "aux", "rise"),
        ("rise", "ccomp", "said"),
        (",", "punct", "said"),
        ("Smith", "nsubj", "said"),
        ("said", "ROOT", "said"),
        (".", "punct", "said"),
    ]


def test_prepositions_names_copulas_and_passives_are_restructured(article):
    _, doc = article
    assert arcs(doc, "According to") == [
        ("According", "prep", "fell"),
        ("to", "prep", "According"),
        ("the", "det", "ministry"),
        ("ministry", "pobj", "to"),
        (",", "punct", "fell"),
        ("exports", "nsubj", "fell"),
        ("fell", "ROOT", "fell"),
        ("in", "prep", "fell"),
        ("May", "pobj", "in"),
        (".", "punct", "fell"),
    ]
    assert arcs(doc, "John Smith") == [
        ("John", "compound", "Smith"),
        ("Smith", "nsubj", "said"),
        (",", "punct", "Smith"),
        ("a", "det", "professor"),
        ("professor", "appos", "Smith"),
        ("at", "prep", "professor"),
        ("Ewha", "pobj", "at"),
        (",", "punct", "Smith"),
        ("said", "ROOT", "said"),
        ("the", "det", "plan"),
        ("plan", "nsubj", "is"),
        ("is", "ccomp", "said"),
        ("not", "neg", "is"),
        ("realistic", "acomp", "is"),
        (".", "punct", "said"),
    ]
    assert [a for a in arcs(doc, "The report") if a[1] in {"nsubjpass", "auxpass", "agent", "pobj"}] == [
        ("report", "nsubjpass", "released"),
        ("was", "auxpass", "released"),
        ("by", "agent", "released"),
        ("agency", "pobj", "by"),
        ("Monday", "pobj", "on"),
    ]
    assert arcs(doc, "There may") == [
        ("There", "expl", "be"),
        ("may", "aux", "be"),
        ("be", "ROOT", "be"),
        ("talks", "attr", "be"),
        ("in", "prep", "talks"),
        ("Seoul", "pobj", "in"),
        ("and", "cc", "Seoul"),
        ("Tokyo", "conj", "Seoul"),
        (".", "punct", "be"),
    ]


def test_tags_lemmas_morphology_and_entities(article):
    _, doc = article
    said = next(t for t in doc if t.text == "said")
    assert (said.pos_, said.tag_, said.lemma_) == ("VERB", "VBD", "say")
    assert said.morph.get("Tense") == ["Past"]
    would = next(t for t in doc if t.text == "would")
    assert would.tag_ == "MD" and would.pos_ == "AUX"
    ents = [(e.text, e.label_) for e in doc.ents]
    assert ("John Smith", "PERSON") in ents and ("Ewha", "ORG") in ents and ("May", "DATE") in ents
    assert [e.text for e in doc.ents if e.label_ == "GPE"] == ["Seoul", "Tokyo"]


def test_multi_word_token_spelled_by_its_words_is_split(article):
    text, doc = article
    can = next(t for t in doc if t.text == "can")
    assert text[can.idx : can.idx + 6] == "cannot"
    assert can.whitespace_ == "" and doc[can.i + 1].text == "not" and doc[can.i + 1].idx == can.idx + 3
    assert (can.tag_, doc[can.i + 1].dep_) == ("MD", "neg")


def test_multi_word_token_not_spelled_by_its_words_stays_one_token(vocab):
    (sdoc,) = read_paragraphs("contraction-es.conllu")
    text = sdoc.text
    doc = to_spacy(vocab, text, [(0, sdoc)])
    assert doc.text == text == "Vino del campo."
    assert [(t.text, t.dep_, t.head.text) for t in doc] == [
        ("Vino", "ROOT", "Vino"),
        ("del", "prep", "Vino"),
        ("campo", "pobj", "del"),
        (".", "punct", "Vino"),
    ]


def test_documents_without_offsets_are_aligned_on_their_words(vocab, paragraphs):
    raw = (DATA / "article.conllu").read_text(encoding="utf-8")
    first = re.split(r"(?m)^(?=# newdoc)", raw)[1]
    bare = CoNLL.conll2doc(input_str=first)  # no text, no character offsets
    text = "  " + paragraphs[0].text
    doc = to_spacy(vocab, text, [(0, bare)])
    assert doc.text == text
    assert [t.idx for t in doc if not t.is_space] == [t.start_char + 2 for t in paragraphs[0].sentences[0].tokens]
    with pytest.raises(ModelError, match="does not match the text"):
        to_spacy(vocab, "Something else entirely.", [(0, bare)])


def statements(text: str, doc: Doc) -> list[dict]:
    _, found = analyse(Document("d", text), doc)
    return [s.to_dict() for s in found]


# The learned scores read spaCy's context vectors (doc.tensor), which a stanza parse does not
# have; without them the models score the lexical features alone (docs/stanza.md). So does
# certainty.score, whose calibration reads the certainty cue model's probabilities.
TENSOR_SCORES = ("kind_score", "checkworthiness")


def test_same_statements_as_the_spacy_model(paragraphs, vocab, nlp):
    """Paragraphs 1-7, which en_core_web_sm parses the same way: identical statements, but
    for the scores that read spaCy's context vectors."""
    text, pieces = assemble(paragraphs[:7], [""] + ["\n\n"] * 6)
    from_stanza = statements(text, to_spacy(vocab, text, pieces))
    from_spacy = statements(text, nlp(text))
    for record in from_stanza:
        assert all(0.0 <= record[key] <= 1.0 for key in TENSOR_SCORES)
        assert 0.0 <= record["certainty"]["score"] <= 1.0

    def strip(records: list[dict]) -> list[dict]:
        """The records without the scores that read the context vectors (certainty.score: its
        calibration reads the cue model's probabilities, which read them too)."""
        out = [{k: v for k, v in r.items() if k not in TENSOR_SCORES} for r in records]
        return [{**r, "certainty": {k: v for k, v in r["certainty"].items() if k != "score"}} for r in out]

    assert strip(from_stanza) == strip(from_spacy)
    assert len(from_stanza) == 7
    direct, indirect, according = from_stanza[0], from_stanza[1], from_stanza[2]
    assert direct["text"] == "“We will win,” Smith said."
    # the canonical name is the fullest one the article uses, here only later ("John Smith")
    assert (direct["speaker"]["mention"], direct["speaker"]["name"], direct["cue"]["text"]) == (
        "Smith",
        "John Smith",
        "said",
    )
    assert direct["quote"] in {"direct", "mixed"}  # which of the two is the attribution stage's rule
    assert (indirect["speaker"]["name"], indirect["cue"]["lemma"], indirect["quote"]) == (
        "John Smith",
        "say",
        "indirect",
    )
    assert according["cue"]["text"] == "According to" and according["speaker"]["mention"] == "the ministry"
    assert from_stanza[3]["speaker"]["name"] == "John Smith"
    # "she" after "John Smith": pronouns respect gender, so it is not linked to him
    assert from_stanza[6]["speaker"]["mention"] == "she" and from_stanza[6]["speaker"]["name"] != "John Smith"


def test_same_statements_as_a_hand_built_spacy_parse(paragraphs, vocab):
    """ "Taxes will rise, Smith said." as spaCy's English scheme analyses it, built by hand."""
    sdoc = paragraphs[7]
    text = sdoc.text
    reference = Doc(
        vocab,
        words=["Taxes", "will", "rise", ",", "Smith", "said", "."],
        spaces=[True, True, False, True, True, False, False],
        pos=["NOUN", "AUX", "VERB", "PUNCT", "PROPN", "VERB", "PUNCT"],
        tags=["NNS", "MD", "VB", ",", "NNP", "VBD", "."],
        lemmas=["tax", "will", "rise", ",", "Smith", "say", "."],
        heads=[2, 2, 5, 5, 5, 5, 5],
        deps=["nsubj", "aux", "ccomp", "punct", "nsubj", "ROOT", "punct"],
        ents=["O", "O", "O", "O", "B-PERSON", "O", "O"],
    )
    assert reference.text == text
    from_stanza = statements(text, to_spacy(vocab, text, [(0, sdoc)]))
    assert from_stanza == statements(text, reference)
    (only,) = from_stanza
    assert only["speaker"]["name"] == "Smith" and only["speaker"]["type"] == "person"
    assert only["cue"] == {"text": "said", "start": 23, "end": 27, "lemma": "say"}


class ParsedLines:
    """Stands in for ``stanza.Pipeline.bulk_process``: returns the stanza analysis of each line
    from CoNLL-U, and fails on any text that is not exactly one of those lines."""

    def __init__(self, sdocs: list[stanza.Document]) -> None:
        self.by_text = {d.text: d for d in sdocs}
        self.calls: list[list[str]] = []

    def bulk_process(self, docs: list[stanza.Document]) -> list[stanza.Document]:
        texts = [d.text for d in docs]
        self.calls.append(texts)
        return [self.by_text[t] for t in texts]


def test_tokenizer_parses_line_by_line_and_keeps_offsets(paragraphs, vocab):
    text, _ = assemble(paragraphs, LEADS, tail="\n \n")
    pipeline = ParsedLines(paragraphs)
    nlp = spacy.blank("en")
    nlp.tokenizer = StanzaTokenizer(pipeline, nlp.vocab)
    doc = nlp(text)
    assert pipeline.calls == [[p.text for p in paragraphs]]
    assert doc.text == text
    assert [s.text.strip() for s in doc.sents] == [s.text for p in paragraphs for s in p.sentences]
    assert len(statements(text, doc)) == 8
    for empty in ("", " \n\n\t"):
        doc = nlp(empty)
        assert doc.text == empty and not list(doc.ents)


def test_lines_are_stripped_with_their_offsets():
    text = "  One line.\n\n\tTwo \r\n \n"
    assert list(lines(text)) == [(2, "One line."), (14, "Two")]
    for offset, line in lines(text):
        assert text[offset : offset + len(line)] == line


def test_extractor_with_the_stanza_backend(monkeypatch, tmp_path, paragraphs):
    """Extractor(backend="stanza") end to end: load() reads resources.json, builds the stanza
    Pipeline offline on the CPU, and every later stage runs on the converted Docs."""
    from claimkit.pipeline import Extractor

    created: list[dict] = []

    class Pipeline(ParsedLines):
        def __init__(self, **kwargs) -> None:
            created.append(kwargs)
            super().__init__(paragraphs)

    monkeypatch.setattr(stanza, "Pipeline", Pipeline)
    (tmp_path / "en").mkdir()
    listed = {p: {"default": {}} for p in ("tokenize", "mwt", "pos", "lemma", "depparse")}  # no NER model
    (tmp_path / "resources.json").write_text(json.dumps({"en": listed}), encoding="utf-8")
    extractor = Extractor(backend="stanza", stanza_dir=str(tmp_path))
    assert created == [
        {
            "lang": "en",
            "dir": str(tmp_path),
            "package": "default",
            "processors": "tokenize,pos,lemma,depparse",
            "download_method": None,
            "use_gpu": False,
            "logging_level": "CRITICAL",
        }
    ]
    texts = [p.text + "\n" for p in paragraphs[:2]]
    results = list(extractor.extract([Document(f"d{i}", t) for i, t in enumerate(texts)]))
    assert [r.error for r in results] == [None, None]
    assert [[(s.text, s.speaker.name, s.cue.text) for s in r.statements] for r in results] == [
        [("“We will win,” Smith said.", "Smith", "said")],
        [("Smith said that taxes would rise.", "Smith", "said")],
    ]
