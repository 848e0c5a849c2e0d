"""Settings: defaults, environment, .env, and errors that name the variable."""
from __future__ import annotations

from pathlib import Path

import pytest

from settings import Settings, SettingsError, load_settings


def test_every_setting_has_a_description_and_default() -> None:
    for name, field in Settings.model_fields.items():
        assert field.description, name
        assert not field.is_required(), name


def test_environment_overrides(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CREATOR_DESK_SEARCH_K", "9")
    monkeypatch.setenv("CREATOR_DESK_CHROMA_MODE", "server")
    s = load_settings()
    assert s.search_k == 9 and s.chroma_mode == "server"


def test_dotenv_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text("CREATOR_DESK_REGION=UK\n", encoding="utf-8")
    assert load_settings().region == "UK"


@pytest.mark.parametrize("name,value", [("CHROMA_PORT", "99999"), ("LLM_PROVIDER", "gpt5"), ("SEARCH_K", "many")])
def test_invalid_value_names_the_setting(monkeypatch: pytest.MonkeyPatch, name: str, value: str) -> None:
    monkeypatch.setenv("CREATOR_DESK_" + name, value)
    with pytest.raises(SettingsError, match=f"Invalid setting CREATOR_DESK_{name}"):
        load_settings()
