"""Every prompt template renders with exactly the placeholders the code passes."""
from __future__ import annotations

import pytest

import prompts

# What the code passes to each template; a new template must be listed here.
EXPECTED = {
    "offline_reply": {"greeting", "answer", "next_steps", "sign_off"},
    # a creator is told which team has the question, never its internal first-response target
    "holding_reply": {"greeting", "team", "sign_off"},
    "staff_answer": {"answer", "next_steps"},
    "staff_holding": {"team", "first_response"},
    # the line under a partly covered answer: who answers the rest
    "holding_rest": {"team"},
    "staff_holding_rest": {"team", "first_response"},
    "llm_system": {"no_answer", "agency"},
    "llm_user": {"passages", "message", "creator_name", "region"},
    # the LLM path for another language (assistant/translate.py)
    "translate_question": {"language", "message"},
    "translate_reply": {"language", "reply"},
    # holding replies in the creator's language (assistant/language.py), one per language in HOLDING
    **{f"holding_reply_{code}": {"team"} for code in ("vi", "th", "id", "ms", "tl")},
}


def test_every_template_is_known() -> None:
    assert set(prompts.templates()) == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_template_placeholders_match_the_code(name: str) -> None:
    assert prompts.placeholders(prompts.load(name)) == EXPECTED[name]
    text = prompts.render(name, **{k: f"<{k}>" for k in EXPECTED[name]})
    assert all(f"<{k}>" in text for k in EXPECTED[name])


def test_missing_placeholder_is_an_error() -> None:
    with pytest.raises(prompts.PromptError, match="needs \\['sign_off'\\]"):
        prompts.render("holding_reply", greeting="Hi", team="T")


def test_unexpected_placeholder_is_an_error() -> None:
    with pytest.raises(prompts.PromptError, match="no placeholder for \\['bonus'\\]"):
        prompts.render("staff_answer", answer="a", next_steps="", bonus="$500")


def test_system_prompt_carries_the_sentinel() -> None:
    assert prompts.NO_ANSWER in prompts.render("llm_system", no_answer=prompts.NO_ANSWER, agency="Spotlight Media")
