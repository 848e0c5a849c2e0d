"""README stays true: the two commands and the generated settings table."""
from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_readme_shows_the_two_commands_and_current_settings() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make run" in readme and "make test" in readme
    table = subprocess.run([sys.executable, "scripts/settings_table.py"], cwd=ROOT, capture_output=True,
                           text=True, check=True).stdout.strip()
    assert table in readme, "regenerate the table with: python scripts/settings_table.py"


def test_ci_calls_make_test() -> None:
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_readme_is_short_and_its_links_resolve_inside_the_repository() -> None:
    """A newcomer's README: about 12 KB at most, and every relative link or image points at a file here."""
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.encode("utf-8")) <= 12_800
    targets = re.findall(r"\]\(([^)\s]+)\)", readme)
    assert targets
    for target in targets:
        if target.startswith(("http://", "https://", "#")):
            continue
        assert (ROOT / target.split("#")[0]).resolve().is_relative_to(ROOT), target
        assert (ROOT / target.split("#")[0]).exists(), target
