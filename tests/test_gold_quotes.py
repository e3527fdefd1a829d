"""The team's set of quoted speech (annotations/quotes/quotes.jsonl): the kind of a direct quotation.

Sixty one-sentence news-style texts written by the team (not copied from any corpus), each a
direct quotation with a speaker, labelled fact / opinion / speculation for what the speaker says
(docs/certainty.md). The ``tuning`` part (40) may be used to fit the quoted-speech rule; the
``held-out`` part (20) was written before any code change and is never used to tune. The test
prints both accuracies and asserts the held-out one does not fall below the figure measured when
the rule landed.
"""

from __future__ import annotations

import json
from pathlib import Path

from claimkit.records import Document

QUOTES = Path(__file__).resolve().parent.parent / "annotations" / "quotes" / "quotes.jsonl"
#: Held-out kind accuracy when the quoted-speech rule landed (a floor, not a target).
HELD_OUT_FLOOR = 0.9


def _rows() -> list[dict[str, str]]:
    return [json.loads(line) for line in QUOTES.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_quotes_set_is_well_formed() -> None:
    rows = _rows()
    assert len(rows) >= 60 and len({r["id"] for r in rows}) == len(rows)
    assert {r["part"] for r in rows} == {"tuning", "held-out"}
    assert {r["kind"] for r in rows} == {"fact", "opinion", "speculation"}
    for r in rows:
        assert r["text"].count("“") == 1 and r["text"].count("”") == 1, r["id"]


def accuracy(extractor, part: str) -> tuple[float, list[str]]:
    """Kind accuracy of the attributed statement of each text of ``part`` and the ids it got wrong."""
    rows = [r for r in _rows() if r["part"] == part]
    wrong = []
    for r in rows:
        _, statements = extractor.extract_one(Document(r["id"], r["text"]))
        said = [s for s in statements if s.speaker is not None]
        if not said or said[0].kind != r["kind"]:
            wrong.append(f"{r['id']}: {said[0].kind if said else None} != {r['kind']}")
    return 1.0 - len(wrong) / len(rows), wrong


def test_quoted_speech_kind_accuracy(extractor) -> None:
    tuning, _ = accuracy(extractor, "tuning")
    held, wrong = accuracy(extractor, "held-out")
    print(f"quoted speech kind accuracy: tuning {tuning:.3f}, held-out {held:.3f}; held-out wrong: {wrong}")
    assert held >= HELD_OUT_FLOOR, wrong
