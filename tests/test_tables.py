"""Statements as a pandas DataFrame and back (lossless for the contract fields), CSV, Parquet,
``claimkit.extract_texts`` and the ``export`` command for tables."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from factories import statement
from typer.testing import CliRunner

import claimkit
from claimkit import tables
from claimkit.cli import app
from claimkit.errors import JSONLError, SchemaError, UsageError
from claimkit.records import Document

runner = CliRunner()


def _record(n: int, **changes: object) -> dict:
    return statement(n, **changes)


HAND_MADE = [
    _record(1),
    _record(
        2,
        kind="speculation",
        speaker={
            "name": "Park Won-gon",
            "mention": "Professor Park",
            "start": 20,
            "end": 34,
            "type": "person",
            "description": "a professor at Ewha Womans University",
        },
        cue={"text": "said", "start": 35, "end": 39, "lemma": "say"},
        quote="indirect",
        source={"name": "Park Won-gon", "type": "named", "start": 20, "end": 34},
        certainty={
            "label": "possible",
            "score": 0.4,
            "cues": [
                {"text": "may", "start": 50, "end": 53, "type": "modal", "holder": "speaker", "scope": "main"},
                {"text": "if", "start": 60, "end": 62, "type": "conditional", "holder": "author", "scope": "embedded"},
            ],
        },
    ),
    _record(
        3,
        kind="opinion",
        speaker={
            "name": "Some",
            "mention": "Some",
            "start": None,
            "end": None,
            "type": "anonymous",
            "description": None,
        },
        cue=None,
        quote="direct",
        source={"name": "Donga", "type": "publication", "start": None, "end": None},
        # fields beyond the contract: top level, nested in speaker, nested in certainty
        paragraph=4,
        tags=["a", "b"],
        meta={"lang": "en"},
        certainty={"label": "unknown", "score": 0.25, "cues": [], "model": "rules-v1"},
    ),
]
HAND_MADE[2]["speaker"]["gender"] = "unknown"


def test_hand_made_records_round_trip_with_nulls_cue_lists_and_extras() -> None:
    df = tables.to_dataframe(HAND_MADE)
    assert list(df.columns[: len(tables.COLUMNS)]) == list(tables.COLUMNS)
    assert {"paragraph", "tags", "meta", "speaker_gender", "certainty_model"} <= set(df.columns)
    assert tables.from_dataframe(df) == HAND_MADE


def test_dtypes_are_typed() -> None:
    df = tables.to_dataframe(HAND_MADE)
    for col in ("kind", "quote", "speaker_type", "source_type", "certainty_label"):
        assert isinstance(df[col].dtype, pd.CategoricalDtype), col
    assert list(df["kind"].cat.categories) == ["fact", "opinion", "speculation"]
    for col in tables.INT_COLUMNS:
        assert df[col].dtype == "Int64", col
    assert df["certainty_score"].dtype == "float64"
    assert df["speaker_name"].dtype == "string"
    assert df["speaker_name"].isna().tolist() == [True, False, False]
    assert pd.isna(df.loc[2, "speaker_start"]) and df.loc[1, "speaker_start"] == 20
    assert df.loc[1, "cue"] == "said" and df.loc[1, "cue_lemma"] == "say"
    assert [c["text"] for c in df.loc[1, "certainty_cues"]] == ["may", "if"]
    assert df.groupby("kind", observed=False).size().to_dict() == {"fact": 1, "opinion": 1, "speculation": 1}


def test_values_outside_the_enums_are_kept() -> None:
    record = _record(1, source={"name": "Reuters", "type": "wire", "start": None, "end": None})
    df = tables.to_dataframe([record])
    assert "wire" in df["source_type"].cat.categories
    assert tables.from_dataframe(df) == [record]


def test_real_extraction_round_trips_through_jsonl(extractor, sample_text: str, tmp_path: Path) -> None:
    _, statements = extractor.extract_one(Document("sample", sample_text))
    assert len(statements) > 5
    path = tmp_path / "statements.jsonl"
    path.write_text("".join(json.dumps(s.to_dict(), ensure_ascii=False) + "\n" for s in statements), encoding="utf-8")
    original = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    df = claimkit.to_dataframe(path)
    assert len(df) == len(original)
    back = claimkit.from_dataframe(df)
    assert back == original
    # the JSONL text itself is the same, byte for byte
    assert "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in back) == path.read_text(encoding="utf-8")
    # Statement objects work as input too
    assert tables.from_dataframe(tables.to_dataframe(statements)) == original


def test_filtered_and_reordered_frames_come_back() -> None:
    df = tables.to_dataframe(HAND_MADE)
    sub = df[df["kind"] != "fact"].iloc[::-1]
    assert tables.from_dataframe(sub) == [HAND_MADE[2], HAND_MADE[1]]


def test_from_dataframe_rejects_other_frames() -> None:
    with pytest.raises(UsageError, match="missing column"):
        tables.from_dataframe(pd.DataFrame({"id": ["x"]}))


def test_parquet_round_trip(tmp_path: Path) -> None:
    out = tmp_path / "s.parquet"
    records = HAND_MADE[:2]
    tables.write_parquet(tables.to_dataframe(records), out)
    df = pd.read_parquet(out)
    assert isinstance(df["kind"].dtype, pd.CategoricalDtype)
    assert df["start"].dtype == "Int64"
    assert tables.from_dataframe(df) == records


def test_csv_round_trip_of_contract_fields(tmp_path: Path) -> None:
    records = [*HAND_MADE[:2], _record(7, doc_id="2023", id="2023:7")]
    out = tmp_path / "s.csv"
    tables.write_csv(tables.to_dataframe(records), out)
    assert json.loads(pd.read_csv(out)["certainty_cues"][1])[0]["text"] == "may"
    assert tables.from_dataframe(pd.read_csv(out)) == records


def test_malformed_jsonl_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    path.write_text(json.dumps(HAND_MADE[0]) + "\n\n{not json\n", encoding="utf-8")
    with pytest.raises(JSONLError, match=r"s\.jsonl:3: malformed JSON"):
        tables.to_dataframe(path)
    path.write_text(json.dumps(HAND_MADE[0]) + "\n" + json.dumps(_record(2, kind="rumour")) + "\n", encoding="utf-8")
    with pytest.raises(SchemaError, match=r"s\.jsonl:2: .*/kind"):
        tables.to_dataframe(path)
    path.write_text("[1, 2]\n", encoding="utf-8")
    with pytest.raises(JSONLError, match=r"s\.jsonl:1: expected a JSON object"):
        tables.to_dataframe(path)


def test_extract_texts_from_python() -> None:
    records = list(
        claimkit.extract_texts(
            {"a1": "Park Won-gon, a professor at Ewha, said the talks may resume next year.", "a2": "It rained."}
        )
    )
    assert {r["doc_id"] for r in records} == {"a1", "a2"}
    first = next(r for r in records if r["doc_id"] == "a1")
    assert first["speaker"]["name"] == "Park Won-gon"
    assert any(c["text"] == "may" for c in first["certainty"]["cues"])
    df = claimkit.to_dataframe(records)
    assert df.loc[df["doc_id"] == "a1", "speaker_name"].iloc[0] == "Park Won-gon"
    assert [r["doc_id"] for r in claimkit.extract_texts(["It rained.", "It snowed."])] == ["text-1", "text-2"]
    with pytest.raises(UsageError, match="must be a string"):
        list(claimkit.extract_texts([b"bytes"]))  # type: ignore[list-item]


def test_import_claimkit_stays_light() -> None:
    code = "import sys, claimkit; assert 'pandas' not in sys.modules; assert callable(claimkit.to_dataframe)"
    subprocess.run([sys.executable, "-c", code], check=True)


def _write(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_cli_export_csv_and_parquet(tmp_path: Path) -> None:
    src = _write(tmp_path / "s.jsonl", HAND_MADE[:2])
    result = runner.invoke(app, ["export", str(src), "-o", str(tmp_path / "out.csv")])
    assert result.exit_code == 0, result.output
    assert pd.read_csv(tmp_path / "out.csv")["speaker_name"].tolist()[1] == "Park Won-gon"
    result = runner.invoke(app, ["export", str(src), "--format", "parquet", "-o", str(tmp_path / "out.pq")])
    assert result.exit_code == 0, result.output
    assert tables.from_dataframe(pd.read_parquet(tmp_path / "out.pq")) == HAND_MADE[:2]


def test_cli_export_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = _write(tmp_path / "s.jsonl", HAND_MADE[:1])
    result = runner.invoke(app, ["export", str(src), "-o", str(tmp_path / "out.txt")])
    assert result.exit_code == 2 and "pass --format" in result.output
    result = runner.invoke(app, ["export", str(src), "--format", "xlsx", "-o", str(tmp_path / "o")])
    assert result.exit_code == 2 and "allowed: csv, parquet, html" in result.output
    result = runner.invoke(app, ["export", str(src), "--format", "parquet"])
    assert result.exit_code == 2 and "needs a file" in result.output
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(HAND_MADE[0]) + "\n{oops\n", encoding="utf-8")
    result = runner.invoke(app, ["export", str(bad), "-o", str(tmp_path / "o.csv")])
    assert result.exit_code == 3 and "bad.jsonl:2" in result.output
    assert not (tmp_path / "o.csv").exists()
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # as if the parquet extra were not installed
    result = runner.invoke(app, ["export", str(src), "-o", str(tmp_path / "o.parquet")])
    assert result.exit_code == 2 and "claimkit[parquet]" in result.output
    assert not (tmp_path / "o.parquet").exists()


def test_kind_score_and_kind_by_are_columns(extractor, sample_text: str) -> None:
    _, statements = extractor.extract_one(Document("sample", sample_text))
    df = claimkit.to_dataframe(statements)
    assert list(df["kind_score"]) == [s.kind_score for s in statements]
    assert set(df["kind_by"]) <= {"rule", "model"} and df["kind_score"].between(0, 1).all()


def test_content_is_flattened_and_comes_back(tmp_path: Path) -> None:
    quoted = _record(
        5,
        speaker={"name": "Kim", "mention": "Kim", "start": 9, "end": 12, "type": "person", "description": None},
        cue={"text": "said", "start": 13, "end": 17, "lemma": "say"},
        quote="direct",
        content={
            "text": "“A,” Kim said, “B.”",
            "start": 0,
            "end": 19,
            "parts": [{"text": "“A,”", "start": 0, "end": 4}, {"text": "“B.”", "start": 15, "end": 19}],
        },
    )
    author = _record(6, content=None)
    df = tables.to_dataframe([quoted, author])
    assert list(df.columns[len(tables.COLUMNS) :]) == list(tables.CONTENT_COLUMNS)
    assert df.loc[0, "content_text"] == "“A,” Kim said, “B.”" and df.loc[0, "content_end"] == 19
    assert [p["text"] for p in df.loc[0, "content_parts"]] == ["“A,”", "“B.”"]
    assert pd.isna(df.loc[1, "content_start"]) and df["content_start"].dtype == "Int64"
    assert tables.from_dataframe(df) == [quoted, author]
    tables.write_parquet(df, tmp_path / "c.parquet")
    assert tables.from_dataframe(pd.read_parquet(tmp_path / "c.parquet")) == [quoted, author]
    tables.write_csv(df, tmp_path / "c.csv")
    assert tables.from_dataframe(pd.read_csv(tmp_path / "c.csv")) == [quoted, author]
