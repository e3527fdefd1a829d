"""The ``claimkit`` command line. Each command group lives in its own module; this one only
assembles them. Commands parse arguments and call the library."""

from __future__ import annotations

import typer

from .. import __version__
from . import doccano as _doccano
from . import eval as _eval
from . import export as _export
from . import extract as _extract
from . import train as _train
from . import validate as _validate

app = typer.Typer(
    name="claimkit",
    help="Split news articles into factual claims, attributed opinions and speculation.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimkit {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """claimkit command line."""


app.command("extract")(_extract.extract)
app.add_typer(_doccano.app, name="doccano")
app.command("validate")(_validate.validate)
app.command("eval")(_eval.eval_command)
app.command("export")(_export.export)
app.command("render")(_export.render)
app.command("train")(_train.train)


def main() -> None:
    app()
