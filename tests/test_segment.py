"""Segmentation: sentences split at quotation and reporting boundaries, never overlapping."""

from __future__ import annotations

import itertools

from claimkit.clean import clean
from claimkit.segment import Candidate, segment


def _pieces(nlp, text: str) -> list[str]:
    return [text[c.start : c.end] for c in _candidates(nlp, text)]


def _candidates(nlp, text: str) -> list[Candidate]:
    return segment(nlp(text), clean(text))


def test_two_attributed_quotes_in_one_sentence_give_two_statements(nlp) -> None:
    text = "Professor Park also said, “If the war ends, a structure could be drawn,” adding, “China may act alone.”"
    assert _pieces(nlp, text) == [
        "Professor Park also said, “If the war ends, a structure could be drawn,”",
        "adding, “China may act alone.”",
    ]


def test_frame_between_quotes_stays_with_the_first(nlp) -> None:
    text = "“We will win,” he said, adding, “We always do.”"
    assert _pieces(nlp, text) == ["“We will win,” he said,", "adding, “We always do.”"]


def test_quote_continued_in_lower_case_is_not_split(nlp) -> None:
    text = "“The economy,” she said, “is strong and getting stronger.”"
    assert _pieces(nlp, text) == [text]


def test_sentences_inside_one_quotation_stay_together(nlp) -> None:
    text = "“We will win. We always do,” she said."
    assert _pieces(nlp, text) == [text]


def test_second_reporting_verb_with_its_own_content_splits(nlp) -> None:
    text = "Carson said he plans to preview a strategy for Libya, insisting that the leaders are too concerned."
    pieces = _pieces(nlp, text)
    assert len(pieces) == 2
    assert pieces[0].startswith("Carson said") and pieces[1].startswith("insisting that")


def test_quote_opening_after_a_full_stop_starts_a_sentence(nlp) -> None:
    # regression (PolNeAR train, NYT style): the parser kept these two sentences together
    text = "Mr. Farid said the same technology could be applied. ''There is no limitation,'' he said."
    assert _pieces(nlp, text) == [
        "Mr. Farid said the same technology could be applied.",
        "''There is no limitation,'' he said.",
    ]


def test_trailing_frame_joins_the_quotation_before_it(nlp, sample_text: str) -> None:
    # regression (sample article): “He predicted. was a statement of its own
    pieces = _pieces(nlp, sample_text)
    assert not any(p.startswith("“He predicted") for p in pieces)
    assert any(p.startswith("adding, “Even if") and p.endswith("“He predicted.") for p in pieces)


def test_paragraph_break_is_a_sentence_break_and_unclosed_quote_stays_in_its_paragraph(nlp) -> None:
    text = "Officials met on Sunday.\n\nHe said “this never closes\n\nThe talks resume on Monday."
    pieces = _pieces(nlp, text)
    assert pieces == ["Officials met on Sunday.", "He said “this never closes", "The talks resume on Monday."]


def test_sample_candidates_are_trimmed_disjoint_and_outside_boilerplate(nlp, sample_text: str) -> None:
    cleaned = clean(sample_text)
    cands = segment(nlp(sample_text), cleaned)
    assert len(cands) > 20
    for c in cands:
        piece = sample_text[c.start : c.end]
        assert piece and piece == piece.strip()
        assert not cleaned.is_excluded(c.start, c.end)
        assert c.sent_start <= c.start < c.end <= c.sent_end
    for a, b in itertools.pairwise(cands):
        assert a.end <= b.start
    texts = [sample_text[c.start : c.end] for c in cands]
    assert not any("Advertisement" in t or "News 1" in t for t in texts)


def test_closing_mark_the_parser_put_in_the_next_sentence_closes_its_quotation() -> None:
    from claimkit.quotes import find_quotes
    from claimkit.segment import attach_closing_marks

    text = 'The mayor said: "There is little to deter them." Then she left.'
    mark = text.index('" Then')
    spans = [(0, mark), (mark, len(text))]  # the parser's cut: the closing mark starts sentence two
    got = [text[s:e] for s, e in attach_closing_marks(text, spans, find_quotes(text))]
    assert got == ['The mayor said: "There is little to deter them."', "Then she left."]
    # an opening mark at a sentence start stays where it is
    text = "He left. ''We will win,'' she said."
    at = text.index("''")
    spans = [(0, at), (at, at + 2), (at + 2, len(text))]
    assert attach_closing_marks(text, spans, find_quotes(text)) == spans


def test_participle_report_after_a_bare_report_splits(nlp) -> None:
    text = "The campaign manager said as much in an interview on Thursday, arguing that the plan had failed."
    assert _pieces(nlp, text) == [
        "The campaign manager said as much in an interview on Thursday,",
        "arguing that the plan had failed.",
    ]
    # "saying" tells what the comment was: one statement
    text = "The professor also commented on the visit by the officials, saying, “China wants to stay out of it.”"
    assert _pieces(nlp, text) == [text]


def test_a_clock_time_ends_a_sentence_before_a_sentence_opener() -> None:
    from claimkit.segment import split_after_clock_times

    text = "I counted 64 people after 5 p.m. Most were students. The branch opens at 9 a.m. Monday."
    spans = split_after_clock_times(text, [(0, 52), (53, len(text))])
    assert [text[a:b] for a, b in spans] == [
        "I counted 64 people after 5 p.m.",
        "Most were students.",
        "The branch opens at 9 a.m. Monday.",  # a day name after the time: the same sentence
    ]


def test_bullet_glued_to_a_name_neither_breaks_the_sentence_nor_opens_the_statement(nlp) -> None:
    text = "Notes\n\n-Tess Ray finds that turnout is low. [538]\n•Omar Lind says prices rose.\n- Ray notes that the poll is old."
    assert _pieces(nlp, text) == [
        "Tess Ray finds that turnout is low.",
        "Omar Lind says prices rose.",
        "Ray notes that the poll is old.",
    ]
    doc = nlp(text)
    words = [t.text for t in doc]
    assert words[words.index("Tess") - 1] == "-" and words[words.index("Omar") - 1] == "•"


def test_a_quoted_show_title_after_a_quotation_is_no_new_utterance(nlp) -> None:
    text = "“The plan is sound,” Lind, a former mayor, said on Monday on CBC’s “Power and Politics.”"
    assert _pieces(nlp, text) == [text]
    two = "“We will win,” Lind, the mayor, said, “The voters know it.”"
    assert len(_pieces(nlp, two)) == 2  # a quotation that is no title still starts a statement
    headline = "“It will pass,” he said (“Council Backs Plan,” declared the Ledger)."
    assert len(_pieces(nlp, headline)) == 2  # a quoted headline with its own reporting verb


def test_a_clause_after_but_stays_with_the_report_before_it(nlp) -> None:
    # "X said A, but B": B often goes on with what X said (the parser hangs it on "said")
    text = "The mayor said the bridge would open in May, but the opening was put off until July."
    assert _pieces(nlp, text) == [text]


def test_the_authors_clause_before_but_is_split_from_the_report(nlp) -> None:
    text = "The council may have raised the budget for the parks this year, but its members still oppose the plan for new gardens."
    pieces = _pieces(nlp, text)
    assert len(pieces) == 2
    assert pieces[1].startswith("but its members still oppose")


def test_a_fronted_concessive_report_is_split_from_the_authors_main_clause(nlp) -> None:
    text = "Although the minister claimed that the trains run on time, most of them arrive late every week."
    assert _pieces(nlp, text) == [
        "Although the minister claimed that the trains run on time,",
        "most of them arrive late every week.",
    ]


def test_but_inside_the_reported_clause_does_not_split(nlp) -> None:
    text = "The coach said that the team had played well, but that the referee had made several mistakes."
    assert _pieces(nlp, text) == [text]
