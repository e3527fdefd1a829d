"""``claimkit export`` (statements JSONL to CSV, Parquet or an HTML review page) and
``claimkit render`` (articles straight to an HTML review page)."""

from pathlib import Path
from typing import Annotated

import typer

from ..constants import DEFAULT_MODEL, EXPORT_FORMATS
from ..errors import EXIT_PARTIAL, ClaimkitError, UsageError
from ..io import iter_documents
from .common import check_encoding, choice, error_line, handle_errors, warn


def export(
    statements: Annotated[Path, typer.Argument(help="Statements JSONL written by claimkit extract.")],
    output: Annotated[
        str | None, typer.Option("-o", "--output", help="Output file (default: stdout; Parquet needs a file).")
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            click_type=choice("format", EXPORT_FORMATS),
            help="Output format (default: from the suffix of --output); speakers: one row per document x "
            "speaker, CSV or Parquet by the suffix of --output.",
        ),
    ] = None,
    docs: Annotated[
        Path | None,
        typer.Option(
            "--docs",
            help="html: documents JSONL from claimkit extract --docs; each article's text is read from its "
            "recorded path and used only if its sha256 matches. speakers: mentions and descriptions from "
            "its speaker tables.",
        ),
    ] = None,
    text: Annotated[
        list[str] | None,
        typer.Option(
            "--text", help="html: the articles themselves (files, directories or .jsonl inputs), matched by doc_id."
        ),
    ] = None,
    encoding: Annotated[
        str, typer.Option("--encoding", callback=check_encoding, help="Encoding of the article files.")
    ] = "utf-8",
    title: Annotated[str, typer.Option("--title", help="html: page title.")] = "claimkit review",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No warnings on stderr.")] = False,
) -> None:
    """Export statements to CSV, Parquet or a self-contained HTML review page.

    Without --docs or --text the HTML page lists the statements alone.

    Exit codes: 0 ok, 1 invalid record, 2 usage (unknown format, pyarrow missing), 3 unreadable
    or malformed input (the message names the line), 5 output not writable.
    """
    with handle_errors():
        from .. import tables

        kind = tables.format_for(output, fmt)
        if kind not in ("html", "speakers") and (docs is not None or text):
            raise UsageError("--docs and --text only apply to --format html or speakers")
        if kind == "speakers" and text:
            raise UsageError("--text only applies to --format html")
        records = list(tables.iter_records(statements))
        if kind == "speakers":
            documents = list(tables.iter_records(docs, "document")) if docs is not None else []
            df = tables.speaker_frame(records, documents)
            kind = "csv" if output in (None, "-") else tables.format_for(output, None)
            if kind not in ("csv", "parquet"):
                raise UsageError("--format speakers writes CSV or Parquet: name the output .csv or .parquet")
        if kind == "html":
            from .. import html

            documents = list(tables.iter_records(docs, "document")) if docs is not None else []
            texts = _read_texts(text or [], encoding)
            base = docs.parent if docs is not None else None
            articles = html.load_articles(records, documents, texts, base=base, encoding=encoding)
            if not quiet:
                for article in articles:
                    if article.note:
                        warn(f"{article.doc_id}: article text not shown ({article.note})")
            html.write_page(articles, output, title)
            return
        if fmt != "speakers":
            df = tables.to_dataframe(records)
        if kind == "csv":
            tables.write_csv(df, output)
        else:
            if output in (None, "-"):
                raise UsageError("Parquet output needs a file: pass -o FILE.parquet")
            tables.write_parquet(df, output)


def _read_texts(paths: list[str], encoding: str) -> dict[str, str]:
    texts: dict[str, str] = {}
    for item in iter_documents(paths, encoding):
        if isinstance(item, ClaimkitError):
            raise item
        texts[item.doc_id] = item.text
    return texts


def render(
    paths: Annotated[list[str], typer.Argument(help="Article text files, directories, .jsonl inputs, or - for stdin.")],
    output: Annotated[str | None, typer.Option("-o", "--output", help="HTML page (default: stdout).")] = None,
    model: Annotated[
        str, typer.Option("--model", help="Installed spaCy pipeline (package name or path).")
    ] = DEFAULT_MODEL,
    encoding: Annotated[
        str, typer.Option("--encoding", callback=check_encoding, help="Encoding of input files.")
    ] = "utf-8",
    title: Annotated[str, typer.Option("--title", help="Page title.")] = "claimkit review",
) -> None:
    """Extract statements from articles and write one HTML review page (no JSONL needed).

    Exit codes: 0 ok, 2 usage, 3 unreadable input, 4 some inputs failed (the others are on
    the page), 5 output not writable, 6 model missing.
    """
    with handle_errors():
        from .. import html
        from ..pipeline import Extractor

        extractor = Extractor(model=model)
        articles: list[html.Article] = []
        failures: list[ClaimkitError] = []
        for result in extractor.extract(iter_documents(paths, encoding)):
            if result.error is not None or result.document is None or result.record is None:
                failures.append(result.error or UsageError("no document"))
                error_line(str(failures[-1]))
                continue
            statements = [st.to_dict() for st in result.statements]
            article = html.make_article(result.document.doc_id, statements, result.document.text, result.record)
            articles.append(article)
        if failures and not articles:
            raise typer.Exit(failures[0].exit_code)
        html.write_page(articles, output, title)
        if failures:
            error_line(f"{len(failures)} of {len(failures) + len(articles)} inputs failed; the others are on the page")
            raise typer.Exit(EXIT_PARTIAL)
