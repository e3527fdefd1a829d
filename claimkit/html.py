"""The HTML review page: articles with their statements highlighted, in one offline file.

One self-contained page (CSS and JavaScript inlined, a Content-Security-Policy that forbids
every network request): per article a summary (counts by kind, named vs anonymous sources),
the text with each statement highlighted by kind, speaker mentions and reporting cues marked,
certainty cues underlined and boilerplate greyed out, the article's speakers (one button per
speaker entity, its other names in the tooltip), and the list of statements beside it. The
heading is the title, else the first line of the text. From two articles on, a contents list.

Filters by kind, by speaker (per article), check-worthy (``checkworthiness`` at least 0.5, when
records carry it) and a search over statement text, speakers and cues hide what does not match: list rows, articles left without a match (and their contents
entry); highlights in the text lose their colour. A message says when nothing matches. The
lists sort by text order, certainty, kind confidence (``kind_score``) or check-worthiness
(``checkworthiness``), the last two only when records carry them. Every piece of article text
is HTML-escaped.

Offsets are only meaningful against the exact text they were extracted from, so the text of
an article is used only when its sha256 matches the document record and every statement's
``text`` equals ``text[start:end]``; otherwise the page shows the statements list alone and
says why.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

from . import __version__, clean, io
from .errors import ClaimkitError, InputError
from .records import KINDS, DocumentRecord, Statement, sha256_text

ASSETS = Path(__file__).parent / "html_assets"
# Source types counted as "named" in the summary; "anonymous" is its own; the rest
# (publication, or no source) is the author's voice.
NAMED_SOURCE_TYPES = ("named", "official", "document", "media")
# Region types shown as headings rather than greyed out.
HEADING_REGIONS = ("title",)
CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"
AUTHOR = "(author)"


@dataclass
class Article:
    """One article to show: its statements and, when available, the text they point into.

    Attributes:
        doc_id: the document id shared by its statements.
        statements: statement records (dicts) of this document, in order.
        text: the document text exactly as extracted, or None to show the list alone.
        regions: non-body regions (dicts with ``type``, ``start``, ``end``).
        title: the headline, if known.
        publisher: the publication, if known.
        note: why the text is not shown (when ``text`` is None).
    """

    doc_id: str
    statements: list[dict[str, Any]] = field(default_factory=list)
    text: str | None = None
    regions: list[dict[str, Any]] = field(default_factory=list)
    title: str | None = None
    publisher: str | None = None
    note: str | None = None


def _dict(record: Mapping[str, Any] | Statement | DocumentRecord) -> dict[str, Any]:
    return record.to_dict() if isinstance(record, (Statement, DocumentRecord)) else dict(record)


def group_by_document(statements: Iterable[Mapping[str, Any] | Statement]) -> dict[str, list[dict[str, Any]]]:
    """Statement records grouped by ``doc_id``, documents in order of first appearance."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for st in statements:
        record = _dict(st)
        groups.setdefault(str(record["doc_id"]), []).append(record)
    return groups


def offsets_mismatch(text: str, statements: Sequence[Mapping[str, Any]]) -> str | None:
    """Describe the first statement whose ``text`` is not ``text[start:end]``, or None."""
    for st in statements:
        if text[st["start"] : st["end"]] != st["text"]:
            return f"statement {st['id']} does not match the text at {st['start']}:{st['end']}"
    return None


def make_article(
    doc_id: str,
    statements: list[dict[str, Any]],
    text: str | None = None,
    record: Mapping[str, Any] | DocumentRecord | None = None,
    note: str | None = None,
) -> Article:
    """Build an :class:`Article`, keeping ``text`` only when the statements' offsets fit it.

    Args:
        doc_id: the document id.
        statements: its statement records.
        text: the candidate text (from the original file, or given by the caller).
        record: its document record, for the sha256, regions, title and publisher; without
            one, regions, title and publisher come from :func:`claimkit.clean.clean`.
        note: why no text was found, when ``text`` is None.
    """
    rec = _dict(record) if record is not None else None
    if text is not None:
        if rec is not None and rec.get("sha256") and sha256_text(text) != rec["sha256"]:
            note, text = "the text differs from the one extracted (sha256 mismatch)", None
        elif problem := offsets_mismatch(text, statements):
            note, text = f"the text differs from the one extracted ({problem})", None
    article = Article(doc_id, statements, text=text, note=note if text is None else None)
    if rec is not None:
        article.regions = [dict(r) for r in rec.get("regions") or []]
        article.title, article.publisher = rec.get("title"), rec.get("publisher")
    elif text is not None:
        cleaned = clean.clean(text)
        article.regions = [r.to_dict() for r in cleaned.regions]
        article.title, article.publisher = cleaned.title, cleaned.publisher
    return article


def read_original(record: Mapping[str, Any], base: Path | None = None, encoding: str = "utf-8") -> str:
    """Read the text a document record was extracted from, by its ``path`` (see :func:`io.read_original`).

    The sha256 is not checked here (see :func:`make_article`).
    """
    try:
        return io.read_original_any(record.get("path"), record.get("abs_path"), base, encoding).text
    except InputError as exc:
        raise InputError(f"{record.get('doc_id')}: {exc}") from None


def load_articles(
    statements: Iterable[Mapping[str, Any] | Statement],
    documents: Iterable[Mapping[str, Any] | DocumentRecord] = (),
    texts: Mapping[str, str] | None = None,
    base: str | os.PathLike[str] | None = None,
    encoding: str = "utf-8",
) -> list[Article]:
    """Match statements with the text of their documents.

    Args:
        statements: statement records, of one or more documents.
        documents: document records (``documents.jsonl``); the text of each is read from
            its ``path`` unless ``texts`` has it.
        texts: ``{doc_id: text}`` given explicitly (wins over ``path``).
        base: directory to resolve relative ``path`` values against when they are not
            found from the working directory (usually the directory of documents.jsonl).
        encoding: of the original files.

    Returns:
        One :class:`Article` per document, in statement order, then the documents that have
        no statement; a document whose text cannot be found or does not match gets
        ``text=None`` and a ``note``.
    """
    texts = texts or {}
    records = {str(_dict(d)["doc_id"]): _dict(d) for d in documents}
    base_dir = Path(base) if base is not None else None
    articles = []
    groups = group_by_document(statements)
    groups.update({doc_id: [] for doc_id in records if doc_id not in groups})  # documents without statements
    for doc_id, group in groups.items():
        record = records.get(doc_id)
        text, note = texts.get(doc_id), None
        if text is None and record is not None:
            try:
                text = read_original(record, base_dir, encoding)
            except ClaimkitError as exc:
                note = str(exc)
        elif text is None:
            note = "no text given (pass --docs documents.jsonl or --text FILE)"
        articles.append(make_article(doc_id, group, text, record, note))
    return articles


# ---------------------------------------------------------------- rendering


def _attr(value: object) -> str:
    return escape("" if value is None else str(value), quote=True)


def _speaker_key(st: Mapping[str, Any]) -> str:
    return (st.get("speaker") or {}).get("name") or ""


def _speaker_filter(st: Mapping[str, Any], number: int) -> str:
    """The speaker filter value of a statement: its article and speaker entity, so that two
    articles' "Park" stay apart and "Park" and "Park Won-gon" of one article (one ``speaker.id``)
    go together. ``N|`` is the author's voice of article N."""
    sp = st.get("speaker") or {}
    return f"{number}|{sp.get('id') or sp.get('name') or ''}"


def _sort_keys(st: Mapping[str, Any]) -> str:
    """``data-*`` attributes the page sorts by; a figure a record lacks is left out."""
    attrs = [f'data-cert="{float(st["certainty"]["score"]):.4f}"']
    if st.get("kind_score") is not None:
        attrs.append(f'data-kind-score="{float(st["kind_score"]):.4f}"')
    if st.get("checkworthiness") is not None:
        attrs.append(f'data-checkworthiness="{float(st["checkworthiness"]):.4f}"')
    return " ".join(attrs)


def _layers(article: Article) -> list[tuple[int, int, str, str]]:
    """``(start, end, css_class, tooltip)`` of everything marked inside the text."""
    marks: dict[tuple[int, int, str], str] = {}
    for region in article.regions:
        cls = "ttl" if region["type"] in HEADING_REGIONS else "bp"
        marks[(region["start"], region["end"], cls)] = f"{region['type']} (not analysed)"
    for st in article.statements:
        if (sp := st.get("speaker")) and sp.get("start") is not None and sp.get("end") is not None:
            desc = f", {sp['description']}" if sp.get("description") else ""
            marks[(sp["start"], sp["end"], "sp")] = f"speaker: {sp['name']} ({sp['type']}{desc})"
        if cue := st.get("cue"):
            marks[(cue["start"], cue["end"], "cu")] = f"reporting cue: {cue['lemma']}"
        for part in (st.get("content") or {}).get("parts", []):
            # underlined inside its own statement (a continuation is underlined in the next one)
            start, end = max(part["start"], st["start"]), min(part["end"], st["end"])
            if end > start:
                marks[(start, end, "ct")] = "content: what is said"
        for cc in (st.get("certainty") or {}).get("cues", []):
            marks[(cc["start"], cc["end"], "cc")] = f"certainty cue: {cc['type']}"
    n = len(article.text or "")
    return [(max(0, s), min(n, e), cls, tip) for (s, e, cls), tip in marks.items() if min(n, e) > max(0, s)]


def _statement_spans(statements: Sequence[Mapping[str, Any]]) -> list[tuple[int, int, int]]:
    """``(start, end, index)`` of the statements, sorted and clipped so they never overlap."""
    spans, last = [], 0
    for idx, st in sorted(enumerate(statements), key=lambda p: (p[1]["start"], p[1]["end"])):
        start = max(st["start"], last)
        end = max(st["end"], start)
        spans.append((start, end, idx))
        last = end
    return spans


def _mark_open(st: Mapping[str, Any], idx: str, number: int) -> str:
    cert = st["certainty"]
    who = _speaker_key(st) or AUTHOR
    tip = f"{st['kind']}{_kind_confidence(st)} · {who} · certainty {cert['label']} ({cert['score']:.2f})"
    return (
        f'<mark class="st k-{_attr(st["kind"])}" data-kind="{_attr(st["kind"])}" '
        f'data-speaker="{_attr(_speaker_filter(st, number))}" data-idx="{idx}" data-n="{_attr(_number(st))}" '
        f'title="{_attr(tip)}">'
    )


def _kind_confidence(st: Mapping[str, Any]) -> str:
    """`` 0.83 by model`` for records with ``kind_score`` / ``kind_by`` (schema 1.1), else ``""``."""
    if st.get("kind_score") is None:
        return ""
    return f" {float(st['kind_score']):.2f}" + (f" by {st['kind_by']}" if st.get("kind_by") else "")


def _number(st: Mapping[str, Any]) -> str:
    return str(st["id"]).rpartition(":")[2]


def render_text(article: Article, prefix: str, number: int = 1) -> str:
    """The article text as HTML: statements as ``<mark>``, other layers as classed spans."""
    text = article.text or ""
    layers = _layers(article)
    spans = _statement_spans(article.statements)
    cuts = {0, len(text)}
    for s, e, *_ in layers:
        cuts.update((s, e))
    for s, e, _ in spans:
        cuts.update((s, e))
    opens = {s: [] for s, _, _ in spans}
    for s, e, idx in spans:
        opens[s].append((e, idx))
    closes = Counter(e for s, e, _ in spans if e > s)
    starting: dict[int, list[int]] = {}
    ending: dict[int, list[int]] = {}
    for n, (s, e, *_) in enumerate(layers):
        starting.setdefault(s, []).append(n)
        ending.setdefault(e, []).append(n)
    active: dict[int, None] = {}  # layers covering the current piece, in insertion order
    out: list[str] = []
    points = sorted(cuts)
    for a, b in zip(points, [*points[1:], points[-1]], strict=True):
        for n in ending.get(a, []):
            active.pop(n, None)
        active.update(dict.fromkeys(starting.get(a, [])))
        out.extend("</mark>" for _ in range(closes.get(a, 0)))
        for end, idx in opens.get(a, []):
            out.append(_mark_open(article.statements[idx], f"{prefix}{idx}", number))
            if end == a:  # an empty (fully overlapped) statement still gets its element
                out.append("</mark>")
        if b <= a:
            continue
        chunk = escape(text[a:b], quote=False)
        if active:
            classes = " ".join(sorted({layers[n][2] for n in active}))
            tips = "; ".join(dict.fromkeys(layers[n][3] for n in sorted(active)))
            out.append(f'<span class="{classes}" title="{_attr(tips)}">{chunk}</span>')
        else:
            out.append(chunk)
    return "".join(out)


def summary(article: Article) -> dict[str, int]:
    """Counts for the summary cards: statements, by kind, by source, distinct speakers."""
    kinds = Counter(st["kind"] for st in article.statements)
    src = Counter((st.get("source") or {}).get("type") for st in article.statements)
    counts = {"statements": len(article.statements)}
    counts.update({k: kinds.get(k, 0) for k in KINDS})
    counts["named sources"] = sum(src.get(t, 0) for t in NAMED_SOURCE_TYPES)
    counts["anonymous sources"] = src.get("anonymous", 0)
    counts["author / publication"] = len(article.statements) - counts["named sources"] - counts["anonymous sources"]
    counts["speakers"] = len({_speaker_key(st) for st in article.statements} - {""})
    return counts


def _summary_html(article: Article) -> str:
    cards = []
    for label, value in summary(article).items():
        cls = f"card k-{label}" if label in KINDS else "card"
        cards.append(f'<div class="{cls}"><b>{value}</b>{escape(label)}</div>')
    return f'<div class="summary">{"".join(cards)}</div>'


def _row(st: Mapping[str, Any], idx: str, number: int) -> str:
    """One statement of the list: who says it how, the text, source and certainty."""
    sp, cue, src, cert = st.get("speaker"), st.get("cue"), st.get("source"), st["certainty"]
    head = [
        f'<span class="num">{escape(_number(st))}</span><span class="badge">{escape(st["kind"])}</span>'
        + (
            f'<span class="sub kind-score">{escape(_kind_confidence(st).strip())}</span>'
            if _kind_confidence(st)
            else ""
        )
    ]
    if sp:
        head.append(f'<span class="who">{escape(sp["name"])}</span>')
        extra = [sp["type"]] + ([sp["description"]] if sp.get("description") else [])
        if sp.get("mention") and sp["mention"] != sp["name"]:
            extra.append(f"“{sp['mention']}”")
        head.append(f'<span class="sub">{escape(" · ".join(extra))}</span>')
    else:
        head.append(f'<span class="sub">{AUTHOR}</span>')
    if cue:
        head.append(f'<span class="sub">cue <i>{escape(cue["text"])}</i></span>')
    if st["quote"] != "none":
        head.append(f'<span class="sub">{escape(st["quote"])} quote</span>')
    head.append(f'<span class="cert cert-{_attr(cert["label"])}">{escape(cert["label"])} {cert["score"]:.2f}</span>')
    foot = [f"source: {escape(src['name'])} ({escape(src['type'])})" if src else "source: —"]
    if cert["cues"]:
        foot.append("certainty cues: " + ", ".join(f"{escape(c['text'])} ({escape(c['type'])})" for c in cert["cues"]))
    if st.get("checkworthiness") is not None:
        foot.append(f"check-worthiness {float(st['checkworthiness']):.2f}")
    return (
        f'<li class="row k-{_attr(st["kind"])}" data-kind="{_attr(st["kind"])}" '
        f'data-speaker="{_attr(_speaker_filter(st, number))}" data-idx="{idx}" {_sort_keys(st)}>'
        f'<div class="rh">{" ".join(head)}</div><div class="quote">{escape(st["text"])}</div>'
        f'<div class="sub">{" · ".join(foot)}</div></li>'
    )


def heading_of(article: Article, limit: int = 120) -> str:
    """The article's heading: its title, else the first line of its text (shortened), else its id."""
    if article.title and article.title.strip():
        return article.title.strip()
    for line in (article.text or "").splitlines():
        line = " ".join(line.split())
        if line:
            return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
    return article.doc_id


def _speakers_html(article: Article, number: int) -> str:
    """The article's own speakers (one per entity, with the other names it goes by) as filter buttons."""
    entities: dict[str, dict[str, Any]] = {}
    for st in article.statements:
        key = _speaker_filter(st, number)
        sp = st.get("speaker") or {}
        entry = entities.setdefault(key, {"name": sp.get("name") or AUTHOR, "n": 0, "names": {}})
        entry["n"] += 1
        for alias in (sp.get("name"), sp.get("mention")):
            if alias and alias != entry["name"]:
                entry["names"][alias] = None
    if not entities:
        return ""
    buttons = []
    for key, entry in sorted(entities.items(), key=lambda p: (-p[1]["n"], p[1]["name"].lower())):
        also = f' title="{_attr("also: " + ", ".join(entry["names"]))}"' if entry["names"] else ""
        buttons.append(
            f'<button type="button" class="spk" data-speaker="{_attr(key)}"{also}>'
            f"{escape(entry['name'])} <small>{entry['n']}</small></button>"
        )
    return f'<div class="speakers"><span class="sub">speakers</span> {"".join(buttons)}</div>'


def render_article(article: Article, number: int) -> str:
    """One ``<section>``: heading, summary, speakers, text with highlights (if any) and the list."""
    prefix = f"{number}-"
    meta = [f"doc_id {article.doc_id}"]
    if article.publisher:
        meta.append(f"publisher {article.publisher}")
    rows = "".join(_row(st, f"{prefix}{i}", number) for i, st in enumerate(article.statements))
    table = f'<ol class="statements">{rows}</ol>'
    if not article.statements:
        table = '<p class="empty">No statements were found in this article.</p>'
    if article.text is not None:
        body = (
            f'<div class="cols"><div class="article-text">{render_text(article, prefix, number)}</div>'
            f'<div class="list">{table}</div></div>'
        )
    else:
        why = escape(article.note or "no text available")
        body = f'<p class="nottext">Article text not shown: {why}. Statements only.</p><div class="list full">{table}</div>'
    return (
        f'<section class="article" id="article-{number}" data-doc="{_attr(article.doc_id)}" '
        f'data-statements="{len(article.statements)}"><h2>{escape(heading_of(article))}</h2>'
        f'<div class="docmeta">{escape(" · ".join(meta))}</div>{_summary_html(article)}'
        f"{_speakers_html(article, number)}{body}</section>"
    )


def _contents(articles: Sequence[Article]) -> str:
    """The contents list: one link per article with its statement count (shown from two articles)."""
    if len(articles) < 2:
        return ""
    items = []
    for n, article in enumerate(articles, 1):
        kinds = Counter(st["kind"] for st in article.statements)
        detail = " · ".join(f"{kinds[k]} {k}" for k in KINDS if kinds[k])
        items.append(
            f'<li data-article="article-{n}"><a href="#article-{n}">{escape(heading_of(article, 90))}</a> '
            f'<span class="sub"><span class="count">{len(article.statements)}</span> statements'
            f"{' · ' + detail if detail else ''}</span></li>"
        )
    return f'<nav class="toc" aria-label="contents"><h2>Contents</h2><ol>{"".join(items)}</ol></nav>'


def _speaker_options(articles: Sequence[Article]) -> str:
    """The speaker filter: one group of options per article, one option per speaker entity."""
    options = ['<option data-all value="" selected>all speakers</option>']
    many = len(articles) > 1
    for number, article in enumerate(articles, 1):
        counts = Counter(_speaker_filter(st, number) for st in article.statements)
        names = {_speaker_filter(st, number): _speaker_key(st) or AUTHOR for st in article.statements}
        if not counts:
            continue
        group = [
            f'<option value="{_attr(key)}">{escape(names[key])} ({n})</option>'
            for key, n in sorted(counts.items(), key=lambda p: (-p[1], names[p[0]].lower()))
        ]
        label = f"{number}. {heading_of(article, 60)}"
        options.append(f'<optgroup label="{_attr(label)}">{"".join(group)}</optgroup>' if many else "".join(group))
    return "".join(options)


SORTS = (
    ("text", "text order", None),
    ("cert", "certainty, least certain first", None),
    ("kind-score", "kind confidence, lowest first", "kind_score"),
    ("checkworthiness", "check-worthiness, highest first", "checkworthiness"),
)


def _sort_options(articles: Sequence[Article]) -> str:
    """Sort orders of the statement lists; a figure no record carries is not offered."""
    present = {key for a in articles for st in a.statements for key in st if st.get(key) is not None}
    return "".join(
        f'<option value="{value}">{label}</option>'
        for value, label, field in SORTS
        if field is None or field in present
    )


def _checkworthy_filter(articles: Sequence[Article]) -> str:
    """The "check-worthy" filter (check-worthiness at least 0.5), when some record carries the figure."""
    if not any(st.get("checkworthiness") is not None for a in articles for st in a.statements):
        return ""
    return (
        '<label title="statements with check-worthiness of at least 0.5">'
        '<input type="checkbox" id="checkworthy"> check-worthy</label>'
    )


def _legend(articles: Sequence[Article]) -> str:
    kinds = "".join(
        f'<button type="button" class="kf k-{k}" data-kind="{k}" style="--c: var(--{k})">'
        f'<span class="dot"></span>{k}</button>'
        for k in KINDS
    )
    return (
        '<div class="filters"><label>kind</label>'
        '<button type="button" class="kf" data-kind="">all</button>'
        f"{kinds}"
        f'<label for="speaker-filter">speaker</label><select id="speaker-filter">{_speaker_options(articles)}</select>'
        '<input type="search" id="search" placeholder="search text, speakers, cues" aria-label="search statements">'
        f'<label for="sort">sort</label><select id="sort">{_sort_options(articles)}</select>'
        f"{_checkworthy_filter(articles)}"
        '<span class="shown"><span id="shown"></span> shown</span>'
        '<button type="button" id="reset" class="kf">reset</button></div>'
        '<div class="legend">legend: <span class="key sp">speaker</span> <span class="key cu">cue</span> '
        '<span class="key ct">content</span> <span class="key cc">certainty cue</span> <span class="key bp">boilerplate</span></div>'
    )


def render_page(articles: Sequence[Article], title: str = "claimkit review") -> str:
    """The whole page for ``articles`` as one HTML string (inline CSS and JS, no network)."""
    css = (ASSETS / "review.css").read_text(encoding="utf-8")
    js = (ASSETS / "review.js").read_text(encoding="utf-8")
    total = sum(len(a.statements) for a in articles)
    sections = _contents(articles) + "".join(render_article(a, n) for n, a in enumerate(articles, 1))
    if not articles:
        sections = '<p class="empty">No statements: there was no article to show.</p>'
    sections += (
        '<p id="no-match" class="empty" hidden>No statement matches these filters. '
        '<button type="button" class="kf" data-reset>Show all</button></p>'
    )
    header = _legend(articles)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<link rel="icon" href="data:,">'
        f"<title>{escape(title)}</title><style>{css}</style></head><body>"
        f'<header class="top"><h1>{escape(title)} <small>{len(articles)} article(s), {total} statements</small></h1>'
        f"{header}</header><main>{sections}</main>"
        f"<footer>claimkit {escape(__version__)} · offsets are code points into the text as read</footer>"
        f"<script>{js}</script></body></html>\n"
    )


def write_page(
    articles: Sequence[Article], output: str | os.PathLike[str] | None, title: str = "claimkit review"
) -> None:
    """Write :func:`render_page` atomically (``None`` or ``-`` for stdout)."""
    with io.atomic_writer(output) as fh:
        fh.write(render_page(articles, title))
