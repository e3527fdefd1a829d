"""Property test: for arbitrary text, extraction never raises, offsets are valid, every record
validates, and statements never overlap, are never empty and never fall in boilerplate."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimkit import schema
from claimkit.clean import clean
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
        assert not cleaned.is_excluded(st_.start, st_.end)
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
