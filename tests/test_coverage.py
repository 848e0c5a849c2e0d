"""Whether the knowledge base answers: names the creator goes by, and markets with only SEA-wide rules."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("question, names", [
    ("the W-9 asks for my legal name but i use my stage name 'Kiki Rae' for everything, can i put that?", []),
    ("my shop name is \"Tiny Treasures\", does Dyson sell on TikTok Shop?", ["Dyson"]),
    ("a brand called 'Glow Lab' sent me a sample, is Glow Lab legit?", ["Glow Lab"]),  # the question is about it
    ("from Penang 🇲🇾 i do fashion LIVEs, is that unoriginal now?", []),  # the greeting was cut: where they are
])
def test_the_creators_own_name_and_home_town_are_not_unknown_brands(question: str, names: list[str]) -> None:
    from assistant.coverage import unknown_names

    assert unknown_names(question, lambda word: False) == names
