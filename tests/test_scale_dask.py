"""Dask: the CLI on a scheduler address, and the dask.bag / dask.dataframe API, on a LocalCluster
with two worker processes on loopback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_scale import ARTICLES, read_lines, write_corpus
from typer.testing import CliRunner

from claimkit.cli import app

distributed = pytest.importorskip("distributed")
dask_bag = pytest.importorskip("dask.bag")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def cluster():
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield cluster, client


def _loads(client) -> dict[str, int]:
    from claimkit import nlp

    return client.run(lambda: nlp.load.cache_info().misses)


def test_cli_on_a_scheduler_matches_a_local_run(cluster, tmp_path: Path) -> None:
    local_cluster, client = cluster
    corpus = tmp_path / "in.jsonl"
    write_corpus(corpus, 19, bad_line_at=5)
    runner = CliRunner()
    ref_s, ref_d = tmp_path / "ref_s.jsonl", tmp_path / "ref_d.jsonl"
    ref = runner.invoke(app, ["extract", str(corpus), "-o", str(ref_s), "--docs", str(ref_d), "-q"])
    assert ref.exit_code == 4, ref.stderr

    out, docs, errs = tmp_path / "s.jsonl", tmp_path / "d.jsonl", tmp_path / "e.jsonl"
    args = ["extract", str(corpus), "-o", str(out), "--docs", str(docs), "--errors", str(errs), "-q"]
    res = runner.invoke(app, [*args, "--scheduler", local_cluster.scheduler_address, "--batch-size", "3"])
    assert res.exit_code == 4, res.stderr
    assert out.read_bytes() == ref_s.read_bytes() and docs.read_bytes() == ref_d.read_bytes()
    assert [e["error"] for e in read_lines(errs)] == ["JSONLError"]
    loads = _loads(client)
    assert len(loads) == 2 and all(n == 1 for n in loads.values()), f"model loads per worker: {loads}"


def test_unreachable_scheduler_is_one_line_and_exit_7(tmp_path: Path) -> None:
    corpus = tmp_path / "in.jsonl"
    write_corpus(corpus, 2)
    res = CliRunner().invoke(app, ["extract", str(corpus), "--scheduler", "tcp://127.0.0.1:9", "-q"])
    assert res.exit_code == 7 and "cannot reach Dask scheduler" in res.stderr
    assert "Traceback" not in res.stderr


def test_bag_api_writes_partitioned_jsonl_and_parquet(cluster, tmp_path: Path) -> None:
    from claimkit import dask_backend, tables

    # the module's Client is the default scheduler for write_partitioned
    items = [{"id": f"a{i}", "text": ARTICLES[i % len(ARTICLES)]} for i in range(12)]
    items.insert(4, {"id": "", "text": "no id"})
    bag = dask_bag.from_sequence(items, npartitions=3)
    totals = dask_backend.write_partitioned(dask_backend.extract_bag(bag, batch_size=2), tmp_path / "j")
    assert totals["partitions"] == 3 and totals["errors"] == 1 and totals["documents"] == 12
    parts = sorted((tmp_path / "j" / "statements").glob("part-*.jsonl"))
    assert [p.name for p in parts] == ["part-00000.jsonl", "part-00001.jsonl", "part-00002.jsonl"]
    statements = [r for p in parts for r in read_lines(p)]
    assert len(statements) == totals["statements"] > 12
    doc_order = [r["doc_id"] for p in sorted((tmp_path / "j" / "documents").glob("*.jsonl")) for r in read_lines(p)]
    assert doc_order == [f"a{i}" for i in range(12)]
    (err_part,) = (tmp_path / "j" / "errors").glob("*.jsonl")
    assert "missing or empty string field 'id'" in read_lines(err_part)[0]["reason"]

    totals_pq = dask_backend.write_partitioned(dask_backend.extract_bag(bag), tmp_path / "p", fmt="parquet")
    frames = [tables.pd.read_parquet(p) for p in sorted((tmp_path / "p" / "statements").glob("*.parquet"))]
    df = tables.pd.concat(frames)
    assert len(df) == totals_pq["statements"] == totals["statements"]
    assert list(df["id"]) == [r["id"] for r in statements]


def test_dataframe_api(cluster) -> None:
    import dask.dataframe as dd
    import pandas as pd

    from claimkit import dask_backend

    pdf = pd.DataFrame({"doc": ["x1", "x2", "x3"], "body": ARTICLES[:3], "outlet": ["A", "B", "C"]})
    ddf = dd.from_pandas(pdf, npartitions=2)
    results = dask_backend.extract_dataframe(ddf, id_column="doc", text_column="body", meta_columns=["outlet"])
    out = results.compute()
    assert [r["doc_id"] for r in out] == ["x1", "x2", "x3"]
    assert [r["record"]["meta"] for r in out] == [{"outlet": "A"}, {"outlet": "B"}, {"outlet": "C"}]
    assert all(st["doc_id"] == r["doc_id"] for r in out for st in r["statements"])
    with pytest.raises(Exception, match="no column 'id'"):
        dask_backend.extract_dataframe(ddf)
    assert json.dumps(out[0]["statements"][0])  # plain JSON-ready dicts


def test_cli_partitioned_output_read_and_written_by_workers(cluster, tmp_path: Path) -> None:
    local_cluster, _ = cluster
    corpus = tmp_path / "in.jsonl"
    ids = write_corpus(corpus, 9, bad_line_at=3)
    (tmp_path / "txt").mkdir()
    (tmp_path / "txt" / "solo.txt").write_text(ARTICLES[0], encoding="utf-8")
    out = tmp_path / "parts"
    args = ["extract", str(corpus), str(tmp_path / "txt"), "--scheduler", local_cluster.scheduler_address]
    res = CliRunner().invoke(app, [*args, "--partitioned", str(out)])
    assert res.exit_code == 4, res.stderr
    assert "1 of 11 inputs failed" in res.stderr and "Traceback" not in res.stderr
    docs = [r for p in sorted((out / "documents").glob("*.jsonl")) for r in read_lines(p)]
    assert [d["doc_id"] for d in docs] == [*ids, "solo"]
    statements = [r for p in sorted((out / "statements").glob("*.jsonl")) for r in read_lines(p)]
    assert len(statements) == sum(d["statements"] for d in docs)
    (errs,) = [r for p in (out / "errors").glob("*.jsonl") for r in read_lines(p)]
    assert errs["error"] == "JSONLError" and "malformed JSON" in errs["reason"]
    bad = CliRunner().invoke(app, ["extract", str(corpus), "--partitioned", str(out)])
    assert bad.exit_code == 2 and "--scheduler" in bad.stderr
