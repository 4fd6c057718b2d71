"""A fake Mistral server on 127.0.0.1: scripted answers, errors, slow replies, garbage, hanging, recorded requests.

Only the network is faked; the real `mistralai` SDK talks to it over HTTP.
"""
from __future__ import annotations

import json
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    status: int = 200
    body: dict | str = ""
    delay_s: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    body: dict | None


def chat(content: str, model: str = "mistral-small-latest") -> Reply:
    return Reply(body={
        "id": "cmpl-fake", "object": "chat.completion", "model": model, "created": 1_700_000_000,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20}})


def chat_json(data: dict, **kwargs) -> Reply:
    return chat(json.dumps(data, ensure_ascii=False), **kwargs)


def ocr(markdown: str) -> Reply:
    return Reply(body={"pages": [{"index": 0, "markdown": markdown, "images": [],
                                  "dimensions": {"dpi": 200, "height": 100, "width": 100}}],
                       "model": "mistral-ocr-latest", "usage_info": {"pages_processed": 1}})


def error(status: int, **headers: str) -> Reply:
    return Reply(status=status, body={"object": "error", "message": f"fake error {status}"}, headers=headers)


MODELS = Reply(body={"object": "list", "data": [{"id": "mistral-small-latest", "object": "model", "type": "base",
                                                 "created": 0, "owned_by": "mistralai",
                                                 "capabilities": {"completion_chat": True}}]})


class FakeMistral:
    def __init__(self) -> None:
        self.replies: deque[Reply] = deque()
        self.requests: list[Recorded] = []
        self.hanging = False
        self._closing = threading.Event()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # keep test output quiet
                pass

            def _answer(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                raw = self.rfile.read(length) if length else b""
                body = json.loads(raw) if raw else None
                fake.requests.append(Recorded(self.command, self.path, dict(self.headers), body))
                if fake.hanging:  # the connection stays open and no byte comes back until the server stops
                    fake._closing.wait()
                    return
                if self.command == "GET" and self.path.endswith("/models"):
                    reply = MODELS
                elif fake.replies:
                    reply = fake.replies.popleft()
                else:
                    reply = error(599)
                time.sleep(reply.delay_s)
                payload = reply.body if isinstance(reply.body, str) else json.dumps(reply.body)
                try:
                    self.send_response(reply.status)
                    is_json = not isinstance(reply.body, str)
                    self.send_header("content-type", "application/json" if is_json else "text/html")
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    self.send_header("content-length", str(len(payload.encode())))
                    self.end_headers()
                    self.wfile.write(payload.encode())
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout)
                    pass

            do_GET = do_POST = _answer

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def script(self, *replies: Reply) -> None:
        self.replies.extend(replies)

    def hang(self) -> None:
        """From now on, accept every request and never answer it (a hung server behind an open port)."""
        self.hanging = True

    def posts(self) -> list[Recorded]:
        return [r for r in self.requests if r.method == "POST"]

    def __enter__(self) -> "FakeMistral":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._closing.set()
        self._server.shutdown()
        self._server.server_close()
