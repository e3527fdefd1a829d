"""Where push finds the original text, and where Doccano lives by default (no server)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimkit.cli import app
from claimkit.doccano.push import collect_documents
from claimkit.doccano.server import default_home, default_venv
from claimkit.errors import InputError


def test_documents_keep_the_given_and_the_absolute_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    work = tmp_path / "work"
    (work / "corpus").mkdir(parents=True)
    (work / "corpus" / "a.txt").write_text("Smith said taxes would rise.\n", encoding="utf-8")
    monkeypatch.chdir(work)
    out = CliRunner().invoke(app, ["extract", "corpus", "-o", "out/s.jsonl", "--docs", "out/d.jsonl"])
    assert out.exit_code == 0, out.output
    (record,) = [json.loads(line) for line in (work / "out" / "d.jsonl").read_text(encoding="utf-8").splitlines()]
    assert record["path"] == "corpus/a.txt"
    assert record["abs_path"] == str(work / "corpus" / "a.txt")

    # From another folder the relative path does not resolve; the absolute one does.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    ((_, text, statements),) = collect_documents(work / "out" / "s.jsonl", work / "out" / "d.jsonl")
    assert text == "Smith said taxes would rise.\n" and statements

    # Moved away: the error names both paths and the option to use.
    (work / "corpus" / "a.txt").rename(work / "a.txt")
    with pytest.raises(InputError, match=r"corpus/a.txt.*also tried .*corpus/a.txt.*--text DIR"):
        collect_documents(work / "out" / "s.jsonl", work / "out" / "d.jsonl")
    ((_, text, _),) = collect_documents(work / "out" / "s.jsonl", work / "out" / "d.jsonl", [str(work / "a.txt")])
    assert text.startswith("Smith")


def test_doccano_lives_in_a_per_user_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLAIMKIT_DOCCANO_VENV", raising=False)
    monkeypatch.delenv("CLAIMKIT_DOCCANO_HOME", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    monkeypatch.chdir(tmp_path)
    assert default_venv() == tmp_path / "share" / "claimkit" / "doccano" / "venv"
    assert default_home() == tmp_path / "share" / "claimkit" / "doccano" / "home"
    monkeypatch.setenv("CLAIMKIT_DOCCANO_HOME", str(tmp_path / "h"))
    assert default_home() == tmp_path / "h"
