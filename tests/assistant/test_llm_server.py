"""The real OpenAI provider client against a loopback server: streaming and every failure mode."""
from __future__ import annotations

from pathlib import Path

import pytest

from assistant.service import Assistant, build_drafter
from settings import load_settings
from tests.conftest import ROOT
from tests.openai_stub import Stub

KEY = "sk-test-SECRET-0123456789"
QUESTION = "hi im Jess (maya.k@example.com, +1 415 555 0132). whats the minimum withdrawal and paypal fee?"


def assistant_for(kb_assistant: Assistant, stub: Stub, **extra: object) -> Assistant:
    """The sample-KB assistant, drafting through the OpenAI-compatible provider at the stub."""
    settings = load_settings(store_dir=kb_assistant.settings.store_dir, kb_dir=ROOT / "knowledge_base",
                             llm_provider="openai_compatible", llm_model="stub-model", llm_base_url=stub.base_url,
                             llm_api_key=KEY, llm_timeout=1.0, llm_max_retries=0, **extra)
    kb_assistant.settings = settings
    kb_assistant.drafter = build_drafter(settings, kb_assistant.offline)
    return kb_assistant


def test_streams_through_the_real_client_and_redacts(kb_assistant: Assistant) -> None:
    with Stub() as stub:
        assistant = assistant_for(kb_assistant, stub)
        parts = list(assistant.ask_stream(QUESTION))
    deltas, draft = [p for p in parts if isinstance(p, str)], parts[-1]
    assert len(deltas) >= 5 and draft.drafter == "llm:openai_compatible/stub-model"
    assert draft.status == "answered" and draft.citations
    sent = str(stub.requests[0]["body"])
    assert "maya.k@example.com" not in sent and "555 0132" not in sent and "[EMAIL_1]" in sent
    assert stub.requests[0]["auth"] == f"Bearer {KEY}"


def test_redaction_can_be_switched_off(kb_assistant: Assistant) -> None:
    with Stub() as stub:
        assistant_for(kb_assistant, stub, redact_pii=False).ask(QUESTION)
    assert "maya.k@example.com" in str(stub.requests[0]["body"])


@pytest.mark.parametrize("mode,words", [("429", "rate-limiting"), ("500", "server error (500)"),
                                        ("slow", "did not answer in time"), ("malformed", "failed")])
def test_failures_give_a_clear_message_without_the_key(kb_assistant: Assistant, mode: str, words: str) -> None:
    with Stub() as stub:
        stub.mode = mode
        draft = assistant_for(kb_assistant, stub).ask(QUESTION)
    notice = " ".join(draft.notices)
    assert words in notice, notice
    assert KEY not in notice and KEY not in draft.draft and "SECRET" not in str(draft.to_dict())
    assert draft.question == QUESTION, "the rep's input is kept"
    assert draft.drafter == "offline" and draft.draft.startswith("Hi Jess"), "the offline drafter stands in"
