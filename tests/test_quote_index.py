"""QuoteIndex answers exactly what scanning every quotation answers (issue 18: linear quotes)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimkit.quotes import QuoteIndex, find_quotes, top_level

PIECES = st.sampled_from(["“", "”", "‘", "’", '"', "'", "''", "``", "«", "»", "„", "\n", " ", "a", "b c", ". ", ","])


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(PIECES, max_size=60))
def test_index_matches_brute_force(pieces: list[str]) -> None:
    text = "".join(pieces)
    quotes = find_quotes(text)
    index = QuoteIndex(quotes)
    assert index.nested, "find_quotes gives nested-or-disjoint quotations"
    tops = top_level(quotes)
    for pos in range(len(text) + 1):
        assert index.around(pos) == [q for q in quotes if q.start < pos < q.end]
        assert index.top_around(pos) == [q for q in tops if q.start < pos < q.end]
        for end in range(pos + 1, min(len(text), pos + 12) + 1):
            assert index.overlapping(pos, end) == [q for q in quotes if q.start < end and pos < q.end]
            assert index.top_within(pos, end) == [q for q in tops if pos <= q.start and q.end <= end]


def test_unclosed_depth_counts_the_marks_below() -> None:
    text = "“a ‘b “c"
    depths = {q.start: q.depth for q in find_quotes(text)}
    assert depths == {0: 0, 6: 2}


def test_overlapping_quotations_fall_back_to_scanning() -> None:
    from claimkit.quotes import QuoteSpan

    quotes = [QuoteSpan(0, 10, "“", 0), QuoteSpan(5, 15, "“", 0)]
    index = QuoteIndex(quotes)
    assert not index.nested and index.overlapping(12, 13) == [quotes[1]] and index.around(7) == quotes
