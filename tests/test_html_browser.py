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
    speakers = Counter((r["speaker"] or {}).get("name") for r in records) - Counter({None: len(records)})
    name, count = speakers.most_common(1)[0]
    from selenium.webdriver.support.ui import Select

    Select(browser.find_element("id", "speaker-filter")).select_by_value(name)
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
