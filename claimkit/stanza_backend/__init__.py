"""The stanza backend: stanza parses, and its analysis becomes a spaCy ``Doc`` the stages read.

stanza (``pip install 'claimkit[stanza]'``, after a CPU build of torch) is imported only
when this backend is loaded, so the default install stays torch-free. Its models are never
downloaded: :func:`load` looks in ``stanza_dir``, else ``$STANZA_RESOURCES_DIR``, else
``~/stanza_resources`` or stanza's cache directory, and raises
:class:`~claimkit.errors.ModelError` when they are not there.

The text is parsed one line at a time, so that, as with the spaCy backend, no sentence runs
across a line break. :mod:`.convert` turns stanza's documents into one spaCy ``Doc`` over
the original text, and :mod:`.ud` reshapes the Universal Dependencies trees into spaCy's
English scheme (docs/stanza.md has the table).
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..errors import ModelError
from .convert import to_spacy
from .ud import UD_TO_SPACY

__all__ = [
    "UD_TO_SPACY",
    "StanzaTokenizer",
    "default_dirs",
    "lines",
    "load",
    "parse_model",
    "resources_dir",
    "to_spacy",
]

DEFAULT_LANG = "en"
DEFAULT_DIR = Path("~/stanza_resources")
PROCESSORS = ("tokenize", "pos", "lemma", "depparse", "ner")
INSTALL_HINT = (
    "install a CPU build of torch first (pip install torch --index-url https://download.pytorch.org/whl/cpu), "
    "then pip install 'claimkit[stanza]'"
)

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
    ``~/stanza_resources`` (stanza's classic location), then stanza's own cache directory."""
    dirs = [DEFAULT_DIR.expanduser()]
    try:
        from stanza.resources.common import DEFAULT_MODEL_DIR
    except ImportError:  # stanza missing or broken: load() reports that
        return dirs
    return [*dirs, Path(DEFAULT_MODEL_DIR)]


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
        "--stanza-dir, else $STANZA_RESOURCES_DIR, else ~/stanza_resources or stanza's cache directory, and never "
        "downloads. On a machine with internet run python -c "
        f"\"import stanza; stanza.download('{lang}', model_dir='stanza_resources')\", "
        "copy that directory here and pass --stanza-dir DIR or set STANZA_RESOURCES_DIR"
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
