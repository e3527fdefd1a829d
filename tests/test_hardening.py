"""Never lose data, never hang, never crash: outputs that would destroy inputs, symlinks and
devices, deep/huge JSON lines, concurrent --resume runs, a full disk (issue 18)."""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import socket
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimkit import errors, io
from claimkit.cli import app
from claimkit.errors import JSONLError, OutputError
from claimkit.resume import OutputLock, recover

ARTICLE = "Park Won-gon, a professor, said the talks would resume. “We are ready,” he added.\n"
CLI = [sys.executable, "-c", "from claimkit.cli import main; main()"]


def invoke(*args: str, stdin: str | None = None):
    result = CliRunner().invoke(app, list(args), input=stdin)
    assert "Traceback" not in result.output + result.stderr, result.stderr
    return result


def jsonl(path: Path, *records: dict) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


# --- 1. an output that is an input ------------------------------------------------------------


@pytest.mark.parametrize("option", ["-o", "--docs", "--errors"])
def test_output_equal_to_a_jsonl_input_is_refused(tmp_path: Path, option: str) -> None:
    src = jsonl(tmp_path / "a.jsonl", {"id": "a", "text": ARTICLE})
    before = src.read_bytes()
    args = ["extract", str(src), option, str(src), "-q"]
    if option != "-o":
        args += ["-o", str(tmp_path / "s.jsonl")]
    res = invoke(*args)
    assert res.exit_code == errors.EXIT_OUTPUT and "is also an input" in res.stderr
    assert res.stderr.count("\n") == 1 and src.read_bytes() == before


def test_output_equal_to_a_text_input_through_a_symlink_or_hard_link_is_refused(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "link.jsonl").symlink_to(src)
    os.link(src, tmp_path / "hard.jsonl")
    for out in ("link.jsonl", "hard.jsonl"):
        res = invoke("extract", str(src), "-o", str(tmp_path / out), "-q")
        assert res.exit_code == errors.EXIT_OUTPUT, out
    assert src.read_text(encoding="utf-8") == ARTICLE


def test_two_outputs_on_the_same_file_are_refused(tmp_path: Path) -> None:
    src = jsonl(tmp_path / "a.jsonl", {"id": "a", "text": ARTICLE})
    out = tmp_path / "s.jsonl"
    res = invoke("extract", str(src), "-o", str(out), "--docs", str(out), "-q")
    assert res.exit_code == errors.EXIT_OUTPUT and "same file" in res.stderr
    assert not out.exists()


def test_txt_output_inside_an_input_directory_is_refused(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    res = invoke("extract", str(tmp_path / "in"), "-o", str(tmp_path / "in" / "out.txt"), "-q")
    assert res.exit_code == errors.EXIT_OUTPUT and not (tmp_path / "in" / "out.txt").exists()


# --- 2. symlinks, FIFOs, devices --------------------------------------------------------------


def test_output_through_a_symlink_replaces_the_target_and_keeps_the_link(tmp_path: Path) -> None:
    src = jsonl(tmp_path / "a.jsonl", {"id": "a", "text": ARTICLE})
    target = tmp_path / "real" / "s.jsonl"
    target.parent.mkdir()
    target.write_text("old\n")
    link = tmp_path / "link.jsonl"
    link.symlink_to(target)
    assert invoke("extract", str(src), "-o", str(link), "-q").exit_code == 0
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert json.loads(target.read_text().splitlines()[0])["doc_id"] == "a"
    assert not list(tmp_path.rglob(".*.tmp"))


def test_output_to_a_fifo_writes_into_it(tmp_path: Path) -> None:
    src = jsonl(tmp_path / "a.jsonl", {"id": "a", "text": ARTICLE})
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    res = invoke("extract", str(src), "-o", str(fifo), "-q")
    reader.join(30)
    assert res.exit_code == 0 and stat.S_ISFIFO(fifo.lstat().st_mode)
    assert json.loads(got[0].splitlines()[0])["doc_id"] == "a"


def test_output_to_dev_null_keeps_the_device(tmp_path: Path) -> None:
    src = jsonl(tmp_path / "a.jsonl", {"id": "a", "text": ARTICLE})
    with io.atomic_writer("/dev/null") as fh:
        fh.write("x\n")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert invoke("extract", str(src), "-o", "/dev/null", "-q").exit_code == 0
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_output_onto_a_socket_or_directory_is_refused(tmp_path: Path) -> None:
    sock_path = tmp_path / "sock"
    with contextlib.closing(socket.socket(socket.AF_UNIX)) as sock:
        sock.bind(str(sock_path))
        with pytest.raises(OutputError, match="not a regular file"), io.atomic_writer(sock_path) as fh:
            fh.write("x")
    assert stat.S_ISSOCK(sock_path.lstat().st_mode)
    src = jsonl(tmp_path / "a.jsonl", {"id": "a", "text": ARTICLE})
    res = invoke("extract", str(src), "-o", str(tmp_path), "-q")
    assert res.exit_code == errors.EXIT_OUTPUT and tmp_path.is_dir()


def test_dash_means_stdout(tmp_path: Path) -> None:
    src = jsonl(tmp_path / "a.jsonl", {"id": "a", "text": ARTICLE})
    res = invoke("extract", str(src), "-o", "-", "-q")
    assert res.exit_code == 0 and json.loads(res.stdout.splitlines()[0])["doc_id"] == "a"
    assert not (tmp_path / "-").exists() and not Path("-").exists()


def test_resume_refuses_non_regular_outputs(tmp_path: Path) -> None:
    src = jsonl(tmp_path / "a.jsonl", {"id": "a", "text": ARTICLE})
    res = invoke("extract", str(src), "-o", "/dev/null", "--docs", str(tmp_path / "d.jsonl"), "--resume", "-q")
    assert res.exit_code == errors.EXIT_OUTPUT and "regular file" in res.stderr


# --- 4. deep and huge JSON lines --------------------------------------------------------------

DEEP = '{"id": "b", "text": "x", "meta": {"k": ' + "[" * 100000 + "]" * 100000 + "}}"


def test_loads_line_limits_depth_and_size(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(JSONLError, match="f:1: JSON nested deeper"):
        io.loads_line(DEEP, "f:1")
    with pytest.raises(JSONLError, match="nested deeper"):
        io.loads_line("[" * (io.MAX_JSON_DEPTH + 1) + "]" * (io.MAX_JSON_DEPTH + 1), "f:1")
    assert io.loads_line("[" * io.MAX_JSON_DEPTH + "]" * io.MAX_JSON_DEPTH, "f:1") is not None
    monkeypatch.setattr(io, "MAX_LINE_BYTES", 100)
    with pytest.raises(JSONLError, match="longer than"):
        io.loads_line('{"text": "' + "x" * 200 + '"}', "f:1")


def test_a_deep_line_is_one_error_and_the_others_are_extracted(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "a", "text": ARTICLE}) + "\n" + DEEP + "\n" + json.dumps({"id": "c", "text": ARTICLE}) + "\n"
    )
    out, errs, docs = tmp_path / "s.jsonl", tmp_path / "e.jsonl", tmp_path / "d.jsonl"
    res = invoke("extract", str(src), "-o", str(out), "--errors", str(errs), "-q")
    assert res.exit_code == errors.EXIT_PARTIAL
    assert {json.loads(x)["doc_id"] for x in out.read_text().splitlines()} == {"a", "c"}
    (reason,) = [json.loads(x) for x in errs.read_text().splitlines()]
    assert f"{src}:2: JSON nested deeper" in reason["reason"]
    res = invoke("extract", str(src), "-o", str(tmp_path / "s2.jsonl"), "--docs", str(docs), "--resume", "-q")
    assert res.exit_code == errors.EXIT_PARTIAL and "in.jsonl:2" in res.stderr
    assert [json.loads(x)["doc_id"] for x in docs.read_text().splitlines()] == ["a", "c"]


def test_an_over_long_line_is_skipped_in_constant_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(io, "MAX_LINE_BYTES", 1000)
    src = tmp_path / "in.jsonl"
    big = json.dumps({"id": "big", "text": "word " * 5000})
    src.write_text(json.dumps({"id": "a", "text": "A."}) + "\n" + big + "\n" + json.dumps({"id": "c", "text": "C."}))
    got = list(io.iter_jsonl(src))
    assert [getattr(g, "doc_id", None) for g in got] == ["a", None, "c"]
    assert "in.jsonl:2: line longer than" in str(got[1])


def test_validate_and_eval_report_a_deep_line_without_crashing(tmp_path: Path) -> None:
    bad = tmp_path / "s.jsonl"
    bad.write_text(DEEP + "\n")
    res = invoke("validate", str(bad))
    assert res.exit_code == errors.EXIT_INVALID and "s.jsonl:1: /: JSON nested deeper" in res.stdout
    for fmt in ("claimkit", "doccano"):
        res = invoke("eval", "--gold", str(bad), "--format", fmt)
        assert res.exit_code == errors.EXIT_GOLD, (fmt, res.stderr)
        assert "nested deeper" in res.stderr and res.stderr.count("\n") == 1


def test_every_jsonl_reader_splits_at_newline_only(tmp_path: Path) -> None:
    text = "One line\u2028two\u2029three\x85four\x0bfive\x0csix\x1cseven."
    src = jsonl(tmp_path / "in.jsonl", {"id": "u", "text": text})
    (doc,) = list(io.iter_jsonl(src))
    assert doc.text == text


# --- 5. a lock on resumable outputs -----------------------------------------------------------


def _hold_lock(path: Path) -> subprocess.Popen:
    code = (
        "import sys, time; from pathlib import Path; from claimkit.resume import OutputLock; "
        f"lock = OutputLock(Path({str(path)!r})); print('locked', flush=True); time.sleep(60)"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
    return proc


def test_a_second_resume_run_on_the_same_output_is_refused(tmp_path: Path) -> None:
    src = jsonl(tmp_path / "a.jsonl", {"id": "a", "text": ARTICLE})
    out, docs = tmp_path / "s.jsonl", tmp_path / "d.jsonl"
    holder = _hold_lock(docs)
    try:
        res = invoke("extract", str(src), "-o", str(out), "--docs", str(docs), "--resume", "-q")
        assert res.exit_code == errors.EXIT_OUTPUT and res.stderr.count("\n") == 1
        assert f"pid {holder.pid}" in res.stderr and "another claimkit run" in res.stderr
        assert not docs.exists() and not out.exists()
    finally:
        holder.kill()
        holder.wait()
    # The holder died by SIGKILL: its lock file is left behind, and taken over.
    assert Path(f"{docs}.lock").exists()
    res = CliRunner().invoke(app, ["extract", str(src), "-o", str(out), "--docs", str(docs), "--resume"])
    assert res.exit_code == 0, res.stderr
    assert f"took over the lock of an earlier run that is gone (pid {holder.pid})" in res.stderr
    assert len(docs.read_text().splitlines()) == 1 and not Path(f"{docs}.lock").exists()


@pytest.mark.slow
def test_two_real_concurrent_resume_runs_never_duplicate(tmp_path: Path) -> None:
    """A real second run while the first is writing is refused; the first, killed, is resumed."""
    n = 200
    src = jsonl(tmp_path / "a.jsonl", *({"id": f"d{i}", "text": ARTICLE * 20} for i in range(n)))
    out, docs = tmp_path / "s.jsonl", tmp_path / "d.jsonl"
    cmd = [*CLI, "extract", str(src), "-o", str(out), "--docs", str(docs), "--resume", "-q", "--batch-size", "1"]
    first = subprocess.Popen(cmd)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and first.poll() is None:
            if docs.exists() and docs.read_bytes().count(b"\n") >= 2:
                break
            time.sleep(0.02)
        second = subprocess.run(cmd, capture_output=True, text=True, check=False)
        assert first.poll() is None, "the first run ended before the second tried: make the corpus longer"
        assert second.returncode == errors.EXIT_OUTPUT, second.stderr
        assert second.stderr.count("\n") == 1 and f"another claimkit run (pid {first.pid})" in second.stderr
    finally:
        first.kill()
        first.wait()
    third = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert third.returncode == 0, third.stderr
    ids = [json.loads(x)["doc_id"] for x in docs.read_text().splitlines()]
    assert ids == [f"d{i}" for i in range(n)]
    assert len(out.read_text().splitlines()) == sum(json.loads(x)["statements"] for x in docs.read_text().splitlines())


def test_lock_is_released_and_reusable(tmp_path: Path) -> None:
    target = tmp_path / "d.jsonl"
    with OutputLock(target) as lock:
        assert lock.stale_pid is None and Path(f"{target}.lock").read_text().strip() == str(os.getpid())
        with pytest.raises(OutputError, match="another claimkit run"):
            OutputLock(target)  # a second open file description conflicts even in one process
    assert not Path(f"{target}.lock").exists()
    OutputLock(target).release()


# --- 6. a full disk ---------------------------------------------------------------------------


def test_stdout_on_a_full_disk_exits_5(tmp_path: Path) -> None:
    src = jsonl(tmp_path / "a.jsonl", {"id": "a", "text": ARTICLE})
    with open("/dev/full", "w") as full:
        proc = subprocess.run([*CLI, "extract", str(src), "-q"], stdout=full, stderr=subprocess.PIPE, text=True)
    assert proc.returncode == errors.EXIT_OUTPUT, proc.stderr
    assert proc.stderr == "claimkit: error: <stdout>: cannot write (No space left on device) (disk full?)\n"


def test_o_dev_full_exits_5_and_keeps_the_device(tmp_path: Path) -> None:
    src = jsonl(tmp_path / "a.jsonl", {"id": "a", "text": ARTICLE})
    res = invoke("extract", str(src), "-o", "/dev/full", "-q")
    assert res.exit_code == errors.EXIT_OUTPUT and "No space left" in res.stderr
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


@pytest.fixture()
def tiny_fs(tmp_path: Path):
    """A 64 KiB tmpfs (needs root and mount); skipped where it cannot be mounted."""
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    proc = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mnt)], capture_output=True)
    if proc.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs: {proc.stderr.decode().strip()}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", str(mnt)], check=False)


def _corpus(path: Path, n: int) -> Path:
    return jsonl(path, *({"id": f"d{i:03d}", "text": ARTICLE * 3} for i in range(n)))


def test_full_disk_keeps_the_previous_output_and_removes_the_temp(tmp_path: Path, tiny_fs: Path) -> None:
    out = tiny_fs / "s.jsonl"
    out.write_text("previous\n")
    res = invoke("extract", str(_corpus(tmp_path / "in.jsonl", 60)), "-o", str(out), "-q")
    assert res.exit_code == errors.EXIT_OUTPUT and res.stderr.count("\n") == 1
    assert "No space left on device" in res.stderr
    assert out.read_text() == "previous\n" and sorted(p.name for p in tiny_fs.iterdir()) == ["s.jsonl"]


def test_full_disk_with_resume_keeps_a_consistent_ledger(tmp_path: Path, tiny_fs: Path) -> None:
    corpus = _corpus(tmp_path / "in.jsonl", 60)
    out, docs = tiny_fs / "s.jsonl", tiny_fs / "d.jsonl"
    res = invoke("extract", str(corpus), "-o", str(out), "--docs", str(docs), "--resume", "-q")
    assert res.exit_code == errors.EXIT_OUTPUT and "run again with --resume" in res.stderr
    records = [json.loads(x) for x in docs.read_text().splitlines()]
    assert 0 < len(records) < 60 and docs.read_text().endswith("\n")
    assert len(out.read_text().splitlines()) == sum(r["statements"] for r in records)
    ledger = recover(out, docs)
    assert ledger.documents == len(records) and ledger.discarded_bytes == 0


# --- 7. workers die with their parent ---------------------------------------------------------


def test_pool_workers_die_when_the_parent_is_killed() -> None:
    code = (
        "import time; from claimkit.pipeline import _start_pool; pool = _start_pool(2); "
        "print(*pool._processes, flush=True); time.sleep(120)"
    )
    parent = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert parent.stdout is not None
    workers = [int(p) for p in parent.stdout.readline().split()]
    assert len(workers) == 2 and all(Path(f"/proc/{pid}").exists() for pid in workers)
    parent.kill()
    parent.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in workers), "workers outlived their SIGKILLed parent"


def _alive(pid: int) -> bool:
    """Running (a zombie waiting for init to reap it counts as dead)."""
    try:
        status = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return status not in ("Z", "X")


# --- 8, 10. validate: streamed, \n only, every offset -----------------------------------------


def _extracted(tmp_path: Path, text: str) -> tuple[Path, Path, Path, list[dict]]:
    src = jsonl(tmp_path / "in.jsonl", {"id": "a", "text": text})
    out, docs = tmp_path / "s.jsonl", tmp_path / "d.jsonl"
    assert invoke("extract", str(src), "-o", str(out), "--docs", str(docs), "-q").exit_code == 0
    return src, out, docs, [json.loads(x) for x in out.read_text(encoding="utf-8").split("\n") if x]


def test_validate_accepts_own_output_with_unicode_line_separators(tmp_path: Path) -> None:
    text = "The minister said\u2028the plan may fail.\u2029 “We are ready,” he added.\x85 Prices rose 3%.\n"
    src, out, docs, records = _extracted(tmp_path, text)
    assert records
    res = invoke("validate", str(out), "--docs", str(docs), "--texts", str(src))
    assert res.exit_code == 0, res.stdout
    assert f"{len(records)} of {len(records)} records valid" in res.stderr


def test_validate_catches_bad_offsets_ids_and_numbers(tmp_path: Path) -> None:
    src, _out, docs, records = _extracted(tmp_path, ARTICLE)
    r = records[0]
    broken = [
        {**r, "start": r["end"], "end": r["start"]},  # end < start
        {**r, "end": r["end"] - 1},  # len(text) != end - start
        {**r, "id": "other:0"},  # id not <doc_id>:<n>
        {**r, "start": 5000, "end": 5000 + len(r["text"])},  # past the document
        {**r, "text": "x" * len(r["text"])},  # not the document text
    ]
    nan = json.dumps(r).replace('"score": ', '"score": NaN, "was": ', 1)
    bad = tmp_path / "bad.jsonl"
    bad.write_text("".join(json.dumps(b) + "\n" for b in broken) + nan + "\n" + json.dumps(r) + "\n")
    res = invoke("validate", str(bad), "--docs", str(docs), "--texts", str(src))
    assert res.exit_code == errors.EXIT_INVALID
    got = res.stdout
    assert "bad.jsonl:1: /end: end" in got and "is not after start" in got
    assert "bad.jsonl:2: /text:" in got and "end - start is" in got
    assert "bad.jsonl:3: /id:" in got
    assert "bad.jsonl:4: /end:" in got and "past the end of the document" in got
    assert "bad.jsonl:5: /text: does not equal document" in got
    assert "bad.jsonl:6: /certainty/score: nan is not a finite number" in got
    assert "bad.jsonl:7:" not in got and "1 of 7 records valid" in res.stderr


def test_validate_checks_cue_offsets_against_the_text(tmp_path: Path) -> None:
    src, _out, _docs, records = _extracted(tmp_path, ARTICLE)
    r = next(r for r in records if r["cue"])
    bad = jsonl(tmp_path / "bad.jsonl", {**r, "cue": {**r["cue"], "start": 0, "end": len(r["cue"]["text"])}})
    res = invoke("validate", str(bad), "--texts", str(src))
    assert res.exit_code == errors.EXIT_INVALID and "bad.jsonl:1: /cue/text: does not equal document" in res.stdout


def test_validate_shows_at_most_max_errors_and_the_total(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{oops\n" * 30)
    res = invoke("validate", str(bad), "--max-errors", "5")
    assert res.exit_code == errors.EXIT_INVALID and res.stdout.count("\n") == 5
    assert "25 more errors not shown" in res.stderr and "0 of 30 records valid; 30 errors" in res.stderr


def test_validate_on_non_utf8_names_the_byte_without_a_missing_option(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(b'{"id": "caf\xe9"}\n')
    res = invoke("validate", str(bad))
    assert res.exit_code == errors.EXIT_INVALID and "not valid UTF-8 at byte" in res.stdout
    assert "--encoding" not in res.stdout + res.stderr


# --- 13. articles longer than the parser's limit ----------------------------------------------

LONG = "".join(
    f"“We will not accept proposal {i},” Park Won-gon said on Monday. Prices may rise {i}% next year.\n\n"
    for i in range(12)
)


def test_chunk_bounds_cut_at_line_breaks_then_sentences() -> None:
    from claimkit.nlp import chunk_bounds

    bounds, inside = chunk_bounds(LONG, 300)
    assert bounds[0] == 0 and bounds[-1] == len(LONG) and not inside
    assert all(LONG[b - 1] == "\n" for b in bounds[1:-1]) and all(b - a <= 300 for a, b in itertools.pairwise(bounds))
    one_line = LONG.replace("\n", " ")
    bounds, inside = chunk_bounds(one_line, 300)
    assert inside and all(one_line[b - 2 : b] == ". " for b in bounds[1:-1])
    assert chunk_bounds("x" * 1000, 300)[0] == [0, 300, 600, 900, 1000]


def test_a_text_parsed_in_pieces_gives_the_same_statements(extractor, monkeypatch: pytest.MonkeyPatch) -> None:
    from claimkit import nlp
    from claimkit.records import Document

    whole = [s.to_dict() for s in extractor.extract_one(Document("long", LONG))[1]]
    monkeypatch.setattr(nlp, "CHUNK_CHARS", 400)
    doc = nlp.parse(extractor.nlp, LONG)
    assert doc.text == LONG and doc.user_data[nlp.CHUNKS_KEY]["pieces"] >= 3
    pieces = [s.to_dict() for s in extractor.extract_one(Document("long", LONG))[1]]
    # Only the models' kind_score and checkworthiness may move a little next to a cut (their
    # context vectors see a few tokens across paragraphs); every span, label and kind is the same.
    assert len(pieces) == len(whole)
    for a, b in zip(pieces, whole, strict=True):
        assert abs(a.pop("kind_score") - b.pop("kind_score")) < 0.05
        assert abs(a.pop("checkworthiness") - b.pop("checkworthiness")) < 0.05
        assert a == b


def test_cli_processes_a_text_over_max_length_with_a_warning(
    extractor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimkit import nlp

    monkeypatch.setattr(nlp, "CHUNK_CHARS", 400)
    monkeypatch.setattr(nlp.load("spacy", nlp.DEFAULT_MODEL, None), "max_length", 1000)
    src = tmp_path / "long.txt"
    src.write_text(LONG, encoding="utf-8")
    out = tmp_path / "s.jsonl"
    res = invoke("extract", str(src), "-o", str(out))
    assert res.exit_code == 0, res.stderr
    assert f"{len(LONG)} characters, parsed in" in res.stderr and "at line breaks" in res.stderr
    records = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) >= 12 and all(LONG[r["start"] : r["end"]] == r["text"] for r in records)


# --- 14. messages that say what is wrong --------------------------------------------------------


def test_partitioned_with_resume_names_the_real_conflict(tmp_path: Path) -> None:
    src = jsonl(tmp_path / "a.jsonl", {"id": "a", "text": ARTICLE})
    res = invoke("extract", str(src), "--partitioned", str(tmp_path / "p"), "--resume", "--scheduler", "local")
    assert res.exit_code == errors.EXIT_USAGE and "stdout" not in res.stderr
    assert "--partitioned needs --scheduler and replaces -o, --docs, --errors and --resume" in res.stderr
