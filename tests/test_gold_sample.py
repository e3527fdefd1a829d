"""The extractor against the hand-annotated gold for the sample article (annotations/).

Tolerances (stated here and in the README): segmentation F1 >= 0.95; kind accuracy >= 0.75 on
matched statements; attribution F1 >= 0.90; at most 2 gold attributions missed; and no
attributed statement may name a wrong speaker: where both gold and prediction have a speaker,
the resolved names agree.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimkit.evaluate import run
from claimkit.records import Document

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "annotations" / "donga-china-russia-nk.jsonl"


@pytest.fixture(scope="module")
def predicted(extractor, sample_text):
    _, statements = extractor.extract_one(Document("donga-china-russia-nk", sample_text))
    return [s.to_dict() for s in statements]


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_scores_within_tolerance(extractor) -> None:
    report = run(GOLD, "claimkit", extractor=extractor)
    seg = report.tables["statements"]["claimkit"]
    att = report.tables["attribution"]["claimkit"]
    assert seg["f1"] >= 0.95, seg
    assert seg["kind_accuracy"] >= 0.75, seg
    assert att["attribution_f1"] >= 0.90, att
    assert att["support"] - round(att["content_recall"] * att["support"]) <= 2, att


def _best(pred: list[dict], g: dict) -> dict | None:
    def overlap(p: dict) -> int:
        return max(0, min(p["end"], g["end"]) - max(p["start"], g["start"]))

    best = max(pred, key=overlap, default=None)
    return best if best is not None and overlap(best) * 2 >= g["end"] - g["start"] else None


def test_no_wrong_speaker(predicted, gold) -> None:
    for g in gold:
        p = _best(predicted, g)
        if g["speaker"] and p and p["speaker"]:
            assert p["speaker"]["name"] == g["speaker"]["name"], (g["text"][:60], p["speaker"])
            assert p["speaker"]["type"] == g["speaker"]["type"] or {p["speaker"]["type"], g["speaker"]["type"]} <= {
                "anonymous",
                "group",
            }


def test_park_resolved_everywhere(predicted) -> None:
    park = [p["speaker"] for p in predicted if p["speaker"] and p["speaker"]["name"] == "Park Won-gon"]
    assert {s["mention"] for s in park} >= {"Park Won-gon", "Professor Park", "He", "he"}
    assert all(s["description"] == "a professor at Ewha Womans University" for s in park)


def test_vague_sources_stay_anonymous(predicted) -> None:
    by_mention = {p["speaker"]["mention"]: p["speaker"] for p in predicted if p["speaker"]}
    for mention in ("Some", "some", "some experts"):
        assert by_mention[mention]["type"] == "anonymous", mention
