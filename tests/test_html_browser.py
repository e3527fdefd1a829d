"""The HTML review page in a real headless Chromium (Debian's chromium + chromedriver via
Selenium): loads without console errors, one highlight per record, filters work, markup in
an article stays text. A screenshot is written to test-artifacts/.

Installed by scripts/setup-browser.sh; skipped when Chromium is absent, except under CI.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections import Counter
from pathlib import Path

import pytest

from claimkit import html
from claimkit.records import Document

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1400,1000",
)
EVIL = (
    'Park said "<script>window.__pwned = 1</script>" should be shown as text.\n'
    '<img src=x onerror="window.__pwned = 2"> The ministry said it may respond.'
)


def _unavailable() -> str | None:
    for path in (CHROMIUM, CHROMEDRIVER):
        if not os.access(path, os.X_OK):
            return f"{path} not installed (run scripts/setup-browser.sh)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium not installed (pip install -e '.[dev]')"
    return None


@pytest.fixture(scope="module")
def browser():
    if reason := _unavailable():
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="claimkit-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def pages(extractor, sample_text: str, tmp_path_factory):
    """The sample article page and the page of an article full of markup, as files."""
    out = tmp_path_factory.mktemp("pages")
    result = {}
    for name, text in (("sample", sample_text), ("evil", EVIL)):
        record, statements = extractor.extract_one(Document(name, text))
        records = [s.to_dict() for s in statements]
        path = out / f"{name}.html"
        html.write_page([html.make_article(name, records, text, record)], path)
        result[name] = (path, records)
    return result


def _errors(driver) -> list[dict]:
    return [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]


def _screenshot(driver, name: str) -> None:
    """Save the whole page (up to 2400 px high) to test-artifacts/NAME."""
    ARTIFACTS.mkdir(exist_ok=True)
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1400, min(max(height, 1000), 2400))
    shot = ARTIFACTS / name
    assert driver.save_screenshot(str(shot)) and shot.stat().st_size > 10_000
    driver.set_window_size(1400, 1000)


def _visible_rows(driver) -> list[str]:
    return driver.execute_script(
        "return [...document.querySelectorAll('li.row')].filter(e => e.offsetParent !== null).map(e => e.dataset.kind)"
    )


def test_page_loads_filters_and_screenshot(browser, pages) -> None:
    path, records = pages["sample"]
    browser.get(path.as_uri())
    assert _errors(browser) == []
    marks = browser.find_elements("css selector", "mark.st")
    assert len(marks) == len(records)
    assert Counter(m.get_attribute("data-kind") for m in marks) == Counter(r["kind"] for r in records)
    assert browser.find_element("id", "shown").text == str(len(records))
    # a highlight has a coloured background before filtering
    transparent = "rgba(0, 0, 0, 0)"
    assert all(
        browser.execute_script("return getComputedStyle(arguments[0]).backgroundColor", m) != transparent for m in marks
    )

    _screenshot(browser, "review-page.png")

    kinds = Counter(r["kind"] for r in records)
    kind = min(kinds, key=lambda k: (kinds[k], k))  # the rarest kind: most others get hidden
    assert len(kinds) > 1, "the sample should have more than one kind"
    browser.find_element("css selector", f'button.kf[data-kind="{kind}"]').click()
    assert _visible_rows(browser) == [r["kind"] for r in records if r["kind"] == kind]
    for m in marks:
        background = browser.execute_script("return getComputedStyle(arguments[0]).backgroundColor", m)
        assert (background != transparent) == (m.get_attribute("data-kind") == kind)
    assert browser.find_element("id", "shown").text == str(kinds[kind])

    _screenshot(browser, "review-page-filtered.png")

    # "all" again, then filter by one speaker
    browser.find_element("css selector", 'button.kf[data-kind=""]').click()
    assert len(_visible_rows(browser)) == len(records)
    speakers = Counter(
        f"1|{r['speaker'].get('id') or r['speaker']['name']}" for r in records if r["speaker"] is not None
    )
    key, count = speakers.most_common(1)[0]
    from selenium.webdriver.support.ui import Select

    Select(browser.find_element("id", "speaker-filter")).select_by_value(key)
    assert len(_visible_rows(browser)) == count
    assert _errors(browser) == []


def test_markup_in_the_article_renders_as_text(browser, pages) -> None:
    path, records = pages["evil"]
    browser.get(path.as_uri())
    assert _errors(browser) == []
    assert browser.execute_script("return window.__pwned === undefined")
    assert len(browser.find_elements("css selector", "script")) == 1
    assert browser.find_elements("css selector", "main img") == []
    text = browser.find_element("css selector", ".article-text").text
    assert "<script>window.__pwned = 1</script>" in text
    assert '<img src=x onerror="window.__pwned = 2">' in text
    assert len(browser.find_elements("css selector", "mark.st")) == len(records)


# --- a page of several articles: contents, filters that hide, search, sort, empty state --------

ARTICLES = {
    "seoul": "Park Won-gon, a professor, said the talks may resume next year.\n\n"
    "Prices rose 3% in May, the ministry said.\n\n“We are ready,” Park added.",
    "busan": "Busan port volumes fell in April.\n\nPark Ji-hoon, a port official, said exports could recover.",
    "untitled": "\n\nRain is expected on Friday, forecasters said. Some experts believe the drought will end.",
}


@pytest.fixture(scope="module")
def many(extractor, tmp_path_factory):
    """Three articles (no document records: headings come from the first lines); every
    statement gets a check-worthiness so that the page offers that sort."""
    articles, records = [], []
    for doc_id, text in ARTICLES.items():
        _, statements = extractor.extract_one(Document(doc_id, text))
        group = [s.to_dict() for s in statements]
        for n, record in enumerate(group):
            record.setdefault("checkworthiness", round(0.1 + 0.8 * ((n * 7) % 5) / 4, 2))
        records.extend(group)
        articles.append(html.make_article(doc_id, group, text))
    path = tmp_path_factory.mktemp("many") / "many.html"
    html.write_page(articles, path)
    return path, records


def _visible(driver, selector: str) -> list:
    return driver.execute_script(
        "return [...document.querySelectorAll(arguments[0])].filter(e => e.offsetParent !== null)", selector
    )


def _shown(driver) -> int:
    return int(driver.find_element("id", "shown").text)


def test_contents_list_links_every_article(browser, many) -> None:
    path, _ = many
    browser.get(path.as_uri())
    assert _errors(browser) == []
    links = browser.find_elements("css selector", "nav.toc a")
    assert [link.get_attribute("href").rpartition("#")[2] for link in links] == ["article-1", "article-2", "article-3"]
    headings = [h.text for h in browser.find_elements("css selector", "section.article > h2")]
    assert [link.text for link in links] == headings
    assert headings[2] == "Rain is expected on Friday, forecasters said. Some experts believe the drought will end."
    for n in (2, 3):
        browser.execute_script("window.scrollTo(0, 0)")
        links[n - 1].click()
        top, header, height = browser.execute_script(
            f"return [document.querySelector('#article-{n} > h2').getBoundingClientRect().top, "
            "document.querySelector('header.top').getBoundingClientRect().bottom, window.innerHeight]"
        )
        assert header <= top < height, "the heading is in view, not under the sticky header"
    assert browser.execute_script("return window.scrollY") > 0
    _screenshot(browser, "review-page-many.png")


def test_filters_hide_articles_and_contents_entries(browser, many) -> None:
    path, records = many
    browser.get(path.as_uri())
    kinds = Counter(r["kind"] for r in records)
    kind = min(kinds, key=lambda k: (kinds[k], k))
    browser.find_element("css selector", f'button.kf[data-kind="{kind}"]').click()
    with_kind = {r["doc_id"] for r in records if r["kind"] == kind}
    assert {s.get_attribute("data-doc") for s in _visible(browser, "section.article")} == with_kind
    assert len(_visible(browser, "nav.toc li")) == len(with_kind)
    assert _shown(browser) == kinds[kind] == len(_visible(browser, "li.row"))
    browser.find_element("id", "reset").click()
    assert len(_visible(browser, "section.article")) == 3 and _shown(browser) == len(records)


def test_per_article_speaker_buttons(browser, many) -> None:
    path, records = many
    browser.get(path.as_uri())
    second = browser.find_element("id", "article-2")
    names = [b.text.rsplit(" ", 1)[0] for b in second.find_elements("css selector", "button.spk")]
    assert "Park Ji-hoon" in names and "Park Won-gon" not in names
    button = next(b for b in second.find_elements("css selector", "button.spk") if b.text.startswith("Park Ji-hoon"))
    button.click()
    expected = [r for r in records if r["doc_id"] == "busan" and (r["speaker"] or {}).get("name") == "Park Ji-hoon"]
    assert _shown(browser) == len(expected) >= 1
    assert [s.get_attribute("id") for s in _visible(browser, "section.article")] == ["article-2"]
    assert button.get_attribute("aria-pressed") == "true"
    button.click()  # again: the filter is off
    assert _shown(browser) == len(records)


def test_search_hides_rows_and_uncolours_highlights_and_says_when_nothing_matches(browser, many) -> None:
    path, records = many
    browser.get(path.as_uri())
    box = browser.find_element("id", "search")
    box.send_keys("DROUGHT")
    matching = [r for r in records if "drought" in r["text"].lower()]
    assert _shown(browser) == len(matching) >= 1
    coloured = [m for m in browser.find_elements("css selector", "mark.st") if "off" not in m.get_attribute("class")]
    assert len(coloured) == len(matching)
    assert browser.find_element("id", "no-match").is_displayed() is False
    box.send_keys(" zebra")
    assert _shown(browser) == 0 and _visible(browser, "section.article") == []
    assert browser.find_element("id", "no-match").is_displayed()
    _screenshot(browser, "review-page-no-match.png")
    browser.find_element("css selector", "#no-match button").click()
    assert _shown(browser) == len(records) and box.get_attribute("value") == ""
    assert not browser.find_element("id", "no-match").is_displayed()


def test_sort_by_certainty_and_checkworthiness(browser, many) -> None:
    path, _ = many
    browser.get(path.as_uri())
    from selenium.webdriver.support.ui import Select

    def order(attr: str) -> list[list[float]]:
        return browser.execute_script(
            "return [...document.querySelectorAll('ol.statements')].map("
            "l => [...l.children].map(e => Number(e.getAttribute(arguments[0]))))",
            attr,
        )

    sort = Select(browser.find_element("id", "sort"))
    assert [o.get_attribute("value") for o in sort.options] == ["text", "cert", "kind-score", "checkworthiness"]
    sort.select_by_value("checkworthiness")
    assert all(lst == sorted(lst, reverse=True) for lst in order("data-checkworthiness"))
    assert any(lst != sorted(lst) for lst in order("data-checkworthiness")), "the sort must change something"
    sort.select_by_value("cert")
    assert all(lst == sorted(lst) for lst in order("data-cert"))
    sort.select_by_value("kind-score")
    assert all(lst == sorted(lst) for lst in order("data-kind-score"))
    sort.select_by_value("text")
    numbers = browser.execute_script(
        "return [...document.querySelectorAll('ol.statements')].map(l => [...l.children].map(e => e.dataset.idx))"
    )
    assert all(lst == sorted(lst, key=lambda i: int(i.split("-")[1])) for lst in numbers)
    assert _errors(browser) == []


def test_checkworthy_filter_keeps_scores_of_half_and_more(browser, many) -> None:
    path, records = many
    browser.get(path.as_uri())
    browser.find_element("id", "checkworthy").click()
    kept = [float(e.get_attribute("data-checkworthiness")) for e in _visible(browser, "li.row")]
    assert kept and all(v >= 0.5 for v in kept)
    assert len(kept) == _shown(browser) == sum(r["checkworthiness"] >= 0.5 for r in records)
    browser.find_element("id", "reset").click()
    assert _shown(browser) == len(records)
    assert not browser.find_element("id", "checkworthy").is_selected()
    assert _errors(browser) == []


def test_empty_page_says_so(browser, tmp_path) -> None:
    path = tmp_path / "empty.html"
    html.write_page([], path)
    browser.get(path.as_uri())
    assert _errors(browser) == []
    assert "there was no article to show" in browser.find_element("css selector", "main").text
