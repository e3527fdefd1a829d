"""Start-up time of the commands that parse no text, whole process, against ``python -c pass``.

Usage:
    .venv/bin/python benchmarks/bench_startup.py [--repeat 15] [--limit 0.5]

Runs each command line ``--repeat`` times as a fresh process (the installed ``claimkit``
script of this virtualenv) and prints the median and best wall time of each, its median CPU
time (user + system of the process: what the machine's load does not inflate), the same for
``python -c pass`` (the floor: the interpreter alone), and the difference (what claimkit
adds). Exits 1 when a median wall time is above ``--limit`` seconds. The runs alternate between the
commands so that a change in machine load hits all of them alike; the ``uptime`` load is
printed too: read the figures with it.

Bytecode is cached as after any ``pip install``: the child processes run without
``PYTHONDONTWRITEBYTECODE`` (the warm-up run writes the ``.pyc`` files). With it set, every
run compiles claimkit's modules again (about 0.05 s more on an idle machine).

``doccano serve --status`` is measured with no server running (a fresh ``--home``): it then
answers from its state file, without any network request.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent
COMMANDS: dict[str, list[str]] = {
    "claimkit --help": ["--help"],
    "claimkit validate --help": ["validate", "--help"],
    "claimkit eval --help": ["eval", "--help"],
    "claimkit extract --help": ["extract", "--help"],
    "claimkit doccano serve --status": ["doccano", "serve", "--status", "--home", "{home}"],
}


ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_once(argv: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run of ``argv``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=ENV)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--limit", type=float, default=0.5, help="fail when a median is above this (seconds)")
    args = parser.parse_args()
    claimkit = BIN / "claimkit"
    if not claimkit.exists():
        print(f"{claimkit} not found: install claimkit in this virtualenv (scripts/setup.sh)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as home:
        lines = {"python -c pass": [sys.executable, "-c", "pass"]}
        lines.update({name: [str(claimkit), *(a.format(home=home) for a in argv)] for name, argv in COMMANDS.items()})
        for argv in lines.values():  # warm the file cache and write the .pyc files
            run_once(argv)
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in lines}
        for _ in range(args.repeat):
            for name, argv in lines.items():
                times[name].append(run_once(argv))
    floor = statistics.median(wall for wall, _ in times["python -c pass"])
    print(
        f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}, {os.cpu_count()} CPUs, {args.repeat} runs each"
    )
    print(f"{'command':34} {'median s':>9} {'best s':>7} {'CPU s':>6} {'minus python':>13}")
    slow = []
    for name, values in times.items():
        median = statistics.median(wall for wall, _ in values)
        cpu = statistics.median(c for _, c in values)
        extra = "" if name == "python -c pass" else f"{median - floor:+.3f}"
        print(f"{name:34} {median:9.3f} {min(w for w, _ in values):7.3f} {cpu:6.3f} {extra:>13}")
        if name != "python -c pass" and median > args.limit:
            slow.append(name)
    if slow:
        print(f"above {args.limit} s: {', '.join(slow)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
