"""How passages are cut into quotable sentences: tables as DOCX and HTML loaders flatten them."""
from __future__ import annotations


def test_a_two_column_table_from_docx_or_html_is_read_row_by_row() -> None:
    """The loaders write rows as 'A US person | Form W-9', without Markdown's outer pipes: a two-column
    table has one pipe a row and was quoted as 'Who the creator is | Form'."""
    from assistant.passage_text import units

    text = ("TikTok asks for US tax information where US tax rules apply.\nWho the creator is | Form\n"
            "A US person | Form W-9\nA non-US individual | Form W-8BEN\nA W-9 needs the legal name and the TIN.")
    assert units(text) == ["TikTok asks for US tax information where US tax rules apply.",
                           "A US person: form Form W-9.", "A non-US individual: form Form W-8BEN.",
                           "A W-9 needs the legal name and the TIN."]


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
