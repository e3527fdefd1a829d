"""``claimkit extract``: articles in, statement JSONL (and documents JSONL) out.

Two output modes:

* default: every output (``-o``, ``--docs``, ``--errors``) is written to a temporary file and
  renamed into place at the end, so an interrupted run leaves the previous files untouched;
* ``--resume``: ``-o`` and ``--docs`` are append-only, one finished document at a time, with
  the documents file as the ledger (see :mod:`claimkit.resume`); a rerun skips what is done.
"""

import contextlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Any

import typer

from ..constants import BACKENDS, DEFAULT_BATCH_SIZE, DEFAULT_MODEL, PARTITION_FORMATS
from ..errors import EXIT_INPUT, EXIT_PARTIAL, ClaimkitError, InputError, OutputError, UsageError
from ..io import (
    atomic_writer,
    check_outputs,
    check_regular,
    is_stdout,
    iter_documents,
    jsonl_line,
    refuse_reviewed,
)
from ..records import Document
from ..resume import AppendSink, Ledger, OutputLock, recover
from .common import Progress, check_encoding, choice, error_line, handle_errors, warn

if TYPE_CHECKING:  # the pipeline imports spaCy: only inside extract(), never at start-up
    from ..pipeline import Item, Result

EXIT_INTERRUPTED = 130


class _NothingDone(Exception):
    """No input gave any text (each failed or was empty): abort the atomic writes so no
    existing output is replaced."""


class _Run:
    """Counts and reports the outcome of each input; writes the errors file."""

    def __init__(self, errors: IO[str] | None, quiet: bool, flush: bool) -> None:
        self.errors, self.quiet, self.flush = errors, quiet, flush
        self.done = 0
        self.failures: list[ClaimkitError] = []
        self.skipped = 0
        self.changed = 0
        self.empty = 0  # documents read with no text in them

    @property
    def nothing_extracted(self) -> bool:
        """Whether no input gave any text: every one failed or was empty."""
        return self.done == self.empty and bool(self.failures or self.empty)

    def failed(self, result: "Result") -> None:
        assert result.error is not None
        self.failures.append(result.error)
        if self.errors is None:
            error_line(str(result.error))
            return
        record = result.error_record()
        assert record is not None
        self.errors.write(jsonl_line(record))
        if self.flush:
            self.errors.flush()

    def succeeded(self, result: "Result") -> None:
        assert result.record is not None
        self.done += 1
        if not (result.document and result.document.text.strip()):
            self.empty += 1
            if not self.quiet:
                warn(f"{result.record.path or result.record.doc_id}: empty document, no statements")
        if result.warning and not self.quiet:
            warn(result.warning)

    def skip_finished(self, items: Iterable["Item"], ledger: Ledger) -> Iterator["Item"]:
        """Leave out documents the ledger has (same doc_id and sha256)."""
        for item in items:
            if isinstance(item, Document):
                if ledger.is_done(item):
                    self.skipped += 1
                    continue
                if ledger.is_changed(item):
                    self.changed += 1
            yield item

    def exit(self, errors_path: Path | None) -> None:
        """Summary line(s) on stderr and the exit code."""
        if self.changed and not self.quiet:
            warn(f"{self.changed} documents changed since the previous run (same doc_id, new text): extracted again")
        where = f"; reasons in {errors_path}" if errors_path else ""
        if self.empty and self.nothing_extracted:
            failed = f", {len(self.failures)} failed{where}" if self.failures else ""
            error_line(f"nothing to extract: {self.empty} empty input(s){failed}; existing outputs kept")
            raise typer.Exit(self.failures[0].exit_code if self.failures else EXIT_INPUT)
        if not self.failures:
            return
        if self.done == 0:
            if self.errors is not None:
                error_line(f"all {len(self.failures)} inputs failed{where}")
            raise typer.Exit(self.failures[0].exit_code)
        error_line(
            f"{len(self.failures)} of {len(self.failures) + self.done} inputs failed; the others were written{where}"
        )
        raise typer.Exit(EXIT_PARTIAL)


def _check_options(
    paths: list[str], output: Path | None, docs: Path | None, errors: Path | None, resume: bool, scheduler: str | None
) -> None:
    if resume and is_stdout(output):
        raise UsageError("--resume needs -o FILE: statements cannot be resumed on stdout")
    if resume and is_stdout(docs):
        raise UsageError("--resume needs --docs FILE: the documents file is the ledger of finished documents")
    if scheduler is not None and not (scheduler == "local" or scheduler.startswith(("tcp://", "tls://"))):
        raise UsageError(f"--scheduler must be tcp://HOST:PORT, tls://HOST:PORT or local, not {scheduler!r}")
    check_outputs(paths, [("-o", output), ("--docs", docs), ("--errors", errors)])
    for out in (output, docs, errors):
        if not is_stdout(out):
            assert out is not None
            refuse_reviewed(out, "claimkit's drafts")
    if resume:
        assert output is not None and docs is not None
        check_regular(output, "--resume")
        check_regular(docs, "--resume")


@contextlib.contextmanager
def _locked(output: Path, docs: Path, quiet: bool) -> Iterator[None]:
    """Hold the locks of both resumable outputs: a second run on them is refused."""
    with contextlib.ExitStack() as stack:
        for path in (output, docs):
            lock = stack.enter_context(OutputLock(path))
            if lock.stale_pid and not quiet:
                warn(f"{path}: took over the lock of an earlier run that is gone (pid {lock.stale_pid})")
        yield


@contextlib.contextmanager
def _executor(scheduler: str | None, n_process: int) -> Iterator[tuple[Any, int]]:
    """``(submit, window)`` for a Dask cluster, or ``(None, None)`` for local processing."""
    if scheduler is None:
        yield None, None
        return
    from .. import dask_backend

    with dask_backend.connect(scheduler, n_workers=n_process) as client:
        yield dask_backend.submitter(client), 2 * dask_backend.worker_threads(client)


def _use_models(path: Path) -> None:
    """Point the kind model at ``path`` (through the environment, so worker processes see it too)."""
    import os

    from .. import subjectivity

    target = path / subjectivity.MODEL_FILE if path.is_dir() else path
    if not target.is_file():
        raise InputError(f"{path}: no model there (claimkit train --reviewed ... -o {path} writes one)")
    os.environ[subjectivity.ENV_MODELS] = str(target.absolute())
    subjectivity.load_model()  # fails now, with one line, when the file is not a model


def extract(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Text files, directories (every *.txt below), .jsonl files (id, text, meta per line) or - for stdin."
        ),
    ],
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Statements JSONL (default, or -: stdout).")
    ] = None,
    docs: Annotated[Path | None, typer.Option("--docs", help="Also write one document record per input here.")] = None,
    model: Annotated[
        str, typer.Option("--model", help="Installed spaCy pipeline (package name or path).")
    ] = DEFAULT_MODEL,
    backend: Annotated[
        str, typer.Option("--backend", click_type=choice("backend", BACKENDS), help="NLP engine.")
    ] = "spacy",
    stanza_dir: Annotated[
        str | None, typer.Option("--stanza-dir", help="stanza resources directory (with --backend stanza).")
    ] = None,
    encoding: Annotated[
        str, typer.Option("--encoding", callback=check_encoding, help="Encoding of input files.")
    ] = "utf-8",
    batch_size: Annotated[
        int, typer.Option("--batch-size", min=1, help="Documents per parsing batch (and per worker task).")
    ] = DEFAULT_BATCH_SIZE,
    n_process: Annotated[
        int,
        typer.Option(
            "--n-process",
            "-j",
            min=1,
            help="Worker processes (with --scheduler local: Dask workers). Output order is the same for any N.",
        ),
    ] = 1,
    resume: Annotated[
        bool,
        typer.Option(
            "--resume",
            help="Append to -o and --docs, skipping documents they already hold (same doc_id and sha256); "
            "a partly written last document is discarded first. Needs -o and --docs.",
        ),
    ] = False,
    errors: Annotated[
        Path | None,
        typer.Option(
            "--errors", help="Write unreadable inputs and failing documents here (JSONL with reason), not to stderr."
        ),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="Run on a Dask cluster: tcp://HOST:PORT of its scheduler, or local for a LocalCluster of --n-process workers.",
        ),
    ] = None,
    partitioned: Annotated[
        Path | None,
        typer.Option(
            "--partitioned",
            help="With --scheduler: workers read the inputs and write DIR/statements/part-*.jsonl (or .parquet), "
            "DIR/documents/ and DIR/errors/; DIR and the inputs must be on storage every worker sees.",
        ),
    ] = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            click_type=choice("format", PARTITION_FORMATS),
            help="Statements format of --partitioned parts.",
        ),
    ] = "jsonl",
    models: Annotated[
        Path | None,
        typer.Option(
            "--models",
            help="Kind model trained by claimkit train (a subjectivity_model.json or its folder) instead of the "
            "shipped one [env CLAIMKIT_MODELS]; its hash goes into documents.jsonl (models).",
        ),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or warnings on stderr.")] = False,
) -> None:
    """Extract statements from news articles.

    Exit codes: 0 ok, 2 usage, 3 unreadable input, 4 some inputs failed, 5 output not
    writable, 6 model missing, 7 Dask scheduler unreachable, 130 interrupted.
    """
    with handle_errors():
        if models is not None:
            _use_models(models)
        if partitioned is not None:
            if scheduler is None or output or docs or resume or errors:
                raise UsageError("--partitioned needs --scheduler and replaces -o, --docs, --errors and --resume")
            _extract_partitioned(
                paths, partitioned, fmt, scheduler, n_process, (backend, model, stanza_dir), encoding, batch_size, quiet
            )
            return
        _check_options(paths, output, docs, errors, resume, scheduler)
        from ..pipeline import Extractor

        extractor = Extractor(
            backend=backend,
            model=None if backend == "stanza" and model == DEFAULT_MODEL else model,
            stanza_dir=stanza_dir,
            n_process=n_process if scheduler is None else 1,
        )
        progress = Progress("extract", quiet=quiet)
        with (
            _locked(output, docs, quiet) if resume else contextlib.nullcontext(),  # type: ignore[arg-type]
            _errors_file(errors, append_mode=resume) as errors_out,
            _executor(scheduler, n_process) as (submit, window),
        ):
            ledger = _recover(output, docs, quiet) if resume else None
            run = _Run(errors_out, quiet, flush=resume)
            items: Iterable[Item] = iter_documents(paths, encoding)
            if ledger is not None:
                items = run.skip_finished(items, ledger)
            results = contextlib.closing(
                extractor.extract(items, batch_size, serialize=True, submit=submit, window=window)
            )
            try:
                with results as stream:
                    if ledger is not None:
                        assert output is not None and docs is not None
                        _append(stream, AppendSink(output, docs), run, progress)
                    else:
                        _replace(stream, output, docs, run, progress)
            finally:
                progress.close()
        if run.skipped and not quiet:
            warn(f"skipped {run.skipped} documents finished by an earlier run")
        run.exit(errors)


def _recover(output: Path | None, docs: Path | None, quiet: bool) -> Ledger:
    """The ledger of an earlier run; says on stderr what is resumed and what was discarded."""
    assert output is not None and docs is not None
    ledger = recover(output, docs)
    if not quiet and ledger.discarded_documents + ledger.discarded_bytes:
        warn(
            f"discarded the partly written end of the previous run ({ledger.discarded_bytes} bytes, "
            f"{ledger.discarded_documents} unfinished document records)"
        )
    return ledger


@contextlib.contextmanager
def _errors_file(path: Path | None, append_mode: bool) -> Iterator[IO[str] | None]:
    """The errors file: atomic like the other outputs, or (with --resume) written line by line.

    With --resume it lists the failures of this run, which retries every failure of earlier runs.
    """
    if path is None:
        yield None
    elif not append_mode:
        with atomic_writer(path) as fh:
            yield fh
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fh = path.open("w", encoding="utf-8")
        except OSError as exc:
            raise OutputError(f"{path}: cannot write ({exc.strerror})") from None
        try:
            with fh:
                yield fh
        except OSError as exc:
            raise OutputError(f"{path}: cannot write ({exc.strerror})") from None


def _succeeded(results: Iterable["Result"], run: _Run, progress: Progress) -> Iterator["Result"]:
    """Count every result, report the failed ones, and yield those to write."""
    for result in results:
        progress.update()
        if result.error is not None:
            run.failed(result)
            continue
        run.succeeded(result)
        yield result


def _replace(
    results: Iterable["Result"], output: Path | None, docs: Path | None, run: _Run, progress: Progress
) -> None:
    """Write all outputs to temporary files; rename them into place only if something succeeded."""
    try:
        with atomic_writer(output) as out, atomic_writer(docs) if docs else contextlib.nullcontext() as docs_out:
            for result in _succeeded(results, run, progress):
                out.write(result.statements_jsonl)
                if docs_out is not None:
                    docs_out.write(result.record_json)
            if run.nothing_extracted:
                raise _NothingDone
    except _NothingDone:
        pass


def _append(results: Iterable["Result"], sink: AppendSink, run: _Run, progress: Progress) -> None:
    """Append each finished document to the resumable outputs; an interrupt keeps what is finished."""
    try:
        for result in _succeeded(results, run, progress):
            sink.commit(result.statements_jsonl, result.record_json)
    except KeyboardInterrupt:
        progress.close()
        error_line(f"interrupted; {run.done} documents of this run are kept: run it again with --resume to continue")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    finally:
        sink.close()


def _extract_partitioned(
    paths: list[str],
    out_dir: Path,
    fmt: str,
    scheduler: str,
    n_workers: int,
    spec: tuple[str, str | None, str | None],
    encoding: str,
    batch_size: int,
    quiet: bool,
) -> None:
    """Workers read, extract and write one set of files per partition (see :mod:`claimkit.dask_backend`)."""
    from .. import dask_backend

    backend, model, stanza_dir = spec
    with dask_backend.connect(scheduler, n_workers=n_workers):
        articles = dask_backend.read_articles(paths, encoding)
        results = dask_backend.extract_bag(
            articles,
            backend=backend,
            model=None if backend == "stanza" and model == DEFAULT_MODEL else model,
            stanza_dir=stanza_dir,
            batch_size=batch_size,
        )
        totals = dask_backend.write_partitioned(results, out_dir, fmt)
    if not quiet:
        warn(
            f"wrote {totals['documents']} documents, {totals['statements']} statements in "
            f"{totals['partitions']} partitions to {out_dir}"
        )
    if totals["errors"]:
        error_line(
            f"{totals['errors']} of {totals['errors'] + totals['documents']} inputs failed; reasons in {out_dir / 'errors'}"
        )
        raise typer.Exit(EXIT_PARTIAL if totals["documents"] else InputError.exit_code)
