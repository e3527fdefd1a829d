"""Hand-made records for tests (import as ``from factories import statement``)."""

from __future__ import annotations

from typing import Any


def statement(n: int = 1, doc_id: str = "d1", text: str = "It rained.", **changes: Any) -> dict[str, Any]:
    """A minimal valid author-voice fact record covering ``text`` at offset 0; ``changes`` override fields."""
    record: dict[str, Any] = {
        "id": f"{doc_id}:{n}",
        "doc_id": doc_id,
        "kind": "fact",
        "text": text,
        "start": 0,
        "end": len(text),
        "speaker": None,
        "cue": None,
        "quote": "none",
        "source": None,
        "certainty": {"label": "certain", "score": 1.0, "cues": []},
    }
    record.update(changes)
    return record
