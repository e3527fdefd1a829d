"""Shared CLI plumbing: error reporting and progress on stderr."""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Iterator
from typing import NoReturn

import typer

from ..errors import EXIT_INPUT, ClaimkitError


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
