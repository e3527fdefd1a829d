"""Scale: worker processes with deterministic order, bounded reading, --resume, --errors FILE."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from typer.testing import CliRunner

from claimkit import errors, pipeline
from claimkit.cli import app
from claimkit.errors import ExtractionError, InputError, OutputError
from claimkit.pipeline import Extractor, Result, batched, ordered_map, parse_batch
from claimkit.records import Document
from claimkit.resume import Ledger, doc_key, recover

ARTICLES = [
    "Park Won-gon, a professor, said the talks would resume. “We are ready,” he added.\n\nPrices rose 3% in May.\n",
    "The minister said the plan may be delayed. Some experts speculate that it could fail.\n",
    "Officials announced a new budget on Monday. “It is a good day,” the mayor said.\n",
    "Rain fell in Seoul.\n",
    "",
    "According to the report, exports fell 5%. Analysts believe the decline will continue.\n",
    "Kim said he was not sure. The company might close the plant, a spokesman said.\n",
]


def write_corpus(path: Path, n: int, bad_line_at: int | None = None) -> list[str]:
    """A JSONL corpus of ``n`` articles cycling through ARTICLES; returns the doc_ids."""
    ids, lines = [], []
    for i in range(n):
        ids.append(f"doc{i:03d}")
        lines.append(json.dumps({"id": ids[-1], "text": ARTICLES[i % len(ARTICLES)]}))
        if bad_line_at == i:
            lines.append('{"id": "broken", "text": ')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ids


def read_lines(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


def invoke(*args: str):
    result = CliRunner().invoke(app, ["extract", *args, "--quiet"])
    assert "Traceback" not in result.output + result.stderr, result.stderr
    return result


# --- pure logic, no model -------------------------------------------------------------------


def test_batched_reads_lazily() -> None:
    consumed: list[int] = []

    def source():
        for i in range(10):
            consumed.append(i)
            yield Document(f"d{i}", "x")

    first = next(batched(source(), 3))
    assert [d.doc_id for d in first] == ["d0", "d1", "d2"]
    assert consumed == [0, 1, 2]


def test_ordered_map_keeps_order_and_bounds_the_window() -> None:
    """Futures finishing in any order still come back in input order; reading stays bounded."""
    started: list[int] = []

    class Done:
        def __init__(self, value: int) -> None:
            self.value = value

        def result(self) -> int:
            return self.value

    def start(batch):
        started.append(batch[0])
        return Done(batch[0] * 10)

    out = ordered_map(start, ([i] for i in range(20)), window=3)
    batch, future = next(out)
    assert batch == [0] and future.result() == 0
    assert started == [0, 1, 2], "more batches started than the window allows"
    rest = [f.result() for _, f in out]
    assert rest == [i * 10 for i in range(1, 20)]


def test_parse_batch_isolates_a_document_the_parser_rejects() -> None:
    nlp = spacy.blank("en")

    @spacy.Language.component("test_rejects_boom")
    def rejects(doc):
        if "boom" in doc.text:
            raise ValueError("boom")
        return doc

    nlp.add_pipe("test_rejects_boom")
    docs = parse_batch(nlp, ["short one.", "boom " * 10, "another short."])
    assert docs[0].text == "short one." and docs[2].text == "another short."
    assert isinstance(docs[1], ExtractionError) and "parsing failed" in str(docs[1])


def test_parse_batch_parses_a_text_over_max_length_in_pieces() -> None:
    nlp = spacy.blank("en")
    nlp.max_length = 40
    long_text = "Rain fell.\n" * 20
    docs = parse_batch(nlp, ["short one.", long_text])
    assert docs[1].text == long_text and docs[1].user_data["claimkit_chunks"]["over_limit"]


def test_error_record_names_document_and_reason() -> None:
    res = Result(Document("a1", "t", path="in.jsonl:3"), error=ExtractionError("in.jsonl:3: boom"))
    assert res.error_record() == {
        "doc_id": "a1",
        "path": "in.jsonl:3",
        "error": "ExtractionError",
        "reason": "in.jsonl:3: boom",
    }
    assert Result(None, error=InputError("x.txt: no such file")).error_record()["doc_id"] is None
    assert Result(Document("a", "t")).error_record() is None


def _ledger_files(tmp_path: Path, counts: list[int]) -> tuple[Path, Path]:
    """Hand-made resumable outputs: document i has counts[i] statements."""
    st, docs = tmp_path / "s.jsonl", tmp_path / "d.jsonl"
    with st.open("w") as fs, docs.open("w") as fd:
        for i, n in enumerate(counts):
            for k in range(n):
                fs.write(json.dumps({"id": f"d{i}:{k + 1}", "doc_id": f"d{i}"}) + "\n")
            fd.write(json.dumps({"doc_id": f"d{i}", "sha256": f"h{i}", "statements": n}) + "\n")
    return st, docs


def test_recover_keeps_complete_files(tmp_path: Path) -> None:
    st, docs = _ledger_files(tmp_path, [2, 0, 3])
    before = st.read_bytes(), docs.read_bytes()
    ledger = recover(st, docs)
    assert (ledger.documents, ledger.statements, ledger.discarded_bytes) == (3, 5, 0)
    assert doc_key("d1", "h1") in ledger.done and doc_key("d1", "other") not in ledger.done
    assert (st.read_bytes(), docs.read_bytes()) == before


def test_recover_cuts_a_half_written_record_line(tmp_path: Path) -> None:
    st, docs = _ledger_files(tmp_path, [2, 3])
    full = docs.read_bytes()
    docs.write_bytes(full[:-10])  # killed while writing the record of d1
    ledger = recover(st, docs)
    assert ledger.documents == 1 and ledger.statements == 2
    assert len(st.read_text().splitlines()) == 2, "statements of the unfinished document must go"
    assert [json.loads(x)["doc_id"] for x in docs.read_text().splitlines()] == ["d0"]


def test_recover_cuts_statements_written_after_the_last_record(tmp_path: Path) -> None:
    st, docs = _ledger_files(tmp_path, [1, 2])
    with st.open("a") as fh:  # killed after some statements of d2, before its record
        fh.write(json.dumps({"id": "d2:1", "doc_id": "d2"}) + "\n" + '{"id": "d2:2", "do')
    ledger = recover(st, docs)
    assert ledger.documents == 2 and ledger.statements == 3
    assert [json.loads(x)["doc_id"] for x in st.read_text().splitlines()] == ["d0", "d1", "d1"]
    assert ledger.discarded_bytes > 0


def test_recover_drops_records_whose_statements_are_missing(tmp_path: Path) -> None:
    st, docs = _ledger_files(tmp_path, [1, 2, 2])
    lines = st.read_text().splitlines(keepends=True)
    st.write_text("".join(lines[:4]))  # a crash lost the last statement of d2
    ledger = recover(st, docs)
    assert ledger.documents == 2 and ledger.statements == 3
    assert len(docs.read_text().splitlines()) == 2 and len(st.read_text().splitlines()) == 3


def test_recover_refuses_files_that_do_not_belong_together(tmp_path: Path) -> None:
    st, docs = _ledger_files(tmp_path, [1, 1])
    st.write_text(json.dumps({"doc_id": "zzz"}) + "\n" + json.dumps({"doc_id": "yyy"}) + "\n")
    before = st.read_bytes()
    with pytest.raises(OutputError, match="does not match"):
        recover(st, docs)
    assert st.read_bytes() == before
    docs.write_text("not json\n" + docs.read_text())
    with pytest.raises(OutputError, match="not a document record"):
        recover(st, docs)


def test_recover_fresh_start_and_orphan_statements(tmp_path: Path) -> None:
    assert recover(tmp_path / "s.jsonl", tmp_path / "d.jsonl") == Ledger()
    (tmp_path / "s.jsonl").write_text('{"doc_id": "a"}\n')
    with pytest.raises(OutputError, match="documents file"):
        recover(tmp_path / "s.jsonl", tmp_path / "d.jsonl")


# --- with the model -------------------------------------------------------------------------


def test_same_output_for_any_number_of_processes(tmp_path: Path) -> None:
    corpus = tmp_path / "in.jsonl"
    write_corpus(corpus, 23)
    outputs = []
    for n in (1, 2, 3):
        out, docs = tmp_path / f"s{n}.jsonl", tmp_path / f"d{n}.jsonl"
        res = invoke(str(corpus), "-o", str(out), "--docs", str(docs), "--n-process", str(n), "--batch-size", "2")
        assert res.exit_code == 0, res.stderr
        outputs.append((out.read_bytes(), docs.read_bytes()))
    assert outputs[0] == outputs[1] == outputs[2]
    recs = read_lines(tmp_path / "d1.jsonl")
    assert [r["doc_id"] for r in recs] == [f"doc{i:03d}" for i in range(23)]
    assert sum(r["statements"] for r in recs) == len(read_lines(tmp_path / "s1.jsonl")) > 23


def test_pool_results_carry_documents_and_statements(extractor: Extractor) -> None:
    docs = [Document(f"d{i}", t) for i, t in enumerate(ARTICLES)]
    serial = list(extractor.extract(docs, batch_size=2))
    pooled = list(extractor.extract(docs, batch_size=2, n_process=2, serialize=True))
    assert [r.document for r in pooled] == docs
    assert [r.statements for r in pooled] == [r.statements for r in serial]
    assert all(r.statements_jsonl.count("\n") == len(r.statements) for r in pooled)


def test_a_failing_document_does_not_stop_the_run(extractor: Extractor, monkeypatch: pytest.MonkeyPatch) -> None:
    real = pipeline.segment.segment

    def fragile(doc, cleaned, **options):
        if "Seoul" in doc.text:
            raise IndexError("simulated stage bug")
        return real(doc, cleaned, **options)

    monkeypatch.setattr(pipeline.segment, "segment", fragile)
    docs = [Document(f"d{i}", t) for i, t in enumerate(ARTICLES)]
    results = list(extractor.extract(docs, batch_size=3))
    failed = [r for r in results if r.error is not None]
    assert [r.document.doc_id for r in failed] == ["d3"]
    assert isinstance(failed[0].error, ExtractionError) and "IndexError" in str(failed[0].error)
    assert all(r.record is not None for r in results if r.error is None) and len(results) == len(ARTICLES)


def test_errors_file_lists_corrupt_lines_and_the_run_goes_on(tmp_path: Path) -> None:
    corpus = tmp_path / "in.jsonl"
    write_corpus(corpus, 5, bad_line_at=2)
    out, errs = tmp_path / "s.jsonl", tmp_path / "e.jsonl"
    res = invoke(str(corpus), str(tmp_path / "missing.txt"), "-o", str(out), "--errors", str(errs))
    assert res.exit_code == errors.EXIT_PARTIAL
    assert "2 of 7 inputs failed" in res.stderr and str(errs) in res.stderr
    assert "malformed JSON" not in res.stderr, "with --errors, reasons go to the file"
    reasons = read_lines(errs)
    assert [r["error"] for r in reasons] == ["JSONLError", "InputError"]
    assert f"{corpus}:4: malformed JSON" in reasons[0]["reason"] and "missing.txt" in reasons[1]["reason"]
    assert {r["doc_id"] for r in read_lines(out)} == {"doc000", "doc001", "doc002", "doc003"}  # doc004 is empty


def test_resume_needs_files() -> None:
    assert invoke("x.jsonl", "--resume").exit_code == errors.EXIT_USAGE
    res = invoke("x.jsonl", "--resume", "-o", "s.jsonl")
    assert res.exit_code == errors.EXIT_USAGE and "--docs" in res.stderr


def test_resume_after_a_kill_gives_the_same_output_as_one_run(tmp_path: Path) -> None:
    corpus = tmp_path / "in.jsonl"
    write_corpus(corpus, 30)
    ref_s, ref_d = tmp_path / "ref_s.jsonl", tmp_path / "ref_d.jsonl"
    assert invoke(str(corpus), "-o", str(ref_s), "--docs", str(ref_d)).exit_code == 0

    # A run "killed" inside document 13: first 12 documents complete, then a partial statement
    # block and a half-written record, as a kill between the writes leaves them.
    out, docs = tmp_path / "s.jsonl", tmp_path / "d.jsonl"
    ref_docs = ref_d.read_text().splitlines(keepends=True)
    ref_stmts = ref_s.read_text().splitlines(keepends=True)
    done = sum(json.loads(x)["statements"] for x in ref_docs[:12])
    out.write_text("".join(ref_stmts[: done + 1]) + ref_stmts[done + 1][:15])
    docs.write_text("".join(ref_docs[:12]) + ref_docs[12][:20])

    res = invoke(str(corpus), "-o", str(out), "--docs", str(docs), "--resume", "--n-process", "2")
    assert res.exit_code == 0, res.stderr
    assert out.read_bytes() == ref_s.read_bytes()
    assert docs.read_bytes() == ref_d.read_bytes()

    again = CliRunner().invoke(app, ["extract", str(corpus), "-o", str(out), "--docs", str(docs), "--resume"])
    assert again.exit_code == 0 and "skipped 30 documents" in again.stderr
    assert out.read_bytes() == ref_s.read_bytes(), "a finished run resumed again must not add anything"


def test_resume_extracts_new_and_changed_documents(tmp_path: Path) -> None:
    corpus = tmp_path / "in.jsonl"
    write_corpus(corpus, 4)
    out, docs = tmp_path / "s.jsonl", tmp_path / "d.jsonl"
    assert invoke(str(corpus), "-o", str(out), "--docs", str(docs), "--resume").exit_code == 0
    first = read_lines(docs)
    lines = corpus.read_text().splitlines()
    lines[1] = json.dumps({"id": "doc001", "text": "The mayor said taxes will rise.\n"})
    lines.append(json.dumps({"id": "doc999", "text": "Rain fell in Busan.\n"}))
    corpus.write_text("\n".join(lines) + "\n")
    res = CliRunner().invoke(app, ["extract", str(corpus), "-o", str(out), "--docs", str(docs), "--resume"])
    assert res.exit_code == 0 and "1 documents changed" in res.stderr
    recs = read_lines(docs)
    assert recs[:4] == first and [r["doc_id"] for r in recs[4:]] == ["doc001", "doc999"]
    assert len(read_lines(out)) == sum(r["statements"] for r in recs)


@pytest.mark.slow
def test_resume_after_a_real_kill_9(tmp_path: Path) -> None:
    """SIGKILL a real resumable run in the middle, resume it: same files as one uninterrupted run."""
    import signal
    import subprocess
    import sys
    import time

    corpus = tmp_path / "in.jsonl"
    write_corpus(corpus, 80)
    cmd = [sys.executable, "-c", "from claimkit.cli import main; main()", "extract", str(corpus), "-q"]
    ref_s, ref_d = tmp_path / "ref_s.jsonl", tmp_path / "ref_d.jsonl"
    assert subprocess.run([*cmd, "-o", str(ref_s), "--docs", str(ref_d)], check=False).returncode == 0

    out, docs = tmp_path / "s.jsonl", tmp_path / "d.jsonl"
    resumable = [*cmd, "-o", str(out), "--docs", str(docs), "--resume", "--batch-size", "2"]
    proc = subprocess.Popen(resumable)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None:
        if docs.exists() and docs.read_text().count("\n") >= 10:
            break
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    finished = docs.read_text().count("\n")
    assert 10 <= finished < 80, "the run was not killed in the middle"

    assert subprocess.run(resumable, check=False).returncode == 0
    assert out.read_bytes() == ref_s.read_bytes()
    assert docs.read_bytes() == ref_d.read_bytes()
