"""The draft as a reviewer sees it: the sample article in Doccano's annotation page (headless
Chromium), one underline per statement, and the screenshot in docs/doccano.md.

``CLAIMKIT_UPDATE_SCREENSHOT=1`` writes the screenshot to docs/img/doccano-review.png.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from test_ui_offsets import _login, _open_annotation, _wait, browser  # noqa: F401  (browser is a fixture)

from claimkit.doccano.convert import CERTAINTY_LABELS, KINDS
from claimkit.doccano.push import open_project, push_documents

pytestmark = [pytest.mark.server, pytest.mark.browser, pytest.mark.slow]

SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "img" / "doccano-review.png"


def test_sample_article_is_reviewable_and_screenshot(doccano, drafts, browser, tmp_path: Path) -> None:  # noqa: F811

    client = doccano.client()
    _, text, statements = drafts[0]
    report = push_documents(client, "claimkit-sample", [drafts[0]])
    assert report.url and report.url.endswith(f"/projects/{open_project(client, 'claimkit-sample', create=False).id}")
    project = open_project(client, "claimkit-sample", create=False)
    (example,) = list(client.examples(project.id))
    names = project.span_names
    spans = [
        (names[s["label"]], s["start_offset"], s["end_offset"])
        for s in client.annotations(project.id, example["id"], "spans")
    ]
    kinds = [s for s in spans if s[0] in KINDS]
    assert len(kinds) == len(statements)
    # No statement is underlined twice: a certainty label sits on a cue, or over the statement
    # only when it is uncertain without any cue.
    uncued = sum(1 for st in statements if not st["certainty"]["cues"] and st["certainty"]["label"] != "certain")
    over_statements = [s for s in spans if s[0] in CERTAINTY_LABELS and any(s[1:] == k[1:] for k in kinds)]
    assert len(over_statements) <= uncued
    named = [st for st in statements if st["speaker"] and st["speaker"]["start"] is not None]
    print(f"{len(statements)} statements -> {len(spans)} spans ({len(named)} with a speaker mention)")

    _login(browser, doccano.url, doccano.password)
    _open_annotation(browser, doccano.url, project.id, "claimkit-sample", text.strip().split()[0])
    # The label names are drawn under the text: wait for the kinds and a speaker label.
    shown = "return document.body.innerText + [...document.querySelectorAll('text')].map(e => e.textContent).join(' ')"
    _wait(lambda: all(k in browser.execute_script(shown) for k in {s[0] for s in kinds}))
    browser.set_window_size(1400, 1800)
    shot = tmp_path / "review.png"
    assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 20000
    if os.environ.get("CLAIMKIT_UPDATE_SCREENSHOT"):
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, SCREENSHOT)
