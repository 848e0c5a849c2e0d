"""A small OpenAI-compatible chat server on loopback, with switchable failure modes."""
from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class Stub:
    """Serves /v1/chat/completions; `mode` picks ok, slow, 429, 500 or malformed."""

    def __init__(self, reply: str = "The minimum withdrawal is US$2 [1]. PayPal charges 0.9% [1]."):
        self.mode, self.reply, self.requests = "ok", reply, []
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # keep test output clean
                pass

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
                stub.requests.append({"path": self.path, "body": body, "auth": self.headers.get("Authorization")})
                stub.respond(self, body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def __enter__(self) -> "Stub":
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.server.shutdown()
        self.server.server_close()

    def respond(self, handler: BaseHTTPRequestHandler, body: dict) -> None:
        if self.mode == "slow":
            time.sleep(3)
        if self.mode in ("429", "500"):
            payload = json.dumps({"error": {"message": "nope", "type": "server_error"}}).encode()
            handler.send_response(int(self.mode))
            handler.send_header("Content-Type", "application/json")
            handler.send_header("Content-Length", str(len(payload)))
            handler.end_headers()
            handler.wfile.write(payload)
            return
        handler.send_response(200)
        handler.send_header("Content-Type", "text/event-stream")
        handler.end_headers()
        if self.mode == "malformed":
            handler.wfile.write(b"data: {this is not json\n\n")
            return
        for word in self.reply.split(" "):
            chunk = {"id": "c1", "object": "chat.completion.chunk", "created": 0, "model": body.get("model", "m"),
                     "choices": [{"index": 0, "delta": {"content": word + " "}, "finish_reason": None}]}
            handler.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
            handler.wfile.flush()
        handler.wfile.write(b"data: [DONE]\n\n")
