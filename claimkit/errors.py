"""Every exception claimkit raises, and the exit code each one maps to.

Library code raises these; only the CLI turns them into one line on stderr and
``typer.Exit(code)``. Exit codes are part of the documented CLI contract (README,
"Exit codes").
"""

from __future__ import annotations

# Documented exit codes.
EXIT_OK = 0
EXIT_INVALID = 1  # validation found bad records / eval found nothing to compare
EXIT_USAGE = 2  # bad arguments (typer's own usage errors use 2 as well)
EXIT_INPUT = 3  # unreadable input: missing path, binary, not UTF-8, malformed JSONL
EXIT_PARTIAL = 4  # several inputs, some failed, the others were written
EXIT_OUTPUT = 5  # output cannot be written
EXIT_MODEL = 6  # NLP backend or model missing
EXIT_SERVER = 7  # Doccano server down, refused login, HTTP failure
EXIT_GOLD = 8  # malformed gold data for eval


class ClaimkitError(Exception):
    """Base class. ``exit_code`` is what the CLI exits with."""

    exit_code: int = EXIT_USAGE

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class UsageError(ClaimkitError):
    """An option has a value that is not allowed."""

    exit_code = EXIT_USAGE


class InputError(ClaimkitError):
    """An input cannot be read as text: missing, a directory without .txt, binary, bad encoding."""

    exit_code = EXIT_INPUT


class JSONLError(InputError):
    """A JSONL input line is not a JSON object with the required fields."""


class OutputError(ClaimkitError):
    """An output file cannot be written."""

    exit_code = EXIT_OUTPUT


class ModelError(ClaimkitError):
    """An NLP backend or model is not installed or cannot be loaded."""

    exit_code = EXIT_MODEL


class SchemaError(ClaimkitError):
    """A record does not validate against schemas/ (a bug in claimkit when raised by extract)."""

    exit_code = EXIT_INVALID


class ExtractionError(ClaimkitError):
    """A stage failed on one document (a parse or analysis bug), or a worker process died.

    ``extract`` reports the document (in ``--errors FILE`` when given) and goes on with the others.
    """

    exit_code = EXIT_INPUT


class GoldFormatError(ClaimkitError):
    """A gold annotation file for ``claimkit eval`` is malformed."""

    exit_code = EXIT_GOLD


class ServerError(ClaimkitError):
    """The Doccano server is unreachable, refused the login, or answered with an error."""

    exit_code = EXIT_SERVER
