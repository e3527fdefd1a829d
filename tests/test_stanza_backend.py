"""Loading the stanza backend: where models are looked for, the errors without models or
without stanza, the CLI's exit code, and (marked ``stanza_models``) a run on real models."""

from __future__ import annotations

import builtins
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from claimkit import nlp as backends
from claimkit import stanza_backend
from claimkit.errors import EXIT_MODEL, ModelError

CLAIMKIT = Path(sys.executable).with_name("claimkit")
# resources.json as stanza.download writes it for English, cut to the processors claimkit loads.
RESOURCES = {
    "en": {
        "lang_name": "English",
        "packages": {
            "default": {
                "tokenize": "combined",
                "pos": "combined_charlm",
                "lemma": "combined_nocharlm",
                "depparse": "combined_charlm",
                "ner": "ontonotes_charlm",
            }
        },
        "tokenize": {"combined": {}},
        "pos": {"combined_charlm": {}},
        "lemma": {"combined_nocharlm": {}},
        "depparse": {"combined_charlm": {}},
        "ner": {"ontonotes_charlm": {}},
        "default_processors": {
            "tokenize": "combined",
            "pos": "combined_charlm",
            "lemma": "combined_nocharlm",
            "depparse": "combined_charlm",
            "ner": "ontonotes_charlm",
        },
        "default_dependencies": {},
    }
}


def require_stanza() -> None:
    """Skip without stanza in a user's clone; in CI (which installs it) fail instead."""
    if not os.environ.get("CI"):
        pytest.importorskip("stanza")


def test_resources_dir_precedence(monkeypatch, tmp_path):
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path / "env"))
    assert stanza_backend.resources_dir(str(tmp_path / "opt")) == (tmp_path / "opt", "--stanza-dir")
    assert stanza_backend.resources_dir(None) == (tmp_path / "env", "$STANZA_RESOURCES_DIR")
    monkeypatch.delenv("STANZA_RESOURCES_DIR")
    first, second = tmp_path / "first", tmp_path / "second"
    monkeypatch.setattr(stanza_backend, "default_dirs", lambda: [first, second])
    assert stanza_backend.resources_dir(None) == (first, "the default")
    second.mkdir()
    (second / "resources.json").write_text("{}", encoding="utf-8")
    assert stanza_backend.resources_dir(None) == (second, "the default")


def test_default_dirs_start_with_the_classic_location():
    assert stanza_backend.default_dirs()[0] == Path.home() / "stanza_resources"


def test_parse_model():
    assert stanza_backend.parse_model(None) == ("en", "default")
    assert stanza_backend.parse_model("en:gum") == ("en", "gum")


@pytest.mark.parametrize(
    ("layout", "reason"),
    [("none", "no such directory"), ("empty", "no resources.json"), ("no-lang", "no en/ directory")],
)
def test_missing_models_say_where_and_how(tmp_path, layout, reason):
    require_stanza()
    directory = tmp_path / "stanza_resources"
    if layout != "none":
        directory.mkdir()
    if layout == "no-lang":
        (directory / "resources.json").write_text(json.dumps(RESOURCES), encoding="utf-8")
    with pytest.raises(ModelError) as caught:
        backends.load("stanza", None, str(directory))
    message = str(caught.value)
    assert reason in message and str(directory) in message and "--stanza-dir" in message
    assert "$STANZA_RESOURCES_DIR" in message and "~/stanza_resources" in message
    assert "stanza.download('en'" in message and "never downloads" in message
    assert caught.value.exit_code == EXIT_MODEL


def test_environment_directory_is_named(monkeypatch, tmp_path):
    require_stanza()
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path / "nowhere"))
    with pytest.raises(ModelError, match=r"nowhere \(from \$STANZA_RESOURCES_DIR\)"):
        stanza_backend.load()


def test_incomplete_models_are_reported_and_nothing_is_downloaded(monkeypatch, tmp_path):
    """resources.json and en/ are there but no model files: stanza must not fetch anything."""
    require_stanza()
    import stanza.pipeline.core as core

    def no_network(*args, **kwargs):
        raise AssertionError("stanza tried to download")

    monkeypatch.setattr(core, "download_resources_json", no_network)
    monkeypatch.setattr(core, "download_models", no_network)
    (tmp_path / "en").mkdir()
    (tmp_path / "resources.json").write_text(json.dumps(RESOURCES), encoding="utf-8")
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    with pytest.raises(ModelError, match=r"stanza cannot load them \(.*tokenize.*\)") as caught:
        stanza_backend.load(stanza_dir=str(tmp_path))
    assert "\n" not in str(caught.value) and "tried to download" not in str(caught.value)
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before


def test_stanza_not_installed(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "stanza", None)  # makes `import stanza` fail
    with pytest.raises(ModelError) as caught:
        backends.load("stanza", None, str(tmp_path))
    message = str(caught.value)
    assert "pip install 'claimkit[stanza]'" in message and "CPU build of torch" in message


def test_stanza_that_cannot_be_imported(monkeypatch):
    require_stanza()

    def broken(name, *args, **kwargs):
        if name == "stanza":
            raise ImportError("libtorch_cpu.so: cannot open shared object file")
        return real_import(name, *args, **kwargs)

    real_import = builtins.__import__
    monkeypatch.delitem(sys.modules, "stanza")
    monkeypatch.setattr("builtins.__import__", broken)
    with pytest.raises(ModelError, match=r"cannot be imported .*libtorch_cpu\.so.*claimkit\[stanza\]"):
        stanza_backend._import_stanza()


def test_cli_without_models_one_line_exit_6(tmp_path):
    article = tmp_path / "x.txt"
    article.write_text("Smith said that taxes would rise.\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "STANZA_RESOURCES_DIR"}
    proc = subprocess.run(
        [str(CLAIMKIT), "extract", "--backend", "stanza", "--stanza-dir", "/nonexistent", str(article)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert proc.returncode == EXIT_MODEL
    assert proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("claimkit: error: ")
    try:
        import stanza  # noqa: F401
    except ImportError:
        assert "pip install 'claimkit[stanza]'" in lines[0]
    else:
        assert "/nonexistent" in lines[0] and "stanza.download" in lines[0]


def _models_dir() -> str:
    directory = os.environ.get("STANZA_RESOURCES_DIR", "")
    if not directory or not (Path(directory) / "resources.json").is_file():
        pytest.skip("set STANZA_RESOURCES_DIR to a directory with stanza's English models")
    return directory


@pytest.mark.stanza_models
def test_extract_with_real_models():
    directory = _models_dir()
    from claimkit.pipeline import Extractor
    from claimkit.records import Document

    text = "“We will win,” Smith said.\n\nSmith said that taxes would rise.\n"
    extractor = Extractor(backend="stanza", stanza_dir=directory)
    doc = extractor.nlp(text)
    assert doc.text == text
    _, statements = extractor.extract_one(Document("d", text))
    assert [text[s.start : s.end] for s in statements] == [
        "“We will win,” Smith said.",
        "Smith said that taxes would rise.",
    ]
    assert [(s.speaker.name if s.speaker else None, s.cue.text if s.cue else None) for s in statements] == [
        ("Smith", "said"),
        ("Smith", "said"),
    ]
    assert statements[1].quote == "indirect"
