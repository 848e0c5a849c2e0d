"""Safe markdown: '$' stays text however many backslashes come before it."""
from __future__ import annotations

import re

import pytest

from ui.common import safe_markdown


def live_dollars(markdown: str) -> list[int]:
    """Positions of '$' signs that CommonMark would leave unescaped (an even run of backslashes before)."""
    return [m.start(2) for m in re.finditer(r"(\\*)(\$)", markdown) if len(m.group(1)) % 2 == 0]


@pytest.mark.parametrize("text", ["$5 and $10", "\\$x\\$", "\\\\$x\\\\$", "\\\\\\$x$", "a\\\\\\\\$b$", "$$x^2$$",
                                  "US\\$2 minimum, then \\\\$E=mc^2\\\\$"])
def test_no_dollar_sign_is_left_live(text: str) -> None:
    assert live_dollars(safe_markdown(text)) == []


def test_already_escaped_dollars_are_not_escaped_twice() -> None:
    assert safe_markdown("US\\$2 and $3") == "US\\$2 and \\$3"
