"""The LLM provider table in assistant/llm.py: every row complete, the settings accept exactly its names, and
a missing package or an unknown name is a clear error."""
from __future__ import annotations

from dataclasses import replace
from typing import Any, get_args

import pytest

from assistant.errors import LLMError
from assistant.llm import HOSTED, OFFLINE, PROVIDERS, describe, get_provider, init_provider, make_chat_model
from settings import Settings


def test_every_provider_names_its_package_and_install_hint() -> None:
    for name, provider in PROVIDERS.items():
        assert provider.name == name and provider.package and callable(provider.factory)
        assert provider.install == "pip install " + provider.package.replace("_", "-"), name


def test_the_settings_accept_exactly_the_table_and_offline() -> None:
    assert set(get_args(Settings.model_fields["llm_provider"].annotation)) == {OFFLINE, *PROVIDERS}


def test_personal_data_is_redacted_for_exactly_the_hosted_providers() -> None:
    assert HOSTED == {"openai", "openai_compatible", "anthropic"}


def test_an_unknown_provider_names_the_known_ones(settings: Settings) -> None:
    with pytest.raises(LLMError, match=r"Unknown LLM provider 'gemini'.*none, openai, "):
        get_provider("gemini")
    with pytest.raises(LLMError, match="Unknown LLM provider 'gemini'"):
        make_chat_model(settings.model_copy(update={"llm_provider": "gemini"}))


def test_a_missing_package_gives_its_install_command(settings: Settings) -> None:
    missing = replace(PROVIDERS["anthropic"], package="no_such_package_for_creator_desk")
    with pytest.raises(LLMError, match="The anthropic provider needs a package: pip install langchain-anthropic"):
        init_provider(settings.model_copy(update={"llm_model": "m"}), missing)


def test_offline_and_fake_need_no_server(settings: Settings) -> None:
    assert make_chat_model(settings) is None and describe(settings) == "offline"
    fake = settings.model_copy(update={"llm_provider": "fake", "llm_model": '["scripted"]'})
    assert make_chat_model(fake).invoke("hi").content == "scripted"
    assert describe(fake) == "llm:fake/[\"scripted\"]"


@pytest.mark.parametrize("name", ["openai", "ollama"])
def test_timeouts_go_only_to_clients_that_take_them(name: str, settings: Settings,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import langchain.chat_models

    seen: dict[str, Any] = {}
    monkeypatch.setattr(langchain.chat_models, "init_chat_model", lambda model, **kw: seen.update(kw, model=model))
    provider = replace(PROVIDERS[name], package="json")  # importable everywhere: the test needs no LLM package
    init_provider(settings.model_copy(update={"llm_provider": name, "llm_model": "m"}), provider)
    assert seen["model"] == "m" and seen["model_provider"] == name and seen["temperature"] == 0
    assert ("timeout" in seen and "max_retries" in seen) == (name != "ollama")
