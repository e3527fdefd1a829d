"""``claimkit train``: rebuild the models shipped in ``claimkit/data`` from the shared data."""

import json
from pathlib import Path
from typing import Annotated

import typer

from .common import handle_errors


def train(
    data: Annotated[
        Path, typer.Argument(help="The data folder (../shared/data): newssd/ (test files are never read), ...")
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Folder to write the model JSON files into (atomically); "
            "-o claimkit/data replaces the shipped models.",
        ),
    ] = None,
    reviewed: Annotated[
        list[Path] | None,
        typer.Option(
            "--reviewed",
            help="Pulled reviews (claimkit doccano pull -o; files or folders of *.jsonl): their reviewer-confirmed "
            "opinion/fact statements join the kind model's training data. Use the models with extract --models DIR. "
            "Repeatable.",
        ),
    ] = None,
) -> None:
    """Train every shipped model on the training parts of the data and write them as JSON.

    Needs scikit-learn (pip install "claimkit[train]"). Prints each model's metadata (its
    training data, chosen settings and dev figures) as one JSON line per file.

    Example: claimkit train ../shared/data -o /tmp/models

    Exit codes: 0 ok, 2 no -o or scikit-learn missing, 3 unreadable data, 5 output not writable.
    """
    with handle_errors():
        from .. import train_kind, train_models
        from ..errors import InputError, UsageError

        if output is None:
            raise UsageError(
                "name the folder for the models with -o: -o DIR writes them there; "
                f"-o {train_models.PACKAGE_DATA} replaces the models shipped in the package"
            )
        rows = train_kind.read_reviewed(reviewed) if reviewed else []
        if reviewed and not rows:
            raise InputError("no reviewer-confirmed opinion or fact statements in --reviewed (confirm them in Doccano)")
        if rows and output.absolute() == train_models.PACKAGE_DATA.absolute():
            raise UsageError(
                "with --reviewed, write to another folder: models trained on your reviews are not the shipped ones"
            )
        train_models.check_data(data)
        if output.exists() and not output.is_dir():
            raise UsageError(f"-o {output}: expected a folder, not a file")
        output.mkdir(parents=True, exist_ok=True)
        # reviews only change the kind model: the certainty model is not rebuilt for them
        only = (train_models.subjectivity.MODEL_FILE,) if rows else ()
        for name, meta in train_models.build(data, output, only=only, reviewed=rows).items():
            typer.echo(json.dumps({"model": name, **meta}))
