"""The UD -> spaCy tree reshaping keeps a tree: whatever relations stanza assigns, every
sentence still has one root and no cycle, so spaCy can build the Doc. Needs no stanza."""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from claimkit.stanza_backend.ud import UD_TO_SPACY, Unit, label, restructure

RELATIONS = [
    "nsubj", "nsubj:pass", "obj", "obl", "obl:agent", "obl:tmod", "nmod", "nmod:poss", "case", "fixed", "flat",
    "flat:name", "cop", "aux", "mark", "advmod", "punct", "cc", "conj", "appos", "ccomp", "parataxis", "expl",
    "acl:relcl", "det", "amod", "compound", "dep",
]  # fmt: skip
UPOS = ["ADP", "NOUN", "PROPN", "VERB", "AUX", "ADJ", "ADV", "PART", "PUNCT", "PRON"]
WORDS = [("in", "in", "IN"), ("to", "to", "TO"), ("not", "not", "RB"), ("'s", "'s", "POS"), ("is", "be", "VBZ"),
         ("said", "say", "VBD"), ("There", "there", "EX"), ("Smith", "Smith", "NNP"), (",", ",", ",")]  # fmt: skip


@st.composite
def sentences(draw) -> list[Unit]:
    """A random dependency tree: one root, every other word headed by a word placed before it."""
    n = draw(st.integers(1, 12))
    order = draw(st.permutations(range(n)))
    heads: dict[int, int | None] = {order[0]: None}
    for k in range(1, n):
        heads[order[k]] = order[draw(st.integers(0, k - 1))]
    units = []
    for i in range(n):
        text, lemma, xpos = draw(st.sampled_from(WORDS))
        word = SimpleNamespace(text=text, lemma=lemma, xpos=xpos, upos=draw(st.sampled_from(UPOS)))
        dep = "root" if heads[i] is None else draw(st.sampled_from(RELATIONS))
        units.append(Unit(i, i + 1, word, 0, heads[i], dep))
    return units


def roots_and_cycles(units: list[Unit]) -> tuple[int, bool]:
    roots = sum(u.head is None for u in units)
    for start in range(len(units)):
        seen, node = set(), start
        while units[node].head is not None:
            if node in seen:
                return roots, True
            seen.add(node)
            node = units[node].head
    return roots, False


@settings(max_examples=300, deadline=None)
@given(sentences())
def test_restructure_keeps_one_rooted_tree(units):
    restructure(units)
    assert roots_and_cycles(units) == (1, False)
    for unit in units:
        assert label(unit.dep) in set(UD_TO_SPACY.values()) | {unit.dep.split(":")[0]} | {"neg", "pobj", "prep"}


def test_labels_fall_back_to_the_base_relation():
    assert label("nsubj:pass") == "nsubjpass"
    assert label("obl:npmod") == "npadvmod"
    assert label("acl:relcl") == "relcl"
    assert label("advmod:emph") == "advmod"
    assert label("root") == "ROOT"
