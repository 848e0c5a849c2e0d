"""The Learn page shows its `?doc=` query parameter as plain text, never as markdown."""
from __future__ import annotations

import pytest

from tests.app_fixtures import AppEnv, app_env, keep_main_module  # noqa: F401  (fixtures)
from tests.ui.test_app import start

pytestmark = pytest.mark.slow

CRAFTED = "[Verify your payout](https://evil.example/login) :red[**URGENT**: call +1 555 0100] $x^2$ <b>hi</b>"


def test_a_crafted_doc_parameter_renders_as_plain_text(app_env: AppEnv) -> None:
    at = start()
    at.query_params["doc"] = CRAFTED
    at.switch_page("ui/learn.py").run()
    assert not at.exception
    boxes = [w.value for w in at.warning] + [m.value for m in at.markdown] + [c.value for c in at.caption]
    assert any("not in the index" in w.value for w in at.warning)
    for rendered in boxes:
        assert "evil.example" not in rendered and ":red[" not in rendered and "URGENT" not in rendered
    assert any(CRAFTED in t.value for t in at.text)
