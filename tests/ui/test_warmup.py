"""The warm-up: started with the server, adopted by the first page, and never calling an LLM."""
from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st

from settings import load_settings


@pytest.fixture
def no_models(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[object]:
    """Warm-ups that build nothing, recorded; fresh Streamlit caches before and after."""
    from ui import resources

    built: list[object] = []

    def build(self: resources.Warmup) -> None:
        built.append(self)
        self.done.set()

    monkeypatch.setattr(resources.Warmup, "_build", build)
    monkeypatch.chdir(tmp_path)  # no stray .env
    st.cache_resource.clear()
    yield built
    st.cache_resource.clear()
    resources._EARLY.clear()


def test_the_first_page_adopts_the_warm_up_the_server_started(no_models: list[object]) -> None:
    from ui import resources

    resources.prewarm()
    assert len(no_models) == 1, "the server starts loading before any page runs"
    adopted = resources._warmup(resources.env_fingerprint(), load_settings())
    assert adopted is no_models[0] and len(no_models) == 1, "the page does not load the models again"
    assert resources._warmup(resources.env_fingerprint(), load_settings()) is adopted


def test_a_bad_setting_leaves_the_error_to_the_first_page(no_models: list[object],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from ui import resources

    monkeypatch.setenv("CREATOR_DESK_SEARCH_K", "many")
    resources.prewarm()
    assert no_models == [] and not resources._EARLY


def test_serve_starts_the_warm_up_then_streamlit_on_app_py(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from streamlit.web import cli

    from ui import resources, serve

    calls: list[object] = []
    monkeypatch.setattr(resources, "prewarm", lambda: calls.append("prewarm"))
    monkeypatch.setattr(cli, "main", lambda: calls.append(list(sys.argv)))
    monkeypatch.setattr(sys, "argv", list(sys.argv))
    serve.main(["--server.port", "8600"])
    assert calls == ["prewarm", ["streamlit", "run", str(serve.APP), "--server.port", "8600"]]
    assert serve.APP.name == "app.py" and serve.APP.exists()


def test_warm_up_loads_what_a_draft_needs_and_never_calls_the_llm(kb_assistant) -> None:
    from assistant.drafters import LLMDrafter
    from assistant.warmup import warm_up

    class Refuses:
        """A chat model that fails the test if the warm-up calls it."""

        def stream(self, messages: object) -> None:
            raise AssertionError("the warm-up called the LLM")

    kb_assistant.drafter = LLMDrafter(Refuses(), "llm:fake/refuses", redact_pii=False)
    warm_up(kb_assistant)
    assert kb_assistant.reader._model is not None and kb_assistant.embedder._model is not None
    assert kb_assistant.searcher.generation is not None, "the keyword index is built"
    assert kb_assistant._matrix is not None
    from assistant.language import identifier

    assert identifier.cache_info().currsize == 1
