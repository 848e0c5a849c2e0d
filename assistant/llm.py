"""One place picks the LLM backend, through LangChain's init_chat_model, with lazy imports and install hints."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from assistant.errors import LLMError
from settings import Settings

INSTALL_HINTS = {
    "openai": "pip install langchain-openai", "openai_compatible": "pip install langchain-openai",
    "anthropic": "pip install langchain-anthropic", "ollama": "pip install langchain-ollama",
}
HOSTED = {"openai", "anthropic", "openai_compatible"}


def make_chat_model(settings: Settings) -> Any:
    """A LangChain chat model for the configured provider, or None for the offline drafter."""
    provider = settings.llm_provider
    match provider:
        case "none":
            return None
        case "fake":
            return fake_model(settings.llm_model)
        case "openai" | "openai_compatible" | "anthropic" | "ollama":
            return init_provider(settings)
        case other:
            raise LLMError(f"Unknown LLM provider '{other}'")


def init_provider(settings: Settings) -> Any:
    """init_chat_model with the provider's package imported lazily."""
    provider = settings.llm_provider
    package = {"openai": "langchain_openai", "openai_compatible": "langchain_openai",
               "anthropic": "langchain_anthropic", "ollama": "langchain_ollama"}[provider]
    try:
        __import__(package)
        from langchain.chat_models import init_chat_model
    except ImportError as err:
        raise LLMError(f"The {provider} provider needs a package: {INSTALL_HINTS[provider]}") from err
    if not settings.llm_model:
        raise LLMError("Set CREATOR_DESK_LLM_MODEL to the model name for the LLM provider.")
    kwargs: dict[str, Any] = {"temperature": 0, "timeout": settings.llm_timeout,
                              "max_retries": settings.llm_max_retries}
    if settings.llm_api_key is not None:
        kwargs["api_key"] = settings.llm_api_key.get_secret_value()
    if settings.llm_base_url:
        kwargs["base_url"] = settings.llm_base_url
    if provider == "ollama":
        kwargs.pop("timeout")
        kwargs.pop("max_retries")
    model_provider = "openai" if provider == "openai_compatible" else provider
    return init_chat_model(settings.llm_model, model_provider=model_provider, **kwargs)


def fake_model(spec: str) -> Any:
    """LangChain's fake chat model with scripted replies: a JSON list, or a path to one (tests and demos)."""
    from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
    from langchain_core.messages import AIMessage

    # A JSON list is never taken for a path: one longer than a file name made is_file() raise.
    is_path = spec and not spec.lstrip().startswith("[") and Path(spec).is_file()
    text = Path(spec).read_text(encoding="utf-8") if is_path else (spec or "[]")
    replies = json.loads(text)
    return GenericFakeChatModel(messages=iter([AIMessage(content=r) for r in replies * 50]))


def describe(settings: Settings) -> str:
    """How the drafter is shown to reps and in JSON, e.g. 'llm:openai/gpt-4o-mini'."""
    if settings.llm_provider == "none":
        return "offline"
    return f"llm:{settings.llm_provider}/{settings.llm_model or 'default'}"
