"""Learning from reviews: a few dozen confirmed corrections of one systematic error (normative
"X deserve Y" sentences called facts) retrain the kind model and change its output on held-out
sentences of that kind, and documents.jsonl names the model used."""

from __future__ import annotations

import itertools
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimkit.cli import app
from claimkit.train_models import PACKAGE_DATA

DATA = Path(os.environ.get("CLAIMKIT_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
NEWSSD = DATA / "newssd"
pytestmark = [
    pytest.mark.data,
    pytest.mark.slow,
    pytest.mark.skipif(not (NEWSSD / "train.csv").is_file(), reason=f"NewsSD not found in {NEWSSD}"),
]

TRAIN_SUBJECTS = ["Voters", "Farmers", "Patients", "Students", "Nurses", "Pensioners"]
TRAIN_OBJECTS = ["a clear answer", "better pay", "a fair hearing", "more support", "an apology", "real protection"]
# What the same reviewers confirmed as facts in those documents (a review covers both).
FACT_SUBJECTS = ["The museum", "The school", "The factory", "The hospital", "The station", "The stadium"]
FACT_PREDICATES = [
    "opened in 1998",
    "closed last year",
    "employs 200 people",
    "was built in 1975",
    "moved to the city centre",
    "was sold in March",
]
HELD_OUT = [
    "Teachers deserve smaller classes.",
    "Refugees deserve a safe place to live.",
    "Taxpayers deserve to know where the money goes.",
    "The victims deserve justice.",
    "Workers deserve a decent pension.",
    "Residents deserve cleaner air.",
    "Small businesses deserve lower taxes.",
    "Fans deserve cheaper tickets.",
    "Children deserve a good school lunch.",
    "Commuters deserve reliable trains.",
]
CONTROL = [  # plain facts that must stay facts
    "The council met on Tuesday.",
    "The bridge was opened in 1998.",
    "The company employs 300 people.",
    "The train left the station at noon.",
]


def _extract(tmp_path: Path, name: str, texts: list[str], *extra: str) -> tuple[list[dict], list[dict]]:
    src = tmp_path / f"{name}.jsonl"
    src.write_text("".join(json.dumps({"id": f"{name}-{i}", "text": t}) + "\n" for i, t in enumerate(texts)))
    out, docs = tmp_path / f"{name}-s.jsonl", tmp_path / f"{name}-d.jsonl"
    result = CliRunner().invoke(app, ["extract", str(src), "-o", str(out), "--docs", str(docs), *extra])
    assert result.exit_code == 0, result.output
    read = lambda p: [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines()]  # noqa: E731
    return read(out), read(docs)


def _opinions(statements: list[dict]) -> int:
    return sum(1 for s in statements if s["kind"] == "opinion")


def test_reviewed_corrections_change_the_kind_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLAIMKIT_MODELS", raising=False)
    before, before_docs = _extract(tmp_path, "before", HELD_OUT + CONTROL)
    held = [s for s in before if int(s["doc_id"].split("-")[1]) < len(HELD_OUT)]
    assert _opinions(held) <= 2, "the systematic error this test corrects is gone: pick another one"

    # 36 corrections: the drafts said fact, a reviewer confirmed them as opinions; and 36 facts
    # the reviewer confirmed as they were.
    reviewed = tmp_path / "annotations"
    reviewed.mkdir()
    lines = []
    for n, (who, what) in enumerate(itertools.product(TRAIN_SUBJECTS, TRAIN_OBJECTS), 1):
        text = f"{who} deserve {what}."
        lines.append(
            {"id": f"r:{n}", "doc_id": "r", "kind": "opinion", "text": text, "review": {"status": "confirmed"}}
        )
    for n, (what, did) in enumerate(itertools.product(FACT_SUBJECTS, FACT_PREDICATES), 100):
        lines.append(
            {"id": f"r:{n}", "doc_id": "r", "kind": "fact", "text": f"{what} {did}.", "review": {"status": "confirmed"}}
        )
    lines.append({"id": "r:99", "doc_id": "r", "kind": "opinion", "text": "Draft only.", "review": {"status": "draft"}})
    (reviewed / "ana.jsonl").write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")

    models = tmp_path / "models"
    runner = CliRunner()
    shipped = runner.invoke(app, ["train", str(DATA), "--reviewed", str(reviewed), "-o", str(PACKAGE_DATA)])
    assert shipped.exit_code == 2 and "not the shipped ones" in shipped.output  # never overwrites them
    trained = runner.invoke(app, ["train", str(DATA), "--reviewed", str(reviewed), "-o", str(models)])
    assert trained.exit_code == 0, trained.output
    (meta,) = [json.loads(line) for line in trained.stdout.splitlines() if '"subjectivity' in line]
    assert meta["reviewed"]["statements"] == 72  # the unconfirmed draft is not used

    after, after_docs = _extract(tmp_path, "after", HELD_OUT + CONTROL, "--models", str(models))
    held_after = [s for s in after if int(s["doc_id"].split("-")[1]) < len(HELD_OUT)]
    control_after = [s for s in after if int(s["doc_id"].split("-")[1]) >= len(HELD_OUT)]
    print(f"held-out opinions: {_opinions(held)} -> {_opinions(held_after)} of {len(held_after)}")
    assert _opinions(held_after) >= len(held_after) - 2
    # Facts the shipped model was sure of stay facts ("The train left the station at noon." sits
    # at 0.55 and may tip over: a systematic correction also nudges borderline short sentences).
    sure = {s["doc_id"] for s in before if int(s["doc_id"].split("-")[1]) >= len(HELD_OUT) and s["kind_score"] >= 0.6}
    assert len(sure) >= 3
    assert [s["kind"] for s in control_after if s["doc_id"].replace("after", "before") in sure] == ["fact"] * len(sure)
    # documents.jsonl says which model made each record.
    assert {d["models"]["subjectivity"] for d in before_docs} != {d["models"]["subjectivity"] for d in after_docs}
    assert len({d["models"]["subjectivity"] for d in after_docs}) == 1
