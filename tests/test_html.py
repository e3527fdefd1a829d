"""The HTML review page without a browser: structure, escaping, finding the article text,
and the ``export --format html`` and ``render`` commands."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from factories import statement
from typer.testing import CliRunner

from claimkit import html
from claimkit.cli import app
from claimkit.records import Document

runner = CliRunner()
EVIL = 'Park said "<script>window.__pwned = 1</script>" was typed & sent.\n<b onmouseover="x()">bold?</b> </mark>'


@pytest.fixture(scope="module")
def sample(extractor, sample_text: str):
    record, statements = extractor.extract_one(Document("sample", sample_text, path="sample.txt"))
    return record.to_dict(), [s.to_dict() for s in statements]


def _marks(page: str) -> list[str]:
    return re.findall(r'<mark class="st k-(\w+)"', page)


def test_page_highlights_every_statement_once(sample, sample_text: str) -> None:
    record, statements = sample
    page = html.render_page([html.make_article("sample", statements, sample_text, record)])
    assert _marks(page) == [s["kind"] for s in sorted(statements, key=lambda s: s["start"])]
    assert page.count("</mark>") == len(statements)
    assert page.count('<li class="row') == len(statements)
    # every speaker mention, cue and certainty cue is marked, and boilerplate is greyed
    assert page.count('class="bp"') >= sum(r["type"] != "title" for r in record["regions"])
    for layer, present in (
        ("cc", any(s["certainty"]["cues"] for s in statements)),
        ("sp", any(s["speaker"] and s["speaker"]["start"] is not None for s in statements)),
        ("cu", any(s["cue"] for s in statements)),
        ("ct", any(s["content"] for s in statements)),
    ):
        assert present and re.search(rf'<span class="[^"]*\b{layer}\b', page), layer
    # self-contained: no external resources
    assert not re.search(r'(src|href)="(https?:)?//', page)
    assert "Content-Security-Policy" in page


def test_text_with_markup_is_escaped(extractor) -> None:
    record, statements = extractor.extract_one(Document("evil", EVIL))
    page = html.render_page([html.make_article("evil", [s.to_dict() for s in statements], EVIL, record.to_dict())])
    assert page.count("<script>") == 1  # the page's own
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in page
    assert "<b onmouseover" not in page and "&lt;b onmouseover=" in page
    assert page.count("</mark>") == len(statements)


def test_summary_counts() -> None:
    statements = [
        {"kind": "fact", "source": {"name": "A", "type": "official"}, "speaker": {"name": "A"}},
        {"kind": "fact", "source": {"name": "Donga", "type": "publication"}, "speaker": None},
        {"kind": "speculation", "source": {"name": "Some", "type": "anonymous"}, "speaker": {"name": "Some"}},
        {"kind": "opinion", "source": None, "speaker": None},
    ]
    counts = html.summary(html.Article("d", statements))
    assert counts == {
        "statements": 4,
        "fact": 2,
        "opinion": 1,
        "speculation": 1,
        "named sources": 1,
        "anonymous sources": 1,
        "author / publication": 2,
        "speakers": 2,
    }


def test_wrong_text_falls_back_to_the_list(sample, sample_text: str) -> None:
    record, statements = sample
    pos = statements[0]["start"]
    changed = sample_text[:pos] + "#" + sample_text[pos + 1 :]
    article = html.make_article("sample", statements, changed, record)
    assert article.text is None and "sha256" in (article.note or "")
    article = html.make_article("sample", statements, changed)  # no record: offsets are checked
    assert article.text is None and "does not match the text" in (article.note or "")
    page = html.render_page([article])
    assert _marks(page) == [] and page.count('<li class="row') == len(statements)
    assert "Article text not shown" in page


def test_load_articles_reads_files_and_jsonl_lines(sample, sample_text: str, tmp_path: Path) -> None:
    record, statements = sample
    (tmp_path / "sample.txt").write_text(sample_text, encoding="utf-8")
    # a relative path is resolved against the directory of documents.jsonl
    [article] = html.load_articles(statements, [record], base=tmp_path)
    assert article.text == sample_text and article.note is None and article.regions
    # an input that was line 2 of a JSONL file
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text(
        json.dumps({"id": "x", "text": "other"}) + "\n" + json.dumps({"id": "sample", "text": sample_text})
    )
    [article] = html.load_articles(statements, [{**record, "path": f"{jsonl}:2"}])
    assert article.text == sample_text
    [article] = html.load_articles(statements, [{**record, "path": f"{jsonl}:1"}])
    assert article.text is None and "sha256" in (article.note or "")
    # a document without statements is shown too (its text, nothing highlighted)
    empty = {**record, "doc_id": "empty", "path": "sample.txt", "statements": 0}
    assert [a.doc_id for a in html.load_articles(statements, [empty, record], base=tmp_path)] == ["sample", "empty"]
    [article] = html.load_articles(statements, [{**record, "path": "-"}])
    assert article.text is None and "stdin" in (article.note or "")
    [article] = html.load_articles(statements, [{**record, "path": str(tmp_path / "gone.txt")}])
    assert article.text is None and "no such file" in (article.note or "")
    # explicit text wins, and without a document record regions come from cleaning
    [article] = html.load_articles(statements, texts={"sample": sample_text})
    assert article.text == sample_text and article.title == record["title"]
    assert [r["type"] for r in article.regions] == [r["type"] for r in record["regions"]]


def _extract(tmp_path: Path, name: str, text: str) -> tuple[Path, Path]:
    src = tmp_path / f"{name}.txt"
    src.write_text(text, encoding="utf-8")
    out, docs = tmp_path / "s.jsonl", tmp_path / "d.jsonl"
    result = runner.invoke(app, ["extract", str(src), "-o", str(out), "--docs", str(docs)])
    assert result.exit_code == 0, result.output
    return out, docs


def test_cli_export_html_with_docs_and_text(tmp_path: Path) -> None:
    out, docs = _extract(tmp_path, "evil", EVIL)
    n = sum(1 for line in out.read_text(encoding="utf-8").splitlines() if line.strip())
    page_path = tmp_path / "page.html"
    result = runner.invoke(app, ["export", str(out), "--docs", str(docs), "-o", str(page_path)])
    assert result.exit_code == 0, result.output
    page = page_path.read_text(encoding="utf-8")
    assert len(_marks(page)) == n and "&lt;script&gt;" in page
    result = runner.invoke(app, ["export", str(out), "-f", "html", "--text", str(tmp_path / "evil.txt")])
    assert result.exit_code == 0 and len(_marks(result.stdout)) == n
    # the article changed after extraction: the page lists the statements and says why
    (tmp_path / "evil.txt").write_text(EVIL.upper(), encoding="utf-8")
    result = runner.invoke(app, ["export", str(out), "--docs", str(docs), "-o", str(page_path)])
    assert result.exit_code == 0 and "sha256 mismatch" in result.output
    page = page_path.read_text(encoding="utf-8")
    assert _marks(page) == [] and page.count('<li class="row') == n
    assert hashlib.sha256(EVIL.encode()).hexdigest() in docs.read_text(encoding="utf-8")


def test_cli_render(tmp_path: Path, sample_text: str) -> None:
    src = tmp_path / "article.txt"
    src.write_text(sample_text, encoding="utf-8")
    page_path = tmp_path / "page.html"
    result = runner.invoke(app, ["render", str(src), "-o", str(page_path), "--title", "Review <1>"])
    assert result.exit_code == 0, result.output
    page = page_path.read_text(encoding="utf-8")
    assert "<title>Review &lt;1&gt;</title>" in page
    assert len(_marks(page)) > 5
    result = runner.invoke(app, ["render", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "p2.html")])
    assert result.exit_code == 3 and "no such file" in result.output
    assert not (tmp_path / "p2.html").exists()


def test_page_shows_kind_confidence_and_who_decided(sample, sample_text: str) -> None:
    record, statements = sample
    page = html.render_page([html.make_article("sample", statements, sample_text, record)])
    shown = re.findall(r'<span class="sub kind-score">([0-9.]+) by (rule|model)</span>', page)
    assert len(shown) == len(statements)
    assert sorted(shown) == sorted((f"{s['kind_score']:.2f}", s["kind_by"]) for s in statements)


def test_content_is_underlined_inside_its_statement() -> None:
    text = "“We are ready,” Kim said, “and we will go.” The river rose."
    quoted = {
        "id": "t:1",
        "doc_id": "t",
        "kind": "fact",
        "text": text[:43],
        "start": 0,
        "end": 43,
        "quote": "direct",
        "speaker": {"name": "Kim", "mention": "Kim", "start": 16, "end": 19, "type": "person"},
        "cue": {"text": "said", "start": 20, "end": 24, "lemma": "say"},
        "source": None,
        "certainty": {"label": "certain", "score": 1.0, "cues": []},
        "content": {
            "text": text[:43],
            "start": 0,
            "end": 43,
            "parts": [{"text": text[:15], "start": 0, "end": 15}, {"text": text[26:43], "start": 26, "end": 43}],
        },
    }
    page = html.render_text(html.make_article("t", [quoted], text), "a")
    underlined = re.findall(r'<span class="ct" title="content: what is said">([^<]*)</span>', page)
    assert underlined == ["“We are ready,”", "“and we will go.”"]
    assert "The river rose." in page and "Kim" not in underlined


def _statement(doc_id: str, n: int, text: str, start: int, **extra) -> dict:
    """A record covering ``text[start:]``."""
    return statement(n, doc_id, text[start:], start=start, end=len(text), **extra)


def test_heading_is_the_title_else_the_first_line_else_the_id() -> None:
    assert html.heading_of(html.Article("d", title="  A Title ")) == "A Title"
    text = "\n\n  Seoul   weighs talks <b>now</b>\nSecond line."
    assert html.heading_of(html.Article("d", text=text)) == "Seoul weighs talks <b>now</b>"
    assert html.heading_of(html.Article("d", text="x" * 300)).endswith("…")
    assert len(html.heading_of(html.Article("d", text="x" * 300))) == 120
    assert html.heading_of(html.Article("d")) == "d"
    page = html.render_page([html.Article("d", text=text), html.Article("e", text="Other.")])
    assert "<h2>Seoul weighs talks &lt;b&gt;now&lt;/b&gt;</h2>" in page
    assert '<a href="#article-1">Seoul weighs talks &lt;b&gt;now&lt;/b&gt;</a>' in page


def test_contents_only_from_two_articles_and_empty_states() -> None:
    one = html.render_page([html.Article("d", text="Quiet day.")])
    assert 'class="toc"' not in one and "No statements were found in this article." in one
    assert 'id="no-match"' in one and "hidden>" in one
    assert "No statements: there was no article to show." in html.render_page([])


def test_sorts_offered_only_for_figures_present_and_rows_carry_them() -> None:
    text = "Prices rose. Rents fell."
    plain = [_statement("d", 1, text, 0)]
    page = html.render_page([html.make_article("d", plain, None)])
    assert 'value="cert"' in page and 'value="kind-score"' not in page and 'value="checkworthiness"' not in page
    rich = [_statement("d", 1, text, 0, kind_score=0.61, checkworthiness=0.9)]
    page = html.render_page([html.make_article("d", rich, None)])
    assert 'value="kind-score"' in page and 'value="checkworthiness"' in page
    assert 'data-kind-score="0.6100"' in page and 'data-checkworthiness="0.9000"' in page


def test_speaker_filter_is_per_article_and_per_entity() -> None:
    text = "Park said it rained. Park Won-gon said it snowed."
    park = {"name": "Park Won-gon", "mention": "Park", "start": 0, "end": 4, "type": "person", "id": "e1"}
    a = [
        _statement("a", 1, text, 0, speaker=park),
        _statement("a", 2, text, 21, speaker={**park, "mention": "Park Won-gon", "start": 21, "end": 33}),
    ]
    b = [_statement("b", 1, text, 0, speaker={**park, "id": "e1"})]
    page = html.render_page([html.make_article("a", a, text), html.make_article("b", b, text)])
    assert page.count('data-speaker="1|e1"') == 2 * 2 + 1  # two rows, two marks, one button
    assert page.count('data-speaker="2|e1"') == 1 * 2 + 1
    assert '<optgroup label="1. Park said it rained. Park Won-gon said it snowed.">' in page
    assert '<option value="1|e1">Park Won-gon (2)</option>' in page
    assert 'title="also: Park"' in page  # the other name it goes by
