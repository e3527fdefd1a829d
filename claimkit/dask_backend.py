"""Run the pipeline on a dask.distributed cluster (optional extra: ``pip install 'claimkit[dask]'``).

Two ways in:

* ``claimkit extract ... --scheduler tcp://HOST:PORT`` (or ``--scheduler local``): the CLI
  reads the articles lazily and sends batches to the cluster's workers through
  :func:`connect`; outputs are written exactly as in a local run (same order, same
  ``--resume``).
* The Python API for data already in Dask: :func:`extract_bag` on a ``dask.bag`` of
  ``{"id", "text", "meta"}`` dicts (or :class:`~claimkit.records.Document` objects),
  :func:`extract_dataframe` on a ``dask.dataframe``; :func:`write_partitioned` then writes one
  statements / documents / errors file per partition, from the workers.

Every worker process loads the model once (:func:`claimkit.nlp.load` is cached per process)
and parses its batches under a lock, so workers with several threads stay correct. Workers
need claimkit and the model installed, like the client.
"""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from . import nlp
from .constants import PARTITION_FORMATS
from .errors import ClaimkitError, InputError, ServerError, UsageError
from .io import atomic_writer, document_from_mapping, expand_paths, jsonl_line, parse_jsonl_line, read_text_file
from .pipeline import DEFAULT_BATCH_SIZE, BackendSpec, Item, Submit, batched, process_batch
from .records import Document

FORMATS = PARTITION_FORMATS


def _require_dask() -> None:
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError:
        raise UsageError("Dask support needs the dask extra: pip install 'claimkit[dask]'") from None


@contextlib.contextmanager
def connect(scheduler: str, n_workers: int = 2) -> Iterator[Any]:
    """A ``distributed.Client`` for ``scheduler``, closed on exit.

    Args:
        scheduler: ``tcp://HOST:PORT`` of a running scheduler, or ``local`` for a
            LocalCluster of ``n_workers`` single-threaded worker processes on 127.0.0.1.
        n_workers: workers of a ``local`` cluster.

    Raises:
        UsageError: Dask is not installed.
        ServerError: the scheduler cannot be reached.
    """
    _require_dask()
    from distributed import Client, LocalCluster

    with contextlib.ExitStack() as stack:
        try:
            if scheduler == "local":
                cluster = stack.enter_context(
                    LocalCluster(
                        n_workers=n_workers,
                        threads_per_worker=1,
                        processes=True,
                        host="127.0.0.1",
                        dashboard_address=None,
                    )
                )
                client = stack.enter_context(Client(cluster))
            else:
                client = stack.enter_context(Client(scheduler, timeout="10s"))
        except (OSError, TimeoutError) as exc:
            raise ServerError(f"cannot reach Dask scheduler {scheduler!r} ({exc})") from None
        yield client


def submitter(client: Any) -> Submit:
    """``client.submit`` without hashing the batches (every batch is a new task)."""
    return functools.partial(client.submit, pure=False)


def worker_threads(client: Any) -> int:
    """Threads across the cluster's workers (at least 1): how many batches to keep in flight."""
    return max(sum(client.nthreads().values()), 1)


def _as_item(obj: Any, n: int) -> Item:
    if isinstance(obj, Document | ClaimkitError):
        return obj
    try:
        return document_from_mapping(obj, f"item {n}")
    except ClaimkitError as exc:
        return exc


def _extract_partition(items: Sequence[Any], spec: BackendSpec, batch_size: int) -> list[dict[str, Any]]:
    """One output dict per item: ``doc_id``, ``record``, ``statements`` (dicts) and ``error``."""
    language = nlp.load(*spec)
    out: list[dict[str, Any]] = []
    documents = (_as_item(obj, n) for n, obj in enumerate(items))
    for batch in batched(documents, batch_size):
        for result in process_batch(language, batch):
            out.append(
                {
                    "doc_id": result.document.doc_id if result.document else None,
                    "record": result.record.to_dict() if result.record else None,
                    "statements": [st.to_dict() for st in result.statements],
                    "error": result.error_record(),
                }
            )
    return out


def extract_bag(
    bag: Any,
    backend: str = "spacy",
    model: str | None = None,
    stanza_dir: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> Any:
    """Extract statements from a ``dask.bag`` of articles, lazily.

    Args:
        bag: items ``{"id": ..., "text": ..., "meta": {...}}`` or Documents.
        backend, model, stanza_dir: the pipeline each worker loads (once per process).
        batch_size: documents per ``nlp.pipe`` call.

    Returns:
        A bag with one dict per article: ``doc_id``, ``record`` (the document record),
        ``statements`` (validated statement records) and ``error`` (null, or the errors-file
        record of a failed article). Pass it to :func:`write_partitioned`, or use
        ``.pluck("statements").flatten()``.

    Example:
        >>> import dask.bag as db
        >>> bag = db.read_text("articles-*.jsonl").map(json.loads)
        >>> write_partitioned(extract_bag(bag), "out/")
    """
    _require_dask()
    return bag.map_partitions(_extract_partition, (backend, model, stanza_dir), batch_size)


def _row_to_article(row: dict[str, Any], id_column: str, text_column: str, meta_columns: Sequence[str]) -> Any:
    return {"id": row.get(id_column), "text": row.get(text_column), "meta": {c: row.get(c) for c in meta_columns}}


def extract_dataframe(
    df: Any,
    id_column: str = "id",
    text_column: str = "text",
    meta_columns: Sequence[str] = (),
    **options: Any,
) -> Any:
    """Like :func:`extract_bag` for a ``dask.dataframe`` with one article per row.

    Args:
        df: the articles.
        id_column, text_column: columns with the doc_id and the text.
        meta_columns: columns copied into each document's ``meta``.
        **options: ``backend``, ``model``, ``stanza_dir``, ``batch_size``.
    """
    _require_dask()
    missing = [c for c in (id_column, text_column, *meta_columns) if c not in df.columns]
    if missing:
        raise UsageError(f"dataframe has no column {missing[0]!r}; columns: {', '.join(map(str, df.columns))}")
    rows = df.to_bag(format="dict").map(_row_to_article, id_column, text_column, list(meta_columns))
    return extract_bag(rows, **options)


def _read_text(path: str, encoding: str) -> Item:
    try:
        return read_text_file(Path(path), encoding)
    except InputError as exc:
        return exc


def _read_jsonl_line(line_and_path: tuple[str, str]) -> Item | None:
    line, path = line_and_path
    if not line.strip():
        return None
    try:
        return parse_jsonl_line(line, path)
    except InputError as exc:
        return exc


def _is_item(item: Item | None) -> bool:
    return item is not None


def read_articles(paths: Sequence[str], encoding: str = "utf-8", blocksize: str = "32MiB") -> Any:
    """A bag of the articles named by ``paths``, read by the workers (a path they all see).

    ``.jsonl`` files are split into blocks of ``blocksize`` (one partition each); text files
    and directories (every ``*.txt`` below) give partitions of 64 files. Unreadable inputs
    become error items, reported in the errors files. Stdin (``-``) is not supported here.
    """
    _require_dask()
    import dask.bag as db

    if "-" in paths:
        raise UsageError("--partitioned reads inputs on the workers: stdin (-) is not supported")
    bags: list[Any] = []
    texts: list[str] = []
    for item in [*expand_paths(paths), None]:  # input order; consecutive text files share partitions
        if texts and not (isinstance(item, str) and not item.endswith(".jsonl")):
            bags.append(db.from_sequence(texts, partition_size=64).map(_read_text, encoding))
            texts = []
        if isinstance(item, InputError):
            bags.append(db.from_sequence([item], npartitions=1))
        elif isinstance(item, str) and item.endswith(".jsonl"):
            lines = db.read_text(item, blocksize=blocksize, encoding=encoding, include_path=True)
            bags.append(lines.map(_read_jsonl_line).filter(_is_item))
        elif isinstance(item, str):
            texts.append(item)
    if not bags:
        raise InputError("no inputs")
    return db.concat(bags)


def _write_partition(results: list[dict[str, Any]], out_dir: str, index: int, fmt: str) -> dict[str, int]:
    """Write one partition's statements, documents and errors files (each atomically)."""
    base = Path(out_dir)
    name = f"part-{index:05d}"
    statements = [st for r in results for st in r["statements"]]
    if fmt == "parquet":
        from . import tables  # pandas only when Parquet is asked for

        tables.write_parquet(tables.to_dataframe(statements), base / "statements" / f"{name}.parquet")
    else:
        with atomic_writer(base / "statements" / f"{name}.jsonl") as fh:
            fh.writelines(map(jsonl_line, statements))
    with atomic_writer(base / "documents" / f"{name}.jsonl") as fh:
        fh.writelines(jsonl_line(r["record"]) for r in results if r["record"] is not None)
    errors = [r["error"] for r in results if r["error"] is not None]
    if errors:
        with atomic_writer(base / "errors" / f"{name}.jsonl") as fh:
            fh.writelines(map(jsonl_line, errors))
    return {"documents": len(results) - len(errors), "statements": len(statements), "errors": len(errors)}


def write_partitioned(results: Any, out_dir: str | os.PathLike[str], fmt: str = "jsonl") -> dict[str, int]:
    """Compute ``results`` (from :func:`extract_bag`) and write it partition by partition.

    Files: ``OUT/statements/part-00000.jsonl`` (or ``.parquet``, the columns of
    :func:`claimkit.tables.to_dataframe`), ``OUT/documents/part-00000.jsonl`` and, for
    partitions with failed articles, ``OUT/errors/part-00000.jsonl``. The workers write
    them, so ``out_dir`` must be a path every worker sees (a shared file system). Each file is
    written atomically; the partition number follows the input order.

    Returns:
        Totals: ``documents``, ``statements``, ``errors``, ``partitions``.
    """
    _require_dask()
    import dask
    from dask import delayed

    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}; allowed: {', '.join(FORMATS)}")
    write = delayed(_write_partition)
    parts = results.to_delayed()
    counts = dask.compute(*(write(part, str(out_dir), i, fmt) for i, part in enumerate(parts)))
    totals = {"documents": 0, "statements": 0, "errors": 0, "partitions": len(parts)}
    for c in counts:
        for key, value in c.items():
            totals[key] += value
    return totals
