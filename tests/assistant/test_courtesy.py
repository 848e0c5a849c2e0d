"""A message that asks nothing (a greeting, thanks, an acknowledgement) is not answered from the knowledge base."""
from __future__ import annotations

import json

import pytest

from assistant.courtesy import asks_nothing
from assistant.errors import EmptyMessageError
from tests.conftest import ROOT


@pytest.mark.parametrize("message", ["hi", "thanks!!", "ok got it, thank you 🙏", "Hi there 👋", "cheers, all sorted",
                                     "thanks so much for the help yesterday!! all sorted now 🥰", "thank you! it worked"])
def test_a_courtesy_asks_nothing(message: str) -> None:
    assert asks_nothing(message)


@pytest.mark.parametrize("message", [
    "help!!",  # a plea
    "thanks, when do I get paid",  # a question without its question mark
    "thanks but it is still not working",  # a courtesy that reports a problem
    "hi there, my sample is late",
    "ok?",
    "hello, I have a question about samples",
])
def test_a_message_that_says_something_is_read(message: str) -> None:
    assert not asks_nothing(message)


def test_no_eval_question_reads_as_asking_nothing() -> None:
    """Every question written for the eval sets asks something: none may be turned away as a courtesy."""
    files = [ROOT / "eval" / "questions.jsonl", ROOT / "eval" / "dev_questions.jsonl", ROOT / "eval" / "kb2" / "questions.jsonl"]
    questions = [json.loads(line)["question"] for path in files for line in path.read_text(encoding="utf-8").splitlines()
                 if line.strip()]
    assert len(questions) > 1000
    assert not [q for q in questions if asks_nothing(q)]


def test_thanks_gets_no_draft_from_the_knowledge_base(kb_assistant) -> None:
    """Search always finds a closest passage; a thank-you must not be answered with it."""
    with pytest.raises(EmptyMessageError, match="asks nothing"):
        kb_assistant.ask("thanks so much, all sorted now 🥰")


def test_the_cli_says_why_and_drafts_nothing(kb_store, capsys) -> None:
    from assistant.__main__ import main

    assert main(["ask", "--store", str(kb_store), "thanks!!"]) == 2
    out = capsys.readouterr()
    assert "asks nothing" in out.err and "drafted by" not in out.out
