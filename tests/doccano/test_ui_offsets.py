"""What a span drawn in Doccano's web UI stores, with emoji and combining marks before it.

A headless Chromium logs in, opens the annotation page, selects a word with the DOM selection
API (as a mouse drag does) and picks a label from the menu the UI opens. The UI counts UTF-16
code units (grapheme_mode off) or grapheme clusters (grapheme_mode on); claimkit creates its
projects with grapheme_mode off and converts UTF-16 <-> code points, so the span comes back
with the right code-point offsets.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from claimkit.doccano.client import DoccanoClient
from claimkit.doccano.pull import pull_project
from claimkit.doccano.push import open_project, push_documents
from claimkit.records import sha256_text

pytestmark = [pytest.mark.server, pytest.mark.browser, pytest.mark.slow]

CHROMIUM, DRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
TEXT = "😀 Mu\u0308ller 👍🏽 said the target rose. Prices fell."


@pytest.fixture
def browser():
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (dev extra)")
    if not (CHROMIUM.exists() and DRIVER.exists()) and not shutil.which("chromedriver"):
        pytest.skip("headless Chromium not installed (scripts/setup-browser.sh)")
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000"):
        options.add_argument(arg)
    options.binary_location = str(CHROMIUM)
    driver = webdriver.Chrome(
        service=Service(str(DRIVER) if DRIVER.exists() else shutil.which("chromedriver")), options=options
    )
    yield driver
    driver.quit()


def _wait(check, timeout: float = 60.0):
    """Poll ``check`` until it returns something true (an explicit wait, not a fixed sleep)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError("timed out waiting for the Doccano UI")


def _login(driver, url: str, password: str, username: str = "admin") -> None:
    from selenium.webdriver.common.by import By

    driver.get(f"{url}/auth")
    fields = _wait(lambda: [i for i in driver.find_elements(By.CSS_SELECTOR, "input") if i.is_displayed()])
    fields[0].send_keys(username)
    fields[1].send_keys(password)
    next(b for b in driver.find_elements(By.CSS_SELECTOR, "button") if b.text == "Login").click()
    _wait(lambda: "/auth" not in driver.current_url)


def _open_annotation(driver, url: str, pid: int, project: str, word: str) -> None:
    """Open the first example of project ``pid`` in the annotation page; wait for ``word``."""
    from selenium.webdriver.common.by import By

    # Loading the annotation URL directly leaves the page blank; go through the project page.
    driver.get(f"{url}/projects/{pid}")
    start = _wait(
        lambda: next(
            (b for b in driver.find_elements(By.CSS_SELECTOR, "a, button") if "Start Annotation" in b.text), None
        )
    )
    # The button's target needs the project (its type) loaded: wait for its name in the bar.
    _wait(lambda: driver.execute_script("return document.body.innerText.includes(arguments[0])", project))
    start.click()
    _wait(lambda: "sequence-labeling" in driver.current_url)
    find = "return [...document.querySelectorAll('text')].some(e => e.textContent.includes(arguments[0]))"
    _wait(lambda: driver.execute_script(find, word))


def _select_text(driver, word: str) -> None:
    """Select ``word`` in the text with the DOM selection API and send the click that ends a
    mouse drag: the UI then opens its label menu for those characters."""
    driver.execute_script(
        """
        const t = [...document.querySelectorAll('text')].find(e => e.textContent.includes(arguments[0]));
        const node = t.firstChild, i = node.textContent.indexOf(arguments[0]);
        const range = document.createRange();
        range.setStart(node, i); range.setEnd(node, i + arguments[0].length);
        const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
        const box = range.getBoundingClientRect();
        t.dispatchEvent(new MouseEvent('click', {bubbles: true, clientX: box.right, clientY: box.bottom}));
        """,
        word,
    )


def _draw(driver, url: str, pid: int, project: str, word: str, label: str) -> None:
    """Select ``word`` in the first example and give it ``label`` through the UI's menu."""
    from selenium.webdriver.common.by import By

    _open_annotation(driver, url, pid, project, word)
    _select_text(driver, word)
    items = ".v-menu__content .v-list-item"
    entry = _wait(
        lambda: next(
            (e for e in driver.find_elements(By.CSS_SELECTOR, items) if e.is_displayed() and e.text == label), None
        )
    )
    entry.click()


def test_span_drawn_in_the_ui_comes_back_with_code_point_offsets(doccano, browser) -> None:
    client = doccano.client()
    doc = {"doc_id": "ui", "sha256": sha256_text(TEXT), "title": None, "publisher": "Test"}
    push_documents(client, "ui-offsets", [(doc, TEXT, [])])
    project = open_project(client, "ui-offsets", create=False)
    _login(browser, doccano.url, doccano.password)
    _draw(browser, doccano.url, project.id, "ui-offsets", "target", "opinion")

    eid = next(iter(client.examples(project.id)))["id"]
    spans = _wait(lambda: client.annotations(project.id, eid, "spans"))
    start = TEXT.index("target")
    utf16 = len(TEXT[:start].encode("utf-16-le")) // 2
    assert (spans[0]["start_offset"], spans[0]["end_offset"]) == (utf16, utf16 + 6)
    assert utf16 != start  # the emoji count twice in the UI, the combining mark once

    (statement,) = pull_project(client, "ui-offsets").records
    assert (statement["start"], statement["end"], statement["text"]) == (start, start + 6, "target")
    assert statement["kind"] == "opinion" and statement["review"]["status"] == "edited"


def test_grapheme_mode_counts_clusters(doccano, browser) -> None:
    """Why claimkit refuses grapheme_mode projects: offsets there count user-perceived characters."""
    client: DoccanoClient = doccano.client()
    project = client.create_project(
        "graphemes", "UI check", allow_overlapping=True, use_relation=True, grapheme_mode=True
    )
    label = client.create_label_type(project["id"], "span", "word", "#333333")
    client.create_example(project["id"], TEXT, {"doc_id": "g"})
    _login(browser, doccano.url, doccano.password)
    _draw(browser, doccano.url, project["id"], "graphemes", "target", label["text"])
    eid = next(iter(client.examples(project["id"])))["id"]
    spans = _wait(lambda: client.annotations(project["id"], eid, "spans"))
    # 😀, u + combining diaeresis and 👍🏽 are one grapheme each.
    start = TEXT.index("target")
    assert spans[0]["start_offset"] == start - 2
