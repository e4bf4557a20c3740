"""Summaries on an intranet server: read with the standard library, bounded in size and time."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from dytool.cli.main import run
from dytool.rollup.published import CAPS


@pytest.fixture
def server(example_summary: dict[str, Any]) -> Iterator[str]:
    body = json.dumps(example_summary, ensure_ascii=False).encode("utf-8")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path == "/fgw/dytool-summary.json":
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            elif self.path == "/moved":
                self.send_response(302)
                self.send_header("Location", "file:///etc/passwd")
                self.end_headers()
            elif self.path == "/huge":
                self.send_response(200)
                self.end_headers()
                chunk = b" " * (1 << 20)
                try:
                    for _ in range((CAPS["bytes"] >> 20) + 4):
                        self.wfile.write(chunk)
                except OSError:
                    pass  # the reader stopped at its limit
            elif self.path == "/slow":
                time.sleep(3)
                self.send_response(200)
                self.end_headers()
            else:
                self.send_error(404)

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_members_on_an_intranet_server(server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("dytool.source.fetchurl.TIMEOUT", 0.5)
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "rollup.yaml").write_text(
        "id: r\ntitle: 汇总\nmembers:\n"
        f"  - {{name: 市发改委, kind: department, summary: '{server}/fgw/dytool-summary.json'}}\n"
        f"  - {{name: 市教育局, kind: department, summary: '{server}/jyj/dytool-summary.json'}}\n"
        f"  - {{name: 市卫健委, kind: department, summary: '{server}/moved'}}\n"
        f"  - {{name: 市民政局, kind: department, summary: '{server}/huge'}}\n"
        f"  - {{name: 市商务局, kind: department, summary: '{server}/slow'}}\n"
        "  - {name: 市水利局, kind: department, summary: 'ftp://example.org/x.json'}\n", encoding="utf-8")
    started = time.monotonic()
    code = run(["rollup", "status", "-C", str(tmp_path), "--as-of", "2023-09-15", "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert time.monotonic() - started < 10
    assert code == 1
    assert [m["name"] for m in report["members"]] == ["市发改委"]
    reasons = [f["reason"] for f in report["failed"]]
    assert reasons[0] == "服务器回答 404"
    assert reasons[1] == "服务器转向了非 http(s) 地址，已拒绝"
    assert reasons[2] == "汇总数据超过 16 MiB 上限"
    assert reasons[3].startswith("无法连接")
    assert reasons[4].startswith("不支持的地址类型“ftp”")
