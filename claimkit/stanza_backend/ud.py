"""Universal Dependencies trees reshaped into spaCy's English scheme, the one the stages read.

stanza annotates UD; spaCy's English models (and so claimkit's stages) use ClearNLP labels
and another shape: prepositions head their noun (``prep`` / ``pobj``), a copula heads its
clause (``acomp`` / ``attr``), the last word of a name heads it (``compound``), the
reporting verb heads the reported content (``ccomp``), a conjunction hangs on the first
conjunct. docs/stanza.md has the full table.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

from ..data.reporting import REPORTING_VERBS

# Universal Dependencies relation -> spaCy English (ClearNLP) label, after the tree has been
# restructured by :func:`restructure`. Subtypes not listed fall back to their base relation.
UD_TO_SPACY: dict[str, str] = {
    "root": "ROOT",
    "nsubj:pass": "nsubjpass",
    "nsubj:outer": "nsubj",
    "csubj:pass": "csubjpass",
    "csubj:outer": "csubj",
    "obj": "dobj",
    "iobj": "dative",
    "aux:pass": "auxpass",
    "obl": "npadvmod",
    "obl:agent": "agent",
    "nmod:poss": "poss",
    "nmod:tmod": "npadvmod",
    "nmod:npmod": "npadvmod",
    "nmod:unmarked": "npadvmod",
    "det:poss": "poss",
    "det:predet": "predet",
    "acl:relcl": "relcl",
    "advcl:relcl": "relcl",
    "cc:preconj": "preconj",
    "compound:prt": "prt",
    "flat": "compound",
    "discourse": "intj",
    "vocative": "npadvmod",
    "fixed": "dep",
    "list": "dep",
    "orphan": "dep",
    "goeswith": "dep",
    "reparandum": "dep",
    "dislocated": "dep",
    "clf": "dep",
}
_NEGATIONS = frozenset({"not", "n't", "never", "no"})
# Dependents of a copular predicate that spaCy attaches to the copula instead.
_CLAUSE_DEPS = frozenset(
    {"nsubj", "csubj", "expl", "aux", "mark", "punct", "advcl", "obl", "parataxis", "discourse", "vocative", "cc"}
)
_PREDICATE_ADJ = frozenset({"ADJ", "VERB", "ADV"})


@dataclass
class Unit:
    """One spaCy token in the making: a stanza word (or a merged multi-word token) or a gap."""

    start: int
    end: int
    word: Any = None  # the stanza Word it comes from; None for white space
    sent: int = -1  # global sentence number; -1 for white space
    head: int | None = None  # index of the head unit; None for a sentence root
    dep: str = ""


def label(ud: str) -> str:
    """The spaCy English label of a UD relation (left unchanged when spaCy uses the same name)."""
    if ud in UD_TO_SPACY:
        return UD_TO_SPACY[ud]
    base = ud.split(":", 1)[0]
    return UD_TO_SPACY.get(base, base)


class _Tree:
    """Heads and relations of the word units, with the rewrites from UD to spaCy's shape."""

    def __init__(self, units: list[Unit], span: range) -> None:
        self.units = units
        self.span = span  # the indices of one sentence: trees never cross sentences

    def children(self, i: int) -> list[int]:
        return [j for j in self.span if self.units[j].head == i]

    def upos(self, i: int) -> str:
        return self.units[i].word.upos or ""

    def lower(self, i: int) -> str:
        return self.units[i].word.text.lower()

    def is_preposition(self, i: int) -> bool:
        """A ``case`` marker that is not the possessive ``'s`` (``in``, ``by``, ``According``)."""
        return self.units[i].dep == "case" and self.upos(i) != "PART" and self.units[i].word.xpos != "POS"

    def replace(self, old: int, new: int) -> None:
        """``new`` takes ``old``'s place in the tree; ``old`` becomes a child of ``new``."""
        units = self.units
        units[new].head, units[new].dep = units[old].head, units[old].dep
        for j in self.children(old):
            if j != new:
                units[j].head = new
        units[old].head = new

    def flat_names(self) -> None:
        """``Smith`` -flat-> ``Won-gon`` becomes ``Smith`` -compound-> ``Won-gon``'s head, spaCy style."""
        for i in self.span:
            flats = [j for j in self.children(i) if self.units[j].dep.split(":")[0] == "flat" and j > i]
            if not flats:
                continue
            last = flats[-1]
            self.replace(i, last)
            for j in [i, *flats[:-1]]:
                self.units[j].head, self.units[j].dep = last, "compound"

    def copulas(self) -> None:
        """``taxes are high`` (UD: high heads) becomes ``are`` heading ``taxes`` and ``high``."""
        for pred in self.span:
            cop = next((j for j in self.children(pred) if self.units[j].dep == "cop"), None)
            if cop is None:
                continue
            units = self.units
            units[cop].head, units[cop].dep = units[pred].head, units[pred].dep
            for j in self.children(pred):
                if j != cop and self._clause_level(pred, cop, j):
                    units[j].head = cop
            has_case = any(self.is_preposition(j) for j in self.children(pred))
            if has_case:
                units[pred].dep = "obl"
            elif self.upos(pred) in _PREDICATE_ADJ:
                units[pred].dep = "acomp"
            else:
                units[pred].dep = "attr"
            units[pred].head = cop

    def _clause_level(self, pred: int, cop: int, child: int) -> bool:
        """Whether a dependent of a copular predicate belongs to the clause (the copula) in spaCy."""
        dep = self.units[child].dep
        base = dep.split(":")[0]
        if base in _CLAUSE_DEPS:
            return not (base == "cc" and self.units[pred].dep != "conj")
        if base == "advmod":
            return self.lower(child) in _NEGATIONS or not (cop < child < pred)
        if base == "conj":
            return any(self.units[g].dep.split(":")[0] in {"cop", "nsubj"} for g in self.children(child))
        return False

    def existentials(self) -> None:
        """``There is a chance``: the noun is spaCy's ``attr`` of ``is``, not its subject."""
        for i in self.span:
            if self.units[i].word.lemma != "be":
                continue
            kids = self.children(i)
            if any(self.units[j].dep.startswith("expl") for j in kids):
                for j in kids:
                    if self.units[j].dep == "nsubj":
                        self.units[j].dep = "attr"

    def prepositions(self) -> None:
        """``in May`` (UD: May -case-> in) becomes ``in`` -prep-> head, ``May`` -pobj-> ``in``.

        A fixed expression (``according to``) becomes a chain: according -prep-> to -pobj-> X.
        """
        for noun in self.span:
            base = self.units[noun].dep.split(":")[0]
            if base not in {"obl", "nmod"} or self.units[noun].dep == "nmod:poss":
                continue
            case = next((j for j in self.children(noun) if self.is_preposition(j) and j < noun), None)
            if case is None:
                continue
            units = self.units
            chain = [case, *(j for j in self.children(case) if units[j].dep == "fixed")]
            units[case].head = units[noun].head
            units[case].dep = "agent" if units[noun].dep == "obl:agent" else "prep"
            for prev, nxt in itertools.pairwise(chain):
                units[nxt].head, units[nxt].dep = prev, "prep"
            units[noun].head, units[noun].dep = chain[-1], "pobj"

    def subtree(self, i: int) -> list[int]:
        """``i`` and all its descendants."""
        out, todo = [i], [i]
        while todo:
            kids = self.children(todo.pop())
            out.extend(kids)
            todo.extend(kids)
        return out

    def reports(self) -> None:
        """``Taxes will rise, Smith said``: UD makes the report a ``parataxis`` of the content;
        spaCy makes the reporting verb the root and the content its ``ccomp``."""
        for verb in self.span:
            unit = self.units[verb]
            head = unit.head
            if unit.dep != "parataxis" or head is None or self.units[head].head is not None:
                continue
            if (unit.word.lemma or "").lower() not in REPORTING_VERBS:
                continue
            if not any(self.units[j].dep.startswith("nsubj") for j in self.children(verb)):
                continue
            unit.head, unit.dep = None, "root"
            self.units[head].head, self.units[head].dep = verb, "ccomp"

    def edge_punctuation(self) -> None:
        """Quote marks and commas around a quotation or an apposition hang on the word outside
        (spaCy: the reporting verb, the noun), not on the quoted clause or apposition (UD)."""
        for inner in self.span:
            unit = self.units[inner]
            if unit.dep not in {"appos", "ccomp"} or unit.head is None:
                continue
            while True:
                tree = self.subtree(inner)
                edges = {min(tree), max(tree)} - {inner}
                punct = [j for j in edges if self.units[j].head == inner and self.units[j].dep == "punct"]
                if not punct:
                    break
                for j in punct:
                    self.units[j].head = unit.head

    def coordination(self) -> None:
        """A conjunction hangs on the first conjunct (spaCy), not the next one (UD)."""
        for unit in (self.units[i] for i in self.span):
            if unit.dep.split(":")[0] == "cc" and unit.head is not None:
                head = self.units[unit.head]
                if head.dep == "conj" and head.head is not None:
                    unit.head = head.head

    def relabel(self) -> None:
        """Negations and infinitival ``to`` get spaCy's ``neg`` and ``aux``."""
        for i in self.span:
            unit = self.units[i]
            if unit.dep == "advmod" and self.lower(i) in _NEGATIONS - {"no"}:
                unit.dep = "neg"
            elif unit.dep == "mark" and unit.word.xpos == "TO":
                unit.dep = "aux"


def restructure(words: list[Unit]) -> None:
    """Rewrite the UD trees of ``words`` (in place) into spaCy's English shape."""
    start = 0
    for end in range(1, len(words) + 1):
        if end == len(words) or words[end].sent != words[start].sent:
            tree = _Tree(words, range(start, end))
            tree.flat_names()
            tree.copulas()
            tree.existentials()
            tree.prepositions()
            tree.reports()
            tree.edge_punctuation()
            tree.coordination()
            tree.relabel()
            start = end
