"""Long articles: time and peak memory of extracting one article with many quotations, and one
article larger than the parser's ``max_length`` (processed in chunks).

Usage:
    .venv/bin/python benchmarks/bench_quotes.py [--sentences 2500 5000 10000] [--big-mb 5] [--bare]

Each measurement runs in a fresh process (``--one``) so that its peak RSS is its own. An
article of N quoted sentences has sentences ``“…,” Name said.``, five to a paragraph, written
here (no data needed). Wall and CPU seconds are both printed: on a shared machine read CPU.
The extraction is split into its parse (``claimkit.nlp.parse``: pieces of at most 100,000
characters) and everything after it (every stage and schema validation). ``--bare`` also
times, in another fresh process, bare spaCy parsing of the same text in one piece (the floor;
its own peak RSS). ``--repeat N`` runs each measurement N times and keeps the best time and the
lowest peak. Targets (issue 18): 10,000 quoted sentences in at most 10 s and 1 GB; a 5 MB
article processed.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time

SPEAKERS = ["Park Won-gon", "Kim Yo-jong", "the minister", "a spokesman", "Professor Lee"]
QUOTES = [
    "We will not accept this proposal",
    "The talks may resume next week",
    "Prices rose 3% in May, and they could rise again",
    "It is a good day for the country",
    "Nobody can rule out a delay",
]


def quoted_article(n: int, per_paragraph: int = 5) -> str:
    """``n`` quoted sentences (``“…,” Name said.``), ``per_paragraph`` to a paragraph."""
    sentences = [
        f"“{QUOTES[i % len(QUOTES)]} ({i}),” {SPEAKERS[(i // len(QUOTES)) % len(SPEAKERS)]} said." for i in range(n)
    ]
    paragraphs = [" ".join(sentences[i : i + per_paragraph]) for i in range(0, n, per_paragraph)]
    return "\n\n".join(paragraphs) + "\n"


def big_article(megabytes: float) -> str:
    """About ``megabytes`` MB of news paragraphs with quotations (beyond spaCy's max_length)."""
    unit = quoted_article(200)
    return unit * max(1, int(megabytes * 1_000_000 / len(unit.encode("utf-8"))))


def measure(kind: str, size: float, what: str) -> dict[str, float]:
    """One measurement in this process: ``what`` is ``extract`` or ``bare``."""
    from claimkit import nlp
    from claimkit.pipeline import Extractor, analyse
    from claimkit.records import Document

    text = quoted_article(int(size)) if kind == "quotes" else big_article(size)
    extractor = Extractor()
    result: dict[str, float] = {"chars": len(text), "mb": len(text.encode("utf-8")) / 1e6}
    start, cpu = time.perf_counter(), time.process_time()
    if what == "bare":
        extractor.nlp.max_length = max(extractor.nlp.max_length, len(text) + 1)
        extractor.nlp(text)
    else:
        doc = nlp.parse(extractor.nlp, text)
        result["parse_s"], result["parse_cpu_s"] = time.perf_counter() - start, time.process_time() - cpu
        post, post_cpu = time.perf_counter(), time.process_time()
        _record, statements = analyse(Document("bench", text), doc)
        result["post_s"], result["post_cpu_s"] = time.perf_counter() - post, time.process_time() - post_cpu
        result["statements"] = len(statements)
    result["s"], result["cpu_s"] = time.perf_counter() - start, time.process_time() - cpu
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def best(kind: str, size: float, what: str, repeat: int) -> dict[str, float] | None:
    """The best of ``repeat`` fresh-process runs: lowest of every time and of the peak."""
    runs = []
    for _ in range(repeat):
        cmd = [sys.executable, __file__, "--one", kind, str(size), what]
        out = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if out.returncode != 0:
            print(f"{kind} {size} {what}: failed\n{out.stderr[-2000:]}")
            return None
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return {k: min(r[k] for r in runs) for k in runs[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sentences", type=int, nargs="*", default=[2500, 5000, 10000])
    parser.add_argument("--big-mb", type=float, default=5.0, help="size of the long article (0: skip)")
    parser.add_argument("--bare", action="store_true", help="also time bare spaCy parsing of the same text")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each measurement (the best is kept)")
    parser.add_argument("--one", nargs=3, metavar=("KIND", "SIZE", "WHAT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one[0], float(args.one[1]), args.one[2])))
        return
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}; best of {args.repeat}")
    runs = [("quotes", n) for n in args.sentences] + ([("big", args.big_mb)] if args.big_mb else [])
    for kind, size in runs:
        r = best(kind, size, "extract", args.repeat)
        if r is None:
            continue
        label = f"{int(size)} quoted sentences" if kind == "quotes" else f"{r['mb']:.1f} MB article"
        print(
            f"{label}: {r['s']:.1f} s wall, {r['cpu_s']:.1f} s CPU, peak {r['peak_mb']:.0f} MB, "
            f"{int(r['statements'])} statements ({int(r['chars'])} chars); parse {r['parse_s']:.1f} s wall "
            f"{r['parse_cpu_s']:.1f} s CPU, after the parse {r['post_s']:.1f} s wall {r['post_cpu_s']:.1f} s CPU"
        )
        if args.bare and (b := best(kind, size, "bare", args.repeat)) is not None:
            print(f"  bare spaCy, one piece: {b['s']:.1f} s wall, {b['cpu_s']:.1f} s CPU, peak {b['peak_mb']:.0f} MB")
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
