"""CLI behaviour on good and bad input: one clear stderr line, documented exit codes, no traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimkit import errors
from claimkit.cli import app

ARTICLE = (
    "Park Won-gon, a professor, said the talks would resume. “We are ready,” he added.\n\nPrices rose 3% in May.\n"
)


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def run(runner: CliRunner, *args: str, stdin: str | bytes | None = None):
    result = runner.invoke(app, list(args), input=stdin)
    assert "Traceback" not in result.output + result.stderr, result.stderr
    return result


def lines(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def test_extract_file_to_output_and_docs(runner: CliRunner, tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    out, docs = tmp_path / "out" / "s.jsonl", tmp_path / "out" / "d.jsonl"
    res = run(runner, "extract", str(src), "-o", str(out), "--docs", str(docs), "--quiet")
    assert res.exit_code == 0, res.stderr
    records = lines(out)
    assert records and all(r["doc_id"] == "a" for r in records)
    assert all(ARTICLE[r["start"] : r["end"]] == r["text"] for r in records)
    (doc,) = lines(docs)
    assert doc["statements"] == len(records) and doc["chars"] == len(ARTICLE)
    assert not list(out.parent.glob(".*.tmp")), "temporary files left behind"


def test_extract_to_stdout_and_from_stdin(runner: CliRunner) -> None:
    res = run(runner, "extract", "-", stdin=ARTICLE)
    assert res.exit_code == 0
    records = [json.loads(x) for x in res.stdout.splitlines()]
    assert records and records[0]["doc_id"] == "stdin"


def test_directory_in_sorted_order(runner: CliRunner, tmp_path: Path) -> None:
    for name in ("b", "a", "c"):
        (tmp_path / "in" / "sub").mkdir(parents=True, exist_ok=True)
        (tmp_path / "in" / ("sub" if name == "c" else "") / f"{name}.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "in" / "notes.md").write_text("ignored", encoding="utf-8")
    res = run(runner, "extract", str(tmp_path / "in"))
    assert res.exit_code == 0
    order = list(dict.fromkeys(json.loads(x)["doc_id"] for x in res.stdout.splitlines()))
    assert order == ["a", "b", "c"]


def test_jsonl_input_with_meta(runner: CliRunner, tmp_path: Path) -> None:
    src = tmp_path / "arts.jsonl"
    src.write_text(
        json.dumps({"id": "x1", "text": ARTICLE, "meta": {"publisher": "Daily"}})
        + "\n\n"
        + json.dumps({"id": "x2", "text": "Rain fell."})
        + "\n",
        encoding="utf-8",
    )
    docs = tmp_path / "d.jsonl"
    res = run(runner, "extract", str(src), "--docs", str(docs))
    assert res.exit_code == 0
    assert {json.loads(x)["doc_id"] for x in res.stdout.splitlines()} == {"x1", "x2"}
    assert lines(docs)[0]["publisher"] == "Daily"


def test_missing_path(runner: CliRunner, tmp_path: Path) -> None:
    res = run(runner, "extract", str(tmp_path / "nope.txt"))
    assert res.exit_code == errors.EXIT_INPUT
    assert res.stderr.strip().count("\n") == 0 and "nope.txt" in res.stderr


def test_directory_without_txt(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "x.md").write_text("hi", encoding="utf-8")
    res = run(runner, "extract", str(tmp_path))
    assert res.exit_code == errors.EXIT_INPUT
    assert "no .txt files" in res.stderr


def test_empty_file_alone_is_nothing_to_extract_and_keeps_earlier_outputs(runner: CliRunner, tmp_path: Path) -> None:
    src = tmp_path / "empty.txt"
    src.write_text("  \n", encoding="utf-8")
    out, docs = tmp_path / "s.jsonl", tmp_path / "d.jsonl"
    out.write_text('{"earlier": "statements"}\n', encoding="utf-8")
    docs.write_text('{"earlier": "documents"}\n', encoding="utf-8")
    res = run(runner, "extract", str(src), "-o", str(out), "--docs", str(docs))
    assert res.exit_code == errors.EXIT_INPUT
    assert "empty document" in res.stderr
    assert "nothing to extract: 1 empty input(s); existing outputs kept" in res.stderr
    assert out.read_text(encoding="utf-8") == '{"earlier": "statements"}\n'
    assert docs.read_text(encoding="utf-8") == '{"earlier": "documents"}\n'
    assert "Traceback" not in res.stderr


def test_empty_file_beside_a_readable_one_is_a_warning(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a-empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Park said the talks may resume next week.\n", encoding="utf-8")
    out = tmp_path / "out" / "s.jsonl"
    res = run(runner, "extract", str(tmp_path / "a-empty.txt"), str(tmp_path / "b.txt"), "-o", str(out))
    assert res.exit_code == 0
    assert "empty document" in res.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1


def test_binary_file(runner: CliRunner, tmp_path: Path) -> None:
    src = tmp_path / "img.txt"
    src.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    res = run(runner, "extract", str(src))
    assert res.exit_code == errors.EXIT_INPUT
    assert "binary" in res.stderr and res.stderr.count("\n") == 1


def test_not_utf8_names_byte_offset_and_encoding_option_fixes_it(runner: CliRunner, tmp_path: Path) -> None:
    src = tmp_path / "latin.txt"
    src.write_bytes("Le ministre a déclaré que tout allait bien.".encode("latin-1"))
    res = run(runner, "extract", str(src))
    assert res.exit_code == errors.EXIT_INPUT
    assert "latin.txt" in res.stderr and "byte 15" in res.stderr and "--encoding" in res.stderr
    res = run(runner, "extract", str(src), "--encoding", "latin-1")
    assert res.exit_code == 0 and "déclaré" in res.stdout


def test_unknown_encoding(runner: CliRunner, tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    res = run(runner, "extract", str(src), "--encoding", "klingon")
    assert res.exit_code == errors.EXIT_USAGE and res.stderr.startswith("claimkit: error: --encoding: unknown encoding")
    assert "klingon" in res.stderr and res.stderr.count("\n") == 1


def test_malformed_jsonl_line_is_named_and_others_are_processed(runner: CliRunner, tmp_path: Path) -> None:
    src = tmp_path / "arts.jsonl"
    src.write_text(
        json.dumps({"id": "ok1", "text": ARTICLE}) + "\n{not json\n" + json.dumps({"text": "no id"}) + "\n",
        encoding="utf-8",
    )
    res = run(runner, "extract", str(src))
    assert res.exit_code == errors.EXIT_PARTIAL
    assert "arts.jsonl:2" in res.stderr and "arts.jsonl:3" in res.stderr
    assert {json.loads(x)["doc_id"] for x in res.stdout.splitlines()} == {"ok1"}


def test_one_bad_input_among_several(runner: CliRunner, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "s.jsonl"
    res = run(runner, "extract", str(tmp_path / "missing.txt"), str(good), "-o", str(out))
    assert res.exit_code == errors.EXIT_PARTIAL
    assert "missing.txt" in res.stderr
    assert {r["doc_id"] for r in lines(out)} == {"good"}


def test_all_inputs_failing_never_replaces_existing_output(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "s.jsonl"
    out.write_text("precious\n", encoding="utf-8")
    res = run(runner, "extract", str(tmp_path / "missing.txt"), "-o", str(out))
    assert res.exit_code == errors.EXIT_INPUT
    assert out.read_text(encoding="utf-8") == "precious\n"


def test_outputs_never_replace_a_reviewers_statements(runner: CliRunner, tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    out, docs = tmp_path / "s.jsonl", tmp_path / "d.jsonl"
    assert run(runner, "extract", str(src), "-o", str(out), "--docs", str(docs), "-q").exit_code == 0
    # What `claimkit doccano pull` writes once a reviewer confirmed the document.
    reviewed = tmp_path / "annotations" / "review.jsonl"
    reviewed.parent.mkdir()
    review = {"status": "confirmed", "reviewer": "ana", "reviewed_at": "2026-12-01T10:00:00Z"}
    before = "".join(json.dumps(dict(r, review=review)) + "\n" for r in lines(out))
    reviewed.write_text(before, encoding="utf-8")
    for args in (
        ("extract", str(src), "-o", str(reviewed)),
        ("extract", str(src), "-o", str(out), "--docs", str(reviewed)),
        ("extract", str(src), "-o", str(tmp_path / "new.jsonl"), "--docs", str(docs), "--errors", str(reviewed)),
        ("export", str(out), "--format", "csv", "-o", str(reviewed)),
        ("render", str(src), "-o", str(reviewed)),
    ):
        res = run(runner, *args)
        assert res.exit_code == errors.EXIT_OUTPUT, (args, res.stderr)
        assert res.stderr.count("\n") == 1 and "holds statements reviewed in Doccano (1 document(s))" in res.stderr
        assert reviewed.read_text(encoding="utf-8") == before
    assert not (tmp_path / "new.jsonl").exists()


def test_unwritable_output(runner: CliRunner, tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    res = run(runner, "extract", str(src), "-o", str(blocker / "out.jsonl"))
    assert res.exit_code == errors.EXIT_OUTPUT
    assert "cannot write" in res.stderr


def test_unknown_model(runner: CliRunner, tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    res = run(runner, "extract", str(src), "--model", "en_no_such_model")
    assert res.exit_code == errors.EXIT_MODEL and "en_no_such_model" in res.stderr


def test_validate_good_and_bad(runner: CliRunner, tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    out, docs = tmp_path / "s.jsonl", tmp_path / "d.jsonl"
    assert run(runner, "extract", str(src), "-o", str(out), "--docs", str(docs)).exit_code == 0
    assert run(runner, "validate", str(out)).exit_code == 0
    assert run(runner, "validate", str(docs)).exit_code == 0
    records = lines(out)
    records[0]["kind"] = "rumour"
    del records[-1]["certainty"]["score"]
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join(json.dumps(r) for r in records) + "\n{oops\n", encoding="utf-8")
    res = run(runner, "validate", str(bad))
    assert res.exit_code == errors.EXIT_INVALID
    n = len(records)
    assert "bad.jsonl:1: /kind:" in res.stdout
    assert f"bad.jsonl:{n}: /certainty:" in res.stdout and "score" in res.stdout
    assert f"bad.jsonl:{n + 1}: /: malformed JSON" in res.stdout


def test_validate_missing_file(runner: CliRunner, tmp_path: Path) -> None:
    res = run(runner, "validate", str(tmp_path / "none.jsonl"))
    assert res.exit_code == errors.EXIT_INPUT


def test_a_missing_stage_model_stops_the_run(runner: CliRunner, tmp_path: Path, monkeypatch) -> None:
    from claimkit import subjectivity

    def missing(*args, **kwargs):
        raise errors.ModelError("subjectivity model claimkit/data/subjectivity_model.json is missing")

    monkeypatch.setattr(subjectivity, "load_model", missing)
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    res = run(runner, "extract", str(src), str(src))
    assert res.exit_code == errors.EXIT_MODEL
    assert res.stderr.count("subjectivity model") == 1
