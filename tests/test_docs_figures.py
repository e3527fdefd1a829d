"""The README's "Measured scores" table is the one source of the figures: a doc that quotes a
figure for one of its corpora must quote the same value (scripts/figures.py syncs them)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def figures():
    spec = importlib.util.spec_from_file_location("figures", ROOT / "scripts" / "figures.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["figures"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_docs_quote_the_readme_figures(figures) -> None:
    problems = figures.disagreements(ROOT)
    assert problems == [], "run: .venv/bin/python scripts/figures.py --docs\n" + "\n".join(problems)


def test_the_readme_table_is_read_whole(figures) -> None:
    """Every row of the README table is understood (else the check above would miss it)."""
    read = figures.readme_figures((ROOT / "README.md").read_text(encoding="utf-8"))
    expected = {(c.id, key) for c in figures.SPEC for _, key, _ in c.figures.values()}
    assert set(read) == expected
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert set(figures.readme_commands(text)) == {c.id for c in figures.SPEC}
    table = text[text.index("| gold", text.index("## Measured scores")) :]
    table = table[: table.index("\n\n")]
    corpus = None
    for line in table.splitlines()[2:]:
        row = figures.cells(line)
        corpus = figures.corpus_of(row[0]) if row[0] else corpus
        assert corpus is not None, f"add this corpus to SPEC in scripts/figures.py: {row[0]}"
        assert row[1] in corpus.figures, f"add this figure of {corpus.id} to SPEC in scripts/figures.py: {row[1]}"


README = """\
| gold | figure | claimkit | simple baseline | command |
|---|---|---|---|---|
| PolNeAR dev (84 articles) | attribution F1 | **0.726** | 0.372 (reporting verb) | `claimkit eval --gold x --format brat` |
| | precision | **0.952** | 0.908 | |
| NewsSD test (219 sentences) | fact vs opinion author-voice macro-F1 | **0.611** | 0.564 | `claimkit eval --gold y --format newssd` |
| | macro-F1, any statement | 0.692 | 0.602 | |
"""

DOC = """\
Some prose with 0.123 outside tables is not checked.

| gold | figure | claimkit | baseline |
|---|---|---|---|
| PolNeAR dev (84 articles) | precision | 0.952 | 0.908 |
|  | attribution_f1 | **0.658** | 0.372 |
|  | source_recall | 0.661 | 0.270 |
| Szeged wiki held-out | certainty f1 | 0.736 | 0.695 |

| data | claimkit | command |
|---|---|---|
| NewsSD test (219 sentences) | fact vs opinion **macro-F1 0.557**, accuracy 0.694 | `claimkit eval` |
"""


def test_a_differing_figure_is_found_and_synced(figures, tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "README.md").write_text(README, encoding="utf-8")
    doc = tmp_path / "docs" / "eval.md"
    doc.write_text(DOC, encoding="utf-8")
    problems = figures.disagreements(tmp_path)
    assert problems == [
        "docs/eval.md:6: polnear-dev attribution_f1 0.658 != README 0.726",
        "docs/eval.md:12: newssd-test macro_f1 0.557 != README 0.692",
    ]
    assert figures.sync_docs(tmp_path) == 2
    assert figures.disagreements(tmp_path) == []
    text = doc.read_text(encoding="utf-8")
    assert "|  | attribution_f1 | **0.726** | 0.372 |" in text and "**macro-F1 0.692**, accuracy 0.694" in text
    assert "0.123" in text and "0.661" in text and "0.736" in text  # not in the README table: untouched


def test_labels_mean_keys(figures) -> None:
    assert figures.key_of("content_recall (found)") == "content_recall"
    assert figures.key_of("attribution attribution_f1") == "attribution_f1"
    assert figures.key_of("macro-F1") == "macro_f1"
    assert figures.key_of("sentence uncertainty **F1") == "f1"
    assert figures.key_of("band agreement") == "agreement"


def test_rewrite_readme_replaces_the_measured_figures_only(figures) -> None:
    tables = {
        "polnear-dev": {
            "attribution": {
                "claimkit": {"attribution_f1": 0.7311, "precision": 0.95},
                "baseline:reporting-verb": {"attribution_f1": 0.3704, "precision": 0.9},
            }
        }
    }
    text = figures.rewrite_readme(README, tables, dated=False)
    assert "| PolNeAR dev (84 articles) | attribution F1 | **0.731** | 0.370 (reporting verb) |" in text
    assert "| | precision | **0.950** | 0.900 | |" in text
    assert (
        "| NewsSD test (219 sentences) | fact vs opinion author-voice macro-F1 | **0.611** | 0.564 |" in text
    )  # not run
