"""The Library page (knowledge owners) against a knowledge base holding a file whose name is not UTF-8."""
from __future__ import annotations

import os

import pytest

from tests.app_fixtures import AppEnv, app_env, keep_main_module  # noqa: F401  (fixtures)
from tests.ui.test_app import start, unlock

pytestmark = pytest.mark.slow


def test_a_name_that_is_not_utf8_breaks_no_page_and_no_form(app_env: AppEnv) -> None:
    with open(os.fsencode(app_env.settings.kb_dir / "policies") + b"/caf\xe9.md", "wb") as handle:
        handle.write(b"# Cafe\n\nCoffee creators post daily.")
    at = unlock(start("ui/library.py"))
    assert not at.exception
    assert at.file_uploader and at.selectbox(key="retire_source").options
    at.button(key="refresh").click().run()
    assert not at.exception
    errors = " ".join(e.value for e in at.error)
    assert "caf\\xe9.md" in errors and "not valid UTF-8" in errors  # its bytes shown as \\xNN
    assert "policies/free-samples.md" in set(at.dataframe[0].value["Source"])
