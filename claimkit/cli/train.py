"""``claimkit train``: rebuild the subjectivity model that decides opinion vs fact."""

import json
from pathlib import Path
from typing import Annotated

import typer

from .common import handle_errors


def train(
    newssd_dir: Annotated[
        Path, typer.Argument(help="Folder with NewsSD train.csv and val.csv (test.csv is never read).")
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Where to write the model JSON, atomically (default: the model claimkit ships, "
            "claimkit/data/subjectivity_model.json).",
        ),
    ] = None,
) -> None:
    """Train the subjectivity model on NewsSD train + val and write its weights as JSON.

    Needs scikit-learn (pip install scikit-learn). Prints the model's metadata (chosen C,
    cross-validated macro-F1, number of features) as one JSON line.

    Exit codes: 0 ok, 2 scikit-learn missing, 3 unreadable data, 5 output not writable.
    """
    with handle_errors():
        from .. import train_kind

        meta = train_kind.write_model(newssd_dir, output or train_kind.DEFAULT_OUTPUT)
        typer.echo(json.dumps(meta))
