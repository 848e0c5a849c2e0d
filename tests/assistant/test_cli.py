"""`python -m assistant ask --json --from FILE`: JSON lines in, the contract's fields out, in order."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from assistant.text import MARKER_RE
from tests.conftest import ROOT


def test_cli_from_file_follows_the_contract(kb_store: Path, tmp_path: Path) -> None:
    lines = [{"id": "a", "question": "whats the paypal withdrawal fee in the US?"},
             {"id": "b", "question": "can i get paid in bitcoin?", "extra": 1}]
    src = tmp_path / "q.jsonl"
    src.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    cmd = [sys.executable, "-m", "assistant", "ask", "--store", str(kb_store), "--json", "--from", str(src)]
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=300,
                          env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    out = [json.loads(x) for x in done.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", "b"] and out[1]["extra"] == 1
    for line, o in zip(lines, out):
        passed_through = [k for k in line if k != "question"]  # input fields come first, in input order
        assert list(o)[:len(passed_through) + 5] == passed_through + ["question", "status", "draft", "citations",
                                                                      "reason"]
        assert o["question"] == line["question"]
        used = {int(n) for n in MARKER_RE.findall(o["draft"])}
        assert used == {c["n"] for c in o["citations"]}
        for c in o["citations"]:
            assert set(c) >= {"n", "source", "title", "section", "page", "score", "quote"}
    assert out[0]["status"] == "answered" and out[1]["status"] == "escalate"
