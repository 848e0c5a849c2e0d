"""One place picks the LLM backend, through LangChain's init_chat_model, with lazy imports and install hints."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from assistant.errors import LLMError
from settings import Settings

OFFLINE = "none"  # no LLM: the offline drafter writes the reply


@dataclass(frozen=True)
class Provider:
    """One LLM backend: the package it needs, whether messages leave the machine, and how it is built."""

    name: str  # the value of CREATOR_DESK_LLM_PROVIDER
    package: str  # imported lazily, so the app starts without any LLM package installed
    install: str  # shown to the user when the package is missing
    hosted: bool  # messages go to a third party: personal data is redacted first (CREATOR_DESK_REDACT_PII)
    factory: Callable[[Settings, Provider], Any]  # the chat model for these settings
    model_provider: str = ""  # init_chat_model's name for the backend
    timeouts: bool = True  # its client takes timeout and max_retries (Ollama's does not)


def init_provider(settings: Settings, provider: Provider | None = None) -> Any:
    """init_chat_model with the provider's package imported lazily."""
    provider = provider or get_provider(settings.llm_provider)
    try:
        __import__(provider.package)
        from langchain.chat_models import init_chat_model
    except ImportError as err:
        raise LLMError(f"The {provider.name} provider needs a package: {provider.install}") from err
    if not settings.llm_model:
        raise LLMError("Set CREATOR_DESK_LLM_MODEL to the model name for the LLM provider.")
    kwargs: dict[str, Any] = {"temperature": 0}
    if provider.timeouts:
        kwargs.update(timeout=settings.llm_timeout, max_retries=settings.llm_max_retries)
    if settings.llm_api_key is not None:
        kwargs["api_key"] = settings.llm_api_key.get_secret_value()
    if settings.llm_base_url:
        kwargs["base_url"] = settings.llm_base_url
    return init_chat_model(settings.llm_model, model_provider=provider.model_provider, **kwargs)


def fake_model(spec: str) -> Any:
    """LangChain's fake chat model with scripted replies: a JSON list, or a path to one (tests and demos)."""
    from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
    from langchain_core.messages import AIMessage

    # A JSON list is never taken for a path: one longer than a file name made is_file() raise.
    is_path = spec and not spec.lstrip().startswith("[") and Path(spec).is_file()
    text = Path(spec).read_text(encoding="utf-8") if is_path else (spec or "[]")
    replies = json.loads(text)
    return GenericFakeChatModel(messages=iter([AIMessage(content=r) for r in replies * 50]))


PROVIDERS: dict[str, Provider] = {p.name: p for p in (
    Provider("openai", "langchain_openai", "pip install langchain-openai", True, init_provider, "openai"),
    # any server that speaks OpenAI's API (vLLM, LM Studio, a gateway) at CREATOR_DESK_LLM_BASE_URL
    Provider("openai_compatible", "langchain_openai", "pip install langchain-openai", True, init_provider, "openai"),
    Provider("anthropic", "langchain_anthropic", "pip install langchain-anthropic", True, init_provider, "anthropic"),
    Provider("ollama", "langchain_ollama", "pip install langchain-ollama", False, init_provider, "ollama", timeouts=False),
    Provider("fake", "langchain_core", "pip install langchain-core", False, lambda s, _: fake_model(s.llm_model)),
)}
# The providers whose messages leave the machine, for callers that only ask that.
HOSTED = frozenset(p.name for p in PROVIDERS.values() if p.hosted)


def get_provider(name: str) -> Provider:
    """The provider of that name, or an LLMError naming the ones there are."""
    try:
        return PROVIDERS[name]
    except KeyError:
        known = ", ".join([OFFLINE, *PROVIDERS])
        raise LLMError(f"Unknown LLM provider '{name}'; CREATOR_DESK_LLM_PROVIDER is one of {known}.") from None


def make_chat_model(settings: Settings) -> Any:
    """A LangChain chat model for the configured provider, or None for the offline drafter."""
    if settings.llm_provider == OFFLINE:
        return None
    provider = get_provider(settings.llm_provider)
    return provider.factory(settings, provider)


def describe(settings: Settings) -> str:
    """How the drafter is shown to reps and in JSON, e.g. 'llm:openai/gpt-4o-mini'."""
    if settings.llm_provider == OFFLINE:
        return "offline"
    return f"llm:{settings.llm_provider}/{settings.llm_model or 'default'}"
