"""Content spans drawn as the PolNeAR guidelines draw them, on examples written for these
tests: reported clause, split quotation, continuation in the next sentence, "according to",
nested attribution, object and preposition content; and cue verb groups."""

from __future__ import annotations

import pytest

from claimkit import pipeline
from claimkit.records import Document


@pytest.fixture(scope="module")
def build(nlp):
    def run(text: str):
        _, statements = pipeline.build(Document("t", text), nlp(text))
        return statements

    return run


def parts(statement) -> list[str]:
    assert statement.content is not None, statement.text
    return [p.text for p in statement.content.parts]


def test_reported_clause_without_source_cue_or_full_stop(build):
    (st,) = build("Minister Park said that the talks may resume next week.")
    assert parts(st) == ["that the talks may resume next week"]
    assert st.content.text == "that the talks may resume next week"
    assert (st.content.start, st.content.end) == (19, 54)  # 19 + len("that the talks may resume next week") = 19 + 35


def test_infinitive_to_belongs_to_the_content_and_verb_group_to_the_cue(build):
    (st,) = build("The senator has repeatedly refused to endorse the tax plan.")
    assert parts(st) == ["to endorse the tax plan"]
    assert st.cue.text == "has repeatedly refused"
    # negated speech with an open question reports nothing (issue 13): no cue, no content
    (st,) = build("The governor did not say whether she would sign the bill.")
    assert st.cue is None and st.content is None


def test_split_quotation_is_one_content_in_two_parts(build):
    text = "“I never saw the letter,” the mayor said, “but my staff did.”"
    (st,) = build(text)
    assert parts(st) == ["“I never saw the letter,”", "“but my staff did.”"]
    assert st.content.text == text  # from the first part to the last


def test_quotation_continuing_in_the_next_sentence_joins_the_content(build):
    text = "“We will stay here for a while,” the coach said. “These games take a lot of patience.”"
    first, second = build(text)
    assert second.speaker is not None and second.speaker.mention == "the coach"
    expected = ["“We will stay here for a while,”", "“These games take a lot of patience.”"]
    assert parts(first) == expected and parts(second) == expected


def test_according_to_is_cut_out_of_the_content(build):
    (st,) = build("According to the report, most farmers distrust the new rules.")
    assert st.cue.text == "According to" and parts(st) == ["most farmers distrust the new rules"]
    (st,) = build("The mayor, according to his aides, is tired.")
    assert parts(st) == ["The mayor", "is tired"]


def test_nested_attribution_stays_inside_the_outer_content(build):
    # the guidelines annotate only the outermost attribution
    (st,) = build("Park said Kim told him that the border would reopen in May.")
    assert st.speaker.mention == "Park" and st.cue.text == "said"
    assert parts(st) == ["Kim told him that the border would reopen in May"]


def test_object_and_preposition_content(build):
    (st,) = build("The union criticized the company for cutting the pensions of retired workers.")
    assert parts(st) == ["the company for cutting the pensions of retired workers"]
    (st,) = build("The bishops have called for a ceasefire in the region.")
    assert st.cue.text == "have called for" and parts(st) == ["a ceasefire in the region"]


def test_colon_is_part_of_the_cue_and_author_voice_has_no_content(build):
    statements = build("The river flooded the town on Monday. The mayor said: “We are rebuilding.”")
    author, quoted = statements
    assert author.speaker is None and author.content is None
    assert quoted.cue.text == "said:" and parts(quoted) == ["“We are rebuilding.”"]
    assert quoted.to_dict()["content"]["parts"][0]["start"] == quoted.content.start


def test_source_offsets_cover_the_identifying_phrase(build):
    text = "Chris Christie, New Jersey’s sitting governor, said the bridge would reopen."
    (st,) = build(text)
    assert st.speaker.mention == "Chris Christie"  # the mention is unchanged
    assert text[st.source.start : st.source.end] == "Chris Christie, New Jersey’s sitting governor,"
    text = "Park, who said the talks would resume, left early."
    st = build(text)[0]
    assert text[st.source.start : st.source.end] == "who"  # a relative pronoun stays alone


def test_only_a_quotation_continues_a_quotation(build):
    text = "Flynn said that Trump was right. “He is absolutely right about the generals and the war.”"
    first, second = build(text)
    assert parts(first) == ["that Trump was right"]
    # the floating quotation takes Flynn's speaker and cue, but his indirect content stays apart
    assert second.speaker is not None and second.speaker.mention == "Flynn"
    assert parts(second) == ["“He is absolutely right about the generals and the war.”"]


def test_outer_report_wins_over_the_one_inside_its_content(build):
    # "No nested attributions": the outermost cue is the attribution, its clause the content
    (st,) = build("Garcia said she expects the committee “to keep asking hard questions about the budget.”")
    assert st.speaker.mention == "Garcia" and st.cue.text == "said"
    assert parts(st) == ["she expects the committee “to keep asking hard questions about the budget.”"]


def test_quoted_clause_hung_on_the_verb_after_it_does_not_hide_the_speaker(build):
    text = '"If it cannot reach its neighbours yet, it will at some point," said Nora Vance, a physicist.'
    (st,) = build(text)
    assert st.speaker is not None and st.speaker.mention.startswith("Nora Vance")
    assert parts(st) == ['"If it cannot reach its neighbours yet, it will at some point,"']


def test_quotation_credited_with_a_dash_is_the_named_persons(build):
    text = (
        "The debate ended late.\n"
        "“The plan will not help families like mine. It only helps the rich.” ― Dana Ortiz.\n"
        "“I liked what I heard tonight.”\n"
    )
    first, credited, last = build(text)
    # no cue and no credit: the author's; the credit does not pass to the next quotation
    assert first.speaker is None and last.speaker is None
    assert credited.speaker.name == "Dana Ortiz" and credited.cue.text == "―"
    assert credited.text.endswith("― Dana Ortiz.") and credited.speaker.mention == "Dana Ortiz"
    assert parts(credited) == ["“The plan will not help families like mine. It only helps the rich.”"]


def test_cue_verb_group_takes_a_catenative_verb_not_the_agents_by(build):
    (st,) = build("The senator appeared to suggest that the vote would be delayed until spring.")
    assert st.cue.text == "appeared to suggest"
    assert parts(st) == ["that the vote would be delayed until spring"]
    (st,) = build("The plan was criticized by the governor for its cost.")
    assert st.speaker.mention == "the governor" and st.cue.text == "was criticized"


def test_source_after_its_cue_and_relative_clauses_and_datelines(build):
    text = "“The harbour will stay open,” said Nora Vance, president of the port authority."
    (st,) = build(text)
    assert text[st.source.start : st.source.end] == "Nora Vance, president of the port authority"
    text = "The coalition, which represents twenty unions, said the strike would go ahead."
    (st,) = build(text)
    assert text[st.source.start : st.source.end] == "The coalition, which represents twenty unions,"
    text = "BRUSSELS - European leaders said on Friday that the summit had failed."
    (st,) = build(text)
    assert text[st.source.start : st.source.end] == "European leaders"


def test_time_words_after_the_verb_stay_out_of_the_cue_and_polls_show(build):
    (st,) = build("The mayor said Tuesday that the bridge would reopen in May.")
    assert st.cue.text == "said" and parts(st) == ["that the bridge would reopen in May"]
    (st,) = build("A new poll of likely voters shows a close race in the state.")
    assert st.cue is not None and st.cue.lemma == "show"
    assert parts(st) == ["a close race in the state"]


def test_a_paragraph_framed_by_a_colon_before_it_is_all_content(build):
    text = (
        "The pool\nBy Ann Lee\n\nAlderman Tomas Reyes, who chairs the parks committee, wrote on his blog:\n\n"
        "The pool should never have closed. We owe the children of Eastside an apology.\n"
    )
    frame, first, second = build(text)
    assert frame.cue is not None and first.cue == frame.cue == second.cue
    # one content for the frame and the paragraph, as for a quotation continued after its cue
    expected = ["The pool should never have closed", "We owe the children of Eastside an apology"]
    assert parts(frame) == parts(first) == parts(second) == expected


def test_im_told_reports_the_clause_the_parser_took_for_an_object(build):
    (st,) = build("I'm told the city's chief engineer considered resigning over the decision.")
    assert st.speaker is not None and st.speaker.type == "anonymous"
    assert parts(st) == ["the city's chief engineer considered resigning over the decision"]


def test_called_on_keeps_on_in_the_cue_and_who_is_to_act_in_the_content(build):
    (st,) = build("The league's commissioner called on the owners to share their television money.")
    assert st.cue is not None and st.cue.text == "called on"
    assert parts(st) == ["the owners to share their television money"]


def test_a_poll_cue_leaves_the_rest_of_the_sentence_as_content(build):
    (st,) = build("In a Harbor Daily poll released Monday, most residents opposed the new ferry fares.")
    assert st.cue is not None and st.cue.text == "In"
    assert parts(st) == ["most residents opposed the new ferry fares"]


def test_an_agentless_passive_keeps_its_subject_in_the_content(build):
    # PolNeAR draws "X is expected to Y" with X and "to Y" as the content, no source
    (st,) = build("The harbor commission is expected to approve the new ferry schedule on Friday.")
    assert st.cue.text == "is expected" and st.speaker.type == "anonymous"
    assert (st.source.start, st.source.end) == (st.cue.start, st.cue.end)  # no source phrase in the text
    assert parts(st) == ["The harbor commission", "to approve the new ferry schedule on Friday"]
    # an empty "it" is no part of what is said
    (st,) = build("It is expected to rain across the valley by Sunday.")
    assert parts(st) == ["to rain across the valley by Sunday"]
    # with a "by" agent the agent speaks, and what it criticized is the subject (PolNeAR train)
    (st,) = build("The ferry schedule was criticized by the riders' union for its late boats.")
    assert parts(st)[0] == "The ferry schedule" and "union" not in " ".join(parts(st))


def test_an_initialisms_full_stop_stays_in_the_content(build):
    (st,) = build("The minister said the cargo would reach the U.S.")
    assert parts(st) == ["the cargo would reach the U.S."]
    (st,) = build("The minister said the cargo would reach the port.")
    assert parts(st) == ["the cargo would reach the port"]


def test_called_for_keeps_for_in_the_cue_and_who_is_to_act_in_the_content(build):
    (st,) = build("The mayor is calling for the state to repair the bridge before winter.")
    assert st.cue.text == "is calling for"
    assert parts(st) == ["the state to repair the bridge before winter"]
    (st,) = build("The union called for the board to reverse its decision.")
    assert st.cue.text == "called for" and parts(st) == ["the board to reverse its decision"]


def test_a_focus_adverb_is_no_part_of_the_source(build):
    (st,) = build("Even his closest allies admit that the plan failed.")
    text = "Even his closest allies admit that the plan failed."
    assert text[st.source.start : st.source.end] == "his closest allies"
    # a quantifier's adverb stays: "only a quarter of the riders"
    text = "Only a quarter of the riders said the fares were fair."
    (st,) = build(text)
    assert text[st.source.start : st.source.end] == "Only a quarter of the riders"


def test_a_short_quoted_sentence_after_a_quotation_continues_it(build):
    text = "“The fares will rise,” the director said. “Nobody likes it.” The board meets in May."
    first, second, third = build(text)
    assert second.speaker is not None and second.speaker.mention == "the director"
    expected = ["“The fares will rise,”", "“Nobody likes it.”"]
    assert parts(first) == expected and parts(second) == expected
    assert third.speaker is None
    # a title that closes a sentence is no quotation of the speaker
    statements = build("“The fares will rise,” the director said on “Morning Report.”")
    assert all(" ".join(parts(st)) == "“The fares will rise,”" for st in statements if st.speaker is not None)


def test_while_opens_a_content(build):
    (st,) = build("The director said while the fares will rise, the service will improve.")
    assert parts(st) == ["while the fares will rise, the service will improve"]


def test_what_stands_before_a_parenthetical_frame_is_content(build):
    # a condition before the frame belongs to what is said
    (st,) = build("If the fares rise again, the director said, riders will leave the ferry.")
    assert parts(st) == ["If the fares rise again", "riders will leave the ferry"]
    # the head of a quotation that goes on in lower case
    (st,) = build("The new schedule, the director said, “will please nobody.”")
    assert parts(st) == ["The new schedule", "“will please nobody.”"]
    # the circumstance of the saying is not: "Asked about ...", "In his speech"
    (st,) = build("Asked about the fares, the director said, “We will see.”")
    assert parts(st) == ["“We will see.”"]


def test_the_frame_inside_a_relative_clause_is_cut_out_of_the_content(build):
    # one label a token: "which the mayor said the state should pay for" -> content "which" + the rest
    sts = build("The council approved a new bridge, which the mayor said the state should pay for.")
    (st,) = [s for s in sts if s.speaker is not None]
    assert st.cue.text == "said"
    assert parts(st) == ["which", "the state should pay for"]


def test_a_mixed_quotation_before_its_cue_keeps_the_authors_words_of_the_clause(build):
    (st,) = build("The new mayor is a “quiet reformer,” the columnist said.")
    assert parts(st) == ["The new mayor is a “quiet reformer,”"]
    # after a colon the quotation stands alone: the words before it are no part of it
    sts = build("The verdict was blunt: “It is over,” the coach said.")
    assert [parts(s) for s in sts if s.speaker is not None] == [["“It is over,”"]]


def test_a_cue_in_a_conjoined_or_relative_clause_says_only_what_its_clause_says(build):
    # "signed the budget on Monday" is what the governor did, not what she told
    (st,) = build("The governor signed the budget on Monday and told reporters about her plans for the schools.")
    assert st.cue.text == "told"
    assert parts(st) == ["about her plans for the schools"]


def test_a_catenative_verb_with_its_particle_joins_the_cue(build):
    (st,) = build("After the vote the mayor went on to say that the fares would rise.")
    assert st.cue.text == "went on to say"
    assert parts(st) == ["that the fares would rise"]


def test_a_verb_of_saying_after_to_joins_the_cue_a_verb_of_acting_does_not(build):
    (st,) = build("The senator demanded to know whether the agency had read the report.")
    assert st.cue.text == "demanded to know"
    assert parts(st) == ["whether the agency had read the report"]
    (st,) = build("The mayor vowed to build the bridge.")
    assert st.cue.text == "vowed"
    assert parts(st) == ["to build the bridge"]


def test_quotation_in_a_participial_clause_before_the_cue_is_not_the_content(build):
    (st,) = build("Citing the “rigged courts,” the senator accused the judge of bias.")
    assert parts(st) == ["the judge of bias"]
    # a quotation that leads into the cue is still what is said
    (st,) = build("“The courts are rigged,” the senator said.")
    assert parts(st) == ["“The courts are rigged,”"]


def test_a_complement_after_the_object_stays_in_the_content_a_time_does_not(build):
    (st,) = build("The mayor challenged the governor to a public debate.")
    assert parts(st) == ["the governor to a public debate"]
    (st,) = build("The council compared the new tax to a toll on the poor.")
    assert parts(st) == ["the new tax to a toll on the poor"]
    (st,) = build("The union praised the deal on Monday.")
    assert parts(st) == ["the deal"]


def test_a_titles_full_stop_between_a_quotation_and_its_cue_ends_no_sentence(build):
    (st,) = build("''We have waited long enough,'' Mr. Okafor said, ''and the riders know it.''")
    assert parts(st) == ["''We have waited long enough,''", "''and the riders know it.''"]
    # a clause the parser hangs on a subordinate cue from before it is not what the cue reports
    (st,) = build("The coach is calm about the final, in part because he sees the team as a family.")
    assert parts(st) == ["the team as a family"]


def test_a_clause_before_a_semicolon_or_colon_is_not_what_the_cue_reports(build):
    sts = build("The vote on the budget was close: most members say the plan should wait.")
    (st,) = [s for s in sts if s.cue is not None and s.cue.text == "say"]
    assert parts(st) == ["the plan should wait"]
    # a coordinator left alone before a sourcing phrase is no content
    (st,) = build("But, according to the survey, most drivers want the new lane.")
    assert parts(st) == ["most drivers want the new lane"]


def test_a_relative_clause_that_reports_is_no_part_of_the_source(build):
    # "Jeremy, who supports Sanders, says ...": the clause is an attribution of its own
    text = "Dana Ruiz, who endorsed the mayor last spring, said the ferry plan was rushed."
    st = next(s for s in build(text) if s.cue is not None and s.cue.lemma == "say")
    assert text[st.source.start : st.source.end] == "Dana Ruiz"
    # a clause that only describes the speaker stays in the source
    text = "Dana Ruiz, who runs the harbour authority, said the ferry plan was rushed."
    (st,) = build(text)
    assert text[st.source.start : st.source.end] == "Dana Ruiz, who runs the harbour authority,"


def test_the_circumstances_of_speaking_are_no_part_of_the_source(build):
    text = "Dana Ruiz, speaking at a rally in Bangor, said the ferry plan was rushed."
    (st,) = build(text)
    assert text[st.source.start : st.source.end] == "Dana Ruiz"
    text = "Ms. Ruiz, clearly frustrated, said the ferry plan was rushed."
    (st,) = build(text)
    assert text[st.source.start : st.source.end] == "Ms. Ruiz"
    # who speaks stays: an apposition, "including ..."
    text = "Several mayors, including Dana Ruiz, said the ferry plan was rushed."
    (st,) = build(text)
    assert text[st.source.start : st.source.end] == "Several mayors, including Dana Ruiz,"


def test_a_passive_with_an_agent_and_no_clause_says_its_subject(build):
    (st,) = build("The new ferry schedule was first reported by the local paper.")
    assert st.cue.text == "was first reported" and parts(st) == ["The new ferry schedule"]


def test_a_verb_of_appearance_keeps_its_subject_in_the_content(build):
    # PolNeAR draws "X appears to Y" with no source, X and "to Y" the content
    (st,) = build("The ferry plan appears to have stalled in the harbour committee.")
    assert st.cue.text == "appears" and parts(st) == ["The ferry plan", "to have stalled in the harbour committee"]
    # an empty "it" is no part of what is said
    (st,) = build("It seems that the harbour committee has stalled the ferry plan.")
    assert parts(st) == ["that the harbour committee has stalled the ferry plan"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a bare noun after a verb of urging is what is called for: the content
        ("The fire chief urged patience with the new sirens.", ["patience with the new sirens"]),
        # who is to act stays in the content with the infinitive
        ("The fire chief urged the council to buy new sirens.", ["the council to buy new sirens"]),
    ],
)
def test_urging_a_bare_noun_reports_it(build, text, content):
    (st,) = build(text)
    assert st.cue is not None and st.cue.text == "urged"
    assert parts(st) == content


def test_a_relative_clause_set_off_at_the_end_of_the_content_is_left_out(build):
    # the author's background on a name after the reported clause is not what was said
    (st,) = build("The mayor said the contract went to Dana Ruiz, who ran the harbour authority for years.")
    assert parts(st) == ["the contract went to Dana Ruiz"]
    # a restrictive clause stays, and so does one inside a quotation
    (st,) = build("The mayor said the contract went to the firm that built the old pier.")
    assert parts(st) == ["the contract went to the firm that built the old pier"]
    (st,) = build("The mayor said, “The contract went to Dana Ruiz, who knows the harbour.”")
    assert parts(st) == ["“The contract went to Dana Ruiz, who knows the harbour.”"]


def test_a_part_after_the_frame_keeps_its_coordinator(build):
    (st,) = build("The ferry will run all winter, the captain said, and the fares will stay low.")
    assert parts(st) == ["The ferry will run all winter", "and the fares will stay low"]
    # the first part does not: "But X said ..."
    (st,) = build("But the captain said the ferry will run all winter.")
    assert parts(st) == ["the ferry will run all winter"]


def test_a_reason_or_condition_after_the_reported_clause_stays_in_the_content(build):
    (st,) = build("The captain said he would have sailed if the harbour had been open.")
    assert parts(st) == ["he would have sailed if the harbour had been open"]
    (st,) = build("The captain has refused to sail, because the harbour is closed.")
    assert parts(st) == ["to sail, because the harbour is closed"]


def test_a_mixed_quotation_before_its_frame_goes_on_in_the_next_quotation(build):
    text = "The new ferry is a “floating disaster,” the captain said. “Nobody wants to ride it.”"
    first, second = build(text)
    expected = ["The new ferry is a “floating disaster,”", "“Nobody wants to ride it.”"]
    assert second.speaker is not None and second.speaker.mention == "the captain"
    assert parts(first) == expected and parts(second) == expected


def test_an_indefinite_apposition_at_the_end_of_the_content_is_left_out(build):
    # the apposition comments on what was said: the author's words, not the mayor's
    (st,) = build("The mayor said the council approved the new ferry schedule, a plan that angered riders.")
    assert parts(st) == ["the council approved the new ferry schedule"]
    (st,) = build("Officials said the council raised the fares, a decision that angered riders.")
    assert parts(st) == ["the council raised the fares"]
    # a description of a person named at the end stays
    (st,) = build("The mayor said the contract went to Dana Ruiz, a lawyer from Kingston.")
    assert parts(st) == ["the contract went to Dana Ruiz, a lawyer from Kingston"]


def test_a_second_that_clause_after_but_goes_on_with_the_content(build):
    (st,) = build("The mayor said that the fares would rise, but that the service would improve.")
    assert parts(st) == ["that the fares would rise, but that the service would improve"]
    # the author's own clause after "but" is no part of what the mayor said
    (st,) = build("The mayor said the fares would rise, but the council voted against it.")
    assert parts(st) == ["the fares would rise"]


def test_a_reason_or_by_phrase_after_a_parenthetical_frame_finishes_the_content(build):
    (st,) = build("The ferry schedule will be cut, the director said, because the harbour is too shallow.")
    assert parts(st) == ["The ferry schedule will be cut", "because the harbour is too shallow"]
    (st,) = build("The new bridge will be paid for, the mayor said, by a tax on the ferry tickets.")
    assert parts(st) == ["The new bridge will be paid for", "by a tax on the ferry tickets"]
    # a time after the frame is when it was said
    (st,) = build("The fares will rise, the director said on Monday.")
    assert parts(st) == ["The fares will rise"]


def test_citing_grounds_is_a_cue_with_content_and_citing_someone_sources_the_rest(build):
    # "citing" what backs the subject's own claim: the subject speaks, what is cited is the content
    text = "The nurses' union praised the senator, citing her votes on overtime pay for hospital staff."
    statements = build(text)
    cited = next(s for s in statements if s.cue is not None and s.cue.text == "citing")
    assert cited.speaker is not None and cited.speaker.name.endswith("union")
    assert parts(cited) == ["her votes on overtime pay for hospital staff"]
    # "citing" someone: they are the source and the rest of the sentence is what they said
    (st,) = build("The plant will close in May, citing two company officials.")
    assert st.cue.text == "citing" and st.speaker.mention == "two company officials"
    assert parts(st) == ["The plant will close in May"]


def test_an_apposition_on_the_whole_event_is_not_said(build):
    text = "The governor is endorsing the mayor's campaign, the latest chapter in a long feud between them."
    (st,) = build(text)
    assert st.cue.text == "is endorsing" and parts(st) == ["the mayor's campaign"]
    (st,) = build("The union has endorsed the mayor for a second term, another sign of labor rallying to her.")
    assert parts(st) == ["the mayor for a second term"]


def test_when_or_where_it_was_said_opens_no_content(build):
    (st,) = build("The mayor said after the hearing she would not sign the budget.")
    assert parts(st) == ["she would not sign the budget"]
    (st,) = build("The mayor told reporters this weekend she would not sign the budget.")
    assert parts(st) == ["she would not sign the budget"]
    (st,) = build("The mayor said that after the hearing she would not sign the budget.")
    assert parts(st) == ["that after the hearing she would not sign the budget"]


def test_the_day_and_show_after_an_object_content_are_not_said(build):
    (st,) = build("The mayor blasted the council as a “disgrace” Monday on The Morning Desk Show.")
    assert parts(st) == ["the council as a “disgrace”"]
    (st,) = build("Governor Price blasted Senator Ruiz as a “disgrace” Wednesday on The Laura Smith Show.")
    assert parts(st) == ["Senator Ruiz as a “disgrace”"]
