"""diff on every field and the review queue order (no server)."""

from __future__ import annotations

import copy

import pytest
from factories import statement

from claimkit.doccano.diff import diff_statements
from claimkit.doccano.push import order_documents
from claimkit.errors import UsageError

TEXT = "Kim said the plan will fail."


def _said(n: int = 1, **changes) -> dict:
    record = statement(
        n,
        doc_id="d",
        text=TEXT[9:27],
        start=9,
        end=27,
        speaker={"name": "Kim", "mention": "Kim", "start": 0, "end": 3, "type": "group", "description": None},
        cue={"text": "said", "start": 4, "end": 8, "lemma": "say"},
        quote="indirect",
        source={"name": "Kim", "type": "named", "start": 0, "end": 3},
    )
    record.update(changes)
    return record


def test_diff_reports_a_changed_speaker_type_and_any_other_field() -> None:
    draft = _said(checkworthiness=0.4)
    reviewed = copy.deepcopy(draft)
    reviewed["speaker"]["type"] = "anonymous"
    reviewed["quote"] = "direct"
    reviewed["checkworthiness"] = 0.9
    reviewed["review"] = {"status": "confirmed"}
    result = diff_statements([draft], [reviewed])
    kinds = {c.kind: c for c in result.changes}
    assert set(kinds) == {"speaker", "quote", "other"}
    assert kinds["speaker"].before[-1] == "group" and kinds["speaker"].after[-1] == "anonymous"
    assert kinds["other"].after == {"checkworthiness": 0.9}
    assert result.scores["speakers"].tp == 0 and result.scores["statements"].tp == 1
    assert result.to_dict()["counts"]["quote"] == 1


def test_diff_of_identical_records_is_empty() -> None:
    draft = _said()
    assert diff_statements([draft], [dict(draft, review={"status": "draft"})]).changes == []


def _doc(doc_id: str, *statements: dict) -> tuple[dict, str, list[dict]]:
    return {"doc_id": doc_id}, TEXT, list(statements)


def test_order_uncertain_puts_least_confident_documents_first() -> None:
    sure = _doc("sure", _said(1, kind_score=0.97))
    unsure = _doc("unsure", _said(1, kind_score=0.97), _said(2, kind_score=0.41))
    hedged = _doc("hedged", _said(1, kind_score=0.97, certainty={"label": "possible", "score": 0.4, "cues": []}))
    empty = _doc("empty")
    plain = _doc("plain", _said(1))  # no kind_score: counts as sure
    docs = [empty, sure, plain, hedged, unsure]
    assert [d[0]["doc_id"] for d in order_documents(docs, "uncertain")] == [
        "unsure",
        "hedged",
        "sure",
        "plain",
        "empty",
    ]
    assert [d[0]["doc_id"] for d in order_documents(docs, "uncertain", limit=2)] == ["unsure", "hedged"]
    assert [d[0]["doc_id"] for d in order_documents(docs, "input", limit=1)] == ["empty"]


def test_order_checkworthy_and_unknown_order() -> None:
    low = _doc("low", _said(1, checkworthiness=0.2))
    high = _doc("high", _said(1, checkworthiness=0.1), _said(2, checkworthiness=0.8))
    none = _doc("none", _said(1))
    assert [d[0]["doc_id"] for d in order_documents([none, low, high], "checkworthy")] == ["high", "low", "none"]
    with pytest.raises(UsageError, match="unknown --order 'random'"):
        order_documents([low], "random")
