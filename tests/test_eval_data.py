"""``claimkit eval`` on small slices of every shared corpus (../shared/data), with the real
extractor: the loaders accept the real files and the figures are sane."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimkit.evaluate import run

pytestmark = pytest.mark.data


def in_unit(figures: dict) -> None:
    for name, value in figures.items():
        if isinstance(value, float):
            assert 0.0 <= value <= 1.0, name


def test_polnear_dev_slice(shared_data: Path, extractor):
    r = run(shared_data / "polnear" / "dev", "brat", extractor=extractor, limit=2)
    f = r.tables["attribution"]["claimkit"]
    in_unit(f)
    assert r.documents == 2 and f["support"] > 5
    assert f["content_recall"] > 0.2 and f["precision"] > 0.3  # the extractor does find attributions
    assert r.tables["attribution"]["baseline:author-fact"]["content_recall"] == 0.0


def test_szeged_wiki_heldout_slice(shared_data: Path, extractor):
    r = run(shared_data / "szeged" / "wiki.xml", "szeged", extractor=extractor, split="test", limit=15)
    f = r.tables["certainty"]["claimkit"]
    in_unit(f)
    assert f["sentences"] >= 15 and "cue_f1" in f
    assert all(len(d.doc_id) for d in r.per_doc)


def test_newssd_test_slice(shared_data: Path, extractor):
    r = run(shared_data / "newssd" / "test.csv", "newssd", extractor=extractor, limit=20)
    assert r.tables["subjectivity"]["claimkit"]["support"] == 20
    in_unit(r.tables["subjectivity"]["baseline:majority"])


@pytest.mark.parametrize("corpus", ["uw", "meantime"])
def test_factuality_test_slice(shared_data: Path, extractor, corpus: str):
    r = run(shared_data / "factuality" / corpus / "test.conll", "factuality", extractor=extractor, limit=8)
    f = r.tables["factuality"]["claimkit"]
    in_unit(f)
    assert f["support"] > 8 and f["not_in_a_statement"] < f["support"]


def test_factbank_dev_loads_as_szeged(shared_data: Path, extractor):
    r = run(shared_data / "szeged" / "factbank-dev.xml", "szeged", extractor=extractor, limit=5)
    f = r.tables["certainty"]["claimkit"]
    in_unit(f)
    assert r.documents == 5 and f["sentences"] > 20 and "cue_f1" in f


def test_checkthat23_subjectivity_tsv_slice(shared_data: Path, extractor):
    r = run(shared_data / "newssd" / "checkthat23-test.tsv", "newssd", extractor=extractor, limit=20)
    f = r.tables["subjectivity"]["claimkit"]
    in_unit(f)
    assert f["support"] == 20 and "author_macro_f1" in f


def test_pei_jurgens_val_slice(shared_data: Path, extractor):
    r = run(
        shared_data / "certainty" / "pei-jurgens-sentence-certainty.jsonl",
        "pei-jurgens",
        extractor=extractor,
        split="val",
        limit=30,
    )
    f = r.tables["certainty_score"]["claimkit"]
    assert f["support"] == 30 and -1.0 <= f["pearson"] <= 1.0 and -1.0 <= f["spearman"] <= 1.0
