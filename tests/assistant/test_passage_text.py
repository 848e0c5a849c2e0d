"""How passages are cut into quotable sentences: tables as DOCX and HTML loaders flatten them, lists under a
lead-in, FAQ answers, checklists, quotations, items under a forbidding heading and claims with their verdicts."""
from __future__ import annotations

import pytest


def test_a_two_column_table_from_docx_or_html_is_read_row_by_row() -> None:
    """The loaders write rows as 'A US person | Form W-9', without Markdown's outer pipes: a two-column
    table has one pipe a row and was quoted as 'Who the creator is | Form'."""
    from assistant.passage_text import units

    text = ("TikTok asks for US tax information where US tax rules apply.\nWho the creator is | Form\n"
            "A US person | Form W-9\nA non-US individual | Form W-8BEN\nA W-9 needs the legal name and the TIN.")
    assert units(text) == ["TikTok asks for US tax information where US tax rules apply.",
                           "A US person: form Form W-9.", "A non-US individual: form Form W-8BEN.",
                           "A W-9 needs the legal name and the TIN."]


def test_a_row_under_a_forbidding_first_header_says_it_is_forbidden() -> None:
    """'| Avoid | Use instead |' lists what not to say: a row quoted alone must not read as advice to say it.
    A first header that only names the rows ('Status') is left off, as before."""
    from assistant.passage_text import units

    avoid = units("| Avoid | Use instead |\n|---|---|\n| cures, guaranteed | helps, supports |")
    assert avoid == ["Avoid cures, guaranteed: use instead helps, supports."]
    assert units("| Status | Meaning |\n|---|---|\n| Frozen | Held by risk control |") == \
        ["Frozen: meaning Held by risk control."]


def test_a_row_with_empty_cells_quotes_only_the_filled_ones() -> None:
    """A row that fills one cell of four was quoted as 'p1 Not a support channel, p2 , p3 , p4 .'."""
    from assistant.passage_text import units

    rows = units("| Channel | P1 | P2 | P3 |\n|---|---|---|---|\n| Group chats | Not a support channel | | \u2014 |")
    assert rows == ["Group chats: p1 Not a support channel."]
    assert units("| Issue | Team | SLA |\n|---|---|---|\n| Hacked | Ops | - |\n| Late | Finance | -2 days |") == [
        "Hacked: team Ops.", "Late: team Finance, sla -2 days."]


def test_a_lone_pipe_in_prose_is_not_a_table() -> None:
    from assistant.passage_text import units

    assert units("Pick the bank | PayPal option on the withdrawal screen before you confirm.") == [
        "Pick the bank | PayPal option on the withdrawal screen before you confirm."]


def test_bold_dont_line_forbids_its_items() -> None:
    """Items under a bold "Don't" line (no heading, no colon) keep the prohibition."""
    from assistant.passage_text import units

    got = units("**Do**\n\n- Say it supports hydration.\n\n**Don't**\n\n- Say it melts fat.\n\nA plain sentence follows here.")
    assert "Don't: say it melts fat." in got
    assert "Say it melts fat." not in got
    assert "Say it supports hydration." in got
    assert "A plain sentence follows here." in got


def test_a_pdf_title_line_is_not_a_sentence_but_a_table_row_is() -> None:
    from assistant.passage_text import norm, units

    text = ("Content policy for shoppable videos and LIVE\nFrozen Held by risk control Contact TikTok support\n"
            "In the US, the policy applies to the whole post.")
    got = units(text, {norm("Content policy for shoppable videos and LIVE")})
    assert got == ["Frozen Held by risk control Contact TikTok support",
                   "In the US, the policy applies to the whole post."]


def test_a_kicker_line_above_the_title_is_not_quoted() -> None:
    """The agency's running line over a PDF's title is page furniture; a first sentence above a heading is not."""
    from assistant.passage_text import norm, units

    title = {norm("Settlement and Withdrawals")}
    text = "Acme Creator Partners - creator guide\nSettlement and Withdrawals\nCommission settles after delivery."
    assert units(text, title) == ["Commission settles after delivery."]
    text = "Withdrawals open once commission settles.\nSettlement and Withdrawals\nFees vary by market."
    assert units(text, title) == ["Withdrawals open once commission settles.", "Fees vary by market."]
    from assistant.passage_text import without_kicker

    rows = ["| Market | Settles |", "Settlement and Withdrawals", "Fees vary by market."]
    assert without_kicker(rows, title) == rows  # a table row is content, not a running line


def test_a_labelled_list_items_later_sentences_say_whose_they_are() -> None:
    """'Can sell that shop's products' alone does not say who can: the item's bold label comes with it."""
    from assistant.passage_text import units

    line = "2. **Marketing creator** - linked to one seller. Can sell that shop's products. US shops only."
    assert units(line) == ["Marketing creator - linked to one seller.",
                           "Marketing creator: can sell that shop's products.", "Marketing creator: US shops only."]
    assert units("- Can sell products. Needs a bind.") == ["Can sell products.", "Needs a bind."]  # no label


def test_a_yes_or_no_answer_is_quoted_with_its_faq_question() -> None:
    """'Yes, once: ...' alone answers nothing a reader can see; an answer that stands alone is left alone."""
    from assistant.passage_text import units

    text = ('- **"I\'m travelling. Can I get more time?"** Yes, once: one 7-day extension on Manage Samples.\n'
            '- **"Why am I capped at 5 requests?"** The cap follows monthly GMV; under $5K the limit is 5.')
    got = units(text)
    assert "Can I get more time? Yes, once: one 7-day extension on Manage Samples." in got
    assert "The cap follows monthly GMV; under $5K the limit is 5." in got
    assert not any(u.startswith("Yes") for u in got)


def test_a_short_list_under_a_lead_in_is_one_rule_and_a_long_one_is_split() -> None:
    """'must: be 18 or older' is one requirement among four: quoted alone, the others go missing."""
    from assistant.passage_text import MAX_CHARS, units

    text = ("In Thailand and Vietnam, an applicant must:\n- have at least 1,000 followers;\n- be 18 or older;\n"
            "- keep content within the Community Guidelines.\nBoth markets turn away political accounts.")
    got = [u for u in units(text) if not u.endswith(":")]  # a bare lead-in is never usable (offline.usable)
    assert got == ["In Thailand and Vietnam, an applicant must: have at least 1,000 followers; be 18 or older; "
                   "keep content within the Community Guidelines.", "Both markets turn away political accounts."]
    long_items = "".join(f"- keep record number {n} of {'the long account history ' * 6}\n" for n in range(3))
    got = units("Creators must:\n" + long_items)[1:]
    assert len(got) == 3 and all(u.startswith("Creators must: keep record number") and len(u) <= MAX_CHARS for u in got)


def test_a_checklist_box_and_a_quotation_s_closing_mark_are_not_quoted() -> None:
    """'[ ] Publish the macros' and 'come back to you."' are how the page is laid out, not what it says."""
    from assistant.passage_text import units

    text = ('- [ ] Publish the surge macros and brief every rep on them.\n- [x] Set the rota.\n'
            '- **Commission pending:** "Commission settles after delivery. We\'ll look at your orders and come back to you."')
    assert units(text) == ["Publish the surge macros and brief every rep on them.", "Set the rota.",
                           'Commission pending: "Commission settles after delivery."',
                           "We'll look at your orders and come back to you."]


@pytest.mark.parametrize("section, forbids", [
    ("Violation appeals > What reps must never do", "What reps must never do"),
    ("CRM logging > Never paste into the CRM", "Never paste into the CRM"),
    ("What reps should and should not do", ""),  # mixed: each item says which
    ("Step 5: Never arrived or arrived damaged", ""),
])
def test_items_under_a_forbidding_heading_keep_it(section: str, forbids: str) -> None:
    """'Ask for the creator's password' quoted alone from 'What reps must never do' reads as advice to do it."""
    from assistant.passage_text import forbidding, units

    assert forbidding(section) == forbids
    text = "- Ask for the creator's password. Deleting content can cost a locked rate.\n- Do not quote a clawback period."
    got = units(text, forbids=forbidding(section))
    first = "Ask for the creator's password."
    assert got == ([f"{forbids}: ask for the creator's password.", "Deleting content can cost a locked rate.",
                    "Do not quote a clawback period."] if forbids else
                   [first, "Deleting content can cost a locked rate.", "Do not quote a clawback period."])


def test_a_blockquoted_question_is_joined_to_the_bare_no_that_answers_it() -> None:
    """'No.' on the next line answers the quoted question; the sentence after it says why."""
    from assistant.passage_text import units

    got = units('> "Can I say these gummies helped my bloating?"\n\nNo. "Bloating" is a symptom claim. Talk about taste.')
    assert "Can I say these gummies helped my bloating? No. \"Bloating\" is a symptom claim." in got
    assert "Talk about taste." in got


def test_a_canned_reply_use_when_note_is_not_quoted() -> None:
    from assistant.passage_text import units

    text = ("**When to use:** US creators. For Indonesia or Vietnam use the policy's timings; for the UK give no timing.\n\n"
            "In the US, TikTok Shop usually settles commission about 15 days after delivery.")
    assert units(text) == ["In the US, TikTok Shop usually settles commission about 15 days after delivery."]


def test_an_faq_answer_is_quoted_without_its_a_mark() -> None:
    """'A:' before an FAQ answer is layout; a creator's reply would read "A: A share of your commission"."""
    from assistant.passage_text import units

    got = units("Q: How much do you take?\nA: A share of your commission: 10% in the US, 12% in the UK.")
    assert "A share of your commission: 10% in the US, 12% in the UK." in got
    assert not any(u.startswith("A:") for u in got)


def test_a_lead_in_ending_a_paragraph_leads_its_list() -> None:
    """'Our roster needs:' after another sentence still introduces the items under it."""
    from assistant.passage_text import units

    got = units("TikTok's own minimum is 1,000 followers. Our roster creators must:\n- be 18 or older;\n"
                "- have 3,000 followers in the UK.")
    assert "Our roster creators must: be 18 or older; have 3,000 followers in the UK." in got


def test_a_reported_claim_is_one_unit_with_the_verdict_after_it() -> None:
    """'This is not confirmed.' is what a creator asking about a rumour needs, and it means nothing alone."""
    from assistant.passage_text import units

    got = units("Some creators say the label halves views. This is not confirmed. TikTok says disclosure does not "
                "change reach.\n\nOther guides say payouts are weekly. Settlement is per order.")
    assert "Some creators say the label halves views. This is not confirmed." in got
    assert "TikTok says disclosure does not change reach." in got
    assert "Other guides say payouts are weekly." in got  # no verdict follows: the creator's reply drops it


def test_a_verdict_before_the_claim_joins_it_too() -> None:
    """'We found no official page. Third-party guides say 1,000.' is quoted whole; each verdict joins one claim."""
    from assistant.passage_text import units

    got = units("We found no official UK page. Third-party guides say 1,000 followers. Rumours say 500 too.")
    assert got == ["We found no official UK page. Third-party guides say 1,000 followers.", "Rumours say 500 too."]


def test_a_verdict_saying_what_the_figures_are_not_joins_its_claim() -> None:
    """'None of these are TikTok figures.' had led a reply alone, with no figure it spoke of."""
    from assistant.passage_text import units

    got = units("One site quotes category averages of about 16% for health and 14% for menswear. None of these are "
                "TikTok figures. The seller sets the rate per product.")
    assert got[0] == ("One site quotes category averages of about 16% for health and 14% for menswear. None of these "
                      "are TikTok figures.")
    assert "None of these are TikTok figures." not in got


def test_italics_are_not_quoted_as_marks() -> None:
    """'*Applies to all markets unless marked.*' was quoted as 'Applies to all markets unless marked.*'."""
    from assistant.passage_text import units

    got = units("*Our creator guide. Applies to all markets unless marked.*\n\nUse _only_ the app; snake_case_name stays.")
    assert "Applies to all markets unless marked." in got
    assert "Use only the app; snake_case_name stays." in got


def test_a_cross_reference_is_not_quoted() -> None:
    """'(see question 10)' points into a page the creator does not have; the citation already names it."""
    from assistant.passage_text import units

    got = units("Order statuses: Pending, Settled, Frozen (see the order status glossary).\n\nEither works (see question 10).")
    assert got == ["Order statuses: Pending, Settled, Frozen.", "Either works."]


def test_a_bold_run_in_label_stays_with_its_sentence() -> None:
    """'**Category requirements (US).** For selected ...' was quoted as 'Category requirements (US).', and the
    sentence after it lost the market its label names."""
    from assistant.passage_text import units

    got = units("- **Category requirements (US).** For selected categories, eligibility also depends on past sales.")
    assert got == ["Category requirements (US): For selected categories, eligibility also depends on past sales."]


def test_if_yes_is_quoted_with_the_question_it_answers() -> None:
    from assistant.passage_text import units

    got = units("2. Did they remove the product or delete the video? If yes, the lock is gone.")
    assert got == ["Did they remove the product or delete the video? If yes, the lock is gone."]


def test_a_blockquoted_reply_is_quoted_from_its_first_sentence() -> None:
    """A canned reply or a note in a blockquote reads as prose; a bare '>' line only separates paragraphs."""
    from assistant.passage_text import units

    got = units("**Reply:**\n> Orders usually show on the orders page within minutes.\n>\n"
                "> During big sales, new orders can take longer to appear.\n\n> **Note:** Payouts settle weekly in the UK.")
    assert "Orders usually show on the orders page within minutes." in got
    assert "During big sales, new orders can take longer to appear." in got
    assert any(u.startswith("Note") and "Payouts settle weekly in the UK." in u for u in got)
    assert not any(">" in u for u in got)


def test_a_style_guides_quoted_models_are_not_quoted() -> None:
    """'Bad:' over a quoted reply shows what not to write. 'Good:' shows a model to copy, in a rep's voice: its
    "I've asked our payouts team to check" had reached a new hire's answer as a fact. A quotation under any other
    label, such as a canned reply's 'Reply:', stays."""
    from assistant.passage_text import units

    got = units("Bad:\n> Send me your login and I'll appeal it for you today.\n\nWhy it is bad: it asks for credentials.\n\n"
                "Good:\n> I've asked our payouts team to check, and I'll come back to you.\n\n"
                "**Reply:**\n> You can appeal from the violation itself in your account health section.")
    assert not any("login" in u or "payouts team" in u for u in got)
    assert "Why it is bad: it asks for credentials." in got
    assert "You can appeal from the violation itself in your account health section." in got


def test_a_quoted_replys_greeting_is_not_quotable() -> None:
    from assistant.offline import usable

    assert not usable("Hi Maya, thanks for checking!")
    assert usable("Highlights include a 14-day posting window for samples.")


def test_a_list_that_completes_a_condition_heading_keeps_it() -> None:
    """'When no commission is paid' over '- The buyer cancels ...': the item alone states the opposite."""
    from assistant.passage_text import units

    text = ("- The buyer cancels before receiving the order.\n- The order is judged fraudulent.\n"
            "A partial refund reduces commission in proportion.")
    assert units(text, set(), "", "When no commission is paid") == [
        "When no commission is paid: the buyer cancels before receiving the order.",
        "When no commission is paid: the order is judged fraudulent.",
        "A partial refund reduces commission in proportion."]
    assert units(text)[0] == "The buyer cancels before receiving the order."  # without the heading, as the reader reads
    assert units(text, set(), "", "Attribution")[0] == "The buyer cancels before receiving the order."  # no condition
    markdown = "Intro line:\n- one\n\n## If your sample is late\n- Message the seller first.\nSome prose.\n- Then post anyway."
    assert units(markdown)[2:] == ["If your sample is late: message the seller first.", "Some prose.", "Then post anyway."]


def test_an_answer_to_a_quoted_case_leads_with_it_but_the_reader_reads_it_plain() -> None:
    """Each sentence answering a quoted first-person message about "the creator" is led by the case; a "No."
    answer is quoted with its question as before; the training pairs (reading_units) hold the plain sentences."""
    from assistant.examples import an_example
    from assistant.passage_text import led_units, reading_units
    from assistant.types import Passage

    case = '> "I lost 5 lbs and my rating fell to 140. What now?"\n\nAt 140 the creator is below the milestone. They can appeal within 30 calendar days.'
    led = led_units(case)[-2:]  # after the quoted message's own sentences
    assert [s for s, _ in led] == ["At 140 the creator is below the milestone.", "They can appeal within 30 calendar days."]
    assert all(an_example(lead) and "rating fell to 140" in lead for _, lead in led)
    no = led_units('> "Can I say I lost 5 lbs?"\n\nNo. That is a weight claim the creator cannot make.')[-1:]
    assert no == [("Can I say I lost 5 lbs? No. That is a weight claim the creator cannot make.", "")]
    chunk = Passage("a#b", case, 0.0, 0.0, source="a.md", title="Doc", section="A typical question")
    assert [s for _, s in reading_units(chunk)][-2:] == ["At 140 the creator is below the milestone.", "They can appeal within 30 calendar days."]


def test_an_faq_answer_restating_the_askers_own_figures_is_that_case() -> None:
    """'**Q: My health rating dropped to 140. What now?**' answered "140 is below the 150 milestone, so you are in the
    unhealthy range" tells any other creator they are unhealthy; an answer with no figure of the case is the FAQ's
    advice, and a "No." answer is quoted with its question."""
    from assistant.examples import an_example
    from assistant.passage_text import led_units

    case = "**Q: My health rating dropped to 140. What now?**\nA: 140 is below the 150 milestone, so you are unhealthy."
    assert [(s, an_example(lead)) for s, lead in led_units(case)][-1] == \
        ("140 is below the 150 milestone, so you are unhealthy.", True)
    advice = "**Q: My health rating dropped. What now?**\nA: Post compliant content and pass the policy quizzes."
    assert led_units(advice)[-1] == ("Post compliant content and pass the policy quizzes.", "")
    no = "**Q: Can I have two accounts?**\nA: No. One TikTok account per creator on the roster."
    assert led_units(no)[-1] == ("Can I have two accounts? No. One TikTok account per creator on the roster.", "")


def test_a_list_item_opening_with_its_own_condition_keeps_it_on_each_sentence() -> None:
    """'Explain gently and do not escalate as missing commission.' alone had led a colleague's answer about every
    missing commission; the page says it only of the creator's own purchases."""
    from assistant.passage_text import units

    got = units("- If the order is the creator's own purchase: own purchases never count. Explain gently and do not "
                "escalate.\n- Ask for the order ID. Then wait 24 hours.\n\n4. If the creator did break the rule: say "
                "what they have changed. A clear fix can still help.")
    assert "If the order is the creator's own purchase: explain gently and do not escalate." in got
    assert "If the creator did break the rule: a clear fix can still help." in got
    assert "Then wait 24 hours." in got  # an item with no condition of its own is left as it is
