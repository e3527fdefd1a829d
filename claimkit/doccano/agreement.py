"""Inter-reviewer agreement on statements: observed agreement, Cohen's and Fleiss' kappa per field.

Each reviewer contributes a list of statement records (a ``pull`` by that reviewer, or that
reviewer's file of a Doccano export of a project without collaborative annotation). Fields:

* ``segmentation``: every statement span any reviewer drew (document, start, end) is an item;
  each reviewer either drew it (1) or not (0);
* ``kind``, ``speaker`` (resolved name, lower-cased, or none), ``certainty`` (label): items are
  the spans that every reviewer drew; each reviewer's category is their value for it.

Observed agreement is the mean pairwise agreement (for two reviewers: the share of items with
the same category). Cohen's kappa (two reviewers) corrects it with each reviewer's own category
distribution; Fleiss' kappa (two or more) with the pooled distribution. A kappa is ``None`` when
chance agreement is 1 (every item in one category) or there are no items.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import UsageError

FIELDS = ("segmentation", "kind", "speaker", "certainty")
Key = tuple[str, int, int]


def observed_agreement(ratings: Sequence[Sequence[Any]]) -> float | None:
    """Mean pairwise agreement over items; ``ratings[i]`` holds every reviewer's category for item i."""
    if not ratings:
        return None
    per_item = []
    for row in ratings:
        m = len(row)
        counts = Counter(row)
        per_item.append(sum(n * (n - 1) for n in counts.values()) / (m * (m - 1)))
    return sum(per_item) / len(per_item)


def cohen_kappa(first: Sequence[Any], second: Sequence[Any]) -> float | None:
    """Cohen's kappa of two reviewers' categories for the same items."""
    n = len(first)
    if n == 0 or n != len(second):
        return None
    po = sum(a == b for a, b in zip(first, second, strict=True)) / n
    c1, c2 = Counter(first), Counter(second)
    pe = sum(c1[k] * c2[k] for k in c1.keys() | c2.keys()) / (n * n)
    return None if pe >= 1.0 else (po - pe) / (1 - pe)


def fleiss_kappa(ratings: Sequence[Sequence[Any]]) -> float | None:
    """Fleiss' kappa; every item is rated by the same number (two or more) of reviewers."""
    if not ratings:
        return None
    m = len(ratings[0])
    if m < 2 or any(len(row) != m for row in ratings):
        return None
    p_bar = observed_agreement(ratings)
    pooled = Counter(c for row in ratings for c in row)
    total = len(ratings) * m
    pe = sum((n / total) ** 2 for n in pooled.values())
    return None if pe >= 1.0 or p_bar is None else (p_bar - pe) / (1 - pe)


@dataclass
class FieldAgreement:
    """Agreement on one field."""

    field: str
    items: int
    observed: float | None
    cohen: float | None
    fleiss: float | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "items": self.items,
            "observed": self.observed,
            "cohen_kappa": self.cohen,
            "fleiss_kappa": self.fleiss,
        }


def _speaker(st: Mapping[str, Any]) -> str:
    sp = st.get("speaker")
    return str(sp.get("name") or "").strip().lower() if sp else "(none)"


_VALUES: dict[str, Callable[[Mapping[str, Any]], Any]] = {
    "kind": lambda st: st.get("kind"),
    "speaker": _speaker,
    "certainty": lambda st: (st.get("certainty") or {}).get("label"),
}


def agreement(by_reviewer: Mapping[str, Sequence[Mapping[str, Any]]]) -> list[FieldAgreement]:
    """Agreement per field (see the module docstring) among two or more reviewers.

    Raises:
        UsageError: fewer than two reviewers.
    """
    reviewers = sorted(by_reviewer)
    if len(reviewers) < 2:
        raise UsageError(f"agreement needs two or more reviewers, got {len(reviewers)}: {', '.join(reviewers)}")
    spans: dict[str, dict[Key, Mapping[str, Any]]] = {}
    for name in reviewers:
        spans[name] = {(str(st["doc_id"]), int(st["start"]), int(st["end"])): st for st in by_reviewer[name]}
    every = sorted(set().union(*(s.keys() for s in spans.values())))
    shared = [k for k in every if all(k in spans[name] for name in reviewers)]
    table: dict[str, list[list[Any]]] = {"segmentation": [[int(k in spans[name]) for name in reviewers] for k in every]}
    for field, value in _VALUES.items():
        table[field] = [[value(spans[name][k]) for name in reviewers] for k in shared]
    out = []
    for field in FIELDS:
        rows = table[field]
        cohen = cohen_kappa([r[0] for r in rows], [r[1] for r in rows]) if len(reviewers) == 2 else None
        out.append(FieldAgreement(field, len(rows), observed_agreement(rows), cohen, fleiss_kappa(rows)))
    return out


def render(results: Sequence[FieldAgreement], reviewers: Sequence[str]) -> str:
    """A small plain-text table."""

    def fmt(x: float | None) -> str:
        return "   -  " if x is None else f"{x:6.3f}"

    lines = [
        f"reviewers: {', '.join(reviewers)}",
        f"{'field':<13} {'items':>5}  observed  cohen κ  fleiss κ",
    ]
    for r in results:
        lines.append(f"{r.field:<13} {r.items:>5}    {fmt(r.observed)}   {fmt(r.cohen)}    {fmt(r.fleiss)}")
    return "\n".join(lines)


def project_reviews(
    client: Any, project_name: str, reviewers: Sequence[str] | None = None
) -> dict[str, list[dict[str, Any]]]:
    """Each reviewer's statements in a project without collaborative annotation, from Doccano's
    export (one file per member). By default every member with at least one statement except
    the logged-in user (who pushed the drafts).

    Raises:
        UsageError: the project shares annotations between users, or a named reviewer has no file.
        ServerError: unknown project, HTTP failure, export failed.
    """
    import io
    import zipfile

    from ..errors import ServerError
    from ..io import loads_line
    from .convert import export_line_to_statements
    from .push import open_project

    found = client.find_project(project_name)
    if found is None:
        raise ServerError(f"no project {project_name!r} on Doccano at {client.url}")
    if found.get("collaborative_annotation"):
        raise UsageError(
            f"project {project_name!r} shares annotations between users (collaborative annotation), so "
            "reviewers cannot disagree; measure agreement on a project without it, or on pulled files"
        )
    project = open_project(client, project_name, create=False)
    try:
        archive = zipfile.ZipFile(io.BytesIO(client.export(project.id)))
    except zipfile.BadZipFile:
        raise ServerError("Doccano export is not a zip file") from None
    files = {name.rsplit(".", 1)[0]: name for name in archive.namelist() if name.endswith(".jsonl")}
    files.pop("all", None)
    wanted = list(reviewers) if reviewers else [u for u in files if u != client.connection.username]
    out: dict[str, list[dict[str, Any]]] = {}
    for user in wanted:
        if user not in files:
            raise UsageError(f"no annotations of reviewer {user!r} in project {project_name!r}")
        records = []
        for n, line in enumerate(archive.read(files[user]).split(b"\n"), 1):  # \n only: U+2028 is text
            if line.strip():
                obj = loads_line(line, f"{files[user]}:{n}", ServerError)
                records.extend(export_line_to_statements(obj))
        if records or reviewers:
            out[user] = records
    return out
