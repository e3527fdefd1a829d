"""Shared CLI plumbing: conventions every command follows, error reporting, progress on stderr.

Conventions (keep them when adding a command or an option):

* Start-up stays instant: this package imports nothing heavy at module level. spaCy, pandas,
  jsonschema, requests and the pipeline are imported inside the command function that needs
  them; defaults and choices come from :mod:`claimkit.constants` or other light registries
  (``claimkit.evaluate.loaders.REGISTRY``). ``tests/test_cli_conventions.py`` checks it.
  The command modules do not use ``from __future__ import annotations``: Typer would then
  evaluate every parameter's annotation from a string at start-up (about 0.1 s in all).
* A value from a fixed set is a :func:`choice` (help lists the values, a bad value is a usage
  error naming the allowed ones).
* An option that can come from the environment uses ``envvar=`` (help shows ``[env var: X]``).
* Every usage error is one line ``claimkit: error: ...`` and exit 2 (:class:`ClaimkitGroup`);
  library errors go through :func:`handle_errors` (one line, the documented exit code).
* ``-h`` and ``--help`` everywhere (:data:`CONTEXT`).
"""

import codecs
import contextlib
import sys
import time
from collections.abc import Iterator, Sequence
from typing import Any, NoReturn

import click
import typer
from typer.core import TyperGroup

from ..errors import EXIT_INPUT, EXIT_USAGE, ClaimkitError

#: Context settings of every command: ``-h`` is ``--help``; help is wrapped at 100 columns at most.
CONTEXT: dict[str, Any] = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def warn(message: str) -> None:
    """One line on stderr."""
    print(f"claimkit: warning: {message}", file=sys.stderr)


def error_line(message: str) -> None:
    print(f"claimkit: error: {message}", file=sys.stderr)


def die(exc: ClaimkitError) -> NoReturn:
    error_line(str(exc))
    raise typer.Exit(exc.exit_code)


@contextlib.contextmanager
def handle_errors() -> Iterator[None]:
    """Turn claimkit errors (and interrupts) into one stderr line and a documented exit code."""
    try:
        yield
    except ClaimkitError as exc:
        die(exc)
    except KeyboardInterrupt:
        error_line("interrupted; partial outputs were not written")
        raise typer.Exit(130) from None
    except BrokenPipeError:
        raise typer.Exit(0) from None
    except MemoryError:
        error_line("out of memory")
        raise typer.Exit(EXIT_INPUT) from None


class Progress:
    """A one-line counter on stderr, shown only when stderr is a terminal and not quiet."""

    def __init__(self, label: str, quiet: bool = False, total: int | None = None) -> None:
        self.enabled = not quiet and sys.stderr.isatty()
        self.label, self.total, self.count = label, total, 0
        self.started = time.monotonic()
        self._last = 0.0

    def update(self, n: int = 1) -> None:
        self.count += n
        now = time.monotonic()
        if self.enabled and now - self._last > 0.1:
            self._last = now
            rate = self.count / max(now - self.started, 1e-9)
            total = f"/{self.total}" if self.total else ""
            sys.stderr.write(f"\r{self.label}: {self.count}{total} ({rate:.1f}/s)")
            sys.stderr.flush()

    def close(self) -> None:
        if self.enabled and self.count:
            elapsed = time.monotonic() - self.started
            sys.stderr.write(f"\r{self.label}: {self.count} in {elapsed:.1f}s\n")
            sys.stderr.flush()


class Choice(click.Choice):
    """A fixed set of string values; a bad one fails with ``unknown NAME 'x'; allowed: a, b``."""

    def __init__(self, what: str, choices: Sequence[str]) -> None:
        super().__init__(list(choices))
        self.what = what

    def get_invalid_choice_message(self, value: Any, ctx: click.Context | None) -> str:
        return f"unknown {self.what} {value!r}; allowed: {', '.join(map(str, self.choices))}"


def choice(what: str, choices: Sequence[str]) -> Choice:
    """The ``click_type`` of an option whose value is one of ``choices`` (``what`` names it in errors)."""
    return Choice(what, choices)


def check_encoding(value: str | None) -> str | None:
    """``--encoding`` callback: an encoding Python does not know is a usage error (exit 2)."""
    if value is not None:
        try:
            codecs.lookup(value)
        except LookupError:
            raise typer.BadParameter(f"unknown encoding {value!r} (e.g. utf-8, latin-1, cp1252)") from None
    return value


def usage_message(exc: click.UsageError) -> str:
    """One line for a usage error: the option, what is wrong, where to read more."""
    if isinstance(exc, click.BadParameter) and not isinstance(exc, click.MissingParameter) and exc.param is not None:
        param = exc.param
        where = param.opts[0] if isinstance(param, click.Option) and param.opts else param.human_readable_name
        message = f"{where}: {exc.message}"
    else:
        message = exc.format_message()
    message = " ".join(message.split())
    if exc.ctx is not None:
        message += f" (see {exc.ctx.command_path} -h)"
    return message


class ClaimkitGroup(TyperGroup):
    """The root command group: every usage error is one line ``claimkit: error: ...``, exit 2.

    Click (and Typer with Rich) print usage errors as a multi-line block; claimkit's contract
    is one line on stderr, the same as for its own errors.
    """

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.UsageError as exc:
            error_line(usage_message(exc))
            code = EXIT_USAGE
        except click.ClickException as exc:
            error_line(" ".join(exc.format_message().split()))
            code = exc.exit_code
        except click.Abort:
            error_line("aborted")
            code = 1
        code = code if isinstance(code, int) else 0
        if standalone_mode:
            sys.exit(code)
        return code
