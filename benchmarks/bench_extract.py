"""Time ``claimkit extract`` against bare spaCy ``nlp.pipe`` with the same model, in the same run.

Usage:
    .venv/bin/python benchmarks/bench_extract.py [--data DIR] [--repeat 3] [--batch-size 32] [--stages]

Reads every ``*.txt`` of ``../shared/data/polnear/dev/text`` (84 articles), runs bare parsing
and the whole ``extract`` command (reading, every stage, schema validation, JSONL writing to
a temporary directory) alternately ``--repeat`` times and prints the best time of each, docs/s
and the ratio (target: at most 1.3). ``--stages`` adds the time spent in each stage after
parsing. The machine is shared, so the ``uptime`` load is printed too: read the figures with it.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = (
    Path(os.environ.get("CLAIMKIT_SHARED_DATA", ROOT.parent / "shared" / "data")) / "polnear" / "dev" / "text"
)


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def time_bare(nlp: Any, texts: list[str], batch_size: int) -> tuple[float, float]:
    """Wall and CPU seconds of bare parsing."""
    start, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - start, time.process_time() - cpu


def time_extract(paths: list[str], batch_size: int, out_dir: str) -> tuple[float, float]:
    """Wall and CPU seconds of the ``extract`` command, in this process (the model is already loaded)."""
    from claimkit.cli.extract import extract

    start, cpu = time.perf_counter(), time.process_time()
    extract(
        paths,
        output=Path(out_dir) / "statements.jsonl",
        docs=Path(out_dir) / "documents.jsonl",
        batch_size=batch_size,
        quiet=True,
    )
    return time.perf_counter() - start, time.process_time() - cpu


def instrument_stages() -> dict[str, float]:
    """Wrap each stage function to add up its time; returns the live totals."""
    from claimkit import (
        attribution,
        certainty,
        certainty_model,
        checkworthy,
        classify,
        clean,
        pipeline,
        schema,
        segment,
        subjectivity,
    )

    totals: dict[str, float] = defaultdict(float)

    def wrap(module: Any, name: str, label: str) -> None:
        fn: Callable[..., Any] | None = getattr(module, name, None)
        if fn is None:
            print(f"  (no {module.__name__}.{name} to time)")
            return

        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                totals[label] += time.perf_counter() - start

        setattr(module, name, timed)

    wrap(clean, "clean", "clean")
    wrap(segment, "segment", "segment")
    wrap(attribution, "attribute", "attribution")
    wrap(certainty, "assess", "certainty")
    wrap(classify, "decide", "classify")
    wrap(checkworthy, "score", "check-worthiness")
    # the learned parts, each timed on its own (their time is also inside certainty / classify)
    wrap(certainty_model, "cue_probability", "  learned cue model (in certainty)")
    wrap(certainty_model, "calibrate", "  learned score calibration (in certainty)")
    wrap(subjectivity, "span_probability", "  learned kind model (in classify)")
    wrap(schema, "validate", "validate (jsonschema)")
    wrap(pipeline, "jsonl_line", "json serialisation")
    wrap(pipeline, "parse_batch", "spaCy parse")
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="directory of .txt articles")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--stages", action="store_true", help="also time each stage (one more run)")
    args = parser.parse_args()
    if not args.data.is_dir():
        raise SystemExit(f"no data at {args.data} (set CLAIMKIT_SHARED_DATA)")

    from claimkit import nlp as backend
    from claimkit.io import iter_documents

    paths = sorted(str(p) for p in args.data.glob("*.txt"))
    texts = [d.text for d in iter_documents(paths)]
    nlp = backend.load("spacy", backend.DEFAULT_MODEL, None)  # the key the CLI's Extractor uses
    n = len(texts)
    print(
        f"{n} articles, {sum(map(len, texts))} characters, model {backend.DEFAULT_MODEL}, batch size {args.batch_size}"
    )
    print(f"load average before: {load_average()}")
    time_bare(nlp, texts[:4], args.batch_size)  # warm-up
    bare, full = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(args.repeat):
            bare.append(time_bare(nlp, texts, args.batch_size))
            full.append(time_extract(paths, args.batch_size, tmp))
        b, f = min(w for w, _ in bare), min(w for w, _ in full)
        bcpu, fcpu = min(c for _, c in bare), min(c for _, c in full)
        print(
            f"bare spaCy nlp.pipe : {b:7.2f} s  {n / b:6.1f} docs/s  CPU {bcpu:6.2f} s  (wall: {', '.join(f'{x:.2f}' for x, _ in bare)})"
        )
        print(
            f"claimkit extract    : {f:7.2f} s  {n / f:6.1f} docs/s  CPU {fcpu:6.2f} s  (wall: {', '.join(f'{x:.2f}' for x, _ in full)})"
        )
        print(f"ratio extract / bare: wall {f / b:.2f}, CPU {fcpu / bcpu:.2f}  (target <= 1.30)")
        if args.stages:
            totals = instrument_stages()
            total, _ = time_extract(paths, args.batch_size, tmp)
            print(f"stages of one more extract run ({total:.2f} s):")
            for label, seconds in sorted(totals.items(), key=lambda kv: -kv[1]):
                print(f"  {label:<44} {seconds:7.2f} s  {100 * seconds / total:5.1f} %")
            rest = total - sum(v for k, v in totals.items() if not k.startswith("  "))  # nested parts are inside
            print(f"  {'other (reading, records, writing)':<44} {rest:7.2f} s  {100 * rest / total:5.1f} %")
    print(f"load average after: {load_average()}")


if __name__ == "__main__":
    main()
