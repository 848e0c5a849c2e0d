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


def test_unknown_variable_stops_start_up_with_the_nearest_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CREATOR_DESK_CHROMA_MOD", "server")
    with pytest.raises(SettingsError) as err:
        load_settings()
    assert str(err.value) == "Unknown setting CREATOR_DESK_CHROMA_MOD; did you mean CREATOR_DESK_CHROMA_MODE?"


def test_unknown_variable_without_a_near_name_is_still_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CREATOR_DESK_ZZZ", "1")
    with pytest.raises(SettingsError, match="Unknown setting CREATOR_DESK_ZZZ") as err:
        load_settings()
    assert "did you mean" not in str(err.value)


def test_unknown_key_in_dotenv_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text("CREATOR_DESK_SEARCH_KK=4\nOTHER_TOOL_KEY=x\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="CREATOR_DESK_SEARCH_KK; did you mean CREATOR_DESK_SEARCH_K"):
        load_settings()


def test_unknown_and_invalid_are_reported_together(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CREATOR_DESK_REGON", "UK")
    monkeypatch.setenv("CREATOR_DESK_SEARCH_K", "many")
    with pytest.raises(SettingsError) as err:
        load_settings()
    lines = str(err.value).splitlines()
    assert lines[0].startswith("Unknown setting CREATOR_DESK_REGON; did you mean CREATOR_DESK_REGION?")
    assert lines[1].startswith("Invalid setting CREATOR_DESK_SEARCH_K")


def test_tool_switches_are_not_settings_but_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CREATOR_DESK_SCREENSHOTS", "/tmp/shots")
    assert load_settings().search_k == 6
