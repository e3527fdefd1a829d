"""``claimkit doccano serve|push|pull|diff``: the review round trip through a Doccano server.

Connection settings come from options or CLAIMKIT_DOCCANO_URL / _USERNAME / _PASSWORD.
Exit codes: 0 ok, 1 invalid records, 2 usage, 3 unreadable input, 4 pull wrote the examples that
passed their checks and reported the others, 5 output not writable, 7 server down / login
refused / HTTP failure / unknown project.
"""

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from ..errors import EXIT_PARTIAL, InputError, JSONLError, OutputError
from ..io import atomic_writer, reviewed_documents, write_jsonl_line
from .common import CONTEXT, Progress, error_line, handle_errors, warn

app = typer.Typer(
    name="doccano",
    help="Review drafts in Doccano: serve a local server, push drafts, pull reviewed statements, diff.\n\n"
    "Exit codes: 0 ok, 1 invalid records, 2 usage, 3 unreadable input, 4 pull wrote part, 5 output "
    "not writable, 7 server down / login refused / HTTP failure / unknown project.",
    no_args_is_help=True,
    add_completion=False,
    context_settings=CONTEXT,
    pretty_exceptions_enable=False,
)

# The variables are claimkit.doccano.client.ENV_* and server.ENV_* (not imported here: they
# import requests; tests/test_cli_conventions.py checks the names agree).
UrlOpt = Annotated[
    str | None,
    typer.Option("--url", envvar="CLAIMKIT_DOCCANO_URL", help="Server URL (default: http://127.0.0.1:8000)."),
]
UserOpt = Annotated[
    str | None, typer.Option("--username", envvar="CLAIMKIT_DOCCANO_USERNAME", help="User name (default: admin).")
]
PassOpt = Annotated[
    str | None,
    typer.Option(
        "--password",
        envvar="CLAIMKIT_DOCCANO_PASSWORD",
        help="Password (prefer the variable: a password on the command line shows in ps).",
        show_default=False,
    ),
]
ProjectOpt = Annotated[str, typer.Option("--project", "-p", help="Doccano project name.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary on stderr.")]


def _client(url: str | None, username: str | None, password: str | None):  # -> DoccanoClient
    from ..doccano.client import Connection, DoccanoClient

    return DoccanoClient(Connection.from_env(url, username, password)).login()


@app.command("serve")
def serve(
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port on 127.0.0.1.")] = 8000,
    stop: Annotated[bool, typer.Option("--stop", help="Stop the server started from this home.")] = False,
    status: Annotated[bool, typer.Option("--status", help="Report whether it runs and answers.")] = False,
    home: Annotated[
        Path | None,
        typer.Option(
            "--home",
            envvar="CLAIMKIT_DOCCANO_HOME",
            help="Database, logs, state (default: ~/.local/share/claimkit/doccano/home).",
        ),
    ] = None,
    venv: Annotated[
        Path | None,
        typer.Option(
            "--venv",
            envvar="CLAIMKIT_DOCCANO_VENV",
            help="Virtualenv with doccano (default: ~/.local/share/claimkit/doccano/venv).",
        ),
    ] = None,
    username: UserOpt = None,
    password: PassOpt = None,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Web server processes.")] = 2,
    quiet: QuietOpt = False,
) -> None:
    """Start a local Doccano (web server + Celery worker) on 127.0.0.1, or stop / check it.

    Starting twice is harmless: a running, healthy server is left alone. The first start
    creates the database and the admin user (password from CLAIMKIT_DOCCANO_PASSWORD).
    Exit codes: 0 running (or stopped with --stop), 2 usage or Doccano not installed, 7 the
    server did not start, or (--status) is not running.
    """
    from ..doccano.server import LocalServer

    with handle_errors():
        server = LocalServer(home, venv)
        if stop:
            was = server.stop()
            typer.echo(
                f"Doccano stopped (home {server.home})" if was else f"Doccano was not running (home {server.home})"
            )
            return
        if status:
            current = server.status()
            typer.echo(current.describe())
            if not (current.running and current.healthy):
                raise typer.Exit(7)
            return
        from ..doccano.client import DEFAULT_USERNAME

        say = (lambda line: None) if quiet else (lambda line: print(f"claimkit: {line}", file=sys.stderr, flush=True))
        user = username or DEFAULT_USERNAME
        typer.echo(server.start(port, user, password, workers=workers, progress=say).describe())


@app.command("push")
def push(
    statements: Annotated[Path, typer.Argument(help="Statements JSONL (claimkit extract -o).")],
    docs: Annotated[Path, typer.Option("--docs", help="documents.jsonl of the same run (claimkit extract --docs).")],
    project: ProjectOpt,
    text: Annotated[
        list[str] | None,
        typer.Option(
            "--text", help="Original articles (files, dirs, .jsonl) if the paths in --docs moved. Repeatable."
        ),
    ] = None,
    url: UrlOpt = None,
    username: UserOpt = None,
    password: PassOpt = None,
    threads: Annotated[int, typer.Option("--threads", min=1, max=16, help="Requests in flight.")] = 8,
    order: Annotated[
        str,
        typer.Option(
            "--order",
            help="Review queue: input (as given), uncertain (lowest kind_score, then certainty score, first), "
            "checkworthy (highest checkworthiness first).",
        ),
    ] = "input",
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Push only the first N documents.")] = None,
    per_span: Annotated[
        bool, typer.Option("--per-span", help="Create examples with one request per span instead of the bulk import.")
    ] = False,
    quiet: QuietOpt = False,
) -> None:
    """Push draft statements: one example per document, statements and their parts as spans.

    Creates the project (sequence labelling, overlapping spans, relations) when missing.
    Idempotent: drafts are updated, confirmed or reviewer-edited examples are skipped and listed.

    Exit codes: 0 ok, 2 usage (no password), 3 unreadable or mismatched input, 7 server down,
    login refused or HTTP failure.
    """
    from ..doccano.push import collect_documents, order_documents, push_documents

    with handle_errors():
        documents = order_documents(collect_documents(statements, docs, text or []), order, limit)
        client = _client(url, username, password)
        progress = Progress("push", quiet=quiet, total=len(documents))
        try:
            report = push_documents(
                client,
                project,
                documents,
                threads=threads,
                on_document=lambda *_: progress.update(),
                bulk=not per_span,
            )
        finally:
            progress.close()
        typer.echo(report.summary())
        typer.echo(f"review at {report.url}")
        for doc_id, reason in report.skipped.items():
            typer.echo(f"skipped {doc_id}: {reason}")


@app.command("pull")
def pull(
    project: ProjectOpt,
    output: Annotated[
        Path, typer.Option("-o", "--output", help="Reviewed statements JSONL, e.g. annotations/NAME.jsonl.")
    ],
    only_confirmed: Annotated[
        bool, typer.Option("--only-confirmed", help="Only examples a reviewer confirmed.")
    ] = False,
    docs: Annotated[
        Path | None, typer.Option("--docs", help="documents.jsonl: also check each text against its sha256.")
    ] = None,
    replace: Annotated[
        bool,
        typer.Option(
            "--replace",
            help="Replace -o even when that drops reviews it holds (a confirmed or edited document "
            "missing from the pull or back at a lower status).",
        ),
    ] = False,
    url: UrlOpt = None,
    username: UserOpt = None,
    password: PassOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Export a project through the server and write reviewed statements (validated, atomic).

    Every record validates against schemas/statement.schema.json and its offsets against the
    text whose sha256 was pushed; ``review`` keeps status, reviewer and time. An existing -o is
    updated only when no review it holds would be lost (else exit 5, nothing written; --replace).

    Exit codes: 0 ok, 2 usage, 3 unreadable --docs, 4 some examples failed their checks (the
    others are written), 5 output not writable or would lose reviews, 7 server down / login
    refused / unknown project.
    """
    from ..doccano.pull import dropped_reviews, pull_project

    with handle_errors():
        expected = _sha256s(docs) if docs else None
        client = _client(url, username, password)
        result = pull_project(client, project, only_confirmed=only_confirmed, expected_sha256=expected)
        lost = [] if replace else dropped_reviews(reviewed_documents(output), result.records)
        if lost:
            more = f" and {len(lost) - 1} more" if len(lost) > 1 else ""
            raise OutputError(
                f"{output}: this pull would drop the review of {len(lost)} document(s) it holds "
                f"({lost[0]}{more}); nothing written: pull to another file, or pass --replace"
            )
        with atomic_writer(output, keep_reviewed=False) as fh:
            for record in result.records:
                write_jsonl_line(fh, record)
        for problem in result.problems:
            error_line(problem)
        if not quiet:
            print(f"claimkit: {result.summary()} -> {output}", file=sys.stderr)
        if not result.records and not quiet and not result.problems:
            warn("no statements pulled" + (" (nothing confirmed yet?)" if only_confirmed else ""))
    if result.problems:
        # Some examples failed their checks: the others were written (as extract does).
        raise typer.Exit(EXIT_PARTIAL)


def _sha256s(path: Path) -> dict[str, str]:
    out = {}
    try:
        with path.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if line.strip():
                    try:
                        rec = json.loads(line)
                        out[rec["doc_id"]] = rec["sha256"]
                    except (ValueError, KeyError, TypeError):
                        raise JSONLError(f"{path}:{n}: not a document record") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    return out


def _statements(path: Path) -> list[dict]:
    try:
        with path.open(encoding="utf-8") as fh:
            return [json.loads(line) for line in fh if line.strip()]
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    except ValueError as exc:
        raise JSONLError(f"{path}: malformed JSONL ({exc})") from None


@app.command("diff")
def diff(
    drafts: Annotated[Path, typer.Argument(help="Draft statements (what was pushed).")],
    reviewed: Annotated[Path, typer.Argument(help="Reviewed statements (claimkit doccano pull -o).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Report what reviewers changed (added, removed, relabelled, speaker, offsets, certainty,
    cue) and precision / recall of the drafts against the reviewed statements.

    Exit codes: 0 ok, 2 usage, 3 unreadable or malformed input.
    """
    from ..doccano.diff import diff_statements

    with handle_errors():
        result = diff_statements(_statements(drafts), _statements(reviewed))
        if as_json:
            typer.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        else:
            typer.echo(result.render())


@app.command("agreement")
def agreement_cmd(
    files: Annotated[
        list[Path] | None,
        typer.Argument(help="Reviewed statements, one file per reviewer (each reviewer's pull).", show_default=False),
    ] = None,
    project: Annotated[
        str | None, typer.Option("--project", "-p", help="A project without collaborative annotation.")
    ] = None,
    reviewers: Annotated[
        str | None, typer.Option("--reviewers", help="Comma-separated usernames (with --project).")
    ] = None,
    url: UrlOpt = None,
    username: UserOpt = None,
    password: PassOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Agreement between reviewers per field (segmentation, kind, speaker, certainty): observed
    agreement, Cohen's kappa (two reviewers) and Fleiss' kappa.

    Example: claimkit doccano agreement annotations/ana.jsonl annotations/ben.jsonl

    Exit codes: 0 ok, 2 usage (fewer than two reviewers, a collaborative project), 3 unreadable
    file, 7 server down / login refused / unknown project / export failed.
    """
    from ..doccano.agreement import agreement, project_reviews, render
    from ..errors import UsageError

    with handle_errors():
        if bool(files) == bool(project):
            raise UsageError("give either reviewer files or --project")
        if project:
            names = [r.strip() for r in reviewers.split(",") if r.strip()] if reviewers else None
            by_reviewer = project_reviews(_client(url, username, password), project, names)
        else:
            by_reviewer = {}
            for path in files or []:
                name = path.stem
                while name in by_reviewer:
                    name += "'"
                by_reviewer[name] = _statements(path)
        results = agreement(by_reviewer)
        if as_json:
            body = {"reviewers": sorted(by_reviewer), "fields": [r.to_dict() for r in results]}
            typer.echo(json.dumps(body, indent=2))
        else:
            typer.echo(render(results, sorted(by_reviewer)))
