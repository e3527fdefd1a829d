"""One source of truth for the measured scores: the README's "Measured scores" table.

Usage:
    .venv/bin/python scripts/figures.py            # run every eval command of the README table,
                                                   # rewrite its figures, then sync the docs
    .venv/bin/python scripts/figures.py --docs     # only sync the docs with the README (no runs)
    .venv/bin/python scripts/figures.py --check    # exit 1 if a doc disagrees with the README

Running the commands (``claimkit eval ... --json``) rewrites, in the README table, the
claimkit figure of every row (and the first number of its baseline cell, from the baseline
named in :data:`SPEC`) and the date line above it; in docs/eval.md it regenerates the "Current
scores" table (every figure of every system) between its ``figures:`` markers.

Syncing the docs: every table row of ``docs/*.md`` that names a corpus of the README table
(first cell, or the row above it in the same table) and quotes a figure of it in its claimkit
column (``| figure | value |`` or ``label value`` pairs inside one cell, e.g. ``macro-F1 0.467``)
gets the README's value. ``tests/test_docs_figures.py`` fails when a sync would change a doc,
so a doc can never quote a figure for a corpus that differs from the README's table.
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import shlex
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DOCS = ROOT / "docs"
NUMBER = r"\d\.\d{3}"


@dataclass(frozen=True)
class Corpus:
    """One corpus of the README table: how rows name it, and its README figure labels."""

    id: str
    pattern: str  # matches the first cell of a row about this corpus, in the README and the docs
    figures: dict[str, tuple[str, str, str | None]]  # README label -> (task, key, baseline system)
    detail: tuple[tuple[str, str], ...] = ()  # (task, key) rows of docs/eval.md's full table


SPEC: tuple[Corpus, ...] = (
    Corpus(
        "polnear-dev",
        r"PolNeAR dev",
        {
            "attribution F1": ("attribution", "attribution_f1", "reporting-verb"),
            "precision": ("attribution", "precision", "reporting-verb"),
            "content recall": ("attribution", "content_recall", "reporting-verb"),
            "source F1, exact span": ("attribution_spans", "source_exact_f1", "reporting-verb"),
            "cue F1, exact span": ("attribution_spans", "cue_exact_f1", "reporting-verb"),
            "content F1, exact span": ("attribution_spans", "content_exact_f1", "reporting-verb"),
            "content F1, token overlap": ("attribution_spans", "content_overlap_f1", "reporting-verb"),
            "whole-triple F1, exact": ("attribution_spans", "triple_exact_f1", "reporting-verb"),
        },
        (
            ("attribution", "precision"),
            ("attribution", "content_recall"),
            ("attribution", "attribution_recall"),
            ("attribution", "attribution_f1"),
            ("attribution_spans", "source_exact_f1"),
            ("attribution_spans", "cue_exact_f1"),
            ("attribution_spans", "content_exact_f1"),
            ("attribution_spans", "content_overlap_f1"),
            ("attribution_spans", "triple_exact_f1"),
        ),
    ),
    Corpus(
        "ggt-tune",
        r"GenderGapTracker dev half, tuning part",
        {"speaker full-name accuracy (of found quotations)": ("speakers", "full_name_accuracy", "reporting-verb")},
        (("speakers", "quote_recall"), ("speakers", "speaker_accuracy"), ("speakers", "full_name_accuracy")),
    ),
    Corpus(
        "ggt-check",
        r"GenderGapTracker dev half, check part",
        {"speaker full-name accuracy (of found quotations)": ("speakers", "full_name_accuracy", "reporting-verb")},
        (("speakers", "quote_recall"), ("speakers", "speaker_accuracy"), ("speakers", "full_name_accuracy")),
    ),
    Corpus(
        "ggt",
        r"GenderGapTracker",
        {
            "speaker full-name accuracy (of found quotations)": ("speakers", "full_name_accuracy", "reporting-verb"),
            "quotation recall": ("speakers", "quote_recall", "reporting-verb"),
        },
        (("speakers", "quote_recall"), ("speakers", "speaker_accuracy"), ("speakers", "full_name_accuracy")),
    ),
    Corpus(
        "szeged-test",
        r"Szeged wiki,? held-out",
        {
            "sentence uncertainty F1": ("certainty", "f1", "hedge-lexicon"),
            "cue F1 (lenient)": ("certainty", "cue_f1", "hedge-lexicon"),
        },
        (("certainty", "f1"), ("certainty", "precision"), ("certainty", "recall"), ("certainty", "cue_f1")),
    ),
    Corpus(
        "factbank-test",
        r"FactBank dev,? held-out",
        {"sentence uncertainty F1": ("certainty", "f1", "hedge-lexicon")},
        (("certainty", "f1"), ("certainty", "precision"), ("certainty", "recall"), ("certainty", "cue_f1")),
    ),
    Corpus(
        "newssd-test",
        r"NewsSD test",
        {
            "fact vs opinion author-voice macro-F1": ("subjectivity", "author_macro_f1", "hedge-lexicon"),
            "macro-F1, any statement": ("subjectivity", "macro_f1", None),
        },
        (("subjectivity", "author_macro_f1"), ("subjectivity", "accuracy"), ("subjectivity", "macro_f1")),
    ),
    Corpus(
        "checkthat23-subjectivity",
        r"CheckThat! 2023 subjectivity",
        {"author-voice macro-F1": ("subjectivity", "author_macro_f1", "hedge-lexicon")},
        (("subjectivity", "author_macro_f1"), ("subjectivity", "macro_f1")),
    ),
    Corpus(
        "pei-jurgens-val",
        r"Pei & Jurgens",
        {"Pearson r of `certainty.score` with the 1-6 rating": ("certainty_score", "pearson", "hedge-count")},
        (("certainty_score", "pearson"), ("certainty_score", "spearman")),
    ),
    Corpus(
        "uw-test",
        r"UW (factuality )?test",
        {
            "label agreement with gold band": ("factuality", "agreement", "author-fact"),
            "macro-F1": ("factuality", "macro_f1", "author-fact"),
        },
        (("factuality", "agreement"), ("factuality", "macro_f1"), ("factuality", "uncertain_f1")),
    ),
    Corpus(
        "meantime-test",
        r"MEANTIME (factuality )?test",
        {
            "label agreement": ("factuality", "agreement", "author-fact"),
            "macro-F1": ("factuality", "macro_f1", "author-fact"),
        },
        (("factuality", "agreement"), ("factuality", "macro_f1"), ("factuality", "uncertain_f1")),
    ),
    Corpus(
        "checkthat23-test",
        r"CheckThat! 2023 1B",
        {
            "check-worthy F1": ("checkworthiness", "f1", "tfidf-lr"),
            "precision": ("checkworthiness", "precision", "tfidf-lr"),
            "recall": ("checkworthiness", "recall", "tfidf-lr"),
        },
        (("checkworthiness", "precision"), ("checkworthiness", "recall"), ("checkworthiness", "f1")),
    ),
    Corpus(
        "claimbuster-groundtruth",
        r"ClaimBuster ground ?truth",
        {
            "CFS F1": ("checkworthiness", "f1", "tfidf-lr"),
            "precision": ("checkworthiness", "precision", "tfidf-lr"),
            "recall": ("checkworthiness", "recall", "tfidf-lr"),
        },
        (("checkworthiness", "precision"), ("checkworthiness", "recall"), ("checkworthiness", "f1")),
    ),
    Corpus(
        "columns-heldout-column",
        r"Columns set, held-out column",
        {"all fields right": ("statements", "all_fields", "author-fact")},
        (("statements", "all_fields"), ("statements", "kind_accuracy"), ("statements", "certainty_right")),
    ),
    Corpus(
        "columns-heldout-editorial",
        r"Columns set, held-out editorial",
        {"all fields right": ("statements", "all_fields", "author-fact")},
        (("statements", "all_fields"), ("statements", "kind_accuracy"), ("statements", "certainty_right")),
    ),
    Corpus(
        "columns-check-bus-shelters",
        r"Columns set, check text",
        {"all fields right": ("statements", "all_fields", "author-fact")},
        (("statements", "all_fields"), ("statements", "kind_accuracy"), ("statements", "certainty_right")),
    ),
    Corpus(
        "columns",
        r"Columns set",
        {
            "all fields right": ("statements", "all_fields", "author-fact"),
            "kind accuracy": ("statements", "kind_accuracy", "author-fact"),
            "speaker right": ("statements", "speaker_right", "author-fact"),
            "certainty right": ("statements", "certainty_right", "author-fact"),
        },
        (
            ("statements", "all_fields"),
            ("statements", "kind_accuracy"),
            ("statements", "speaker_right"),
            ("statements", "cue_right"),
            ("statements", "source_right"),
            ("statements", "certainty_right"),
        ),
    ),
    Corpus(
        "sample",
        r"[Ss]ample article",
        {
            "segmentation F1": ("statements", "f1", "hedge-lexicon"),
            "kind accuracy": ("statements", "kind_accuracy", "hedge-lexicon"),
            "attribution F1": ("attribution", "attribution_f1", "reporting-verb"),
        },
        (
            ("statements", "f1"),
            ("statements", "kind_accuracy"),
            ("statements", "kind_macro_f1"),
            ("attribution", "attribution_f1"),
        ),
    ),
)

# How the docs name a figure -> its key (labels not listed are turned into snake_case keys:
# "content_recall (found)" -> "content_recall", "macro-F1" -> "macro_f1").
SYNONYMS = {
    "attribution f1": "attribution_f1",
    "sentence uncertainty f1": "f1",
    "uncertainty f1": "f1",
    "segmentation f1": "f1",
    "fact vs opinion macro-f1": "macro_f1",
    "label agreement": "agreement",
    "label agreement with gold band": "agreement",
    "band agreement": "agreement",
    "quotation recall": "quote_recall",
    "speaker full-name accuracy": "full_name_accuracy",
    "cue f1": "cue_f1",
    "check-worthy f1": "f1",
    "cfs f1": "f1",
}
TASKS = ("attribution", "statements", "certainty", "subjectivity", "factuality", "speakers", "checkworthiness")


def key_of(label: str) -> str:
    """The figure key a doc's label means: ``"macro-F1"`` -> ``macro_f1``."""
    text = re.sub(r"\(.*?\)", "", label.replace("*", "")).strip().lower()
    text = " ".join(text.split())
    if text in SYNONYMS:
        return SYNONYMS[text]
    for task in TASKS:  # docs/eval.md style: "attribution attribution_f1", "certainty f1"
        if text.startswith(task + " ") and " " not in text[len(task) + 1 :]:
            text = text[len(task) + 1 :]
            break
    return SYNONYMS.get(text, re.sub(r"[\s\-]+", "_", text))


def corpus_of(cell: str) -> Corpus | None:
    for corpus in SPEC:
        if re.match(rf"\s*\**{corpus.pattern}", cell):
            return corpus
    return None


def cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


@dataclass
class Quote:
    """One figure a table row quotes: where, for which corpus and key, and the value."""

    path: Path
    line: int  # 0-based
    corpus: str
    key: str
    value: str
    span: tuple[int, int]  # of the value in the line


def quotes(path: Path, text: str) -> list[Quote]:
    """Every figure that a table row of ``text`` quotes for a corpus of :data:`SPEC`."""
    found: list[Quote] = []
    corpus: Corpus | None = None
    for n, line in enumerate(text.splitlines()):
        if not line.startswith("|"):
            corpus = None
            continue
        row = cells(line)
        if set(line) <= set("|-: "):
            continue
        if row[0]:
            corpus = corpus_of(row[0])
        if corpus is None or len(row) < 3:
            continue
        keys = {key for _, key, _ in corpus.figures.values()}
        offset = line.index("|", line.index("|", line.index("|") + 1) + 1)  # start of the third cell
        if re.fullmatch(rf"\**{NUMBER}\**", row[2]):  # | corpus | figure | value | ...
            key = key_of(row[1])
            if key in keys:
                match = re.search(NUMBER, line[offset:])
                assert match is not None
                found.append(
                    Quote(path, n, corpus.id, key, match.group(), (offset + match.start(), offset + match.end()))
                )
            continue
        start = line.index("|", line.index("|") + 1)  # | corpus | label value, label value ... |
        segment = line[start:offset].replace("*", " ")  # same length: offsets stay valid
        for match in re.finditer(rf"([A-Za-z][A-Za-z0-9 \-]*?)\s+({NUMBER})", segment):
            key = key_of(match.group(1))
            if key in keys:
                s, e = start + match.start(2), start + match.end(2)
                found.append(Quote(path, n, corpus.id, key, match.group(2), (s, e)))
    return found


def readme_figures(text: str) -> dict[tuple[str, str], str]:
    """``(corpus id, key) -> value`` of the README's table (its claimkit column)."""
    figures: dict[tuple[str, str], str] = {}
    corpus: Corpus | None = None
    for line in text.splitlines():
        if not line.startswith("|") or set(line) <= set("|-: "):
            continue
        row = cells(line)
        if row[0]:
            corpus = corpus_of(row[0])
        if corpus is None or len(row) < 3 or row[1] not in corpus.figures:
            continue
        match = re.search(NUMBER, row[2])
        if match:
            figures[(corpus.id, corpus.figures[row[1]][1])] = match.group()
    return figures


def disagreements(root: Path = ROOT) -> list[str]:
    """Doc quotes whose value differs from the README's, as ``path:line: corpus key doc != readme``."""
    figures = readme_figures((root / "README.md").read_text(encoding="utf-8"))
    out = []
    for path in sorted((root / "docs").glob("*.md")):
        for q in quotes(path, path.read_text(encoding="utf-8")):
            want = figures.get((q.corpus, q.key))
            if want is not None and q.value != want:
                out.append(f"{path.relative_to(root)}:{q.line + 1}: {q.corpus} {q.key} {q.value} != README {want}")
    return out


def sync_docs(root: Path = ROOT) -> int:
    """Rewrite every doc figure that differs from the README's; return how many changed."""
    figures = readme_figures((root / "README.md").read_text(encoding="utf-8"))
    changed = 0
    for path in sorted((root / "docs").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines(keepends=True)
        for q in sorted(quotes(path, text), key=lambda q: -q.span[0]):
            want = figures.get((q.corpus, q.key))
            if want is not None and q.value != want:
                line = lines[q.line]
                lines[q.line] = line[: q.span[0]] + want + line[q.span[1] :]
                changed += 1
        new = "".join(lines)
        if new != text:
            path.write_text(new, encoding="utf-8")
    return changed


# ---------------------------------------------------------------- running the commands


def readme_commands(text: str) -> dict[str, str]:
    """Corpus id -> the ``claimkit eval`` command of its README row."""
    commands = {}
    for line in text.splitlines():
        row = cells(line) if line.startswith("|") else []
        if row and (corpus := corpus_of(row[0])) and (m := re.search(r"`(claimkit eval [^`]+)`", line)):
            commands[corpus.id] = m.group(1)
    return commands


def run_eval(command: str, out: Path) -> dict:
    """Run one README command with ``--json OUT``; return the report's tables."""
    claimkit = Path(sys.executable).parent / "claimkit"
    argv = [str(claimkit), *shlex.split(command)[1:], "--json", str(out), "--quiet"]
    done = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"figures: {command} failed (exit {done.returncode}): {done.stderr.strip()[-300:]}")
    return json.loads(out.read_text(encoding="utf-8"))["tables"]


def rewrite_readme(text: str, tables: dict[str, dict], dated: bool = True) -> str:
    """The README with the claimkit (and named baseline) figures of every measured row replaced."""
    out, corpus = [], None
    for line in text.splitlines(keepends=True):
        row = cells(line) if line.startswith("|") else []
        if row and row[0]:
            corpus = corpus_of(row[0])
        if corpus is not None and corpus.id in tables and len(row) >= 4 and row[1] in corpus.figures:
            task, key, baseline = corpus.figures[row[1]]
            system = tables[corpus.id][task]
            parts = line.split("|")  # ["", corpus, figure, claimkit, baseline, command, "\n"]
            parts[3] = re.sub(NUMBER, f"{system['claimkit'][key]:.3f}", parts[3], count=1)
            base = system.get(f"baseline:{baseline}", {}) if baseline else {}
            if key in base:
                parts[4] = re.sub(NUMBER, f"{base[key]:.3f}", parts[4], count=1)
            line = "|".join(parts)
        out.append(line)
    if not dated:  # only some corpora were run: the date line stays
        return "".join(out)
    today = datetime.date.today().isoformat()
    return re.sub(
        r"measured on \d{4}-\d{2}-\d{2} with the commands below",
        f"measured on {today} with the commands below",
        "".join(out),
    )


def head_commit() -> str:
    return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout


def eval_table(tables: dict[str, dict], names: dict[str, str], commit: str) -> str:
    """docs/eval.md's "Current scores" table: the figures of :attr:`Corpus.detail` for every system."""
    systems = ["claimkit", "author-fact", "hedge-lexicon", "reporting-verb", "majority", "tfidf-lr"]
    lines = [
        f"Measured on {datetime.date.today().isoformat()} at commit `{commit.strip()}` by `scripts/figures.py`,",
        "which runs the commands below and rewrote this table and the README's.",
        "",
        f"| gold | figure | {' | '.join(systems)} |",
        "|" + "---|" * (len(systems) + 2),
    ]
    for corpus in SPEC:
        if corpus.id not in tables:
            continue
        first = True
        for task, key in corpus.detail or [(t, k) for t, k, _ in corpus.figures.values()]:
            values = [
                tables[corpus.id][task].get(s if s == "claimkit" else f"baseline:{s}", {}).get(key) for s in systems
            ]
            cells_ = ["–" if v is None else f"{v:.3f}" for v in values]
            lines.append(f"| {names[corpus.id] if first else ''} | {task} {key} | {' | '.join(cells_)} |")
            first = False
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report docs that disagree with the README")
    parser.add_argument("--docs", action="store_true", help="only sync the docs with the README (no eval runs)")
    parser.add_argument("--only", nargs="*", help="corpus ids to run (default: all)")
    parser.add_argument("--json-dir", type=Path, help="keep each run's --json here (CORPUS.json)")
    parser.add_argument("--reuse", action="store_true", help="with --json-dir: use the JSON there instead of running")
    args = parser.parse_args()
    if args.check:
        problems = disagreements()
        print("\n".join(problems) or "docs agree with the README")
        return 1 if problems else 0
    if not args.docs:
        text = README.read_text(encoding="utf-8")
        tables = {}
        json_dir = args.json_dir or Path(tempfile.mkdtemp(prefix="claimkit-figures-"))
        json_dir.mkdir(parents=True, exist_ok=True)
        commit_file = json_dir / "COMMIT"  # the commit the figures there were measured at
        if not (args.reuse and commit_file.exists()):
            commit_file.write_text(head_commit(), encoding="utf-8")
        for corpus_id, command in readme_commands(text).items():
            if args.only and corpus_id not in args.only:
                continue
            out = json_dir / f"{corpus_id}.json"
            if args.reuse and out.exists():
                tables[corpus_id] = json.loads(out.read_text(encoding="utf-8"))["tables"]
                continue
            print(f"figures: {command}", file=sys.stderr)
            tables[corpus_id] = run_eval(command, out)
        complete = set(tables) == set(readme_commands(text))
        README.write_text(rewrite_readme(text, tables, dated=complete), encoding="utf-8")
        names = {}
        for line in text.splitlines():
            row = cells(line) if line.startswith("|") else []
            if row and (corpus := corpus_of(row[0])):
                names[corpus.id] = row[0]
        eval_md = DOCS / "eval.md"
        doc = eval_md.read_text(encoding="utf-8")
        block = re.compile(r"(<!-- figures: begin -->\n).*?(<!-- figures: end -->)", re.S)
        if block.search(doc) and complete:
            eval_md.write_text(
                block.sub(
                    lambda m: (
                        m.group(1) + eval_table(tables, names, commit_file.read_text(encoding="utf-8")) + m.group(2)
                    ),
                    doc,
                ),
                encoding="utf-8",
            )
    changed = sync_docs()
    print(f"figures: {changed} figures in docs/ changed to the README's", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
