"""``claimkit eval``: score claimkit (and simple baselines) against gold annotations."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..constants import BACKENDS, DEFAULT_MODEL
from ..errors import EXIT_INVALID
from ..evaluate.loaders import FORMATS
from ..evaluate.split import SPLITS
from .common import Progress, choice, error_line, handle_errors, warn

if TYPE_CHECKING:
    from ..pipeline import Extractor


def eval_command(
    gold: Annotated[Path, typer.Option("--gold", exists=True, help="Gold file or directory.")],
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            click_type=choice("gold format", FORMATS),
            help=f"Gold format: {', '.join(FORMATS)}.",
        ),
    ],
    pred: Annotated[
        Path | None,
        typer.Option(
            "--pred", help="Existing statements JSONL to score (default: run the extractor on the gold texts)."
        ),
    ] = None,
    text: Annotated[
        Path | None,
        typer.Option("--text", help="claimkit gold: text file, directory or JSONL holding the documents."),
    ] = None,
    split: Annotated[
        str,
        typer.Option(
            "--split",
            click_type=choice("split", SPLITS),
            help="dev/test: stable 80/20 hash split of documents (test = 20%); train/val: the gold's own split (pei-jurgens).",
        ),
    ] = "all",
    limit: Annotated[
        int | None, typer.Option("--limit", min=1, help="Only the first N documents (after --split).")
    ] = None,
    json_out: Annotated[Path | None, typer.Option("--json", help="Write every figure as JSON here.")] = None,
    per_doc: Annotated[
        int, typer.Option("--per-doc", min=0, help="List the N worst documents (by the first table's headline).")
    ] = 0,
    no_baselines: Annotated[bool, typer.Option("--no-baselines", help="Score the extractor only.")] = False,
    model: Annotated[str, typer.Option("--model", help="spaCy pipeline for the extractor.")] = DEFAULT_MODEL,
    backend: Annotated[
        str, typer.Option("--backend", click_type=choice("backend", BACKENDS), help="NLP engine.")
    ] = "spacy",
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Documents per parsing batch.")] = 16,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or warnings on stderr.")] = False,
) -> None:
    """Measure claimkit against gold annotations and print precision / recall / F1 tables.

    Exit codes: 0 ok, 1 nothing to compare, 2 usage, 3 unreadable --pred, 5 --json not writable, 6 model missing, 8 malformed gold.
    """
    with handle_errors():
        from ..evaluate import run

        def make_extractor() -> "Extractor":
            from ..pipeline import Extractor

            return Extractor(backend=backend, model=None if backend == "stanza" and model == DEFAULT_MODEL else model)

        progress = Progress("eval: extract", quiet=quiet)
        try:
            report = run(
                gold,
                fmt,
                pred=pred,
                make_extractor=make_extractor,
                on_start=lambda n: setattr(progress, "total", n),
                limit=limit,
                split=split,
                text=text,
                progress=progress.update,
                batch_size=batch_size,
                with_baselines=not no_baselines,
            )
        finally:
            progress.close()
        if json_out is not None:
            report.write_json(json_out)
        typer.echo(report.render(per_doc=per_doc), nl=False)
        if not quiet:
            notes = report.notes
            if notes.get("extract_failed"):
                warn(
                    f"{len(notes['extract_failed'])} documents failed to extract and were scored empty (see --json notes)"
                )
            if notes.get("tfidf_skipped"):
                warn(f"no tfidf-lr baseline: {notes['tfidf_skipped']}")
            if notes.get("pred_unknown_doc"):
                warn(
                    f"--pred: {notes['pred_unknown_doc']} statements name documents that are not in the gold (ignored)"
                )
            if notes.get("pred_offset_mismatch"):
                warn(
                    f"--pred: {notes['pred_offset_mismatch']} statements do not match the gold texts at their offsets (ignored)"
                )
        if report.documents == 0:
            error_line(f"{gold}: no gold documents to compare (check --split / --limit)")
            raise typer.Exit(EXIT_INVALID)
