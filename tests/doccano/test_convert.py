"""Statements <-> Doccano annotations without a server: offsets, round trip, reviewer edits, diff."""

from __future__ import annotations

import copy
import json

import pytest

from claimkit.doccano.convert import (
    META_KEY,
    Annotations,
    OffsetMap,
    export_line_to_statements,
    score_for_label,
    statements_to_example,
)
from claimkit.doccano.diff import diff_statements
from claimkit.records import sha256_text
from claimkit.schema import validate

TEXT = "😀 Dr. Ana Mu\u0308ller said 🇰🇷 talks may resume. Prices rose."


def _statement(n: int, kind: str, start: int, end: int, **extra) -> dict:
    record = {
        "id": f"d:{n}",
        "doc_id": "d",
        "kind": kind,
        "text": TEXT[start:end],
        "start": start,
        "end": end,
        "speaker": None,
        "cue": None,
        "quote": "none",
        "source": {"name": "Paper", "type": "publication", "start": None, "end": None},
        "certainty": {"label": "certain", "score": 1.0, "cues": []},
    }
    record.update(extra)
    return record


@pytest.fixture
def statements() -> list[dict]:
    s1_end = TEXT.index("resume.") + len("resume.")
    ana = TEXT.index("Dr.")
    said = TEXT.index("said")
    may = TEXT.index("may")
    first = _statement(
        1,
        "speculation",
        0,
        s1_end,
        speaker={
            "name": "Ana Müller",
            "mention": TEXT[ana : said - 1],
            "start": ana,
            "end": said - 1,
            "type": "person",
            "description": "a doctor",
        },
        cue={"text": "said", "start": said, "end": said + 4, "lemma": "say"},
        quote="indirect",
        source={"name": "Ana Müller", "type": "named", "start": ana, "end": said - 1},
        certainty={
            "label": "possible",
            "score": 0.55,
            "cues": [
                {"text": "may", "start": may, "end": may + 3, "type": "modal", "holder": "speaker", "scope": "main"}
            ],
        },
    )
    prices = TEXT.index("Prices")
    return [first, _statement(2, "fact", prices, len(TEXT))]


def _export_line(draft, drop=(), relabel=None) -> dict:
    """What Doccano's JSONL export holds for a draft (offsets in UTF-16 units, meta flattened)."""
    omap = OffsetMap(draft.text)
    ids = {key: n for n, key in enumerate(draft.spans, 1)}
    entities = []
    for key, n in ids.items():
        label = (relabel or {}).get(key, key[0])
        if key not in drop:
            entities.append(
                {"id": n, "label": label, "start_offset": omap.to_units(key[1]), "end_offset": omap.to_units(key[2])}
            )
    relations = [
        {"id": n, "from_id": ids[a], "to_id": ids[b], "type": t}
        for n, (t, a, b) in enumerate(draft.relations, 1)
        if a not in drop and b not in drop
    ]
    return {"id": 7, "text": draft.text, **draft.meta, "entities": entities, "relations": relations, "Comments": []}


def test_offset_map_counts_utf16_like_javascript() -> None:
    omap = OffsetMap(TEXT)
    for cp in range(len(TEXT) + 1):
        units = omap.to_units(cp)
        assert units == len(TEXT[:cp].encode("utf-16-le")) // 2
        assert omap.to_codepoints(units) == cp
    # Half an emoji (inside its surrogate pair) snaps outwards.
    assert omap.to_codepoints(1) == 0
    assert omap.to_codepoints(1, end=True) == 1
    # The combining diaeresis is one code point and one UTF-16 unit: no shift from it.
    d = TEXT.index("\u0308")
    assert omap.to_units(d + 1) - omap.to_units(d) == 1


def test_untouched_example_round_trips_field_by_field(statements: list[dict]) -> None:
    doc = {"doc_id": "d", "sha256": sha256_text(TEXT), "title": None, "publisher": "Paper"}
    draft = statements_to_example(doc, TEXT, statements, "0.0")
    line = _export_line(draft)
    assert line[META_KEY]["offsets"] == "utf-16"
    # The spans Doccano stores are UTF-16 offsets: after the emoji they differ from code points.
    first = next(e for e in line["entities"] if e["label"] == "speculation")
    assert first["end_offset"] > statements[0]["end"]
    back = export_line_to_statements(json.dumps(line, ensure_ascii=False))
    assert back == statements
    assert Annotations.from_export(line, TEXT).fingerprint() == draft.meta[META_KEY]["fingerprint"]


def test_reviewer_relabel_and_new_speaker_come_back(statements: list[dict]) -> None:
    doc = {"doc_id": "d", "sha256": sha256_text(TEXT), "title": None, "publisher": "Paper"}
    draft = statements_to_example(doc, TEXT, statements, "0.0")
    kind_key = ("fact", statements[1]["start"], statements[1]["end"])
    line = _export_line(draft, relabel={kind_key: "opinion"})
    # Move the first statement's speaker to "Ana Mu\u0308ller" (without "Dr.").
    speaker_key = next(k for k in draft.spans if k[0] == "speaker:person")
    ids = {key: n for n, key in enumerate(draft.spans, 1)}
    omap = OffsetMap(TEXT)
    start = TEXT.index("Ana")
    line["entities"] = [e for e in line["entities"] if e["id"] != ids[speaker_key]]
    line["entities"].append(
        {
            "id": 99,
            "label": "speaker:group",
            "start_offset": omap.to_units(start),
            "end_offset": omap.to_units(speaker_key[2]),
        }
    )
    line["relations"] = [r for r in line["relations"] if r["to_id"] != ids[speaker_key]]
    line["relations"].append(
        {"id": 99, "from_id": ids[("speculation", 0, statements[0]["end"])], "to_id": 99, "type": "speaker"}
    )
    back = export_line_to_statements(line)
    assert Annotations.from_export(line, TEXT).fingerprint() != draft.meta[META_KEY]["fingerprint"]
    for record in back:
        validate(record, "statement", TEXT)
    first, second = back
    assert second["kind"] == "opinion" and {k: v for k, v in second.items() if k != "kind"} == {
        k: v for k, v in statements[1].items() if k != "kind"
    }
    assert first["speaker"] == {
        "name": TEXT[start : speaker_key[2]],
        "mention": TEXT[start : speaker_key[2]],
        "start": start,
        "end": speaker_key[2],
        "type": "group",
        "description": None,
    }
    assert first["source"] == {
        "name": TEXT[start : speaker_key[2]],
        "type": "named",
        "start": start,
        "end": speaker_key[2],
    }
    unchanged = {k for k in first if k not in ("speaker", "source")}
    assert {k: first[k] for k in unchanged} == {k: statements[0][k] for k in unchanged}

    result = diff_statements(statements, back)
    # The source followed the moved speaker: reported too.
    assert [(c.kind, c.id) for c in result.changes] == [("source", "d:1"), ("speaker", "d:1"), ("relabelled", "d:2")]
    assert result.scores["statements"].precision == 0.5 and result.scores["spans"].recall == 1.0


def test_statement_drawn_by_reviewer_gets_defaults_and_new_id(statements: list[dict]) -> None:
    doc = {"doc_id": "d", "sha256": sha256_text(TEXT), "title": None, "publisher": "Paper"}
    draft = statements_to_example(doc, TEXT, statements, "0.0")
    line = _export_line(draft, drop=[("fact", statements[1]["start"], statements[1]["end"])])
    omap = OffsetMap(TEXT)
    start = TEXT.index("Prices")
    line["entities"].append(
        {"id": 50, "label": "opinion", "start_offset": omap.to_units(start), "end_offset": omap.to_units(start + 6)}
    )
    line["entities"].append(
        {"id": 51, "label": "probable", "start_offset": omap.to_units(start), "end_offset": omap.to_units(start + 6)}
    )
    line["relations"].append({"id": 50, "from_id": 50, "to_id": 51, "type": "certainty"})
    back = export_line_to_statements(line)
    new = back[-1]
    assert new["id"] == "d:3" and new["text"] == "Prices" and new["kind"] == "opinion"
    assert new["certainty"] == {"label": "probable", "score": score_for_label("probable"), "cues": []}
    assert new["source"] == {"name": "Paper", "type": "publication", "start": None, "end": None}
    validate(new, "statement", TEXT)
    result = diff_statements(statements, back)
    assert sorted(c.kind for c in result.changes) == ["added", "removed"]


def test_score_for_label_stays_in_its_band() -> None:
    from claimkit.certainty import label_for

    for label in ("certain", "probable", "possible", "unknown"):
        assert label_for(score_for_label(label)) == label


def test_span_outside_text_is_an_error(statements: list[dict]) -> None:
    from claimkit.errors import SchemaError

    doc = {"doc_id": "d", "sha256": sha256_text(TEXT), "title": None, "publisher": "Paper"}
    line = _export_line(statements_to_example(doc, TEXT, copy.deepcopy(statements), "0.0"))
    line["entities"][0]["end_offset"] = 10_000
    with pytest.raises(SchemaError, match="outside the text"):
        export_line_to_statements(line)


# -- mapping 2: one span per statement, certainty on its cues, the speaker's name as a span ----------

TEXT2 = "President Kim Jong Un arrived. He said talks may resume. Park disagreed. Prices rose."


@pytest.fixture
def reviewed_draft() -> tuple[list[dict], object]:
    he, said, may = TEXT2.index("He"), TEXT2.index("said"), TEXT2.index("may")
    talks = TEXT2.index("talks")
    kim = TEXT2.index("Kim")
    first = {
        "id": "d:1",
        "doc_id": "d",
        "kind": "speculation",
        "text": TEXT2[talks : may + 10],
        "start": talks,
        "end": may + 10,
        "speaker": {
            "name": "Kim Jong Un",
            "mention": "He",
            "start": he,
            "end": he + 2,
            "type": "person",
            "description": None,
        },
        "cue": {"text": "said", "start": said, "end": said + 4, "lemma": "say"},
        "quote": "indirect",
        "source": {"name": "Kim Jong Un", "type": "named", "start": kim, "end": kim + 11},
        "certainty": {
            "label": "probable",
            "score": 0.8,
            "cues": [
                {"text": "may", "start": may, "end": may + 3, "type": "modal", "holder": "speaker", "scope": "main"}
            ],
        },
        "kind_score": 0.61,
        "checkworthiness": 0.7,
    }
    prices = TEXT2.index("Prices")
    second = {
        "id": "d:2",
        "doc_id": "d",
        "kind": "fact",
        "text": TEXT2[prices:],
        "start": prices,
        "end": len(TEXT2),
        "speaker": None,
        "cue": None,
        "quote": "none",
        "source": {"name": "Paper", "type": "publication", "start": None, "end": None},
        "certainty": {"label": "certain", "score": 1.0, "cues": []},
    }
    doc = {"doc_id": "d", "sha256": sha256_text(TEXT2), "title": None, "publisher": "Paper"}
    return [first, second], statements_to_example(doc, TEXT2, [first, second], "0.0")


def test_draft_has_one_span_per_statement_and_the_name_as_a_span(reviewed_draft) -> None:
    statements, draft = reviewed_draft
    first, second = statements
    may = TEXT2.index("may")
    kim = TEXT2.index("Kim")
    assert sorted(draft.spans, key=lambda k: (k[1], k[0])) == sorted(
        [
            ("name", kim, kim + 11),
            ("speaker:person", first["speaker"]["start"], first["speaker"]["end"]),
            ("cue", first["cue"]["start"], first["cue"]["end"]),
            ("speculation", first["start"], first["end"]),
            ("probable", may, may + 3),
            ("fact", second["start"], second["end"]),
        ],
        key=lambda k: (k[1], k[0]),
    )
    # Nothing but the kind over a statement's characters (no second underline).
    for st in statements:
        assert [k[0] for k in draft.spans if (k[1], k[2]) == (st["start"], st["end"])] == [st["kind"]]
    assert (
        "refers-to",
        ("speaker:person", first["speaker"]["start"], first["speaker"]["end"]),
        ("name", kim, kim + 11),
    ) in draft.relations
    # Untouched, everything comes back, fields other engineers add (kind_score, ...) included.
    back = export_line_to_statements(_export_line(draft))
    assert back == statements


def test_reviewer_changes_certainty_on_the_cue_and_the_name_by_relinking(reviewed_draft) -> None:
    statements, draft = reviewed_draft
    first = statements[0]
    may = TEXT2.index("may")
    line = _export_line(draft, relabel={("probable", may, may + 3): "possible"})
    # Relink the speaker "He" from "Kim Jong Un" to "Park" (a name span the reviewer drew).
    park = TEXT2.index("Park")
    omap = OffsetMap(TEXT2)
    line["entities"].append(
        {"id": 90, "label": "name", "start_offset": omap.to_units(park), "end_offset": omap.to_units(park + 4)}
    )
    ids = {(e["label"], e["start_offset"], e["end_offset"]): e["id"] for e in line["entities"]}
    he = ids[("speaker:person", first["speaker"]["start"], first["speaker"]["end"])]
    line["relations"] = [r for r in line["relations"] if r["type"] != "refers-to"]
    line["relations"].append({"id": 91, "from_id": he, "to_id": 90, "type": "refers-to"})
    got = export_line_to_statements(line)[0]
    assert got["certainty"]["label"] == "possible" and got["certainty"]["score"] == score_for_label("possible")
    assert got["certainty"]["cues"] == first["certainty"]["cues"]
    assert got["speaker"]["name"] == "Park" and got["speaker"]["mention"] == "He"
    assert got["source"] == {"name": "Park", "type": "named", "start": park, "end": park + 4}
    validate(got, "statement", TEXT2)
    changes = {c.kind for c in diff_statements(statements, export_line_to_statements(line)).changes}
    assert changes == {"certainty", "speaker", "source"}

    # Deleting the certainty span makes the statement certain again (no cue left).
    bare = _export_line(draft, drop=[("probable", may, may + 3)])
    got = export_line_to_statements(bare)[0]
    assert got["certainty"]["label"] == "certain" and got["certainty"]["cues"] == []
    # Deleting the link to the name: the mention is the name.
    unlinked = _export_line(draft)
    unlinked["relations"] = [r for r in unlinked["relations"] if r["type"] != "refers-to"]
    assert export_line_to_statements(unlinked)[0]["speaker"]["name"] == "He"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Kim said Kim Jong Un and Kimchi, _Kim, Kim_ and Kim.", "Kim"),
        ("aa aa aaa", "aa"),
        ("a a a", "a a"),
        ("café cafés Müller Müllers", "Müller"),
        ("🇰🇷 Park (Park) Park-Won", "Park"),
        ("", "x"),
    ],
)
def test_whole_words_finds_what_the_regular_expression_finds(text: str, word: str) -> None:
    import re

    from claimkit.doccano.convert import _whole_words

    expected = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text)]
    assert _whole_words(text, word) == expected
