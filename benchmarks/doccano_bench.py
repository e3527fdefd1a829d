"""Push and pull throughput against a real local Doccano server.

Takes N documents (default 100): the PolNeAR dev articles (``../shared/data/polnear/dev/text``,
84 articles, cycled with distinct ids to reach N) when present, else, or with ``--synthetic``,
templated news sentences (names, figures and hedges vary; about 6 statements each, emoji in
some). Extracts them with claimkit, starts a Doccano
server on a free port in a temporary home (or uses $CLAIMKIT_DOCCANO_URL with
$CLAIMKIT_DOCCANO_PASSWORD when set), then times: a first push (creates everything), a second
push (all unchanged), and a pull (export through the Celery worker + conversion + validation).

    .venv/bin/python benchmarks/doccano_bench.py [--docs 100] [--threads 8] [--synthetic]
"""

from __future__ import annotations

import argparse
import os
import random
import secrets
import sys
import tempfile
import time
from pathlib import Path

from claimkit.doccano.client import Connection, DoccanoClient
from claimkit.doccano.pull import pull_project
from claimkit.doccano.push import push_documents
from claimkit.doccano.server import LocalServer, free_port
from claimkit.pipeline import Extractor
from claimkit.records import Document

ROOT = Path(__file__).resolve().parents[1]
POLNEAR_DEV = Path(os.environ.get("CLAIMKIT_SHARED_DATA", ROOT.parent / "shared" / "data")) / "polnear" / "dev" / "text"
NAMES = ["Park Won-gon", "Maria Lopez", "Ahmed Khan", "Li Wei", "Anna Schmidt", "John Carter"]
ORGS = ["the Ministry of Finance", "the central bank", "the city council", "the union", "the company"]
TOPICS = ["exports", "rents", "wages", "tariffs", "ticket prices", "emissions"]


def article(rng: random.Random, n: int) -> str:
    """One synthetic article of six sentences mixing facts, opinions and speculation."""
    name, org, topic = rng.choice(NAMES), rng.choice(ORGS), rng.choice(TOPICS)
    pct = rng.randint(2, 40)
    emoji = " 📈" if n % 3 == 0 else ""
    return " ".join(
        [
            f"{org.capitalize()} said {topic} rose {pct} percent in the last quarter{emoji}.",
            f"{name}, a professor at Seoul National University, said the increase was a serious mistake.",
            f"Some analysts speculate that {topic} may fall again next year.",
            f"According to {org}, the new rules will take effect in March.",
            f"\u201cWe cannot rule out further increases,\u201d {name.split()[-1]} said.",
            f"The report was published on Tuesday after {rng.randint(3, 12)} months of talks.",
        ]
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--synthetic", action="store_true", help="Templated articles even when PolNeAR is there.")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    texts = sorted(POLNEAR_DEV.glob("*.txt")) if POLNEAR_DEV.is_dir() and not args.synthetic else []
    if texts:
        documents = [
            Document(f"{texts[i % len(texts)].stem}-{i:03d}", texts[i % len(texts)].read_text(encoding="utf-8"))
            for i in range(args.docs)
        ]
        print(f"corpus: {args.docs} documents from {len(texts)} PolNeAR dev articles")
    else:
        documents = [Document(f"bench-{i:03d}", article(rng, i)) for i in range(args.docs)]
        print(f"corpus: {args.docs} synthetic documents")
    t0 = time.perf_counter()
    items = []
    for result in Extractor().extract(documents):
        assert result.record is not None and result.document is not None
        items.append((result.record.to_dict(), result.document.text, [s.to_dict() for s in result.statements]))
    n_statements = sum(len(s) for _, _, s in items)
    print(f"extract: {args.docs} documents, {n_statements} statements in {time.perf_counter() - t0:.1f}s")

    server = None
    url, password = os.environ.get("CLAIMKIT_DOCCANO_URL"), os.environ.get("CLAIMKIT_DOCCANO_PASSWORD")
    if not (url and password):
        password = secrets.token_urlsafe(12)
        server = LocalServer(Path(tempfile.mkdtemp(prefix="doccano-bench-")))
        t0 = time.perf_counter()
        status = server.start(free_port(), "admin", password)
        url = status.url
        print(f"server: started at {url} in {time.perf_counter() - t0:.1f}s")
    try:
        client = DoccanoClient(Connection(str(url), "admin", str(password))).login()
        project = f"bench-{secrets.token_hex(3)}"
        for label in ("push (create)", "push (unchanged)"):
            t0 = time.perf_counter()
            report = push_documents(client, project, items, threads=args.threads)
            dt = time.perf_counter() - t0
            print(
                f"{label}: {args.docs} documents in {dt:.1f}s = {args.docs / dt:.2f} docs/s, "
                f"{n_statements / dt:.1f} statements/s ({report.summary()})"
            )
        t0 = time.perf_counter()
        result = pull_project(client, project)
        dt = time.perf_counter() - t0
        print(
            f"pull: {len(result.records)} statements from {args.docs} documents in {dt:.1f}s = "
            f"{args.docs / dt:.2f} docs/s, {len(result.records) / dt:.1f} statements/s"
        )
    finally:
        if server is not None:
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
