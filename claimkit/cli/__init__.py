"""The ``claimkit`` command line. Each command group lives in its own module; this one only
assembles them. Commands parse arguments and call the library.

Start-up must stay instant (``claimkit --help`` < 0.5 s, see ``benchmarks/bench_startup.py``):
command modules import heavy libraries inside their functions; see :mod:`claimkit.cli.common`.
"""

import typer

from .. import __version__
from . import doccano as _doccano
from . import eval as _eval
from . import export as _export
from . import extract as _extract
from . import train as _train
from . import validate as _validate
from .common import CONTEXT, ClaimkitGroup

app = typer.Typer(
    name="claimkit",
    cls=ClaimkitGroup,
    epilog="Shell completion: claimkit --install-completion (bash, zsh, fish or PowerShell; restart the shell).",
    no_args_is_help=True,
    context_settings=CONTEXT,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
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
    """Split news articles into factual claims, attributed opinions and speculation.

    Exit codes: 0 ok, 1 invalid records, 2 usage, 3 unreadable input, 4 some inputs failed,
    5 output not writable, 6 model missing, 7 server unreachable, 8 malformed gold, 130 interrupted.
    """


app.command("extract")(_extract.extract)
app.add_typer(_doccano.app, name="doccano")
app.command("validate")(_validate.validate)
app.command("eval")(_eval.eval_command)
app.command("export")(_export.export)
app.command("render")(_export.render)
app.command("train")(_train.train)


def main() -> None:
    """Entry point of the ``claimkit`` script."""
    app()
