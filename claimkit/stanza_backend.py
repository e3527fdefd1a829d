"""The stanza backend: stanza parses, and its analysis becomes a spaCy ``Doc`` the stages read.

stanza (``pip install 'claimkit[stanza]'``, after a CPU build of torch) is imported only
when this backend is loaded, so the default install stays torch-free. Its models are never
downloaded here: :func:`load` looks in ``stanza_dir``, else ``$STANZA_RESOURCES_DIR``, else
``~/stanza_resources`` or stanza's cache directory, and raises :class:`~claimkit.errors.ModelError` when they are not there.

The conversion (:func:`to_spacy`) keeps the original text: every stanza word becomes a
spaCy token whose ``idx`` is the word's character offset in the text, white space between
words becomes ``whitespace_`` (one space) or a ``SPACE`` token (anything else), so
``doc.text`` is the input exactly. The Universal Dependencies tree is rewritten into the
shape and labels of spaCy's English models (see :data:`UD_TO_SPACY` and docs/stanza.md):
prepositions head their noun (``prep`` / ``pobj``), a copula heads its clause (``acomp`` /
``attr``), the last word of a multi-word name heads it (``compound``), and a conjunction
hangs on the first conjunct. The text is parsed one line at a time, so that, as with the
spaCy backend, no sentence runs across a line break.
"""

from __future__ import annotations

import importlib.util
import itertools
import json
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from .data.reporting import REPORTING_VERBS
from .errors import ModelError

if TYPE_CHECKING:  # pragma: no cover - typing only
    import stanza

DEFAULT_LANG = "en"
DEFAULT_DIR = Path("~/stanza_resources")
PROCESSORS = ("tokenize", "pos", "lemma", "depparse", "ner")
INSTALL_HINT = (
    "install a CPU build of torch first (pip install torch --index-url https://download.pytorch.org/whl/cpu), "
    "then pip install 'claimkit[stanza]'"
)

# Universal Dependencies relation -> spaCy English (ClearNLP) label, after the tree has been
# restructured by :func:`_restructure`. Subtypes not listed fall back to their base relation.
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


# --------------------------------------------------------------------------- conversion


@dataclass
class _Unit:
    """One spaCy token in the making: a stanza word (or a merged multi-word token) or a gap."""

    start: int
    end: int
    word: Any = None  # the stanza Word it comes from; None for white space
    sent: int = -1  # global sentence number; -1 for white space
    head: int | None = None  # index of the head unit; None for a sentence root
    dep: str = ""


def _align(text: str, form: str, pos: int) -> tuple[int, int]:
    """Offsets of ``form`` in ``text`` at or after ``pos``, with only white space skipped."""
    idx = text.find(form, pos)
    if idx < 0 or text[pos:idx].strip():
        raise ModelError(f"stanza token {form!r} does not match the text at offset {pos}")
    return idx, idx + len(form)


def _token_span(text: str, token: Any, offset: int, pos: int) -> tuple[int, int]:
    """The character span of a stanza token in ``text`` (its own offsets, else aligned)."""
    if token.start_char is not None and token.end_char is not None:
        start, end = token.start_char + offset, token.end_char + offset
        if end > start >= pos and end <= len(text):
            return start, end
    return _align(text, token.text, pos)


def _units(text: str, pieces: Iterable[tuple[int, stanza.Document]]) -> tuple[list[_Unit], dict[tuple[int, int], int]]:
    """Word units in text order, and a map (sentence, word id) -> unit index.

    A multi-word token whose words spell its surface text ("cannot" -> can + not) is split
    along them; otherwise ("del" -> de + el) it stays one token carried by its syntactic head.
    """
    units: list[_Unit] = []
    index: dict[tuple[int, int], int] = {}
    pos, sent_no = 0, 0
    for offset, sdoc in pieces:
        for sentence in sdoc.sentences:
            for token in sentence.tokens:
                start, end = _token_span(text, token, offset, pos)
                words = token.words
                surface = text[start:end]
                if len(words) > 1 and "".join(w.text for w in words) == surface:
                    for word in words:
                        index[sent_no, word.id] = len(units)
                        units.append(_Unit(start, start + len(word.text), word, sent_no))
                        start += len(word.text)
                else:
                    ids = {w.id for w in words}
                    carrier = next((w for w in words if w.head not in ids), words[0])
                    for word in words:
                        index[sent_no, word.id] = len(units)
                    units.append(_Unit(start, end, carrier, sent_no))
                pos = end
            sent_no += 1
    return units, index


def _with_gaps(text: str, units: list[_Unit]) -> tuple[list[_Unit], list[bool]]:
    """Insert white-space units between words as spaCy's tokenizer would; return units and spaces.

    One plain space after a word is its ``whitespace_``; any other gap becomes a token of its own.
    """
    out: list[_Unit] = []
    spaces: list[bool] = []
    pos = 0
    for unit in [*units, _Unit(len(text), len(text))]:
        gap_start = pos
        if out and text.startswith(" ", pos) and pos < unit.start:
            spaces[-1] = True
            gap_start += 1
        if gap_start < unit.start:
            out.append(_Unit(gap_start, unit.start))
            spaces.append(False)
        if unit.word is not None:
            out.append(unit)
            spaces.append(False)
        pos = unit.end
    return out, spaces


def _resolve_heads(units: list[_Unit], index: dict[tuple[int, int], int]) -> None:
    """Set each word unit's head (unit index) and UD relation from its stanza word."""
    for i, unit in enumerate(units):
        if unit.word is None:
            continue
        word = unit.word
        unit.dep = word.deprel or "dep"
        head = index.get((unit.sent, word.head)) if word.head else None
        unit.head = head if head != i else None
        if unit.head is None:
            unit.dep = "root"


def to_spacy(vocab: Vocab, text: str, pieces: Iterable[tuple[int, stanza.Document]]) -> Doc:
    """Build one spaCy ``Doc`` over ``text`` from stanza documents of parts of it.

    Args:
        vocab: the vocabulary of the spaCy ``Language`` the doc belongs to.
        text: the original text; ``doc.text`` equals it and token offsets index into it.
        pieces: ``(offset, document)`` pairs in text order; each document's character
            offsets are relative to ``offset`` (a document without offsets, e.g. read from
            CoNLL-U, is aligned on its token forms).

    Returns:
        A parsed ``Doc`` with spaCy English dependency labels, UPOS as ``pos_``, XPOS as
        ``tag_``, lemmas, morphology, sentence boundaries from the trees, and entities.

    Raises:
        ModelError: when stanza's tokens cannot be laid over the text.
    """
    pieces = list(pieces)
    words, index = _units(text, pieces)
    _resolve_heads(words, index)
    _restructure(words)
    units, spaces = _with_gaps(text, words)
    position = {id(u): i for i, u in enumerate(units)}
    heads = [position[id(words[u.head])] if u.head is not None else None for u in units]
    _attach_gaps_positions(units, heads)
    doc = Doc(
        vocab,
        words=[text[u.start : u.end] for u in units],
        spaces=spaces,
        pos=[(u.word.upos or "X") if u.word else "SPACE" for u in units],
        tags=[(u.word.xpos or u.word.upos or "") if u.word else "_SP" for u in units],
        lemmas=[(u.word.lemma or text[u.start : u.end]) if u.word else text[u.start : u.end] for u in units],
        morphs=[_feats(u.word.feats) if u.word else "" for u in units],
        heads=[i if h is None else h for i, h in enumerate(heads)],
        deps=[_label(u.dep) if u.word else "dep" for u in units],
    )
    doc.ents = filter_spans(_entities(doc, pieces))
    return doc


def _attach_gaps_positions(units: list[_Unit], heads: list[int | None]) -> None:
    """Heads for white-space tokens: the word before them, or the first word of the text."""
    first_word = next((i for i, u in enumerate(units) if u.word is not None), None)
    last_word: int | None = None
    for i, unit in enumerate(units):
        if unit.word is not None:
            last_word = i
        else:
            heads[i] = last_word if last_word is not None else first_word


def _feats(feats: str | None) -> str:
    return "" if not feats or feats == "_" else feats


def _label(ud: str) -> str:
    """The spaCy English label of a UD relation (left unchanged when spaCy uses the same name)."""
    if ud in UD_TO_SPACY:
        return UD_TO_SPACY[ud]
    base = ud.split(":", 1)[0]
    return UD_TO_SPACY.get(base, base)


def _entities(doc: Doc, pieces: Sequence[tuple[int, stanza.Document]]) -> list[Span]:
    spans: list[Span] = []
    for offset, sdoc in pieces:
        for ent in sdoc.ents:
            span = doc.char_span(ent.start_char + offset, ent.end_char + offset, ent.type, alignment_mode="expand")
            if span is not None:
                spans.append(span)
    return spans


# --------------------------------------------------------------------------- UD -> spaCy tree


class _Tree:
    """Heads and relations of the word units, with the rewrites from UD to spaCy's shape."""

    def __init__(self, units: list[_Unit], span: range) -> None:
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


def _restructure(words: list[_Unit]) -> None:
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


# --------------------------------------------------------------------------- the backend


_LINE = re.compile(r"[^\n]+")


def lines(text: str) -> Iterator[tuple[int, str]]:
    """``(offset, line)`` for every line of ``text`` that is not blank, stripped of white space."""
    for match in _LINE.finditer(text):
        line = match.group()
        stripped = line.strip()
        if stripped:
            yield match.start() + len(line) - len(line.lstrip()), stripped


class StanzaTokenizer:
    """A spaCy tokenizer that runs a whole stanza pipeline and converts its result.

    Args:
        pipeline: a loaded ``stanza.Pipeline`` (anything with ``bulk_process``).
        vocab: the spaCy vocabulary.
    """

    def __init__(self, pipeline: Any, vocab: Vocab) -> None:
        self.pipeline = pipeline
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        import stanza

        parts = list(lines(text))
        if not parts:
            return to_spacy(self.vocab, text, [])
        sdocs = self.pipeline.bulk_process([stanza.Document([], text=line) for _, line in parts])
        return to_spacy(self.vocab, text, [(offset, sdoc) for (offset, _), sdoc in zip(parts, sdocs, strict=True)])

    def pipe(self, texts: Iterable[str]) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    # spaCy serialisation hooks: the stanza models live in their own directory.
    def to_bytes(self, **kwargs: Any) -> bytes:
        return b""

    def from_bytes(self, _bytes_data: bytes, **kwargs: Any) -> StanzaTokenizer:
        return self

    def to_disk(self, _path: Any, **kwargs: Any) -> None:
        return None

    def from_disk(self, _path: Any, **kwargs: Any) -> StanzaTokenizer:
        return self


def default_dirs() -> list[Path]:
    """Where models are looked for when neither --stanza-dir nor $STANZA_RESOURCES_DIR is set:
    ``~/stanza_resources`` (where stanza < 1.11 put them), then stanza's own cache directory."""
    dirs = [DEFAULT_DIR.expanduser()]
    if importlib.util.find_spec("stanza") is not None:
        from stanza.resources.common import DEFAULT_MODEL_DIR

        dirs.append(Path(DEFAULT_MODEL_DIR))
    return dirs


def resources_dir(stanza_dir: str | None = None) -> tuple[Path, str]:
    """Where the models are looked for, and why there: ``--stanza-dir``, the environment, or the
    first default directory that has a resources.json (else ``~/stanza_resources``)."""
    if stanza_dir:
        return Path(stanza_dir).expanduser(), "--stanza-dir"
    if os.environ.get("STANZA_RESOURCES_DIR"):
        return Path(os.environ["STANZA_RESOURCES_DIR"]).expanduser(), "$STANZA_RESOURCES_DIR"
    candidates = default_dirs()
    found = next((d for d in candidates if (d / "resources.json").is_file()), candidates[0])
    return found, "the default"


def parse_model(model: str | None) -> tuple[str, str]:
    """``"en"`` or ``"en:gum"`` -> (language, package); None means English, default package."""
    lang, _, package = (model or DEFAULT_LANG).partition(":")
    return lang, package or "default"


def _missing_models(lang: str, directory: Path, source: str, reason: str) -> ModelError:
    """The one error for absent or unusable models: where claimkit looked and how to get them."""
    reason = " ".join(reason.split())
    return ModelError(
        f"no usable stanza models for {lang!r} in {directory} (from {source}): {reason}. claimkit looks in "
        f"--stanza-dir, else $STANZA_RESOURCES_DIR, else ~/stanza_resources or stanza's cache directory, and never "
        f"downloads. On a machine with internet run python -c \"import stanza; stanza.download('{lang}', model_dir='stanza_resources')\", "
        f"copy that directory here and pass --stanza-dir DIR or set STANZA_RESOURCES_DIR"
    )


def _processors(directory: Path, lang: str, source: str) -> str:
    """The processors to load: all of :data:`PROCESSORS` that resources.json lists for ``lang``."""
    if not directory.is_dir():
        raise _missing_models(lang, directory, source, "no such directory")
    resources_file = directory / "resources.json"
    if not resources_file.is_file():
        raise _missing_models(lang, directory, source, "no resources.json")
    try:
        resources = json.loads(resources_file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise _missing_models(lang, directory, source, f"resources.json unreadable: {exc}") from None
    entry = resources.get(lang, {})
    lang = entry.get("alias", lang)
    entry = resources.get(lang, {})
    if not (directory / lang).is_dir():
        raise _missing_models(lang, directory, source, f"no {lang}/ directory")
    available = [p for p in PROCESSORS if p in entry or p == "tokenize"]
    if "depparse" not in available:
        raise _missing_models(lang, directory, source, "resources.json lists no depparse model")
    return ",".join(available)


def _require_stanza() -> None:
    """Fail early, before looking for models, when stanza is not installed (no torch import)."""
    if importlib.util.find_spec("stanza") is None:
        raise ModelError(f"the stanza backend needs the stanza package: {INSTALL_HINT}")


def _import_stanza() -> Any:
    _require_stanza()
    try:
        import stanza
    except ImportError as exc:
        raise ModelError(f"stanza is installed but cannot be imported ({exc}): {INSTALL_HINT}") from None
    return stanza


def load(model: str | None = None, stanza_dir: str | None = None) -> Language:
    """A spaCy ``Language`` whose tokenizer runs stanza (tokenize, mwt, pos, lemma, depparse, ner).

    Args:
        model: stanza language code, optionally with a package: ``"en"`` (default), ``"en:gum"``.
        stanza_dir: the stanza resources directory; default $STANZA_RESOURCES_DIR, then
            :func:`default_dirs`.

    Raises:
        ModelError: stanza is not installed, or its models are not in the directory.
    """
    _require_stanza()
    lang, package = parse_model(model)
    directory, source = resources_dir(stanza_dir)
    processors = _processors(directory, lang, source)
    stanza = _import_stanza()
    try:
        pipeline = stanza.Pipeline(
            lang=lang,
            dir=str(directory),
            package=package,
            processors=processors,
            download_method=None,
            use_gpu=False,
            logging_level="CRITICAL",  # while loading only: a failure is reported once, as ModelError
        )
    except Exception as exc:  # stanza raises FileNotFoundError, KeyError, ValueError, its own errors, torch errors
        raise _missing_models(lang, directory, source, f"stanza cannot load them ({exc})") from None
    import spacy

    try:
        nlp = spacy.blank(lang)
    except ImportError:
        nlp = spacy.blank("xx")
    nlp.tokenizer = StanzaTokenizer(pipeline, nlp.vocab)
    return nlp
