"""``claimkit extract``: articles in, statement JSONL (and documents JSONL) out."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Annotated

import typer

from ..errors import EXIT_PARTIAL, ClaimkitError, InputError
from ..io import atomic_writer, iter_documents, write_jsonl_line
from ..nlp import DEFAULT_MODEL
from ..pipeline import Extractor
from .common import Progress, error_line, handle_errors, warn


class _NothingDone(Exception):
    """Every input failed: abort the atomic writes so no existing output is replaced."""


def extract(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Text files, directories (every *.txt below), .jsonl files (id, text, meta per line) or - for stdin."
        ),
    ],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Statements JSONL (default: stdout).")] = None,
    docs: Annotated[Path | None, typer.Option("--docs", help="Also write one document record per input here.")] = None,
    model: Annotated[
        str, typer.Option("--model", help="Installed spaCy pipeline (package name or path).")
    ] = DEFAULT_MODEL,
    backend: Annotated[str, typer.Option("--backend", help="NLP engine: spacy or stanza.")] = "spacy",
    stanza_dir: Annotated[
        str | None, typer.Option("--stanza-dir", help="stanza resources directory (with --backend stanza).")
    ] = None,
    encoding: Annotated[str, typer.Option("--encoding", help="Encoding of input files.")] = "utf-8",
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Documents per parsing batch.")] = 32,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or warnings on stderr.")] = False,
) -> None:
    """Extract statements from news articles.

    Exit codes: 0 ok, 2 usage, 3 unreadable input, 4 some inputs failed, 5 output not
    writable, 6 model missing.
    """
    with handle_errors():
        extractor = Extractor(
            backend=backend,
            model=None if backend == "stanza" and model == DEFAULT_MODEL else model,
            stanza_dir=stanza_dir,
        )
        failures: list[ClaimkitError] = []
        done = 0
        progress = Progress("extract", quiet=quiet)
        try:
            with atomic_writer(output) as out, atomic_writer(docs) if docs else contextlib.nullcontext() as docs_out:
                for result in extractor.extract(iter_documents(paths, encoding), batch_size=batch_size):
                    progress.update()
                    if result.error is not None:
                        failures.append(result.error)
                        error_line(str(result.error))
                        continue
                    assert result.record is not None
                    done += 1
                    if (not result.document or not result.document.text.strip()) and not quiet:
                        warn(f"{result.record.path or result.record.doc_id}: empty document, no statements")
                    for st in result.statements:
                        write_jsonl_line(out, st.to_dict())
                    if docs_out is not None:
                        write_jsonl_line(docs_out, result.record.to_dict())
                if done == 0 and failures:
                    raise _NothingDone
        except _NothingDone:
            pass
        finally:
            progress.close()
        if failures:
            if done == 0:
                raise typer.Exit(
                    failures[0].exit_code if isinstance(failures[0], ClaimkitError) else InputError.exit_code
                )
            error_line(f"{len(failures)} of {len(failures) + done} inputs failed; the others were written")
            raise typer.Exit(EXIT_PARTIAL)
