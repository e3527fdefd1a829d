"""Quote finding: marks paired by type, apostrophes, nesting, unbalanced marks, typewriter styles."""

from __future__ import annotations

import pytest

from claimkit.quotes import find_quotes, top_level


def _texts(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)]


def test_curly_quotes_pair_by_type_with_nested_single_quotes() -> None:
    text = "He said “it’s a ‘warm-up’ effort” and left."
    quotes = find_quotes(text)
    assert _texts(text) == ["“it’s a ‘warm-up’ effort”", "‘warm-up’"]
    assert [q.depth for q in quotes] == [0, 1]
    assert [text[q.start : q.end] for q in top_level(quotes)] == ["“it’s a ‘warm-up’ effort”"]


@pytest.mark.parametrize(
    "text",
    [
        "North Korea’s Workers’ Party met.",
        "They didn't go and won't go.",
        "The Jones' house is in the 90's style.",
    ],
)
def test_apostrophes_are_not_quotes(text: str) -> None:
    assert find_quotes(text) == []


def test_single_quoted_word_after_apostrophes() -> None:
    text = "Korea’s leader didn't say 'hello'."
    assert _texts(text) == ["'hello'"]


def test_unbalanced_mark_stops_at_the_paragraph_end() -> None:
    text = "“This quote never closes\n\nThe next paragraph is narration. “A new one” here."
    quotes = find_quotes(text)
    first = quotes[0]
    assert not first.closed and first.end == text.index("\n")
    assert text[quotes[1].start : quotes[1].end] == "“A new one”"
    assert all("\n" not in text[q.start : q.end] for q in quotes)


def test_quote_reopened_at_each_paragraph() -> None:
    text = "He said: “First part.\n\n“Second part,” he added."
    quotes = find_quotes(text)
    assert [(text[q.start : q.end], q.closed) for q in quotes] == [
        ("“First part.", False),
        ("“Second part,”", True),
    ]


def test_typewriter_double_apostrophes_are_double_quotes() -> None:
    text = "''This was not the basis,'' Mr. Rhodes said. ``Nor is it now,'' he added."
    quotes = find_quotes(text)
    assert [text[q.content_start : q.content_end] for q in quotes] == ["This was not the basis,", "Nor is it now,"]
    assert all(q.is_double and q.closed for q in quotes)


def test_opening_mark_typed_for_closing_mark() -> None:
    text = "“It could create problems here,“ said Jim Clyburn."
    (quote,) = find_quotes(text)
    assert text[quote.start : quote.end] == "“It could create problems here,“"


def test_straight_double_quotes_and_inch_marks() -> None:
    text = 'The 15"screen, he said, "is enough."'
    assert _texts(text) == ['"is enough."']


def test_offsets_respect_start_and_end() -> None:
    text = "skip “this” part. “Find me” please"
    start = text.index("part")
    assert _texts(text[:]) == ["“this”", "“Find me”"]
    assert [text[q.start : q.end] for q in find_quotes(text, start)] == ["“Find me”"]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('"Our budget is a disgrace,” said Ida Marsh, a trustee.', '"Our budget is a disgrace,”'),
        ('“The bridge will stay open," the mayor said.', '“The bridge will stay open,"'),
        ('“She said "never" to us,” he recalled.', '“She said "never" to us,”'),
    ],
)
def test_mixed_double_marks_close_each_other(text: str, quoted: str) -> None:
    # news archives mix straight and curly marks in one quotation
    assert [text[q.start : q.end] for q in top_level(find_quotes(text))] == [quoted]
    assert all(q.closed for q in find_quotes(text))
