"""A reviewer fixes a draft in Doccano's own web UI (headless Chromium) and claimkit gets the
fixes back: kind, speaker name and certainty label, through ``claimkit doccano pull`` and
``claimkit doccano diff``.

What the browser does, as a reviewer would (Doccano 1.8.4's annotation page, v-annotator 0.1.28):

* logs in on ``/auth`` as the project's annotator ``reviewer``, opens the project and presses
  "Start Annotation";
* kind: clicks the label ``fact`` drawn under the statement; the label menu opens; picks
  ``opinion`` (the UI changes the span's label in place);
* certainty: clicks the label ``possible`` under the cue "may" and picks ``probable``;
* speaker name: the draft resolves "He" to "Anna Berg" (a ``name`` span over "Anna Berg", linked
  from the ``speaker:person`` span over "He" by a ``refers-to`` relation). The reviewer
  right-clicks the ``name`` label (the UI's delete; the relation goes with the span), selects
  "Tom Lee" in the text (a DOM selection over the characters, as a mouse drag makes, then the
  click that ends the drag) and picks ``name`` in the menu, flips the Span/Relation switch,
  clicks the ``speaker:person`` label then the new ``name`` label and picks ``refers-to``;
* confirms the example with the toolbar's review button.

Each step waits for the server to hold the change (REST reads) and for the page to draw it
again before the next one: no fixed sleeps.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_ui_offsets import _login, _open_annotation, _select_text, _wait, browser  # noqa: F401  (fixture)
from typer.testing import CliRunner

from claimkit.cli import app
from claimkit.doccano.push import open_project, push_documents
from claimkit.records import sha256_text

pytestmark = [pytest.mark.server, pytest.mark.browser, pytest.mark.slow]

TEXT = "Anna Berg met Tom Lee in Seoul on Monday. He said the plan was a serious mistake. Prices may rise next year."
PROJECT, REVIEWER = "ui-review", "ui-reviewer"


def _at(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def _drafts() -> tuple[dict, list[dict]]:
    """The document record and two hand-written draft statements (not the extractor's: the
    test is about the UI round trip, so it must not move when the models change)."""
    s1, s2 = _at("He said the plan was a serious mistake."), _at("Prices may rise next year.")
    he, said, anna, may = _at("He"), _at("said"), _at("Anna Berg"), _at("may")
    base = {"doc_id": "ui-review", "quote": "none", "cue": None, "speaker": None}
    first = {
        **base,
        "id": "ui-review:1",
        "kind": "fact",
        "text": TEXT[s1[0] : s1[1]],
        "start": s1[0],
        "end": s1[1],
        "speaker": {
            "name": "Anna Berg",
            "mention": "He",
            "start": he[0],
            "end": he[1],
            "type": "person",
            "description": None,
        },
        "cue": {"text": "said", "start": said[0], "end": said[1], "lemma": "say"},
        "quote": "indirect",
        "source": {"name": "Anna Berg", "type": "named", "start": anna[0], "end": anna[1]},
        "certainty": {"label": "certain", "score": 1.0, "cues": []},
    }
    second = {
        **base,
        "id": "ui-review:2",
        "kind": "speculation",
        "text": TEXT[s2[0] : s2[1]],
        "start": s2[0],
        "end": s2[1],
        "source": {"name": "Test Daily", "type": "publication", "start": None, "end": None},
        "certainty": {
            "label": "possible",
            "score": 0.55,
            "cues": [{"text": "may", "start": may[0], "end": may[1], "type": "modal", "holder": "author"}],
        },
    }
    doc = {"doc_id": "ui-review", "path": "ui-review.txt", "sha256": sha256_text(TEXT), "chars": len(TEXT)}
    doc.update(title=None, publisher="Test Daily", regions=[], statements=2)
    return doc, [first, second]


# -- driving v-annotator -----------------------------------------------------------------------

# v-annotator draws an entity's label as an SVG <text> right after its <circle>, inside the
# clickable <g>; a relation's label is a <text> right after its <rect>.
ENTITY_LABELS = "[...document.querySelectorAll('svg g > circle + text')]"
RELATION_LABELS = "[...document.querySelectorAll('svg g > rect + text')]"


def _shows(drawn: str, label: str) -> bool:
    """Whether a drawn label text is ``label``; the UI cuts long ones ("speaker:pers...")."""
    return drawn == label or (drawn.endswith("...") and label.startswith(drawn[:-3]))


def _labels(driver, which: str = ENTITY_LABELS) -> set[str]:
    """The labels drawn (full names, also for those the UI shows cut)."""
    from claimkit.doccano.convert import RELATION_LABELS as relations
    from claimkit.doccano.convert import SPAN_LABELS

    drawn = driver.execute_script(f"return {which}.map(e => e.textContent.trim())")
    names = SPAN_LABELS if which == ENTITY_LABELS else relations
    return {name for name in names for d in drawn if _shows(d, name)}


def _entity(driver, label: str):
    """The clickable <g> of the one entity drawn with ``label``."""
    from selenium.webdriver.common.by import By

    found = [
        t
        for t in driver.find_elements(By.CSS_SELECTOR, "svg g > circle + text")
        if _shows(t.get_attribute("textContent").strip(), label)
    ]
    assert len(found) == 1, f"expected one entity labelled {label!r}, found {len(found)}"
    return found[0].find_element(By.XPATH, "..")


def _pick(driver, label: str) -> None:
    """Click ``label`` in the label menu the UI just opened."""
    from selenium.webdriver.common.by import By

    items = ".v-menu__content .v-list-item"
    _wait(
        lambda: next(
            (e for e in driver.find_elements(By.CSS_SELECTOR, items) if e.is_displayed() and e.text.strip() == label),
            None,
        )
    ).click()


def _click(driver, element, context: bool = False) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    chain = ActionChains(driver).move_to_element(element)
    (chain.context_click() if context else chain.click()).perform()


def test_reviewer_edits_in_the_ui_come_back_in_pull_and_diff(doccano, browser, tmp_path: Path, monkeypatch) -> None:  # noqa: F811
    from selenium.webdriver.common.by import By

    doc, drafts = _drafts()
    admin = doccano.client()
    push_documents(admin, PROJECT, [(doc, TEXT, drafts)])
    project = open_project(admin, PROJECT, create=False)
    (example,) = list(admin.examples(project.id))
    eid = int(example["id"])
    user = admin.create_user(REVIEWER, doccano.password)
    admin.add_member(project.id, int(user["id"]), "annotator")

    def spans() -> dict[str, tuple[int, int]]:
        names = project.span_names
        return {
            names[s["label"]]: (s["start_offset"], s["end_offset"]) for s in admin.annotations(project.id, eid, "spans")
        }

    _login(browser, doccano.url, doccano.password, REVIEWER)
    _open_annotation(browser, doccano.url, project.id, PROJECT, "Anna Berg")
    _wait(lambda: {"fact", "possible", "name", "speaker:person", "cue", "speculation"} <= _labels(browser))

    # Kind: fact -> opinion.
    _click(browser, _entity(browser, "fact"))
    _pick(browser, "opinion")
    _wait(lambda: "opinion" in spans() and "fact" not in spans())
    _wait(lambda: "opinion" in _labels(browser) and "fact" not in _labels(browser))

    # Certainty on the cue "may": possible -> probable.
    _click(browser, _entity(browser, "possible"))
    _pick(browser, "probable")
    _wait(lambda: spans().get("probable") == _at("may"))
    _wait(lambda: "probable" in _labels(browser))

    # Speaker name: "He" refers to Tom Lee, not Anna Berg.
    _click(browser, _entity(browser, "name"), context=True)
    _wait(lambda: "name" not in spans())
    _wait(lambda: "name" not in _labels(browser) and "refers-to" not in _labels(browser, RELATION_LABELS))
    _select_text(browser, "Tom Lee")
    _pick(browser, "name")
    _wait(lambda: spans().get("name") == _at("Tom Lee"))
    _wait(lambda: "name" in _labels(browser))
    switch = _wait(lambda: [s for s in browser.find_elements(By.CSS_SELECTOR, ".v-input--switch") if s.is_displayed()])
    switch[0].find_element(By.CSS_SELECTOR, ".v-input--selection-controls__ripple").click()
    _wait(lambda: "Relation" in switch[0].text)
    _click(browser, _entity(browser, "speaker:person"))
    _click(browser, _entity(browser, "name"))
    _pick(browser, "refers-to")
    refers = project.relation_types["refers-to"]
    _wait(lambda: any(r["type"] == refers for r in admin.annotations(project.id, eid, "relations")))
    _wait(lambda: "refers-to" in _labels(browser, RELATION_LABELS))

    # Confirm the example (the check button at the left of the toolbar).
    assert not admin.states(project.id, eid)
    browser.find_element(By.CSS_SELECTOR, ".toolbar-control .v-btn-toggle button").click()
    _wait(lambda: admin.states(project.id, eid))

    # Back in claimkit: pull, then diff against the drafts.
    monkeypatch.setenv("CLAIMKIT_DOCCANO_URL", doccano.url)
    monkeypatch.setenv("CLAIMKIT_DOCCANO_PASSWORD", doccano.password)
    docs_file, drafts_file, reviewed = tmp_path / "documents.jsonl", tmp_path / "drafts.jsonl", tmp_path / "rev.jsonl"
    docs_file.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    drafts_file.write_text("".join(json.dumps(d) + "\n" for d in drafts), encoding="utf-8")
    runner = CliRunner()
    out = runner.invoke(app, ["doccano", "pull", "--project", PROJECT, "-o", str(reviewed), "--docs", str(docs_file)])
    assert out.exit_code == 0, out.output
    first, second = (json.loads(line) for line in reviewed.read_text(encoding="utf-8").splitlines())
    assert first["review"]["status"] == "confirmed" and first["review"]["reviewer"] == REVIEWER
    assert first["kind"] == "opinion"
    assert first["speaker"]["name"] == "Tom Lee" and first["speaker"]["mention"] == "He"
    assert first["source"]["name"] == "Tom Lee"  # the source was the speaker: it follows
    assert second["kind"] == "speculation" and second["certainty"]["label"] == "probable"
    assert [c["text"] for c in second["certainty"]["cues"]] == ["may"]

    out = runner.invoke(app, ["doccano", "diff", str(drafts_file), str(reviewed), "--json"])
    assert out.exit_code == 0, out.output
    changes = {(c["change"], c["id"]): (c["before"], c["after"]) for c in json.loads(out.output)["changes"]}
    he, may, anna, tom = _at("He"), _at("may"), _at("Anna Berg"), _at("Tom Lee")
    assert changes == {
        ("relabelled", "ui-review:1"): ("fact", "opinion"),
        ("speaker", "ui-review:1"): (["Anna Berg", *he, "person"], ["Tom Lee", *he, "person"]),
        ("source", "ui-review:1"): (["Anna Berg", "named", *anna], ["Tom Lee", "named", *tom]),
        ("certainty", "ui-review:2"): (["possible", [[*may, "modal"]]], ["probable", [[*may, "modal"]]]),
    }
