"""Property test: for arbitrary text, extraction never raises, offsets are valid, every record
validates, and statements never overlap, are never empty and never fall in boilerplate."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimkit import io, schema
from claimkit.clean import clean
from claimkit.errors import InputError
from claimkit.records import Document

# Text built from pieces that stress the stages: quote marks of every type, apostrophes,
# paragraph breaks, boilerplate lines, emoji and combining marks, reporting verbs.
PIECES = st.sampled_from(
    [
        "“",
        "”",
        "‘",
        "’",
        '"',
        "'",
        "\n",
        "\n\n",
        " ",
        ", ",
        ". ",
        "?",
        "(",
        ")",
        "he said",
        "She added,",
        "according to the ministry",
        "some say that",
        "may",
        "could",
        "Park Won-gon",
        "Professor Park",
        "North Korea’s",
        "Workers’",
        "don't",
        "rock 'n' roll",
        "- Advertisement -\n",
        "Share This Post\n",
        "Source: Donga\n",
        "ⓒ News1 DB\n",
        "Pyongyang Rodong Sinmun = News 1",
        "😀",
        "🇰🇷",
        "e\u0301",
        "\u00a0",
        "\t",
        "\r\n",
        "The talks resumed on Monday",
        "If the war ends",
        "cannot be ruled out",
    ]
)
TEXTS = st.one_of(st.lists(PIECES, max_size=40).map("".join), st.text(max_size=300))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS)
def test_extract_never_raises_and_records_are_valid(extractor, text: str) -> None:
    record, statements = extractor.extract_one(Document("prop", text))
    assert record.chars == len(text) and record.statements == len(statements)
    schema.validate(record.to_dict(), "document")
    cleaned = clean(text)
    previous_end = -1
    for st_ in statements:
        data = st_.to_dict()
        schema.validate(data, "statement", text)
        assert 0 <= st_.start < st_.end <= len(text)
        assert text[st_.start : st_.end] == st_.text and st_.text.strip()
        assert st_.start >= previous_end, "statements overlap or are out of order"
        previous_end = st_.end
        # outside boilerplate, bylines and credits; a title is a statement only when someone says it
        title = any(r.type == "title" and r.start <= st_.start and st_.end <= r.end for r in cleaned.regions)
        assert not cleaned.is_excluded(st_.start, st_.end) or (title and data["speaker"] is not None)
        for span in (data["speaker"], data["cue"], *data["certainty"]["cues"]):
            if span and span.get("start") is not None:
                assert 0 <= span["start"] < span["end"] <= len(text)
        if data["cue"]:
            assert text[data["cue"]["start"] : data["cue"]["end"]] == data["cue"]["text"]
        if data["speaker"] and data["speaker"]["start"] is not None:
            sp = data["speaker"]
            assert text[sp["start"] : sp["end"]] == sp["mention"]
        for cue in data["certainty"]["cues"]:
            assert text[cue["start"] : cue["end"]] == cue["text"]


# JSONL input (issue 18): any line, however nested or long, is a document or one error for that
# line; the lines around it are still read.
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=50),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=30,
)
DEEP = st.integers(min_value=1, max_value=20_000).map(lambda d: "[" * d + "]" * d)
HUGE = st.integers(min_value=0, max_value=3).map(lambda k: json.dumps("x" * (10**k * 999)))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    metas=st.lists(st.one_of(JSON_VALUES.map(json.dumps), DEEP, HUGE), min_size=1, max_size=5),
    raw=st.lists(st.one_of(DEEP, HUGE, st.text(max_size=40), JSON_VALUES.map(json.dumps)), max_size=3),
)
def test_jsonl_lines_with_nested_and_huge_values_never_crash(
    tmp_path_factory, metas: list[str], raw: list[str]
) -> None:
    path = tmp_path_factory.mktemp("jsonl") / "in.jsonl"
    lines = [f'{{"id": "d{i}", "text": "Rain fell.", "meta": {{"v": {m}}}}}' for i, m in enumerate(metas)]
    lines += [r.replace("\n", " ").replace("\r", " ") for r in raw]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    got = list(io.iter_jsonl(path))
    assert len(got) == sum(1 for line in lines if line.strip())
    for i, (item, meta) in enumerate(zip(got, metas, strict=False)):
        if isinstance(item, Document):
            assert item.doc_id == f"d{i}" and item.meta == {"v": json.loads(meta)}
        else:
            assert isinstance(item, InputError) and f"in.jsonl:{i + 1}:" in str(item)
            assert "nested deeper" in str(item) or "longer than" in str(item)
